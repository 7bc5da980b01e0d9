//! Building the customer base from a transaction log: the per-customer
//! figures of `core::customers`, and the predicted value and churn risk of
//! `core::clv` when its models fit.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::CustomerRecord;
use crate::core::clv::{
    fit_value_model_pausing, Horizon, Observation, TimeUnit as ModelUnit, ValueModel,
};
use crate::core::customers::{
    default_as_of, read_transactions_pausing, summarise_customers, ColumnsError, CustomerSummary,
    LogReport, SummaryOptions, TimeUnit, TransactionColumns, TransactionLog,
};
use crate::core::pause::{finish_now, NoPause, Pause};
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
    let Ok(base) = finish_now(build_customer_base_pausing(
        table,
        columns,
        as_of,
        &mut NoPause,
    ));
    base
}

/// [`build_customer_base`], reaching `pause` as it reads the log, fits the
/// models and predicts (see `core::pause`): the same base unless stopped.
pub async fn build_customer_base_pausing<P: Pause>(
    table: &Table,
    columns: TransactionColumns,
    as_of: Option<i32>,
    pause: &mut P,
) -> Result<Result<CustomerBase, BaseError>, P::Stop> {
    let log = match read_transactions_pausing(table, columns, pause).await? {
        Ok(log) => log,
        Err(problem) => return Ok(Err(BaseError::Columns { problem })),
    };
    base_from_log(log, columns, as_of, pause).await
}

async fn base_from_log<P: Pause>(
    log: TransactionLog,
    columns: TransactionColumns,
    as_of: Option<i32>,
    pause: &mut P,
) -> Result<Result<CustomerBase, BaseError>, P::Stop> {
    let Some(as_of) = as_of.or_else(|| default_as_of(&log)) else {
        return Ok(Err(no_transactions(log.report, 0)));
    };
    let after_as_of = log.transactions.iter().filter(|t| t.day > as_of).count();
    let observed = log.transactions.iter().filter(|t| t.day <= as_of);
    let (Some(first_day), Some(last_day)) = (
        observed.clone().map(|t| t.day).min(),
        observed.map(|t| t.day).max(),
    ) else {
        return Ok(Err(no_transactions(log.report, after_as_of)));
    };
    let summaries = summarise_customers(
        &log,
        SummaryOptions {
            as_of,
            unit: BASE_UNIT,
        },
    );
    if summaries.buyers.is_empty() {
        return Ok(Err(no_transactions(log.report, after_as_of)));
    }
    let observations: Vec<Observation> = summaries.buyers.iter().map(observation).collect();
    let spenders: Vec<Observation> = observations
        .iter()
        .filter(|o| o.spend_problem().is_none())
        .copied()
        .collect();
    let model = fit_value_model_pausing(&observations, &spenders, pause).await?;
    let mut records: Vec<CustomerRecord> = summaries
        .buyers
        .iter()
        .zip(&observations)
        .map(|(s, o)| record_of(s, o, as_of))
        .collect();
    let horizon = Horizon::year(model_unit(BASE_UNIT));
    model
        .predict_each_pausing(&observations, &horizon, pause, |i, prediction| {
            if let Some(record) = records.get_mut(i) {
                record.p_alive = prediction.p_alive;
                record.expected_purchases = prediction.expected_purchases;
                record.predicted_value = prediction.lifetime_value.ok();
            }
        })
        .await?;
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
    Ok(Ok(CustomerBase {
        columns,
        date_order: log.date_order,
        summary,
        records,
        by_id,
    }))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::{day_number, iso_date};
    use crate::core::pause::{Phase, Reached, Stopped};
    use crate::core::segment::SplitMix64;
    use crate::core::table::{Column, TextColumn};

    /// A seeded log of customers who buy at their own rhythm until they
    /// drop out (as BG/NBD assumes): over 65,536 lines and 4,096 customers,
    /// so the log's rows and the predictions each pause at least once.
    fn log() -> Table {
        let mut rng = SplitMix64::new(7);
        let mut customer = TextColumn::new();
        let mut date = TextColumn::new();
        let mut amount = TextColumn::new();
        let start = day_number(2024, 1, 1).unwrap_or_default();
        let mut who = 0;
        while customer.len() < 70_000 {
            let first = rng.below(300) as i32;
            let gap = 2 + rng.below(60) as i32;
            let life = rng.below(400) as i32;
            let spend = 5 + rng.below(150);
            let mut day = first;
            while day <= (first + life).min(364) {
                customer.push(&format!("c{who}"));
                date.push(&iso_date(start + day));
                amount.push(&format!("{}.{:02}", spend + rng.below(40), rng.below(100)));
                day += 1 + rng.below(2 * gap as usize) as i32;
            }
            who += 1;
        }
        let column = |name: &str, cells| Column {
            name: name.into(),
            cells,
        };
        Table {
            columns: vec![
                column("customer", customer),
                column("date", date),
                column("amount", amount),
            ],
        }
    }

    const COLUMNS: TransactionColumns = TransactionColumns {
        customer: 0,
        date: 1,
        value: Some(2),
        invoice: None,
        quantity: None,
        unit_price: None,
    };

    /// Notes every pause; stops at the first of `stop_at`, if given.
    struct Watch {
        seen: Vec<Reached>,
        stop_at: Option<Phase>,
    }

    impl Pause for Watch {
        type Stop = Stopped;

        async fn reached(&mut self, at: Reached) -> Result<(), Stopped> {
            self.seen.push(at);
            if Some(at.phase) == self.stop_at {
                return Err(Stopped);
            }
            Ok(())
        }
    }

    #[test]
    fn a_build_that_pauses_builds_the_same_base_and_says_how_far_it_got() {
        let table = log();
        let at_once = build_customer_base(&table, COLUMNS, None).expect("builds");
        let summary = &at_once.summary;
        assert!(
            matches!(summary.model, ValueModel::Fitted { .. }) && summary.customers > 4_096,
            "{} customers, {:?}",
            summary.customers,
            summary.model
        );
        let mut watch = Watch {
            seen: Vec::new(),
            stop_at: None,
        };
        let paused = finish_now(build_customer_base_pausing(
            &table, COLUMNS, None, &mut watch,
        ));
        assert!(paused == Ok(Ok(at_once)), "not the same base");
        // Every phase, in order, each moving forward.
        let phases: Vec<Phase> = watch
            .seen
            .chunk_by(|a, b| a.phase == b.phase)
            .filter_map(|run| run.first().map(|r| r.phase))
            .collect();
        assert_eq!(
            phases,
            [
                Phase::ReadingLog,
                Phase::FittingPurchases,
                Phase::FittingSpend,
                Phase::Predicting
            ]
        );
        assert!(watch
            .seen
            .windows(2)
            .all(|w| w[0].phase != w[1].phase || w[0].done < w[1].done));
        assert!(watch.seen.iter().all(|r| r.done <= r.total));
        let log_pauses = watch.seen.iter().filter(|r| r.phase == Phase::ReadingLog);
        assert_eq!(log_pauses.count(), 70_000 / (1 << 16));
    }

    #[test]
    fn a_build_stops_where_it_is_told_to() {
        let table = log();
        for phase in [
            Phase::ReadingLog,
            Phase::FittingPurchases,
            Phase::FittingSpend,
            Phase::Predicting,
        ] {
            let mut watch = Watch {
                seen: Vec::new(),
                stop_at: Some(phase),
            };
            let stopped = finish_now(build_customer_base_pausing(
                &table, COLUMNS, None, &mut watch,
            ));
            assert!(stopped.is_err(), "{phase:?} did not stop");
            assert_eq!(watch.seen.last().map(|r| r.phase), Some(phase));
            assert_eq!(
                watch.seen.iter().filter(|r| r.phase == phase).count(),
                1,
                "{phase:?}"
            );
        }
    }
}
