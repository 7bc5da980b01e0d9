//! Personas in the engine: one [`PersonaFacts`] per segment of a kept
//! segmentation (k-means or rules), read from the open table with the
//! column types and roles the page shows (the user's corrections
//! included), and, when the table has a comment column, each segment's
//! sentiment and its clearest comments in the customers' own words.

use super::{Engine, Response, SegmentError, SegmentSource};
use crate::core::customer_base::{persona_table, CustomerRecord};
use crate::core::feedback::sentiment_by_group;
use crate::core::persona::{persona_facts, persona_input, PersonaFacts};
use crate::core::quality::ColumnKind;
use crate::core::schema::{ColumnType, Role};
use crate::core::segment::RfmSegment;
use crate::core::table::{Table, TextColumn};

impl Engine {
    /// The facts of every segment of the kept segmentation `of`, judging
    /// columns as `kinds` says (in column order).
    pub(super) fn personas(&self, of: SegmentSource, kinds: &[ColumnKind]) -> Response {
        let (Some(table), Ok((labels, segments))) = (self.table(), self.kept_labels(of)) else {
            return Response::SegmentFailed(SegmentError::NoSegmentation);
        };
        let roles: Vec<Role> = kinds.iter().map(|k| k.role).collect();
        let types: Vec<ColumnType> = kinds.iter().map(|k| k.column_type).collect();
        let input = persona_input(table, &roles, &types);
        match persona_facts(table, &labels, segments, &input) {
            Ok(mut facts) => {
                if let Some(comments) = comment_column(table, kinds) {
                    add_feedback(comments, &labels, segments, &mut facts);
                }
                Response::Personas { personas: facts }
            }
            Err(error) => Response::SegmentFailed(SegmentError::Compare(error)),
        }
    }
}

impl Engine {
    /// The facts of every RFM segment with customers (as last scored by
    /// `Request::Rfm`), read from the customer base: days since the last
    /// purchase, orders, spend, predicted value and churn risk, headed
    /// `headers` (in the UI language). A fact's `segment` is the segment's
    /// place in [`RfmSegment::ALL`].
    pub(super) fn rfm_personas(&self, headers: &[String]) -> Response {
        let (records, labels): (Vec<&CustomerRecord>, Vec<Option<usize>>) = self
            .rfm_assignments()
            .map(|(record, assigned)| {
                let segment = assigned
                    .segment
                    .and_then(|s| RfmSegment::ALL.iter().position(|&named| named == s));
                (record, segment)
            })
            .unzip();
        if records.is_empty() {
            return Response::NoCustomers;
        }
        let (table, input) = persona_table(&records, headers);
        match persona_facts(&table, &labels, RfmSegment::ALL.len(), &input) {
            Ok(facts) => Response::Personas {
                personas: facts.into_iter().filter(|f| f.size > 0).collect(),
            },
            Err(error) => Response::SegmentFailed(SegmentError::Compare(error)),
        }
    }
}

/// The first column the page reads as review text.
fn comment_column<'t>(table: &'t Table, kinds: &[ColumnKind]) -> Option<&'t TextColumn> {
    let index = kinds.iter().position(|k| k.role == Role::ReviewText)?;
    table.columns.get(index).map(|c| &c.cells)
}

/// Each segment's sentiment and its most positive and most negative
/// comment (scored once, grouped by segment number).
fn add_feedback(
    comments: &TextColumn,
    labels: &[Option<usize>],
    segments: usize,
    facts: &mut [PersonaFacts],
) {
    // Rows in no segment get an empty group, which is left out.
    let groups: TextColumn = labels
        .iter()
        .map(|label| label.map(|s| s.to_string()).unwrap_or_default())
        .collect::<Vec<String>>()
        .iter()
        .map(String::as_str)
        .collect();
    let (found, _) = sentiment_by_group(comments, &groups, segments);
    for group in found {
        let Some(fact) = group
            .group
            .parse::<usize>()
            .ok()
            .and_then(|s| facts.iter_mut().find(|f| f.segment == s))
        else {
            continue;
        };
        fact.quotes = [group.most_positive, group.most_negative]
            .into_iter()
            .flatten()
            .collect();
        fact.sentiment = Some(group.summary);
    }
}

#[cfg(test)]
mod tests {
    use crate::core::quality::ColumnKind;
    use crate::core::schema::{ColumnType, Role};
    use crate::core::segment::{Operator, Rule};
    use crate::engine::{Engine, Request, Response, SegmentError, SegmentSource};

    const CSV: &str = "age,spend,review\n\
        25,10,I love it\n\
        31,12,Great service\n\
        45,80,Terrible and slow\n\
        52,95,Awful\n\
        29,11,It arrived on Tuesday\n";

    fn engine() -> Engine {
        Engine::with_open("people.csv", CSV)
    }

    fn kinds() -> Vec<ColumnKind> {
        vec![
            ColumnKind {
                column_type: ColumnType::Integer,
                role: Role::Age,
            },
            ColumnKind {
                column_type: ColumnType::Integer,
                role: Role::Amount,
            },
            ColumnKind {
                column_type: ColumnType::Text,
                role: Role::ReviewText,
            },
        ]
    }

    fn young() -> Rule {
        Rule::one("age", Operator::Less, "35")
    }

    #[test]
    fn no_segmentation_no_personas() {
        let mut engine = engine();
        let answer = engine.handle(Request::Personas {
            of: SegmentSource::Rules,
            kinds: kinds(),
        });
        assert_eq!(
            answer,
            Response::SegmentFailed(SegmentError::NoSegmentation)
        );
    }

    /// Under 35: rows 1, 2, 5 (spend 10 + 12 + 11 = 33 of 208); everyone
    /// else: rows 3, 4 (80 + 95 = 175). The young wrote two positive
    /// comments and a neutral one; the others two negative ones.
    #[test]
    fn rule_segments_become_personas_with_their_comments() {
        let mut engine = engine();
        let counted = engine.handle(Request::RuleSegments {
            rules: vec![young()],
        });
        assert!(matches!(counted, Response::RuleSegments(_)), "{counted:?}");
        let answer = engine.handle(Request::Personas {
            of: SegmentSource::Rules,
            kinds: kinds(),
        });
        // The answer crosses to the page as JSON.
        let json = serde_json::to_string(&answer).expect("to JSON");
        // (Floats may differ in their last bit through JSON.)
        assert!(
            matches!(
                serde_json::from_str::<Response>(&json),
                Ok(Response::Personas { .. })
            ),
            "{json}"
        );
        let Response::Personas { personas: facts } = answer else {
            panic!("no personas");
        };
        assert_eq!(facts.len(), 2);
        let (young, rest) = (&facts[0], &facts[1]);
        assert_eq!((young.size, rest.size), (3, 2));
        let revenue = young.revenue.as_ref().expect("a money column");
        assert_eq!((revenue.total, revenue.base_total), (33.0, 208.0));
        let sentiment = young.sentiment.as_ref().expect("comments");
        assert_eq!(
            (sentiment.comments, sentiment.positive, sentiment.neutral),
            (3, 2, 1)
        );
        let rest_sentiment = rest.sentiment.as_ref().expect("comments");
        assert_eq!((rest_sentiment.comments, rest_sentiment.negative), (2, 2));
        assert!(young
            .quotes
            .iter()
            .any(|q| q.text == "I love it" || q.text == "Great service"));
        assert!(
            rest.quotes.iter().all(|q| q.row == 2 || q.row == 3),
            "{:?}",
            rest.quotes
        );
        assert!(!rest.quotes.is_empty());
    }
}
