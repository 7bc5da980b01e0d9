//! Why a customer-value model could not be fitted to, or predict for, the
//! data it was given.

use serde::{Deserialize, Serialize};

/// Which number in an [`Observation`](super::Observation) is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    Frequency,
    Recency,
    Age,
    Monetary,
}

/// What is wrong with one customer's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HistoryProblem {
    /// NaN or infinite.
    NotFinite(Field),
    /// A count, time or spend below zero.
    Negative(Field),
    /// A repeat-purchase count that is not a whole number.
    FractionalFrequency,
    /// The last purchase comes after the end of the observation period
    /// (recency t_x greater than age T).
    RecencyAfterAge,
    /// No repeat purchase but a non-zero recency: the history contradicts itself.
    RecencyWithoutRepeat,
    /// A repeat buyer whose mean spend is zero or negative (returns, credits):
    /// the spend model only describes positive amounts.
    NonPositiveMonetary,
}

/// Input a fit refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FitError {
    /// No customers at all.
    NoCustomers,
    /// Nobody bought twice: repeat purchases are what the models learn from.
    NoRepeatBuyers,
    /// One customer's history is unusable. `customer` is its position (from
    /// 0) in the slice passed to the fit, so the caller can name its id or row.
    BadHistory {
        customer: usize,
        problem: HistoryProblem,
    },
}
