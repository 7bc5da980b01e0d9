//! The named RFM segments as an editable map over the 5 × 5 grid of the
//! recency score (R) and the frequency-monetary score (FM): an ordered list
//! of rules, each a range of R and a range of FM, the first rule a cell
//! falls in naming it.
//!
//! # The standard map
//!
//! The published map this follows is the 10-segment regular-expression map
//! of the "RFM segmentation" notebooks (the Miuul / Kaggle CRM analytics
//! course, reproduced in hundreds of public notebooks):
//!
//! ```text
//! [1-2][1-2] hibernating   [1-2][3-4] at_risk        [1-2]5 cant_loose
//! 3[1-2]     about_to_sleep 33        need_attention [3-4][4-5] loyal_customers
//! 41         promising      51        new_customers  [4-5][2-3] potential_loyalists
//! 5[4-5]     champions
//! ```
//!
//! Two choices are ours, made so the grid carries all eleven names of the
//! issue (the 11-segment lists of e.g. the `rfm` R package add Lost):
//!
//! - The second score is FM, not F alone: the issue asks for the R vs
//!   (F + M)/2 grid, so money counts as much as frequency. FM is the mean of
//!   F and M rounded half up, `(F + M + 1) / 2` in integers, so it is again
//!   a score 1–5 (F = 5, M = 4 gives 5; F = 1, M = 2 gives 2).
//! - The map's Hibernating block (R 1–2, FM 1–2) is split: R = 1 is
//!   **Lost** (the oldest purchases with little frequency or money, the
//!   `rfm` package's and churned.io's Lost), R = 2 stays Hibernating.
//!
//! Every cell of the standard map is named exactly once, so its order does
//! not matter; a user's edits may overlap (the first rule wins) or leave
//! cells uncovered (reported, their customers counted as unassigned).

use serde::{Deserialize, Serialize};

/// The lowest and highest score.
pub const MIN_SCORE: u8 = 1;
pub const MAX_SCORE: u8 = 5;

/// The eleven named segments, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RfmSegment {
    Champions,
    Loyal,
    PotentialLoyalists,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLoseThem,
    Hibernating,
    Lost,
}

impl RfmSegment {
    pub const ALL: [RfmSegment; 11] = [
        RfmSegment::Champions,
        RfmSegment::Loyal,
        RfmSegment::PotentialLoyalists,
        RfmSegment::New,
        RfmSegment::Promising,
        RfmSegment::NeedAttention,
        RfmSegment::AboutToSleep,
        RfmSegment::AtRisk,
        RfmSegment::CantLoseThem,
        RfmSegment::Hibernating,
        RfmSegment::Lost,
    ];

    /// The segment's name in the message catalogues (`rfm.segment.KEY`).
    pub fn key(self) -> &'static str {
        match self {
            RfmSegment::Champions => "champions",
            RfmSegment::Loyal => "loyal",
            RfmSegment::PotentialLoyalists => "potential_loyalists",
            RfmSegment::New => "new",
            RfmSegment::Promising => "promising",
            RfmSegment::NeedAttention => "need_attention",
            RfmSegment::AboutToSleep => "about_to_sleep",
            RfmSegment::AtRisk => "at_risk",
            RfmSegment::CantLoseThem => "cant_lose_them",
            RfmSegment::Hibernating => "hibernating",
            RfmSegment::Lost => "lost",
        }
    }
}

/// Scores `min..=max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRange {
    pub min: u8,
    pub max: u8,
}

impl ScoreRange {
    pub const fn new(min: u8, max: u8) -> Self {
        ScoreRange { min, max }
    }

    pub fn contains(self, score: u8) -> bool {
        (self.min..=self.max).contains(&score)
    }

    fn is_valid(self) -> bool {
        MIN_SCORE <= self.min && self.min <= self.max && self.max <= MAX_SCORE
    }
}

/// Customers whose R score is in `recency` and FM score in `fm` belong to
/// `segment` (unless an earlier rule took them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RfmRule {
    pub segment: RfmSegment,
    pub recency: ScoreRange,
    pub fm: ScoreRange,
}

/// What is wrong with one rule (by its place in the list, from 0). A rule
/// with a problem names no cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum RuleProblem {
    /// A bound outside 1–5.
    OutOfRange { rule: usize },
    /// Its lowest score above its highest.
    Reversed { rule: usize },
}

/// The rules, in order: the first that holds a cell names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RfmRules {
    pub rules: Vec<RfmRule>,
}

impl Default for RfmRules {
    fn default() -> Self {
        RfmRules::standard()
    }
}

impl RfmRules {
    /// The standard map (see the module's documentation).
    pub fn standard() -> Self {
        use RfmSegment::*;
        let rule = |segment, r: (u8, u8), fm: (u8, u8)| RfmRule {
            segment,
            recency: ScoreRange::new(r.0, r.1),
            fm: ScoreRange::new(fm.0, fm.1),
        };
        RfmRules {
            rules: vec![
                rule(Champions, (5, 5), (4, 5)),
                rule(Loyal, (3, 4), (4, 5)),
                rule(PotentialLoyalists, (4, 5), (2, 3)),
                rule(New, (5, 5), (1, 1)),
                rule(Promising, (4, 4), (1, 1)),
                rule(NeedAttention, (3, 3), (3, 3)),
                rule(AboutToSleep, (3, 3), (1, 2)),
                rule(AtRisk, (1, 2), (3, 4)),
                rule(CantLoseThem, (1, 2), (5, 5)),
                rule(Hibernating, (2, 2), (1, 2)),
                rule(Lost, (1, 1), (1, 2)),
            ],
        }
    }

    /// The problems of each rule, in list order.
    pub fn problems(&self) -> Vec<RuleProblem> {
        self.rules
            .iter()
            .enumerate()
            .filter_map(|(rule, r)| {
                let bounds = [r.recency.min, r.recency.max, r.fm.min, r.fm.max];
                if bounds.iter().any(|b| !(MIN_SCORE..=MAX_SCORE).contains(b)) {
                    Some(RuleProblem::OutOfRange { rule })
                } else if !(r.recency.is_valid() && r.fm.is_valid()) {
                    Some(RuleProblem::Reversed { rule })
                } else {
                    None
                }
            })
            .collect()
    }

    /// The segment of the cell (R, FM): the first valid rule holding it.
    pub fn segment_of(&self, recency: u8, fm: u8) -> Option<RfmSegment> {
        self.rules
            .iter()
            .filter(|r| r.recency.is_valid() && r.fm.is_valid())
            .find(|r| r.recency.contains(recency) && r.fm.contains(fm))
            .map(|r| r.segment)
    }

    /// Every cell's segment, R = 1..=5 outer, FM = 1..=5 inner.
    pub fn grid(&self) -> Vec<GridCellRule> {
        scores()
            .flat_map(|recency| {
                scores().map(move |fm| GridCellRule {
                    recency,
                    fm,
                    segment: None,
                })
            })
            .map(|cell| GridCellRule {
                segment: self.segment_of(cell.recency, cell.fm),
                ..cell
            })
            .collect()
    }

    /// The cells no rule names, as (R, FM).
    pub fn uncovered(&self) -> Vec<(u8, u8)> {
        self.grid()
            .into_iter()
            .filter(|c| c.segment.is_none())
            .map(|c| (c.recency, c.fm))
            .collect()
    }

    /// The segments the rules name, each once, best first.
    pub fn segments(&self) -> Vec<RfmSegment> {
        RfmSegment::ALL
            .into_iter()
            .filter(|s| self.rules.iter().any(|r| r.segment == *s))
            .collect()
    }
}

/// One cell of the grid and the segment the rules give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridCellRule {
    pub recency: u8,
    pub fm: u8,
    pub segment: Option<RfmSegment>,
}

fn scores() -> impl Iterator<Item = u8> + Clone {
    MIN_SCORE..=MAX_SCORE
}

/// F and M combined: their mean rounded half up, a score 1–5 again.
pub fn fm_score(frequency: u8, monetary: u8) -> u8 {
    (frequency + monetary).div_ceil(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use RfmSegment::*;

    /// The regex map of the notebooks, read over (R, FM), with R = 1 of its
    /// hibernating block named Lost.
    fn notebook_map(r: u8, fm: u8) -> RfmSegment {
        match (r, fm) {
            (1, 1..=2) => Lost,
            (2, 1..=2) => Hibernating,
            (1..=2, 3..=4) => AtRisk,
            (1..=2, 5) => CantLoseThem,
            (3, 1..=2) => AboutToSleep,
            (3, 3) => NeedAttention,
            (3..=4, 4..=5) => Loyal,
            (4, 1) => Promising,
            (5, 1) => New,
            (4..=5, 2..=3) => PotentialLoyalists,
            (5, 4..=5) => Champions,
            _ => panic!("cell {r}{fm} outside the map"),
        }
    }

    #[test]
    fn the_standard_map_names_every_cell_as_the_notebooks_do() {
        let rules = RfmRules::standard();
        assert!(rules.problems().is_empty());
        assert!(rules.uncovered().is_empty());
        for cell in rules.grid() {
            assert_eq!(
                cell.segment,
                Some(notebook_map(cell.recency, cell.fm)),
                "{cell:?}"
            );
        }
        assert_eq!(rules.segments(), RfmSegment::ALL);
        // Each of the eleven names holds at least one cell.
        for segment in RfmSegment::ALL {
            assert!(rules.grid().iter().any(|c| c.segment == Some(segment)));
        }
    }

    #[test]
    fn fm_is_the_mean_rounded_half_up() {
        assert_eq!(fm_score(1, 1), 1);
        assert_eq!(fm_score(1, 2), 2);
        assert_eq!(fm_score(4, 5), 5);
        assert_eq!(fm_score(3, 4), 4);
        assert_eq!(fm_score(2, 4), 3);
    }

    #[test]
    fn the_first_rule_wins_and_gaps_are_reported() {
        let mut rules = RfmRules::standard();
        // Champions widened to R 4–5 takes Loyal's R = 4 cells.
        rules.rules[0].recency = ScoreRange::new(4, 5);
        assert_eq!(rules.segment_of(4, 4), Some(Champions));
        assert_eq!(rules.segment_of(3, 4), Some(Loyal));
        // Lost removed: its two cells are uncovered.
        rules.rules.retain(|r| r.segment != Lost);
        assert_eq!(rules.uncovered(), [(1, 1), (1, 2)]);
        assert_eq!(rules.segment_of(1, 1), None);
        assert!(!rules.segments().contains(&Lost));
    }

    #[test]
    fn bad_rules_are_reported_and_name_nothing() {
        let mut rules = RfmRules::standard();
        rules.rules[3].recency = ScoreRange::new(0, 9);
        rules.rules[4].fm = ScoreRange::new(3, 1);
        assert_eq!(
            rules.problems(),
            [
                RuleProblem::OutOfRange { rule: 3 },
                RuleProblem::Reversed { rule: 4 }
            ]
        );
        assert_eq!(rules.segment_of(5, 1), None);
        assert_eq!(rules.segment_of(4, 1), None);
        assert_eq!(rules.uncovered(), [(4, 1), (5, 1)]);
    }
}
