//! Everything the profile says about one column.

use serde::{Deserialize, Serialize};

use super::numeric_summary::{numeric_summary_of, NumericSummary};
use super::text_summary::{text_summary_of, TextSummary};
use super::value_counts::ValueCounts;
use crate::core::schema::DistinctValues;
use crate::core::table::TextColumn;

/// Counts for every column; numbers for numeric ones, lengths and scripts
/// for the others (dates come from [`super::month_counts`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnStats {
    pub cells: usize,
    pub missing: usize,
    /// Distinct non-missing values (trimmed), counted exactly.
    pub distinct: usize,
    pub numeric: Option<NumericSummary>,
    pub text: Option<TextSummary>,
}

/// The statistics of a column; `numeric` says whether its type is a
/// number (integer, decimal, money, percent).
pub fn column_stats(cells: &TextColumn, numeric: bool) -> ColumnStats {
    column_stats_of(cells, &ValueCounts::of(cells), numeric)
}

/// [`column_stats`] with the column's distinct values already found (see
/// [`DistinctValues`]): no cell is hashed again.
pub fn column_stats_with(
    cells: &TextColumn,
    distinct: &DistinctValues,
    numeric: bool,
) -> ColumnStats {
    column_stats_of(cells, &ValueCounts::from_distinct(cells, distinct), numeric)
}

fn column_stats_of(cells: &TextColumn, counts: &ValueCounts<'_>, numeric: bool) -> ColumnStats {
    ColumnStats {
        cells: cells.len(),
        missing: counts.missing,
        distinct: counts.values.len(),
        numeric: numeric.then(|| numeric_summary_of(counts)).flatten(),
        text: (!numeric).then(|| text_summary_of(counts)).flatten(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_the_right_summary() {
        let cells: TextColumn = ["3", " 3", "", "4", "NA"].into_iter().collect();
        let s = column_stats(&cells, true);
        assert_eq!((s.cells, s.missing, s.distinct), (5, 2, 2));
        assert_eq!(s.numeric.map(|n| n.count), Some(3));
        assert!(s.text.is_none());
        let s = column_stats(&cells, false);
        assert!(s.numeric.is_none());
        assert_eq!(s.text.map(|t| t.values), Some(3));
    }

    #[test]
    fn the_same_from_the_values_inference_met() {
        let cells: TextColumn = ["3", " 3", "", "4", "NA", "x", "4.5", "3"]
            .into_iter()
            .collect();
        let (_, distinct) = crate::core::schema::infer_column_with_values(&cells, false);
        let distinct = distinct.expect("rows fit");
        for numeric in [true, false] {
            assert_eq!(
                column_stats_with(&cells, &distinct, numeric),
                column_stats(&cells, numeric)
            );
        }
    }
}
