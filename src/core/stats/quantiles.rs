//! Quantiles of sorted numbers.

/// The quantiles every numeric column is summarised by.
pub const SUMMARY_QUANTILES: [f64; 7] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/// The `q` quantile of ascending `sorted` values by linear interpolation
/// between closest ranks (Hyndman & Fan type 7, the default of numpy's
/// `quantile` and pandas' `Series.quantile`); 0 for no values.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    quantile_by(sorted.len(), q, |index| sorted.get(index).copied())
}

/// [`quantile`] of `len` ascending values read by `nth`, for values that
/// are not written out one by one.
pub fn quantile_by(len: usize, q: f64, nth: impl Fn(usize) -> Option<f64>) -> f64 {
    let position = q.clamp(0.0, 1.0) * len.saturating_sub(1) as f64;
    let below = position.floor() as usize;
    let fraction = position - below as f64;
    match (nth(below), nth(below + 1)) {
        (Some(a), Some(b)) => a + (b - a) * fraction,
        (Some(a), None) => a,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_like_numpy() {
        // numpy.quantile([1, 2, 3, 4], [0, .25, .5, .95, 1]) = 1, 1.75, 2.5, 3.85, 4
        let sorted = [1.0, 2.0, 3.0, 4.0];
        let got: Vec<f64> = [0.0, 0.25, 0.5, 0.95, 1.0]
            .iter()
            .map(|q| quantile(&sorted, *q))
            .collect();
        let want = [1.0, 1.75, 2.5, 3.85, 4.0];
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "{got:?}");
        }
        assert_eq!(quantile(&[7.0], 0.3), 7.0);
        assert_eq!(quantile(&[], 0.5), 0.0);
    }
}
