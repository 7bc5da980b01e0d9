//! Association involving categories.

use std::collections::HashMap;

/// Cramér's V of paired categories: sqrt(χ² / (n · (min(r, c) − 1))), with
/// no bias correction (as `scipy.stats.contingency.association(method=
/// "cramer")`). `None` with fewer than 2 pairs or when either side has a
/// single category.
pub fn cramers_v(a: &[&str], b: &[&str]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n < 2 {
        return None;
    }
    let index = |values: &[&str]| {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let codes: Vec<usize> = values
            .iter()
            .take(n)
            .map(|v| {
                let next = ids.len();
                *ids.entry((*v).to_string()).or_insert(next)
            })
            .collect();
        (codes, ids.len())
    };
    let (rows, r) = index(a);
    let (cols, c) = index(b);
    if r < 2 || c < 2 {
        return None;
    }
    let mut table = vec![0.0f64; r * c];
    let (mut row_sums, mut col_sums) = (vec![0.0f64; r], vec![0.0f64; c]);
    for (&i, &j) in rows.iter().zip(&cols) {
        if let Some(cell) = table.get_mut(i * c + j) {
            *cell += 1.0;
        }
        if let Some(s) = row_sums.get_mut(i) {
            *s += 1.0;
        }
        if let Some(s) = col_sums.get_mut(j) {
            *s += 1.0;
        }
    }
    let total = n as f64;
    let mut chi2 = 0.0;
    for (i, row_sum) in row_sums.iter().enumerate() {
        for (j, col_sum) in col_sums.iter().enumerate() {
            let expected = row_sum * col_sum / total;
            let observed = table.get(i * c + j).copied().unwrap_or(0.0);
            chi2 += (observed - expected).powi(2) / expected;
        }
    }
    Some((chi2 / (total * (r.min(c) - 1) as f64)).sqrt().min(1.0))
}

/// The correlation ratio η of a number across categories: the share of the
/// number's spread explained by the category, sqrt(SS_between / SS_total).
/// `None` with fewer than 2 pairs or a constant number.
pub fn correlation_ratio(categories: &[&str], values: &[f64]) -> Option<f64> {
    let n = categories.len().min(values.len());
    if n < 2 {
        return None;
    }
    let values = values.get(..n)?;
    let mean = values.iter().sum::<f64>() / n as f64;
    let mut groups: HashMap<&str, (f64, usize)> = HashMap::new();
    for (category, value) in categories.iter().zip(values) {
        let group = groups.entry(category).or_insert((0.0, 0));
        group.0 += value;
        group.1 += 1;
    }
    let between: f64 = groups
        .values()
        .map(|(sum, count)| *count as f64 * (sum / *count as f64 - mean).powi(2))
        .sum();
    let total: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    if total == 0.0 {
        return None;
    }
    Some((between / total).sqrt().min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cramers_v_by_hand() {
        // 2×2 table [[2, 0], [0, 2]]: perfect association.
        assert!(
            (cramers_v(&["a", "a", "b", "b"], &["x", "x", "y", "y"]).unwrap() - 1.0).abs() < 1e-12
        );
        // [[1, 1], [1, 1]]: none.
        assert!(
            cramers_v(&["a", "a", "b", "b"], &["x", "y", "x", "y"])
                .unwrap()
                .abs()
                < 1e-12
        );
        // [[3, 1], [1, 3]], n = 8: χ² = 4·(1²/2) = 2, V = sqrt(2/8) = 0.5
        let a = ["a", "a", "a", "a", "b", "b", "b", "b"];
        let b = ["x", "x", "x", "y", "x", "y", "y", "y"];
        assert!((cramers_v(&a, &b).unwrap() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn correlation_ratio_by_hand() {
        // Groups a: 1, 3 (mean 2), b: 5, 7 (mean 6); grand mean 4.
        // SS_between = 2·4 + 2·4 = 16; SS_total = 9 + 1 + 1 + 9 = 20.
        let eta = correlation_ratio(&["a", "a", "b", "b"], &[1.0, 3.0, 5.0, 7.0]).unwrap();
        assert!((eta - (16.0f64 / 20.0).sqrt()).abs() < 1e-12);
    }
}
