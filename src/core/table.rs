//! A compact columnar table of the original cell text.
//!
//! Ingest keeps every cell exactly as it was read (no trimming, no parsing):
//! schema inference, statistics and cleaning work on views of this text, and
//! the user can always see what their file really said.

use serde::{Deserialize, Serialize};

/// One column's cells, stored as one string buffer plus end offsets: a million
/// cells cost one allocation, and the original text of every cell stays recoverable.
///
/// Cell `i` is `text[ends[i - 1]..ends[i]]` (with `ends[-1] = 0`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextColumn {
    text: String,
    ends: Vec<usize>,
}

impl TextColumn {
    pub fn new() -> Self {
        TextColumn::default()
    }

    /// A column of `count` empty cells (used to back-fill a column that first
    /// appears in a long row).
    pub fn with_empty_cells(count: usize) -> Self {
        TextColumn {
            text: String::new(),
            ends: vec![0; count],
        }
    }

    /// Make room for `cells` more cells holding `bytes` more text.
    pub fn reserve(&mut self, cells: usize, bytes: usize) {
        self.ends.reserve(cells);
        self.text.reserve(bytes);
    }

    /// Bytes of text held.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// The column as it is stored: every cell's text end to end, and where
    /// each cell ends in it (what is copied to a helper worker).
    pub fn parts(&self) -> (&str, &[usize]) {
        (&self.text, &self.ends)
    }

    /// A column from [`TextColumn::parts`] sent elsewhere, or `None` when
    /// the ends do not cut `text` into cells: not rising, past its end, not
    /// reaching it, or inside a character.
    pub fn from_parts(text: String, ends: Vec<usize>) -> Option<TextColumn> {
        let rising = ends.iter().zip(ends.iter().skip(1)).all(|(a, b)| a <= b);
        let covers = ends
            .last()
            .map_or(text.is_empty(), |&last| last == text.len());
        let on_characters = ends.iter().all(|&end| text.is_char_boundary(end));
        (rising && covers && on_characters).then_some(TextColumn { text, ends })
    }

    /// Append one cell at the end of the column.
    pub fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.ends.push(self.text.len());
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The original text of the cell in `row` (0-based), if there is such a row.
    pub fn get(&self, row: usize) -> Option<&str> {
        let end = *self.ends.get(row)?;
        let start = match row.checked_sub(1) {
            Some(previous) => *self.ends.get(previous)?,
            None => 0,
        };
        self.text.get(start..end)
    }

    /// All cells in row order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(move |(start, end)| self.text.get(start..end).unwrap_or(""))
    }
}

impl<'a> FromIterator<&'a str> for TextColumn {
    fn from_iter<I: IntoIterator<Item = &'a str>>(cells: I) -> Self {
        let mut column = TextColumn::new();
        for cell in cells {
            column.push(cell);
        }
        column
    }
}

/// A named column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub cells: TextColumn,
}

/// A table: columns of equal length (ingest guarantees it by padding short rows).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub columns: Vec<Column>,
}

impl Table {
    /// A table from a header and rows of cells (a short row's missing cells
    /// are empty), as tests and small built-in tables write them.
    pub fn from_rows(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            columns: header
                .iter()
                .enumerate()
                .map(|(i, name)| Column {
                    name: (*name).to_string(),
                    cells: rows
                        .iter()
                        .map(|row| row.get(i).copied().unwrap_or(""))
                        .collect(),
                })
                .collect(),
        }
    }

    /// Number of data rows (the longest column, so a hand-built uneven table
    /// still shows every cell).
    pub fn row_count(&self) -> usize {
        self.columns
            .iter()
            .map(|column| column.cells.len())
            .max()
            .unwrap_or(0)
    }

    pub fn column_count(&self) -> usize {
        self.columns.len()
    }

    /// Cells of rows `start..end` (clamped), each row as owned strings, for previews.
    /// A column shorter than the table gives empty strings.
    pub fn rows(&self, start: usize, end: usize) -> Vec<Vec<String>> {
        let end = end.min(self.row_count());
        (start..end)
            .map(|row| {
                self.columns
                    .iter()
                    .map(|column| column.cells.get(row).unwrap_or("").to_string())
                    .collect()
            })
            .collect()
    }

    /// The first column with exactly this name.
    pub fn column_by_name(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.name == name)
    }

    /// The 0-based position of the first column with exactly this name.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(cells: &[&str]) -> TextColumn {
        cells.iter().copied().collect()
    }

    #[test]
    fn cells_come_back_exactly_as_pushed() {
        let cells = ["", "a", " spaced ", "", "نیم‌رخ", "line\r\nbreak", ""];
        let col = column(&cells);
        assert_eq!(col.len(), cells.len());
        for (i, cell) in cells.iter().enumerate() {
            assert_eq!(col.get(i), Some(*cell));
        }
        assert_eq!(col.iter().collect::<Vec<_>>(), cells);
        assert_eq!(col.get(cells.len()), None);
    }

    #[test]
    fn empty_column_has_no_cells() {
        let col = TextColumn::new();
        assert!(col.is_empty());
        assert_eq!(col.get(0), None);
        assert_eq!(col.iter().count(), 0);
        let blanks = TextColumn::with_empty_cells(3);
        assert_eq!(blanks.iter().collect::<Vec<_>>(), ["", "", ""]);
    }

    #[test]
    fn rows_are_clamped_and_columns_found_by_name() {
        let table = Table {
            columns: vec![
                Column {
                    name: "name".into(),
                    cells: column(&["Ali", "Sara", "Reza"]),
                },
                Column {
                    name: "age".into(),
                    cells: column(&["30", "41", "25"]),
                },
            ],
        };
        assert_eq!(table.row_count(), 3);
        assert_eq!(table.column_count(), 2);
        assert_eq!(
            table.rows(1, 99),
            vec![vec!["Sara", "41"], vec!["Reza", "25"]]
        );
        assert!(table.rows(5, 2).is_empty());
        assert!(table.rows(3, 3).is_empty());
        assert_eq!(
            table.column_by_name("age").map(|c| c.cells.get(0)),
            Some(Some("30"))
        );
        assert!(table.column_by_name("missing").is_none());
    }

    #[test]
    fn survives_a_json_round_trip() {
        let table = Table {
            columns: vec![Column {
                name: "x".into(),
                cells: column(&["1", "", "٣"]),
            }],
        };
        let json = serde_json::to_string(&table).unwrap_or_default();
        let back: Option<Table> = serde_json::from_str(&json).ok();
        assert_eq!(back, Some(table));
    }
}
