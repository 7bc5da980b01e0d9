//! The Gamma-Gamma log-likelihood of the repeat buyers' mean spends (note
//! 025, equation 1a): per customer, and over distinct (x, m̄) for the fit.
//!
//! Both go through [`customer_term`] with the same cached pieces (those
//! that depend on x alone, and ln m̄ and x·m̄, which do not depend on the
//! parameters), and the terms are summed in customer order either way, so
//! both give the same bits.

use super::distinct::Distinct;
use super::gamma_gamma::GammaGammaParams;
use super::observation::Observation;
use super::special::ln_gamma;

/// Total log-likelihood of the repeat buyers' mean spends. Customers without
/// a repeat purchase are skipped.
pub fn gamma_gamma_log_likelihood(params: &GammaGammaParams, customers: &[Observation]) -> f64 {
    let shared = shared_term(params);
    customers
        .iter()
        .filter(|c| c.has_repeat_purchases())
        .map(|c| {
            let spend = Spend::of(c.frequency, c.monetary);
            customer_term(&ByFrequency::new(params, shared, c.frequency), &spend)
        })
        .sum()
}

/// The repeat buyers' (x, m̄) grouped so a likelihood evaluation computes
/// each distinct pair once, and each function of x alone once per x.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SpendHistories {
    customers: Distinct<[u64; 2]>,
    frequencies: Distinct<u64>,
    /// Per distinct pair.
    spends: Vec<Spend>,
}

impl SpendHistories {
    /// The repeat buyers among `customers`, with their spends × `scale`.
    pub fn of(customers: &[Observation], scale: f64) -> Self {
        let customers = Distinct::of(
            customers
                .iter()
                .filter(|c| c.has_repeat_purchases())
                .map(|c| [c.frequency, c.monetary * scale].map(f64::to_bits)),
        );
        let pairs = || customers.keys.iter().map(|&[x, m]| (f64::from_bits(x), m));
        let frequencies = Distinct::of(pairs().map(|(x, _)| x.to_bits()));
        let spends = pairs()
            .map(|(x, m)| Spend::of(x, f64::from_bits(m)))
            .collect();
        SpendHistories {
            customers,
            frequencies,
            spends,
        }
    }

    /// The same figure as [`gamma_gamma_log_likelihood`] over the repeat
    /// buyers this was made from (spends scaled), to the last bit.
    pub fn log_likelihood(&self, params: &GammaGammaParams) -> f64 {
        let shared = shared_term(params);
        let by_x: Vec<ByFrequency> = self
            .frequencies
            .keys
            .iter()
            .map(|&x| ByFrequency::new(params, shared, f64::from_bits(x)))
            .collect();
        let terms: Vec<f64> = self
            .frequencies
            .key_indices()
            .iter()
            .zip(&self.spends)
            .map(|(&x, spend)| match by_x.get(x) {
                Some(by_x) => customer_term(by_x, spend),
                None => f64::NAN, // cannot happen: the indices come from this list
            })
            .collect();
        self.customers.sum_in_order(&terms)
    }
}

/// The part of every term that depends on the parameters alone.
fn shared_term(params: &GammaGammaParams) -> f64 {
    -ln_gamma(params.q) + params.q * params.v.ln()
}

/// What a term needs from the spend that does not depend on the parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spend {
    ln_m: f64,
    x_m: f64,
}

impl Spend {
    fn of(x: f64, m: f64) -> Self {
        Spend {
            ln_m: m.ln(),
            x_m: x * m,
        }
    }
}

/// The parts of a term that depend on x and the parameters only.
#[derive(Debug, Clone, Copy)]
struct ByFrequency {
    /// The shared term + ln Γ(px + q) − ln Γ(px).
    head: f64,
    px_minus_1: f64,
    px_ln_x: f64,
    px_plus_q: f64,
    /// γ, for ln(x·m̄ + γ).
    v: f64,
}

impl ByFrequency {
    fn new(params: &GammaGammaParams, shared: f64, x: f64) -> Self {
        let px = params.p * x;
        ByFrequency {
            head: shared + ln_gamma(px + params.q) - ln_gamma(px),
            px_minus_1: px - 1.0,
            px_ln_x: px * x.ln(),
            px_plus_q: px + params.q,
            v: params.v,
        }
    }
}

fn customer_term(by_x: &ByFrequency, spend: &Spend) -> f64 {
    by_x.head + by_x.px_minus_1 * spend.ln_m + by_x.px_ln_x
        - by_x.px_plus_q * (spend.x_m + by_x.v).ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::fit::SEARCH;
    use crate::core::clv::fit_gamma_gamma;
    use crate::core::clv::test_support::{cdnow_summary, many_alike};

    #[test]
    fn distinct_spends_give_the_per_customer_likelihood_to_the_bit() {
        let customers = many_alike(5_000);
        let histories = SpendHistories::of(&customers, 1.0);
        let repeat = customers.iter().filter(|c| c.frequency > 0.0).count();
        assert!(histories.customers.keys.len() < repeat / 2);
        assert_eq!(histories.customers.key_indices().len(), repeat);
        let params = GammaGammaParams {
            p: 6.25,
            q: 3.74,
            v: 15.44,
        };
        let per_customer = gamma_gamma_log_likelihood(&params, &customers);
        assert!(per_customer.is_finite());
        assert_eq!(
            histories.log_likelihood(&params).to_bits(),
            per_customer.to_bits()
        );
    }

    /// The fit as it was before distinct spends: the per-customer
    /// likelihood over the repeat buyers, searched the same way.
    fn per_customer_fit(customers: &[Observation]) -> ([f64; 3], usize) {
        let repeat: Vec<Observation> = customers
            .iter()
            .filter(|c| c.frequency > 0.0)
            .copied()
            .collect();
        let count = repeat.len() as f64;
        let scale = 1.0 / (repeat.iter().map(|c| c.monetary).sum::<f64>() / count);
        let scaled: Vec<Observation> = repeat
            .iter()
            .map(|c| Observation {
                monetary: c.monetary * scale,
                ..*c
            })
            .collect();
        let minimum = SEARCH.minimise(
            |log: &[f64; 3]| {
                let [p, q, v] = log.map(f64::exp);
                -gamma_gamma_log_likelihood(&GammaGammaParams { p, q, v }, &scaled) / count
            },
            [0.0; 3],
        );
        let [p, q, v] = minimum.point.map(f64::exp);
        ([p, q, v / scale], minimum.iterations)
    }

    fn assert_same_fit(customers: &[Observation]) {
        let (expected, iterations) = per_customer_fit(customers);
        let fit = fit_gamma_gamma(customers).unwrap();
        let GammaGammaParams { p, q, v } = fit.params;
        assert_eq!(
            [p, q, v].map(f64::to_bits),
            expected.map(f64::to_bits),
            "{:?} vs {expected:?}",
            fit.params
        );
        assert_eq!(fit.iterations, iterations);
    }

    #[test]
    fn the_fit_on_distinct_spends_is_the_per_customer_fit_to_the_bit() {
        assert_same_fit(&many_alike(3_000));
    }

    #[test]
    fn on_cdnow_too() {
        let Some(customers) = cdnow_summary() else {
            return;
        };
        assert_same_fit(&customers);
    }
}
