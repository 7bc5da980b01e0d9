//! The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your
//! customers the easy way"): while alive, a customer buys as a Poisson
//! process with a Gamma(r, α)-distributed rate; after each purchase they
//! drop out with a Beta(a, b)-distributed probability. Formulas as in
//! `lifetimes` 0.11.3's `BetaGeoFitter`.

use serde::{Deserialize, Serialize};

use super::bgnbd_likelihood::PurchaseHistories;
use super::fit::{mean_negative, Fit, GRADIENT_SEARCH};
use super::observation::{check_all, Observation};
use super::special::ln_hyp2f1;
use crate::core::pause::{finish_now, NoPause, Pause, Phase};

/// BG/NBD parameters; α is in the caller's time unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BgNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// Maximum-likelihood BG/NBD parameters for these customers. Time is scaled
/// so the oldest customer's age is 1 during the search (as lifetimes does),
/// which keeps α near the other parameters whatever the time unit.
pub fn fit_bgnbd(customers: &[Observation]) -> Result<Fit<BgNbdParams>, super::FitError> {
    let Ok(fit) = finish_now(fit_bgnbd_pausing(customers, &mut NoPause));
    fit
}

/// [`fit_bgnbd`], reaching `pause` after each iteration of the search.
pub async fn fit_bgnbd_pausing<P: Pause>(
    customers: &[Observation],
    pause: &mut P,
) -> Result<Result<Fit<BgNbdParams>, super::FitError>, P::Stop> {
    if let Err(error) = check_all(customers, Observation::purchase_problem) {
        return Ok(Err(error));
    }
    // Each distinct (x, t_x, T) once per evaluation; the same sum.
    let histories = PurchaseHistories::of(customers);
    let oldest = histories.oldest();
    let scale = if oldest > 0.0 { 1.0 / oldest } else { 1.0 };
    let scaled = histories.scaled(scale);
    let count = customers.len() as f64;
    let minimum = GRADIENT_SEARCH
        .minimise_pausing(
            |log: &[f64; 4]| {
                let params = from_logs(log);
                let BgNbdParams { r, alpha, a, b } = params;
                mean_negative([r, alpha, a, b], scaled.value_and_gradient(&params), count)
            },
            [0.0; 4],
            pause,
            Phase::FittingPurchases,
        )
        .await?;
    let found = from_logs(&minimum.point);
    let params = BgNbdParams {
        alpha: found.alpha / scale,
        ..found
    };
    let log_likelihood = histories.log_likelihood(&params);
    Ok(Ok(Fit::judged(
        params,
        log_likelihood,
        minimum.iterations,
        minimum.converged,
        &[found.r, found.alpha, found.a, found.b],
        &[params.alpha, log_likelihood],
    )))
}

pub(super) fn from_logs(log: &[f64; 4]) -> BgNbdParams {
    let [r, alpha, a, b] = log.map(f64::exp);
    BgNbdParams { r, alpha, a, b }
}

/// Expected number of repeat purchases in the next `t` time units for a
/// customer with this history (FHL 2005, equation 10). `None` when ₂F₁ does
/// not converge (a horizon thousands of times the customer's mean time
/// between purchases) or the figure is not finite (as for a NaN history).
pub fn conditional_expected_purchases(
    params: &BgNbdParams,
    t: f64,
    customer: &Observation,
) -> Option<f64> {
    if t == 0.0 {
        return Some(0.0);
    }
    let numerator = expected_purchases_numerator(params, t, customer.frequency, customer.age)?;
    expected_purchases_given(numerator, params, customer)
}

/// The numerator of [`conditional_expected_purchases`] (its ₂F₁ series,
/// the costly part), which depends on the history only through x and T:
/// customers who differ only in recency share it. `None` when ₂F₁ does not
/// converge. `t` is not 0.
pub(super) fn expected_purchases_numerator(
    params: &BgNbdParams,
    t: f64,
    x: f64,
    age: f64,
) -> Option<f64> {
    let BgNbdParams { r, alpha, a, b } = *params;
    let c = a + b + x - 1.0;
    let z = t / (alpha + age + t);
    let ln_hyp = ln_hyp2f1(r + x, b + x, c, z)?;
    let first = c / (a - 1.0);
    // 1 − ₂F₁·((α+T)/(α+T+t))^(r+x), with expm1 so small t keeps its digits.
    let second = -(ln_hyp - (r + x) * (t / (alpha + age)).ln_1p()).exp_m1();
    Some(first * second)
}

/// [`conditional_expected_purchases`] from its `numerator`
/// ([`expected_purchases_numerator`]): divided by the term that depends on
/// recency too, if finite.
pub(super) fn expected_purchases_given(
    numerator: f64,
    params: &BgNbdParams,
    customer: &Observation,
) -> Option<f64> {
    let BgNbdParams { r, alpha, a, b } = *params;
    let Observation {
        frequency: x,
        recency: t_x,
        age,
        ..
    } = *customer;
    let denominator = if x > 0.0 {
        1.0 + a / (b + x - 1.0) * ((alpha + age) / (alpha + t_x)).powf(r + x)
    } else {
        1.0
    };
    let expected = numerator / denominator;
    expected.is_finite().then_some(expected)
}

/// Probability that the customer is still alive (Fader, Hardie & Lee, note
/// 021). 1 for a customer with no repeat purchase: in BG/NBD a customer can
/// only drop out right after a purchase. Meaningful for a history that
/// [`Observation::purchase_problem`] accepts; NaN in gives NaN out.
pub fn probability_alive(params: &BgNbdParams, customer: &Observation) -> f64 {
    let BgNbdParams { r, alpha, a, b } = *params;
    let x = customer.frequency;
    if x == 0.0 {
        return 1.0;
    }
    let log_odds_dead = (r + x) * ((alpha + customer.age) / (alpha + customer.recency)).ln()
        + (a / (b + x - 1.0)).ln();
    logistic(-log_odds_dead)
}

/// 1 / (1 + e^(−v)), without overflow at either end.
fn logistic(v: f64) -> f64 {
    if v >= 0.0 {
        1.0 / (1.0 + (-v).exp())
    } else {
        let e = v.exp();
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clv::test_support::{customer, CDNOW};
    use crate::core::clv::{Field, FitError, HistoryProblem};

    #[test]
    fn a_customer_who_never_came_back_is_alive() {
        assert_eq!(probability_alive(&CDNOW, &customer(0.0, 0.0, 38.86)), 1.0);
    }

    #[test]
    fn p_alive_by_hand() {
        // x = 2, t_x = 30.43, T = 38.86:
        // odds dead = a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)
        let odds = 0.793 / 3.426 * ((4.414f64 + 38.86) / (4.414 + 30.43)).powf(2.243);
        let by_hand = 1.0 / (1.0 + odds);
        let ours = probability_alive(&CDNOW, &customer(2.0, 30.43, 38.86));
        assert!((ours - by_hand).abs() < 1e-15, "{ours} vs {by_hand}");
    }

    #[test]
    fn expected_purchases_of_a_new_customer_by_hand() {
        // x = 0, T = 0: the unconditional E[X(t)] = (a+b−1)/(a−1)·
        // (1 − ((α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t)))), FHL equation 9.
        let t = 39.0;
        let z = t / (4.414 + t);
        let hyp = crate::core::clv::hyp2f1(0.243, 2.426, 2.219, z).unwrap();
        let by_hand = 2.219 / (0.793 - 1.0) * (1.0 - (4.414 / (4.414 + t)).powf(0.243) * hyp);
        let ours = conditional_expected_purchases(&CDNOW, t, &customer(0.0, 0.0, 0.0)).unwrap();
        assert!(
            (ours - by_hand).abs() < 1e-12 * by_hand,
            "{ours} vs {by_hand}"
        );
        assert_eq!(
            conditional_expected_purchases(&CDNOW, 0.0, &customer(3.0, 5.0, 9.0)),
            Some(0.0)
        );
    }

    #[test]
    fn huge_histories_give_finite_predictions() {
        let big = customer(1e6, 9e8, 1e9);
        let p = probability_alive(&CDNOW, &big);
        assert!((0.0..=1.0).contains(&p));
        let e = conditional_expected_purchases(&CDNOW, 52.0, &big).unwrap();
        assert!(e.is_finite() && e >= 0.0, "{e}");
        // A frequent buyer who bought at the very end: the direct series
        // overflows, Euler's form does not. (At t_x = 38 they would be
        // dead: at 128 purchases a week, a silent 0.86 weeks is damning.)
        let frequent = customer(5_000.0, 38.86, 38.86);
        let e = conditional_expected_purchases(&CDNOW, 39.0, &frequent).unwrap();
        assert!(e > 1_000.0 && e.is_finite(), "{e}");
        assert!(probability_alive(&CDNOW, &frequent) > 0.99);
    }

    #[test]
    fn unusable_input_is_an_error_not_a_panic() {
        assert_eq!(fit_bgnbd(&[]), Err(FitError::NoCustomers));
        let none_back = vec![customer(0.0, 0.0, 10.0); 5];
        assert_eq!(fit_bgnbd(&none_back), Err(FitError::NoRepeatBuyers));
        let nan = [customer(1.0, 2.0, 10.0), customer(2.0, f64::NAN, 10.0)];
        assert_eq!(
            fit_bgnbd(&nan),
            Err(FitError::BadHistory {
                customer: 1,
                problem: HistoryProblem::NotFinite(Field::Recency)
            })
        );
        let late = [customer(1.0, 2.0, 10.0), customer(1.0, 12.0, 10.0)];
        assert_eq!(
            fit_bgnbd(&late),
            Err(FitError::BadHistory {
                customer: 1,
                problem: HistoryProblem::RecencyAfterAge
            })
        );
        // The spend is not the purchase model's business.
        let odd_spend = [Observation {
            monetary: f64::NAN,
            ..customer(1.0, 2.0, 10.0)
        }];
        assert!(fit_bgnbd(&odd_spend).is_ok());
    }

    #[test]
    fn huge_values_fit_without_panicking() {
        let customers = [
            customer(1e6, 9e8, 1e9),
            customer(0.0, 0.0, 1e300),
            customer(3.0, 1e-300, 1.0),
        ];
        let fit = fit_bgnbd(&customers).unwrap();
        // Whatever came out, it says honestly whether it is a maximum.
        assert_eq!(fit.converged, fit.problem.is_none());
        if fit.converged {
            assert!(fit.log_likelihood.is_finite());
        }
    }

    #[test]
    fn no_maximum_is_reported_as_such() {
        // Everyone bought 5 times at the same pace, the last time just now:
        // nobody has dropped out, so the likelihood keeps rising as the
        // dropout probability goes to 0 and the rates' spread to 0.
        let alike = vec![customer(5.0, 10.0, 10.0); 10];
        let fit = fit_bgnbd(&alike).unwrap();
        assert!(!fit.converged);
        assert_eq!(fit.problem, Some(crate::core::clv::FitProblem::AtBoundary));
    }
}
