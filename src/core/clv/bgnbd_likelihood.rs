//! The BG/NBD log-likelihood, in the numerically stable form of Fader,
//! Hardie & Lee's note 004 (ln A₁…A₄, the last two combined by
//! log-sum-exp): per customer, and over distinct histories for the fit,
//! with its gradient for the fit's search.
//!
//! Both go through [`customer_term`] with the same cached pieces, so they
//! give the same bits: a piece that depends only on x (or only on T, or
//! only on t_x) is the same number whether it is computed per customer or
//! once, and the terms are summed in customer order either way.

use super::bgnbd::BgNbdParams;
use super::distinct::Distinct;
use super::observation::Observation;
use super::special::{digamma, ln_gamma};

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
        let pieces = Pieces::of(self, params);
        let terms: Vec<f64> = self
            .each_history(&pieces)
            .map(|(by_x, age, recency)| customer_term(&by_x.value, age.ln, recency.ln))
            .collect();
        self.customers.sum_in_order(&terms)
    }

    /// The log-likelihood (the same bits as [`Self::log_likelihood`]) and
    /// its partial derivatives in r, α, a and b: the terms and their slopes
    /// summed in customer order, as [`value_and_gradient_per_customer`]
    /// sums them.
    pub fn value_and_gradient(&self, params: &BgNbdParams) -> (f64, [f64; 4]) {
        let pieces = Pieces::of(self, params);
        let terms: Vec<[f64; 5]> = self
            .each_history(&pieces)
            .map(|(by_x, age, recency)| term_and_slopes(by_x, age, recency))
            .collect();
        let [value, r, alpha, a, b] = self.customers.sum_each_in_order(&terms);
        (value, [r, alpha, a, b])
    }

    /// Each distinct history's cached pieces, in the order of its keys.
    fn each_history<'p>(
        &'p self,
        pieces: &'p Pieces,
    ) -> impl Iterator<Item = (&'p FrequencyPieces, &'p TimePieces, &'p TimePieces)> + 'p {
        self.frequencies
            .key_indices()
            .iter()
            .zip(self.recencies.key_indices())
            .zip(self.ages.key_indices())
            .filter_map(|((&x, &recency), &age)| {
                // Always all three: the indices come from these lists.
                Some((
                    pieces.by_x.get(x)?,
                    pieces.by_age.get(age)?,
                    pieces.by_recency.get(recency)?,
                ))
            })
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

/// Per-customer [`PurchaseHistories::value_and_gradient`]: each customer's
/// term and slopes from its own pieces, summed in customer order.
#[cfg(test)]
pub(super) fn value_and_gradient_per_customer(
    params: &BgNbdParams,
    customers: &[Observation],
) -> (f64, [f64; 4]) {
    let shared = shared_term(params);
    let terms: Vec<[f64; 5]> = customers
        .iter()
        .map(|c| {
            let by_x = FrequencyPieces::new(params, shared, c.frequency);
            let age = TimePieces::new(params.alpha + c.age);
            let recency = TimePieces::new(c.recency + params.alpha);
            term_and_slopes(&by_x, &age, &recency)
        })
        .collect();
    let [value, r, alpha, a, b] = super::distinct::sum_each(terms.iter());
    (value, [r, alpha, a, b])
}

/// Everything an evaluation computes once per distinct x, T or t_x.
struct Pieces {
    by_x: Vec<FrequencyPieces>,
    by_age: Vec<TimePieces>,
    by_recency: Vec<TimePieces>,
}

impl Pieces {
    fn of(histories: &PurchaseHistories, params: &BgNbdParams) -> Self {
        let shared = shared_term(params);
        Pieces {
            by_x: values(&histories.frequencies)
                .map(|x| FrequencyPieces::new(params, shared, x))
                .collect(),
            by_age: values(&histories.ages)
                .map(|age| TimePieces::new(params.alpha + age))
                .collect(),
            by_recency: values(&histories.recencies)
                .map(|recency| TimePieces::new(recency + params.alpha))
                .collect(),
        }
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

/// [`ByFrequency`] with the slopes of the head in (r, α, a, b) and of the
/// dropout log-odds in (a, b), for the gradient.
#[derive(Debug, Clone, Copy)]
struct FrequencyPieces {
    value: ByFrequency,
    head_slopes: [f64; 4],
    /// ∂ ln_dropout / ∂(a, b): 1/a and −1/(b + x − 1); zeros when x = 0.
    dropout_slopes: [f64; 2],
}

impl FrequencyPieces {
    fn new(params: &BgNbdParams, shared: f64, x: f64) -> Self {
        let BgNbdParams { r, alpha, a, b } = *params;
        let value = ByFrequency::new(params, shared, x);
        // ∂/∂(r, α, a, b) of −ln Γ(r) + r ln α + ln Γ(a+b) − ln Γ(b)
        // + ln Γ(r+x) + ln Γ(b+x) − ln Γ(a+b+x).
        let (psi_ab, psi_abx) = (digamma(a + b), digamma(a + b + x));
        let head_slopes = [
            digamma(r + x) - digamma(r) + alpha.ln(),
            r / alpha,
            psi_ab - psi_abx,
            psi_ab - digamma(b) + digamma(b + x) - psi_abx,
        ];
        let dropout_slopes = if value.repeat_buyer {
            [1.0 / a, -1.0 / (b + x - 1.0)]
        } else {
            [0.0; 2]
        };
        FrequencyPieces {
            value,
            head_slopes,
            dropout_slopes,
        }
    }
}

/// ln and 1/ of α + T (or of t_x + α).
#[derive(Debug, Clone, Copy)]
struct TimePieces {
    ln: f64,
    inverse: f64,
}

impl TimePieces {
    fn new(sum: f64) -> Self {
        TimePieces {
            ln: sum.ln(),
            inverse: 1.0 / sum,
        }
    }
}

/// The part of a customer's term after the head: ln(A₃ + A₄), with the
/// share of A₄ (the dropped-out branch) in it.
#[derive(Debug, Clone, Copy)]
struct Tail {
    value: f64,
    dropout_share: f64,
}

fn tail(by_x: &ByFrequency, ln_alpha_age: f64, ln_alpha_recency: f64) -> Tail {
    let a3 = -by_x.r_plus_x * ln_alpha_age;
    if !by_x.repeat_buyer {
        return Tail {
            value: a3,
            dropout_share: 0.0,
        };
    }
    let a4 = by_x.ln_dropout - by_x.r_plus_x * ln_alpha_recency;
    // log-sum-exp, shifted by the larger so neither exponential overflows.
    let high = a3.max(a4);
    if high == f64::NEG_INFINITY {
        return Tail {
            value: high,
            dropout_share: 0.0,
        };
    }
    let (e3, e4) = ((a3 - high).exp(), (a4 - high).exp());
    Tail {
        value: high + (e3 + e4).ln(),
        dropout_share: e4 / (e3 + e4),
    }
}

/// One customer's log-likelihood from its cached pieces: ln(α + T) and
/// ln(t_x + α).
fn customer_term(by_x: &ByFrequency, ln_alpha_age: f64, ln_alpha_recency: f64) -> f64 {
    by_x.head + tail(by_x, ln_alpha_age, ln_alpha_recency).value
}

/// One customer's term (the same bits as [`customer_term`]) and its slopes
/// in (r, α, a, b). With w the dropped-out share of the tail, the tail's
/// slopes are those of −(r+x)·((1−w) ln(α+T) + w ln(α+t_x)) + w·ln_dropout.
fn term_and_slopes(by_x: &FrequencyPieces, age: &TimePieces, recency: &TimePieces) -> [f64; 5] {
    let tail = tail(&by_x.value, age.ln, recency.ln);
    let (w, r_plus_x) = (tail.dropout_share, by_x.value.r_plus_x);
    let [head_r, head_alpha, head_a, head_b] = by_x.head_slopes;
    let [dropout_a, dropout_b] = by_x.dropout_slopes;
    [
        by_x.value.head + tail.value,
        head_r - ((1.0 - w) * age.ln + w * recency.ln),
        head_alpha - r_plus_x * ((1.0 - w) * age.inverse + w * recency.inverse),
        head_a + w * dropout_a,
        head_b + w * dropout_b,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::bgnbd::from_logs;
    use crate::core::clv::fit::{mean_negative, GRADIENT_SEARCH};
    use crate::core::clv::fit_bgnbd;
    use crate::core::clv::test_support::{assert_slopes, cdnow_summary, many_alike, CDNOW};

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

    #[test]
    fn the_gradient_is_the_slope_of_the_likelihood() {
        let customers = many_alike(2_000);
        let histories = PurchaseHistories::of(&customers);
        let at = BgNbdParams {
            r: 0.4,
            alpha: 3.0,
            a: 0.8,
            b: 2.5,
        };
        let (value, gradient) = histories.value_and_gradient(&at);
        assert_eq!(
            value.to_bits(),
            bgnbd_log_likelihood(&at, &customers).to_bits()
        );
        let (per_customer, per_customer_gradient) =
            value_and_gradient_per_customer(&at, &customers);
        assert_eq!(value.to_bits(), per_customer.to_bits());
        assert_eq!(
            gradient.map(f64::to_bits),
            per_customer_gradient.map(f64::to_bits)
        );
        assert_slopes([at.r, at.alpha, at.a, at.b], gradient, |[r, alpha, a, b]| {
            bgnbd_log_likelihood(&BgNbdParams { r, alpha, a, b }, &customers)
        });
    }

    /// The fit as it would be without distinct histories: the per-customer
    /// likelihood and gradient, searched the same way.
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
        let minimum = GRADIENT_SEARCH.minimise(
            |log: &[f64; 4]| {
                let params = from_logs(log);
                let BgNbdParams { r, alpha, a, b } = params;
                let found = value_and_gradient_per_customer(&params, &scaled);
                mean_negative([r, alpha, a, b], found, count)
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
