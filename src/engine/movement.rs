//! Segments over time in the engine: who is in which segment now (for a
//! snapshot the page stores), and how customers moved since a snapshot.

use super::{Engine, Response, SegmentError, SegmentSource};
use crate::core::segment::{movement, Members};

impl Engine {
    /// Each customer's id (from `id_column`) and segment in the kept
    /// segmentation `of`.
    pub(super) fn segment_members(&self, of: SegmentSource, id_column: usize) -> Response {
        match self.members(of, id_column) {
            Ok((members, _)) => Response::SegmentMembers(Box::new(members)),
            Err(response) => *response,
        }
    }

    /// How the customers of `before` (a snapshot of `before_k` segments)
    /// moved to the kept segmentation `of`, matched by `id_column`.
    pub(super) fn movement_since(
        &self,
        before: &Members,
        before_k: usize,
        of: SegmentSource,
        id_column: usize,
    ) -> Response {
        match self.members(of, id_column) {
            Ok((now, k)) => Response::Movement(Box::new(movement(before, before_k, &now, k))),
            Err(response) => *response,
        }
    }

    fn members(
        &self,
        of: SegmentSource,
        id_column: usize,
    ) -> Result<(Members, usize), Box<Response>> {
        let Some(table) = self.table() else {
            return Err(Box::new(Response::NoTable));
        };
        let Some(ids) = table.columns.get(id_column) else {
            return Err(Box::new(Response::NoSuchColumn { column: id_column }));
        };
        let (segments, k) = self
            .kept_labels(of)
            .map_err(|_| Box::new(Response::SegmentFailed(SegmentError::NoSegmentation)))?;
        Ok((Members::from_rows(ids.cells.iter(), segments), k))
    }
}

#[cfg(test)]
mod tests {
    use crate::core::segment::{Operator, Rule};
    use crate::engine::{Engine, Request, Response, SegmentSource};

    fn load(engine: &mut Engine, csv: &str) {
        engine.open_csv("people.csv", csv);
    }

    fn rich() -> Vec<Rule> {
        vec![Rule::one("spend", Operator::GreaterOrEqual, "50")]
    }

    #[test]
    fn a_snapshot_then_newer_data_gives_the_moves() {
        let mut engine = Engine::new();
        load(&mut engine, "id,spend\nA,10\nB,60\nC,70\nD,5\n");
        engine.handle(Request::RuleSegments { rules: rich() });
        let Response::SegmentMembers(before) = engine.handle(Request::SegmentMembers {
            of: SegmentSource::Rules,
            id_column: 0,
        }) else {
            panic!("no members");
        };
        assert_eq!(before.ids, vec!["A", "B", "C", "D"]);
        assert_eq!(before.segments, vec![1, 0, 0, 1]);

        // Newer data: A now spends, C has gone, E is new.
        load(&mut engine, "id,spend\nA,80\nB,60\nD,1\nE,99\n");
        engine.handle(Request::RuleSegments { rules: rich() });
        let Response::Movement(moved) = engine.handle(Request::Movement {
            before: *before,
            before_k: 2,
            of: SegmentSource::Rules,
            id_column: 0,
        }) else {
            panic!("no movement");
        };
        assert_eq!(moved.counts, vec![vec![1, 0], vec![1, 1]]);
        assert_eq!(moved.left, vec![1, 0]);
        assert_eq!(moved.joined, vec![1, 0]);
        assert_eq!(moved.before_sizes, vec![2, 2]);
        assert_eq!(moved.after_sizes, vec![3, 1]);
    }

    #[test]
    fn no_segmentation_or_column_says_so() {
        let mut engine = Engine::new();
        load(&mut engine, "id,spend\nA,10\n");
        assert!(matches!(
            engine.handle(Request::SegmentMembers {
                of: SegmentSource::KMeans,
                id_column: 0,
            }),
            Response::SegmentFailed(_)
        ));
        engine.handle(Request::RuleSegments { rules: rich() });
        assert!(matches!(
            engine.handle(Request::SegmentMembers {
                of: SegmentSource::Rules,
                id_column: 7,
            }),
            Response::NoSuchColumn { column: 7 }
        ));
    }
}
