//! Rule segments: customers picked by conditions on their columns, such as
//! "age 25–34 and city Tehran and NPS ≥ 9". A rule is plain data (serde),
//! saved in the project, and names columns by header so it still applies
//! when the file is loaded again (or a newer export with the columns in
//! another order). Evaluation is in `rule_eval.rs`.
//!
//! How a condition reads its column:
//! - `<`, `≤`, `>`, `≥`, `between` compare numbers or dates. The values
//!   decide which: values that `parse_measure` reads (`25`, `۳۴`, `$1,000`,
//!   `50%`) compare numbers; otherwise values that read as dates
//!   (`2024-01-31`, `1402/05/12` Jalali, `31/1/2024` in the column's
//!   day/month order) compare days. A value that is neither is an error
//!   naming the condition and the value. A cell that does not read (blank,
//!   text in a number column) does not match. `between` includes both
//!   ends, in either order.
//! - `=` matches when the folded texts are equal (case, spaces, Arabic and
//!   Persian letter variants such as ي/ی and ك/ک, digit scripts: see
//!   `quality::fold_key`), or, when the value reads as a number or a date,
//!   when the cell reads as the same number or day (`9` = `9.0`,
//!   `2024-01-05` = `2024-01-05 10:30`). `≠` is its exact complement, so
//!   blank cells are "not Tehran" (as a spreadsheet filter counts them);
//!   add "is not empty" to leave them out.
//! - `contains` looks for the folded value inside the folded cell.
//! - `is empty` / `is not empty` use the schema's missing markers (blank,
//!   NA, null, -, …).
//!
//! Values beyond what the operator reads are ignored, so the builder can
//! keep them while the user switches operator; too few (or blank) values
//! are an error.

use serde::{Deserialize, Serialize};

/// How the conditions combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// Every condition holds (and). No conditions: every customer.
    All,
    /// At least one condition holds (or). No conditions: no customer.
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    Equals,
    NotEquals,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    /// Two values, both ends included.
    Between,
    Contains,
    IsEmpty,
    IsNotEmpty,
}

impl Operator {
    /// How many values the operator reads.
    pub fn value_count(self) -> usize {
        match self {
            Operator::IsEmpty | Operator::IsNotEmpty => 0,
            Operator::Between => 2,
            _ => 1,
        }
    }

    /// Compares numbers or dates (the values must read as one of them).
    pub fn is_ordering(self) -> bool {
        matches!(
            self,
            Operator::Less
                | Operator::LessOrEqual
                | Operator::Greater
                | Operator::GreaterOrEqual
                | Operator::Between
        )
    }
}

/// One condition: a column, an operator and its values, as the user wrote
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The column's header name.
    pub column: String,
    pub operator: Operator,
    #[serde(default)]
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub join: Join,
    pub conditions: Vec<Condition>,
}

/// How many rows a rule picks, for the builder's live counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleCount {
    /// Rows matching the whole rule.
    pub matching: usize,
    /// Rows in the table.
    pub total: usize,
    /// Rows matching each condition on its own, in order.
    pub per_condition: Vec<usize>,
}

/// Why a rule cannot be evaluated. `condition` is the 0-based position of
/// the condition in the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RuleError {
    /// No column has this header name.
    UnknownColumn { condition: usize, column: String },
    /// An ordering operator's value reads neither as a number nor as a
    /// date (or not as the same kind as the condition's first value).
    NotANumberOrDate { condition: usize, value: String },
    /// The operator needs `expected` values and only `found` are written.
    MissingValue {
        condition: usize,
        operator: Operator,
        expected: usize,
        found: usize,
    },
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleError::UnknownColumn { condition, column } => {
                write!(f, "condition {}: no column named “{column}”", condition + 1)
            }
            RuleError::NotANumberOrDate { condition, value } => write!(
                f,
                "condition {}: “{value}” is not a number or a date",
                condition + 1
            ),
            RuleError::MissingValue {
                condition,
                expected,
                found,
                ..
            } => write!(
                f,
                "condition {}: needs {expected} values, {found} written",
                condition + 1
            ),
        }
    }
}

#[cfg(test)]
impl Rule {
    /// A rule of one condition with one value (tests write many).
    pub fn one(column: &str, operator: Operator, value: &str) -> Rule {
        Rule {
            join: Join::All,
            conditions: vec![Condition {
                column: column.into(),
                operator,
                values: vec![value.into()],
            }],
        }
    }
}
