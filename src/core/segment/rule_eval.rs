//! Evaluating a [`Rule`] over a table: each condition is compiled once
//! (column found by name, values read), then run down its column into a
//! match per row; the rows' matches are combined by the rule's join.
//! One pass per condition and a byte per row, so live counts stay quick
//! on a million customers.

use super::rules::{Condition, Join, Operator, Rule, RuleCount, RuleError};
use crate::core::calendar::{decide_order, parse_day, DayReader};
use crate::core::quality::fold_key;
use crate::core::schema::{gregorian_date_of, is_missing, parse_measure, DateOrder};
use crate::core::table::{Table, TextColumn};

/// How many rows match `rule`, and each condition alone.
pub fn count_matching(table: &Table, rule: &Rule) -> Result<RuleCount, RuleError> {
    let (matches, per_condition) = rule_matches(table, rule)?;
    Ok(RuleCount {
        matching: matches.iter().filter(|&&m| m).count(),
        total: table.row_count(),
        per_condition,
    })
}

/// The 0-based table rows matching `rule`, ascending.
pub fn matching_rows(table: &Table, rule: &Rule) -> Result<Vec<usize>, RuleError> {
    let (matches, _) = rule_matches(table, rule)?;
    Ok(matches
        .iter()
        .enumerate()
        .filter_map(|(row, &m)| m.then_some(row))
        .collect())
}

/// Every problem of `rule` against `table` (not only the first), so the
/// builder can mark each condition that needs fixing.
pub fn check_rule(table: &Table, rule: &Rule) -> Vec<RuleError> {
    rule.conditions
        .iter()
        .enumerate()
        .filter_map(|(i, condition)| compile(table, i, condition).err())
        .collect()
}

/// The rule's match per row and each condition's own count.
pub(super) fn rule_matches(
    table: &Table,
    rule: &Rule,
) -> Result<(Vec<bool>, Vec<usize>), RuleError> {
    let rows = table.row_count();
    let compiled = rule
        .conditions
        .iter()
        .enumerate()
        .map(|(i, condition)| compile(table, i, condition))
        .collect::<Result<Vec<_>, _>>()?;
    let mut combined = vec![rule.join == Join::All; rows];
    let mut per_condition = Vec::with_capacity(compiled.len());
    for condition in &compiled {
        let mut count = 0;
        let mut reader = condition.day_reader();
        for (row, slot) in combined.iter_mut().enumerate() {
            let cell = condition.cells.get(row).unwrap_or("");
            let hit = condition.test.matches(cell, &mut reader);
            count += usize::from(hit);
            match rule.join {
                Join::All => *slot &= hit,
                Join::Any => *slot |= hit,
            }
        }
        per_condition.push(count);
    }
    Ok((combined, per_condition))
}

/// A value read for comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scalar {
    Number(f64),
    /// Days since 1970-01-01.
    Day(i32),
}

/// What a compiled condition checks in one cell.
#[derive(Debug)]
enum Test {
    Empty,
    NotEmpty,
    Contains(String),
    /// Folded text, and the value read as a number or date if it reads.
    Equals(String, Option<Scalar>),
    NotEquals(String, Option<Scalar>),
    /// The cell's scalar must be in low..=high (open ends for <, >).
    Range {
        low: Option<Scalar>,
        high: Option<Scalar>,
        low_inclusive: bool,
        high_inclusive: bool,
    },
}

struct Compiled<'t> {
    cells: &'t TextColumn,
    test: Test,
    /// The column's day/month order, for reading date cells.
    order: Option<DateOrder>,
}

impl<'t> Compiled<'t> {
    fn day_reader(&self) -> DayReader<'t> {
        DayReader::new(self.order)
    }
}

fn compile<'t>(
    table: &'t Table,
    index: usize,
    condition: &Condition,
) -> Result<Compiled<'t>, RuleError> {
    let column =
        table
            .column_by_name(&condition.column)
            .ok_or_else(|| RuleError::UnknownColumn {
                condition: index,
                column: condition.column.clone(),
            })?;
    let expected = condition.operator.value_count();
    let values: Vec<&str> = condition
        .values
        .iter()
        .map(|v| v.trim())
        .take(expected)
        .collect();
    let found = values.iter().filter(|v| !v.is_empty()).count();
    if found < expected {
        return Err(RuleError::MissingValue {
            condition: index,
            operator: condition.operator,
            expected,
            found,
        });
    }
    // A date condition reads its cells, and an `a/b/yyyy` value, in the
    // column's day/month order (the user sees the column that way).
    // Deciding it is a pass over the column, so only date conditions pay.
    let order = if values.iter().any(|v| reads_as_date(v)) {
        decide_order(column.cells.iter())
    } else {
        None
    };
    let scalar = |v: &str| read_value(v, order);
    let not_readable = |value: &str| RuleError::NotANumberOrDate {
        condition: index,
        value: value.to_string(),
    };
    // Ordering values must all be numbers or all dates, as the first.
    let ordered = |v: &str, first: Option<Scalar>| -> Result<Scalar, RuleError> {
        match (scalar(v), first) {
            (Some(s), None) => Ok(s),
            (Some(Scalar::Number(x)), Some(Scalar::Number(_))) => Ok(Scalar::Number(x)),
            (Some(Scalar::Day(x)), Some(Scalar::Day(_))) => Ok(Scalar::Day(x)),
            _ => Err(not_readable(v)),
        }
    };
    let first = values.first().copied().unwrap_or("");
    let range = |low, high, low_inclusive, high_inclusive| Test::Range {
        low,
        high,
        low_inclusive,
        high_inclusive,
    };
    let test = match condition.operator {
        Operator::IsEmpty => Test::Empty,
        Operator::IsNotEmpty => Test::NotEmpty,
        Operator::Contains => Test::Contains(fold_key(first)),
        Operator::Equals => Test::Equals(fold_key(first), scalar(first)),
        Operator::NotEquals => Test::NotEquals(fold_key(first), scalar(first)),
        Operator::Less => range(None, Some(ordered(first, None)?), false, false),
        Operator::LessOrEqual => range(None, Some(ordered(first, None)?), false, true),
        Operator::Greater => range(Some(ordered(first, None)?), None, false, false),
        Operator::GreaterOrEqual => range(Some(ordered(first, None)?), None, true, false),
        Operator::Between => {
            let a = ordered(first, None)?;
            let b = ordered(values.get(1).copied().unwrap_or(""), Some(a))?;
            let (low, high) = if less(b, a) { (b, a) } else { (a, b) };
            range(Some(low), Some(high), true, true)
        }
    };
    Ok(Compiled {
        cells: &column.cells,
        test,
        order,
    })
}

/// Not a number, but a date in some day/month order.
fn reads_as_date(value: &str) -> bool {
    parse_measure(value).is_none()
        && [DateOrder::DayFirst, DateOrder::MonthFirst]
            .iter()
            .any(|&order| gregorian_date_of(value, Some(order)).is_some())
}

/// A value as a number (first) or a date; None for neither.
fn read_value(value: &str, order: Option<DateOrder>) -> Option<Scalar> {
    parse_measure(value)
        .filter(|v| v.is_finite())
        .map(Scalar::Number)
        .or_else(|| parse_day(value, order).map(Scalar::Day))
}

/// a < b for scalars of one kind (mixed kinds are never compared: compile
/// refuses them; a cell of the other kind does not read).
fn less(a: Scalar, b: Scalar) -> bool {
    match (a, b) {
        (Scalar::Number(x), Scalar::Number(y)) => x < y,
        (Scalar::Day(x), Scalar::Day(y)) => x < y,
        _ => false,
    }
}

impl Test {
    fn matches<'t>(&self, cell: &'t str, days: &mut DayReader<'t>) -> bool {
        match self {
            Test::Empty => is_missing(cell),
            Test::NotEmpty => !is_missing(cell),
            Test::Contains(folded) => !is_missing(cell) && fold_key(cell).contains(folded.as_str()),
            Test::Equals(folded, value) => equals(cell, folded, *value, days),
            Test::NotEquals(folded, value) => !equals(cell, folded, *value, days),
            Test::Range {
                low,
                high,
                low_inclusive,
                high_inclusive,
            } => {
                let Some(bound) = low.or(*high) else {
                    return false;
                };
                let Some(x) = read_cell(cell, bound, days) else {
                    return false;
                };
                let above = low.is_none_or(|l| less(l, x) || (*low_inclusive && l == x));
                let below = high.is_none_or(|h| less(x, h) || (*high_inclusive && h == x));
                above && below
            }
        }
    }
}

/// The cell read as the same kind of scalar as `like`.
fn read_cell<'t>(cell: &'t str, like: Scalar, days: &mut DayReader<'t>) -> Option<Scalar> {
    if is_missing(cell) {
        return None;
    }
    match like {
        Scalar::Number(_) => parse_measure(cell)
            .filter(|v| v.is_finite())
            .map(Scalar::Number),
        Scalar::Day(_) => days.day(cell).map(Scalar::Day),
    }
}

fn equals<'t>(
    cell: &'t str,
    folded: &str,
    value: Option<Scalar>,
    days: &mut DayReader<'t>,
) -> bool {
    if is_missing(cell) {
        return false;
    }
    fold_key(cell) == folded
        || value.is_some_and(|v| read_cell(cell, v, days).is_some_and(|x| x == v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn condition(column: &str, operator: Operator, values: &[&str]) -> Condition {
        Condition {
            column: column.to_string(),
            operator,
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    /// Twelve customers, written as exports write them: Persian and
    /// Arabic-Indic digits, case and spacing variants, blanks and markers.
    fn customers() -> Table {
        Table::from_rows(
            &["id", "age", "city", "NPS", "joined"],
            &[
                &["1", "25", "Tehran", "9", "2024-01-05"],
                &["2", "34", "tehran ", "10", "2024-02-29"],
                &["3", "24", "Tehran", "10", "2023-12-31"],
                &["4", "35", "Tehran", "9", "1402/10/15"],
                &["5", "۳۰", "TEHRAN", "٩", "2024-03-01 09:30"],
                &["6", "29.5", "Shiraz", "9", ""],
                &["7", "", "Tehran", "9", "n/a"],
                &["8", "31", "Tehran", "8", "2024-01-01"],
                &["9", "thirty", "Tehran", "10", "2024-01-01"],
                &["10", "28", "", "9", "2024-06-30"],
                &["11", "27", "Tehran", "", "2024-01-01"],
                &["12", "33", "Teh ran", "9.0", "2025-01-01"],
            ],
        )
    }

    fn rule(join: Join, conditions: Vec<Condition>) -> Rule {
        Rule { join, conditions }
    }

    /// The brief's example: age 25–34 and city Tehran and NPS ≥ 9.
    fn example() -> Rule {
        rule(
            Join::All,
            vec![
                condition("age", Operator::Between, &["25", "34"]),
                condition("city", Operator::Equals, &["Tehran"]),
                condition("NPS", Operator::GreaterOrEqual, &["9"]),
            ],
        )
    }

    #[test]
    fn age_25_to_34_in_tehran_with_nps_9_or_more() {
        // By hand:
        // age 25–34: rows 1 (25), 2 (34), 5 (۳۰), 6 (29.5), 8, 10, 11, 12 = 8
        //   (24 and 35 outside; blank and "thirty" do not read).
        // city = Tehran (folded): 1, 2 ("tehran "), 3, 4, 5 (TEHRAN), 7, 8, 9,
        //   11, 12 ("Teh ran": spaces fold away) = 10 (Shiraz, blank no).
        // NPS ≥ 9: 1, 2, 3, 4, 5 (٩), 6, 7, 9, 10, 12 (9.0) = 10 (8, blank no).
        // All three: 1, 2, 5, 12 = 4.
        let table = customers();
        let count = count_matching(&table, &example()).unwrap();
        assert_eq!(
            count,
            RuleCount {
                matching: 4,
                total: 12,
                per_condition: vec![8, 10, 10],
            }
        );
        assert_eq!(
            matching_rows(&table, &example()).unwrap(),
            vec![0, 1, 4, 11]
        );
        // Any: every row here matches at least one condition.
        let any = Rule {
            join: Join::Any,
            ..example()
        };
        assert_eq!(count_matching(&table, &any).unwrap().matching, 12);
    }

    #[test]
    fn every_operator_by_hand() {
        let table = customers();
        let count = |c: Condition| {
            count_matching(&table, &rule(Join::All, vec![c]))
                .unwrap()
                .matching
        };
        // Ages that read: 25 34 24 35 30 29.5 31 28 27 33 (10 of 12).
        assert_eq!(count(condition("age", Operator::Less, &["25"])), 1);
        assert_eq!(count(condition("age", Operator::LessOrEqual, &["25"])), 2);
        assert_eq!(count(condition("age", Operator::Greater, &["33"])), 2);
        assert_eq!(
            count(condition("age", Operator::GreaterOrEqual, &["٣٣"])),
            3
        );
        assert_eq!(count(condition("age", Operator::Between, &["34", "25"])), 8);
        // = reads numbers too: 30 matches ۳۰; ≠ is the complement (12 − 1).
        assert_eq!(count(condition("age", Operator::Equals, &["30"])), 1);
        assert_eq!(count(condition("age", Operator::NotEquals, &["30"])), 11);
        // 9, 9, ٩, 9, 9, 9 and 9.0 (as a number).
        assert_eq!(count(condition("NPS", Operator::Equals, &["9"])), 7);
        assert_eq!(
            count(condition("city", Operator::NotEquals, &["tehran"])),
            2
        );
        assert_eq!(count(condition("city", Operator::Contains, &["HRA"])), 10);
        assert_eq!(count(condition("city", Operator::IsEmpty, &[])), 1);
        // Extra values are ignored when the operator reads none.
        assert_eq!(count(condition("age", Operator::IsEmpty, &["x"])), 1);
        assert_eq!(count(condition("joined", Operator::IsNotEmpty, &[])), 10);
    }

    #[test]
    fn dates_compare_as_days() {
        let table = customers();
        let count = |c: Condition| {
            count_matching(&table, &rule(Join::All, vec![c]))
                .unwrap()
                .matching
        };
        // Dates that read: 2024-01-05, 2024-02-29, 2023-12-31, 1402/10/15
        // (Jalali = 2024-01-05), 2024-03-01 09:30, 2024-01-01 ×3,
        // 2024-06-30, 2025-01-01.
        assert_eq!(
            count(condition(
                "joined",
                Operator::Between,
                &["2024-01-01", "2024-01-31"]
            )),
            5
        );
        assert_eq!(
            count(condition("joined", Operator::Less, &["2024-01-01"])),
            1
        );
        // A Jalali value: 1403/01/01 = 2024-03-20.
        assert_eq!(
            count(condition(
                "joined",
                Operator::GreaterOrEqual,
                &["1403/01/01"]
            )),
            2
        );
        // = by day: the Jalali cell and the ISO cell are the same day.
        assert_eq!(
            count(condition("joined", Operator::Equals, &["2024-01-05"])),
            2
        );
        assert_eq!(
            count(condition("joined", Operator::Equals, &["2024-03-01"])),
            1
        );
    }

    #[test]
    fn day_first_columns_read_in_their_order() {
        // 25/12/2023 settles the column day first, so 01/02/2024 is
        // 1 February, and so is the value.
        let table = Table::from_rows(
            &["joined"],
            &[
                &["25/12/2023"],
                &["01/02/2024"],
                &["03/01/2024"],
                &["Tehran"],
            ],
        );
        let count = |operator, values: &[&str]| {
            count_matching(
                &table,
                &rule(Join::All, vec![condition("joined", operator, values)]),
            )
            .unwrap()
            .matching
        };
        assert_eq!(count(Operator::Greater, &["2024-01-15"]), 1);
        assert_eq!(count(Operator::Equals, &["01/02/2024"]), 1);
        assert_eq!(count(Operator::Equals, &["2024-02-01"]), 1);
        assert_eq!(count(Operator::Between, &["2023-12-01", "2024-01-03"]), 2);
    }

    #[test]
    fn arabic_and_persian_spellings_meet() {
        // ي/ی and ك/ک: one city typed on two keyboards.
        let table = Table::from_rows(
            &["شهر"],
            &[&["کرج"], &["كرج"], &["یزد"], &["يزد "], &["تهران"]],
        );
        let count = |value: &str| {
            count_matching(
                &table,
                &rule(
                    Join::All,
                    vec![condition("شهر", Operator::Equals, &[value])],
                ),
            )
            .unwrap()
            .matching
        };
        assert_eq!(count("كرج"), 2);
        assert_eq!(count("یزد"), 2);
    }

    #[test]
    fn errors_name_the_condition_and_value() {
        let table = customers();
        let bad = rule(
            Join::All,
            vec![
                condition("age", Operator::Greater, &["30"]),
                condition("town", Operator::Equals, &["Tehran"]),
                condition("age", Operator::GreaterOrEqual, &["thirty"]),
                condition("age", Operator::Between, &["25"]),
                condition("age", Operator::Between, &["25", "2024-01-01"]),
                condition("city", Operator::Equals, &["  "]),
            ],
        );
        assert_eq!(
            count_matching(&table, &bad),
            Err(RuleError::UnknownColumn {
                condition: 1,
                column: "town".into()
            })
        );
        assert_eq!(
            check_rule(&table, &bad),
            vec![
                RuleError::UnknownColumn {
                    condition: 1,
                    column: "town".into()
                },
                RuleError::NotANumberOrDate {
                    condition: 2,
                    value: "thirty".into()
                },
                RuleError::MissingValue {
                    condition: 3,
                    operator: Operator::Between,
                    expected: 2,
                    found: 1
                },
                RuleError::NotANumberOrDate {
                    condition: 4,
                    value: "2024-01-01".into()
                },
                RuleError::MissingValue {
                    condition: 5,
                    operator: Operator::Equals,
                    expected: 1,
                    found: 0
                },
            ]
        );
        assert_eq!(
            RuleError::NotANumberOrDate {
                condition: 2,
                value: "thirty".into()
            }
            .to_string(),
            "condition 3: “thirty” is not a number or a date"
        );
    }

    #[test]
    fn no_conditions_and_serde() {
        let table = customers();
        let all = rule(Join::All, vec![]);
        let any = rule(Join::Any, vec![]);
        assert_eq!(count_matching(&table, &all).unwrap().matching, 12);
        assert_eq!(count_matching(&table, &any).unwrap().matching, 0);
        let json = serde_json::to_string(&example()).unwrap();
        assert!(json.contains("\"operator\":\"greater_or_equal\""), "{json}");
        assert!(json.contains("\"join\":\"all\""), "{json}");
        let back: Rule = serde_json::from_str(&json).unwrap();
        assert_eq!(back, example());
        // A saved condition without values reads (is_empty needs none).
        let saved = r#"{"join":"any","conditions":[{"column":"city","operator":"is_empty"}]}"#;
        let read: Rule = serde_json::from_str(saved).unwrap();
        assert_eq!(count_matching(&table, &read).unwrap().matching, 1);
    }
}
