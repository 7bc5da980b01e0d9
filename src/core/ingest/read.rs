//! Parsing the text into a [`Table`] with the csv crate.

use std::collections::HashSet;

use super::header::{header_names, positional_name, unique_name};
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

/// Read every record. The first record with any content is the header when
/// `has_header` (otherwise columns are named "column 1"…). Records whose
/// cells are all empty or whitespace are dropped and counted, wherever they
/// are. Short rows are padded with empty cells; long rows add columns named
/// after their position, back-filled with empty cells, so no cell is lost;
/// both give a [`WarningKind::RaggedRow`].
pub(crate) fn read_records(
    text: &str,
    delimiter: Delimiter,
    has_header: bool,
    log: &mut WarningLog,
) -> Result<ReadTable, IngestError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.as_byte())
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut builder: Option<TableBuilder> = None;
    let mut row: u64 = 0;
    let mut empty_rows_skipped = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => row = row.saturating_add(1),
            Ok(false) => break,
            Err(error) => {
                return Err(IngestError::Unreadable {
                    row: row.saturating_add(1),
                    message: error.to_string(),
                })
            }
        }
        if is_all_empty(record.iter()) {
            empty_rows_skipped += 1;
            continue;
        }
        match builder.as_mut() {
            Some(builder) => builder.push_row(&record, row, log),
            None if has_header => {
                let cells: Vec<String> = record.iter().map(str::to_string).collect();
                builder = Some(TableBuilder::new(header_names(&cells, row, log)));
            }
            None => {
                let names = (0..record.len()).map(positional_name).collect();
                let mut first = TableBuilder::new(names);
                first.push_row(&record, row, log);
                builder = Some(first);
            }
        }
    }
    let builder = builder.ok_or(IngestError::Empty)?;
    Ok(ReadTable {
        rows: builder.rows,
        table: builder.finish(),
        empty_rows_skipped,
    })
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

    fn push_row(&mut self, record: &csv::StringRecord, row: u64, log: &mut WarningLog) {
        let found = record.len();
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
        for (index, column) in self.columns.iter_mut().enumerate() {
            column.cells.push(record.get(index).unwrap_or(""));
        }
        self.rows += 1;
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
