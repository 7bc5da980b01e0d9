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
use super::kmeans::{kmeans, KMeansError, KMeansOptions};
use super::matrix::Matrix;
use super::rng::SplitMix64;
use super::silhouette::silhouette;
use super::stability::{stability, Stability, StabilityOptions};

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
    let n = points.rows();
    let mut rng = SplitMix64::new(options.seed);
    // Independent streams for the three samples and the fits, so changing
    // one setting does not reshuffle the others.
    let (fit_seed, silhouette_seed, stability_seed) =
        (rng.next_u64(), rng.next_u64(), rng.next_u64());
    let sampled;
    let fitted: &Matrix = if n > options.fit_sample {
        sampled = points.select(&rng.sample_indices(n, options.fit_sample));
        &sampled
    } else {
        points
    };
    let kmeans_options = |k: usize| KMeansOptions {
        k,
        n_init: options.n_init,
        max_iter: options.max_iter,
        tol: options.tol,
        seed: fit_seed,
    };
    let mut figures = Vec::new();
    let mut silhouette_points = 0;
    for k in options.k_min.max(1)..=options.k_max.min(fitted.rows()) {
        let fit = kmeans(fitted, &kmeans_options(k))?;
        let s = silhouette(
            fitted,
            &fit.labels,
            options.silhouette_sample,
            silhouette_seed,
        );
        silhouette_points = s.map_or(silhouette_points, |s| s.points);
        figures.push(KFigures {
            k,
            inertia: fit.inertia,
            silhouette: s.map(|s| s.score),
            calinski_harabasz: calinski_harabasz(fitted, &fit.labels),
            converged: fit.runs.iter().all(|r| r.converged),
            iterations: fit.iterations,
            labels: fit.labels,
        });
    }
    let suggested = suggest(&figures);
    let stability = match suggested.and_then(|k| figures.iter().find(|f| f.k == k)) {
        Some(best) if options.stability_runs > 0 => Some(stability(
            fitted,
            &best.labels,
            &kmeans_options(best.k),
            &StabilityOptions {
                runs: options.stability_runs,
                sample: fitted.rows(),
                seed: stability_seed,
            },
        )?),
        _ => None,
    };
    Ok(KChoice {
        figures,
        suggested,
        points: n,
        fitted: fitted.rows(),
        silhouette_points,
        stability,
    })
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
