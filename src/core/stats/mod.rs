//! Statistics over a column's cells: the numbers in it and their distribution.

mod column_stats;
mod distributions;
mod histogram;
mod months;
mod nice;
mod numeric_summary;
mod quantiles;
mod text_summary;
mod top_values;
mod value_counts;

use crate::core::schema::{is_missing, parse_measure};
use crate::core::table::TextColumn;

pub use column_stats::{column_stats, column_stats_with, ColumnStats};
pub use distributions::{
    normal_cdf, normal_two_sided_p, regularized_incomplete_beta, student_t_two_sided_p,
};
pub use histogram::{histogram, Histogram};
pub use months::{month_counts, MonthCounts};
pub use numeric_summary::{numeric_summary, numeric_summary_of, NumericSummary};
pub use quantiles::{quantile, quantile_unsorted, SUMMARY_QUANTILES};
pub use text_summary::{script_of, text_summary, text_summary_of, Script, TextSummary};
pub use top_values::{top_values, top_values_with, TopValues};
pub use value_counts::ValueCounts;

/// The numeric values of a column in row order (see
/// [`crate::core::schema::parse_measure`]), with the number of missing cells
/// and of non-missing cells that are not numbers.
pub fn numeric_values(cells: &TextColumn) -> (Vec<f64>, usize, usize) {
    let mut values = Vec::with_capacity(cells.len());
    let (mut missing, mut invalid) = (0, 0);
    for cell in cells.iter() {
        if is_missing(cell) {
            missing += 1;
        } else if let Some(value) = parse_measure(cell) {
            values.push(value);
        } else {
            invalid += 1;
        }
    }
    (values, missing, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numbers_missing_and_invalid() {
        let cells: TextColumn = ["1", "", "x", "٣", "N/A", "2.5"].into_iter().collect();
        assert_eq!(numeric_values(&cells), (vec![1.0, 3.0, 2.5], 2, 1));
    }
}
