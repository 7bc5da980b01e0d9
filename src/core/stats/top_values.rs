//! The most frequent values of a column, for ranked bars (cities,
//! countries, plans): counts and shares of the non-missing cells.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::core::schema::{is_missing, DistinctValue, DistinctValues};
use crate::core::table::TextColumn;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopValues {
    /// (value as written, trimmed; cells), most frequent first; ties in the
    /// order the values first appear in the file.
    pub values: Vec<(String, u64)>,
    /// Non-missing cells (the base of every share).
    pub present: u64,
    pub missing: u64,
    /// Distinct values in all.
    pub distinct: u64,
}

impl TopValues {
    /// Cells not among the listed values ("other").
    pub fn others(&self) -> u64 {
        self.present - self.values.iter().map(|(_, n)| n).sum::<u64>()
    }

    /// A value's share of the non-missing cells, 0..=1.
    pub fn share(&self, count: u64) -> f64 {
        if self.present == 0 {
            0.0
        } else {
            count as f64 / self.present as f64
        }
    }
}

/// [`top_values`] from the column's distinct values found when its type
/// was inferred (see [`DistinctValues`]), without counting cells again.
pub fn top_values_with(cells: &TextColumn, distinct: &DistinctValues, limit: usize) -> TopValues {
    let mut ranked: Vec<DistinctValue<'_>> = distinct.iter(cells).collect();
    ranked.sort_by(|a, b| b.cells.cmp(&a.cells).then(a.first_row.cmp(&b.first_row)));
    TopValues {
        values: ranked
            .iter()
            .take(limit)
            .map(|d| (d.value.to_string(), d.cells as u64))
            .collect(),
        present: ranked.iter().map(|d| d.cells as u64).sum(),
        missing: distinct.missing as u64,
        distinct: distinct.len() as u64,
    }
}

/// The `limit` most frequent trimmed values of a column.
pub fn top_values(cells: &TextColumn, limit: usize) -> TopValues {
    let mut counts: HashMap<&str, (u64, usize)> = HashMap::new();
    let mut missing = 0;
    for (row, cell) in cells.iter().enumerate() {
        if is_missing(cell) {
            missing += 1;
            continue;
        }
        counts.entry(cell.trim()).or_insert((0, row)).0 += 1;
    }
    let present = counts.values().map(|(n, _)| n).sum();
    let distinct = counts.len() as u64;
    let mut ranked: Vec<(&str, (u64, usize))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    TopValues {
        values: ranked
            .into_iter()
            .take(limit)
            .map(|(value, (n, _))| (value.to_string(), n))
            .collect(),
        present,
        missing,
        distinct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_from_the_values_inference_met() {
        let cells: TextColumn = [
            "Yazd", "Tehran", " Tehran", "", "Qom", "Yazd", "Shiraz", "NA", "Qom", "Qom",
        ]
        .into_iter()
        .collect();
        let (_, distinct) = crate::core::schema::infer_column_with_values(&cells, false);
        let distinct = distinct.expect("rows fit");
        for limit in [0, 2, 3, 10] {
            assert_eq!(
                top_values_with(&cells, &distinct, limit),
                top_values(&cells, limit)
            );
        }
    }

    #[test]
    fn most_frequent_first_ties_in_file_order() {
        let cells: TextColumn = [
            "Yazd", "Tehran", " Tehran", "", "Qom", "Yazd", "Shiraz", "NA",
        ]
        .into_iter()
        .collect();
        let top = top_values(&cells, 3);
        assert_eq!(
            top.values,
            [
                ("Yazd".to_string(), 2),
                ("Tehran".to_string(), 2),
                ("Qom".to_string(), 1)
            ]
        );
        assert_eq!(
            (top.present, top.missing, top.distinct, top.others()),
            (6, 2, 4, 1)
        );
        assert!((top.share(2) - 1.0 / 3.0).abs() < 1e-12);
    }
}
