//! Rule segments in the engine: the builder's rules evaluated on the open
//! table (live counts while the user edits), and each row's segment kept
//! so the rule segmentation can be compared, profiled and exported like a
//! k-means one (see [`super::SegmentSource`]).

use super::{Engine, Response, SegmentError};
use crate::core::segment::{assign_rule_segments, Rule, MAX_RULE_SEGMENTS};

/// The last rule segmentation of the open table.
#[derive(Debug, Clone)]
pub(super) struct RuleLabels {
    /// The open table's generation it was made for.
    generation: u64,
    /// Each row's segment; `segments - 1` is everyone else.
    labels: Vec<usize>,
    segments: usize,
    /// The rules, in order, for the SQL export.
    pub rules: Vec<Rule>,
}

impl Engine {
    /// Count `rules` on the open table and keep each row's segment.
    pub(super) fn rule_segments(&mut self, rules: &[Rule]) -> Response {
        let Some(table) = self.table() else {
            return Response::NoTable;
        };
        if rules.len() > MAX_RULE_SEGMENTS {
            return Response::SegmentFailed(SegmentError::TooManyRules {
                rules: rules.len(),
                max: MAX_RULE_SEGMENTS,
            });
        }
        let found = assign_rule_segments(table, rules);
        self.rule_labels = Some(RuleLabels {
            generation: self.open_generation,
            labels: found.labels,
            segments: rules.len() + 1,
            rules: rules.to_vec(),
        });
        Response::RuleSegments(Box::new(found.counts))
    }

    /// The kept rule segmentation, if the open table is still the one it
    /// is of.
    pub(super) fn kept_rules(&self) -> Option<&[Rule]> {
        self.rule_labels
            .as_ref()
            .filter(|kept| kept.generation == self.open_generation)
            .map(|kept| kept.rules.as_slice())
    }

    /// The kept rule segmentation's labels, if the open table is still
    /// the one it is of.
    pub(super) fn rule_labels(&self) -> Result<(Vec<Option<usize>>, usize), SegmentError> {
        let kept = self
            .rule_labels
            .as_ref()
            .filter(|kept| kept.generation == self.open_generation)
            .ok_or(SegmentError::NoSegmentation)?;
        Ok((
            kept.labels.iter().map(|&label| Some(label)).collect(),
            kept.segments,
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::core::segment::compare::{TraitChoice, TraitKind};
    use crate::core::segment::{Operator, Rule};
    use crate::engine::{Engine, Request, Response, RowFilter, SegmentSource};

    fn engine() -> Engine {
        Engine::with_open(
            "people.csv",
            "age,city,spend\n25,Tehran,10\n31,Tehran,12\n45,Shiraz,80\n52,Shiraz,95\n29,Tabriz,11\n",
        )
    }

    fn young() -> Rule {
        Rule::one("age", Operator::Less, "35")
    }

    #[test]
    fn counts_then_profiles_compares_and_exports_the_rule_segments() {
        let mut engine = engine();
        let Response::RuleSegments(counts) = engine.handle(Request::RuleSegments {
            rules: vec![young()],
        }) else {
            panic!("no counts");
        };
        assert_eq!(counts.segments[0].assigned, 3);
        assert_eq!(counts.rest, 2);

        let traits = vec![TraitChoice {
            column: 2,
            kind: TraitKind::Numeric,
        }];
        let Response::SegmentProfiles(profiles) = engine.handle(Request::SegmentProfiles {
            traits: traits.clone(),
            of: SegmentSource::Rules,
        }) else {
            panic!("no profiles");
        };
        assert_eq!(profiles.segments.len(), 2, "the rule and everyone else");
        assert_eq!(profiles.labelled, 5);
        let compared = engine.handle(Request::CompareSegments {
            a: 0,
            b: 1,
            traits,
            of: SegmentSource::Rules,
        });
        assert!(matches!(compared, Response::SegmentComparison(_)));

        let Response::Csv { text } = engine.handle(Request::ExportSegments {
            names: vec!["Young".into(), "Everyone else".into()],
            header: "segment".into(),
            of: SegmentSource::Rules,
        }) else {
            panic!("no csv");
        };
        assert_eq!(text.lines().filter(|l| l.ends_with(",Young")).count(), 3);
        assert_eq!(
            text.lines()
                .filter(|l| l.ends_with(",Everyone else"))
                .count(),
            2
        );
        // The k-means one is separate, and there is none.
        assert!(matches!(
            engine.handle(Request::SegmentProfiles {
                traits: vec![],
                of: SegmentSource::KMeans,
            }),
            Response::SegmentFailed(_)
        ));
    }

    #[test]
    fn a_changed_table_drops_the_rule_segments() {
        let mut engine = engine();
        engine.handle(Request::RuleSegments {
            rules: vec![young()],
        });
        engine.handle(Request::SetFilter {
            filter: Some(RowFilter {
                column: 1,
                value: "Tehran".into(),
            }),
        });
        assert!(matches!(
            engine.handle(Request::SegmentProfiles {
                traits: vec![],
                of: SegmentSource::Rules,
            }),
            Response::SegmentFailed(_)
        ));
    }

    #[test]
    fn too_many_rules_are_refused() {
        let mut engine = engine();
        let rules = vec![young(); crate::core::segment::MAX_RULE_SEGMENTS + 1];
        assert!(matches!(
            engine.handle(Request::RuleSegments { rules }),
            Response::SegmentFailed(_)
        ));
    }
}
