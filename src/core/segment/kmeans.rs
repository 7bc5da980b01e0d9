//! Lloyd's k-means: assign each point to its nearest centre, move each
//! centre to the mean of its points, until the assignments stop changing
//! or the centres move less than a tolerance; from `n_init` k-means++
//! starts, keeping the one with the lowest inertia (sum of squared
//! distances to the centres). The same settings as scikit-learn's
//! `KMeans(algorithm="lloyd")`, so its results are a fair oracle.
//!
//! The assignment step skips the points whose nearest centre cannot have
//! changed (Hamerly's bounds, `hamerly.rs`); labels, centres and inertia
//! are bit for bit those of the plain full scan.

use serde::{Deserialize, Serialize};

use super::hamerly::Bounds;
use super::matrix::{nearest, squared_distance, Matrix};
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
///
/// The assignment step uses Hamerly's bounds ([`Bounds`]), which pass over
/// the points that cannot have changed centre; everything else is Lloyd's
/// arithmetic in Lloyd's order, so labels, centres, inertia, iterations and
/// convergence are bit for bit those of the plain full scan (the oracle in
/// `lloyd_plain.rs`, compared in the tests below).
fn lloyd(points: &Matrix, mut centers: Matrix, max_iter: usize, tolerance: f64) -> Run {
    // Each assignment also sums the points by label, in point order, so
    // the move that follows needs no second pass over the points.
    let mut sums = ClusterSums::new(centers.rows(), points.dim());
    let (mut labels, mut bounds) =
        Bounds::first_assignment(points, &centers, |label, p| sums.add(label, p));
    let mut iterations = 0;
    let mut converged = false;
    while iterations < max_iter {
        iterations += 1;
        let old = centers.clone();
        let moved = move_centers(points, &labels, &mut sums, &mut centers);
        sums.clear();
        let changed = bounds.reassign(points, &old, &centers, &mut labels, |label, p| {
            sums.add(label, p)
        });
        // Nothing changed hands: the next move would change nothing.
        if !changed || moved <= tolerance {
            converged = true;
            break;
        }
    }
    Run {
        inertia: inertia(points, &labels, &centers),
        labels,
        centers,
        iterations,
        converged,
    }
}

/// Per cluster, the sum of its points and how many there are. Points are
/// added in point order, so a centre (sum over count) has the same bits
/// however its labels were found.
struct ClusterSums {
    sums: Matrix,
    counts: Vec<usize>,
}

impl ClusterSums {
    fn new(k: usize, dim: usize) -> Self {
        ClusterSums {
            sums: Matrix::zeros(k, dim),
            counts: vec![0; k],
        }
    }

    fn add(&mut self, label: usize, p: &[f64]) {
        if let (Some(sum), Some(count)) = (self.sums.row_mut(label), self.counts.get_mut(label)) {
            sum.iter_mut().zip(p).for_each(|(s, x)| *s += x);
            *count += 1;
        }
    }

    fn clear(&mut self) {
        self.sums.iter_mut().for_each(|sum| sum.fill(0.0));
        self.counts.fill(0);
    }
}

/// A point's squared distance to its own centre, exactly as the full scan
/// ([`nearest`]) gave it when it chose that centre: the same function on
/// the same numbers, and infinite when no distance was below infinity
/// (NaN data, where the scan keeps centre 0 at an infinite distance).
fn own_distance(p: &[f64], centers: &Matrix, label: usize) -> f64 {
    let d = centers
        .row(label)
        .map_or(f64::INFINITY, |centre| squared_distance(p, centre));
    if d < f64::INFINITY {
        d
    } else {
        f64::INFINITY
    }
}

/// Sum of squared distances to the centres, in point order (the bits of
/// the full scan's running total).
fn inertia(points: &Matrix, labels: &[usize], centers: &Matrix) -> f64 {
    let mut total = 0.0;
    for (p, &label) in points.iter().zip(labels) {
        total += own_distance(p, centers, label);
    }
    total
}

/// Each centre to the mean of its points (`sums`, of the current labels);
/// returns the total squared movement. A centre left with no points takes
/// the point farthest from its own centre (then the next farthest for the
/// next empty one), which leaves its old cluster, as scikit-learn relocates
/// empty clusters: the worst-served customer is the best evidence of a
/// missing segment.
fn move_centers(
    points: &Matrix,
    labels: &[usize],
    sums: &mut ClusterSums,
    centers: &mut Matrix,
) -> f64 {
    let k = centers.rows();
    let ClusterSums { sums, counts } = sums;
    let empty: Vec<usize> = (0..k).filter(|&c| counts.get(c) == Some(&0)).collect();
    if !empty.is_empty() {
        // Only now (an empty cluster is rare) each point's distance to its
        // centre, which has not moved yet.
        let distances: Vec<f64> = points
            .iter()
            .zip(labels)
            .map(|(p, &label)| own_distance(p, centers, label))
            .collect();
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
    for ((center, sum), &count) in centers.iter_mut().zip(sums.iter()).zip(counts.iter()) {
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

    // Hamerly's bounds against the plain full scan (`lloyd_plain`), bit for
    // bit: labels, centres, inertia, iterations and convergence.

    use crate::core::segment::lloyd_plain::lloyd_plain;

    /// Runs both from `start`; panics naming `case` at the first difference.
    fn same_as_plain(case: &str, data: &Matrix, start: &Matrix, max_iter: usize, tol: f64) -> Run {
        let fast = lloyd(data, start.clone(), max_iter, tol);
        let plain = lloyd_plain(data, start.clone(), max_iter, tol);
        let bits = |m: &Matrix| m.values().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(fast.labels, plain.labels, "{case}: labels");
        assert_eq!(bits(&fast.centers), bits(&plain.centers), "{case}: centres");
        assert_eq!(
            fast.inertia.to_bits(),
            plain.inertia.to_bits(),
            "{case}: inertia {} vs {}",
            fast.inertia,
            plain.inertia
        );
        assert_eq!(fast.iterations, plain.iterations, "{case}: iterations");
        assert_eq!(fast.converged, plain.converged, "{case}: converged");
        fast
    }

    fn matrix(rows: Vec<Vec<f64>>) -> Matrix {
        Matrix::from_rows(&rows).unwrap()
    }

    /// `n` points around `blobs` centres drawn in [-10, 10]^dim, spread
    /// `spread` (uniform, so neighbouring blobs may touch).
    fn blobs(rng: &mut SplitMix64, n: usize, dim: usize, blobs: usize, spread: f64) -> Matrix {
        let centres: Vec<Vec<f64>> = (0..blobs.max(1))
            .map(|_| (0..dim).map(|_| rng.next_f64() * 20.0 - 10.0).collect())
            .collect();
        matrix(
            (0..n)
                .map(|_| {
                    let centre = &centres[rng.below(centres.len())];
                    centre
                        .iter()
                        .map(|c| c + (rng.next_f64() - 0.5) * 2.0 * spread)
                        .collect()
                })
                .collect(),
        )
    }

    fn uniform(rng: &mut SplitMix64, n: usize, dim: usize) -> Matrix {
        matrix(
            (0..n)
                .map(|_| (0..dim).map(|_| rng.next_f64()).collect())
                .collect(),
        )
    }

    /// Small integers: many points equidistant from two centres, and many
    /// repeated points.
    fn grid(rng: &mut SplitMix64, n: usize, dim: usize, side: usize) -> Matrix {
        matrix(
            (0..n)
                .map(|_| (0..dim).map(|_| rng.below(side) as f64).collect())
                .collect(),
        )
    }

    /// `n` copies of only `distinct` different points.
    fn duplicates(rng: &mut SplitMix64, n: usize, dim: usize, distinct: usize) -> Matrix {
        let rows = uniform(rng, distinct.max(1), dim);
        let picks: Vec<usize> = (0..n).map(|_| rng.below(rows.rows())).collect();
        rows.select(&picks)
    }

    /// Like the product's matrix: a few standardised numbers and one-hot
    /// columns (17 in all, 4 numeric and two categories of 7 and 6).
    fn customers_like(rng: &mut SplitMix64, n: usize) -> Matrix {
        matrix(
            (0..n)
                .map(|_| {
                    let mut row: Vec<f64> = (0..4)
                        .map(|_| (rng.next_f64() + rng.next_f64() + rng.next_f64() - 1.5) * 2.0)
                        .collect();
                    let (a, b) = (rng.below(7), rng.below(6));
                    row.extend((0..7).map(|i| if i == a { 0.7 } else { 0.0 }));
                    row.extend((0..6).map(|i| if i == b { 0.7 } else { 0.0 }));
                    row
                })
                .collect(),
        )
    }

    /// Rows `rows` of `data` as centres.
    fn rows_of(data: &Matrix, rows: &[usize]) -> Matrix {
        data.select(rows)
    }

    #[test]
    fn bounded_equals_plain_on_blobs_noise_and_customers() {
        let mut rng = SplitMix64::new(1);
        for (case, data, k) in [
            ("separated blobs", blobs(&mut rng, 2_000, 3, 5, 0.5), 7),
            ("touching blobs", blobs(&mut rng, 2_000, 2, 6, 4.0), 4),
            ("uniform noise", uniform(&mut rng, 3_000, 2), 8),
            ("customers, 17-D", customers_like(&mut rng, 3_000), 6),
            ("1-D noise", uniform(&mut rng, 1_000, 1), 7),
        ] {
            let mut iterations = Vec::new();
            for seed in 0..4 {
                let start = kmeans_plus_plus(&data, k, &mut SplitMix64::new(seed));
                let tol = 1e-4 * mean_variance(&data);
                same_as_plain(case, &data, &start, 300, tol);
                iterations.push(same_as_plain(case, &data, &start, 300, 0.0).iterations);
            }
            // Enough moves for the bounds to be carried, not just set.
            assert!(iterations.iter().any(|&i| i > 3), "{case}: {iterations:?}");
        }
    }

    #[test]
    fn bounded_equals_plain_on_ties_and_duplicates() {
        let mut rng = SplitMix64::new(2);
        // Points on a line at 0..=10 and centres at 0 and 2: 1 is as far
        // from both (it goes to the first), and every mean is a tie-maker.
        let line = matrix((0..=10).map(|x| vec![x as f64]).collect());
        let start = matrix(vec![vec![0.0], vec![2.0]]);
        same_as_plain("line", &line, &start, 300, 0.0);
        // After the first move the centres are 0 and 2 and the point at 1,
        // labelled 1, is as far from both: it must go to 0. Its upper bound
        // (0.5, plus its centre's shift of 0.5) equals half the centres'
        // gap: only the strict test on widened bounds sends it to the full
        // scan instead of keeping it at 1.
        let midway = matrix(vec![vec![0.0], vec![1.0], vec![3.0]]);
        let start = matrix(vec![vec![0.0], vec![1.5]]);
        let run = same_as_plain("midway", &midway, &start, 300, 0.0);
        assert_eq!(run.labels, vec![0, 0, 1]);
        let midway = points(&[[0.0, 5.0], [1.0, 5.0], [3.0, 5.0], [10.0, -5.0]]);
        let start = points(&[[10.0, -5.0], [0.0, 5.0], [1.5, 5.0]]);
        same_as_plain("midway, third centre", &midway, &start, 300, 0.0);
        // A square's corners and centre, centres on the axes: ties both ways.
        let square = points(&[
            [1.0, 1.0],
            [-1.0, 1.0],
            [1.0, -1.0],
            [-1.0, -1.0],
            [0.0, 0.0],
        ]);
        let start = points(&[[0.0, 1.0], [0.0, -1.0], [1.0, 0.0]]);
        same_as_plain("square", &square, &start, 300, 0.0);
        for seed in 0..20 {
            let data = grid(&mut rng, 400, 2, 5);
            let k = 2 + seed % 7;
            let start = kmeans_plus_plus(&data, k, &mut SplitMix64::new(seed as u64));
            same_as_plain("grid", &data, &start, 300, 0.0);
            let data = duplicates(&mut rng, 500, 3, 1 + seed % 10);
            let start = kmeans_plus_plus(&data, k, &mut SplitMix64::new(seed as u64));
            same_as_plain("duplicates", &data, &start, 300, 0.0);
        }
        // Integer points, centres on a half-integer grid: exact midpoints
        // between centres at every move.
        for seed in 0..200 {
            let dim = 1 + seed % 2;
            let data = grid(&mut rng, 12, dim, 5);
            let k = 2 + seed % 3;
            let start = matrix(
                (0..k)
                    .map(|_| (0..dim).map(|_| rng.below(9) as f64 / 2.0).collect())
                    .collect(),
            );
            same_as_plain("half-integer centres", &data, &start, 300, 0.0);
        }
        // Every point the same: every distance 0, every centre a tie.
        let same = matrix(vec![vec![3.0, -1.0]; 50]);
        let start = matrix(vec![vec![3.0, -1.0]; 4]);
        same_as_plain("one point", &same, &start, 300, 0.0);
    }

    #[test]
    fn bounded_equals_plain_for_k_1_and_k_n() {
        let mut rng = SplitMix64::new(3);
        let data = uniform(&mut rng, 200, 4);
        same_as_plain("k = 1", &data, &rows_of(&data, &[17]), 300, 0.0);
        let all: Vec<usize> = (0..data.rows()).collect();
        let run = same_as_plain("k = n", &data, &rows_of(&data, &all), 300, 0.0);
        assert_eq!(run.inertia, 0.0);
        // k = n with repeated points: some clusters stay empty.
        let data = duplicates(&mut rng, 30, 2, 6);
        let all: Vec<usize> = (0..data.rows()).collect();
        same_as_plain("k = n, repeats", &data, &rows_of(&data, &all), 300, 0.0);
    }

    #[test]
    fn bounded_equals_plain_when_clusters_empty() {
        // The hand-checked case above: the far centre at 100 is empty.
        let data = matrix(vec![vec![0.0], vec![1.0], vec![6.0]]);
        let start = matrix(vec![vec![0.0], vec![100.0]]);
        let run = same_as_plain("far centre", &data, &start, 100, 0.0);
        assert_eq!(run.centers.values(), &[0.5, 6.0]);
        // Several far-away centres at once, and duplicated centres (only
        // the first of equal centres gets points): relocations each time.
        let mut rng = SplitMix64::new(4);
        for seed in 0..10 {
            let data = blobs(&mut rng, 300, 3, 3, 1.0);
            let mut start = kmeans_plus_plus(&data, 3, &mut SplitMix64::new(seed));
            let far: Vec<Vec<f64>> = (0..3).map(|i| vec![1e3 * (i + 1) as f64; 3]).collect();
            let mut rows: Vec<Vec<f64>> = start.iter().map(<[f64]>::to_vec).collect();
            rows.extend(far);
            rows.push(rows[0].clone());
            start = matrix(rows);
            same_as_plain("far and repeated centres", &data, &start, 300, 0.0);
        }
    }

    #[test]
    fn bounded_equals_plain_when_stopped_by_max_iter_or_tolerance() {
        let mut rng = SplitMix64::new(5);
        let data = uniform(&mut rng, 1_000, 3);
        let start = kmeans_plus_plus(&data, 8, &mut SplitMix64::new(9));
        for max_iter in [0, 1, 2, 3, 7] {
            let run = same_as_plain("max_iter", &data, &start, max_iter, 0.0);
            assert_eq!(run.iterations, max_iter);
            assert!(!run.converged);
        }
        // A tolerance so large the first move converges.
        let run = same_as_plain("large tol", &data, &start, 300, 1e9);
        assert_eq!((run.iterations, run.converged), (1, true));
    }

    #[test]
    fn bounded_equals_plain_at_any_scale_and_on_non_finite_data() {
        let mut rng = SplitMix64::new(6);
        let base = blobs(&mut rng, 300, 3, 4, 1.0);
        for scale in [1e-170, 1e-160, 1e-9, 1e9, 1e150, 1e160, 1e300] {
            let values = base.values().iter().map(|v| v * scale).collect();
            let data = Matrix::new(3, values).unwrap();
            let start = kmeans_plus_plus(&data, 4, &mut SplitMix64::new(1));
            same_as_plain(&format!("scale {scale}"), &data, &start, 300, 0.0);
        }
        // Columns of very different sizes.
        let values = base
            .values()
            .chunks(3)
            .flat_map(|r| [r[0] * 1e8, r[1], r[2] * 1e-8])
            .collect();
        let data = Matrix::new(3, values).unwrap();
        let start = kmeans_plus_plus(&data, 4, &mut SplitMix64::new(1));
        same_as_plain("mixed scales", &data, &start, 300, 0.0);
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX] {
            let mut values = base.values().to_vec();
            values[4] = bad;
            values[200] = bad;
            let data = Matrix::new(3, values).unwrap();
            let start = rows_of(&data, &[0, 1, 50, 99]);
            same_as_plain(&format!("with {bad}"), &data, &start, 50, 0.0);
            let start = matrix(vec![vec![0.0; 3], vec![bad; 3], vec![1.0; 3]]);
            same_as_plain(&format!("centre {bad}"), &data, &start, 50, 0.0);
            same_as_plain(&format!("centre {bad}, clean data"), &base, &start, 50, 0.0);
        }
    }

    #[test]
    fn bounded_equals_plain_on_hundreds_of_random_shapes() {
        let mut rng = SplitMix64::new(7);
        for case in 0..400 {
            let n = 1 + rng.below(400);
            let dim = 1 + rng.below(20);
            let k = 1 + rng.below(8.min(n));
            let (shape, count, spread) = (rng.below(5), 1 + rng.below(12), rng.next_f64());
            let data = match shape {
                0 => blobs(&mut rng, n, dim, count, 0.1 + spread * 5.0),
                1 => uniform(&mut rng, n, dim),
                2 => grid(&mut rng, n, dim, 1 + count / 2),
                3 => duplicates(&mut rng, n, dim, count),
                _ => customers_like(&mut rng, n),
            };
            let start = if rng.below(4) == 0 {
                // Any rows, repeats allowed: empty clusters happen.
                let rows: Vec<usize> = (0..k).map(|_| rng.below(n)).collect();
                rows_of(&data, &rows)
            } else {
                kmeans_plus_plus(&data, k, &mut SplitMix64::new(rng.next_u64()))
            };
            let max_iter = [1, 2, 5, 300][rng.below(4)];
            let tol = [0.0, 1e-4 * mean_variance(&data), 1e-2][rng.below(3)];
            let label = format!("case {case}: n {n}, dim {dim}, k {k}, max_iter {max_iter}");
            same_as_plain(&label, &data, &start, max_iter, tol);
        }
    }
}
