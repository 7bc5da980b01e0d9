//! Values that cannot be right for what the column is: an age of 150, a
//! negative income, an NPS of 12, an email without a domain, a phone number
//! with three digits. Judged by the column's role, one rule per role.

use serde::{Deserialize, Serialize};

use super::duplicates::MAX_EXAMPLES;
use crate::core::schema::{is_missing, parse_measure, Role};
use crate::core::table::TextColumn;

/// The rule a column's values are held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvalidRule {
    /// Ages are whole numbers from 0 to 120.
    AgeOutOfRange,
    /// Incomes and revenues are not negative and below 10¹⁰.
    NegativeOrAbsurdMoney,
    /// Order amounts below zero: refunds or mistakes, worth a look.
    NegativeAmount,
    /// NPS answers are whole numbers from 0 to 10.
    NpsOutOfRange,
    /// One `@`, something before it, a dotted domain after it, no spaces.
    MalformedEmail,
    /// 7 to 15 digits, written with only `+ - ( ) .` and spaces besides.
    MalformedPhone,
}

/// How many of a column's non-missing values break its rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvalidValues {
    pub rule: InvalidRule,
    pub count: usize,
    /// (0-based data row, value as written), the first few.
    pub examples: Vec<(usize, String)>,
}

/// The rule for a role, if there is one.
pub fn rule_for(role: Role) -> Option<InvalidRule> {
    match role {
        Role::Age => Some(InvalidRule::AgeOutOfRange),
        Role::Income | Role::Revenue => Some(InvalidRule::NegativeOrAbsurdMoney),
        Role::Amount => Some(InvalidRule::NegativeAmount),
        Role::Nps => Some(InvalidRule::NpsOutOfRange),
        Role::Email => Some(InvalidRule::MalformedEmail),
        Role::Phone => Some(InvalidRule::MalformedPhone),
        _ => None,
    }
}

/// The column's values that break the rule of its role; `None` when the
/// role has no rule. Values that are not numbers at all in a numeric rule
/// are left to the type check (they are counted as not fitting the type).
pub fn invalid_values(cells: &TextColumn, role: Role) -> Option<InvalidValues> {
    let rule = rule_for(role)?;
    let mut found = InvalidValues {
        rule,
        count: 0,
        examples: Vec::new(),
    };
    for (row, cell) in cells.iter().enumerate() {
        if is_missing(cell) || !breaks(rule, cell.trim()) {
            continue;
        }
        found.count += 1;
        if found.examples.len() < MAX_EXAMPLES {
            found.examples.push((row, cell.to_string()));
        }
    }
    Some(found)
}

pub(crate) fn breaks(rule: InvalidRule, value: &str) -> bool {
    let number = || parse_measure(value);
    match rule {
        InvalidRule::AgeOutOfRange => number().is_some_and(|n| !whole_in(n, 0.0, 120.0)),
        InvalidRule::NpsOutOfRange => number().is_some_and(|n| !whole_in(n, 0.0, 10.0)),
        InvalidRule::NegativeOrAbsurdMoney => number().is_some_and(|n| !(0.0..1e10).contains(&n)),
        InvalidRule::NegativeAmount => number().is_some_and(|n| n < 0.0),
        InvalidRule::MalformedEmail => !looks_like_email(value),
        InvalidRule::MalformedPhone => !looks_like_phone(value),
    }
}

fn whole_in(n: f64, low: f64, high: f64) -> bool {
    n.fract() == 0.0 && (low..=high).contains(&n)
}

fn looks_like_email(value: &str) -> bool {
    let mut parts = value.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && !value.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

fn looks_like_phone(value: &str) -> bool {
    let mut digits = 0;
    for c in value.chars() {
        if c.is_numeric() {
            digits += 1;
        } else if !matches!(
            c,
            '+' | '-' | '(' | ')' | '.' | ' ' | '\u{200E}' | '\u{200F}'
        ) {
            return false;
        }
    }
    (7..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(role: Role, cells: &[&str]) -> (usize, Vec<usize>) {
        let column: TextColumn = cells.iter().copied().collect();
        let found = invalid_values(&column, role).expect("a rule");
        (found.count, found.examples.iter().map(|e| e.0).collect())
    }

    #[test]
    fn ages_and_nps_have_ranges() {
        assert_eq!(
            check(Role::Age, &["34", "150", "-1", "", "unknown", "۴۲", "33.5"]),
            (3, vec![1, 2, 6])
        );
        assert_eq!(
            check(Role::Nps, &["0", "10", "11", "9.5", "N/A"]),
            (2, vec![2, 3])
        );
    }

    #[test]
    fn money_and_amounts() {
        assert_eq!(check(Role::Income, &["52000", "-5", "1e12"]).0, 2);
        assert_eq!(check(Role::Amount, &["12.50", "-3.00", "0"]), (1, vec![1]));
    }

    #[test]
    fn emails_and_phones_by_shape() {
        assert_eq!(
            check(
                Role::Email,
                &[
                    "ali@example.com",
                    "n/a",
                    "sara@",
                    "a b@x.ir",
                    "reza@mail",
                    "x@y.co.uk"
                ]
            ),
            (3, vec![2, 3, 4])
        );
        assert_eq!(
            check(
                Role::Phone,
                &["+98 912 345 6789", "123", "۰۹۱۲۳۴۵۶۷۸۹", "call me"]
            ),
            (2, vec![1, 3])
        );
    }

    #[test]
    fn roles_without_a_rule_are_not_judged() {
        let column: TextColumn = ["x"].into_iter().collect();
        assert_eq!(invalid_values(&column, Role::City), None);
    }
}
