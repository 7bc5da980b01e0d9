//! Adjusting one group's p-values for testing many traits at once.
//!
//! Benjamini–Hochberg, not Holm: describing a segment is a screen over
//! every trait and level (telco's 20 columns give about 60 tests), and
//! what matters is that few of the differences called significant are
//! flukes (the false discovery rate), not that none is (Holm's
//! family-wise error, which would hide real differences as the number of
//! traits grows). BH is valid for independent or positively dependent
//! tests, as shares of the levels of a trait and correlated measures are
//! in practice. scipy: `false_discovery_control(p, method="bh")`.

use super::test::{Test, SIGNIFICANCE_LEVEL};

/// Benjamini–Hochberg adjusted p-values, in the order given:
/// p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m·p₍ⱼ₎/j) over the p-values sorted ascending.
pub fn benjamini_hochberg(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| {
        let pa = p_values.get(a).copied().unwrap_or(1.0);
        let pb = p_values.get(b).copied().unwrap_or(1.0);
        pa.total_cmp(&pb).then(a.cmp(&b))
    });
    let mut adjusted = vec![1.0; m];
    let mut running = 1.0_f64;
    for (rank, &index) in order.iter().enumerate().rev() {
        let p = p_values.get(index).copied().unwrap_or(1.0);
        running = running.min(p * m as f64 / (rank + 1) as f64).min(1.0);
        if let Some(slot) = adjusted.get_mut(index) {
            *slot = running;
        }
    }
    adjusted
}

/// Adjust every test among `tests` together and mark the significant ones.
/// Returns how many tests were adjusted together.
pub(super) fn adjust_together<'a>(tests: impl IntoIterator<Item = &'a mut Test>) -> usize {
    let mut tested: Vec<&mut super::test::Tested> = tests
        .into_iter()
        .filter_map(|test| match test {
            Test::Tested(tested) => Some(tested),
            Test::NotTested { .. } => None,
        })
        .collect();
    let p: Vec<f64> = tested.iter().map(|t| t.p).collect();
    for (t, adjusted) in tested.iter_mut().zip(benjamini_hochberg(&p)) {
        t.adjusted_p = adjusted;
        t.significant = adjusted <= SIGNIFICANCE_LEVEL;
    }
    tested.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_scipy() {
        // scipy 1.17.1: false_discovery_control([0.01, 0.04, 0.03, 0.2, 0.5, 0.001])
        let ours = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.2, 0.5, 0.001]);
        let scipy = [0.03, 0.06, 0.06, 0.24, 0.5, 0.006];
        for (o, s) in ours.iter().zip(scipy) {
            assert!((o - s).abs() < 1e-15, "{ours:?}");
        }
        assert!(benjamini_hochberg(&[]).is_empty());
        assert_eq!(benjamini_hochberg(&[0.3]), [0.3]);
    }
}
