//! Why a customer-value model could not be fitted to the data it was given.

use serde::{Deserialize, Serialize};

/// Which number in an [`Observation`](super::Observation) is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    Frequency,
    Recency,
    Age,
    Monetary,
}

/// Input a fit refuses. `customer` is the position (from 0) of the customer
/// in the slice passed to the fit, so the caller can name its id or row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FitError {
    /// No customers at all.
    NoCustomers,
    /// Nobody bought twice: repeat purchases are what the models learn from.
    NoRepeatBuyers,
    /// NaN or infinite.
    NotFinite { customer: usize, field: Field },
    /// A count or time below zero.
    Negative { customer: usize, field: Field },
    /// A repeat-purchase count that is not a whole number.
    FractionalFrequency { customer: usize },
    /// The last purchase comes after the end of the observation period
    /// (recency t_x greater than age T).
    RecencyAfterAge { customer: usize },
    /// No repeat purchase but a non-zero recency: the history contradicts itself.
    RecencyWithoutRepeat { customer: usize },
    /// A repeat buyer whose mean spend is zero or negative (returns, credits):
    /// the spend model only describes positive amounts.
    NonPositiveMonetary { customer: usize },
}
