//! The figures that describe a numeric column.

use serde::{Deserialize, Serialize};

use super::quantiles::{quantile_by, SUMMARY_QUANTILES};
use super::value_counts::ValueCounts;
use crate::core::schema::parse_measure;
use crate::core::table::TextColumn;

/// Count, range, centre, spread and quantiles of a column's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericSummary {
    /// Cells read as numbers.
    pub count: usize,
    /// Non-missing cells that are not numbers.
    pub invalid: usize,
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    /// Sample standard deviation (n − 1 in the denominator, as pandas);
    /// 0 for fewer than two numbers.
    pub std_dev: f64,
    /// `(q, value)` for each of [`SUMMARY_QUANTILES`].
    pub quantiles: Vec<(f64, f64)>,
}

/// The summary of a column's numbers; None when it has none.
pub fn numeric_summary(cells: &TextColumn) -> Option<NumericSummary> {
    numeric_summary_of(&ValueCounts::of(cells))
}

/// [`numeric_summary`] from a column's value counts: each distinct value
/// is parsed once (see [`parse_measure`]) and counted as often as it occurs.
pub fn numeric_summary_of(counts: &ValueCounts<'_>) -> Option<NumericSummary> {
    let mut numbers: Vec<(f64, usize)> = Vec::with_capacity(counts.values.len());
    let mut invalid = 0;
    for &(text, n) in &counts.values {
        match parse_measure(text) {
            Some(x) => numbers.push((x, n)),
            None => invalid += n,
        }
    }
    // Sorted first, so the sums run in one order whatever the value order:
    // the distinct numbers, each standing for its cells, in the order the
    // cells would sort in (equal numbers are interchangeable).
    numbers.sort_by(|a, b| a.0.total_cmp(&b.0));
    let sorted = SortedCounts::new(numbers);
    let count = sorted.len();
    if count == 0 {
        return None;
    }
    let (mean, std_dev) = mean_and_std_dev(&sorted);
    Some(NumericSummary {
        count,
        invalid,
        min: sorted.nth(0)?,
        max: sorted.nth(count - 1)?,
        mean,
        std_dev,
        quantiles: SUMMARY_QUANTILES
            .iter()
            .map(|&q| (q, quantile_by(count, q, |index| sorted.nth(index))))
            .collect(),
    })
}

/// Ascending numbers with how many cells hold each: the sorted list of
/// every cell's number, without writing it out (a million cells of an
/// income column are a few thousand distinct numbers).
struct SortedCounts {
    numbers: Vec<(f64, usize)>,
    /// Cells up to and including each number.
    ends: Vec<usize>,
}

impl SortedCounts {
    fn new(numbers: Vec<(f64, usize)>) -> Self {
        let ends = numbers
            .iter()
            .scan(0usize, |total, &(_, n)| {
                *total = total.saturating_add(n);
                Some(*total)
            })
            .collect();
        SortedCounts { numbers, ends }
    }

    fn len(&self) -> usize {
        self.ends.last().copied().unwrap_or(0)
    }

    /// The `index`th number of the written-out list.
    fn nth(&self, index: usize) -> Option<f64> {
        let at = self.ends.partition_point(|&end| end <= index);
        self.numbers.get(at).map(|&(x, _)| x)
    }

    /// Every cell's number in order.
    fn each(&self) -> impl Iterator<Item = f64> + '_ {
        self.numbers
            .iter()
            .flat_map(|&(x, n)| std::iter::repeat_n(x, n))
    }
}

/// Mean and sample standard deviation by Welford's update, which stays
/// exact where the naive sum of squares cancels (large values, small
/// spread: amounts around 1e9 differing by cents).
fn mean_and_std_dev(sorted: &SortedCounts) -> (f64, f64) {
    let (mut mean, mut squares) = (0.0, 0.0);
    for (i, x) in sorted.each().enumerate() {
        let delta = x - mean;
        mean += delta / (i + 1) as f64;
        squares += delta * (x - mean);
    }
    let n = sorted.len();
    let std_dev = if n > 1 {
        (squares / (n - 1) as f64).sqrt()
    } else {
        0.0
    };
    (mean, std_dev)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_by_hand() {
        let cells: TextColumn = ["2", "4", "", "4", "x", "4", "5", "5", "7", "9"]
            .into_iter()
            .collect();
        let s = numeric_summary(&cells).expect("numbers");
        assert_eq!((s.count, s.invalid), (8, 1));
        assert_eq!((s.min, s.max, s.mean), (2.0, 9.0, 5.0));
        // Σ(x − 5)² = 32; 32 / 7 = 4.571428…
        assert!((s.std_dev - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
        let median = s.quantiles.iter().find(|(q, _)| *q == 0.5).map(|p| p.1);
        assert_eq!(median, Some(4.5));
    }

    #[test]
    fn large_values_with_a_small_spread() {
        let cells: TextColumn = ["1000000000.01", "1000000000.02", "1000000000.03"]
            .into_iter()
            .collect();
        let s = numeric_summary(&cells).expect("numbers");
        assert!((s.std_dev - 0.01).abs() < 1e-6, "{}", s.std_dev);
        assert!(numeric_summary(&["a", ""].into_iter().collect()).is_none());
    }
}
