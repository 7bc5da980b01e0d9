//! The plain Lloyd's algorithm k-means ran before Hamerly's bounds (a full
//! scan of every point each iteration), kept word for word as the oracle
//! the bounded version is compared with bit for bit (kmeans.rs's tests).

use super::matrix::{nearest, Matrix};

/// What one start gave.
#[derive(Debug, Clone)]
pub(super) struct PlainRun {
    pub(super) labels: Vec<usize>,
    pub(super) centers: Matrix,
    pub(super) inertia: f64,
    pub(super) iterations: usize,
    pub(super) converged: bool,
}

/// One start of Lloyd's algorithm. The labels returned always belong to the
/// centres returned (a last assignment follows the last move).
pub(super) fn lloyd_plain(
    points: &Matrix,
    mut centers: Matrix,
    max_iter: usize,
    tolerance: f64,
) -> PlainRun {
    let mut distances = vec![0.0; points.rows()];
    let (mut labels, mut inertia) = assign_with_distances(points, &centers, &mut distances);
    let mut iterations = 0;
    let mut converged = false;
    while iterations < max_iter {
        iterations += 1;
        let moved = update_centers(points, &labels, &distances, &mut centers);
        let (new_labels, new_inertia) = assign_with_distances(points, &centers, &mut distances);
        inertia = new_inertia;
        // Nothing changed hands: the next move would change nothing.
        let unchanged = new_labels == labels;
        labels = new_labels;
        if unchanged || moved <= tolerance {
            converged = true;
            break;
        }
    }
    PlainRun {
        labels,
        centers,
        inertia,
        iterations,
        converged,
    }
}

fn assign_with_distances(
    points: &Matrix,
    centers: &Matrix,
    distances: &mut [f64],
) -> (Vec<usize>, f64) {
    let mut inertia = 0.0;
    let labels = points
        .iter()
        .zip(distances.iter_mut())
        .map(|(p, distance)| {
            let (label, d) = nearest(p, centers);
            *distance = d;
            inertia += d;
            label
        })
        .collect();
    (labels, inertia)
}

/// Each centre to the mean of its points; returns the total squared
/// movement. A centre left with no points takes the point farthest from
/// its own centre (then the next farthest for the next empty one), which
/// leaves its old cluster, as scikit-learn relocates empty clusters: the
/// worst-served customer is the best evidence of a missing segment.
fn update_centers(
    points: &Matrix,
    labels: &[usize],
    distances: &[f64],
    centers: &mut Matrix,
) -> f64 {
    let k = centers.rows();
    let dim = points.dim();
    let mut sums = Matrix::zeros(k, dim);
    let mut counts = vec![0usize; k];
    for (p, &label) in points.iter().zip(labels) {
        if let (Some(sum), Some(count)) = (sums.row_mut(label), counts.get_mut(label)) {
            sum.iter_mut().zip(p).for_each(|(s, x)| *s += x);
            *count += 1;
        }
    }
    let empty: Vec<usize> = (0..k).filter(|&c| counts.get(c) == Some(&0)).collect();
    if !empty.is_empty() {
        let mut far: Vec<usize> = (0..points.rows())
            .filter(|&i| distances.get(i).is_some_and(|&d| d > 0.0))
            .collect();
        // Farthest first; ties by row, so the choice is deterministic.
        far.sort_by(|&a, &b| {
            let (da, db) = (distances.get(a), distances.get(b));
            db.partial_cmp(&da)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(&b))
        });
        for (&c, &i) in empty.iter().zip(&far) {
            let (Some(p), Some(&from)) = (points.row(i), labels.get(i)) else {
                continue;
            };
            if let Some(sum) = sums.row_mut(from) {
                sum.iter_mut().zip(p).for_each(|(s, x)| *s -= x);
            }
            if let Some(count) = counts.get_mut(from) {
                *count -= 1;
            }
            if let Some(sum) = sums.row_mut(c) {
                sum.copy_from_slice(p);
            }
            if let Some(count) = counts.get_mut(c) {
                *count = 1;
            }
        }
    }
    let mut moved = 0.0;
    for ((center, sum), &count) in centers.iter_mut().zip(sums.iter()).zip(&counts) {
        // Still empty (fewer distinct points than k): the centre stays.
        if count == 0 {
            continue;
        }
        for (c, s) in center.iter_mut().zip(sum) {
            let new = s / count as f64;
            moved += (new - *c) * (new - *c);
            *c = new;
        }
    }
    moved
}
