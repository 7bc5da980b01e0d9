//! Principal components of a feature matrix, for the segment map: the two
//! directions along which customers differ most, each customer's position
//! on them, and the share of all variance each direction shows.
//!
//! How:
//! 1. One streaming pass over the rows accumulates the mean and the
//!    co-moment matrix by Welford's update (stable when the mean is far
//!    from zero; no centred copy of the data). The covariance is the
//!    co-moment over n − 1, as scikit-learn's `explained_variance_`; the
//!    ratios do not depend on that choice.
//! 2. The d × d covariance (d is the number of matrix columns, a few dozen
//!    at most) is diagonalised by cyclic Jacobi rotations: O(d³) per
//!    sweep, a handful of sweeps, accurate to rounding for symmetric
//!    matrices, and no linear-algebra crate for a 60 × 60 problem.
//! 3. The two largest eigenvalues give the components, their ratios to
//!    the trace (the total variance) the explained-variance ratios.
//! 4. A second pass projects each centred row on the components.
//!
//! Sign convention (each eigenvector is only defined up to its sign): the
//! entry of largest absolute value of each component is positive, the
//! first such entry on a tie. This is scikit-learn's `svd_flip(...,
//! u_based_decision=False)`, which its PCA uses since 1.5, so our
//! coordinates equal scikit-learn's, and the same data always give the
//! same picture.
//!
//! A component is given only where the data vary along it (eigenvalue
//! above 1e-12 of the total variance): one column gives at most one
//! component; constant columns add nothing; one row, or identical rows,
//! give none. A missing component's coordinate is 0 and its ratio 0.
//! When two eigenvalues are equal, any rotation within their plane is an
//! equally good answer, and ours need not be scikit-learn's.

use serde::{Deserialize, Serialize};

use super::matrix::Matrix;

/// Components kept for the map.
const COMPONENTS: usize = 2;

/// An eigenvalue at most this share of the total variance is no direction
/// of variation (rounding of a constant direction).
const VARIANCE_FLOOR: f64 = 1e-12;

/// Jacobi stops when the off-diagonal part is this small relative to the
/// whole matrix (Frobenius norms), or after `MAX_SWEEPS`.
const OFF_DIAGONAL_TOLERANCE: f64 = 1e-15;
const MAX_SWEEPS: usize = 100;

/// One principal axis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Component {
    /// Unit vector over the matrix columns (sign: see the module docs).
    pub axis: Vec<f64>,
    /// Variance of the customers' coordinates on this axis (ddof 1).
    pub variance: f64,
    /// `variance` over the total variance: 0.42 is "42% of variance".
    pub ratio: f64,
}

/// The segment map's projection of a matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pca {
    /// Column means the rows are centred on.
    pub mean: Vec<f64>,
    /// At most two, largest variance first; fewer when the data vary in
    /// fewer directions (see the module docs).
    pub components: Vec<Component>,
    /// Sum of every column's variance (ddof 1; 0 for fewer than 2 rows).
    pub total_variance: f64,
    /// Jacobi sweeps used, and whether the off-diagonal part vanished.
    pub sweeps: usize,
    pub converged: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PcaError {
    /// The matrix has no rows.
    NoRows,
}

impl std::fmt::Display for PcaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PcaError::NoRows => write!(f, "no rows to project"),
        }
    }
}

impl Pca {
    /// The principal components of `points` (rows are customers).
    pub fn fit(points: &Matrix) -> Result<Pca, PcaError> {
        let n = points.rows();
        if n == 0 {
            return Err(PcaError::NoRows);
        }
        let (mean, co_moment) = streaming_co_moment(points);
        let d = points.dim();
        let mut covariance = co_moment;
        let divisor = n.saturating_sub(1).max(1) as f64;
        covariance.values.iter_mut().for_each(|v| *v /= divisor);
        let total_variance: f64 = (0..d).map(|i| covariance.at(i, i)).sum();

        let eigen = jacobi_eigen(covariance);
        let components = eigen
            .pairs
            .into_iter()
            .take(COMPONENTS)
            .filter(|(value, _)| total_variance > 0.0 && *value > VARIANCE_FLOOR * total_variance)
            .map(|(variance, mut axis)| {
                flip_sign(&mut axis);
                Component {
                    axis,
                    variance,
                    ratio: variance / total_variance,
                }
            })
            .collect();
        Ok(Pca {
            mean,
            components,
            total_variance,
            sweeps: eigen.sweeps,
            converged: eigen.converged,
        })
    }

    /// One row's coordinates on the two components (0 where a component
    /// is absent).
    pub fn project(&self, row: &[f64]) -> [f64; 2] {
        let mut out = [0.0; 2];
        for (slot, component) in out.iter_mut().zip(&self.components) {
            *slot = row
                .iter()
                .zip(&self.mean)
                .zip(&component.axis)
                .map(|((x, m), a)| (x - m) * a)
                .sum();
        }
        out
    }

    /// The coordinates of the rows at `indices` (the map's sample), in that
    /// order; indices past the end are skipped.
    pub fn project_rows(&self, points: &Matrix, indices: &[usize]) -> Vec<[f64; 2]> {
        indices
            .iter()
            .filter_map(|&i| points.row(i))
            .map(|row| self.project(row))
            .collect()
    }

    /// The coordinates of every row.
    pub fn project_all(&self, points: &Matrix) -> Vec<[f64; 2]> {
        points.iter().map(|row| self.project(row)).collect()
    }

    /// The explained-variance ratio of component `index` (0 or 1); 0 when
    /// that component is absent.
    pub fn ratio(&self, index: usize) -> f64 {
        self.components.get(index).map_or(0.0, |c| c.ratio)
    }
}

/// A dense square matrix, row-major, read and written through bounds-
/// checked accessors (core code does not index).
#[derive(Debug, Clone)]
struct Square {
    d: usize,
    values: Vec<f64>,
}

impl Square {
    fn zeros(d: usize) -> Square {
        Square {
            d,
            values: vec![0.0; d * d],
        }
    }

    fn at(&self, i: usize, j: usize) -> f64 {
        self.values.get(i * self.d + j).copied().unwrap_or(0.0)
    }

    fn set(&mut self, i: usize, j: usize, value: f64) {
        if let Some(slot) = self.values.get_mut(i * self.d + j) {
            *slot = value;
        }
    }
}

/// The column means and the co-moment matrix Σ (x − x̄)(x − x̄)ᵀ in one
/// pass, by Welford's update: after each row, mean += δ/n and
/// M += δ (x − mean)ᵀ with δ = x − old mean. Only the upper triangle is
/// accumulated (d(d+1)/2 products a row), then mirrored.
fn streaming_co_moment(points: &Matrix) -> (Vec<f64>, Square) {
    let d = points.dim();
    let mut mean = vec![0.0; d];
    let mut delta = vec![0.0; d];
    let mut upper = vec![0.0; d * (d + 1) / 2];
    for (count, row) in points.iter().enumerate() {
        let n = (count + 1) as f64;
        for ((m, dl), &x) in mean.iter_mut().zip(delta.iter_mut()).zip(row) {
            *dl = x - *m;
            *m += *dl / n;
        }
        // upper holds rows i = 0..d of the triangle, entries j = i..d.
        let mut cells = upper.iter_mut();
        for (i, &delta_i) in delta.iter().enumerate() {
            for (&x, &m) in row.iter().zip(&mean).skip(i) {
                if let Some(cell) = cells.next() {
                    *cell += delta_i * (x - m);
                }
            }
        }
    }
    let mut co_moment = Square::zeros(d);
    let mut cells = upper.iter();
    for i in 0..d {
        for j in i..d {
            let value = cells.next().copied().unwrap_or(0.0);
            co_moment.set(i, j, value);
            co_moment.set(j, i, value);
        }
    }
    (mean, co_moment)
}

/// Eigenpairs, largest eigenvalue first.
struct Eigen {
    /// (eigenvalue, unit eigenvector); eigenvalues clamped at 0 (a
    /// covariance has none below; rounding can make one −1e-17).
    pairs: Vec<(f64, Vec<f64>)>,
    sweeps: usize,
    converged: bool,
}

/// Cyclic Jacobi: rotate away each off-diagonal entry in turn (A ← JᵀAJ,
/// V ← VJ) until the off-diagonal part is rounding. The rotation angle is
/// the smaller root, tan θ = sgn(τ)/(|τ| + √(1 + τ²)) with
/// τ = (a_qq − a_pp) / 2a_pq, which keeps every rotation below 45° and the
/// method stable (Golub & Van Loan, §8.5).
fn jacobi_eigen(mut a: Square) -> Eigen {
    let d = a.d;
    let mut v = Square::zeros(d);
    for i in 0..d {
        v.set(i, i, 1.0);
    }
    let frobenius = a.values.iter().map(|x| x * x).sum::<f64>().sqrt();
    let off_diagonal = |a: &Square| {
        let mut sum = 0.0;
        for p in 0..d {
            for q in p + 1..d {
                sum += 2.0 * a.at(p, q) * a.at(p, q);
            }
        }
        sum.sqrt()
    };
    let mut sweeps = 0;
    let mut converged = false;
    while sweeps < MAX_SWEEPS {
        if off_diagonal(&a) <= OFF_DIAGONAL_TOLERANCE * frobenius {
            converged = true;
            break;
        }
        sweeps += 1;
        for p in 0..d {
            for q in p + 1..d {
                rotate(&mut a, &mut v, p, q);
            }
        }
    }
    if !converged {
        converged = off_diagonal(&a) <= OFF_DIAGONAL_TOLERANCE * frobenius;
    }
    let mut pairs: Vec<(f64, Vec<f64>)> = (0..d)
        .map(|k| (a.at(k, k).max(0.0), (0..d).map(|i| v.at(i, k)).collect()))
        .collect();
    // Stable: equal eigenvalues keep column order, so the answer is fixed.
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    Eigen {
        pairs,
        sweeps,
        converged,
    }
}

/// One Jacobi rotation in the (p, q) plane zeroing a_pq.
fn rotate(a: &mut Square, v: &mut Square, p: usize, q: usize) {
    let apq = a.at(p, q);
    if apq == 0.0 {
        return;
    }
    let tau = (a.at(q, q) - a.at(p, p)) / (2.0 * apq);
    let t = if tau.abs() > 1e150 {
        // τ² would overflow; tan θ ≈ 1/(2τ).
        0.5 / tau
    } else {
        tau.signum() / (tau.abs() + (1.0 + tau * tau).sqrt())
    };
    let c = 1.0 / (1.0 + t * t).sqrt();
    let s = t * c;
    let d = a.d;
    // Columns p and q of A J.
    for k in 0..d {
        let (akp, akq) = (a.at(k, p), a.at(k, q));
        a.set(k, p, c * akp - s * akq);
        a.set(k, q, s * akp + c * akq);
    }
    // Rows p and q of Jᵀ (A J).
    for k in 0..d {
        let (apk, aqk) = (a.at(p, k), a.at(q, k));
        a.set(p, k, c * apk - s * aqk);
        a.set(q, k, s * apk + c * aqk);
    }
    // The rotation zeroes a_pq exactly in exact arithmetic; store the zero.
    a.set(p, q, 0.0);
    a.set(q, p, 0.0);
    for k in 0..d {
        let (vkp, vkq) = (v.at(k, p), v.at(k, q));
        v.set(k, p, c * vkp - s * vkq);
        v.set(k, q, s * vkp + c * vkq);
    }
}

/// Make the entry of largest |value| positive (the first on a tie), as
/// scikit-learn's `svd_flip(u_based_decision=False)`.
fn flip_sign(axis: &mut [f64]) {
    let largest = axis
        .iter()
        .copied()
        .fold(None::<f64>, |best, x| match best {
            Some(b) if b.abs() >= x.abs() => Some(b),
            _ => Some(x),
        });
    if largest.is_some_and(|x| x < 0.0) {
        axis.iter_mut().for_each(|x| *x = -*x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn a_line_in_the_plane_is_one_component() {
        // Points on y = 2x: all variance along (1, 2)/√5.
        let points = Matrix::from_rows(&[
            vec![0.0, 0.0],
            vec![1.0, 2.0],
            vec![2.0, 4.0],
            vec![3.0, 6.0],
        ])
        .unwrap();
        let pca = Pca::fit(&points).unwrap();
        assert_eq!(pca.components.len(), 1, "{pca:?}");
        let c = &pca.components[0];
        assert!(close(c.axis[0], 1.0 / 5f64.sqrt(), 1e-12), "{c:?}");
        assert!(close(c.axis[1], 2.0 / 5f64.sqrt(), 1e-12), "{c:?}");
        assert!(close(c.ratio, 1.0, 1e-12));
        // Sample variance of x is 5/3, of y 20/3: total 25/3.
        assert!(close(pca.total_variance, 25.0 / 3.0, 1e-12));
        assert!(close(c.variance, 25.0 / 3.0, 1e-12));
        // The mean (1.5, 3) projects to 0; (3, 6) to 1.5·√5.
        let last = pca.project(&[3.0, 6.0]);
        assert!(close(last[0], 1.5 * 5f64.sqrt(), 1e-12), "{last:?}");
        assert_eq!(last[1], 0.0);
    }

    #[test]
    fn a_known_covariance_by_hand() {
        // x and y with variances 2 and 2 and covariance 1 (ddof 1):
        // eigenvalues 3 and 1, axes (1, 1)/√2 and (1, −1)/√2 → flipped so
        // the largest |entry| (the first, on the tie) is positive.
        // Points (±1, ±1) style: rows chosen so Σxx = Σyy = 2(n−1), Σxy = n−1.
        let points = Matrix::from_rows(&[
            vec![1.0, 1.0],
            vec![-1.0, -1.0],
            vec![1.0, 0.0],
            vec![-1.0, 0.0],
            vec![0.0, 1.0],
            vec![0.0, -1.0],
        ])
        .unwrap();
        // Σx² = 4, Σy² = 4, Σxy = 2, n − 1 = 5: cov = [[0.8, 0.4], [0.4, 0.8]],
        // eigenvalues 1.2 and 0.4, ratios 0.75 and 0.25.
        let pca = Pca::fit(&points).unwrap();
        assert_eq!(pca.components.len(), 2);
        let (first, second) = (&pca.components[0], &pca.components[1]);
        assert!(close(first.variance, 1.2, 1e-14), "{first:?}");
        assert!(close(second.variance, 0.4, 1e-14), "{second:?}");
        assert!(close(first.ratio, 0.75, 1e-14));
        assert!(close(second.ratio, 0.25, 1e-14));
        let h = 0.5f64.sqrt();
        assert!(close(first.axis[0], h, 1e-14) && close(first.axis[1], h, 1e-14));
        // (h, −h) or (−h, h): the |entries| tie up to rounding, so which
        // one is made positive depends on the last bit.
        assert!(close(second.axis[0].abs(), h, 1e-14));
        assert!(close(second.axis[0], -second.axis[1], 1e-14));
        assert!(pca.converged);
    }

    #[test]
    fn one_column_gives_one_component() {
        let points = Matrix::from_rows(&[vec![1.0], vec![2.0], vec![4.0]]).unwrap();
        let pca = Pca::fit(&points).unwrap();
        assert_eq!(pca.components.len(), 1);
        assert_eq!(pca.components[0].axis, vec![1.0]);
        assert!(close(pca.ratio(0), 1.0, 1e-15));
        assert_eq!(pca.ratio(1), 0.0);
        let coordinates = pca.project_all(&points);
        let mean = 7.0 / 3.0;
        assert!(close(coordinates[2][0], 4.0 - mean, 1e-15));
        assert!(coordinates.iter().all(|c| c[1] == 0.0));
    }

    #[test]
    fn constant_columns_add_nothing() {
        // The second column never changes: the first is the only axis.
        let points = Matrix::from_rows(&[vec![1.0, 5.0], vec![3.0, 5.0], vec![2.0, 5.0]]).unwrap();
        let pca = Pca::fit(&points).unwrap();
        assert_eq!(pca.components.len(), 1);
        assert_eq!(pca.components[0].axis, vec![1.0, 0.0]);
        // Every column constant: no component, every point at the origin.
        let flat = Matrix::from_rows(&[vec![7.0, 5.0], vec![7.0, 5.0]]).unwrap();
        let pca = Pca::fit(&flat).unwrap();
        assert!(pca.components.is_empty());
        assert_eq!(pca.total_variance, 0.0);
        assert_eq!(pca.project_all(&flat), vec![[0.0, 0.0]; 2]);
    }

    #[test]
    fn few_rows() {
        assert_eq!(Pca::fit(&Matrix::zeros(0, 3)), Err(PcaError::NoRows));
        let one = Matrix::from_rows(&[vec![1.0, 2.0, 3.0]]).unwrap();
        let pca = Pca::fit(&one).unwrap();
        assert!(pca.components.is_empty());
        assert_eq!(pca.project(&[1.0, 2.0, 3.0]), [0.0, 0.0]);
        // Two distinct rows span one direction.
        let two = Matrix::from_rows(&[vec![0.0, 0.0, 0.0], vec![1.0, 1.0, 0.0]]).unwrap();
        let pca = Pca::fit(&two).unwrap();
        assert_eq!(pca.components.len(), 1);
        assert!(close(pca.ratio(0), 1.0, 1e-15));
    }

    #[test]
    fn streaming_moments_survive_a_large_offset() {
        // Naive Σx² − n x̄² would lose every digit here; Welford does not.
        let rows: Vec<Vec<f64>> = (0..1000)
            .map(|i| {
                let x = f64::from(i % 10);
                vec![1e9 + x, 1e9 - 2.0 * x]
            })
            .collect();
        let pca = Pca::fit(&Matrix::from_rows(&rows).unwrap()).unwrap();
        assert_eq!(pca.components.len(), 1, "{pca:?}");
        let axis = &pca.components[0].axis;
        // Largest |entry| (the second, −2/√5) is made positive.
        assert!(close(axis[0], -1.0 / 5f64.sqrt(), 1e-9), "{axis:?}");
        assert!(close(axis[1], 2.0 / 5f64.sqrt(), 1e-9), "{axis:?}");
    }

    #[test]
    fn many_dimensions_diagonalise() {
        // 40 columns of seeded noise with shared factors: the covariance's
        // trace equals the sum of all eigenvalues, and Jacobi converges.
        let mut rng = super::super::rng::SplitMix64::new(9);
        let rows: Vec<Vec<f64>> = (0..300)
            .map(|_| {
                let (f, g) = (rng.next_f64(), rng.next_f64());
                (0..40)
                    .map(|j| f * (j as f64) + g * (40 - j) as f64 * 0.3 + rng.next_f64())
                    .collect()
            })
            .collect();
        let points = Matrix::from_rows(&rows).unwrap();
        let pca = Pca::fit(&points).unwrap();
        assert!(pca.converged, "{} sweeps", pca.sweeps);
        assert!(pca.sweeps < 20, "{} sweeps", pca.sweeps);
        assert_eq!(pca.components.len(), 2);
        let (a, b) = (&pca.components[0].axis, &pca.components[1].axis);
        let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
        let norm: f64 = a.iter().map(|x| x * x).sum();
        assert!(dot.abs() < 1e-12 && close(norm, 1.0, 1e-12));
        assert!(pca.ratio(0) >= pca.ratio(1) && pca.ratio(0) + pca.ratio(1) <= 1.0 + 1e-12);
        // Coordinates' variance is the component's variance.
        let coordinates = pca.project_all(&points);
        let n = coordinates.len() as f64;
        let mean = coordinates.iter().map(|c| c[0]).sum::<f64>() / n;
        let variance = coordinates
            .iter()
            .map(|c| (c[0] - mean).powi(2))
            .sum::<f64>()
            / (n - 1.0);
        assert!(close(variance, pca.components[0].variance, 1e-9 * variance));
    }
}
