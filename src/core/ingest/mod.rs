//! Ingest: a dropped file's bytes to a [`Table`] of original cell text and
//! an [`IngestReport`] saying how it was read.
//!
//! The steps are separate so later issues can extend each alone (legacy
//! code pages in `decode`, whitespace-aligned files in `sniff`, xlsx next
//! to `read`):
//!
//! 1. `decode`: BOM / UTF-16 / UTF-8 to text, binary files refused;
//! 2. `sniff`: the delimiter, from the first records;
//! 3. `quotes`: refuse a quoted field that never closes;
//! 4. `header`: is the first row a header, and unique column names;
//! 5. `read`: the csv crate parses every record into the table.
//!
//! Row numbers in warnings and errors are 1-based record numbers in the
//! file, the first record (normally the header) being row 1.

// User data must never panic the app: no indexing, unwrap or expect outside tests.
#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod binary;
mod decode;
mod delimiter;
mod header;
mod quotes;
mod read;
mod report;
mod sniff;

use serde::{Deserialize, Serialize};

use crate::core::table::Table;

pub use delimiter::Delimiter;
pub use report::{IngestError, Warning, WarningKind, MAX_KEPT_WARNINGS};

/// How a file was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngestReport {
    pub file_name: String,
    /// "utf-8", "utf-8-bom", "utf-16le" or "utf-16be".
    pub encoding: String,
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
}

/// A file read into a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    pub table: Table,
    pub report: IngestReport,
}

/// Read a delimited text file (CSV, TSV, `;` or `|` separated) from its bytes.
/// Never panics, whatever the bytes; see the module docs for the steps.
pub fn read_table(file_name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    let decoded = decode::decode(bytes)?;
    let text: &str = &decoded.text;
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let sniffed = sniff::sniff(text);
    if let Some((row, column)) = quotes::find_unclosed_quote(text, sniffed.delimiter.as_byte()) {
        return Err(IngestError::UnclosedQuote { row, column });
    }
    let has_header = detect_header(&sniffed.sample);
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
    let read = read::read_records(text, sniffed.delimiter, has_header, &mut log)?;
    let (warnings, warnings_total) = log.finish();
    let report = IngestReport {
        file_name: file_name.to_string(),
        encoding: decoded.encoding.label().to_string(),
        delimiter: sniffed.delimiter,
        has_header,
        rows: read.rows,
        empty_rows_skipped: read.empty_rows_skipped,
        warnings,
        warnings_total,
    };
    Ok(Ingested {
        table: read.table,
        report,
    })
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
