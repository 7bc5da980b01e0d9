//! Where values are missing: per column, and which columns tend to be
//! missing together (row patterns, e.g. "no email and no phone").

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::core::schema::is_missing;
use crate::core::table::Table;

/// Patterns listed, most frequent first.
pub const MAX_PATTERNS: usize = 10;

/// Rows missing exactly this set of columns (and nothing else).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissingPattern {
    /// 0-based columns, ascending.
    pub columns: Vec<usize>,
    pub rows: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MissingReport {
    /// Missing cells per column, in column order.
    pub per_column: Vec<usize>,
    /// Rows with every cell present.
    pub complete_rows: usize,
    /// The most common patterns among rows missing something.
    pub patterns: Vec<MissingPattern>,
    /// Distinct patterns in all (may exceed `patterns.len()`).
    pub pattern_count: usize,
}

/// Missing values per column and per row pattern.
pub fn missing_report(table: &Table) -> MissingReport {
    let mut per_column = vec![0; table.columns.len()];
    let mut counts: FxHashMap<Vec<usize>, usize> = FxHashMap::default();
    let mut complete_rows = 0;
    let mut pattern = Vec::new();
    for row in 0..table.row_count() {
        pattern.clear();
        for (index, column) in table.columns.iter().enumerate() {
            if is_missing(column.cells.get(row).unwrap_or("")) {
                pattern.push(index);
                if let Some(count) = per_column.get_mut(index) {
                    *count += 1;
                }
            }
        }
        if pattern.is_empty() {
            complete_rows += 1;
        } else if let Some(count) = counts.get_mut(&pattern) {
            *count += 1;
        } else {
            // A pattern is copied once, when first met.
            counts.insert(pattern.clone(), 1);
        }
    }
    let pattern_count = counts.len();
    let mut patterns: Vec<MissingPattern> = counts
        .into_iter()
        .map(|(columns, rows)| MissingPattern { columns, rows })
        .collect();
    // Most rows first; equal counts by columns, so the order is stable.
    patterns.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.columns.cmp(&b.columns)));
    patterns.truncate(MAX_PATTERNS);
    MissingReport {
        per_column,
        complete_rows,
        patterns,
        pattern_count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::{Column, TextColumn};

    #[test]
    fn counts_columns_and_patterns() {
        let column = |name: &str, cells: &[&str]| Column {
            name: name.into(),
            cells: cells.iter().copied().collect::<TextColumn>(),
        };
        let table = Table {
            columns: vec![
                column("email", &["a@x.ir", "", "", "b@y.ir", "NA"]),
                column("phone", &["1", "", "2", "3", ""]),
            ],
        };
        let report = missing_report(&table);
        assert_eq!(report.per_column, [3, 2]);
        assert_eq!(report.complete_rows, 2);
        assert_eq!(report.pattern_count, 2);
        assert_eq!(
            report.patterns,
            [
                MissingPattern {
                    columns: vec![0],
                    rows: 1
                },
                MissingPattern {
                    columns: vec![0, 1],
                    rows: 2
                },
            ]
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
        );
    }
}
