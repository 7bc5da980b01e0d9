//! Hamerly's bounds for k-means' assignment step (G. Hamerly, "Making
//! k-means even faster", SDM 2010). Per point: an upper bound on the
//! distance to its own centre and a lower bound on the distance to every
//! other centre; per centre: half the distance to its nearest other centre.
//! When the centres move, the bounds move by as much; a point whose upper
//! bound stays below either of the other two cannot have changed centre,
//! and none of its k distances is computed. On the customer matrices (k
//! 2–8, overlapping clusters) about two points in three are passed over
//! across a fit, nine in ten in its last iterations.
//!
//! The labels must be exactly Lloyd's full scan's ([`nearest`], ties to the
//! lowest index), so rounding may never make a bound wrong: each bound is
//! kept on the safe side of the exact distance (see [`Rounding`]), and a
//! point is only passed over with a margin. Anything closer, a tie
//! included, falls through to the full scan, which decides as Lloyd does.
//!
//! [`nearest`]: super::matrix::nearest

use super::matrix::{nearest_and_second, squared_distance, Matrix};

/// Above this an upper bound is not used: a point that near (1e150 away,
/// its squared distance 1e300) cannot have its squared distances overflow,
/// so the margin argument below holds.
const LARGEST_BOUND: f64 = 1e150;

/// How far an exact distance can be from one computed as the square root of
/// a computed squared distance, so how much the bounds widen.
///
/// A squared distance over `dim` features summed in order is a sum of
/// nonnegative terms, each a difference squared (two roundings) then added
/// (at most dim − 1 more): it is within a relative (dim + 2)·2⁻⁵³ of the
/// exact one (Higham, Accuracy and Stability of Numerical Algorithms, §3.1),
/// plus at most dim·2⁻¹⁰⁷⁴ for terms that underflow; the square root
/// rounds once more. Hence:
/// - `relative` = (dim + 16)·2⁻⁵², at least twice the (dim + 8)·2⁻⁵³ those
///   roundings and the bounds' own multiplications and additions need, plus
///   1e-9 of headroom, so the margin does not rest on counting roundings
///   exactly (it costs nothing measurable: few points sit that close to a
///   bound);
/// - `absolute` = 1e-150, far above √(dim·2⁻¹⁰⁷⁴) (2.3e-152 for 10²⁰
///   features): underflow, and halving a subnormal, are inside it.
///
/// A bound moved by a centre's shift rounds outward (`next_up`,
/// `next_down`), so bounds stay safe however many iterations they are
/// carried. A squared distance that is not finite gives no bound (upper
/// infinite, lower 0): NaN or infinite data is never passed over.
#[derive(Debug, Clone, Copy)]
struct Rounding {
    relative: f64,
    absolute: f64,
}

impl Rounding {
    fn for_dim(dim: usize) -> Rounding {
        Rounding {
            relative: 1e-9 + (dim as f64 + 16.0) * f64::EPSILON,
            absolute: 1e-150,
        }
    }

    /// At least the exact distance whose square was computed as `d2`.
    fn distance_at_most(self, d2: f64) -> f64 {
        if d2.is_finite() {
            d2.sqrt() * (1.0 + self.relative) + self.absolute
        } else {
            f64::INFINITY
        }
    }

    /// At most the exact distance whose square was computed as `d2`.
    fn distance_at_least(self, d2: f64) -> f64 {
        if d2.is_finite() {
            (d2.sqrt() * (1.0 - self.relative) - self.absolute).max(0.0)
        } else {
            0.0
        }
    }

    /// True when a point at most `upper` from its own centre and at least
    /// `limit` from every other is surely assigned to its own centre by
    /// the full scan: the exact distances differ by more than `relative`
    /// and `absolute` allow the computed squared distances to move, so the
    /// computed one to its own centre is finite and strictly below every
    /// other, and neither a tie nor the index order can matter. (When
    /// `limit` is half the gap g to another centre, that centre is at least
    /// g − upper ≥ 2·limit − upper away: further still.)
    fn surely_nearest(self, upper: f64, limit: f64) -> bool {
        upper <= LARGEST_BOUND && upper * (1.0 + self.relative) + self.absolute < limit
    }
}

/// What one move of the centres means for the bounds, per centre.
#[derive(Debug, Clone, Copy)]
struct CentreMove {
    /// At least how far the centre moved.
    shift: f64,
    /// At least how far any other centre moved.
    others_shift: f64,
    /// At most half the distance from the centre to its nearest other
    /// centre: a point nearer than that to the centre is nearer to it than
    /// to any other (triangle inequality). Infinite when k is 1.
    half_gap: f64,
}

fn centre_moves(old: &Matrix, new: &Matrix, rounding: Rounding) -> Vec<CentreMove> {
    let shifts: Vec<f64> = old
        .iter()
        .zip(new.iter())
        .map(|(before, after)| rounding.distance_at_most(squared_distance(before, after)))
        .collect();
    new.iter()
        .enumerate()
        .map(|(c, centre)| {
            let others_shift = shifts
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != c)
                .fold(0.0, |most, (_, &shift)| f64::max(most, shift));
            let nearest_other = new
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != c)
                .map(|(_, other)| rounding.distance_at_least(squared_distance(centre, other)))
                .fold(f64::INFINITY, f64::min);
            CentreMove {
                shift: shifts.get(c).copied().unwrap_or(f64::INFINITY),
                others_shift,
                half_gap: nearest_other * 0.5,
            }
        })
        .collect()
}

/// The bounds of every point (see the module docs).
#[derive(Debug, Clone)]
pub(super) struct Bounds {
    /// Per point: at least its distance to its own centre.
    upper: Vec<f64>,
    /// Per point: at most its distance to any other centre.
    lower: Vec<f64>,
    rounding: Rounding,
}

impl Bounds {
    /// Every point's nearest centre by a full scan (Lloyd's first
    /// assignment), and the bounds that scan gives. `assigned` is told each
    /// point's label, in point order.
    pub(super) fn first_assignment(
        points: &Matrix,
        centers: &Matrix,
        mut assigned: impl FnMut(usize, &[f64]),
    ) -> (Vec<usize>, Bounds) {
        let rounding = Rounding::for_dim(points.dim());
        let n = points.rows();
        let mut labels = Vec::with_capacity(n);
        let mut upper = Vec::with_capacity(n);
        let mut lower = Vec::with_capacity(n);
        for p in points.iter() {
            let (label, d, second) = nearest_and_second(p, centers);
            labels.push(label);
            upper.push(rounding.distance_at_most(d));
            lower.push(rounding.distance_at_least(second));
            assigned(label, p);
        }
        let bounds = Bounds {
            upper,
            lower,
            rounding,
        };
        (labels, bounds)
    }

    /// After the centres moved from `old` to `centers`, every point's
    /// nearest centre into `labels`, the same as a full scan would give.
    /// `assigned` is told each point's label, in point order. True when any
    /// label changed.
    pub(super) fn reassign(
        &mut self,
        points: &Matrix,
        old: &Matrix,
        centers: &Matrix,
        labels: &mut [usize],
        mut assigned: impl FnMut(usize, &[f64]),
    ) -> bool {
        let rounding = self.rounding;
        let moves = centre_moves(old, centers, rounding);
        let mut changed = false;
        let bounds = self.upper.iter_mut().zip(self.lower.iter_mut());
        for ((p, label), (upper, lower)) in points.iter().zip(labels.iter_mut()).zip(bounds) {
            let new = match moves.get(*label) {
                Some(moved) => reassign_point(p, centers, *label, moved, upper, lower, rounding),
                None => full_scan(p, centers, upper, lower, rounding),
            };
            changed |= new != *label;
            *label = new;
            assigned(new, p);
        }
        changed
    }
}

/// One point's nearest centre after a move: the bounds, moved by the
/// shifts, or else a full scan.
///
/// Hamerly's paper first tightens the upper bound with the exact distance
/// to the point's own centre before the full scan. Not here: on the
/// customer matrices (17 features, k 2–8, clusters that overlap) that
/// extra distance, whose sum and square root must finish before the
/// branch on it resolves, cost more than the full scans it saved (the
/// auto-k scan took about 1.85 s with it, 1.57 s without).
fn reassign_point(
    p: &[f64],
    centers: &Matrix,
    own: usize,
    moved: &CentreMove,
    upper: &mut f64,
    lower: &mut f64,
    rounding: Rounding,
) -> usize {
    *upper = (*upper + moved.shift).next_up();
    *lower = (*lower - moved.others_shift).next_down().max(0.0);
    let limit = moved.half_gap.max(*lower);
    if rounding.surely_nearest(*upper, limit) {
        return own;
    }
    full_scan(p, centers, upper, lower, rounding)
}

/// Lloyd's own assignment of one point, which also resets its bounds.
fn full_scan(
    p: &[f64],
    centers: &Matrix,
    upper: &mut f64,
    lower: &mut f64,
    rounding: Rounding,
) -> usize {
    let (label, d, second) = nearest_and_second(p, centers);
    *upper = rounding.distance_at_most(d);
    *lower = rounding.distance_at_least(second);
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_bounds_bracket_the_distance() {
        let rounding = Rounding::for_dim(3);
        for d2 in [0.0, 1e-320, 2.0, 1e300, f64::MAX] {
            let (low, high) = (
                rounding.distance_at_least(d2),
                rounding.distance_at_most(d2),
            );
            assert!(low <= d2.sqrt() && d2.sqrt() <= high, "{d2}: {low} {high}");
            assert!(low >= 0.0);
        }
        for unknown in [f64::NAN, f64::INFINITY] {
            assert_eq!(rounding.distance_at_least(unknown), 0.0);
            assert_eq!(rounding.distance_at_most(unknown), f64::INFINITY);
        }
    }

    #[test]
    fn only_a_clear_margin_passes_a_point_over() {
        let rounding = Rounding::for_dim(17);
        assert!(rounding.surely_nearest(1.0, 1.001));
        assert!(!rounding.surely_nearest(1.0, 1.0));
        assert!(!rounding.surely_nearest(1.0, 1.0 + 1e-12));
        assert!(!rounding.surely_nearest(0.0, 0.0));
        assert!(!rounding.surely_nearest(f64::NAN, 1.0));
        assert!(!rounding.surely_nearest(f64::INFINITY, f64::INFINITY));
        assert!(!rounding.surely_nearest(1e151, f64::INFINITY));
        // k = 1: no other centre, nothing to be nearer to.
        assert!(rounding.surely_nearest(5.0, f64::INFINITY));
    }

    #[test]
    fn centre_moves_bound_shifts_and_gaps() {
        let rounding = Rounding::for_dim(1);
        let old = Matrix::from_rows(&[vec![0.0], vec![10.0], vec![20.0]]).unwrap();
        let new = Matrix::from_rows(&[vec![1.0], vec![10.0], vec![17.0]]).unwrap();
        let moves = centre_moves(&old, &new, rounding);
        let shifts: Vec<f64> = moves.iter().map(|m| m.shift).collect();
        assert!(shifts[0] >= 1.0 && shifts[0] < 1.0 + 1e-8);
        assert!(shifts[1] >= 0.0 && shifts[1] < 1e-8);
        assert!(shifts[2] >= 3.0 && shifts[2] < 3.0 + 1e-8);
        // Each centre's largest other shift: 3, 3, 1.
        assert!(moves[0].others_shift >= 3.0 && moves[1].others_shift >= 3.0);
        assert!(moves[2].others_shift >= 1.0 && moves[2].others_shift < 1.0 + 1e-8);
        // Gaps 9 and 7: halves at most 4.5, 3.5, 3.5.
        assert!(moves[0].half_gap <= 4.5 && moves[0].half_gap > 4.5 - 1e-8);
        assert!(moves[1].half_gap <= 3.5 && moves[2].half_gap <= 3.5);
        let one = Matrix::from_rows(&[vec![0.0]]).unwrap();
        let alone = centre_moves(&one, &one, rounding);
        assert_eq!(alone[0].half_gap, f64::INFINITY);
        assert_eq!(alone[0].others_shift, 0.0);
    }
}
