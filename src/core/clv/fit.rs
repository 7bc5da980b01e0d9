//! A fitted model and how honestly it was fitted.

use serde::{Deserialize, Serialize};

use super::quasi_newton::Bfgs;

/// How both models are fitted: BFGS with the analytic gradient on the mean
/// negative log-likelihood in log-parameters (so every parameter stays
/// positive), from all parameters 1. Converged when no slope exceeds 10⁻⁹
/// (or the value's rounding hides any further gain), which puts every
/// CDNOW parameter within 10⁻⁶ of lifetimes' (relative). CDNOW needs 24
/// iterations (BG/NBD) and 18 (Gamma-Gamma). A step changes a parameter by at
/// most e² ≈ 7.4 times; the search stops once a parameter passes e^±30
/// (10^±13), far past [`EDGE`], where it is judged to be running off.
pub(super) const GRADIENT_SEARCH: Bfgs = Bfgs {
    max_iterations: 1_000,
    gradient_tolerance: 1e-9,
    max_step: 2.0,
    bound: 30.0,
};

/// The searches' objective from a log-likelihood and its slopes at
/// `params`: −ln L / `count` (a mean, so the tolerances mean the same for
/// any number of customers), with its gradient in the log-parameters the
/// search moves in (∂/∂ ln p = p · ∂/∂p).
pub(super) fn mean_negative<const N: usize>(
    params: [f64; N],
    (log_likelihood, slopes): (f64, [f64; N]),
    count: f64,
) -> (f64, [f64; N]) {
    let mut gradient = params;
    for (g, slope) in gradient.iter_mut().zip(slopes) {
        *g *= -slope / count;
    }
    (-log_likelihood / count, gradient)
}

/// The maximum-likelihood parameters found, with the evidence for them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Fit<P> {
    pub params: P,
    /// Total log-likelihood over the customers used, in the caller's units
    /// (time unit for BG/NBD, money unit for Gamma-Gamma).
    pub log_likelihood: f64,
    /// Iterations of the search.
    pub iterations: usize,
    /// True when the search found a maximum: `problem` is then `None`.
    /// Otherwise the parameters are only the best point seen.
    pub converged: bool,
    /// Why the fit is not a maximum, when it is not.
    pub problem: Option<FitProblem>,
}

/// Why a search did not end at a maximum of the likelihood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FitProblem {
    /// The parameters or the likelihood are NaN or infinite.
    NotFinite,
    /// The iteration limit was reached before the search settled.
    IterationLimit,
    /// A parameter ran off toward 0 or infinity: the likelihood keeps rising
    /// toward the edge of the parameter space, so there is no maximum to
    /// report (for example every customer buying at the same rate, or every
    /// spend the same).
    AtBoundary,
}

/// Outside this range (with time scaled so the oldest customer's age is 1,
/// and money so the mean spend is 1) a parameter is taken to be running to
/// 0 or ∞. Fitted values on real data sit within a few powers of ten of 1
/// (CDNOW: 0.11 to 6.2); drifting searches go far past 10⁶.
const EDGE: f64 = 1e6;

impl<P> Fit<P> {
    /// Judge a finished search: `search_params` are the parameters in the
    /// search's scaled units, `figures` every number reported.
    pub(super) fn judged(
        params: P,
        log_likelihood: f64,
        iterations: usize,
        search_converged: bool,
        search_params: &[f64],
        figures: &[f64],
    ) -> Self {
        let problem = if !figures.iter().chain(search_params).all(|v| v.is_finite()) {
            Some(FitProblem::NotFinite)
        } else if search_params
            .iter()
            .any(|v| !(1.0 / EDGE..=EDGE).contains(v))
        {
            // Whether or not the search stopped there of itself.
            Some(FitProblem::AtBoundary)
        } else if !search_converged {
            Some(FitProblem::IterationLimit)
        } else {
            None
        };
        Fit {
            params,
            log_likelihood,
            iterations,
            converged: problem.is_none(),
            problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judged_names_the_first_problem() {
        let judge = |converged, search: &[f64], figures: &[f64]| {
            Fit::judged((), 0.0, 7, converged, search, figures).problem
        };
        assert_eq!(judge(true, &[0.2, 4.0], &[-10.0]), None);
        assert_eq!(
            judge(false, &[0.2, f64::NAN], &[-10.0]),
            Some(FitProblem::NotFinite)
        );
        assert_eq!(
            judge(true, &[0.2, 4.0], &[f64::NEG_INFINITY]),
            Some(FitProblem::NotFinite)
        );
        assert_eq!(
            judge(false, &[0.2, 4.0], &[-10.0]),
            Some(FitProblem::IterationLimit)
        );
        assert_eq!(
            judge(true, &[0.2, 3e-21], &[-10.0]),
            Some(FitProblem::AtBoundary)
        );
        assert!(!Fit::judged((), 0.0, 7, true, &[2e6], &[1.0]).converged);
    }
}
