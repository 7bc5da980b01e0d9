//! Building the customer base from a transaction log: the per-customer
//! figures of `core::customers`, and the predicted value and churn risk of
//! `core::clv` when its models fit.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::CustomerRecord;
use crate::core::clv::{
    fit_value_model_to, Horizon, Observation, TimeUnit as ModelUnit, ValueModel,
};
use crate::core::customers::{
    default_as_of, summarise_customers, transactions_from_table, ColumnsError, CustomerSummary,
    LogReport, SummaryOptions, TimeUnit, TransactionColumns,
};
use crate::core::schema::DateOrder;
use crate::core::table::Table;

/// The unit of the buy-till-you-die figures and of the models fitted to
/// them. Weeks, as Fader, Hardie & Lee fit CDNOW: a day-level fit on a
/// year of data is dominated by same-week repeat visits.
pub const BASE_UNIT: TimeUnit = TimeUnit::Weeks;

/// Why no customer base could be built.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum BaseError {
    /// The chosen columns cannot make a transaction log.
    Columns { problem: ColumnsError },
    /// No row had a customer, a readable date and a numeric value (or none
    /// is on or before the as-of day).
    NoTransactions {
        log: Box<LogReport>,
        after_as_of: usize,
    },
}

/// What the page is told about the base (never the customers themselves).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerBaseSummary {
    /// Customers with at least one purchase up to the as-of day.
    pub customers: usize,
    /// The last day observed (lines after it are left out of every figure).
    pub as_of: i32,
    pub first_day: i32,
    pub last_day: i32,
    /// What became of every row of the log, with row numbers.
    pub log: LogReport,
    /// Used lines dated after the as-of day.
    pub after_as_of: usize,
    /// Customers with returns but no purchase in the period: no figures.
    pub returns_only: usize,
    /// Purchase lines (rows) up to the as-of day, returns not counted.
    pub purchase_lines: u64,
    /// Sum of every customer's purchases (returns not deducted).
    pub total_value: f64,
    /// Customers who bought in more than one week.
    pub repeat_customers: usize,
    /// BG/NBD + Gamma-Gamma fitted on the customers in weeks, or why not.
    pub model: ValueModel,
    /// Repeat buyers left out of the spend model (repeat purchases worth
    /// nothing): they get no predicted value.
    pub spend_left_out: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CustomerBase {
    pub columns: TransactionColumns,
    /// How the log's dates were read (for re-reading one customer's rows).
    pub date_order: Option<DateOrder>,
    pub summary: CustomerBaseSummary,
    pub records: Vec<CustomerRecord>,
    by_id: FxHashMap<String, usize>,
}

impl CustomerBase {
    pub fn record(&self, id: &str) -> Option<&CustomerRecord> {
        self.by_id.get(id).and_then(|&i| self.records.get(i))
    }
}

/// Every customer of `table` read as a transaction log through `columns`,
/// as of day `as_of` (default: the day after the last transaction, as
/// the buy-till-you-die literature counts).
pub fn build_customer_base(
    table: &Table,
    columns: TransactionColumns,
    as_of: Option<i32>,
) -> Result<CustomerBase, BaseError> {
    let log = transactions_from_table(table, columns)
        .map_err(|problem| BaseError::Columns { problem })?;
    let Some(as_of) = as_of.or_else(|| default_as_of(&log)) else {
        return Err(no_transactions(log.report, 0));
    };
    let after_as_of = log.transactions.iter().filter(|t| t.day > as_of).count();
    let observed = log.transactions.iter().filter(|t| t.day <= as_of);
    let (Some(first_day), Some(last_day)) = (
        observed.clone().map(|t| t.day).min(),
        observed.map(|t| t.day).max(),
    ) else {
        return Err(no_transactions(log.report, after_as_of));
    };
    let summaries = summarise_customers(
        &log,
        SummaryOptions {
            as_of,
            unit: BASE_UNIT,
        },
    );
    if summaries.buyers.is_empty() {
        return Err(no_transactions(log.report, after_as_of));
    }
    let observations: Vec<Observation> = summaries.buyers.iter().map(observation).collect();
    let spenders: Vec<Observation> = observations
        .iter()
        .filter(|o| o.spend_problem().is_none())
        .copied()
        .collect();
    let model = fit_value_model_to(&observations, &spenders);
    let mut records: Vec<CustomerRecord> = summaries
        .buyers
        .iter()
        .zip(&observations)
        .map(|(s, o)| record_of(s, o, as_of))
        .collect();
    let horizon = Horizon::year(model_unit(BASE_UNIT));
    model.predict_each(&observations, &horizon, |i, prediction| {
        if let Some(record) = records.get_mut(i) {
            record.p_alive = prediction.p_alive;
            record.expected_purchases = prediction.expected_purchases;
            record.predicted_value = prediction.lifetime_value.ok();
        }
    });
    let by_id = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let summary = CustomerBaseSummary {
        customers: records.len(),
        as_of,
        first_day,
        last_day,
        log: log.report,
        after_as_of,
        returns_only: summaries.returns_only.len(),
        purchase_lines: summaries.buyers.iter().map(|b| b.purchase_lines).sum(),
        total_value: records.iter().map(|r| r.total).sum(),
        repeat_customers: records.iter().filter(|r| r.frequency > 0.0).count(),
        model,
        spend_left_out: observations.len() - spenders.len(),
    };
    Ok(CustomerBase {
        columns,
        date_order: log.date_order,
        summary,
        records,
        by_id,
    })
}

fn no_transactions(log: LogReport, after_as_of: usize) -> BaseError {
    BaseError::NoTransactions {
        log: Box::new(log),
        after_as_of,
    }
}

fn observation(s: &CustomerSummary) -> Observation {
    Observation {
        frequency: s.frequency as f64,
        recency: s.recency,
        age: s.t,
        monetary: s.monetary,
    }
}

/// The models' name for the summaries' time unit.
fn model_unit(unit: TimeUnit) -> ModelUnit {
    match unit {
        TimeUnit::Days => ModelUnit::Days,
        TimeUnit::Weeks => ModelUnit::Weeks,
    }
}

/// The customer's figures; the model's predictions are filled in after.
fn record_of(s: &CustomerSummary, o: &Observation, as_of: i32) -> CustomerRecord {
    CustomerRecord {
        id: s.customer.clone(),
        first_day: s.first_day,
        last_day: s.last_day,
        orders: s.orders,
        total: s.total_spend,
        average_order: s.average_order_value,
        frequency: o.frequency,
        recency: o.recency,
        age: o.age,
        monetary: o.monetary,
        days_since_last: as_of - s.last_day,
        mean_interval_days: s.mean_interval_days,
        returns: s.returns,
        returned_value: s.returned_value,
        p_alive: None,
        expected_purchases: None,
        predicted_value: None,
    }
}
