//! Choosing k: fit k-means for each k in a range and score each partition
//! by the silhouette (the suggestion: highest wins) and Calinski–Harabasz
//! (breaks ties, and a second opinion on the chart), then measure how
//! stable the suggested k's segments are.
//!
//! On large data every figure is on seeded samples, stated in the answer:
//! the fits on at most `fit_sample` points (k-means centres settle long
//! before a million points), the silhouette on at most `silhouette_sample`
//! of those (it costs n²), the same sample for every k so the curve
//! compares like with like.

use serde::{Deserialize, Serialize};

use super::calinski_harabasz::calinski_harabasz;
use super::kmeans::{KMeansError, KMeansFit, KMeansOptions, KMeansStarts};
use super::matrix::Matrix;
use super::rng::SplitMix64;
use super::silhouette::SilhouetteDistances;
use super::stability::{Stability, StabilityOptions, StabilityRuns};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ChooseKOptions {
    pub k_min: usize,
    pub k_max: usize,
    pub n_init: usize,
    pub max_iter: usize,
    pub tol: f64,
    pub seed: u64,
    /// Fits use at most this many points (a seeded sample beyond).
    pub fit_sample: usize,
    /// The silhouette is exact up to this many points, else on a sample of it.
    pub silhouette_sample: usize,
    /// Bootstrap refits for the suggested k (0: none).
    pub stability_runs: usize,
}

impl Default for ChooseKOptions {
    fn default() -> Self {
        ChooseKOptions {
            k_min: 2,
            k_max: 10,
            n_init: 10,
            max_iter: 300,
            tol: 1e-4,
            seed: 0,
            fit_sample: 100_000,
            silhouette_sample: 5_000,
            stability_runs: 5,
        }
    }
}

/// One k's figures, for the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KFigures {
    pub k: usize,
    /// Best over the restarts, on the fitted points.
    pub inertia: f64,
    /// None where undefined (fewer than 2 clusters in the sample).
    pub silhouette: Option<f64>,
    pub calinski_harabasz: Option<f64>,
    /// Every restart converged.
    pub converged: bool,
    /// Lloyd iterations of the winning restart.
    pub iterations: usize,
    /// The winning restart's labels of the fitted points.
    pub labels: Vec<usize>,
    /// Its centres (k rows, in the labels' numbering): every customer,
    /// fitted or not, gets the segment of the nearest.
    pub centers: Matrix,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KChoice {
    pub figures: Vec<KFigures>,
    /// Highest silhouette; ties (within 1e-12) by higher CH, then lower k.
    pub suggested: Option<usize>,
    /// All points, points fitted, points the silhouette was computed on.
    pub points: usize,
    pub fitted: usize,
    pub silhouette_points: usize,
    /// Of the suggested k's segments, on the fitted points.
    pub stability: Option<Stability>,
}

/// Figures for every k in `k_min..=k_max` (k above the number of fitted
/// points is skipped) and the suggested k.
pub fn choose_k(points: &Matrix, options: &ChooseKOptions) -> Result<KChoice, KMeansError> {
    let mut scan = KScan::new(points, options);
    while !scan.step()? {}
    Ok(scan.finish())
}

/// [`choose_k`] in steps (one k-means start, one k's scores, or one
/// bootstrap each), so the worker can report progress and stop between
/// them. Running every step gives exactly `choose_k`'s answer.
#[derive(Debug, Clone)]
pub struct KScan {
    options: ChooseKOptions,
    /// The points fitted: all of them, or a seeded sample.
    fitted: Matrix,
    points: usize,
    fit_seed: u64,
    silhouette_seed: u64,
    stability_seed: u64,
    /// The k still to fit, in order.
    ks: std::ops::RangeInclusive<usize>,
    fitting: Option<KMeansStarts>,
    figures: Vec<KFigures>,
    silhouette_points: usize,
    /// Measured at the first k's scores, kept for the others.
    silhouette_distances: Option<SilhouetteDistances>,
    stability: Option<StabilityRuns>,
    stability_done: Option<Stability>,
    finished: bool,
}

impl KScan {
    pub fn new(points: &Matrix, options: &ChooseKOptions) -> KScan {
        let n = points.rows();
        let mut rng = SplitMix64::new(options.seed);
        // Independent streams for the three samples and the fits, so
        // changing one setting does not reshuffle the others.
        let (fit_seed, silhouette_seed, stability_seed) =
            (rng.next_u64(), rng.next_u64(), rng.next_u64());
        let fitted = if n > options.fit_sample {
            points.select(&rng.sample_indices(n, options.fit_sample))
        } else {
            points.clone()
        };
        let ks = options.k_min.max(1)..=options.k_max.min(fitted.rows());
        KScan {
            options: *options,
            points: n,
            fit_seed,
            silhouette_seed,
            stability_seed,
            ks,
            fitting: None,
            figures: Vec::new(),
            silhouette_points: 0,
            silhouette_distances: None,
            stability: None,
            stability_done: None,
            finished: false,
            fitted,
        }
    }

    fn kmeans_options(&self, k: usize) -> KMeansOptions {
        KMeansOptions {
            k,
            n_init: self.options.n_init,
            max_iter: self.options.max_iter,
            tol: self.options.tol,
            seed: self.fit_seed,
        }
    }

    /// Steps in all: per k its starts and its scores, then the bootstraps.
    pub fn total_steps(&self) -> usize {
        let ks = self.figures.len() + self.ks.clone().count() + usize::from(self.fitting.is_some());
        ks * (self.options.n_init.max(1) + 1) + self.options.stability_runs
    }

    pub fn done_steps(&self) -> usize {
        let starts = self.options.n_init.max(1) + 1;
        let fitting = self.fitting.as_ref().map_or(0, KMeansStarts::done);
        let stability = match (&self.stability, &self.stability_done) {
            (Some(runs), _) => runs.done(),
            (None, Some(done)) => done.adjusted_rand.len(),
            (None, None) if self.finished => self.options.stability_runs,
            (None, None) => 0,
        };
        self.figures.len() * starts + fitting + stability
    }

    /// The points the fits run on.
    pub fn fitted(&self) -> &Matrix {
        &self.fitted
    }

    /// Do one step; true when the scan is finished.
    pub fn step(&mut self) -> Result<bool, KMeansError> {
        if self.finished {
            return Ok(true);
        }
        if let Some(runs) = &mut self.stability {
            let reference = self
                .figures
                .iter()
                .find(|f| Some(f.k) == suggest(&self.figures))
                .map(|f| f.labels.as_slice())
                .unwrap_or_default();
            if runs.run_next(&self.fitted, reference)? {
                self.stability_done = self.stability.take().map(StabilityRuns::finish);
                self.finished = true;
            }
            return Ok(self.finished);
        }
        if let Some(starts) = &mut self.fitting {
            if starts.run_next(&self.fitted) {
                if let Some(done) = self.fitting.take() {
                    self.score(done.finish()?);
                }
            }
            return Ok(false);
        }
        match self.ks.next() {
            Some(k) => {
                self.fitting = Some(KMeansStarts::new(&self.fitted, &self.kmeans_options(k))?);
                Ok(false)
            }
            None => {
                self.start_stability();
                Ok(self.finished)
            }
        }
    }

    /// A finished fit's silhouette and CH.
    fn score(&mut self, fit: KMeansFit) {
        let (fitted, sample, seed) = (
            &self.fitted,
            self.options.silhouette_sample,
            self.silhouette_seed,
        );
        let s = self
            .silhouette_distances
            .get_or_insert_with(|| SilhouetteDistances::new(fitted, sample, seed))
            .score(&fit.labels);
        self.silhouette_points = s.map_or(self.silhouette_points, |s| s.points);
        self.figures.push(KFigures {
            k: fit.centers.rows(),
            inertia: fit.inertia,
            silhouette: s.map(|s| s.score),
            calinski_harabasz: calinski_harabasz(&self.fitted, &fit.labels),
            converged: fit.runs.iter().all(|r| r.converged),
            iterations: fit.iterations,
            labels: fit.labels,
            centers: fit.centers,
        });
    }

    fn start_stability(&mut self) {
        // Every k is scored: the distances' memory goes back.
        self.silhouette_distances = None;
        let suggested = suggest(&self.figures);
        match suggested {
            Some(k) if self.options.stability_runs > 0 => {
                self.stability = Some(StabilityRuns::new(
                    &self.fitted,
                    &self.kmeans_options(k),
                    &StabilityOptions {
                        runs: self.options.stability_runs,
                        sample: self.fitted.rows(),
                        seed: self.stability_seed,
                    },
                ));
            }
            _ => self.finished = true,
        }
    }

    /// The figures of the steps run (all of them once `step` said so).
    pub fn finish(self) -> KChoice {
        KChoice {
            suggested: suggest(&self.figures),
            points: self.points,
            fitted: self.fitted.rows(),
            silhouette_points: self.silhouette_points,
            stability: self.stability_done,
            figures: self.figures,
        }
    }
}

/// Highest silhouette; within 1e-12 of it, higher CH; then lower k.
fn suggest(figures: &[KFigures]) -> Option<usize> {
    let best = figures
        .iter()
        .filter_map(|f| f.silhouette)
        .fold(f64::NEG_INFINITY, f64::max);
    figures
        .iter()
        .filter(|f| f.silhouette.is_some_and(|s| s >= best - 1e-12))
        .fold(None::<&KFigures>, |chosen, f| match chosen {
            Some(c) if c.calinski_harabasz.unwrap_or(0.0) >= f.calinski_harabasz.unwrap_or(0.0) => {
                Some(c)
            }
            _ => Some(f),
        })
        .map(|f| f.k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(k: usize, silhouette: f64, ch: f64) -> KFigures {
        KFigures {
            k,
            inertia: 0.0,
            silhouette: Some(silhouette),
            calinski_harabasz: Some(ch),
            converged: true,
            iterations: 1,
            labels: vec![],
            centers: Matrix::default(),
        }
    }

    #[test]
    fn suggests_the_highest_silhouette_then_ch() {
        let f = [
            figures(2, 0.5, 10.0),
            figures(3, 0.7, 5.0),
            figures(4, 0.6, 50.0),
        ];
        assert_eq!(suggest(&f), Some(3));
        let tied = [
            figures(2, 0.7, 10.0),
            figures(3, 0.7, 20.0),
            figures(4, 0.7, 20.0),
        ];
        assert_eq!(suggest(&tied), Some(3));
        assert_eq!(suggest(&[]), None);
    }

    #[test]
    fn finds_four_blobs() {
        let mut rng = SplitMix64::new(4);
        let rows: Vec<Vec<f64>> = (0..400)
            .map(|i| {
                let (x, y) = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0), (10.0, 10.0)][i % 4];
                vec![x + rng.next_f64(), y + rng.next_f64()]
            })
            .collect();
        let points = Matrix::from_rows(&rows).unwrap();
        let options = ChooseKOptions {
            k_max: 6,
            n_init: 3,
            ..ChooseKOptions::default()
        };
        let choice = choose_k(&points, &options).unwrap();
        assert_eq!(choice.suggested, Some(4));
        assert_eq!(choice.figures.len(), 5);
        assert_eq!((choice.fitted, choice.silhouette_points), (400, 400));
        let stable = choice.stability.clone().unwrap();
        assert_eq!(stable.mean_adjusted_rand, 1.0);
        // Sampled fits and silhouette beyond the bounds, still four.
        let sampled = choose_k(
            &points,
            &ChooseKOptions {
                fit_sample: 200,
                silhouette_sample: 100,
                ..options
            },
        )
        .unwrap();
        assert_eq!(sampled.suggested, Some(4));
        assert_eq!((sampled.fitted, sampled.silhouette_points), (200, 100));
        assert_eq!(choose_k(&points, &options).unwrap(), choice, "seeded");
    }
}
