//! Histograms with nice bin edges.

use serde::{Deserialize, Serialize};

use super::nice::NiceStep;
use super::numeric_values;
use super::quantiles::quantile;
use crate::core::table::TextColumn;

/// Counts of a column's numbers per bin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// `counts.len() + 1` ascending edges; bin `i` is `[edges[i], edges[i+1])`
    /// and the last bin is closed. Empty when the column has no numbers.
    pub edges: Vec<f64>,
    pub counts: Vec<u64>,
    /// Missing cells (see [`crate::core::schema::is_missing`]).
    pub missing: usize,
    /// Non-missing cells that are not numbers.
    pub invalid: usize,
}

/// Fewest bins the rule suggests (unless `target_bins` is smaller).
const MIN_BINS: usize = 5;
/// Below this, integers are told apart exactly: every bin is a whole number wide.
const MAX_EXACT_INTEGER: f64 = 1e15;

/// Histogram of the numeric cells of a column with "nice" bin edges (1, 2, 2.5, 5 × 10^k widths), about `target_bins` bins (Freedman–Diaconis capped to 5..=target_bins, or Sturges; document the rule), last bin closed. Missing cells counted in `missing`, non-numeric non-missing cells in `invalid`.
///
/// The rule: the Freedman–Diaconis width `2·IQR·n^(-1/3)` gives a bin count
/// (Sturges' `⌈log2 n⌉ + 1` when the IQR is 0), clamped to
/// `5..=target_bins`; the width `range / bins` is then rounded down to a
/// nice width (so there are at least that many bins) and edges snap to
/// multiples of it, widening while that would make more than `target_bins`
/// bins. Integer data gets widths of at
/// least 1 and half-open bins all the way (the top edge lies above the
/// maximum), so each bin holds the same number of whole values. One distinct
/// value gives one bin around it. Ranges too large for nice edges (near
/// `f64::MAX`) fall back to equal-width edges from the minimum to the
/// maximum. Edges and counts are never NaN or infinite.
pub fn histogram(cells: &TextColumn, target_bins: usize) -> Histogram {
    let (values, missing, invalid) = numeric_values(cells);
    let edges = bin_edges(&values, target_bins.max(1));
    let counts = count_into_bins(&values, &edges);
    Histogram {
        edges,
        counts,
        missing,
        invalid,
    }
}

fn bin_edges(values: &[f64], target_bins: usize) -> Vec<f64> {
    let Some((min, max)) = min_max(values) else {
        return Vec::new();
    };
    if min == max {
        return single_value_edges(min);
    }
    let integers = values
        .iter()
        .all(|v| v.fract() == 0.0 && v.abs() < MAX_EXACT_INTEGER);
    let bins = suggested_bins(values, min, max, target_bins);
    nice_edges(min, max, bins, target_bins, integers)
        .unwrap_or_else(|| linear_edges(min, max, bins))
}

fn min_max(values: &[f64]) -> Option<(f64, f64)> {
    let first = *values.first()?;
    Some(
        values
            .iter()
            .fold((first, first), |(lo, hi), &v| (lo.min(v), hi.max(v))),
    )
}

/// Freedman–Diaconis (or Sturges when the IQR is 0), clamped to `5..=target_bins`.
fn suggested_bins(values: &[f64], min: f64, max: f64, target_bins: usize) -> usize {
    let n = values.len() as f64;
    let iqr = interquartile_range(values);
    let raw = if iqr > 0.0 && iqr.is_finite() {
        let width = 2.0 * iqr / n.cbrt();
        ((max - min) / width).ceil()
    } else {
        n.log2().ceil() + 1.0
    };
    // `as` saturates: an infinite range asks for the most bins allowed.
    (raw as usize).clamp(MIN_BINS.min(target_bins), target_bins)
}

fn interquartile_range(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    quantile(&sorted, 0.75) - quantile(&sorted, 0.25)
}

fn nice_edges(
    min: f64,
    max: f64,
    bins: usize,
    target_bins: usize,
    integers: bool,
) -> Option<Vec<f64>> {
    let mut step = NiceStep::at_most((max - min) / bins as f64)?;
    if integers && step.width() < 1.0 {
        step = NiceStep::ONE;
    }
    for _ in 0..64 {
        let width = step.width();
        let first = (min / width).floor();
        let last = if integers {
            (max / width).floor() + 1.0
        } else {
            (max / width).ceil()
        };
        let count = last - first;
        if count >= 1.0 && count <= target_bins as f64 {
            let edges: Vec<f64> = (0..=count as usize)
                .map(|i| step.edge(first + i as f64))
                .collect();
            return are_valid_edges(&edges, min, max).then_some(edges);
        }
        step = step.next();
    }
    None
}

fn are_valid_edges(edges: &[f64], min: f64, max: f64) -> bool {
    let finite = edges.iter().all(|e| e.is_finite());
    let ascending = edges.windows(2).all(|pair| matches!(pair, [a, b] if a < b));
    let covers =
        edges.first().is_some_and(|&e| e <= min) && edges.last().is_some_and(|&e| e >= max);
    edges.len() >= 2 && finite && ascending && covers
}

/// Equal-width edges from `min` to `max`, computed as weighted means so that
/// even a range wider than `f64::MAX` stays finite.
fn linear_edges(min: f64, max: f64, bins: usize) -> Vec<f64> {
    let bins = bins.max(1);
    let mut edges: Vec<f64> = (0..=bins)
        .map(|i| {
            let t = i as f64 / bins as f64;
            (min * (1.0 - t) + max * t).clamp(min, max)
        })
        .collect();
    edges.dedup();
    if edges.len() < 2 {
        return vec![min, max];
    }
    edges
}

/// One bin centred on the only value: a whole unit wide for integers, else
/// a nice width about a fifth of its size.
fn single_value_edges(value: f64) -> Vec<f64> {
    let width = if value.fract() == 0.0 && value.abs() < MAX_EXACT_INTEGER {
        1.0
    } else {
        NiceStep::at_least(value.abs() / 5.0).map_or(1.0, NiceStep::width)
    };
    let low = value - width / 2.0;
    let high = value + width / 2.0;
    let low = if low.is_finite() && low < value {
        low
    } else {
        value
    };
    let high = if high.is_finite() && high > value {
        high
    } else {
        value
    };
    vec![low, high]
}

fn count_into_bins(values: &[f64], edges: &[f64]) -> Vec<u64> {
    let bins = edges.len().saturating_sub(1);
    let mut counts = vec![0u64; bins];
    for &value in values {
        let after = edges.partition_point(|&edge| edge <= value);
        let bin = after.saturating_sub(1).min(bins.saturating_sub(1));
        if let Some(count) = counts.get_mut(bin) {
            *count += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(cells: &[&str]) -> TextColumn {
        cells.iter().copied().collect()
    }

    fn numbers(values: impl IntoIterator<Item = f64>) -> TextColumn {
        let cells: Vec<String> = values.into_iter().map(|v| v.to_string()).collect();
        cells.iter().map(String::as_str).collect()
    }

    fn check_shape(h: &Histogram, values: usize) {
        assert_eq!(h.edges.len(), h.counts.len() + 1, "{h:?}");
        assert!(h.edges.iter().all(|e| e.is_finite()), "{h:?}");
        assert!(h.edges.windows(2).all(|p| p[0] < p[1]), "{h:?}");
        assert_eq!(h.counts.iter().sum::<u64>(), values as u64, "{h:?}");
    }

    #[test]
    fn empty_column_has_no_bins() {
        let h = histogram(&column(&[]), 10);
        assert!(h.edges.is_empty() && h.counts.is_empty());
        let h = histogram(&column(&["", "x", "NA"]), 10);
        assert!(h.edges.is_empty() && h.counts.is_empty());
        assert_eq!((h.missing, h.invalid), (2, 1));
    }

    #[test]
    fn single_value_gets_one_bin_around_it() {
        let h = histogram(&column(&["5", "5", "5"]), 10);
        assert_eq!(h.edges, vec![4.5, 5.5]);
        assert_eq!(h.counts, vec![3]);
        let h = histogram(&column(&["2.5"]), 10);
        assert_eq!(h.edges, vec![2.25, 2.75]);
        let h = histogram(&numbers([f64::MAX]), 10);
        check_shape(&h, 1);
        let h = histogram(&numbers([0.0]), 10);
        assert_eq!(h.edges, vec![-0.5, 0.5]);
    }

    #[test]
    fn nice_edges_cover_the_data() {
        let h = histogram(&numbers((0..100).map(|i| i as f64 * 0.37)), 20);
        check_shape(&h, 100);
        let width = h.edges[1] - h.edges[0];
        assert!(
            [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0]
                .iter()
                .any(|w| (w - width).abs() < 1e-9),
            "{h:?}"
        );
        assert!(h.counts.len() >= 5 && h.counts.len() <= 20, "{h:?}");
    }

    #[test]
    fn integers_get_whole_bins() {
        let h = histogram(&column(&["1", "2", "3", "4", "5", "5", "4", "3"]), 20);
        assert_eq!(h.edges, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        assert_eq!(h.counts, vec![1, 1, 2, 2, 2]);
    }

    #[test]
    fn last_bin_is_closed() {
        let h = histogram(&column(&["0", "0.5", "1"]), 2);
        assert_eq!(h.edges, vec![0.0, 0.5, 1.0]);
        assert_eq!(h.counts, vec![1, 2]);
    }

    #[test]
    fn huge_ranges_stay_finite() {
        let h = histogram(&numbers([-f64::MAX, 0.0, f64::MAX]), 10);
        check_shape(&h, 3);
        let h = histogram(&numbers([1e-300, 2e-300, 5e-300]), 10);
        check_shape(&h, 3);
        let h = histogram(&numbers([1.0, 1.0 + f64::EPSILON]), 10);
        check_shape(&h, 2);
        let h = histogram(&column(&["1e308", "-1e308", "x", ""]), 7);
        check_shape(&h, 2);
        assert_eq!((h.missing, h.invalid), (1, 1));
    }

    #[test]
    fn zero_target_bins_means_one() {
        let h = histogram(&column(&["1", "2", "30"]), 0);
        check_shape(&h, 3);
        assert_eq!(h.counts.len(), 1);
    }
}
