//! What a file is in a project: the customers, their transactions, their
//! feedback, or something else. Decided from the columns' roles and types
//! by a few rules, in order, each naming the columns that decided it so
//! the page can say why ("one row per customer_id, with gender and age").

use serde::{Deserialize, Serialize};

use super::key::find_key;
use super::key_index::InternedColumn;
use crate::core::quality::ColumnKind;
use crate::core::schema::{ColumnType, Role, RoleGroup};
use crate::core::table::Table;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileRole {
    Customers,
    Transactions,
    Feedback,
    Other,
}

/// Which rule decided the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleReason {
    /// A customer key that repeats, a date and an amount or quantity.
    RepeatedKeyWithDateAndAmount,
    /// About one row per customer key, with attributes of the customer.
    OneRowPerKeyWithAttributes,
    /// NPS, satisfaction, effort, rating or review text columns.
    FeedbackColumns,
    /// Attributes of people (age, gender, city, email…) but no key.
    AttributesWithoutKey,
    /// None of the rules above.
    NothingDecisive,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleGuess {
    pub role: FileRole,
    pub reason: RoleReason,
    /// 0-based columns that decided it (the key first, when there is one).
    pub because: Vec<usize>,
}

/// Keys repeat when at least this share of the rows with a key repeat an
/// earlier row's key (a third: 1.5 rows per key on average; logs have 2–4,
/// CDNOW 3); below it the table has one row per key, give or take the
/// duplicates a customer export carries (0.1–1% in practice, more in a
/// small hand-made table).
const REPEATING_SHARE: f64 = 1.0 / 3.0;

/// What the columns are, by role and type, in column order.
struct Columns<'a> {
    kinds: &'a [ColumnKind],
}

impl Columns<'_> {
    fn matching(&self, test: impl Fn(&ColumnKind) -> bool) -> Vec<usize> {
        self.kinds
            .iter()
            .enumerate()
            .filter(|(_, kind)| test(kind))
            .map(|(column, _)| column)
            .collect()
    }

    /// Purchase dates by role; else any date column.
    fn first_date(&self) -> Option<usize> {
        let by_role = self.matching(|k| k.role == Role::PurchaseDate);
        let by_type =
            || self.matching(|k| matches!(k.column_type, ColumnType::Date | ColumnType::DateTime));
        by_role
            .first()
            .copied()
            .or_else(|| by_type().first().copied())
    }

    /// Amounts or quantities by role; else any money column.
    fn first_measure(&self) -> Option<usize> {
        let by_role = self.matching(|k| matches!(k.role, Role::Amount | Role::Quantity));
        let by_type = || self.matching(|k| k.column_type == ColumnType::Money);
        by_role
            .first()
            .copied()
            .or_else(|| by_type().first().copied())
    }

    fn feedback(&self) -> Vec<usize> {
        self.matching(|k| k.role.group() == RoleGroup::Feedback)
    }

    /// Columns that describe a person or firm (not the key itself).
    fn attributes(&self, key: Option<usize>) -> Vec<usize> {
        let mut found = self.matching(|k| {
            matches!(
                k.role.group(),
                RoleGroup::Demographic
                    | RoleGroup::Geographic
                    | RoleGroup::Psychographic
                    | RoleGroup::Firmographic
                    | RoleGroup::Pii
            )
        });
        found.retain(|column| Some(*column) != key);
        found
    }
}

/// Whether the key column's values repeat (a log) or not (one row each).
/// None when the column has no key in any row.
fn keys_repeat(table: &Table, key: usize) -> Option<bool> {
    let cells = &table.columns.get(key)?.cells;
    let interned = InternedColumn::read(cells);
    let present = interned.present_rows();
    if present == 0 {
        return None;
    }
    let repeats = present - interned.index.len();
    Some(repeats as f64 >= REPEATING_SHARE * present as f64)
}

fn guess(role: FileRole, reason: RoleReason, because: Vec<usize>) -> RoleGuess {
    RoleGuess {
        role,
        reason,
        because,
    }
}

/// The role of a file whose columns are `kinds` (same order as the table's).
///
/// Rules, first match wins:
/// 1. transactions: a customer key that repeats, a purchase date and an
///    amount or quantity;
/// 2. customers: about one row per key, with attributes (demographic,
///    geographic, contact…), at least as many as feedback columns;
/// 3. feedback: NPS, satisfaction, effort, rating or review columns;
/// 4. customers: attributes but no key (a customer list without ids);
/// 5. other.
pub fn guess_file_role(table: &Table, kinds: &[ColumnKind]) -> RoleGuess {
    let columns = Columns { kinds };
    let key = find_key(table, kinds).column();
    let repeating = key.and_then(|key| keys_repeat(table, key));
    if let (Some(key), Some(true)) = (key, repeating) {
        if let (Some(date), Some(measure)) = (columns.first_date(), columns.first_measure()) {
            return guess(
                FileRole::Transactions,
                RoleReason::RepeatedKeyWithDateAndAmount,
                vec![key, date, measure],
            );
        }
    }
    let attributes = columns.attributes(key);
    let feedback = columns.feedback();
    // A survey export with one row per customer and an email column is
    // feedback; a customer list with an NPS column is customers.
    let mostly_attributes = !attributes.is_empty() && attributes.len() >= feedback.len();
    if let (Some(key), Some(false), true) = (key, repeating, mostly_attributes) {
        let mut because = vec![key];
        because.extend(attributes);
        return guess(
            FileRole::Customers,
            RoleReason::OneRowPerKeyWithAttributes,
            because,
        );
    }
    if !feedback.is_empty() {
        return guess(FileRole::Feedback, RoleReason::FeedbackColumns, feedback);
    }
    if !attributes.is_empty() {
        return guess(
            FileRole::Customers,
            RoleReason::AttributesWithoutKey,
            attributes,
        );
    }
    guess(FileRole::Other, RoleReason::NothingDecisive, Vec::new())
}
