//! Per-customer behaviour up to an as-of day: the buy-till-you-die figures
//! exactly as `lifetimes`' `summary_data_from_transaction_data` computes
//! them (days or weeks), and the plain historical figures beside them.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::history::{History, Purchases};
use super::period::TimeUnit;
use super::{Transaction, TransactionLog};

/// The observation period and the unit of the BTYD figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryOptions {
    /// The last day observed (lifetimes' `observation_period_end`): lines
    /// in a later period are left out; T is counted up to its period.
    pub as_of: i32,
    #[serde(default)]
    pub unit: TimeUnit,
}

/// The as-of day to use when the user has not chosen one: the day after the
/// last line of the log, so every line is inside the observation period and
/// a customer who first bought on the last day has been watched for a day
/// (T > 0) rather than not at all. `None` for an empty log.
pub fn default_as_of(log: &TransactionLog) -> Option<i32> {
    log.last_day().map(|day| day.saturating_add(1))
}

/// One customer's behaviour up to the as-of day.
///
/// Returns and cancellations are not purchases (see `customers::returns`):
/// every figure but the `returns*` ones is over purchase lines only, and
/// `monetary`, `total_spend` and `average_order_value` are gross. Gross
/// because the BTYD spend model (Gamma-Gamma) describes what a purchase is
/// worth, and a return lands in a later period than the purchase it undoes,
/// so netting it would lower an unrelated period (even below zero);
/// `net_spend` gives the net figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerSummary {
    pub customer: String,
    /// First and last purchase days.
    pub first_day: i32,
    pub last_day: i32,
    /// Repeat purchase periods: purchase periods (days or weeks with a
    /// purchase) − 1.
    pub frequency: u64,
    /// Periods from the first to the last purchase period.
    pub recency: f64,
    /// Periods from the first purchase period to the as-of period.
    pub t: f64,
    /// Mean value of the repeat purchase periods (each period's lines
    /// summed, the first period left out); 0 without a repeat.
    pub monetary: f64,
    /// Orders: distinct invoice ids with a purchase line, plus purchase lines
    /// without an invoice id (every line is an order without an invoice column).
    pub orders: u64,
    /// Purchase lines (rows).
    pub purchase_lines: u64,
    /// Sum of the purchase lines' values.
    pub total_spend: f64,
    /// `total_spend / orders`.
    pub average_order_value: f64,
    /// Days from the first purchase to the as-of day. With weeks, lifetimes
    /// keeps the whole as-of week, so a customer first seen after the as-of
    /// day in that week has a negative tenure.
    pub tenure_days: i32,
    /// Mean days between distinct purchase days; `None` with one purchase day.
    pub mean_interval_days: Option<f64>,
    /// Return orders (distinct invoice ids with a return line, plus return
    /// lines without one), return lines, and the money given back (positive).
    pub returns: u64,
    pub return_lines: u64,
    pub returned_value: f64,
    /// `total_spend − returned_value`.
    pub net_spend: f64,
}

/// A customer with returns in the period but no purchase: no BTYD figures
/// exist for them (often a return of something bought before the log starts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnsOnlyCustomer {
    pub customer: String,
    pub returns: u64,
    pub return_lines: u64,
    pub returned_value: f64,
}

/// Every customer with a line in the observation period, ordered by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerSummaries {
    /// Customers with at least one purchase.
    pub buyers: Vec<CustomerSummary>,
    /// Customers with returns only.
    pub returns_only: Vec<ReturnsOnlyCustomer>,
}

/// Summarise every customer of the log up to `options.as_of`.
pub fn summarise_customers(log: &TransactionLog, options: SummaryOptions) -> CustomerSummaries {
    let unit = options.unit;
    let last_period = unit.period_of(options.as_of);
    let lines = lines_by_customer_and_day(&log.transactions);
    let mut summaries = CustomerSummaries::default();
    let mut history = History::default();
    let mut current: Option<u32> = None;
    for line in lines
        .iter()
        .filter(|t| unit.period_of(t.day) <= last_period)
    {
        if current != Some(line.customer) {
            if let Some(customer) = current {
                finish(log, customer, &history, options, &mut summaries);
            }
            history.clear();
            current = Some(line.customer);
        }
        history.add(line, unit);
    }
    if let Some(customer) = current {
        finish(log, customer, &history, options, &mut summaries);
    }
    summaries
}

/// The log's lines sorted by customer then day, borrowed when they already
/// are (as `transactions_from_table` leaves them).
fn lines_by_customer_and_day(lines: &[Transaction]) -> Cow<'_, [Transaction]> {
    let key = |t: &Transaction| (t.customer, t.day);
    if lines.is_sorted_by_key(key) {
        Cow::Borrowed(lines)
    } else {
        let mut sorted = lines.to_vec();
        sorted.sort_by_key(key);
        Cow::Owned(sorted)
    }
}

/// Add one customer's summary. A line whose customer index is not in the
/// log (a hand-built log) has no id to report under and is left out.
fn finish(
    log: &TransactionLog,
    customer: u32,
    history: &History,
    options: SummaryOptions,
    summaries: &mut CustomerSummaries,
) {
    let Some(id) = log.customer_id(customer) else {
        return;
    };
    match &history.purchases {
        Some(purchases) => summaries
            .buyers
            .push(buyer(id, purchases, history, options)),
        None => summaries.returns_only.push(ReturnsOnlyCustomer {
            customer: id.to_string(),
            returns: history.returns.count(),
            return_lines: history.return_lines,
            returned_value: history.returned_value,
        }),
    }
}

fn buyer(
    id: &str,
    purchases: &Purchases,
    history: &History,
    options: SummaryOptions,
) -> CustomerSummary {
    let as_of_period = options.unit.period_of(options.as_of);
    let orders = purchases.orders.count();
    CustomerSummary {
        customer: id.to_string(),
        first_day: purchases.first_day,
        last_day: purchases.last_day,
        frequency: purchases.periods.saturating_sub(1),
        recency: f64::from(purchases.last_period) - f64::from(purchases.first_period),
        t: f64::from(as_of_period) - f64::from(purchases.first_period),
        monetary: purchases.monetary(),
        orders,
        purchase_lines: purchases.lines,
        total_spend: purchases.total,
        average_order_value: if orders == 0 {
            0.0
        } else {
            purchases.total / orders as f64
        },
        tenure_days: options.as_of.saturating_sub(purchases.first_day),
        mean_interval_days: purchases.mean_interval_days(),
        returns: history.returns.count(),
        return_lines: history.return_lines,
        returned_value: history.returned_value,
        net_spend: purchases.total - history.returned_value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::day_number;
    use crate::core::customers::{transactions_from_table, TransactionColumns};
    use crate::core::table::Table;

    fn day(y: i32, m: u32, d: u32) -> i32 {
        day_number(y, m, d).unwrap_or(i32::MIN)
    }

    /// A log from (customer, ISO date, value, invoice) rows.
    fn log(rows: &[[&str; 4]]) -> TransactionLog {
        let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        let t = Table::from_rows(&["customer", "date", "value", "invoice"], &rows);
        transactions_from_table(
            &t,
            TransactionColumns {
                customer: 0,
                date: 1,
                value: Some(2),
                invoice: Some(3),
                ..TransactionColumns::default()
            },
        )
        .unwrap_or_default()
    }

    fn days(as_of: i32) -> SummaryOptions {
        SummaryOptions {
            as_of,
            unit: TimeUnit::Days,
        }
    }

    fn weeks(as_of: i32) -> SummaryOptions {
        SummaryOptions {
            as_of,
            unit: TimeUnit::Weeks,
        }
    }

    #[test]
    fn same_day_purchases_are_one_period_and_the_first_is_not_repeat() {
        let log = log(&[
            ["a", "2024-01-01", "10", "1"],
            ["a", "2024-01-01", "5", "2"],
            ["a", "2024-01-08", "20", "3"],
            ["a", "2024-01-31", "40", "4"],
            ["a", "2024-01-31", "2", "4"],
            ["b", "2024-01-11", "3", "5"],
            ["a", "2024-04-09", "1", "6"],
        ]);
        let found = summarise_customers(&log, days(day(2024, 2, 10)));
        assert!(found.returns_only.is_empty());
        let [a, b] = found.buyers.as_slice() else {
            panic!("two buyers: {found:?}");
        };
        assert_eq!(a.customer, "a");
        assert_eq!(
            (a.first_day, a.last_day),
            (day(2024, 1, 1), day(2024, 1, 31))
        );
        assert_eq!((a.frequency, a.recency, a.t), (2, 30.0, 40.0));
        assert_eq!(a.monetary, 31.0); // (20 + (40 + 2)) / 2
        assert_eq!((a.orders, a.purchase_lines, a.total_spend), (4, 5, 77.0));
        assert_eq!(a.average_order_value, 19.25);
        assert_eq!(a.tenure_days, 40);
        assert_eq!(a.mean_interval_days, Some(15.0)); // 30 days, 2 gaps
        assert_eq!((a.returns, a.returned_value, a.net_spend), (0, 0.0, 77.0));
        assert_eq!(
            (
                b.frequency,
                b.recency,
                b.t,
                b.monetary,
                b.mean_interval_days
            ),
            (0, 0.0, 30.0, 0.0, None)
        );
    }

    #[test]
    fn returns_are_reported_beside_the_purchases_not_in_them() {
        let log = log(&[
            ["a", "2024-01-01", "10", "1"],
            ["a", "2024-01-02", "30", "2"],
            ["a", "2024-01-02", "2", "2"],
            ["a", "2024-01-03", "-10", "C3"],
            ["a", "2024-01-03", "-1", "C3"],
            ["a", "2024-01-04", "-5", ""],
            ["r", "2024-01-02", "4", "C9"],
        ]);
        let found = summarise_customers(&log, days(day(2024, 1, 5)));
        let [a] = found.buyers.as_slice() else {
            panic!("one buyer: {found:?}");
        };
        // Purchases only: two purchase days, the 3rd and 4th are returns.
        assert_eq!(
            (a.frequency, a.recency, a.t, a.monetary),
            (1, 1.0, 4.0, 32.0)
        );
        assert_eq!(
            (a.orders, a.total_spend, a.average_order_value),
            (2, 42.0, 21.0)
        );
        // C3 (two lines) and a line without an invoice: two return orders.
        assert_eq!((a.returns, a.return_lines, a.returned_value), (2, 3, 16.0));
        assert_eq!(a.net_spend, 26.0);
        // A C invoice is a cancellation whatever the sign of its value.
        assert_eq!(
            found.returns_only,
            [ReturnsOnlyCustomer {
                customer: "r".into(),
                returns: 1,
                return_lines: 1,
                returned_value: 4.0
            }]
        );
    }

    #[test]
    fn lines_after_the_as_of_day_are_left_out() {
        let log = log(&[
            ["a", "2024-01-01", "1", ""],
            ["a", "2024-01-10", "2", ""],
            ["a", "2024-01-11", "-2", ""],
            ["late", "2024-01-11", "9", ""],
        ]);
        let found = summarise_customers(&log, days(day(2024, 1, 10)));
        let [a] = found.buyers.as_slice() else {
            panic!("only a: {found:?}");
        };
        assert_eq!(
            (a.frequency, a.recency, a.t, a.monetary),
            (1, 9.0, 9.0, 2.0)
        );
        assert_eq!(a.returns, 0);
        assert!(found.returns_only.is_empty());
    }

    #[test]
    fn weeks_group_by_monday_to_sunday_across_the_new_year() {
        // Mon 2024-12-30 … Sun 2025-01-05 is one week; Mon 2025-01-06 the next.
        let log = log(&[
            ["a", "2024-12-23", "1", ""],
            ["a", "2024-12-31", "2", ""],
            ["a", "2025-01-05", "3", ""],
            ["a", "2025-01-06", "4", ""],
            ["a", "2025-01-20", "8", ""],
        ]);
        let found = summarise_customers(&log, weeks(day(2025, 1, 21)));
        let [a] = found.buyers.as_slice() else {
            panic!("one buyer: {found:?}");
        };
        assert_eq!((a.frequency, a.recency, a.t), (3, 4.0, 4.0));
        assert_eq!(a.monetary, (5.0 + 4.0 + 8.0) / 3.0);
        // Plain figures stay in days.
        assert_eq!(a.tenure_days, 29);
        assert_eq!(a.mean_interval_days, Some(28.0 / 4.0));
    }

    #[test]
    fn weeks_keep_the_whole_as_of_week_as_lifetimes_does() {
        // As of Tuesday 2025-01-07: Thursday's purchase is in the same week,
        // so lifetimes keeps it; the next Monday's is dropped.
        let log = log(&[
            ["a", "2024-12-31", "2", ""],
            ["a", "2025-01-09", "5", ""],
            ["a", "2025-01-13", "7", ""],
            ["new", "2025-01-09", "1", ""],
        ]);
        let found = summarise_customers(&log, weeks(day(2025, 1, 7)));
        let [a, new] = found.buyers.as_slice() else {
            panic!("two buyers: {found:?}");
        };
        assert_eq!(
            (a.frequency, a.recency, a.t, a.monetary),
            (1, 1.0, 1.0, 5.0)
        );
        assert_eq!((new.frequency, new.t, new.tenure_days), (0, 0.0, -2));
    }

    #[test]
    fn an_empty_log_has_no_customers_and_no_default_day() {
        let empty = TransactionLog::default();
        assert_eq!(default_as_of(&empty), None);
        assert_eq!(
            summarise_customers(&empty, days(0)),
            CustomerSummaries::default()
        );
    }

    #[test]
    fn an_all_orphan_log_has_no_customers() {
        let log = log(&[
            ["", "2024-01-01", "5", "1"],
            [" ", "2024-01-02", "-1", "C2"],
        ]);
        assert_eq!(log.report.orphans.count, 2);
        assert_eq!(log.report.orphan_value, 4.0);
        assert_eq!(default_as_of(&log), None);
        assert_eq!(
            summarise_customers(&log, days(day(2024, 2, 1))),
            CustomerSummaries::default()
        );
    }

    #[test]
    fn the_default_as_of_day_is_the_day_after_the_last_line() {
        let log = log(&[["a", "2024-01-01", "5", ""], ["b", "2024-03-01", "-5", ""]]);
        assert_eq!(default_as_of(&log), Some(day(2024, 3, 2)));
    }

    #[test]
    fn an_unsorted_hand_built_log_is_sorted_before_summarising() {
        let line = |customer, day, value| Transaction {
            customer,
            day,
            value,
            order: None,
            is_return: false,
        };
        let log = TransactionLog {
            customers: vec!["x".into(), "y".into()],
            transactions: vec![
                line(1, 5, 1.0),
                line(0, 9, 2.0),
                line(0, 3, 4.0),
                line(7, 1, 1.0),
            ],
            report: Default::default(),
            date_order: None,
        };
        let found = summarise_customers(&log, days(10));
        let ids: Vec<_> = found
            .buyers
            .iter()
            .map(|s| (s.customer.as_str(), s.first_day))
            .collect();
        // Index 7 has no id: left out.
        assert_eq!(ids, [("x", 3), ("y", 5)]);
    }
}
