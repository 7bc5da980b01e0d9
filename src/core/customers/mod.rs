//! Customers derived from a transaction log: per-customer purchase history
//! in the buy-till-you-die (BTYD) terms the `lifetimes` and `btyd` Python
//! packages use, plus the plain historical figures.

// User data must never panic the app: no indexing, unwrap or expect outside tests.
#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod summary;
mod transactions;

pub use summary::{summarise_customers, CustomerSummary};
pub use transactions::{transactions_from_table, Transaction, TransactionColumns, TransactionLog};
