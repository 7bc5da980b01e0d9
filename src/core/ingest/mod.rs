//! Ingest: a dropped file's bytes to a [`Table`] of original cell text and
//! an [`IngestReport`] saying how it was read.
//!
//! The steps are separate so later issues can extend each alone (legacy
//! code pages in `decode`, whitespace-aligned files in `sniff`; Excel
//! workbooks are read by `workbook`, chosen by the magic bytes):
//!
//! 1. `decode`: BOM / UTF-16 / UTF-8 to text, binary files refused;
//! 2. `sniff`: the delimiter, from the first records (`aligned` splits
//!    whitespace-aligned files);
//! 3. `header`: is the first row a header, and unique column names;
//! 4. `read`: every record into the table (`delimited` finds them: in
//!    place, or through csv_core for quoted records), a bounded number per
//!    step ([`Reading`]) so the worker can report progress and stop on
//!    cancel; a plain UTF-8 file may be read as it arrives (`stream`);
//! 5. `quotes`: refuse a quoted field that never closes. Such a field runs
//!    to the end of the text, so it is always in the last record: only that
//!    record is scanned, once the reader has reached it.
//!
//! Row numbers in warnings and errors are 1-based record numbers in the
//! file, the first record (normally the header) being row 1.

mod aligned;
mod binary;
mod cell_text;
mod decode;
mod delimited;
mod delimiter;
mod header;
mod quotes;
mod read;
mod report;
mod sniff;
mod source;
mod stream;
mod workbook;
mod zip_guard;

use serde::{Deserialize, Serialize};

use crate::core::table::Table;

pub use delimiter::Delimiter;
pub use report::{IngestError, Warning, WarningKind, MAX_KEPT_WARNINGS};
pub use source::SourceFormat;
pub use stream::TextStream;
pub use workbook::{read_workbook, sheet_names, MAX_SHEET_CELLS, MAX_SHEET_TEXT_BYTES};
pub use zip_guard::{MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, RATIO_CHECKED_ABOVE};

/// How a file was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngestReport {
    pub file_name: String,
    /// "utf-8", "utf-8-bom", "utf-16le" or "utf-16be"; "xlsx" for a workbook.
    pub encoding: String,
    /// The delimiter of a text file; a workbook keeps `Comma`, which means
    /// nothing for it (see `format`).
    pub delimiter: Delimiter,
    pub has_header: bool,
    /// Data rows: header excluded, all-empty rows excluded.
    pub rows: usize,
    /// All-empty rows (every cell empty/whitespace) that were dropped,
    /// wherever they were in the file (trailing Excel rows like `,,,,` are
    /// the usual case). Blank lines are not records and not counted.
    pub empty_rows_skipped: usize,
    /// The first [`MAX_KEPT_WARNINGS`] warnings, in file order.
    pub warnings: Vec<Warning>,
    /// All warnings, including those not kept in `warnings`.
    pub warnings_total: usize,
    /// What kind of file it was, told by its bytes, not its name.
    #[serde(default)]
    pub format: SourceFormat,
    /// For a workbook: the sheet that was read. Row numbers in warnings
    /// are that sheet's own row numbers.
    #[serde(default)]
    pub sheet: Option<String>,
    /// For a workbook: its worksheets in order, for a sheet picker.
    #[serde(default)]
    pub sheets: Vec<String>,
}

impl IngestReport {
    /// Read from an Excel workbook (it has sheets, not an encoding or a
    /// delimiter).
    pub fn is_workbook(&self) -> bool {
        self.format == SourceFormat::Xlsx
    }
}

/// A file read into a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    pub table: Table,
    pub report: IngestReport,
}

/// What the user overrode after seeing how a file was read; `None` means
/// "decide from the file".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadOptions {
    /// A WHATWG encoding label: "utf-8", "utf-16le", "windows-1256"…
    #[serde(default)]
    pub encoding: Option<String>,
    #[serde(default)]
    pub delimiter: Option<Delimiter>,
    #[serde(default)]
    pub has_header: Option<bool>,
    /// The worksheet of a workbook to read (None: the first with data).
    #[serde(default)]
    pub sheet: Option<String>,
}

/// Records read per [`Reading::step`] by [`read_table`]; the worker picks
/// its own step size.
const RECORDS_PER_STEP: usize = 64 * 1024;

/// Read a delimited text file (CSV, TSV, `;` or `|` separated, or
/// whitespace-aligned) from its bytes, deciding everything from the file.
/// Never panics, whatever the bytes; see the module docs for the steps.
/// Zip and OLE2 files (whatever their name) go to [`read_workbook`], which
/// reads the first sheet with data of an .xlsx.
pub fn read_table(file_name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    read_table_with(file_name, bytes.to_vec(), &LoadOptions::default())
}

/// [`read_table`] with the user's overrides, in one go.
pub fn read_table_with(
    file_name: &str,
    bytes: Vec<u8>,
    options: &LoadOptions,
) -> Result<Ingested, IngestError> {
    let mut reading = Reading::start(file_name, bytes, options)?;
    while !reading.step(RECORDS_PER_STEP)? {}
    reading.finish()
}

/// A file being read in steps, so the caller (the engine in a Web Worker)
/// can report progress and honour a cancel between them. Decoding, the
/// dialect and the header are settled in [`Reading::start`]; the records
/// are read by [`Reading::step`]. A workbook (zip or OLE2 bytes, whatever
/// the file is called) is read whole in `start`: calamine streams one
/// sheet, and its guards run before anything large is allocated.
pub enum Reading {
    Text(TextReading),
    Workbook(Ingested),
}

impl Reading {
    /// Tell a workbook from text by its first bytes, then start reading.
    pub fn start(
        file_name: &str,
        bytes: Vec<u8>,
        options: &LoadOptions,
    ) -> Result<Reading, IngestError> {
        if source::is_zip(&bytes) || source::is_ole2(&bytes) {
            return read_workbook(file_name, &bytes, options).map(Reading::Workbook);
        }
        TextReading::start(file_name, bytes, options).map(Reading::Text)
    }

    /// Read up to `max_records` more records; true when all are read.
    pub fn step(&mut self, max_records: usize) -> Result<bool, IngestError> {
        match self {
            Reading::Text(text) => text.step(max_records),
            Reading::Workbook(_) => Ok(true),
        }
    }

    /// Bytes of decoded text read so far, and in all.
    pub fn progress(&self) -> (u64, u64) {
        match self {
            Reading::Text(text) => text.progress(),
            Reading::Workbook(_) => (1, 1),
        }
    }

    /// The table and its report, after the last step.
    pub fn finish(self) -> Result<Ingested, IngestError> {
        match self {
            Reading::Text(text) => text.finish(),
            Reading::Workbook(ingested) => Ok(ingested),
        }
    }
}

/// A delimited text file being read in steps.
pub struct TextReading {
    file_name: String,
    encoding: &'static str,
    delimiter: Delimiter,
    has_header: bool,
    reader: read::RecordReader,
    log: report::WarningLog,
}

impl TextReading {
    /// Decode the bytes and settle the dialect. Errors that need no parsing
    /// (empty, binary, unknown encoding, an unclosed quote) come out here.
    pub fn start(
        file_name: &str,
        bytes: Vec<u8>,
        options: &LoadOptions,
    ) -> Result<TextReading, IngestError> {
        let decoded = decode::decode_owned(bytes, options.encoding.as_deref())?;
        let text = decoded.text;
        if text.trim().is_empty() {
            return Err(IngestError::Empty);
        }
        let (delimiter, has_header) = dialect(&text, options);
        let mut log = report::WarningLog::default();
        if decoded.replaced > 0 {
            log.push(Warning {
                row: 0,
                column: None,
                kind: WarningKind::InvalidUtf8 {
                    replaced: decoded.replaced,
                },
            });
        }
        Ok(TextReading {
            file_name: file_name.to_string(),
            encoding: decoded.encoding.label(),
            delimiter,
            has_header,
            reader: read::RecordReader::new(text, delimiter, has_header),
            log,
        })
    }

    /// Start on the first piece of a UTF-8 text that arrives in pieces
    /// (see [`TextStream`]), `expected_len` bytes in all. `None` if the
    /// piece is blank or the text is not delimited (whitespace-aligned
    /// columns are read whole).
    fn streaming(
        file_name: &str,
        first: String,
        encoding: decode::Encoding,
        options: &LoadOptions,
        expected_len: usize,
    ) -> Option<TextReading> {
        if first.trim().is_empty() {
            return None;
        }
        let (delimiter, has_header) = dialect(&first, options);
        let byte = delimiter.as_byte()?;
        Some(TextReading {
            file_name: file_name.to_string(),
            encoding: encoding.label(),
            delimiter,
            has_header,
            reader: read::RecordReader::streaming(first, byte, has_header, expected_len),
            log: report::WarningLog::default(),
        })
    }

    /// The next piece of a text arriving in pieces.
    fn append(&mut self, more: &str) {
        self.reader.append(more);
    }

    /// No more pieces.
    fn end_of_text(&mut self) {
        self.reader.end_of_text();
    }

    /// Whether every record of the text arrived so far is read.
    fn waiting(&self) -> bool {
        self.reader.waiting()
    }

    /// Read up to `max_records` more records; true when all are read.
    pub fn step(&mut self, max_records: usize) -> Result<bool, IngestError> {
        self.reader.step(max_records, &mut self.log)
    }

    /// Bytes of decoded text read so far, and in all.
    pub fn progress(&self) -> (u64, u64) {
        let (done, total) = self.reader.progress();
        (
            u64::try_from(done).unwrap_or(u64::MAX),
            u64::try_from(total).unwrap_or(u64::MAX),
        )
    }

    /// The table and its report, after the last step.
    pub fn finish(self) -> Result<Ingested, IngestError> {
        let read = self.reader.finish()?;
        let (warnings, warnings_total) = self.log.finish();
        let report = IngestReport {
            file_name: self.file_name,
            encoding: self.encoding.to_string(),
            delimiter: self.delimiter,
            has_header: self.has_header,
            rows: read.rows,
            empty_rows_skipped: read.empty_rows_skipped,
            warnings,
            warnings_total,
            format: SourceFormat::Text,
            sheet: None,
            sheets: Vec::new(),
        };
        Ok(Ingested {
            table: read.table,
            report,
        })
    }
}

/// The delimiter (the user's, or sniffed from the start of `text`) and
/// whether the first row is a header.
fn dialect(text: &str, options: &LoadOptions) -> (Delimiter, bool) {
    let sniffed = match options.delimiter {
        Some(delimiter) => sniff::sample_with(text, delimiter),
        None => sniff::sniff(text),
    };
    let has_header = options
        .has_header
        .unwrap_or_else(|| detect_header(&sniffed.sample));
    (sniffed.delimiter, has_header)
}

/// Header detection on the sniffed sample, all-empty rows left out.
fn detect_header(sample: &[Vec<String>]) -> bool {
    let mut rows = sample
        .iter()
        .filter(|row| !read::is_all_empty(row.iter().map(String::as_str)));
    let Some(first) = rows.next() else {
        return true;
    };
    let body: Vec<Vec<String>> = rows.cloned().collect();
    header::looks_like_header(first, &body)
}

#[cfg(test)]
mod tests;
