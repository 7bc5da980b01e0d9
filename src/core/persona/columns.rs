//! What each column tells about a persona: an age, a gender, a place, a
//! favourite product/channel/device, an NPS answer, or a measure (income,
//! spend, frequency…). Read from the column's role and type, with a few
//! header words for the measures no role names (a spending score, the
//! recency, CLV and churn columns a customers table carries).

use serde::{Deserialize, Serialize};

use crate::core::schema::{ColumnType, Role};
use crate::core::table::Table;

/// What a numeric column measures, for choosing the words a persona is
/// named and described by ("high spenders", "frequent buyers").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    Income,
    Spend,
    Frequency,
    /// Days since the last purchase: higher is longer ago.
    Recency,
    Tenure,
    Quantity,
    /// Customer lifetime value.
    LifetimeValue,
    /// Probability of churn: higher is worse.
    Churn,
    Rating,
    /// Any other number: named by its header.
    Other,
}

/// How a column takes part in a persona.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "measure")]
pub enum Meaning {
    Age,
    Gender,
    /// City, region or country.
    Place,
    /// Product, channel or device: the segment's favourite value.
    Favourite,
    /// 0–10 answers to "would you recommend us?".
    Nps,
    Measure(MeasureKind),
}

/// One column and what it means for the persona.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonaColumn {
    /// Index into the table's columns.
    pub column: usize,
    pub meaning: Meaning,
}

/// The columns a persona is built from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonaInput {
    pub columns: Vec<PersonaColumn>,
    /// The money column whose total the segment's revenue share is of.
    pub money: Option<usize>,
}

/// The meaning of a column with this role, type and header; None when it
/// says nothing about a persona (ids, names, dates, free text).
pub fn meaning_of(role: Role, column_type: ColumnType, header: &str) -> Option<Meaning> {
    let numeric = column_type.is_numeric();
    let measure = |kind| numeric.then_some(Meaning::Measure(kind));
    match role {
        Role::Age => numeric.then_some(Meaning::Age),
        Role::Gender => Some(Meaning::Gender),
        Role::City | Role::Region | Role::Country => Some(Meaning::Place),
        Role::Product | Role::Channel | Role::Device => Some(Meaning::Favourite),
        Role::Nps => numeric.then_some(Meaning::Nps),
        Role::Income => measure(MeasureKind::Income),
        Role::Amount | Role::Revenue => measure(MeasureKind::Spend),
        Role::Frequency => measure(MeasureKind::Frequency),
        Role::Quantity => measure(MeasureKind::Quantity),
        Role::Tenure | Role::Loyalty => measure(MeasureKind::Tenure),
        // A "spending score" is read as a score by its role: the header
        // says what it scores.
        Role::Satisfaction | Role::Rating => {
            measure(measure_named(header).unwrap_or(MeasureKind::Rating))
        }
        Role::Other => measure(measure_named(header).unwrap_or(MeasureKind::Other)),
        _ => None,
    }
}

/// Header words for the measures no role names, in en/ar/fa.
const MEASURE_HINTS: &[(MeasureKind, &[&str])] = &[
    (MeasureKind::Churn, &["churn", "ریزش", "الانسحاب", "التسرب"]),
    (
        MeasureKind::LifetimeValue,
        &[
            "clv",
            "ltv",
            "lifetime value",
            "ارزش طول عمر",
            "القيمة الدائمة",
        ],
    ),
    (
        MeasureKind::Recency,
        &["recency", "days since", "تازگی", "الحداثة"],
    ),
    (
        MeasureKind::Spend,
        &["spend", "monetary", "هزینه", "خرج", "إنفاق", "الإنفاق"],
    ),
    (
        MeasureKind::Frequency,
        &["frequency", "تعداد خرید", "تكرار"],
    ),
];

/// The measure a header names, if any.
fn measure_named(header: &str) -> Option<MeasureKind> {
    let folded = header.to_lowercase().replace(['_', '-'], " ");
    MEASURE_HINTS
        .iter()
        .find(|(_, words)| words.iter().any(|w| folded.contains(w)))
        .map(|(kind, _)| *kind)
}

/// The persona columns of `table` from its columns' roles and types (one
/// per column, in column order; missing entries read as Other/Empty), and
/// the first spend column as the money column.
pub fn persona_input(table: &Table, roles: &[Role], types: &[ColumnType]) -> PersonaInput {
    let columns: Vec<PersonaColumn> = table
        .columns
        .iter()
        .enumerate()
        .filter_map(|(column, c)| {
            let role = roles.get(column).copied().unwrap_or(Role::Other);
            let column_type = types.get(column).copied().unwrap_or(ColumnType::Empty);
            let meaning = meaning_of(role, column_type, &c.name)?;
            Some(PersonaColumn { column, meaning })
        })
        .collect();
    let money = columns
        .iter()
        .find(|c| is_money(c, roles, types))
        .map(|c| c.column);
    PersonaInput { columns, money }
}

/// A spend column holding amounts of money (an amount role or a money
/// type): a spending score is a spend measure but not money.
fn is_money(column: &PersonaColumn, roles: &[Role], types: &[ColumnType]) -> bool {
    let role = roles.get(column.column).copied();
    let column_type = types.get(column.column).copied();
    column.meaning == Meaning::Measure(MeasureKind::Spend)
        && (matches!(role, Some(Role::Amount | Role::Revenue))
            || column_type == Some(ColumnType::Money))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_headers_give_meanings() {
        let int = ColumnType::Integer;
        assert_eq!(meaning_of(Role::Age, int, "age"), Some(Meaning::Age));
        assert_eq!(meaning_of(Role::Age, ColumnType::Text, "age"), None);
        assert_eq!(
            meaning_of(Role::Other, int, "Spending Score (1-100)"),
            Some(Meaning::Measure(MeasureKind::Spend))
        );
        assert_eq!(
            meaning_of(Role::Other, ColumnType::Decimal, "churn_probability"),
            Some(Meaning::Measure(MeasureKind::Churn))
        );
        assert_eq!(
            meaning_of(Role::Other, int, "visits"),
            Some(Meaning::Measure(MeasureKind::Other))
        );
        assert_eq!(
            meaning_of(Role::Satisfaction, int, "spending_score"),
            Some(Meaning::Measure(MeasureKind::Spend))
        );
        assert_eq!(
            meaning_of(Role::Satisfaction, int, "csat"),
            Some(Meaning::Measure(MeasureKind::Rating))
        );
        assert_eq!(meaning_of(Role::CustomerId, int, "id"), None);
        assert_eq!(
            meaning_of(Role::City, ColumnType::Category, "city"),
            Some(Meaning::Place)
        );
    }

    #[test]
    fn money_is_an_amount_not_a_score() {
        let table = Table::from_rows(&["score_spend", "amount"], &[&["3", "$5.00"]]);
        let input = persona_input(
            &table,
            &[Role::Other, Role::Amount],
            &[ColumnType::Integer, ColumnType::Money],
        );
        assert_eq!(input.columns.len(), 2);
        assert_eq!(input.money, Some(1));
    }
}
