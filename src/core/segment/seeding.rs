//! k-means++ seeding (Arthur & Vassilvitskii 2007), in the greedy form
//! scikit-learn uses: each new centre is the best of 2 + ⌊ln k⌋ candidates
//! drawn with probability proportional to the squared distance to the
//! nearest centre so far ("best" = lowest total squared distance after
//! adding it). Plain k-means++ draws one candidate; the greedy form gives
//! lower-inertia starts for little extra work.

use super::matrix::{squared_distance, Matrix};
use super::rng::SplitMix64;

/// `k` starting centres drawn from `points` (which must hold ≥ 1 row).
pub fn kmeans_plus_plus(points: &Matrix, k: usize, rng: &mut SplitMix64) -> Matrix {
    let n = points.rows();
    let mut centers = Matrix::zeros(k, points.dim());
    if n == 0 || k == 0 {
        return centers;
    }
    let first = rng.below(n);
    copy_row(points, first, &mut centers, 0);
    let mut closest: Vec<f64> = match points.row(first) {
        Some(c) => points.iter().map(|p| squared_distance(p, c)).collect(),
        None => vec![0.0; n],
    };
    let trials = 2 + (k as f64).ln() as usize;
    let mut cumulative = vec![0.0; n];
    let mut candidate_closest = vec![0.0; n];
    let mut best_closest = vec![0.0; n];
    for c in 1..k {
        running_sum(&closest, &mut cumulative);
        let total = cumulative.last().copied().unwrap_or(0.0);
        let mut best: Option<(usize, f64)> = None;
        for _ in 0..trials {
            let candidate = draw(&cumulative, total, rng);
            let Some(row) = points.row(candidate) else {
                continue;
            };
            let mut potential = 0.0;
            for ((p, old), new) in points.iter().zip(&closest).zip(&mut candidate_closest) {
                *new = old.min(squared_distance(p, row));
                potential += *new;
            }
            // Strictly lower wins, so the first of equal candidates is kept.
            if best.is_none_or(|(_, b)| potential < b) {
                best = Some((candidate, potential));
                std::mem::swap(&mut best_closest, &mut candidate_closest);
            }
        }
        if let Some((chosen, _)) = best {
            copy_row(points, chosen, &mut centers, c);
            std::mem::swap(&mut closest, &mut best_closest);
        }
    }
    centers
}

fn copy_row(from: &Matrix, row: usize, to: &mut Matrix, at: usize) {
    if let (Some(source), Some(target)) = (from.row(row), to.row_mut(at)) {
        target.copy_from_slice(source);
    }
}

/// Prefix sums of `weights` into `out`, summed in order (deterministic).
fn running_sum(weights: &[f64], out: &mut [f64]) {
    let mut sum = 0.0;
    for (w, o) in weights.iter().zip(out.iter_mut()) {
        sum += w;
        *o = sum;
    }
}

/// An index drawn with probability proportional to its weight, given the
/// prefix sums: the first index whose running sum exceeds u · total. When
/// every weight is 0 (all points equal to a centre) any point is as good,
/// and the uniform draw picks one.
fn draw(cumulative: &[f64], total: f64, rng: &mut SplitMix64) -> usize {
    let n = cumulative.len();
    if total <= 0.0 || !total.is_finite() {
        return rng.below(n);
    }
    let target = rng.next_f64() * total;
    cumulative
        .partition_point(|&sum| sum <= target)
        .min(n.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_far_apart_points_from_separate_groups() {
        // Two tight groups 100 apart: the second centre is from the other
        // group almost surely (weight 10000 vs ≤ 0.02).
        let points = Matrix::from_rows(&[
            vec![0.0, 0.0],
            vec![0.1, 0.0],
            vec![0.0, 0.1],
            vec![100.0, 0.0],
            vec![100.1, 0.0],
        ])
        .unwrap();
        for seed in 0..20 {
            let centers = kmeans_plus_plus(&points, 2, &mut SplitMix64::new(seed));
            let xs: Vec<f64> = centers.iter().map(|c| c[0]).collect();
            assert!((xs[0] - xs[1]).abs() > 99.0, "seed {seed}: {xs:?}");
        }
    }

    #[test]
    fn same_seed_same_centres_and_duplicates_are_fine() {
        let points = Matrix::from_rows(&[vec![1.0], vec![1.0], vec![1.0]]).unwrap();
        let a = kmeans_plus_plus(&points, 3, &mut SplitMix64::new(5));
        let b = kmeans_plus_plus(&points, 3, &mut SplitMix64::new(5));
        assert_eq!(a, b);
        assert_eq!(a.values(), &[1.0, 1.0, 1.0]);
    }

    #[test]
    fn draws_follow_the_weights() {
        let cumulative = [0.0, 0.0, 5.0, 5.0, 10.0];
        let mut rng = SplitMix64::new(3);
        for _ in 0..200 {
            let i = draw(&cumulative, 10.0, &mut rng);
            assert!(i == 2 || i == 4, "{i}");
        }
    }
}
