//! The silhouette (Rousseeuw 1987): for each point, a = mean distance to
//! the other points of its cluster, b = the lowest mean distance to the
//! points of another cluster, s = (b − a) / max(a, b); a point alone in
//! its cluster scores 0. The score is the mean of s over the points, from
//! −1 to 1, higher for tighter, better separated clusters. Distances are
//! Euclidean (not squared), as scikit-learn's `silhouette_score`.
//!
//! It needs every pairwise distance, n² of them, so beyond a bound it is
//! computed on a seeded random sample of points, as `silhouette_score(…,
//! sample_size, random_state)` does: the sample's own silhouette (distances
//! among sampled points only), with the sample size reported.

use serde::{Deserialize, Serialize};

use super::matrix::{squared_distance, Matrix};
use super::rng::SplitMix64;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Silhouette {
    pub score: f64,
    /// Points the score was computed on.
    pub points: usize,
    /// True when `points` is a sample of the data.
    pub sampled: bool,
}

/// The silhouette over all points; None unless there are between 2 and
/// n − 1 clusters (where it is undefined, as scikit-learn refuses), or if
/// `labels` and `points` differ in length.
pub fn silhouette_exact(points: &Matrix, labels: &[usize]) -> Option<f64> {
    if labels.len() != points.rows() {
        return None;
    }
    silhouette_of_pairs(labels, |i, j| match (points.row(i), points.row(j)) {
        (Some(p), Some(q)) => squared_distance(p, q).sqrt(),
        _ => 0.0,
    })
}

/// The silhouette of `labels`, with `distance(i, j)` asked for every pair
/// i < j in order (row by row), each pair measured once and added to both
/// ends.
fn silhouette_of_pairs(
    labels: &[usize],
    mut distance: impl FnMut(usize, usize) -> f64,
) -> Option<f64> {
    let n = labels.len();
    let k = labels.iter().max().map_or(0, |m| m + 1);
    let mut sizes = vec![0usize; k];
    for &l in labels {
        if let Some(s) = sizes.get_mut(l) {
            *s += 1;
        }
    }
    let clusters = sizes.iter().filter(|&&s| s > 0).count();
    if clusters < 2 || clusters >= n {
        return None;
    }
    // sums[i·k + c]: total distance from point i to the points of cluster c.
    let mut sums = vec![0.0; n * k];
    for (i, &li) in labels.iter().enumerate() {
        for (j, &lj) in labels.iter().enumerate().skip(i + 1) {
            let d = distance(i, j);
            if let Some(s) = sums.get_mut(i * k + lj) {
                *s += d;
            }
            if let Some(s) = sums.get_mut(j * k + li) {
                *s += d;
            }
        }
    }
    let mut total = 0.0;
    for (row, &l) in sums.chunks_exact(k).zip(labels) {
        total += point_silhouette(row, &sizes, l);
    }
    Some(total / n as f64)
}

/// The distances between a silhouette's points, measured once for every k
/// of a scan: the points (or the seeded sample of them) are the same for
/// each k, only the labels change. Scoring then adds the stored distances
/// in the same order as [`silhouette`] measures them, so the score is the
/// same to the last bit, at a fraction of the cost (the distances were
/// as much of auto-k's time as all its fits). 4,000 points keep about
/// 8 M distances, 64 MB, for the length of the scan.
#[derive(Debug, Clone)]
pub struct SilhouetteDistances {
    /// The rows of the points the distances are between.
    rows: Vec<usize>,
    sampled: bool,
    /// d(i, j) for every i < j of `rows`, row by row.
    distances: Vec<f64>,
}

impl SilhouetteDistances {
    /// The distances [`silhouette`] would measure for `points` with
    /// `max_points` and `seed`.
    pub fn new(points: &Matrix, max_points: usize, seed: u64) -> SilhouetteDistances {
        let n = points.rows();
        let (rows, sampled) = if n <= max_points {
            ((0..n).collect(), false)
        } else {
            (SplitMix64::new(seed).sample_indices(n, max_points), true)
        };
        let chosen = points.select(&rows);
        let m = chosen.rows();
        let mut distances = Vec::with_capacity(m * m.saturating_sub(1) / 2);
        for (i, p) in chosen.iter().enumerate() {
            for q in chosen.iter().skip(i + 1) {
                distances.push(squared_distance(p, q).sqrt());
            }
        }
        SilhouetteDistances {
            rows,
            sampled,
            distances,
        }
    }

    /// The silhouette of `labels` (one per point of the matrix given to
    /// [`SilhouetteDistances::new`]).
    pub fn score(&self, labels: &[usize]) -> Option<Silhouette> {
        let chosen: Vec<usize> = self
            .rows
            .iter()
            .filter_map(|&row| labels.get(row).copied())
            .collect();
        if chosen.len() != self.rows.len() {
            return None;
        }
        let mut stored = self.distances.iter();
        let score = silhouette_of_pairs(&chosen, |_, _| stored.next().copied().unwrap_or(0.0))?;
        Some(Silhouette {
            score,
            points: chosen.len(),
            sampled: self.sampled,
        })
    }
}

/// s for one point from its distance sums per cluster.
fn point_silhouette(sums: &[f64], sizes: &[usize], own: usize) -> f64 {
    let own_size = sizes.get(own).copied().unwrap_or(0);
    if own_size <= 1 {
        return 0.0;
    }
    let a = sums.get(own).copied().unwrap_or(0.0) / (own_size - 1) as f64;
    let b = sums
        .iter()
        .zip(sizes)
        .enumerate()
        .filter(|&(c, (_, &size))| c != own && size > 0)
        .map(|(_, (sum, &size))| sum / size as f64)
        .fold(f64::INFINITY, f64::min);
    let denominator = a.max(b);
    if denominator > 0.0 && denominator.is_finite() {
        (b - a) / denominator
    } else {
        0.0
    }
}

/// The silhouette, exact when there are at most `max_points` points, else
/// on `max_points` of them drawn without replacement with `seed`.
pub fn silhouette(
    points: &Matrix,
    labels: &[usize],
    max_points: usize,
    seed: u64,
) -> Option<Silhouette> {
    let n = points.rows();
    if n <= max_points {
        return silhouette_exact(points, labels).map(|score| Silhouette {
            score,
            points: n,
            sampled: false,
        });
    }
    let sample = SplitMix64::new(seed).sample_indices(n, max_points);
    let sample_labels: Vec<usize> = sample
        .iter()
        .filter_map(|&i| labels.get(i).copied())
        .collect();
    silhouette_exact(&points.select(&sample), &sample_labels).map(|score| Silhouette {
        score,
        points: sample.len(),
        sampled: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_distances_give_the_same_score_to_the_last_bit() {
        let mut rng = SplitMix64::new(3);
        let rows: Vec<Vec<f64>> = (0..300)
            .map(|i| vec![rng.next_f64() + f64::from(i % 3), rng.next_f64()])
            .collect();
        let points = Matrix::from_rows(&rows).unwrap();
        for (max_points, k) in [(1_000, 3), (120, 3), (120, 4)] {
            let cache = SilhouetteDistances::new(&points, max_points, 11);
            let labels: Vec<usize> = (0..300).map(|i| (i * 7 + i / 50) % k).collect();
            let direct = silhouette(&points, &labels, max_points, 11).unwrap();
            let stored = cache.score(&labels).unwrap();
            assert_eq!(direct.score.to_bits(), stored.score.to_bits());
            assert_eq!(
                (direct.points, direct.sampled),
                (stored.points, stored.sampled)
            );
        }
    }

    #[test]
    fn two_clusters_by_hand() {
        // Points on a line: A = {0, 1}, B = {4}... B needs two points for a
        // non-zero score, so B = {4, 6}.
        // x=0: a = 1, b = (4+6)/2 = 5, s = 4/5 = 0.8
        // x=1: a = 1, b = (3+5)/2 = 4, s = 3/4 = 0.75
        // x=4: a = 2, b = (4+3)/2 = 3.5, s = 1.5/3.5 = 3/7
        // x=6: a = 2, b = (6+5)/2 = 5.5, s = 3.5/5.5 = 7/11
        // mean = (0.8 + 0.75 + 3/7 + 7/11) / 4
        let points = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![4.0], vec![6.0]]).unwrap();
        let want = (0.8 + 0.75 + 3.0 / 7.0 + 7.0 / 11.0) / 4.0;
        let got = silhouette_exact(&points, &[0, 0, 1, 1]).unwrap();
        assert!((got - want).abs() < 1e-15, "{got} vs {want}");
    }

    #[test]
    fn a_point_alone_scores_zero() {
        // {0, 1} and {10}: x=0: a=1, b=10 → 0.9; x=1: a=1, b=9 → 8/9; x=10: 0.
        let points = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![10.0]]).unwrap();
        let got = silhouette_exact(&points, &[0, 0, 1]).unwrap();
        assert!((got - (0.9 + 8.0 / 9.0) / 3.0).abs() < 1e-15);
    }

    #[test]
    fn undefined_for_one_cluster_or_all_singletons() {
        let points = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![2.0]]).unwrap();
        assert_eq!(silhouette_exact(&points, &[0, 0, 0]), None);
        assert_eq!(silhouette_exact(&points, &[0, 1, 2]), None);
        assert_eq!(silhouette_exact(&points, &[0, 1]), None);
    }

    #[test]
    fn samples_beyond_the_bound() {
        let mut rng = SplitMix64::new(9);
        let rows: Vec<Vec<f64>> = (0..400)
            .map(|i| vec![rng.next_f64() + if i % 2 == 0 { 0.0 } else { 5.0 }])
            .collect();
        let labels: Vec<usize> = (0..400).map(|i| i % 2).collect();
        let points = Matrix::from_rows(&rows).unwrap();
        let exact = silhouette(&points, &labels, 1000, 1).unwrap();
        let sampled = silhouette(&points, &labels, 100, 1).unwrap();
        assert!(!exact.sampled && sampled.sampled);
        assert_eq!(sampled.points, 100);
        assert!((exact.score - sampled.score).abs() < 0.02);
        assert_eq!(silhouette(&points, &labels, 100, 1), Some(sampled));
    }
}
