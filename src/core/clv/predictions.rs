//! Every customer's predictions at once. The expected purchases by the end
//! of each month of the horizon depend only on (x, t_x, T): they are
//! computed once per distinct history (352,674 for the generator's 870,731
//! buyers), the rest per customer. Their costly part, a ₂F₁ series per
//! month, depends on x and T alone and is computed once per distinct
//! (x, T). Each figure is the one the per-customer functions give, to the
//! bit.

use rustc_hash::FxHashMap;

use super::bgnbd::{
    conditional_expected_purchases, expected_purchases_given, expected_purchases_numerator,
    probability_alive, BgNbdParams,
};
use super::distinct::Distinct;
use super::gamma_gamma::GammaGammaParams;
use super::lifetime_value::{discount_factors, discounted_value, Horizon, Unavailable, ValueModel};
use super::observation::Observation;
use crate::core::pause::{finish_now, NoPause, Pause, Phase, Reached};

/// What the models predict for one customer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// Probability the customer is still alive ([`probability_alive`]),
    /// when the model was fitted and the figure is finite.
    pub p_alive: Option<f64>,
    /// Purchases expected over the horizon
    /// ([`conditional_expected_purchases`]), when the model was fitted.
    pub expected_purchases: Option<f64>,
    /// [`ValueModel::lifetime_value`] over the horizon, or why there is none.
    pub lifetime_value: Result<f64, Unavailable>,
}

/// Customers predicted between two pauses.
const PREDICTIONS_PER_PAUSE: usize = 4_096;

impl ValueModel {
    /// Each customer's prediction, handed to `each` with the customer's
    /// index in `customers` (customers with the same history one after
    /// another, not in index order).
    pub fn predict_each(
        &self,
        customers: &[Observation],
        horizon: &Horizon,
        each: impl FnMut(usize, Prediction),
    ) {
        let Ok(()) = finish_now(self.predict_each_pausing(customers, horizon, &mut NoPause, each));
    }

    /// [`ValueModel::predict_each`], reaching `pause` every few thousand
    /// customers.
    pub async fn predict_each_pausing<P: Pause>(
        &self,
        customers: &[Observation],
        horizon: &Horizon,
        pause: &mut P,
        mut each: impl FnMut(usize, Prediction),
    ) -> Result<(), P::Stop> {
        match self {
            ValueModel::Fitted { purchases, spend } => {
                let mut models = Fitted {
                    purchases: &purchases.params,
                    spend: &spend.params,
                    horizon,
                    discounts: discount_factors(horizon),
                    numerators: FxHashMap::default(),
                };
                let histories = Distinct::of(
                    customers
                        .iter()
                        .map(|c| [c.frequency, c.recency, c.age].map(f64::to_bits)),
                );
                let by_history = histories.items_by_key();
                let (mut done, mut reported) = (0, 0);
                for group in by_history.chunk_by(|&i, &j| histories.same_key(i, j)) {
                    models.predict_group(customers, group, &mut each);
                    done += group.len();
                    if done - reported >= PREDICTIONS_PER_PAUSE {
                        reported = done;
                        let at = Reached {
                            phase: Phase::Predicting,
                            done: done as u64,
                            total: customers.len() as u64,
                        };
                        pause.reached(at).await?;
                    }
                }
            }
            ValueModel::Unavailable { reason } => {
                for index in 0..customers.len() {
                    let nothing = Prediction {
                        p_alive: None,
                        expected_purchases: None,
                        lifetime_value: Err(*reason),
                    };
                    each(index, nothing);
                }
            }
        }
        Ok(())
    }
}

struct Fitted<'a> {
    purchases: &'a BgNbdParams,
    spend: &'a GammaGammaParams,
    horizon: &'a Horizon,
    discounts: Vec<f64>,
    /// By (x, T) as bits: the numerator of the expected purchases by the
    /// end of each month, up to and including the first whose ₂F₁ series
    /// does not converge ([`expected_purchases_numerator`]).
    numerators: FxHashMap<[u64; 2], Vec<Option<f64>>>,
}

impl Fitted<'_> {
    /// The customers at `group`, who share one (x, t_x, T).
    fn predict_group(
        &mut self,
        customers: &[Observation],
        group: &[usize],
        each: &mut impl FnMut(usize, Prediction),
    ) {
        let Some(history) = group.first().and_then(|&i| customers.get(i)) else {
            return;
        };
        let by_month = self.expected_by_month(history);
        let p_alive = Some(probability_alive(self.purchases, history)).filter(|p| p.is_finite());
        let expected_purchases = match by_month.last() {
            Some(&last) if by_month.len() == self.discounts.len() => last,
            // No months, or a month failed before the last.
            _ => conditional_expected_purchases(self.purchases, self.horizon.length(), history),
        };
        for &index in group {
            let Some(customer) = customers.get(index) else {
                continue;
            };
            let lifetime_value = discounted_value(self.spend, customer, &self.discounts, |k| {
                by_month.get((k - 1) as usize).copied().flatten()
            });
            let prediction = Prediction {
                p_alive,
                expected_purchases,
                lifetime_value,
            };
            each(index, prediction);
        }
    }

    /// Expected purchases by the end of each month of the horizon, up to
    /// and including the first that cannot be computed.
    fn expected_by_month(&mut self, history: &Observation) -> Vec<Option<f64>> {
        let (purchases, months, month) = (
            self.purchases,
            self.horizon.months,
            self.horizon.unit.per_month(),
        );
        let (x, age) = (history.frequency, history.age);
        let numerators = self
            .numerators
            .entry([x.to_bits(), age.to_bits()])
            .or_insert_with(|| {
                let mut numerators = Vec::with_capacity(months as usize);
                for k in 1..=months {
                    let t = f64::from(k) * month;
                    let numerator = expected_purchases_numerator(purchases, t, x, age);
                    numerators.push(numerator);
                    if numerator.is_none() {
                        break;
                    }
                }
                numerators
            });
        let mut by_month = Vec::with_capacity(numerators.len());
        for numerator in numerators.iter() {
            let expected = numerator.and_then(|n| expected_purchases_given(n, purchases, history));
            by_month.push(expected);
            if expected.is_none() {
                break;
            }
        }
        by_month
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::test_support::{many_alike, CDNOW};
    use crate::core::clv::{Fit, FitError, TimeUnit};

    fn fit<P>(params: P) -> Fit<P> {
        Fit {
            params,
            log_likelihood: -1.0,
            iterations: 1,
            converged: true,
            problem: None,
        }
    }

    fn fitted() -> ValueModel {
        ValueModel::Fitted {
            purchases: fit(CDNOW),
            spend: fit(GammaGammaParams {
                p: 6.25,
                q: 3.74,
                v: 15.44,
            }),
        }
    }

    /// What each customer got from the per-customer functions.
    fn one_by_one(
        model: &ValueModel,
        customers: &[Observation],
        horizon: &Horizon,
    ) -> Vec<Prediction> {
        let purchases = match model {
            ValueModel::Fitted { purchases, .. } => Some(&purchases.params),
            ValueModel::Unavailable { .. } => None,
        };
        customers
            .iter()
            .map(|o| Prediction {
                p_alive: purchases
                    .map(|p| probability_alive(p, o))
                    .filter(|p| p.is_finite()),
                expected_purchases: purchases
                    .and_then(|p| conditional_expected_purchases(p, horizon.length(), o)),
                lifetime_value: model.lifetime_value(o, horizon),
            })
            .collect()
    }

    fn all_at_once(
        model: &ValueModel,
        customers: &[Observation],
        horizon: &Horizon,
    ) -> Vec<Prediction> {
        let mut found = vec![None; customers.len()];
        model.predict_each(customers, horizon, |i, prediction| {
            assert!(found[i].replace(prediction).is_none(), "customer {i} twice");
        });
        found
            .into_iter()
            .map(|p| p.expect("every customer"))
            .collect()
    }

    /// A prediction's figures as bits, so equal means equal to the bit.
    type Bits = (Option<u64>, Option<u64>, Result<u64, Unavailable>);

    fn bits(predictions: &[Prediction]) -> Vec<Bits> {
        predictions
            .iter()
            .map(|p| {
                (
                    p.p_alive.map(f64::to_bits),
                    p.expected_purchases.map(f64::to_bits),
                    p.lifetime_value.map(f64::to_bits),
                )
            })
            .collect()
    }

    #[test]
    fn the_same_figures_as_one_customer_at_a_time_to_the_bit() {
        let mut customers = many_alike(4_000);
        // Histories the spend model refuses, sharing (x, t_x, T) with others.
        let shared = customers[7];
        customers.push(Observation {
            frequency: 2.0,
            monetary: f64::NAN,
            ..shared
        });
        customers.push(Observation {
            frequency: 3.0,
            monetary: 0.0,
            ..shared
        });
        customers.push(Observation {
            recency: 99.0,
            ..shared
        });
        let model = fitted();
        for horizon in [
            Horizon::year(TimeUnit::Weeks),
            Horizon {
                months: 0,
                ..Horizon::year(TimeUnit::Weeks)
            },
            Horizon {
                months: 5,
                monthly_discount_rate: 0.03,
                unit: TimeUnit::Days,
            },
        ] {
            let expected = one_by_one(&model, &customers, &horizon);
            assert!(expected.iter().any(|p| p.lifetime_value.is_err()));
            assert_eq!(
                bits(&all_at_once(&model, &customers, &horizon)),
                bits(&expected)
            );
        }
    }

    #[test]
    fn a_month_whose_purchases_cannot_be_computed_fails_alike() {
        // With α = 0.03 days a brand-new customer's ₂F₁ series stops
        // converging within its term budget from the 4th month (checked by
        // a Python transcription of `hyp2f1`).
        let model = match fitted() {
            ValueModel::Fitted { spend, .. } => ValueModel::Fitted {
                purchases: fit(BgNbdParams {
                    alpha: 0.03,
                    ..CDNOW
                }),
                spend,
            },
            other => other,
        };
        let new = Observation {
            frequency: 0.0,
            recency: 0.0,
            age: 0.0,
            monetary: 0.0,
        };
        let older = Observation { age: 30.0, ..new };
        let customers = [new, older, new];
        let horizon = Horizon::year(TimeUnit::Days);
        let expected = one_by_one(&model, &customers, &horizon);
        assert_eq!(
            expected[0].lifetime_value,
            Err(Unavailable::PredictionFailed)
        );
        assert_eq!(expected[0].expected_purchases, None);
        assert!(expected[1].lifetime_value.is_ok());
        assert_eq!(
            bits(&all_at_once(&model, &customers, &horizon)),
            bits(&expected)
        );
    }

    #[test]
    fn a_model_that_failed_predicts_nothing_for_anyone() {
        let model = ValueModel::Unavailable {
            reason: Unavailable::PurchaseModel(FitError::NoRepeatBuyers),
        };
        let customers = many_alike(10);
        let horizon = Horizon::year(TimeUnit::Weeks);
        assert_eq!(
            bits(&all_at_once(&model, &customers, &horizon)),
            bits(&one_by_one(&model, &customers, &horizon))
        );
    }
}
