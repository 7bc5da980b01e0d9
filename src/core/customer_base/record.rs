//! One customer as the customers table shows it: every figure flat, so the
//! table can sort and filter by any of them.

use serde::{Deserialize, Serialize};

/// A customer's figures up to the as-of day. Days are `core::calendar`
/// day numbers; BTYD figures (`frequency`, `recency`, `age`) are in the
/// base's time unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerRecord {
    pub id: String,
    pub first_day: i32,
    pub last_day: i32,
    /// Orders (invoices, or transactions when there is no invoice column).
    pub orders: u64,
    /// Sum of the purchases' values, returns excluded.
    pub total: f64,
    pub average_order: f64,
    /// Repeat purchase periods (BTYD x).
    pub frequency: f64,
    /// First to last purchase period (BTYD t_x).
    pub recency: f64,
    /// First purchase period to the as-of day (BTYD T).
    pub age: f64,
    /// Mean value of the repeat purchase periods (BTYD monetary).
    pub monetary: f64,
    pub days_since_last: i32,
    /// Mean days between distinct purchase days; `None` with one.
    pub mean_interval_days: Option<f64>,
    pub returns: u64,
    pub returned_value: f64,
    /// Probability the customer is still active (BG/NBD), when fitted.
    pub p_alive: Option<f64>,
    /// Purchases expected over the prediction horizon (BG/NBD).
    pub expected_purchases: Option<f64>,
    /// Discounted value over the prediction horizon (BG/NBD + Gamma-Gamma).
    pub predicted_value: Option<f64>,
}

impl CustomerRecord {
    /// How many of the customer's own purchase intervals have passed since
    /// the last purchase: above ~2 the customer is late by their own rhythm.
    pub fn intervals_overdue(&self) -> Option<f64> {
        self.mean_interval_days
            .filter(|i| *i > 0.0)
            .map(|interval| f64::from(self.days_since_last) / interval)
    }

    /// 1 − P(alive), when the model was fitted.
    pub fn churn_risk(&self) -> Option<f64> {
        self.p_alive.map(|p| 1.0 - p)
    }
}

#[cfg(test)]
impl CustomerRecord {
    /// A customer with the figures RFM and personas read, the rest zero.
    pub fn for_test(id: &str, days_since_last: i32, orders: u64, total: f64) -> CustomerRecord {
        CustomerRecord {
            id: id.into(),
            first_day: 0,
            last_day: 0,
            orders,
            total,
            average_order: total / orders as f64,
            frequency: 0.0,
            recency: 0.0,
            age: 0.0,
            monetary: 0.0,
            days_since_last,
            mean_interval_days: None,
            returns: 0,
            returned_value: 0.0,
            p_alive: None,
            expected_purchases: None,
            predicted_value: None,
        }
    }
}
