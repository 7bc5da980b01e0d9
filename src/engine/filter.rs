//! Keeping only some rows: the dashboard's "only customers in Tehran".

use serde::{Deserialize, Serialize};

use crate::core::table::{Column, Table};

/// Rows whose cell in `column` is `value` (both trimmed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowFilter {
    pub column: usize,
    pub value: String,
}

impl RowFilter {
    /// The rows of `table` this filter keeps, as a table of their own.
    pub fn keep(&self, table: &Table) -> Table {
        let Some(key) = table.columns.get(self.column) else {
            return table.clone();
        };
        let wanted = self.value.trim();
        let rows: Vec<usize> = key
            .cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| cell.trim() == wanted)
            .map(|(row, _)| row)
            .collect();
        Table {
            columns: table
                .columns
                .iter()
                .map(|column| Column {
                    name: column.name.clone(),
                    cells: rows
                        .iter()
                        .map(|&row| column.cells.get(row).unwrap_or(""))
                        .collect(),
                })
                .collect(),
        }
    }
}
