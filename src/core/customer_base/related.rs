//! One customer's rows in another file of the project: their details in
//! the customers file, their answers in a feedback file. Found by the
//! file's customer key, compared in its folded form (`relate::key_text`),
//! so " C0000908 " in one file meets "c0000908" in another.

use serde::{Deserialize, Serialize};

use crate::core::relate::{comparison_key, comparison_key_into, FileRole};
use crate::core::table::Table;

/// Rows sent per file for one customer (the first ones, in file order).
pub const MAX_RELATED_ROWS: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedRows {
    pub file: String,
    pub role: FileRole,
    pub headers: Vec<String>,
    /// (0-based data row, cells), at most [`MAX_RELATED_ROWS`].
    pub rows: Vec<(usize, Vec<String>)>,
    pub total_rows: usize,
}

/// Customer `id`'s rows of `table`, whose key is column `key_column`;
/// `None` when the table has no such column or the id is blank.
pub fn rows_of_customer(
    file: &str,
    role: FileRole,
    table: &Table,
    key_column: usize,
    id: &str,
) -> Option<RelatedRows> {
    let wanted = comparison_key(id)?;
    let keys = &table.columns.get(key_column)?.cells;
    let mut compared = String::new();
    let mine: Vec<usize> = keys
        .iter()
        .enumerate()
        .filter(|(_, cell)| comparison_key_into(cell, &mut compared) && compared == wanted)
        .map(|(row, _)| row)
        .collect();
    Some(RelatedRows {
        file: file.to_string(),
        role,
        headers: table.columns.iter().map(|c| c.name.clone()).collect(),
        rows: mine
            .iter()
            .take(MAX_RELATED_ROWS)
            .map(|&row| (row, table.rows(row, row + 1).pop().unwrap_or_default()))
            .collect(),
        total_rows: mine.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_customer_whatever_the_case_and_spaces() {
        let table = Table::from_rows(
            &["id", "city"],
            &[&[" C1 ", "Yazd"], &["c2", "Rasht"], &["c1", "Tehran"]],
        );
        let rows = rows_of_customer("people.csv", FileRole::Customers, &table, 0, "C1")
            .expect("has the column");
        assert_eq!(rows.total_rows, 2);
        assert_eq!(
            rows.rows,
            [
                (0, vec![" C1 ".to_string(), "Yazd".into()]),
                (2, vec!["c1".into(), "Tehran".into()])
            ]
        );
        assert_eq!(rows.headers, ["id", "city"]);
        assert!(rows_of_customer("p", FileRole::Customers, &table, 5, "c1").is_none());
        assert!(rows_of_customer("p", FileRole::Customers, &table, 0, " ").is_none());
    }
}
