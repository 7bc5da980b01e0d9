//! Parsing the text into a [`Table`].

use std::collections::HashSet;

use super::aligned::AlignedRecords;
use super::delimited::{DelimitedRecords, Next};
use super::header::{header_names, positional_name, unique_name};
use super::quotes::find_unclosed_quote;
use super::report::{Warning, WarningKind, WarningLog};
use super::{Delimiter, IngestError};
use crate::core::table::{Column, Table, TextColumn};

/// The table and what was left out of it.
#[derive(Debug)]
pub(crate) struct ReadTable {
    pub table: Table,
    /// Data rows in the table.
    pub rows: usize,
    /// All-empty records dropped (wherever they were).
    pub empty_rows_skipped: usize,
}

/// Where records come from: delimited text (`delimited.rs`: in place, or
/// csv_core for quoted records), or a splitter for whitespace-aligned text.
/// Both own the decoded text, so a reader can live across the steps of a
/// load in the worker.
enum Source {
    Delimited(Box<DelimitedRecords>),
    Aligned { text: String, position: usize },
}

/// Reads records into a table a bounded number at a time, so a caller can
/// report progress and stop between steps.
///
/// The first record with any content is the header when `has_header`
/// (otherwise columns are named "column 1"…). Records whose cells are all
/// empty or whitespace are dropped and counted, wherever they are. Short
/// rows are padded with empty cells; long rows add columns named after
/// their position, back-filled with empty cells, so no cell is lost; both
/// give a [`WarningKind::RaggedRow`].
pub(crate) struct RecordReader {
    source: Source,
    text_len: usize,
    has_header: bool,
    builder: Option<TableBuilder>,
    row: u64,
    /// Byte offset of the last record read (delimited text).
    last_record_start: u64,
    delimiter: u8,
    empty_rows_skipped: usize,
    /// Whether the columns have been given room for the whole text.
    sized: bool,
    done: bool,
    /// The last step stopped at the end of the text arrived so far, inside
    /// a record (text arriving in pieces).
    waiting: bool,
}

/// Rows read before the columns are sized for the rest of the text.
const ROWS_BEFORE_SIZING: usize = 4_096;

impl RecordReader {
    pub(crate) fn new(text: String, delimiter: Delimiter, has_header: bool) -> Self {
        let text_len = text.len();
        let byte = delimiter.as_byte();
        let source = match byte {
            Some(byte) => Source::Delimited(Box::new(DelimitedRecords::new(text, byte))),
            None => Source::Aligned { text, position: 0 },
        };
        RecordReader::reading(source, text_len, byte.unwrap_or(b','), has_header)
    }

    /// A reader of `source`, `text_len` bytes of text in all.
    fn reading(source: Source, text_len: usize, delimiter: u8, has_header: bool) -> Self {
        RecordReader {
            source,
            text_len,
            has_header,
            builder: None,
            row: 0,
            last_record_start: 0,
            delimiter,
            empty_rows_skipped: 0,
            sized: false,
            done: false,
            waiting: false,
        }
    }

    /// A reader of delimited text arriving in pieces, `first` the first,
    /// `expected_len` bytes in all (for progress and for sizing the
    /// columns); more comes by [`RecordReader::append`].
    pub(crate) fn streaming(
        first: String,
        delimiter: u8,
        has_header: bool,
        expected_len: usize,
    ) -> Self {
        let records = DelimitedRecords::streaming(first, delimiter);
        RecordReader::reading(
            Source::Delimited(Box::new(records)),
            expected_len,
            delimiter,
            has_header,
        )
    }

    /// The next piece of a text arriving in pieces.
    pub(crate) fn append(&mut self, more: &str) {
        if let Source::Delimited(records) = &mut self.source {
            records.append(more);
            self.waiting = false;
        }
    }

    /// No more pieces: the rest is read to its end.
    pub(crate) fn end_of_text(&mut self) {
        if let Source::Delimited(records) = &mut self.source {
            records.end_of_text();
            self.text_len = records.whole_len();
        }
        self.waiting = false;
    }

    /// Whether the reader waits for more of the text to read on.
    pub(crate) fn waiting(&self) -> bool {
        self.waiting
    }

    /// Bytes of text read so far and in all.
    pub(crate) fn progress(&self) -> (usize, usize) {
        let position = match &self.source {
            Source::Delimited(records) => records.position(),
            Source::Aligned { position, .. } => *position,
        };
        (position.min(self.text_len), self.text_len)
    }

    /// Read up to `max_records` records; true once the text is exhausted.
    pub(crate) fn step(
        &mut self,
        max_records: usize,
        log: &mut WarningLog,
    ) -> Result<bool, IngestError> {
        if self.done {
            return Ok(true);
        }
        let exhausted = match &mut self.source {
            Source::Delimited(records) => {
                let mut exhausted = false;
                for _ in 0..max_records {
                    let record = match records.next_record() {
                        Ok(Next::Record(record)) => record,
                        Ok(Next::Wait) => {
                            self.waiting = true;
                            break;
                        }
                        Ok(Next::End) => {
                            let start = usize::try_from(self.last_record_start).unwrap_or(0);
                            check_last_record_closes(
                                records.text_from(start),
                                self.delimiter,
                                self.row,
                            )?;
                            exhausted = true;
                            break;
                        }
                        Err(error) => {
                            return Err(IngestError::Unreadable {
                                row: self.row.saturating_add(1),
                                message: error.to_string(),
                            })
                        }
                    };
                    self.row = self.row.saturating_add(1);
                    self.last_record_start = record.start as u64;
                    take_record(
                        &mut self.builder,
                        self.has_header,
                        &mut self.empty_rows_skipped,
                        record.len(),
                        record.cells(),
                        self.row,
                        log,
                    );
                }
                exhausted
            }
            Source::Aligned { text, position } => {
                let mut records = AlignedRecords::starting_at(text, *position);
                let mut exhausted = false;
                for _ in 0..max_records {
                    let Some(fields) = records.next() else {
                        exhausted = true;
                        break;
                    };
                    self.row = self.row.saturating_add(1);
                    take_record(
                        &mut self.builder,
                        self.has_header,
                        &mut self.empty_rows_skipped,
                        fields.len(),
                        fields.iter().copied(),
                        self.row,
                        log,
                    );
                }
                *position = records.position();
                exhausted
            }
        };
        if !self.sized {
            let (read, total) = self.progress();
            if let Some(builder) = self
                .builder
                .as_mut()
                .filter(|builder| builder.rows >= ROWS_BEFORE_SIZING)
            {
                builder.size_for_the_rest(read, total);
                self.sized = true;
            }
        }
        self.done = exhausted;
        Ok(exhausted)
    }

    /// The table, once [`RecordReader::step`] has said the text is exhausted.
    pub(crate) fn finish(self) -> Result<ReadTable, IngestError> {
        let builder = self.builder.ok_or(IngestError::Empty)?;
        Ok(ReadTable {
            rows: builder.rows,
            table: builder.finish(),
            empty_rows_skipped: self.empty_rows_skipped,
        })
    }
}

/// Refuse a quoted field that never closes. csv_core reads one to the
/// end of the text as a single field and says nothing, so such a field is
/// always in the last record, numbered `last_row`, which starts `tail`:
/// only that record is scanned.
fn check_last_record_closes(tail: &str, delimiter: u8, last_row: u64) -> Result<(), IngestError> {
    match find_unclosed_quote(tail, delimiter) {
        Some((record, column)) => Err(IngestError::UnclosedQuote {
            row: last_row.saturating_add(record).saturating_sub(1),
            column,
        }),
        None => Ok(()),
    }
}

/// One record into the table: dropped if all empty, the header if it is the
/// first and the file has one, otherwise a row.
fn take_record<'a>(
    builder: &mut Option<TableBuilder>,
    has_header: bool,
    empty_rows_skipped: &mut usize,
    found: usize,
    cells: impl Iterator<Item = &'a str> + Clone,
    row: u64,
    log: &mut WarningLog,
) {
    if is_all_empty(cells.clone()) {
        *empty_rows_skipped += 1;
        return;
    }
    match builder.as_mut() {
        Some(builder) => builder.push_row(found, cells, row, log),
        None if has_header => {
            let names: Vec<String> = cells.map(str::to_string).collect();
            *builder = Some(TableBuilder::new(header_names(&names, row, log)));
        }
        None => {
            let names = (0..found).map(positional_name).collect();
            let mut first = TableBuilder::new(names);
            first.push_row(found, cells, row, log);
            *builder = Some(first);
        }
    }
}

/// Read every record at once (tests and small inputs).
#[cfg(test)]
pub(crate) fn read_records(
    text: &str,
    delimiter: Delimiter,
    has_header: bool,
    log: &mut WarningLog,
) -> Result<ReadTable, IngestError> {
    let mut reader = RecordReader::new(text.to_string(), delimiter, has_header);
    while !reader.step(7, log)? {}
    reader.finish()
}

/// True when every cell is empty or whitespace.
pub(crate) fn is_all_empty<'a>(mut cells: impl Iterator<Item = &'a str>) -> bool {
    cells.all(|cell| cell.trim().is_empty())
}

/// Columns filled row by row, kept the same length.
struct TableBuilder {
    columns: Vec<Column>,
    names: HashSet<String>,
    /// Cells per row the header (or first row) promised.
    expected: usize,
    rows: usize,
}

impl TableBuilder {
    fn new(names: Vec<String>) -> Self {
        let expected = names.len();
        let columns = names
            .iter()
            .map(|name| Column {
                name: name.clone(),
                cells: TextColumn::new(),
            })
            .collect();
        TableBuilder {
            columns,
            names: names.into_iter().collect(),
            expected,
            rows: 0,
        }
    }

    fn push_row<'a>(
        &mut self,
        found: usize,
        cells: impl Iterator<Item = &'a str>,
        row: u64,
        log: &mut WarningLog,
    ) {
        if found != self.expected {
            log.push(Warning {
                row,
                column: Some(found.min(self.expected).saturating_add(1)),
                kind: WarningKind::RaggedRow {
                    expected: self.expected,
                    found,
                },
            });
        }
        while self.columns.len() < found {
            self.add_column();
        }
        let mut cells = cells.fuse();
        for column in self.columns.iter_mut() {
            column.cells.push(cells.next().unwrap_or(""));
        }
        self.rows += 1;
    }

    /// Give each column room for the rest of the text, judged from the
    /// first `read` of `total` bytes, with a tenth to spare. Growing by
    /// doubling instead copies every column several times and can leave it
    /// holding twice what it needs, and in the browser the old and new
    /// buffers are both alive at the copy.
    fn size_for_the_rest(&mut self, read: usize, total: usize) {
        if read == 0 || total <= read {
            return;
        }
        let scale = (total - read) as f64 / read as f64 * 1.1;
        let more_rows = (self.rows as f64 * scale) as usize;
        for column in &mut self.columns {
            let more_bytes = (column.cells.text_len() as f64 * scale) as usize;
            column.cells.reserve(more_rows, more_bytes);
        }
    }

    /// A column for cells beyond the header, empty in the rows before.
    fn add_column(&mut self) {
        let name = unique_name(&positional_name(self.columns.len()), &self.names);
        self.names.insert(name.clone());
        self.columns.push(Column {
            name,
            cells: TextColumn::with_empty_cells(self.rows),
        });
    }

    fn finish(self) -> Table {
        Table {
            columns: self.columns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, has_header: bool) -> (Result<ReadTable, IngestError>, Vec<Warning>) {
        let mut log = WarningLog::default();
        let result = read_records(text, Delimiter::Comma, has_header, &mut log);
        (result, log.finish().0)
    }

    fn cells(table: &Table) -> Vec<Vec<String>> {
        table.rows(0, usize::MAX)
    }

    #[test]
    fn short_and_long_rows_keep_every_cell() {
        let (result, warnings) = read("a,b,c\n1,2\n3,4,5,6\n7,8,9\n", true);
        let Ok(read) = result else {
            panic!("{result:?}")
        };
        let names: Vec<&str> = read.table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "column 4"]);
        assert_eq!(
            cells(&read.table),
            [
                ["1", "2", "", ""],
                ["3", "4", "5", "6"],
                ["7", "8", "9", ""]
            ]
        );
        assert_eq!(
            warnings,
            [
                Warning {
                    row: 2,
                    column: Some(3),
                    kind: WarningKind::RaggedRow {
                        expected: 3,
                        found: 2
                    }
                },
                Warning {
                    row: 3,
                    column: Some(4),
                    kind: WarningKind::RaggedRow {
                        expected: 3,
                        found: 4
                    }
                },
            ]
        );
    }

    #[test]
    fn all_empty_rows_are_dropped_and_counted_anywhere() {
        let (result, _) = read(",,\na,b,c\n1,2,3\n , ,\n4,5,6\n,,\n,,\n", true);
        let Ok(read) = result else {
            panic!("{result:?}")
        };
        assert_eq!((read.rows, read.empty_rows_skipped), (2, 4));
        assert_eq!(cells(&read.table), [["1", "2", "3"], ["4", "5", "6"]]);
    }

    #[test]
    fn headerless_files_get_positional_names() {
        let (result, _) = read("1,2\n3,4\n", false);
        let Ok(read) = result else {
            panic!("{result:?}")
        };
        let names: Vec<&str> = read.table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["column 1", "column 2"]);
        assert_eq!(read.rows, 2);
    }

    #[test]
    fn nothing_but_empty_rows_is_empty() {
        assert_eq!(read(",,\n , \n", true).0.err(), Some(IngestError::Empty));
    }
}
