//! The transactions of a table: customer, day and value per row.

use serde::{Deserialize, Serialize};

use crate::core::calendar::{decide_order, parse_day};
use crate::core::schema::{is_missing, parse_measure};
use crate::core::table::Table;

/// One purchase: who, which day (see `core::calendar`), how much.
#[derive(Debug, Clone, PartialEq)]
pub struct Transaction {
    pub customer: String,
    pub day: i32,
    pub value: f64,
}

/// Which columns of a transaction table hold the customer, the date and
/// the value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TransactionColumns {
    pub customer: usize,
    pub date: usize,
    pub value: usize,
}

/// The usable transactions and the rows left out, by reason.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TransactionLog {
    pub transactions: Vec<Transaction>,
    pub no_customer: usize,
    pub bad_date: usize,
    pub bad_value: usize,
}

/// Read every row as a transaction. Rows without a customer, a readable
/// date or a numeric value are counted and left out, never guessed.
pub fn transactions_from_table(table: &Table, columns: TransactionColumns) -> TransactionLog {
    let mut log = TransactionLog::default();
    let (Some(customers), Some(dates), Some(values)) = (
        table.columns.get(columns.customer),
        table.columns.get(columns.date),
        table.columns.get(columns.value),
    ) else {
        return log;
    };
    let order = decide_order(dates.cells.iter());
    for ((customer, date), value) in customers
        .cells
        .iter()
        .zip(dates.cells.iter())
        .zip(values.cells.iter())
    {
        if is_missing(customer) {
            log.no_customer += 1;
            continue;
        }
        let Some(day) = parse_day(date, order) else {
            log.bad_date += 1;
            continue;
        };
        let Some(value) = parse_measure(value) else {
            log.bad_value += 1;
            continue;
        };
        log.transactions.push(Transaction {
            customer: customer.trim().to_string(),
            day,
            value,
        });
    }
    log
}
