//! Duplicates: rows that repeat an earlier row exactly, and customer ids
//! that appear on several rows with different details.

use std::hash::{Hash, Hasher};

use hashbrown::HashTable;
use rustc_hash::FxHasher;

use serde::{Deserialize, Serialize};

use super::repeated_keys::repeated_keys;
use crate::core::schema::trim_cell;
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
    let mut hasher = FxHasher::default();
    for column in &table.columns {
        column.cells.get(row).unwrap_or("").hash(&mut hasher);
    }
    hasher.finish()
}

pub(super) fn rows_equal(table: &Table, a: usize, b: usize) -> bool {
    table
        .columns
        .iter()
        .all(|column| column.cells.get(a) == column.cells.get(b))
}

/// Walk the rows in order, calling `met` with each row and the first
/// earlier row it repeats exactly, if any.
///
/// Why a table of row numbers: one entry per distinct row, no bucket list
/// to allocate and free for each (a `HashMap<u64, Vec<usize>>` made a
/// million small allocations on a million-row file, and with SipHash took
/// 0.35 s there; this takes a fraction). Rows with equal hashes are
/// compared cell by cell, so a collision never makes a false duplicate.
fn each_row_with_earlier(table: &Table, mut met: impl FnMut(usize, Option<usize>)) {
    let rows = table.row_count();
    let mut firsts: HashTable<usize> = HashTable::with_capacity(rows);
    for row in 0..rows {
        let hash = row_hash(table, row);
        match firsts.find(hash, |&earlier| rows_equal(table, earlier, row)) {
            Some(&earlier) => met(row, Some(earlier)),
            None => {
                firsts.insert_unique(hash, row, |&first| row_hash(table, first));
                met(row, None);
            }
        }
    }
}

/// Every row that repeats an earlier row (0-based), for dropping them.
pub(crate) fn repeating_rows(table: &Table) -> std::collections::HashSet<usize> {
    let mut repeating = std::collections::HashSet::new();
    each_row_with_earlier(table, |row, earlier| {
        if earlier.is_some() {
            repeating.insert(row);
        }
    });
    repeating
}

/// Every row that repeats an earlier row exactly (cell text as written).
pub fn exact_duplicates(table: &Table) -> ExactDuplicates {
    let mut found = ExactDuplicates::default();
    each_row_with_earlier(table, |row, earlier| {
        if let Some(earlier) = earlier {
            found.rows += 1;
            if found.examples.len() < MAX_EXAMPLES {
                found.examples.push((row, earlier));
            }
        }
    });
    found
}

/// Ids (the trimmed cells of `id_column`; missing ids ignored) that appear
/// on more than one row, split into repeats of one record and conflicts.
pub fn id_duplicates(table: &Table, id_column: usize) -> IdDuplicates {
    let Some(ids) = table.columns.get(id_column) else {
        return IdDuplicates::default();
    };
    let ids = ids
        .cells
        .iter()
        .map(trim_cell)
        .enumerate()
        .filter(|(_, id)| !crate::core::schema::is_missing(id));
    let mut found = IdDuplicates::default();
    for (id, rows) in repeated_keys(ids) {
        let differing = differing_columns(table, &rows);
        if differing.is_empty() {
            found.repeated_ids += 1;
            continue;
        }
        found.conflicting_ids += 1;
        if found.examples.len() < MAX_EXAMPLES {
            found.examples.push(IdConflict {
                id: id.to_string(),
                rows,
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
    use crate::core::segment::SplitMix64;
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

    /// Rows from a small alphabet, so that repeats, near-repeats (one cell
    /// off) and cells that move between columns all occur.
    fn many_rows() -> Table {
        let mut random = SplitMix64::new(7);
        let words = ["a", "b", "ab", "", " a"];
        let mut columns: Vec<Vec<&str>> = vec![Vec::new(); 3];
        for _ in 0..600 {
            for column in &mut columns {
                column.push(words[random.below(words.len())]);
            }
        }
        Table {
            columns: columns
                .into_iter()
                .enumerate()
                .map(|(i, cells)| Column {
                    name: format!("c{i}"),
                    cells: cells.into_iter().collect::<TextColumn>(),
                })
                .collect(),
        }
    }

    #[test]
    fn repeats_match_a_comparison_of_every_pair_of_rows() {
        let t = many_rows();
        let first_equal_earlier =
            |row: usize| (0..row).find(|&earlier| rows_equal(&t, earlier, row));
        let expected: Vec<(usize, usize)> = (0..t.row_count())
            .filter_map(|row| first_equal_earlier(row).map(|earlier| (row, earlier)))
            .collect();
        assert!(
            expected.len() > 100 && expected.len() < 500,
            "{}",
            expected.len()
        );
        let found = exact_duplicates(&t);
        assert_eq!(found.rows, expected.len());
        assert_eq!(found.examples, expected[..MAX_EXAMPLES]);
        let repeating = repeating_rows(&t);
        let mut repeating: Vec<usize> = repeating.into_iter().collect();
        repeating.sort_unstable();
        let expected_rows: Vec<usize> = expected.iter().map(|&(row, _)| row).collect();
        assert_eq!(repeating, expected_rows);
    }

    #[test]
    fn ids_met_again_list_all_their_rows_in_order() {
        let t = many_rows();
        let found = id_duplicates(&t, 0);
        // Ids as trimmed: "a" and " a" are one id; "" is missing.
        let rows_of = |id: &str| -> Vec<usize> {
            (0..t.row_count())
                .filter(|&row| t.columns[0].cells.get(row).map(str::trim) == Some(id))
                .collect()
        };
        let total = found.repeated_ids + found.conflicting_ids;
        assert_eq!(total, 3, "a, b and ab all repeat: {found:?}");
        for conflict in &found.examples {
            assert_eq!(conflict.rows, rows_of(&conflict.id), "{}", conflict.id);
        }
    }
}
