//! Duplicates: rows that repeat an earlier row exactly, and customer ids
//! that appear on several rows with different details.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

use crate::core::table::Table;

/// Examples kept per finding; the counts are always exact.
pub const MAX_EXAMPLES: usize = 10;

/// Rows equal, cell for cell, to an earlier row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExactDuplicates {
    /// Rows that repeat an earlier one (the first occurrence not counted).
    pub rows: usize,
    /// (repeating row, the earlier row it repeats), 0-based data rows.
    pub examples: Vec<(usize, usize)>,
}

/// One id on several rows whose other cells differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdConflict {
    pub id: String,
    /// 0-based data rows carrying the id.
    pub rows: Vec<usize>,
    /// Columns (0-based) whose cells differ between those rows.
    pub differing_columns: Vec<usize>,
}

/// Ids on more than one row, in an id column.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IdDuplicates {
    /// Ids whose rows are all identical (exact duplicates of one record).
    pub repeated_ids: usize,
    /// Ids whose rows disagree somewhere: which record is right?
    pub conflicting_ids: usize,
    pub examples: Vec<IdConflict>,
}

fn row_hash(table: &Table, row: usize) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for column in &table.columns {
        column.cells.get(row).unwrap_or("").hash(&mut hasher);
    }
    hasher.finish()
}

fn rows_equal(table: &Table, a: usize, b: usize) -> bool {
    table
        .columns
        .iter()
        .all(|column| column.cells.get(a) == column.cells.get(b))
}

/// Every row that repeats an earlier row (0-based), for dropping them.
pub(crate) fn repeating_rows(table: &Table) -> std::collections::HashSet<usize> {
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut repeating = std::collections::HashSet::new();
    for row in 0..table.row_count() {
        let bucket = seen.entry(row_hash(table, row)).or_default();
        if bucket
            .iter()
            .any(|&earlier| rows_equal(table, earlier, row))
        {
            repeating.insert(row);
        } else {
            bucket.push(row);
        }
    }
    repeating
}

/// Every row that repeats an earlier row exactly (cell text as written).
pub fn exact_duplicates(table: &Table) -> ExactDuplicates {
    // Hash buckets of earlier distinct rows; equal hashes are compared
    // cell by cell, so a hash collision never makes a false duplicate.
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut found = ExactDuplicates::default();
    for row in 0..table.row_count() {
        let bucket = seen.entry(row_hash(table, row)).or_default();
        match bucket
            .iter()
            .find(|&&earlier| rows_equal(table, earlier, row))
        {
            Some(&earlier) => {
                found.rows += 1;
                if found.examples.len() < MAX_EXAMPLES {
                    found.examples.push((row, earlier));
                }
            }
            None => bucket.push(row),
        }
    }
    found
}

/// Ids (the trimmed cells of `id_column`; missing ids ignored) that appear
/// on more than one row, split into repeats of one record and conflicts.
pub fn id_duplicates(table: &Table, id_column: usize) -> IdDuplicates {
    let Some(ids) = table.columns.get(id_column) else {
        return IdDuplicates::default();
    };
    let mut rows_of: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (row, id) in ids.cells.iter().enumerate() {
        let id = id.trim();
        if crate::core::schema::is_missing(id) {
            continue;
        }
        let rows = rows_of.entry(id).or_default();
        if rows.is_empty() {
            order.push(id);
        }
        rows.push(row);
    }
    let mut found = IdDuplicates::default();
    for id in order {
        let Some(rows) = rows_of.get(id).filter(|rows| rows.len() > 1) else {
            continue;
        };
        let differing = differing_columns(table, rows);
        if differing.is_empty() {
            found.repeated_ids += 1;
            continue;
        }
        found.conflicting_ids += 1;
        if found.examples.len() < MAX_EXAMPLES {
            found.examples.push(IdConflict {
                id: id.to_string(),
                rows: rows.clone(),
                differing_columns: differing,
            });
        }
    }
    found
}

/// Columns whose cells are not the same on all of `rows`.
fn differing_columns(table: &Table, rows: &[usize]) -> Vec<usize> {
    table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, column)| {
            let mut cells = rows.iter().map(|&row| column.cells.get(row));
            let first = cells.next().flatten();
            cells.any(|cell| cell != first)
        })
        .map(|(index, _)| index)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::{Column, TextColumn};

    fn table(columns: &[(&str, &[&str])]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(name, cells)| Column {
                    name: name.to_string(),
                    cells: cells.iter().copied().collect::<TextColumn>(),
                })
                .collect(),
        }
    }

    #[test]
    fn exact_repeats_are_counted_against_their_first_row() {
        let t = table(&[
            ("id", &["1", "2", "1", "1", "3"]),
            ("city", &["Tehran", "Yazd", "Tehran", "Tehran", "Yazd"]),
        ]);
        assert_eq!(
            exact_duplicates(&t),
            ExactDuplicates {
                rows: 2,
                examples: vec![(2, 0), (3, 0)]
            }
        );
    }

    #[test]
    fn an_id_with_different_details_is_a_conflict() {
        let t = table(&[
            ("id", &["7", "8", " 7", "8", "9", ""]),
            ("city", &["Tehran", "Yazd", "Shiraz", "Yazd", "Qom", ""]),
            ("age", &["30", "40", "30", "40", "22", ""]),
        ]);
        let found = id_duplicates(&t, 0);
        assert_eq!(found.repeated_ids, 1, "{found:?}");
        assert_eq!(found.conflicting_ids, 1);
        assert_eq!(
            found.examples,
            [IdConflict {
                id: "7".into(),
                rows: vec![0, 2],
                // The id cells differ too (" 7"), as written.
                differing_columns: vec![0, 1],
            }]
        );
    }
}
