//! The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV";
//! Hardie's note 025): a customer's purchase values are Gamma(p, ν) with
//! ν ~ Gamma(q, γ) across customers, independent of how often they buy.
//! Fitted on repeat buyers only, as `lifetimes` 0.11.3's `GammaGammaFitter`.

use serde::{Deserialize, Serialize};

use super::fit::{mean_negative, Fit, GRADIENT_SEARCH};
use super::gamma_gamma_likelihood::{gamma_gamma_log_likelihood, SpendHistories};
use super::observation::{check_all, Observation};
use crate::core::pause::{finish_now, NoPause, Pause, Phase};

/// Gamma-Gamma parameters; γ (`v` in lifetimes) is in the caller's money unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GammaGammaParams {
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

impl GammaGammaParams {
    /// Mean spend per purchase across the population, p·γ/(q − 1). `None`
    /// when q ≤ 1: the population mean is then infinite and the model cannot
    /// value anyone.
    pub fn population_mean(&self) -> Option<f64> {
        let mean = self.v * self.p / (self.q - 1.0);
        (self.q > 1.0 && mean.is_finite()).then_some(mean)
    }
}

/// Maximum-likelihood Gamma-Gamma parameters from the customers with at least
/// one repeat purchase (the others carry no spend information). Money is
/// scaled so the mean spend is 1 during the search, so amounts in rials and
/// in dollars start equally near the answer; γ is scaled back.
pub fn fit_gamma_gamma(
    customers: &[Observation],
) -> Result<Fit<GammaGammaParams>, super::FitError> {
    let Ok(fit) = finish_now(fit_gamma_gamma_pausing(customers, &mut NoPause));
    fit
}

/// [`fit_gamma_gamma`], reaching `pause` after each iteration of the search.
pub async fn fit_gamma_gamma_pausing<P: Pause>(
    customers: &[Observation],
    pause: &mut P,
) -> Result<Result<Fit<GammaGammaParams>, super::FitError>, P::Stop> {
    if let Err(error) = check_all(customers, Observation::spend_problem) {
        return Ok(Err(error));
    }
    let repeat = || customers.iter().filter(|c| c.has_repeat_purchases());
    let count = repeat().count() as f64;
    let mean_spend = repeat().map(|c| c.monetary).sum::<f64>() / count;
    let scale = if mean_spend > 0.0 && mean_spend.is_finite() {
        1.0 / mean_spend
    } else {
        1.0
    };
    // Each distinct (x, m̄) once per evaluation; the same sum.
    let scaled = SpendHistories::of(customers, scale);
    let minimum = GRADIENT_SEARCH
        .minimise_pausing(
            |log: &[f64; 3]| {
                let params = from_logs(log);
                let GammaGammaParams { p, q, v } = params;
                mean_negative([p, q, v], scaled.value_and_gradient(&params), count)
            },
            [0.0; 3],
            pause,
            Phase::FittingSpend,
        )
        .await?;
    let found = from_logs(&minimum.point);
    let params = GammaGammaParams {
        v: found.v / scale,
        ..found
    };
    let log_likelihood = gamma_gamma_log_likelihood(&params, customers);
    Ok(Ok(Fit::judged(
        params,
        log_likelihood,
        minimum.iterations,
        minimum.converged,
        &[found.p, found.q, found.v],
        &[params.v, log_likelihood],
    )))
}

pub(super) fn from_logs(log: &[f64; 3]) -> GammaGammaParams {
    let [p, q, v] = log.map(f64::exp);
    GammaGammaParams { p, q, v }
}

/// Expected mean spend per purchase for this customer (note 025, equation
/// 5): their own mean shrunk toward the population mean, the more so the
/// fewer purchases it rests on. The population mean for a customer without
/// a repeat purchase (whose `monetary` is ignored); `None` when q ≤ 1.
pub fn conditional_expected_average_profit(
    params: &GammaGammaParams,
    customer: &Observation,
) -> Option<f64> {
    let population = params.population_mean()?;
    if !customer.has_repeat_purchases() {
        return Some(population);
    }
    let px = params.p * customer.frequency;
    let own_weight = px / (px + params.q - 1.0);
    let profit = (1.0 - own_weight) * population + own_weight * customer.monetary;
    profit.is_finite().then_some(profit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::{FitError, HistoryProblem};

    const CDNOW: GammaGammaParams = GammaGammaParams {
        p: 6.25,
        q: 3.74,
        v: 15.44,
    };

    fn buyer(frequency: f64, monetary: f64) -> Observation {
        Observation {
            frequency,
            recency: 0.0,
            age: 10.0,
            monetary,
        }
    }

    #[test]
    fn expected_profit_by_hand() {
        let mean = 15.44 * 6.25 / 2.74;
        assert_eq!(
            conditional_expected_average_profit(&CDNOW, &buyer(0.0, 0.0)),
            Some(mean)
        );
        let w = 6.25 * 2.0 / (6.25 * 2.0 + 2.74);
        let ours = conditional_expected_average_profit(&CDNOW, &buyer(2.0, 22.35)).unwrap();
        assert!((ours - ((1.0 - w) * mean + w * 22.35)).abs() < 1e-12);
        let heavy_tail = GammaGammaParams { q: 0.9, ..CDNOW };
        assert_eq!(
            conditional_expected_average_profit(&heavy_tail, &buyer(2.0, 22.35)),
            None
        );
    }

    #[test]
    fn unusable_input_is_an_error_not_a_panic() {
        assert_eq!(fit_gamma_gamma(&[]), Err(FitError::NoCustomers));
        assert_eq!(
            fit_gamma_gamma(&[buyer(0.0, 0.0), buyer(0.0, 0.0)]),
            Err(FitError::NoRepeatBuyers)
        );
        assert_eq!(
            fit_gamma_gamma(&[buyer(1.0, 10.0), buyer(2.0, -3.0)]),
            Err(FitError::BadHistory {
                customer: 1,
                problem: HistoryProblem::NonPositiveMonetary
            })
        );
        assert_eq!(
            fit_gamma_gamma(&[buyer(1.0, f64::NAN)]),
            Err(FitError::BadHistory {
                customer: 0,
                problem: HistoryProblem::NotFinite(crate::core::clv::Field::Monetary)
            })
        );
    }

    #[test]
    fn identical_spends_have_no_maximum() {
        // No spread between or within customers: p and q run to infinity.
        let same = [buyer(1.0, 5.0), buyer(2.0, 5.0), buyer(3.0, 5.0)];
        let fit = fit_gamma_gamma(&same).unwrap();
        assert!(!fit.converged);
        assert!(fit.problem.is_some());
    }

    #[test]
    fn the_money_unit_does_not_change_the_fit() {
        let dollars: Vec<Observation> = [
            (1.0, 12.0),
            (2.0, 30.5),
            (4.0, 18.0),
            (1.0, 55.0),
            (3.0, 9.0),
        ]
        .iter()
        .map(|&(x, m)| buyer(x, m))
        .collect();
        let rials: Vec<Observation> = dollars
            .iter()
            .map(|c| Observation {
                monetary: c.monetary * 42_000.0,
                ..*c
            })
            .collect();
        let (d, r) = (
            fit_gamma_gamma(&dollars).unwrap(),
            fit_gamma_gamma(&rials).unwrap(),
        );
        // A tiny sample may well have no finite maximum; whatever was found
        // must be the same answer in either unit.
        assert_eq!(d.converged, r.converged);
        assert!((d.params.p - r.params.p).abs() <= 1e-9 * d.params.p);
        assert!((d.params.v * 42_000.0 - r.params.v).abs() <= 1e-9 * r.params.v);
    }
}
