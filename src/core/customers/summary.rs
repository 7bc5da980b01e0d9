//! Per-customer purchase history, as `lifetimes`'
//! `summary_data_from_transaction_data(freq="D")` defines it, plus totals.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Transaction;

/// One customer's history up to the as-of day.
///
/// BTYD figures (in days): transactions on the same day count as one
/// purchase day; `frequency` = purchase days − 1 (repeat purchases);
/// `recency` = last − first purchase day; `t` = as-of − first purchase day;
/// `monetary` = the mean value of the repeat purchase days (the first day
/// left out), 0 when there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerSummary {
    pub customer: String,
    pub first_day: i32,
    pub last_day: i32,
    pub frequency: u64,
    pub recency: f64,
    pub t: f64,
    pub monetary: f64,
    /// Every transaction up to the as-of day.
    pub transactions: u64,
    /// Sum of all values (the first day included).
    pub total: f64,
}

impl CustomerSummary {
    /// Total per transaction.
    pub fn average_order(&self) -> f64 {
        if self.transactions == 0 {
            0.0
        } else {
            self.total / self.transactions as f64
        }
    }
}

/// Summaries of every customer with a transaction on or before `as_of`,
/// ordered by customer id. Later transactions are ignored.
pub fn summarise_customers(transactions: &[Transaction], as_of: i32) -> Vec<CustomerSummary> {
    // customer → day → (value, transactions that day)
    let mut days: BTreeMap<&str, BTreeMap<i32, (f64, u64)>> = BTreeMap::new();
    for t in transactions.iter().filter(|t| t.day <= as_of) {
        let day = days
            .entry(&t.customer)
            .or_default()
            .entry(t.day)
            .or_insert((0.0, 0));
        day.0 += t.value;
        day.1 += 1;
    }
    days.into_iter()
        .filter_map(|(customer, by_day)| {
            let (&first_day, _) = by_day.iter().next()?;
            let (&last_day, _) = by_day.iter().next_back()?;
            let repeat: Vec<f64> = by_day.values().skip(1).map(|(v, _)| *v).collect();
            let monetary = if repeat.is_empty() {
                0.0
            } else {
                repeat.iter().sum::<f64>() / repeat.len() as f64
            };
            Some(CustomerSummary {
                customer: customer.to_string(),
                first_day,
                last_day,
                frequency: repeat.len() as u64,
                recency: f64::from(last_day - first_day),
                t: f64::from(as_of - first_day),
                monetary,
                transactions: by_day.values().map(|(_, n)| n).sum(),
                total: by_day.values().map(|(v, _)| v).sum(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(customer: &str, day: i32, value: f64) -> Transaction {
        Transaction {
            customer: customer.into(),
            day,
            value,
        }
    }

    #[test]
    fn same_day_purchases_are_one_and_the_first_day_is_not_repeat() {
        let log = [
            t("a", 0, 10.0),
            t("a", 0, 5.0),
            t("a", 7, 20.0),
            t("a", 30, 40.0),
            t("b", 10, 3.0),
            t("a", 99, 1.0),
        ];
        let found = summarise_customers(&log, 40);
        assert_eq!(found.len(), 2);
        let a = &found[0];
        assert_eq!((a.frequency, a.recency, a.t), (2, 30.0, 40.0));
        assert_eq!(a.monetary, 30.0); // (20 + 40) / 2
        assert_eq!((a.transactions, a.total), (4, 75.0));
        assert_eq!(a.average_order(), 18.75);
        let b = &found[1];
        assert_eq!(
            (b.frequency, b.recency, b.t, b.monetary),
            (0, 0.0, 30.0, 0.0)
        );
    }
}
