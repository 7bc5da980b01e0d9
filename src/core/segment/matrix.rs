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

/// [`nearest`]'s choice and distance, the same bits by the same scan, and
/// the smallest squared distance to any other centre (infinite when there
/// is none): the second number is what Hamerly's lower bound starts from.
pub fn nearest_and_second(point: &[f64], centers: &Matrix) -> (usize, f64, f64) {
    let mut best = (0, f64::INFINITY);
    let mut second = f64::INFINITY;
    for (c, center) in centers.iter().enumerate() {
        let d = squared_distance(point, center);
        if d < best.1 {
            second = best.1;
            best = (c, d);
        } else if d < second {
            second = d;
        }
    }
    (best.0, best.1, second)
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
            let others = centers
                .iter()
                .enumerate()
                .filter(|&(c, _)| c != label)
                .map(|(_, c)| squared_distance(&point, c))
                .fold(f64::INFINITY, |m, d| if d < m { d } else { m });
            assert_eq!(second.to_bits(), others.to_bits(), "{point:?}");
        }
        let one = Matrix::from_rows(&[vec![1.0, 1.0]]).unwrap();
        assert_eq!(
            nearest_and_second(&[0.0, 1.0], &one),
            (0, 1.0, f64::INFINITY)
        );
    }
}
