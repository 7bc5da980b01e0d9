//! Predictive customer lifetime value: BG/NBD's expected purchases in each
//! coming month × Gamma-Gamma's expected spend per purchase, discounted
//! monthly, computed as `lifetimes` 0.11.3's
//! `GammaGammaFitter.customer_lifetime_value` does. When the models cannot
//! be trusted, [`ValueModel::Unavailable`] says why, and the caller shows
//! historical value instead.

use serde::{Deserialize, Serialize};

use super::bgnbd::{conditional_expected_purchases, fit_bgnbd_pausing, BgNbdParams};
use super::error::{FitError, HistoryProblem};
use super::fit::{Fit, FitProblem};
use super::gamma_gamma::{
    conditional_expected_average_profit, fit_gamma_gamma_pausing, GammaGammaParams,
};
use super::observation::Observation;
use crate::core::pause::{finish_now, NoPause, Pause};

/// The time unit of the observations, with lifetimes' month lengths (a
/// month is 30 days, 4.345 weeks, 720 hours), so figures match it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeUnit {
    Hours,
    Days,
    Weeks,
    Months,
}

impl TimeUnit {
    pub(super) fn per_month(self) -> f64 {
        match self {
            TimeUnit::Hours => 720.0,
            TimeUnit::Days => 30.0,
            TimeUnit::Weeks => 4.345,
            TimeUnit::Months => 1.0,
        }
    }
}

/// How far ahead to value customers, and how to discount.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Horizon {
    pub months: u32,
    /// Discount rate per month (0.01 = 1% a month).
    pub monthly_discount_rate: f64,
    pub unit: TimeUnit,
}

impl Horizon {
    /// lifetimes' defaults: 12 months at 1% a month.
    pub fn year(unit: TimeUnit) -> Self {
        Horizon {
            months: 12,
            monthly_discount_rate: 0.01,
            unit,
        }
    }

    /// The horizon's length in the observations' time unit (12 months are
    /// 52.14 weeks with lifetimes' month).
    pub fn length(&self) -> f64 {
        f64::from(self.months) * self.unit.per_month()
    }
}

/// Both models fitted and converged, or why not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ValueModel {
    Fitted {
        purchases: Fit<BgNbdParams>,
        spend: Fit<GammaGammaParams>,
    },
    Unavailable {
        reason: Unavailable,
    },
}

/// Why no predicted value can be given: show historical value instead.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Unavailable {
    /// The purchase model refused the data.
    PurchaseModel(FitError),
    /// The purchase model's search ended without finding a maximum.
    PurchaseModelDidNotConverge {
        problem: FitProblem,
        iterations: usize,
    },
    /// The spend model refused the data.
    SpendModel(FitError),
    /// The spend model's search ended without finding a maximum.
    SpendModelDidNotConverge {
        problem: FitProblem,
        iterations: usize,
    },
    /// The fitted spend distribution has no finite mean (q ≤ 1): spends
    /// too heavy-tailed to predict.
    SpendMeanInfinite { q: f64 },
    /// This customer's history is unusable (NaN, recency after age, …).
    BadHistory(HistoryProblem),
    /// This customer's expected purchases could not be computed (the
    /// horizon is thousands of times their time between purchases).
    PredictionFailed,
}

/// Fit both models to the same customers.
pub fn fit_value_model(customers: &[Observation]) -> ValueModel {
    fit_value_model_to(customers, customers)
}

/// Fit the purchase model to `buyers` and the spend model to `spenders`
/// (lifetimes' documentation fits Gamma-Gamma only to customers whose
/// repeat purchases have a positive value: a free repeat order has no
/// logarithm).
pub fn fit_value_model_to(buyers: &[Observation], spenders: &[Observation]) -> ValueModel {
    let Ok(model) = finish_now(fit_value_model_pausing(buyers, spenders, &mut NoPause));
    model
}

/// [`fit_value_model_to`], reaching `pause` after each iteration of either
/// search.
pub async fn fit_value_model_pausing<P: Pause>(
    buyers: &[Observation],
    spenders: &[Observation],
    pause: &mut P,
) -> Result<ValueModel, P::Stop> {
    Ok(match fitted_models(buyers, spenders, pause).await? {
        Ok((purchases, spend)) => ValueModel::Fitted { purchases, spend },
        Err(reason) => ValueModel::Unavailable { reason },
    })
}

type BothFits = (Fit<BgNbdParams>, Fit<GammaGammaParams>);

async fn fitted_models<P: Pause>(
    customers: &[Observation],
    spenders: &[Observation],
    pause: &mut P,
) -> Result<Result<BothFits, Unavailable>, P::Stop> {
    let purchases = match fit_bgnbd_pausing(customers, pause).await? {
        Ok(fit) => fit,
        Err(error) => return Ok(Err(Unavailable::PurchaseModel(error))),
    };
    if let Some(problem) = purchases.problem {
        return Ok(Err(Unavailable::PurchaseModelDidNotConverge {
            problem,
            iterations: purchases.iterations,
        }));
    }
    let spend = match fit_gamma_gamma_pausing(spenders, pause).await? {
        Ok(fit) => fit,
        Err(error) => return Ok(Err(Unavailable::SpendModel(error))),
    };
    if let Some(problem) = spend.problem {
        return Ok(Err(Unavailable::SpendModelDidNotConverge {
            problem,
            iterations: spend.iterations,
        }));
    }
    if spend.params.population_mean().is_none() {
        return Ok(Err(Unavailable::SpendMeanInfinite { q: spend.params.q }));
    }
    Ok(Ok((purchases, spend)))
}

impl ValueModel {
    /// This customer's predicted lifetime value over `horizon`, or why there
    /// is none.
    pub fn lifetime_value(
        &self,
        customer: &Observation,
        horizon: &Horizon,
    ) -> Result<f64, Unavailable> {
        match self {
            ValueModel::Fitted { purchases, spend } => {
                customer_lifetime_value(&purchases.params, &spend.params, customer, horizon)
            }
            ValueModel::Unavailable { reason } => Err(*reason),
        }
    }
}

/// Σ over months k = 1…n of expected spend per purchase × expected
/// purchases in month k / (1 + d)^k, as lifetimes' `_customer_lifetime_value`.
pub fn customer_lifetime_value(
    purchases: &BgNbdParams,
    spend: &GammaGammaParams,
    customer: &Observation,
    horizon: &Horizon,
) -> Result<f64, Unavailable> {
    let month = horizon.unit.per_month();
    discounted_value(spend, customer, &discount_factors(horizon), |k| {
        conditional_expected_purchases(purchases, f64::from(k) * month, customer)
    })
}

/// (1 + d)^k for each month k = 1…n of the horizon.
pub(super) fn discount_factors(horizon: &Horizon) -> Vec<f64> {
    let month = horizon.unit.per_month();
    (1..=horizon.months)
        .map(|k| {
            let t = f64::from(k) * month;
            (1.0 + horizon.monthly_discount_rate).powf(t / month)
        })
        .collect()
}

/// The customer's lifetime value from their expected purchases by the end
/// of each month k (`expected_by(k)`, cumulative, k from 1) and the
/// horizon's `discounts`.
pub(super) fn discounted_value(
    spend: &GammaGammaParams,
    customer: &Observation,
    discounts: &[f64],
    mut expected_by: impl FnMut(u32) -> Option<f64>,
) -> Result<f64, Unavailable> {
    if let Some(problem) = customer.history_problem() {
        return Err(Unavailable::BadHistory(problem));
    }
    let profit = conditional_expected_average_profit(spend, customer)
        .ok_or(Unavailable::SpendMeanInfinite { q: spend.q })?;
    let mut value = 0.0;
    // Expected purchases are cumulative: each month is the difference
    // between the totals at its end and at its start.
    let mut before = 0.0;
    for (k, discount) in (1u32..).zip(discounts) {
        let by_end = expected_by(k).ok_or(Unavailable::PredictionFailed)?;
        value += profit * (by_end - before) / discount;
        before = by_end;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PURCHASES: BgNbdParams = BgNbdParams {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
    };
    const SPEND: GammaGammaParams = GammaGammaParams {
        p: 6.25,
        q: 3.74,
        v: 15.44,
    };

    #[test]
    fn one_month_undiscounted_is_profit_times_purchases() {
        let customer = Observation {
            frequency: 2.0,
            recency: 30.43,
            age: 38.86,
            monetary: 22.35,
        };
        let horizon = Horizon {
            months: 1,
            monthly_discount_rate: 0.0,
            unit: TimeUnit::Weeks,
        };
        let profit = conditional_expected_average_profit(&SPEND, &customer).unwrap();
        let purchases = conditional_expected_purchases(&PURCHASES, 4.345, &customer).unwrap();
        let clv = customer_lifetime_value(&PURCHASES, &SPEND, &customer, &horizon).unwrap();
        assert!((clv - profit * purchases).abs() < 1e-12);
    }

    #[test]
    fn no_months_is_worth_nothing() {
        let horizon = Horizon {
            months: 0,
            ..Horizon::year(TimeUnit::Days)
        };
        let customer = Observation {
            frequency: 0.0,
            recency: 0.0,
            age: 10.0,
            monetary: 0.0,
        };
        assert_eq!(
            customer_lifetime_value(&PURCHASES, &SPEND, &customer, &horizon),
            Ok(0.0)
        );
    }

    #[test]
    fn unusable_data_gives_a_reason_not_a_value() {
        let model = fit_value_model(&[]);
        assert_eq!(
            model,
            ValueModel::Unavailable {
                reason: Unavailable::PurchaseModel(FitError::NoCustomers)
            }
        );
        let customer = Observation {
            frequency: 1.0,
            recency: 1.0,
            age: 2.0,
            monetary: 5.0,
        };
        assert_eq!(
            model.lifetime_value(&customer, &Horizon::year(TimeUnit::Days)),
            Err(Unavailable::PurchaseModel(FitError::NoCustomers))
        );
        let nobody_returned = vec![
            Observation {
                frequency: 0.0,
                recency: 0.0,
                age: 5.0,
                monetary: 0.0
            };
            3
        ];
        assert_eq!(
            fit_value_model(&nobody_returned),
            ValueModel::Unavailable {
                reason: Unavailable::PurchaseModel(FitError::NoRepeatBuyers)
            }
        );
        let alike = vec![
            Observation {
                frequency: 5.0,
                recency: 10.0,
                age: 10.0,
                monetary: 8.0
            };
            10
        ];
        assert!(matches!(
            fit_value_model(&alike),
            ValueModel::Unavailable {
                reason: Unavailable::PurchaseModelDidNotConverge {
                    problem: FitProblem::AtBoundary,
                    ..
                }
            }
        ));
        let unknown_spend = Observation {
            monetary: f64::NAN,
            ..customer
        };
        assert_eq!(
            customer_lifetime_value(
                &PURCHASES,
                &SPEND,
                &unknown_spend,
                &Horizon::year(TimeUnit::Days)
            ),
            Err(Unavailable::BadHistory(HistoryProblem::NotFinite(
                crate::core::clv::Field::Monetary
            )))
        );
        let heavy = GammaGammaParams { q: 1.0, ..SPEND };
        assert_eq!(
            customer_lifetime_value(
                &PURCHASES,
                &heavy,
                &customer,
                &Horizon::year(TimeUnit::Days)
            ),
            Err(Unavailable::SpendMeanInfinite { q: 1.0 })
        );
    }
}
