//! Count, mean and sum of squared deviations of a group of values, and
//! their merge: the rest of the base (every other segment) is a merge of
//! the other segments' moments, so each value is read once whatever the
//! number of segments.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Moments {
    pub count: usize,
    pub mean: f64,
    /// Σ (x − mean)².
    pub squares: f64,
}

impl Moments {
    /// Two passes (the mean, then the squares about it): as exact as
    /// pandas' mean and var on the same values, without Σx² cancelling.
    pub fn of(values: &[f64]) -> Moments {
        if values.is_empty() {
            return Moments::default();
        }
        let count = values.len();
        let mean = values.iter().sum::<f64>() / count as f64;
        let squares = values.iter().map(|x| (x - mean) * (x - mean)).sum();
        Moments {
            count,
            mean,
            squares,
        }
    }

    /// The moments of both groups together (Chan, Golub and LeVeque's
    /// pairwise update, stable for any split).
    pub fn merge(self, other: Moments) -> Moments {
        if self.count == 0 {
            return other;
        }
        if other.count == 0 {
            return self;
        }
        let count = self.count + other.count;
        let (n1, n2, n) = (self.count as f64, other.count as f64, count as f64);
        let delta = other.mean - self.mean;
        Moments {
            count,
            mean: self.mean + delta * n2 / n,
            squares: self.squares + other.squares + delta * delta * n1 * n2 / n,
        }
    }

    /// The mean, or None for an empty group.
    pub fn mean(&self) -> Option<f64> {
        (self.count > 0).then_some(self.mean)
    }

    /// The sample variance (n − 1), or None below two values.
    pub fn variance(&self) -> Option<f64> {
        (self.count > 1).then(|| self.squares / (self.count - 1) as f64)
    }

    /// The sample standard deviation (n − 1), or None below two values.
    pub fn std_dev(&self) -> Option<f64> {
        self.variance().map(f64::sqrt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed() {
        let m = Moments::of(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert_eq!((m.count, m.mean, m.squares), (8, 5.0, 32.0));
        assert_eq!(m.variance(), Some(32.0 / 7.0));
        assert_eq!(Moments::of(&[3.0]).variance(), None);
        assert_eq!(Moments::of(&[]).mean(), None);
    }

    #[test]
    fn merge_equals_the_whole() {
        let all = [1.5, 2.0, 8.0, -3.0, 4.25, 10.0, 0.5];
        let whole = Moments::of(&all);
        let (left, right) = all.split_at(3);
        let merged = Moments::of(left).merge(Moments::of(right));
        assert_eq!(merged.count, whole.count);
        assert!((merged.mean - whole.mean).abs() < 1e-15);
        assert!((merged.squares - whole.squares).abs() < 1e-12);
        assert_eq!(Moments::default().merge(whole), whole);
        assert_eq!(whole.merge(Moments::default()), whole);
    }
}
