//! A rule segmentation: an ordered list of named rules, each a segment.
//! Every customer goes to the first rule they match, and customers no rule
//! picks make a last segment, "everyone else". First-match (as a mail
//! tool's filters or a firewall's rules work) keeps the segments apart, so
//! they can be compared, told as personas and exported one label per
//! customer like any other segmentation.
//!
//! A rule that cannot be evaluated (a condition still missing its value, a
//! column the file no longer has) picks nobody and carries its errors, so
//! the builder counts the others live while the user is still typing.

use serde::{Deserialize, Serialize};

use super::rule_eval::{check_rule, rule_matches};
use super::rules::{Rule, RuleCount, RuleError};
use crate::core::table::Table;

/// The most rules one segmentation may hold: each is a pass over its
/// columns per count, and more groups than this stop being segments a
/// team can act on.
pub const MAX_RULE_SEGMENTS: usize = 30;

/// One segment: a name and the rule that picks its customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSegment {
    pub name: String,
    pub rule: Rule,
}

/// How one rule fared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSegmentCount {
    /// The rule on its own (before earlier rules took their customers);
    /// `None` when it has errors.
    pub alone: Option<RuleCount>,
    /// Customers in this segment: matching it and no earlier rule.
    pub assigned: usize,
    /// Every problem of the rule, by condition.
    pub errors: Vec<RuleError>,
}

/// The live counts of a rule segmentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSegmentCounts {
    /// Rows in the table.
    pub total: usize,
    /// One per rule, in order.
    pub segments: Vec<RuleSegmentCount>,
    /// Customers no rule picks: the last segment.
    pub rest: usize,
}

/// Each row's segment (`rules.len()` for everyone else) and the counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleAssignment {
    pub labels: Vec<usize>,
    pub counts: RuleSegmentCounts,
}

/// Give every row of `table` the first of `rules` it matches.
pub fn assign_rule_segments(table: &Table, rules: &[Rule]) -> RuleAssignment {
    let rest = rules.len();
    let mut labels = vec![rest; table.row_count()];
    let mut segments = Vec::with_capacity(rules.len());
    for (index, rule) in rules.iter().enumerate() {
        segments.push(match rule_matches(table, rule) {
            Ok((matches, per_condition)) => {
                let mut assigned = 0;
                for (label, &hit) in labels.iter_mut().zip(&matches) {
                    if hit && *label == rest {
                        *label = index;
                        assigned += 1;
                    }
                }
                RuleSegmentCount {
                    alone: Some(RuleCount {
                        matching: matches.iter().filter(|&&m| m).count(),
                        total: table.row_count(),
                        per_condition,
                    }),
                    assigned,
                    errors: Vec::new(),
                }
            }
            Err(_) => RuleSegmentCount {
                alone: None,
                assigned: 0,
                errors: check_rule(table, rule),
            },
        });
    }
    let counts = RuleSegmentCounts {
        total: table.row_count(),
        rest: labels.iter().filter(|&&l| l == rest).count(),
        segments,
    };
    RuleAssignment { labels, counts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::{Condition, Join, Operator};

    fn condition(column: &str, operator: Operator, values: &[&str]) -> Condition {
        Condition {
            column: column.into(),
            operator,
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    fn rule(join: Join, conditions: Vec<Condition>) -> Rule {
        Rule { join, conditions }
    }

    fn customers() -> Table {
        Table::from_rows(
            &["age", "city", "nps"],
            &[
                &["25", "Tehran", "9"],
                &["30", "Shiraz", "10"],
                &["41", "Tehran", "3"],
                &["33", "tehran", "7"],
                &["", "Tabriz", "9"],
                &["60", "Shiraz", "2"],
            ],
        )
    }

    #[test]
    fn each_customer_goes_to_the_first_rule_they_match() {
        let rules = [
            rule(
                Join::All,
                vec![
                    condition("age", Operator::Between, &["25", "34"]),
                    condition("city", Operator::Equals, &["Tehran"]),
                ],
            ),
            rule(
                Join::Any,
                vec![condition("nps", Operator::GreaterOrEqual, &["9"])],
            ),
        ];
        let found = assign_rule_segments(&customers(), &rules);
        // Rows 0 and 3 are young Tehranis; rows 1 and 4 promoters left
        // for the second rule (row 0 is a promoter too, but taken).
        assert_eq!(found.labels, vec![0, 1, 2, 0, 1, 2]);
        let [first, second] = &found.counts.segments[..] else {
            panic!("two rules")
        };
        assert_eq!(first.assigned, 2);
        assert_eq!(first.alone.as_ref().unwrap().per_condition, vec![3, 3]);
        assert_eq!(second.alone.as_ref().unwrap().matching, 3);
        assert_eq!(second.assigned, 2);
        assert_eq!(found.counts.rest, 2);
        assert_eq!(found.counts.total, 6);
    }

    #[test]
    fn a_rule_with_errors_picks_nobody_and_says_why() {
        let rules = [
            rule(
                Join::All,
                vec![
                    condition("age", Operator::Greater, &[""]),
                    condition("income", Operator::Equals, &["1"]),
                ],
            ),
            rule(
                Join::All,
                vec![condition("city", Operator::Equals, &["Shiraz"])],
            ),
        ];
        let found = assign_rule_segments(&customers(), &rules);
        let broken = &found.counts.segments[0];
        assert_eq!(broken.alone, None);
        assert_eq!(broken.assigned, 0);
        assert_eq!(broken.errors.len(), 2, "{:?}", broken.errors);
        assert_eq!(found.counts.segments[1].assigned, 2);
        assert_eq!(found.labels, vec![2, 1, 2, 2, 2, 1]);
    }

    #[test]
    fn no_rules_leave_everyone_else() {
        let found = assign_rule_segments(&customers(), &[]);
        assert_eq!(found.labels, vec![0; 6]);
        assert_eq!(found.counts.rest, 6);
    }
}
