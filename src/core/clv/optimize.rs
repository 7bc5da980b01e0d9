//! A small, deterministic Nelder-Mead minimiser (the variant scipy's
//! `method="Nelder-Mead"` uses: reflection 1, expansion 2, contraction ½,
//! shrink ½), restarted from its best point until a restart no longer
//! improves the value, because a simplex can collapse before reaching the
//! minimum. No gradients are needed, so the likelihoods stay plain formulas.

use crate::core::pause::{finish_now, NoPause, Pause, Phase, Reached};

/// When to stop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NelderMead {
    /// Iterations allowed, summed over restarts.
    pub max_iterations: usize,
    /// Converged when every vertex is within this of the best one, in each
    /// coordinate…
    pub x_tolerance: f64,
    /// …and every vertex's value is within this of the best value.
    pub f_tolerance: f64,
    /// Distance of the starting simplex's vertices from its first one.
    pub initial_step: f64,
    /// Fresh simplices built around the best point after the first converges.
    pub max_restarts: usize,
}

/// The best point found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Minimum<const N: usize> {
    pub point: [f64; N],
    pub value: f64,
    pub iterations: usize,
    /// False when the iteration limit was reached or the value is not finite.
    pub converged: bool,
}

#[derive(Debug, Clone, Copy)]
struct Vertex<const N: usize> {
    point: [f64; N],
    value: f64,
}

/// What one run from one starting simplex achieved.
struct Run<const N: usize> {
    best: Vertex<N>,
    iterations: usize,
    converged: bool,
}

/// A search's pause, told the iterations of its restarts so far.
struct Searching<'p, P> {
    pause: &'p mut P,
    phase: Phase,
    /// Iterations of the runs before this one.
    before: usize,
    limit: usize,
}

impl<P: Pause> Searching<'_, P> {
    async fn iterated(&mut self, in_this_run: usize) -> Result<(), P::Stop> {
        let at = Reached {
            phase: self.phase,
            done: (self.before + in_this_run) as u64,
            total: self.limit as u64,
        };
        self.pause.reached(at).await
    }
}

impl NelderMead {
    /// Minimise `f` from `start`. NaN values count as +∞, so the simplex
    /// walks away from parameters where the function is undefined.
    pub fn minimise<const N: usize>(
        &self,
        f: impl FnMut(&[f64; N]) -> f64,
        start: [f64; N],
    ) -> Minimum<N> {
        let Ok(minimum) =
            finish_now(self.minimise_pausing(f, start, &mut NoPause, Phase::FittingPurchases));
        minimum
    }

    /// [`NelderMead::minimise`], reaching `pause` (as `phase`) after every
    /// iteration: the same path, point and value, unless `pause` stops it.
    pub async fn minimise_pausing<const N: usize, P: Pause>(
        &self,
        mut f: impl FnMut(&[f64; N]) -> f64,
        start: [f64; N],
        pause: &mut P,
        phase: Phase,
    ) -> Result<Minimum<N>, P::Stop> {
        let mut objective = |point: &[f64; N]| {
            let value = f(point);
            Vertex {
                point: *point,
                value: if value.is_nan() { f64::INFINITY } else { value },
            }
        };
        let mut searching = Searching {
            pause,
            phase,
            before: 0,
            limit: self.max_iterations,
        };
        let mut run = self
            .run(&mut objective, start, self.max_iterations, &mut searching)
            .await?;
        let mut iterations = run.iterations;
        for _ in 0..self.max_restarts {
            if !run.converged {
                break;
            }
            let budget = self.max_iterations.saturating_sub(iterations);
            if budget == 0 {
                break;
            }
            searching.before = iterations;
            let again = self
                .run(&mut objective, run.best.point, budget, &mut searching)
                .await?;
            iterations += again.iterations;
            let improved = run.best.value - again.best.value > self.f_tolerance;
            run = Run {
                best: if again.best.value < run.best.value {
                    again.best
                } else {
                    run.best
                },
                iterations: again.iterations,
                converged: again.converged,
            };
            if !improved {
                break;
            }
        }
        Ok(Minimum {
            point: run.best.point,
            value: run.best.value,
            iterations,
            converged: run.converged && run.best.value.is_finite(),
        })
    }

    async fn run<const N: usize, P: Pause>(
        &self,
        objective: &mut impl FnMut(&[f64; N]) -> Vertex<N>,
        start: [f64; N],
        budget: usize,
        searching: &mut Searching<'_, P>,
    ) -> Result<Run<N>, P::Stop> {
        let mut simplex: Vec<Vertex<N>> = starting_points(start, self.initial_step)
            .iter()
            .map(&mut *objective)
            .collect();
        sort(&mut simplex);
        let mut iterations = 0;
        let converged = loop {
            if self.has_converged(&simplex) {
                break true;
            }
            if iterations >= budget {
                break false;
            }
            iterations += 1;
            step(&mut simplex, objective);
            sort(&mut simplex);
            searching.iterated(iterations).await?;
        };
        let best = simplex.first().copied().unwrap_or(Vertex {
            point: start,
            value: f64::INFINITY,
        });
        Ok(Run {
            best,
            iterations,
            converged,
        })
    }

    fn has_converged<const N: usize>(&self, simplex: &[Vertex<N>]) -> bool {
        let Some(best) = simplex.first() else {
            return true;
        };
        simplex.iter().all(|v| {
            (v.value - best.value).abs() <= self.f_tolerance
                && v.point
                    .iter()
                    .zip(&best.point)
                    .all(|(x, b)| (x - b).abs() <= self.x_tolerance)
        })
    }
}

/// The start and one point `step` away along each axis.
fn starting_points<const N: usize>(start: [f64; N], step: f64) -> Vec<[f64; N]> {
    let mut points = vec![start];
    for axis in 0..N {
        let mut point = start;
        if let Some(x) = point.get_mut(axis) {
            *x += step;
        }
        points.push(point);
    }
    points
}

/// Best (lowest) first; ties keep their order, so runs are reproducible.
fn sort<const N: usize>(simplex: &mut [Vertex<N>]) {
    simplex.sort_by(|a, b| a.value.total_cmp(&b.value));
}

/// `from + t·(to − from)`, coordinate by coordinate.
fn along<const N: usize>(from: &[f64; N], to: &[f64; N], t: f64) -> [f64; N] {
    let mut out = *from;
    for ((o, f), g) in out.iter_mut().zip(from).zip(to) {
        *o = f + t * (g - f);
    }
    out
}

fn centroid<const N: usize>(vertices: &[Vertex<N>]) -> [f64; N] {
    let mut sum = [0.0; N];
    for v in vertices {
        for (s, x) in sum.iter_mut().zip(&v.point) {
            *s += x;
        }
    }
    let count = vertices.len().max(1) as f64;
    sum.map(|s| s / count)
}

/// One Nelder-Mead iteration on a sorted simplex: replace the worst vertex
/// by a better point on the line through the others' centroid, or shrink
/// everything toward the best vertex.
fn step<const N: usize>(
    simplex: &mut Vec<Vertex<N>>,
    objective: &mut impl FnMut(&[f64; N]) -> Vertex<N>,
) {
    let Some(worst) = simplex.pop() else {
        return;
    };
    let (Some(best), Some(second_worst)) = (simplex.first().copied(), simplex.last().copied())
    else {
        simplex.push(worst);
        return;
    };
    let centre = centroid(simplex);
    let reflected = objective(&along(&centre, &worst.point, -1.0));
    let replacement = if reflected.value < best.value {
        let expanded = objective(&along(&centre, &worst.point, -2.0));
        Some(if expanded.value < reflected.value {
            expanded
        } else {
            reflected
        })
    } else if reflected.value < second_worst.value {
        Some(reflected)
    } else if reflected.value < worst.value {
        let outside = objective(&along(&centre, &reflected.point, 0.5));
        (outside.value <= reflected.value).then_some(outside)
    } else {
        let inside = objective(&along(&centre, &worst.point, 0.5));
        (inside.value < worst.value).then_some(inside)
    };
    match replacement {
        Some(vertex) => simplex.push(vertex),
        None => {
            simplex.push(worst);
            for vertex in simplex.iter_mut().skip(1) {
                *vertex = objective(&along(&best.point, &vertex.point, 0.5));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: NelderMead = NelderMead {
        max_iterations: 5_000,
        x_tolerance: 1e-9,
        f_tolerance: 1e-14,
        initial_step: 0.5,
        max_restarts: 3,
    };

    #[test]
    fn finds_the_minimum_of_a_quadratic() {
        let min = SETTINGS.minimise(
            |p: &[f64; 2]| (p[0] - 3.0).powi(2) + 10.0 * (p[1] + 1.0).powi(2),
            [0.0, 0.0],
        );
        assert!(min.converged);
        assert!((min.point[0] - 3.0).abs() < 1e-8 && (min.point[1] + 1.0).abs() < 1e-8);
    }

    #[test]
    fn finds_the_rosenbrock_valley_floor() {
        let min = SETTINGS.minimise(
            |p: &[f64; 2]| 100.0 * (p[1] - p[0] * p[0]).powi(2) + (1.0 - p[0]).powi(2),
            [-1.2, 1.0],
        );
        assert!(min.converged, "{min:?}");
        assert!((min.point[0] - 1.0).abs() < 1e-7 && (min.point[1] - 1.0).abs() < 1e-7);
    }

    #[test]
    fn reports_the_iteration_limit_honestly() {
        let tight = NelderMead {
            max_iterations: 10,
            ..SETTINGS
        };
        let min = tight.minimise(|p: &[f64; 2]| p[0] * p[0] + p[1] * p[1], [5.0, 5.0]);
        assert!(!min.converged);
        assert_eq!(min.iterations, 10);
    }

    #[test]
    fn walks_away_from_undefined_values() {
        // ln is NaN below 0: the minimum of x − ln x is at x = 1.
        let min = SETTINGS.minimise(|p: &[f64; 1]| p[0] - p[0].ln(), [3.0]);
        assert!(min.converged);
        assert!((min.point[0] - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_function_that_is_never_finite_does_not_converge() {
        let min = SETTINGS.minimise(|_: &[f64; 2]| f64::NAN, [0.0, 0.0]);
        assert!(!min.converged);
        assert_eq!(min.value, f64::INFINITY);
    }

    #[test]
    fn the_same_problem_gives_the_same_answer() {
        let f = |p: &[f64; 3]| (p[0] - 1.0).powi(2) + (p[1] * p[2] - 2.0).powi(2) + p[2].powi(4);
        assert_eq!(
            SETTINGS.minimise(f, [0.1; 3]),
            SETTINGS.minimise(f, [0.1; 3])
        );
    }
}
