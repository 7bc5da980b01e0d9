//! Correlation between two numeric columns.

/// Pearson's r of paired values; `None` with fewer than 2 pairs or when
/// either side is constant. Two-pass (means first) for accuracy.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let (x, y) = (x.get(..n)?, y.get(..n)?);
    let mean = |v: &[f64]| v.iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some((sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0))
}

/// Ranks 1..=n, ties sharing their average rank (as pandas `rank()`).
pub(crate) fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (values.get(a), values.get(b));
        x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let value = order.get(start).and_then(|&i| values.get(i));
        let mut end = start + 1;
        while end < order.len() && order.get(end).and_then(|&i| values.get(i)) == value {
            end += 1;
        }
        // Positions start..end (0-based) share ranks start+1..=end.
        let rank = (start + end + 1) as f64 / 2.0;
        for &index in order.get(start..end).unwrap_or_default() {
            if let Some(slot) = ranks.get_mut(index) {
                *slot = rank;
            }
        }
        start = end;
    }
    ranks
}

/// Spearman's ρ: Pearson's r of the average ranks.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    pearson(&average_ranks(x.get(..n)?), &average_ranks(y.get(..n)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed() {
        // x = 1..5, y = 2,4,5,4,5: r = 6 / sqrt(10 * 6) = 0.7745966692
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [2.0, 4.0, 5.0, 4.0, 5.0];
        assert!((pearson(&x, &y).unwrap() - 6.0 / 60f64.sqrt()).abs() < 1e-12);
        // Ranks of y: 1, 2.5, 4.5, 2.5, 4.5
        assert_eq!(average_ranks(&y), [1.0, 2.5, 4.5, 2.5, 4.5]);
        // ρ = Pearson(1..5, ranks) = 7 / sqrt(10 * 9) = 0.7378647874 (scipy spearmanr agrees)
        assert!((spearman(&x, &y).unwrap() - 7.0 / 90f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn constant_or_short_has_no_correlation() {
        assert_eq!(pearson(&[1.0, 1.0], &[2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0], &[2.0]), None);
    }
}
