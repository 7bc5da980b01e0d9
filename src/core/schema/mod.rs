//! Schema: what each column holds (integer, date, category, id…), guessed
//! from the original cell text, plus the number and missing-value readers
//! every later step shares.

mod amount;
mod boolean;
mod currency;
mod date;
mod distinct;
mod gregorian;
mod infer;
mod jalali;
mod missing;
mod money;
mod name_hints;
mod number;
mod percent;
mod role;
mod trim;
mod value_table;

use serde::{Deserialize, Serialize};

pub use date::{column_date_order, gregorian_date_of, Calendar, DateOrder};
pub use distinct::{DistinctValue, DistinctValues};
pub use gregorian::GregorianDate;
pub use infer::{
    guess_as, guess_as_ordered, infer_column, infer_column_named_as, infer_column_with_values,
    MAX_MISFITS,
};
pub use jalali::{
    gregorian_to_jalali, is_jalali_leap_year, jalali_month_length, jalali_to_gregorian,
};
pub use missing::is_missing;
pub use money::parse_amount;
pub use name_hints::looks_like_identifier_name;
pub(crate) use number::digit_value;
pub use number::parse_number;
pub use percent::parse_percent;
pub use role::{
    infer_named_column, infer_named_column_with_values, infer_role, infer_role_with, role_named_by,
    Role, RoleGroup,
};
pub(crate) use trim::trim_cell;

/// The number a cell of a numeric column stands for: a plain number in any
/// digit script, else an amount of money (`$52,300.00` → 52300), else a
/// percentage as written (`50%` → 50). What statistics, charts and
/// associations read from Integer, Decimal, Money and Percent columns.
pub fn parse_measure(cell: &str) -> Option<f64> {
    parse_number(cell)
        .or_else(|| parse_amount(cell))
        .or_else(|| parse_percent(cell))
}

/// Bytes in the longest of `words`: a cell longer than that is none of them,
/// which spares comparing most cells with each word.
pub(crate) const fn longest_word(words: &[&str]) -> usize {
    match words {
        [] => 0,
        [first, rest @ ..] => {
            let rest = longest_word(rest);
            if first.len() > rest {
                first.len()
            } else {
                rest
            }
        }
    }
}

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
    /// Amounts with a currency (`$52,300.00`, `12.50 USD`, `۵۰۰ تومان`) or a
    /// decimal comma and two decimals (`52.300,00`); see [`parse_amount`].
    Money,
    /// `50%`, `۵۰٪`; see [`parse_percent`].
    Percent,
    Boolean,
    /// Dates, Gregorian or Jalali; see [`ColumnGuess::date_order`] and
    /// [`ColumnGuess::calendar`].
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
    /// Integer, Decimal, Money or Percent: a column [`parse_measure`] reads.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            ColumnType::Integer | ColumnType::Decimal | ColumnType::Money | ColumnType::Percent
        )
    }

    /// Every type, in the order a person picks from.
    pub const ALL: [ColumnType; 11] = [
        ColumnType::Integer,
        ColumnType::Decimal,
        ColumnType::Money,
        ColumnType::Percent,
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
            ColumnType::Money => "money",
            ColumnType::Percent => "percent",
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
    /// The first [`MAX_MISFITS`] of the `invalid` cells, in row order, as
    /// written: they are kept in the table, never dropped.
    #[serde(default)]
    pub misfits: Vec<Misfit>,
    /// Date and DateTime columns written `a/b/yyyy`: which field is the
    /// day, decided from the data. None for other columns and for dates
    /// written year first.
    #[serde(default)]
    pub date_order: Option<DateOrder>,
    /// Date and DateTime columns: the calendar most of their dates are in.
    /// None for other columns.
    #[serde(default)]
    pub calendar: Option<Calendar>,
}

/// A non-missing cell that does not fit its column's type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Misfit {
    /// 0-based data row: the index into the table's rows (the header is not
    /// a row; skipped empty records are not counted).
    pub row: usize,
    /// The cell as written.
    pub value: String,
}
