//! The Calinski–Harabasz index (1974): between-cluster dispersion over
//! within-cluster dispersion, each per degree of freedom,
//! CH = [B / (k − 1)] / [W / (n − k)], with B = Σ n_c ‖c_c − m‖² and
//! W = Σ ‖x − c_x‖². Higher is better; linear in n, so it is computed on
//! every point, and it is the tie-breaker when silhouettes agree.

use super::matrix::{squared_distance, Matrix};

/// CH of `labels` over `points`; None unless there are between 2 and n − 1
/// clusters. If every point sits on its centre (W = 0) it is 1, as
/// scikit-learn's `calinski_harabasz_score` defines it.
pub fn calinski_harabasz(points: &Matrix, labels: &[usize]) -> Option<f64> {
    let n = points.rows();
    if labels.len() != n || n == 0 {
        return None;
    }
    let dim = points.dim();
    let k = labels.iter().max().map_or(0, |m| m + 1);
    let mut centers = Matrix::zeros(k, dim);
    let mut sizes = vec![0usize; k];
    let mut mean = vec![0.0; dim];
    for (p, &l) in points.iter().zip(labels) {
        if let (Some(c), Some(s)) = (centers.row_mut(l), sizes.get_mut(l)) {
            c.iter_mut().zip(p).for_each(|(c, x)| *c += x);
            *s += 1;
        }
        mean.iter_mut().zip(p).for_each(|(m, x)| *m += x);
    }
    mean.iter_mut().for_each(|m| *m /= n as f64);
    for (c, &s) in centers.iter_mut().zip(&sizes) {
        if s > 0 {
            c.iter_mut().for_each(|c| *c /= s as f64);
        }
    }
    let clusters = sizes.iter().filter(|&&s| s > 0).count();
    if clusters < 2 || clusters >= n {
        return None;
    }
    let between: f64 = centers
        .iter()
        .zip(&sizes)
        .map(|(c, &s)| s as f64 * squared_distance(c, &mean))
        .sum();
    let within: f64 = points
        .iter()
        .zip(labels)
        .filter_map(|(p, &l)| centers.row(l).map(|c| squared_distance(p, c)))
        .sum();
    if within == 0.0 {
        return Some(1.0);
    }
    Some(between * (n - clusters) as f64 / (within * (clusters - 1) as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        // {0, 2} and {10, 12}: centres 1 and 11, mean 6.
        // B = 2·25 + 2·25 = 100; W = 1+1+1+1 = 4; CH = (100/1) / (4/2) = 50.
        let points = Matrix::from_rows(&[vec![0.0], vec![2.0], vec![10.0], vec![12.0]]).unwrap();
        assert_eq!(calinski_harabasz(&points, &[0, 0, 1, 1]), Some(50.0));
        assert_eq!(calinski_harabasz(&points, &[0, 0, 0, 0]), None);
        let twins = Matrix::from_rows(&[vec![0.0], vec![0.0], vec![1.0]]).unwrap();
        assert_eq!(calinski_harabasz(&twins, &[0, 0, 1]), Some(1.0));
    }
}
