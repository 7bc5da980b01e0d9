//! The Gamma-Gamma log-likelihood of the repeat buyers' mean spends (note
//! 025, equation 1a): per customer, and over distinct (x, m̄) for the fit,
//! with its gradient for the fit's search.
//!
//! Both go through [`customer_term`] with the same cached pieces (those
//! that depend on x alone, and ln m̄ and x·m̄, which do not depend on the
//! parameters), and the terms are summed in customer order either way, so
//! both give the same bits.

use super::distinct::Distinct;
use super::gamma_gamma::GammaGammaParams;
use super::observation::Observation;
use super::special::{digamma, ln_gamma};

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

    /// The log-likelihood (the same bits as [`gamma_gamma_log_likelihood`]
    /// over the repeat buyers this was made from, spends scaled) and its
    /// partial derivatives in p, q and γ, summed in customer order.
    pub fn value_and_gradient(&self, params: &GammaGammaParams) -> (f64, [f64; 3]) {
        let shared = shared_term(params);
        let by_x: Vec<FrequencyPieces> = self
            .frequencies
            .keys
            .iter()
            .map(|&x| FrequencyPieces::new(params, shared, f64::from_bits(x)))
            .collect();
        let missing = [f64::NAN; 4]; // cannot happen: the indices come from this list
        let terms: Vec<[f64; 4]> = self
            .frequencies
            .key_indices()
            .iter()
            .zip(&self.spends)
            .map(|(&x, spend)| {
                by_x.get(x)
                    .map_or(missing, |by_x| term_and_slopes(by_x, spend))
            })
            .collect();
        let [value, p, q, v] = self.customers.sum_each_in_order(&terms);
        (value, [p, q, v])
    }
}

/// Per-customer [`SpendHistories::value_and_gradient`] over the repeat
/// buyers: each term and its slopes from the customer's own pieces.
#[cfg(test)]
pub(super) fn value_and_gradient_per_customer(
    params: &GammaGammaParams,
    customers: &[Observation],
) -> (f64, [f64; 3]) {
    let shared = shared_term(params);
    let terms: Vec<[f64; 4]> = customers
        .iter()
        .filter(|c| c.has_repeat_purchases())
        .map(|c| {
            let by_x = FrequencyPieces::new(params, shared, c.frequency);
            term_and_slopes(&by_x, &Spend::of(c.frequency, c.monetary))
        })
        .collect();
    let [value, p, q, v] = super::distinct::sum_each(terms.iter());
    (value, [p, q, v])
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
    term_with(by_x, spend, (spend.x_m + by_x.v).ln())
}

/// A term, given ln(x·m̄ + γ).
fn term_with(by_x: &ByFrequency, spend: &Spend, ln_total: f64) -> f64 {
    by_x.head + by_x.px_minus_1 * spend.ln_m + by_x.px_ln_x - by_x.px_plus_q * ln_total
}

/// [`ByFrequency`] with the slopes in (p, q, γ) of everything in a term
/// but its ln(x·m̄ + γ) part and p's ln m̄ part.
#[derive(Debug, Clone, Copy)]
struct FrequencyPieces {
    value: ByFrequency,
    x: f64,
    slopes: [f64; 3],
}

impl FrequencyPieces {
    fn new(params: &GammaGammaParams, shared: f64, x: f64) -> Self {
        let GammaGammaParams { p, q, v } = *params;
        let px = p * x;
        let psi_pxq = digamma(px + q);
        // ∂/∂(p, q, γ) of −ln Γ(q) + q ln γ + ln Γ(px + q) − ln Γ(px) + px ln x.
        let slopes = [
            x * (psi_pxq - digamma(px) + x.ln()),
            psi_pxq - digamma(q) + v.ln(),
            q / v,
        ];
        FrequencyPieces {
            value: ByFrequency::new(params, shared, x),
            x,
            slopes,
        }
    }
}

/// A term (the same bits as [`customer_term`]) and its slopes in (p, q, γ).
fn term_and_slopes(by_x: &FrequencyPieces, spend: &Spend) -> [f64; 4] {
    let total = spend.x_m + by_x.value.v;
    let ln_total = total.ln();
    let [p, q, v] = by_x.slopes;
    [
        term_with(&by_x.value, spend, ln_total),
        p + by_x.x * (spend.ln_m - ln_total),
        q - ln_total,
        v - by_x.value.px_plus_q / total,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::fit::{mean_negative, GRADIENT_SEARCH};
    use crate::core::clv::fit_gamma_gamma;
    use crate::core::clv::gamma_gamma::from_logs;
    use crate::core::clv::test_support::{assert_slopes, cdnow_summary, many_alike};

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
            histories.value_and_gradient(&params).0.to_bits(),
            per_customer.to_bits()
        );
    }

    #[test]
    fn the_gradient_is_the_slope_of_the_likelihood() {
        let customers = many_alike(2_000);
        let histories = SpendHistories::of(&customers, 1.0);
        let at = GammaGammaParams {
            p: 5.0,
            q: 3.0,
            v: 12.0,
        };
        let (value, gradient) = histories.value_and_gradient(&at);
        assert_eq!(
            value.to_bits(),
            gamma_gamma_log_likelihood(&at, &customers).to_bits()
        );
        let (per_customer, per_customer_gradient) =
            value_and_gradient_per_customer(&at, &customers);
        assert_eq!(value.to_bits(), per_customer.to_bits());
        assert_eq!(
            gradient.map(f64::to_bits),
            per_customer_gradient.map(f64::to_bits)
        );
        assert_slopes([at.p, at.q, at.v], gradient, |[p, q, v]| {
            gamma_gamma_log_likelihood(&GammaGammaParams { p, q, v }, &customers)
        });
    }

    /// The fit as it would be without distinct spends: the per-customer
    /// likelihood and gradient over the repeat buyers, searched the same
    /// way.
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
        let minimum = GRADIENT_SEARCH.minimise(
            |log: &[f64; 3]| {
                let params = from_logs(log);
                let GammaGammaParams { p, q, v } = params;
                let found = value_and_gradient_per_customer(&params, &scaled);
                mean_negative([p, q, v], found, count)
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
