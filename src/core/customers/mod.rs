//! Customers derived from a transaction log: per-customer purchase history
//! in the buy-till-you-die (BTYD) terms the `lifetimes` and `btyd` Python
//! packages use, plus the plain historical figures.
//!
//! `transactions_from_table` reads the chosen columns into a log (customer
//! ids interned, lines sorted by customer and day, every row accounted for
//! in its `LogReport`); `summarise_customers` folds each customer's lines
//! into a `CustomerSummary` in one pass. Returns and cancellations are
//! recognised by `returns::is_return` and kept out of the purchase figures.

mod columns;
mod history;
mod intern;
mod line_order;
mod log_report;
mod period;
mod returns;
mod summary;
mod transactions;

pub use columns::{ColumnPart, ColumnsError, TransactionColumns};
pub use log_report::{LogReport, RowProblem, MAX_ROWS_NAMED};
pub use period::TimeUnit;
pub use returns::{is_cancellation_invoice, is_return, ReturnSignals};
pub use summary::{
    default_as_of, summarise_customers, CustomerSummaries, CustomerSummary, ReturnsOnlyCustomer,
    SummaryOptions,
};
pub use transactions::{
    read_transactions_pausing, transactions_from_table, Transaction, TransactionLog,
};
