//! Lloyd's k-means: assign each point to its nearest centre, move each
//! centre to the mean of its points, until the assignments stop changing
//! or the centres move less than a tolerance; from `n_init` k-means++
//! starts, keeping the one with the lowest inertia (sum of squared
//! distances to the centres). The same settings as scikit-learn's
//! `KMeans(algorithm="lloyd")`, so its results are a fair oracle.

use serde::{Deserialize, Serialize};

use super::matrix::{nearest, Matrix};
use super::rng::SplitMix64;
use super::seeding::kmeans_plus_plus;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KMeansOptions {
    pub k: usize,
    /// Independent k-means++ starts; the lowest inertia wins.
    pub n_init: usize,
    /// Lloyd iterations per start.
    pub max_iter: usize,
    /// Converged when the centres' total squared movement in an iteration
    /// is at most `tol` × the mean per-feature variance of the data
    /// (scikit-learn's rule, so the tolerance does not depend on units).
    pub tol: f64,
    /// The user-visible seed: same data, options and seed, same segments.
    pub seed: u64,
}

impl KMeansOptions {
    /// scikit-learn's defaults (n_init 10 as before its 1.4 "auto").
    pub fn new(k: usize, seed: u64) -> Self {
        KMeansOptions {
            k,
            n_init: 10,
            max_iter: 300,
            tol: 1e-4,
            seed,
        }
    }
}

/// How one start went.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    pub inertia: f64,
    pub iterations: usize,
    pub converged: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KMeansFit {
    /// Segment of each point, 0..k, numbered by size (0 the largest; ties
    /// by first appearance in the winning run's numbering).
    pub labels: Vec<usize>,
    /// k rows, in the labels' numbering.
    pub centers: Matrix,
    pub sizes: Vec<usize>,
    pub inertia: f64,
    /// Of the winning start.
    pub iterations: usize,
    pub converged: bool,
    /// Every start, in order; `best_run` indexes it.
    pub runs: Vec<RunSummary>,
    pub best_run: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KMeansError {
    /// k must be at least 1.
    NoClusters,
    /// Fewer points than clusters.
    TooFewPoints { points: usize, k: usize },
}

impl std::fmt::Display for KMeansError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KMeansError::NoClusters => write!(f, "k must be at least 1"),
            KMeansError::TooFewPoints { points, k } => {
                write!(f, "{points} points cannot make {k} clusters")
            }
        }
    }
}

/// k-means of `points` (see the module docs).
pub fn kmeans(points: &Matrix, options: &KMeansOptions) -> Result<KMeansFit, KMeansError> {
    let mut starts = KMeansStarts::new(points, options)?;
    while !starts.run_next(points) {}
    starts.finish()
}

/// The same k-means one start at a time, so a caller that must stay
/// responsive (the worker) can report progress and stop between starts.
/// Running every start and finishing gives exactly [`kmeans`]'s fit.
#[derive(Debug, Clone)]
pub struct KMeansStarts {
    options: KMeansOptions,
    tolerance: f64,
    seeds: SplitMix64,
    best: Option<Run>,
    runs: Vec<RunSummary>,
    best_run: usize,
}

impl KMeansStarts {
    pub fn new(points: &Matrix, options: &KMeansOptions) -> Result<Self, KMeansError> {
        let k = options.k;
        if k == 0 {
            return Err(KMeansError::NoClusters);
        }
        if points.rows() < k {
            return Err(KMeansError::TooFewPoints {
                points: points.rows(),
                k,
            });
        }
        Ok(KMeansStarts {
            options: *options,
            tolerance: options.tol * mean_variance(points),
            // One seed per start, drawn from the user's seed: start r is
            // the same whatever n_init is.
            seeds: SplitMix64::new(options.seed),
            best: None,
            runs: Vec::with_capacity(options.n_init.max(1)),
            best_run: 0,
        })
    }

    /// Starts in all.
    pub fn total(&self) -> usize {
        self.options.n_init.max(1)
    }

    pub fn done(&self) -> usize {
        self.runs.len()
    }

    /// Run the next start (on the same `points` as `new`); true when every
    /// start has run.
    pub fn run_next(&mut self, points: &Matrix) -> bool {
        if self.done() >= self.total() {
            return true;
        }
        let mut rng = SplitMix64::new(self.seeds.next_u64());
        let start = kmeans_plus_plus(points, self.options.k, &mut rng);
        let run = lloyd(points, start, self.options.max_iter, self.tolerance);
        self.runs.push(RunSummary {
            inertia: run.inertia,
            iterations: run.iterations,
            converged: run.converged,
        });
        if self.best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
            self.best = Some(run);
            self.best_run = self.runs.len() - 1;
        }
        self.done() >= self.total()
    }

    /// The best start's fit (of the starts run so far).
    pub fn finish(self) -> Result<KMeansFit, KMeansError> {
        let Some(best) = self.best else {
            return Err(KMeansError::NoClusters);
        };
        Ok(number_by_size(
            best,
            self.options.k,
            self.runs,
            self.best_run,
        ))
    }
}

/// The nearest centre of every point and the total squared distance
/// (inertia): how new customers, or all customers after a fit on a sample,
/// are given a segment.
pub fn assign(points: &Matrix, centers: &Matrix) -> (Vec<usize>, f64) {
    let mut inertia = 0.0;
    let labels = points
        .iter()
        .map(|p| {
            let (label, d) = nearest(p, centers);
            inertia += d;
            label
        })
        .collect();
    (labels, inertia)
}

#[derive(Debug, Clone)]
struct Run {
    labels: Vec<usize>,
    centers: Matrix,
    inertia: f64,
    iterations: usize,
    converged: bool,
}

/// One start of Lloyd's algorithm. The labels returned always belong to the
/// centres returned (a last assignment follows the last move).
fn lloyd(points: &Matrix, mut centers: Matrix, max_iter: usize, tolerance: f64) -> Run {
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
    Run {
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

/// Mean over features of the population variance: the unit of `tol`.
fn mean_variance(points: &Matrix) -> f64 {
    let n = points.rows() as f64;
    let dim = points.dim();
    if n == 0.0 {
        return 0.0;
    }
    let mut mean = vec![0.0; dim];
    for p in points.iter() {
        mean.iter_mut().zip(p).for_each(|(m, x)| *m += x / n);
    }
    let mut total = 0.0;
    for p in points.iter() {
        total += p
            .iter()
            .zip(&mean)
            .map(|(x, m)| (x - m) * (x - m))
            .sum::<f64>();
    }
    total / n / dim as f64
}

/// Renumber the winning run's clusters by size, largest first, so segment
/// 1 on the page is the biggest whatever order the seeds found them in.
fn number_by_size(run: Run, k: usize, runs: Vec<RunSummary>, best_run: usize) -> KMeansFit {
    let mut sizes = vec![0usize; k];
    for &label in &run.labels {
        if let Some(size) = sizes.get_mut(label) {
            *size += 1;
        }
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| sizes.get(b).cmp(&sizes.get(a)).then(a.cmp(&b)));
    let mut new_label = vec![0; k];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = new_label.get_mut(old) {
            *slot = new;
        }
    }
    let mut centers = Matrix::zeros(k, run.centers.dim());
    for (target, &old) in centers.iter_mut().zip(&order) {
        if let Some(source) = run.centers.row(old) {
            target.copy_from_slice(source);
        }
    }
    KMeansFit {
        labels: run
            .labels
            .iter()
            .map(|&l| new_label.get(l).copied().unwrap_or(l))
            .collect(),
        centers,
        sizes: order
            .iter()
            .map(|&old| sizes.get(old).copied().unwrap_or(0))
            .collect(),
        inertia: run.inertia,
        iterations: run.iterations,
        converged: run.converged,
        runs,
        best_run,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(rows: &[[f64; 2]]) -> Matrix {
        Matrix::from_rows(&rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>()).unwrap()
    }

    /// Two groups: {(0,0), (0,2), (1,1)} around (1/3, 1) and {(10,0), (10,2)}
    /// around (10, 1).
    fn two_groups() -> Matrix {
        points(&[[0.0, 0.0], [0.0, 2.0], [10.0, 0.0], [1.0, 1.0], [10.0, 2.0]])
    }

    #[test]
    fn finds_two_groups_with_the_hand_computed_inertia() {
        // Group 1 about (1/3, 1): (1/9 + 1) + (1/9 + 1) + (4/9 + 0) = 8/3.
        // Group 2 about (10, 1): 1 + 1 = 2. Inertia 14/3.
        let fit = kmeans(&two_groups(), &KMeansOptions::new(2, 0)).unwrap();
        assert_eq!(fit.labels, vec![0, 0, 1, 0, 1]);
        assert_eq!(fit.sizes, vec![3, 2]);
        assert!((fit.inertia - 14.0 / 3.0).abs() < 1e-12, "{}", fit.inertia);
        assert!(fit.converged);
        assert_eq!(fit.runs.len(), 10);
        let c = fit.centers.row(0).unwrap();
        assert!((c[0] - 1.0 / 3.0).abs() < 1e-12 && (c[1] - 1.0).abs() < 1e-12);
        assert_eq!(assign(&two_groups(), &fit.centers).0, fit.labels);
    }

    #[test]
    fn same_seed_same_labels_and_inertia() {
        let mut rng = SplitMix64::new(11);
        let data: Vec<Vec<f64>> = (0..300)
            .map(|_| vec![rng.next_f64(), rng.next_f64(), rng.next_f64()])
            .collect();
        let data = Matrix::from_rows(&data).unwrap();
        let a = kmeans(&data, &KMeansOptions::new(4, 42)).unwrap();
        let b = kmeans(&data, &KMeansOptions::new(4, 42)).unwrap();
        assert_eq!(a, b);
        // Uniform noise has many local optima: some seed gives another start.
        let others: Vec<f64> = (0..5)
            .map(|s| {
                kmeans(
                    &data,
                    &KMeansOptions {
                        n_init: 1,
                        ..KMeansOptions::new(4, s)
                    },
                )
            })
            .map(|f| f.unwrap().runs[0].inertia)
            .collect();
        assert!(others.windows(2).any(|w| w[0] != w[1]), "{others:?}");
    }

    #[test]
    fn an_empty_cluster_takes_the_farthest_point() {
        // Start with a centre nobody is nearest to (at 100). Every point is
        // assigned to the centre at 0; the farthest from it, 6, moves to
        // the empty cluster, the other centre becomes (0 + 1) / 2.
        let data = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![6.0]]).unwrap();
        let start = Matrix::from_rows(&[vec![0.0], vec![100.0]]).unwrap();
        let run = lloyd(&data, start, 100, 0.0);
        assert_eq!(run.labels, vec![0, 0, 1]);
        assert_eq!(run.centers.values(), &[0.5, 6.0]);
        assert!((run.inertia - 0.5).abs() < 1e-12);
        assert!(run.converged);
    }

    #[test]
    fn fewer_distinct_points_than_k_does_not_panic() {
        let data = Matrix::from_rows(&[vec![1.0], vec![1.0], vec![1.0]]).unwrap();
        let fit = kmeans(&data, &KMeansOptions::new(3, 0)).unwrap();
        assert_eq!(fit.inertia, 0.0);
        assert_eq!(fit.labels.len(), 3);
    }

    #[test]
    fn errors_for_impossible_k() {
        let data = two_groups();
        assert_eq!(
            kmeans(&data, &KMeansOptions::new(0, 0)).unwrap_err(),
            KMeansError::NoClusters
        );
        assert_eq!(
            kmeans(&data, &KMeansOptions::new(6, 0)).unwrap_err(),
            KMeansError::TooFewPoints { points: 5, k: 6 }
        );
    }

    #[test]
    fn stops_at_max_iter_and_says_so() {
        let mut rng = SplitMix64::new(3);
        let data: Vec<Vec<f64>> = (0..500)
            .map(|_| vec![rng.next_f64(), rng.next_f64()])
            .collect();
        let data = Matrix::from_rows(&data).unwrap();
        let fit = kmeans(
            &data,
            &KMeansOptions {
                max_iter: 1,
                tol: 0.0,
                n_init: 1,
                ..KMeansOptions::new(8, 1)
            },
        )
        .unwrap();
        assert_eq!(fit.iterations, 1);
        assert!(!fit.converged);
    }
}
