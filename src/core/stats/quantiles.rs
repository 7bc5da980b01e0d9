//! Quantiles of sorted numbers.

/// The quantiles every numeric column is summarised by.
pub const SUMMARY_QUANTILES: [f64; 7] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/// The `q` quantile of ascending `sorted` values by linear interpolation
/// between closest ranks (Hyndman & Fan type 7, the default of numpy's
/// `quantile` and pandas' `Series.quantile`); 0 for no values.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    quantile_by(sorted.len(), q, |index| sorted.get(index).copied())
}

/// [`quantile`] of `values` in any order, found by selection instead of a
/// sort (linear time: a median of a million numbers without sorting them).
/// The two ranks interpolated are the very values the sorted slice holds
/// there (in `f64::total_cmp` order), so the result has the same bits.
/// Reorders `values`.
pub fn quantile_unsorted(values: &mut [f64], q: f64) -> f64 {
    let position = q.clamp(0.0, 1.0) * values.len().saturating_sub(1) as f64;
    let below = position.floor() as usize;
    if below >= values.len() {
        return quantile(&[], q);
    }
    let (_, &mut at, above) = values.select_nth_unstable_by(below, f64::total_cmp);
    let next = above.iter().copied().min_by(f64::total_cmp);
    quantile_by(values.len(), q, |index| {
        if index == below {
            Some(at)
        } else {
            next
        }
    })
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
    fn selection_gives_the_sorted_answer_to_the_bit() {
        let mut state = 9u64;
        for len in [0usize, 1, 2, 3, 10, 101, 1000] {
            let values: Vec<f64> = (0..len)
                .map(|i| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    // Ties, negatives and both zeros among them.
                    match i % 7 {
                        0 => 0.0,
                        1 => -0.0,
                        2 => 1.5,
                        _ => (state >> 11) as f64 / 9e12 - 500.0,
                    }
                })
                .collect();
            let mut sorted = values.clone();
            sorted.sort_unstable_by(f64::total_cmp);
            for q in [0.0, 0.1, 0.25, 0.5, 0.75, 0.99, 1.0] {
                let mut shuffled = values.clone();
                assert_eq!(
                    quantile_unsorted(&mut shuffled, q).to_bits(),
                    quantile(&sorted, q).to_bits(),
                    "{len} values, q {q}"
                );
            }
        }
    }

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
