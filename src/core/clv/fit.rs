//! A fitted model and how honestly it was fitted.

use serde::{Deserialize, Serialize};

/// The maximum-likelihood parameters found, with the evidence for them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Fit<P> {
    pub params: P,
    /// Total log-likelihood over the customers used, in the caller's units
    /// (time unit for BG/NBD, money unit for Gamma-Gamma).
    pub log_likelihood: f64,
    /// Nelder-Mead iterations, summed over its restarts.
    pub iterations: usize,
    /// False when the iteration limit was hit or the result is not finite:
    /// the parameters are then the best found, not a maximum.
    pub converged: bool,
}
