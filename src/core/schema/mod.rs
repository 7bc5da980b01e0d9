//! Schema: what each column holds (integer, date, category, id…), guessed
//! from the original cell text, plus the number and missing-value readers
//! every later step shares.

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

mod boolean;
mod date;
mod infer;
mod missing;
mod name_hints;
mod number;
mod role;

use serde::{Deserialize, Serialize};

pub use infer::{guess_as, infer_column};
pub use missing::is_missing;
pub use name_hints::looks_like_identifier_name;
pub use number::parse_number;
pub use role::{infer_role, Role, RoleGroup};

/// A number or a date: what a header cell almost never is. Ingest uses it to
/// tell a header row from a data row.
pub(crate) fn is_number_or_date(cell: &str) -> bool {
    number::read_number(cell).is_some() || date::read_date(cell).is_some()
}

/// The kind of values a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    /// Every cell is missing.
    Empty,
    Integer,
    Decimal,
    Boolean,
    Date,
    DateTime,
    /// Few distinct values: gender, country, plan.
    Category,
    /// Free text: names, reviews, addresses.
    Text,
    /// Codes that name a thing rather than measure it: customer ids, SKUs.
    Identifier,
}

impl ColumnType {
    /// Every type, in the order a person picks from.
    pub const ALL: [ColumnType; 9] = [
        ColumnType::Integer,
        ColumnType::Decimal,
        ColumnType::Boolean,
        ColumnType::Date,
        ColumnType::DateTime,
        ColumnType::Category,
        ColumnType::Text,
        ColumnType::Identifier,
        ColumnType::Empty,
    ];

    /// Snake-case name, as serialised.
    pub fn key(self) -> &'static str {
        match self {
            ColumnType::Empty => "empty",
            ColumnType::Integer => "integer",
            ColumnType::Decimal => "decimal",
            ColumnType::Boolean => "boolean",
            ColumnType::Date => "date",
            ColumnType::DateTime => "date_time",
            ColumnType::Category => "category",
            ColumnType::Text => "text",
            ColumnType::Identifier => "identifier",
        }
    }

    pub fn from_key(key: &str) -> Option<ColumnType> {
        ColumnType::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The guessed type of one column and how well its cells fit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnGuess {
    pub column_type: ColumnType,
    /// 0..=1: share of non-missing cells that fit the type.
    pub confidence: f64,
    /// Cells that are empty or a "no value" marker.
    pub missing: usize,
    /// Non-missing cells that don't fit the type.
    pub invalid: usize,
    /// Up to 3 distinct non-missing values, as written.
    pub examples: Vec<String>,
}
