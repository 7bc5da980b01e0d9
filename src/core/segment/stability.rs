//! How much the segments are a property of the customers rather than of the
//! seed: refit on bootstrap samples (points drawn with replacement), give
//! every point the segment of its nearest bootstrap centre, and compare
//! with the reference labels. Segments that come back each time are
//! structure; segments that move are noise the seed happened to pick.

use serde::{Deserialize, Serialize};

use super::adjusted_rand::{adjusted_rand_index, pairs_kept_together};
use super::kmeans::{assign, kmeans, KMeansError, KMeansOptions};
use super::matrix::Matrix;
use super::rng::SplitMix64;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StabilityOptions {
    /// Bootstrap refits.
    pub runs: usize,
    /// Points per bootstrap (drawn with replacement), at most the data's size.
    pub sample: usize,
    pub seed: u64,
}

impl Default for StabilityOptions {
    fn default() -> Self {
        StabilityOptions {
            runs: 5,
            sample: 20_000,
            seed: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stability {
    pub k: usize,
    /// Points per bootstrap.
    pub sample: usize,
    /// Per bootstrap: adjusted Rand index against the reference labels.
    pub adjusted_rand: Vec<f64>,
    /// Per bootstrap: share of the reference's same-segment pairs still
    /// in one segment.
    pub pairs_kept: Vec<f64>,
    pub mean_adjusted_rand: f64,
    pub min_adjusted_rand: f64,
    pub mean_pairs_kept: f64,
}

/// Stability of `reference` (labels of `points`) under bootstrap refits
/// with `kmeans_options` (its seed is replaced by one drawn per bootstrap).
pub fn stability(
    points: &Matrix,
    reference: &[usize],
    kmeans_options: &KMeansOptions,
    options: &StabilityOptions,
) -> Result<Stability, KMeansError> {
    let mut runs = StabilityRuns::new(points, kmeans_options, options);
    while !runs.run_next(points, reference)? {}
    Ok(runs.finish())
}

/// The same bootstraps one at a time (see [`super::KMeansStarts`]).
#[derive(Debug, Clone)]
pub struct StabilityRuns {
    kmeans_options: KMeansOptions,
    runs: usize,
    size: usize,
    rng: SplitMix64,
    adjusted_rand: Vec<f64>,
    pairs_kept: Vec<f64>,
}

impl StabilityRuns {
    pub fn new(
        points: &Matrix,
        kmeans_options: &KMeansOptions,
        options: &StabilityOptions,
    ) -> Self {
        StabilityRuns {
            kmeans_options: *kmeans_options,
            runs: options.runs,
            size: options.sample.min(points.rows()).max(kmeans_options.k),
            rng: SplitMix64::new(options.seed),
            adjusted_rand: Vec::with_capacity(options.runs),
            pairs_kept: Vec::with_capacity(options.runs),
        }
    }

    pub fn total(&self) -> usize {
        self.runs
    }

    pub fn done(&self) -> usize {
        self.adjusted_rand.len()
    }

    /// One bootstrap refit of `points` compared with `reference`; true
    /// when every bootstrap has run.
    pub fn run_next(&mut self, points: &Matrix, reference: &[usize]) -> Result<bool, KMeansError> {
        if self.done() >= self.runs {
            return Ok(true);
        }
        let n = points.rows();
        let drawn: Vec<usize> = (0..self.size).map(|_| self.rng.below(n)).collect();
        let fit = kmeans(
            &points.select(&drawn),
            &KMeansOptions {
                seed: self.rng.next_u64(),
                ..self.kmeans_options
            },
        )?;
        let (labels, _) = assign(points, &fit.centers);
        self.adjusted_rand
            .push(adjusted_rand_index(reference, &labels));
        self.pairs_kept
            .push(pairs_kept_together(reference, &labels));
        Ok(self.done() >= self.runs)
    }

    pub fn finish(self) -> Stability {
        let mean = |v: &[f64]| {
            if v.is_empty() {
                1.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        Stability {
            k: self.kmeans_options.k,
            sample: self.size,
            mean_adjusted_rand: mean(&self.adjusted_rand),
            min_adjusted_rand: self.adjusted_rand.iter().copied().fold(1.0, f64::min),
            mean_pairs_kept: mean(&self.pairs_kept),
            adjusted_rand: self.adjusted_rand,
            pairs_kept: self.pairs_kept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blobs(seed: u64, separation: f64) -> Matrix {
        let mut rng = SplitMix64::new(seed);
        let rows: Vec<Vec<f64>> = (0..300)
            .map(|i| {
                let offset = (i % 3) as f64 * separation;
                vec![offset + rng.next_f64(), rng.next_f64()]
            })
            .collect();
        Matrix::from_rows(&rows).unwrap()
    }

    #[test]
    fn well_separated_groups_are_stable() {
        let points = blobs(1, 10.0);
        let options = KMeansOptions::new(3, 7);
        let fit = kmeans(&points, &options).unwrap();
        let found =
            stability(&points, &fit.labels, &options, &StabilityOptions::default()).unwrap();
        assert_eq!(found.adjusted_rand, vec![1.0; 5]);
        assert_eq!(found.mean_pairs_kept, 1.0);
        assert_eq!(found.sample, 300);
    }

    #[test]
    fn noise_is_less_stable_than_structure() {
        // One uniform square cut into 3: the cuts move with the sample.
        let points = blobs(2, 0.0);
        let options = KMeansOptions {
            n_init: 1,
            ..KMeansOptions::new(3, 7)
        };
        let fit = kmeans(&points, &options).unwrap();
        let found =
            stability(&points, &fit.labels, &options, &StabilityOptions::default()).unwrap();
        assert!(found.min_adjusted_rand < 1.0, "{found:?}");
        let again =
            stability(&points, &fit.labels, &options, &StabilityOptions::default()).unwrap();
        assert_eq!(found, again, "seeded");
    }
}
