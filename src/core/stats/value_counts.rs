//! A column as its distinct trimmed values and how often each occurs, so
//! that parsing and measuring is done once per value, not once per cell
//! (customer columns repeat: cities, scores, dates).

use rustc_hash::FxHashMap;

use crate::core::schema::{is_missing, DistinctValues};
use crate::core::table::TextColumn;

/// The distinct non-missing values of a column, and the number of missing
/// cells. The values are in hash order, which is the same run after run
/// (FxHash has no random seed), so every figure computed from them is too;
/// not sorting saves a sort of a million strings on id and email columns.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueCounts<'a> {
    pub values: Vec<(&'a str, usize)>,
    pub missing: usize,
}

impl<'a> ValueCounts<'a> {
    pub fn of(cells: &'a TextColumn) -> ValueCounts<'a> {
        let mut counts: FxHashMap<&'a str, usize> = FxHashMap::default();
        for cell in cells.iter() {
            *counts.entry(cell.trim()).or_insert(0) += 1;
        }
        let mut missing = 0;
        let mut values = Vec::with_capacity(counts.len());
        for (value, n) in counts {
            if is_missing(value) {
                missing += n;
            } else {
                values.push((value, n));
            }
        }
        ValueCounts { values, missing }
    }

    /// The counts of `cells` from its distinct values found when its type
    /// was inferred, without hashing a cell again. `distinct` must have
    /// been built from these very cells.
    pub fn from_distinct(cells: &'a TextColumn, distinct: &DistinctValues) -> ValueCounts<'a> {
        let values = distinct.iter(cells).map(|d| (d.value, d.cells)).collect();
        ValueCounts {
            values,
            missing: distinct.missing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::infer_column_with_values;

    #[test]
    fn counts_trimmed_values_and_missing_cells() {
        let cells: TextColumn = ["b", " a", "", "a ", "NA", "b", "b"].into_iter().collect();
        let mut counts = ValueCounts::of(&cells);
        counts.values.sort_unstable();
        assert_eq!(counts.values, [("a", 2), ("b", 3)]);
        assert_eq!(counts.missing, 2);
    }

    #[test]
    fn counts_from_the_values_inference_met_are_the_same() {
        let cells: TextColumn = ["b", " a", "", "a ", "NA", "b", "b", "12", " 12"]
            .into_iter()
            .collect();
        let (_, distinct) = infer_column_with_values(&cells, false);
        let mut from_distinct = ValueCounts::from_distinct(&cells, &distinct.expect("rows fit"));
        let mut counted = ValueCounts::of(&cells);
        from_distinct.values.sort_unstable();
        counted.values.sort_unstable();
        assert_eq!(from_distinct, counted);
    }
}
