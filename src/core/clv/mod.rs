//! Customer value from purchase histories: the buy-till-you-die models the
//! `lifetimes` Python package implements. BG/NBD (Fader, Hardie & Lee 2005)
//! predicts how many purchases a customer will make and whether they are
//! still "alive"; Gamma-Gamma predicts what each purchase is worth; together
//! they give a discounted customer lifetime value (CLV) and a churn risk.
//!
//! Fits report whether they converged. When a model cannot be fitted or did
//! not converge, [`ValueModel::Unavailable`] says why, so the caller can show
//! historical value instead of a made-up prediction.

mod bgnbd;
mod bgnbd_likelihood;
mod churn;
mod distinct;
mod error;
mod fit;
mod gamma_gamma;
mod gamma_gamma_likelihood;
mod lifetime_value;
mod observation;
mod predictions;
mod quasi_newton;
mod special;
#[cfg(test)]
mod test_support;

pub use bgnbd::{
    conditional_expected_purchases, fit_bgnbd, fit_bgnbd_pausing, probability_alive, BgNbdParams,
};
pub use bgnbd_likelihood::bgnbd_log_likelihood;
pub use churn::{churn_risk, purchase_rhythm, ChurnRisk, PurchaseRhythm};
pub use error::{Field, FitError, HistoryProblem};
pub use fit::{Fit, FitProblem};
pub use gamma_gamma::{
    conditional_expected_average_profit, fit_gamma_gamma, fit_gamma_gamma_pausing, GammaGammaParams,
};
pub use gamma_gamma_likelihood::gamma_gamma_log_likelihood;
pub use lifetime_value::{
    customer_lifetime_value, fit_value_model, fit_value_model_pausing, fit_value_model_to, Horizon,
    TimeUnit, Unavailable, ValueModel,
};
pub use observation::Observation;
pub use predictions::Prediction;
pub use special::{digamma, hyp2f1, ln_gamma, ln_hyp2f1};
