//! The BG/NBD log-likelihood, in the numerically stable form of Fader,
//! Hardie & Lee's note 004 (ln A₁…A₄, the last two combined by
//! log-sum-exp): per customer, and over distinct histories for the fit.
//!
//! Both go through [`customer_term`] with the same cached pieces, so they
//! give the same bits: a piece that depends only on x (or only on T, or
//! only on t_x) is the same number whether it is computed per customer or
//! once, and the terms are summed in customer order either way.

use super::bgnbd::BgNbdParams;
use super::distinct::Distinct;
use super::observation::Observation;
use super::special::ln_gamma;

/// Total log-likelihood of the customers' histories under `params`.
pub fn bgnbd_log_likelihood(params: &BgNbdParams, customers: &[Observation]) -> f64 {
    let shared = shared_term(params);
    customers
        .iter()
        .map(|c| {
            let by_x = ByFrequency::new(params, shared, c.frequency);
            customer_term(
                &by_x,
                (params.alpha + c.age).ln(),
                (c.recency + params.alpha).ln(),
            )
        })
        .sum()
}

/// The customers' histories grouped so a likelihood evaluation computes
/// each distinct (x, t_x, T) once, and each function of x, of t_x or of T
/// alone once per distinct value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PurchaseHistories {
    customers: Distinct<[u64; 3]>,
    frequencies: Distinct<u64>,
    recencies: Distinct<u64>,
    ages: Distinct<u64>,
}

impl PurchaseHistories {
    pub fn of(customers: &[Observation]) -> Self {
        let customers = Distinct::of(
            customers
                .iter()
                .map(|c| [c.frequency, c.recency, c.age].map(f64::to_bits)),
        );
        let field = |i: usize| {
            Distinct::of(
                customers
                    .keys
                    .iter()
                    .map(move |key| key.get(i).copied().unwrap_or(0)),
            )
        };
        PurchaseHistories {
            frequencies: field(0),
            recencies: field(1),
            ages: field(2),
            customers,
        }
    }

    /// The same figure as [`bgnbd_log_likelihood`] over the customers this
    /// was made from, to the last bit.
    pub fn log_likelihood(&self, params: &BgNbdParams) -> f64 {
        let shared = shared_term(params);
        let by_x: Vec<ByFrequency> = values(&self.frequencies)
            .map(|x| ByFrequency::new(params, shared, x))
            .collect();
        let ln_age: Vec<f64> = values(&self.ages)
            .map(|age| (params.alpha + age).ln())
            .collect();
        let ln_recency: Vec<f64> = values(&self.recencies)
            .map(|recency| (recency + params.alpha).ln())
            .collect();
        let terms: Vec<f64> = self
            .frequencies
            .key_indices()
            .iter()
            .zip(self.recencies.key_indices())
            .zip(self.ages.key_indices())
            .map(|((&x, &recency), &age)| {
                match (by_x.get(x), ln_age.get(age), ln_recency.get(recency)) {
                    (Some(by_x), Some(&ln_age), Some(&ln_recency)) => {
                        customer_term(by_x, ln_age, ln_recency)
                    }
                    _ => f64::NAN, // cannot happen: the indices come from these lists
                }
            })
            .collect();
        self.customers.sum_in_order(&terms)
    }

    /// The customers' histories with times multiplied by `scale` (for the
    /// search, which works with the oldest customer's age as 1).
    pub fn scaled(&self, scale: f64) -> Self {
        let times = |d: &Distinct<u64>| d.map_keys(|&t| (f64::from_bits(t) * scale).to_bits());
        PurchaseHistories {
            customers: self.customers.clone(),
            frequencies: self.frequencies.clone(),
            recencies: times(&self.recencies),
            ages: times(&self.ages),
        }
    }

    /// The oldest customer's age.
    pub fn oldest(&self) -> f64 {
        values(&self.ages).fold(0.0, f64::max)
    }
}

fn values(d: &Distinct<u64>) -> impl Iterator<Item = f64> + '_ {
    d.keys.iter().map(|&bits| f64::from_bits(bits))
}

/// The part of every customer's term that depends on the parameters alone.
fn shared_term(params: &BgNbdParams) -> f64 {
    let BgNbdParams { r, alpha, a, b } = *params;
    -ln_gamma(r) + r * alpha.ln() + ln_gamma(a + b) - ln_gamma(b)
}

/// The parts of a customer's term that depend on x and the parameters only.
#[derive(Debug, Clone, Copy)]
struct ByFrequency {
    /// The shared term + ln A₁A₂.
    head: f64,
    r_plus_x: f64,
    /// ln a − ln(b + x − 1): the log-odds of dropping out after the last
    /// purchase (used only when x > 0).
    ln_dropout: f64,
    /// x > 0: only a repeat buyer can have dropped out.
    repeat_buyer: bool,
}

impl ByFrequency {
    fn new(params: &BgNbdParams, shared: f64, x: f64) -> Self {
        let BgNbdParams { r, a, b, .. } = *params;
        let a1_a2 = ln_gamma(r + x) + ln_gamma(b + x) - ln_gamma(a + b + x);
        ByFrequency {
            head: shared + a1_a2,
            r_plus_x: r + x,
            ln_dropout: a.ln() - (b + x - 1.0).ln(),
            repeat_buyer: x > 0.0,
        }
    }
}

/// One customer's log-likelihood from its cached pieces: ln(α + T) and
/// ln(t_x + α).
fn customer_term(by_x: &ByFrequency, ln_alpha_age: f64, ln_alpha_recency: f64) -> f64 {
    let a3 = -by_x.r_plus_x * ln_alpha_age;
    let tail = if by_x.repeat_buyer {
        let a4 = by_x.ln_dropout - by_x.r_plus_x * ln_alpha_recency;
        log_sum_exp(a3, a4)
    } else {
        a3
    };
    by_x.head + tail
}

fn log_sum_exp(p: f64, q: f64) -> f64 {
    let high = p.max(q);
    if high == f64::NEG_INFINITY {
        return high;
    }
    high + ((p - high).exp() + (q - high).exp()).ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::fit::SEARCH;
    use crate::core::clv::fit_bgnbd;
    use crate::core::clv::test_support::{cdnow_summary, many_alike, CDNOW};

    #[test]
    fn distinct_histories_give_the_per_customer_likelihood_to_the_bit() {
        let customers = many_alike(5_000);
        let histories = PurchaseHistories::of(&customers);
        let distinct = histories.customers.keys.len();
        assert!(distinct * 10 < customers.len() * 9, "{distinct} distinct");
        for params in [
            CDNOW,
            BgNbdParams {
                r: 2.5,
                alpha: 0.03,
                a: 7.0,
                b: 0.2,
            },
        ] {
            let per_customer = bgnbd_log_likelihood(&params, &customers);
            assert!(per_customer.is_finite());
            assert_eq!(
                histories.log_likelihood(&params).to_bits(),
                per_customer.to_bits()
            );
            let scaled: Vec<Observation> = customers
                .iter()
                .map(|c| Observation {
                    recency: c.recency * 0.37,
                    age: c.age * 0.37,
                    ..*c
                })
                .collect();
            assert_eq!(
                histories.scaled(0.37).log_likelihood(&params).to_bits(),
                bgnbd_log_likelihood(&params, &scaled).to_bits()
            );
        }
    }

    /// The fit as it was before distinct histories: the per-customer
    /// likelihood, searched the same way.
    fn per_customer_fit(customers: &[Observation]) -> ([f64; 4], usize) {
        let oldest = customers.iter().map(|c| c.age).fold(0.0, f64::max);
        let scale = if oldest > 0.0 { 1.0 / oldest } else { 1.0 };
        let scaled: Vec<Observation> = customers
            .iter()
            .map(|c| Observation {
                recency: c.recency * scale,
                age: c.age * scale,
                ..*c
            })
            .collect();
        let count = scaled.len() as f64;
        let minimum = SEARCH.minimise(
            |log: &[f64; 4]| {
                let [r, alpha, a, b] = log.map(f64::exp);
                -bgnbd_log_likelihood(&BgNbdParams { r, alpha, a, b }, &scaled) / count
            },
            [0.0; 4],
        );
        let [r, alpha, a, b] = minimum.point.map(f64::exp);
        ([r, alpha / scale, a, b], minimum.iterations)
    }

    fn assert_same_fit(customers: &[Observation]) {
        let (expected, iterations) = per_customer_fit(customers);
        let fit = fit_bgnbd(customers).unwrap();
        let p = fit.params;
        assert_eq!(
            [p.r, p.alpha, p.a, p.b].map(f64::to_bits),
            expected.map(f64::to_bits),
            "{p:?} vs {expected:?}"
        );
        assert_eq!(fit.iterations, iterations);
        assert_eq!(
            fit.log_likelihood.to_bits(),
            bgnbd_log_likelihood(&p, customers).to_bits()
        );
    }

    #[test]
    fn the_fit_on_distinct_histories_is_the_per_customer_fit_to_the_bit() {
        assert_same_fit(&many_alike(3_000));
    }

    #[test]
    fn on_cdnow_too() {
        let Some(customers) = cdnow_summary() else {
            return;
        };
        assert_eq!(customers.len(), 2_357);
        assert_same_fit(&customers);
    }
}
