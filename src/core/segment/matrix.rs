//! Points as one row-major buffer of f64: `dim` numbers per row.

use serde::{Deserialize, Serialize};

/// Rows of `dim` numbers each, stored contiguously (a million customers ×
/// six features is one 48 MB allocation, read in order by every pass).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    dim: usize,
    values: Vec<f64>,
}

impl Matrix {
    /// A matrix from row-major values; None unless `values` holds whole rows
    /// of a positive width.
    pub fn new(dim: usize, values: Vec<f64>) -> Option<Matrix> {
        (dim > 0 && values.len().is_multiple_of(dim)).then_some(Matrix { dim, values })
    }

    /// `rows` rows of zeros.
    pub fn zeros(rows: usize, dim: usize) -> Matrix {
        Matrix {
            dim: dim.max(1),
            values: vec![0.0; rows * dim.max(1)],
        }
    }

    /// A matrix from rows of equal length (tests and small hand-built data);
    /// None if they differ or are empty.
    pub fn from_rows(rows: &[Vec<f64>]) -> Option<Matrix> {
        let dim = rows.first()?.len();
        if rows.iter().any(|row| row.len() != dim) {
            return None;
        }
        Matrix::new(dim, rows.concat())
    }

    pub fn dim(&self) -> usize {
        self.dim
    }

    pub fn rows(&self) -> usize {
        self.values.len() / self.dim.max(1)
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn row(&self, i: usize) -> Option<&[f64]> {
        self.values.get(i * self.dim..(i + 1) * self.dim)
    }

    pub fn row_mut(&mut self, i: usize) -> Option<&mut [f64]> {
        self.values.get_mut(i * self.dim..(i + 1) * self.dim)
    }

    pub fn iter(&self) -> std::slice::ChunksExact<'_, f64> {
        self.values.chunks_exact(self.dim.max(1))
    }

    pub fn iter_mut(&mut self) -> std::slice::ChunksExactMut<'_, f64> {
        self.values.chunks_exact_mut(self.dim.max(1))
    }

    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The rows at `indices`, in that order (indices past the end are skipped).
    pub fn select(&self, indices: &[usize]) -> Matrix {
        let mut values = Vec::with_capacity(indices.len() * self.dim);
        for &i in indices {
            if let Some(row) = self.row(i) {
                values.extend_from_slice(row);
            }
        }
        Matrix {
            dim: self.dim,
            values,
        }
    }
}

/// Squared Euclidean distance (over the shorter of the two rows).
pub fn squared_distance(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// The nearest of `centers` to `point` and the squared distance to it; ties
/// go to the lowest index, so assignments never depend on anything but the
/// numbers.
pub fn nearest(point: &[f64], centers: &Matrix) -> (usize, f64) {
    let mut best = (0, f64::INFINITY);
    for (c, center) in centers.iter().enumerate() {
        let d = squared_distance(point, center);
        if d < best.1 {
            best = (c, d);
        }
    }
    best
}

/// [`nearest`]'s choice and distance, the same bits by the same
/// comparisons in the same order, and the smallest squared distance to any
/// other centre (infinite when there is none): the second number is what
/// Hamerly's lower bound starts from. The distances are computed four
/// centres at a time ([`squared_distances_4`]), which is faster and gives
/// the same bits.
pub fn nearest_and_second(point: &[f64], centers: &Matrix) -> (usize, f64, f64) {
    let mut best = (0, f64::INFINITY);
    let mut second = f64::INFINITY;
    let mut offer = |c: usize, d: f64| {
        if d < best.1 {
            second = best.1;
            best = (c, d);
        } else if d < second {
            second = d;
        }
    };
    let mut rows = centers.iter();
    let mut c = 0;
    loop {
        match [rows.next(), rows.next(), rows.next(), rows.next()] {
            [Some(a), Some(b), Some(d), Some(e)] => {
                for distance in squared_distances_4(point, [a, b, d, e]) {
                    offer(c, distance);
                    c += 1;
                }
            }
            rest => {
                for row in rest.into_iter().flatten() {
                    offer(c, squared_distance(point, row));
                    c += 1;
                }
                break;
            }
        }
    }
    (best.0, best.1, second)
}

/// [`squared_distance`] to four rows at once, the same bits: each sum adds
/// the same terms in the same (feature) order from the same start (-0.0,
/// as `Sum` does), but the four sums, each a chain of dependent additions,
/// run side by side instead of one after the other.
fn squared_distances_4(point: &[f64], rows: [&[f64]; 4]) -> [f64; 4] {
    let [a, b, c, d] = rows;
    let (mut sa, mut sb, mut sc, mut sd) = (-0.0, -0.0, -0.0, -0.0);
    for ((((x, ya), yb), yc), yd) in point.iter().zip(a).zip(b).zip(c).zip(d) {
        sa += (x - ya) * (x - ya);
        sb += (x - yb) * (x - yb);
        sc += (x - yc) * (x - yc);
        sd += (x - yd) * (x - yd);
    }
    [sa, sb, sc, sd]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_distances() {
        let m = Matrix::from_rows(&[vec![0.0, 0.0], vec![3.0, 4.0]]).unwrap();
        assert_eq!(m.rows(), 2);
        assert_eq!(m.row(1), Some(&[3.0, 4.0][..]));
        assert_eq!(m.row(2), None);
        assert_eq!(squared_distance(m.row(0).unwrap(), m.row(1).unwrap()), 25.0);
        assert_eq!(nearest(&[2.0, 2.0], &m), (1, 5.0));
        // A tie (equidistant) goes to the first center.
        assert_eq!(nearest(&[1.5, 2.0], &m).0, 0);
        assert!(Matrix::from_rows(&[vec![1.0], vec![1.0, 2.0]]).is_none());
        assert!(Matrix::new(0, vec![]).is_none());
        assert_eq!(m.select(&[1, 5]).values(), &[3.0, 4.0]);
    }

    /// By hand: the smallest squared distance to a row other than `label`.
    fn nearest_other<'a>(
        point: &[f64],
        rows: impl Iterator<Item = &'a [f64]>,
        label: usize,
    ) -> f64 {
        rows.enumerate()
            .filter(|&(c, _)| c != label)
            .map(|(_, row)| squared_distance(point, row))
            .fold(f64::INFINITY, |m, d| if d < m { d } else { m })
    }

    #[test]
    fn nearest_and_second_chooses_as_nearest_does() {
        let centers = Matrix::from_rows(&[
            vec![0.0, 0.0],
            vec![2.0, 0.0],
            vec![0.0, 0.0],
            vec![f64::NAN, 0.0],
            vec![1.0, 1.0],
        ])
        .unwrap();
        // A tie with the first centre, an exact duplicate of it (its second
        // distance is the same), a NaN centre no point is nearest to.
        for point in [
            [1.0, 0.0],
            [0.0, 0.0],
            [5.0, 5.0],
            [f64::NAN, 1.0],
            [-1.0, 3.0],
        ] {
            let (label, d) = nearest(&point, &centers);
            let (label2, d2, second) = nearest_and_second(&point, &centers);
            assert_eq!((label, d.to_bits()), (label2, d2.to_bits()), "{point:?}");
            let others = nearest_other(&point, centers.iter(), label);
            assert_eq!(second.to_bits(), others.to_bits(), "{point:?}");
        }
        let one = Matrix::from_rows(&[vec![1.0, 1.0]]).unwrap();
        assert_eq!(
            nearest_and_second(&[0.0, 1.0], &one),
            (0, 1.0, f64::INFINITY)
        );
    }

    #[test]
    fn four_distances_at_once_are_the_same_bits() {
        let mut rng = crate::core::segment::SplitMix64::new(8);
        let specials = [0.0, -0.0, 1e-170, 1e200, f64::NAN, f64::INFINITY, -1.5];
        for case in 0..2_000 {
            let dim = 1 + case % 20;
            let mut value = |_| match rng.below(12) {
                0 => specials[rng.below(specials.len())],
                1 => rng.below(3) as f64,
                _ => (rng.next_f64() - 0.5) * 10f64.powi(rng.below(9) as i32 - 4),
            };
            let point: Vec<f64> = (0..dim).map(&mut value).collect();
            let rows: Vec<Vec<f64>> = (0..1 + case % 9)
                .map(|_| (0..dim).map(&mut value).collect())
                .collect();
            let centers = Matrix::from_rows(&rows).unwrap();
            if let [a, b, c, d, ..] = &rows[..] {
                let four = squared_distances_4(&point, [a, b, c, d]);
                for (got, row) in four.iter().zip(&rows) {
                    assert_eq!(got.to_bits(), squared_distance(&point, row).to_bits());
                }
            }
            let (label, d) = nearest(&point, &centers);
            let (label2, d2, second) = nearest_and_second(&point, &centers);
            assert_eq!((label, d.to_bits()), (label2, d2.to_bits()), "{case}");
            let others = nearest_other(&point, rows.iter().map(Vec::as_slice), label);
            assert_eq!(second.to_bits(), others.to_bits(), "{case}");
        }
    }
}
