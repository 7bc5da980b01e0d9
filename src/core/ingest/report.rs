//! What ingest tells the user: warnings about a file it could read, errors
//! about one it could not. Both are data, not sentences, so the UI can say
//! them in English, Arabic or Persian.

use serde::{Deserialize, Serialize};

/// Something odd about a file that was read anyway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based record number in the file: the first record (normally the
    /// header) is row 1. Blank lines are not records and are not counted;
    /// a quoted field spanning lines is one record. 0 when the warning is
    /// about the whole file rather than one row.
    pub row: u64,
    /// 1-based column, when the warning is about one.
    pub column: Option<usize>,
    pub kind: WarningKind,
}

/// What the warning is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WarningKind {
    /// A row with a different number of cells than the header. Short rows
    /// are padded with empty cells; the extra cells of long rows are kept in
    /// added columns named "column N". `Warning::column` is where the
    /// difference starts: the first missing or the first extra cell.
    RaggedRow { expected: usize, found: usize },
    /// A header name used before; the column was renamed (e.g. "Name (2)").
    DuplicateHeader { name: String, renamed: String },
    /// A blank header; the column was named after its position ("column 3").
    EmptyHeader { renamed: String },
    /// Bytes that were not valid text in the file's encoding (invalid UTF-8,
    /// or unpaired UTF-16 surrogates: see `IngestReport::encoding`) were
    /// replaced by U+FFFD, `replaced` times. Reported with row 0.
    InvalidUtf8 { replaced: usize },
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IngestError {
    /// No bytes, or no record with any content.
    Empty,
    /// Binary data: NUL bytes outside UTF-16, or the signature of a zip
    /// (xlsx), old Excel, PDF, image or gzip file.
    NotText,
    /// A quoted field that never closes, so the rest of the file would be
    /// swallowed into one cell. 1-based record number (as in
    /// [`Warning::row`]) and column where that field starts.
    UnclosedQuote { row: u64, column: usize },
    /// The parser gave up at this 1-based record number.
    Unreadable { row: u64, message: String },
    /// The user chose an encoding no decoder knows.
    UnknownEncoding { label: String },
    /// The file is larger than this browser can hold in memory.
    TooLarge { bytes: u64 },
    /// A zip archive that is not an .xlsx workbook (no `xl/workbook.xml`):
    /// .ods, .docx, .xlsb or any other zip.
    NotAWorkbook,
    /// An OLE2 file: an old Excel .xls (or another old Office file). Not
    /// read: calamine's .xls reader parses every sheet when it opens the
    /// file and reserves rows × columns from each sheet's DIMENSIONS record
    /// with no limit, so it cannot be guarded before it allocates.
    XlsNotSupported,
    /// The workbook's entries declare more than `allowed` bytes in all.
    WorkbookTooLarge { uncompressed: u64, allowed: u64 },
    /// One large entry of the workbook's zip inflates more than
    /// `allowed`:1, the mark of a zip bomb.
    SuspiciousCompression {
        entry: String,
        ratio: u64,
        allowed: u64,
    },
    /// A sheet spanning, by its declared dimension or by the cells it
    /// holds, `rows` × `columns`, more than `allowed_cells`.
    SheetTooLarge {
        sheet: String,
        rows: u64,
        columns: u64,
        allowed_cells: u64,
    },
    /// A sheet whose cells hold more than `allowed` bytes of text.
    SheetTextTooLarge { sheet: String, allowed: u64 },
    /// The sheet asked for is not one of the workbook's worksheets.
    NoSuchSheet { name: String },
    /// A damaged workbook: the zip or XML reader's own words.
    BadWorkbook { message: String },
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IngestError::Empty => write!(f, "the file is empty: it holds no records"),
            IngestError::NotText => write!(
                f,
                "the file is not text (it looks like a spreadsheet, archive, PDF or image); save it as CSV"
            ),
            IngestError::UnclosedQuote { row, column } => write!(
                f,
                "the quoted field that starts in row {row}, column {column} is never closed"
            ),
            IngestError::Unreadable { row, message } => write!(f, "cannot read row {row}: {message}"),
            IngestError::UnknownEncoding { label } => write!(f, "unknown encoding \"{label}\""),
            IngestError::TooLarge { bytes } => {
                write!(f, "the file ({bytes} bytes) is too large to hold in memory")
            }
            IngestError::NotAWorkbook => write!(
                f,
                "the file is a zip archive but not an Excel .xlsx workbook; save it as .xlsx or CSV"
            ),
            IngestError::XlsNotSupported => write!(
                f,
                "old Excel .xls workbooks are not read; save it as .xlsx or CSV"
            ),
            IngestError::WorkbookTooLarge {
                uncompressed,
                allowed,
            } => write!(
                f,
                "the workbook unpacks to {uncompressed} bytes, more than the {allowed} allowed"
            ),
            IngestError::SuspiciousCompression {
                entry,
                ratio,
                allowed,
            } => write!(
                f,
                "the workbook part {entry} is compressed {ratio}:1, more than the {allowed}:1 allowed (a zip bomb?)"
            ),
            IngestError::SheetTooLarge {
                sheet,
                rows,
                columns,
                allowed_cells,
            } => write!(
                f,
                "sheet \"{sheet}\" spans {rows} rows × {columns} columns, more than the {allowed_cells} cells allowed"
            ),
            IngestError::SheetTextTooLarge { sheet, allowed } => write!(
                f,
                "sheet \"{sheet}\" holds more than {allowed} bytes of text"
            ),
            IngestError::NoSuchSheet { name } => {
                write!(f, "the workbook has no worksheet named \"{name}\"")
            }
            IngestError::BadWorkbook { message } => {
                write!(f, "the workbook is damaged: {message}")
            }
        }
    }
}

impl std::error::Error for IngestError {}

/// Warnings kept in a report: a broken million-row file must not produce a
/// million warnings. The rest are only counted.
pub const MAX_KEPT_WARNINGS: usize = 100;

/// Collects warnings, keeping the first [`MAX_KEPT_WARNINGS`] and counting all.
#[derive(Debug, Default)]
pub(crate) struct WarningLog {
    kept: Vec<Warning>,
    total: usize,
}

impl WarningLog {
    pub(crate) fn push(&mut self, warning: Warning) {
        self.total = self.total.saturating_add(1);
        if self.kept.len() < MAX_KEPT_WARNINGS {
            self.kept.push(warning);
        }
    }

    /// The kept warnings and the total count.
    pub(crate) fn finish(self) -> (Vec<Warning>, usize) {
        (self.kept, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_warnings_and_counts_all() {
        let mut log = WarningLog::default();
        for row in 0..250 {
            log.push(Warning {
                row,
                column: None,
                kind: WarningKind::InvalidUtf8 { replaced: 1 },
            });
        }
        let (kept, total) = log.finish();
        assert_eq!((kept.len(), total), (MAX_KEPT_WARNINGS, 250));
        assert_eq!(kept.first().map(|w| w.row), Some(0));
    }

    #[test]
    fn errors_read_as_plain_english_and_serialize_as_data() {
        let error = IngestError::UnclosedQuote { row: 7, column: 2 };
        assert_eq!(
            error.to_string(),
            "the quoted field that starts in row 7, column 2 is never closed"
        );
        let json = serde_json::to_value(&error).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"kind": "unclosed_quote", "row": 7, "column": 2})
        );
        let warning = WarningKind::RaggedRow {
            expected: 3,
            found: 2,
        };
        let json = serde_json::to_value(&warning).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"kind": "ragged_row", "expected": 3, "found": 2})
        );
    }
}
