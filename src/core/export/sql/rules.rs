//! A rule segmentation as SQL: one `CASE` whose `WHEN`s are the rules in
//! order, so each row gets the first rule it matches and "everyone else"
//! the last segment (`segment::assign_rule_segments`). Each condition is
//! written with the engine's semantics (`segment::rule_eval`): `=` and
//! `contains` on folded text, `=` also on the number or day the value
//! reads as, orderings on numbers or days, missing cells never matching an
//! ordering, `≠` the exact complement of `=`. A condition is never NULL
//! (`COALESCE(…, FALSE)`), so `NOT` and `OR` behave as in the engine.
//! A rule the engine cannot evaluate (a value missing, a column gone)
//! picks nobody here too.

use super::cells::{day, day_gap, fold, gap_lines, missing, number, number_gap, ReadingGap};
use super::dialect::{float, SqlDialect};
use super::header::{header, segment_name_case};
use crate::core::calendar::{decide_order, iso_date, parse_day};
use crate::core::quality::fold_key;
use crate::core::schema::{parse_measure, DateOrder};
use crate::core::segment::{check_rule, Condition, Join, Operator, RuleSegment};
use crate::core::table::Table;

/// A condition's value as the engine reads it.
#[derive(Clone, Copy)]
enum Scalar {
    Number(f64),
    Day(i32),
}

/// The SQL giving every row of `table_name` its rule segment (1-based;
/// `segments.len() + 1` is everyone else). `names`: the user's names of
/// the segments, everyone else last.
pub fn rules_sql(
    table: &Table,
    segments: &[RuleSegment],
    names: &[String],
    d: SqlDialect,
    table_name: &str,
) -> String {
    let mut gaps: Vec<ReadingGap> = Vec::new();
    let mut lines = vec![
        format!(
            "Nimrokh segment definition: {} rule segments + everyone else ({}).",
            segments.len(),
            d.name()
        ),
        "Each row gets the first rule it matches; rows no rule picks, the last segment.".to_string(),
        "Text compares ignore case, spaces, dots, Arabic/Persian letter variants and digit scripts."
            .to_string(),
        String::new(),
    ];
    let mut all_names: Vec<String> = segments.iter().map(|s| s.name.clone()).collect();
    for (slot, name) in all_names.iter_mut().zip(names) {
        if !name.trim().is_empty() {
            slot.clone_from(name);
        }
    }
    all_names.push(names.get(segments.len()).cloned().unwrap_or_default());
    let mut whens = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let errors = check_rule(table, &segment.rule);
        let name = all_names.get(i).map(|n| n.trim()).unwrap_or_default();
        lines.push(format!("{}. {name}", i + 1));
        let test = if errors.is_empty() {
            rule_sql(
                table,
                &segment.rule.join,
                &segment.rule.conditions,
                d,
                &mut gaps,
            )
        } else {
            lines.push("   (cannot be evaluated in Nimrokh: picks nobody)".to_string());
            "FALSE".to_string()
        };
        whens.push(format!("    WHEN {test}\n      THEN {}", i + 1));
    }
    let rest = segments.len() + 1;
    lines.push(format!("{rest}. everyone else"));
    lines.push(String::new());
    gaps.dedup();
    lines.extend(gap_lines(&gaps));
    let columns: Vec<String> = table.columns.iter().map(|c| d.ident(&c.name)).collect();
    let case = format!("CASE\n{}\n    ELSE {rest}\n  END", whens.join("\n"));
    format!(
        "{header}WITH nimrokh_segments AS (\n  SELECT t.*,\n  {case} AS nimrokh_segment\n  FROM {table} AS t\n)\n\
SELECT {columns},\n  nimrokh_segment AS {segment},\n  {name_case} AS {segment_name}\nFROM nimrokh_segments;\n",
        header = header(&lines),
        table = d.table(table_name),
        columns = columns.join(", "),
        segment = d.ident("segment"),
        segment_name = d.ident("segment_name"),
        name_case = segment_name_case(d, "nimrokh_segment", rest, &all_names),
    )
}

fn rule_sql(
    table: &Table,
    join: &Join,
    conditions: &[Condition],
    d: SqlDialect,
    gaps: &mut Vec<ReadingGap>,
) -> String {
    if conditions.is_empty() {
        return if *join == Join::All { "TRUE" } else { "FALSE" }.to_string();
    }
    let tests: Vec<String> = conditions
        .iter()
        .map(|c| condition_sql(table, c, d, gaps))
        .collect();
    let glue = if *join == Join::All {
        "\n       AND "
    } else {
        "\n       OR "
    };
    format!("({})", tests.join(glue))
}

fn condition_sql(
    table: &Table,
    condition: &Condition,
    d: SqlDialect,
    gaps: &mut Vec<ReadingGap>,
) -> String {
    let Some(column) = table.column_by_name(&condition.column) else {
        return "FALSE".to_string();
    };
    let cell = format!("t.{}", d.ident(&condition.column));
    let values: Vec<&str> = condition
        .values
        .iter()
        .map(|v| v.trim())
        .take(condition.operator.value_count())
        .collect();
    let numeric = |v: &str| parse_measure(v).filter(|x| x.is_finite());
    let order: Option<DateOrder> = if values.iter().any(|v| numeric(v).is_none()) {
        decide_order(column.cells.iter())
    } else {
        None
    };
    let scalar = |v: &str| {
        numeric(v)
            .map(Scalar::Number)
            .or_else(|| parse_day(v, order).map(Scalar::Day))
    };
    let mut read = |s: Scalar| -> (String, String) {
        match s {
            Scalar::Number(x) => {
                if let Some(gap) = number_gap(&condition.column, &column.cells) {
                    gaps.push(gap);
                }
                (number(d, &cell), float(x))
            }
            Scalar::Day(x) => {
                if let Some(gap) = day_gap(&condition.column, &column.cells, order) {
                    gaps.push(gap);
                }
                (day(d, &cell, order), d.date(&iso_date(x)))
            }
        }
    };
    let first = values.first().copied().unwrap_or("");
    let present = format!("NOT {}", missing(d, &cell));
    let test = match condition.operator {
        Operator::IsEmpty => return missing(d, &cell),
        Operator::IsNotEmpty => return present,
        Operator::Contains => format!(
            "{present} AND INSTR({}, {}) > 0",
            fold(d, &cell),
            d.string(&fold_key(first))
        ),
        Operator::Equals | Operator::NotEquals => {
            let text = format!("{} = {}", fold(d, &cell), d.string(&fold_key(first)));
            let equal = match scalar(first) {
                Some(s) => {
                    let (x, literal) = read(s);
                    format!("{present} AND ({text} OR {x} = {literal})")
                }
                None => format!("{present} AND {text}"),
            };
            let equal = format!("COALESCE({equal}, FALSE)");
            return if condition.operator == Operator::Equals {
                equal
            } else {
                format!("NOT {equal}")
            };
        }
        Operator::Less | Operator::LessOrEqual | Operator::Greater | Operator::GreaterOrEqual => {
            let Some(s) = scalar(first) else {
                return "FALSE".to_string();
            };
            let (x, literal) = read(s);
            let op = match condition.operator {
                Operator::Less => "<",
                Operator::LessOrEqual => "<=",
                Operator::Greater => ">",
                _ => ">=",
            };
            format!("{x} {op} {literal}")
        }
        Operator::Between => {
            let (Some(a), Some(b)) = (scalar(first), values.get(1).and_then(|v| scalar(v))) else {
                return "FALSE".to_string();
            };
            let (low, high) = match (a, b) {
                (Scalar::Number(x), Scalar::Number(y)) => {
                    (Scalar::Number(x.min(y)), Scalar::Number(x.max(y)))
                }
                (Scalar::Day(x), Scalar::Day(y)) => (Scalar::Day(x.min(y)), Scalar::Day(x.max(y))),
                _ => return "FALSE".to_string(),
            };
            let (x, low) = read(low);
            let (_, high) = read(high);
            format!("{x} BETWEEN {low} AND {high}")
        }
    };
    format!("COALESCE({test}, FALSE)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::Rule;

    fn segments() -> Vec<RuleSegment> {
        vec![
            RuleSegment {
                name: "Young in Tehran".into(),
                rule: Rule {
                    join: Join::All,
                    conditions: vec![
                        Condition {
                            column: "age".into(),
                            operator: Operator::Less,
                            values: vec!["30".into()],
                        },
                        Condition {
                            column: "city".into(),
                            operator: Operator::Equals,
                            values: vec!["tehran".into()],
                        },
                    ],
                },
            },
            RuleSegment {
                name: "Joined 2024".into(),
                rule: Rule {
                    join: Join::Any,
                    conditions: vec![Condition {
                        column: "joined".into(),
                        operator: Operator::Between,
                        values: vec!["2024-12-31".into(), "2024-01-01".into()],
                    }],
                },
            },
        ]
    }

    fn table() -> Table {
        Table::from_rows(
            &["age", "city", "joined"],
            &[&["25", "Tehran", "2024-02-01"], &["۴۰", "Yazd", "1/2/2024"]],
        )
    }

    #[test]
    fn first_match_case_with_everyone_else_last() {
        let sql = rules_sql(&table(), &segments(), &[], SqlDialect::DuckDb, "people");
        assert!(sql.starts_with(
            "-- Nimrokh segment definition: 2 rule segments + everyone else (DuckDB)."
        ));
        assert!(sql.contains("THEN 1\n"));
        assert!(sql.contains("ELSE 3\n"));
        assert!(sql.contains("BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'"));
        assert!(sql.contains("< 3e1"));
        assert!(sql.contains("WHEN 3 THEN 'Segment 3'"));
        assert!(sql.contains("age: 1 cell(s), e.g. \"۴۰\""));
    }

    #[test]
    fn dialects_differ_in_dates_and_regexes() {
        let spark = rules_sql(&table(), &segments(), &[], SqlDialect::Spark, "people");
        assert!(spark.contains(
            "TO_DATE(TRY_TO_TIMESTAMP(split_part(TRIM(t.`joined`), ' ', 1), 'yyyy-M-d'))"
        ));
        let bigquery = rules_sql(&table(), &segments(), &[], SqlDialect::BigQuery, "people");
        assert!(bigquery
            .contains("SAFE.PARSE_DATE('%Y-%m-%d', SPLIT(TRIM(t.`joined`), ' ')[SAFE_OFFSET(0)])"));
    }
}
