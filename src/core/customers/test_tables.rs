//! Small hand-written tables for the module's tests.

use crate::core::table::{Column, Table};

/// A table from a header and rows of cells.
pub fn table(header: &[&str], rows: &[&[&str]]) -> Table {
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
