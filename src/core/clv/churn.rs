//! Churn risk and the customer's own purchase rhythm, as plain numbers for
//! the interface to put into words ("buys about every 5 weeks; 3 of those
//! gaps have passed since the last purchase").

use serde::{Deserialize, Serialize};

use super::bgnbd::{probability_alive, BgNbdParams};
use super::observation::Observation;

/// How likely the customer has stopped buying, and why it looks that way.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ChurnRisk {
    /// 1 − P(alive). 0 for a customer with no repeat purchase: BG/NBD lets a
    /// customer drop out only after a purchase, so one-time buyers are
    /// counted alive (their risk is really unknown).
    pub risk: f64,
    /// `None` without a measurable gap between purchases.
    pub rhythm: Option<PurchaseRhythm>,
}

/// The customer's own pace, in the observations' time unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PurchaseRhythm {
    /// Mean time between purchases: recency / frequency (x repeat purchases
    /// span t_x, so there are x gaps).
    pub mean_interval: f64,
    /// Gaps of that length since the last purchase: (T − t_x) / interval.
    pub intervals_since_last: f64,
}

pub fn churn_risk(params: &BgNbdParams, customer: &Observation) -> ChurnRisk {
    ChurnRisk {
        risk: 1.0 - probability_alive(params, customer),
        rhythm: purchase_rhythm(customer),
    }
}

/// `None` when there is no repeat purchase, or all purchases fell at the
/// same time (no gap to measure).
pub fn purchase_rhythm(customer: &Observation) -> Option<PurchaseRhythm> {
    if customer.frequency <= 0.0 {
        return None;
    }
    let mean_interval = customer.recency / customer.frequency;
    let intervals_since_last = (customer.age - customer.recency) / mean_interval;
    (mean_interval > 0.0 && mean_interval.is_finite() && intervals_since_last.is_finite())
        .then_some(PurchaseRhythm {
            mean_interval,
            intervals_since_last,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::clv::test_support::{customer, CDNOW};

    #[test]
    fn rhythm_by_hand() {
        // 4 repeat purchases over 20 weeks: one every 5 weeks; 30 − 20 = 10
        // weeks since the last, i.e. 2 gaps.
        let c = customer(4.0, 20.0, 30.0);
        assert_eq!(
            purchase_rhythm(&c),
            Some(PurchaseRhythm {
                mean_interval: 5.0,
                intervals_since_last: 2.0
            })
        );
        let risk = churn_risk(&CDNOW, &c);
        assert!((risk.risk - (1.0 - probability_alive(&CDNOW, &c))).abs() < 1e-15);
    }

    #[test]
    fn no_gap_no_rhythm() {
        assert_eq!(purchase_rhythm(&customer(0.0, 0.0, 30.0)), None);
        assert_eq!(purchase_rhythm(&customer(2.0, 0.0, 30.0)), None);
        let one_time = churn_risk(&CDNOW, &customer(0.0, 0.0, 30.0));
        assert_eq!(one_time.risk, 0.0);
        assert_eq!(one_time.rhythm, None);
    }

    #[test]
    fn the_longer_the_silence_the_higher_the_risk() {
        let recent = churn_risk(&CDNOW, &customer(4.0, 28.0, 30.0)).risk;
        let silent = churn_risk(&CDNOW, &customer(4.0, 8.0, 30.0)).risk;
        assert!(silent > recent, "{silent} vs {recent}");
    }
}
