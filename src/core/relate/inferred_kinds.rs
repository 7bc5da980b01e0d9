//! The kinds (type and role) schema inference gives each column of a
//! table, as the engine summarises a freshly loaded file before the user
//! corrects anything. For callers that relate files without a page (tests,
//! the CLI); the page passes the kinds the user confirmed instead.

use crate::core::quality::ColumnKind;
use crate::core::schema::{infer_named_column, infer_role};
use crate::core::table::Table;

pub fn inferred_kinds(table: &Table) -> Vec<ColumnKind> {
    table
        .columns
        .iter()
        .map(|column| {
            let guess = infer_named_column(&column.name, &column.cells);
            let role = infer_role(&column.name, &guess, &column.cells);
            ColumnKind {
                column_type: guess.column_type,
                role,
            }
        })
        .collect()
}
