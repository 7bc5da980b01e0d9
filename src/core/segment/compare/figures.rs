//! The figures of one trait for a group against a reference: means and
//! index for numbers, shares and lift per level for categories, each with
//! its effect size and test.
//!
//! Three sets of segments are involved, so one code path serves both
//! comparisons:
//! - the **group** (a segment);
//! - the **reference** its values are shown against (the whole base, or
//!   another segment);
//! - the **contrast** it is tested against (the rest of the base — a
//!   segment is part of the base, so testing it against the base would
//!   compare it partly with itself — or the other segment).
//!
//! Effect sizes, for ranking what sets a group apart (see
//! `distinguish.rs`), are on Cohen's common scale (0.2 small, 0.5
//! medium, 0.8 large):
//! - numbers: the standardized difference (group mean − reference mean) /
//!   the sample standard deviation of the customers compared (group and
//!   contrast together: the base, or both segments);
//! - shares: Cohen's h = 2·asin√p_group − 2·asin√p_reference, which, unlike
//!   a difference or ratio of shares, weighs 2%→7% as the bigger change
//!   than 50%→55%, as a reader does.

use serde::{Deserialize, Serialize};

use super::proportions::two_proportion_z_test;
use super::tally::{CategoricalTally, NumericTally};
use super::test::{NoTest, Test};
use super::welch::welch_t_test;

/// A numeric trait on one side of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NumericSide {
    /// Customers with a number here.
    pub count: usize,
    /// Customers without one (missing or unreadable), left out.
    pub missing: usize,
    /// Of `missing`, cells written but not numbers.
    pub unreadable: usize,
    pub mean: Option<f64>,
    /// Sample standard deviation (n − 1).
    pub std_dev: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NumericFigures {
    pub group: NumericSide,
    pub reference: NumericSide,
    /// 100 × group mean / reference mean; None unless the reference mean
    /// is positive (an index of a negative or zero mean means nothing).
    pub index: Option<f64>,
    /// Standardized difference (see the module docs); None without spread.
    pub effect: Option<f64>,
    /// Welch's t-test, group against the contrast.
    pub test: Test,
}

/// One level of a categorical trait (or "other").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelFigures {
    /// The level as usually spelled; empty for the pooled "other".
    pub level: String,
    /// True for the pool of the levels beyond the reported ones.
    pub pooled: bool,
    pub group_count: usize,
    /// Share of the group's answered cells; None when none answered.
    pub group_share: Option<f64>,
    pub reference_count: usize,
    pub reference_share: Option<f64>,
    /// group share / reference share; None when the reference share is 0.
    pub lift: Option<f64>,
    /// Cohen's h (see the module docs).
    pub effect: Option<f64>,
    /// Two-proportion z-test, group against the contrast.
    pub test: Test,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoricalFigures {
    /// Answered (non-missing) cells in the group and the reference.
    pub group_answered: usize,
    pub group_missing: usize,
    pub reference_answered: usize,
    pub reference_missing: usize,
    /// The reported levels, most frequent in the base first, then "other"
    /// when `other_levels > 0`.
    pub levels: Vec<LevelFigures>,
    /// Distinct levels pooled into "other".
    pub other_levels: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TraitFigures {
    Numeric(NumericFigures),
    Categorical(CategoricalFigures),
}

impl TraitFigures {
    /// Every test of this trait, for adjusting a group's tests together.
    pub(super) fn tests_mut(&mut self) -> Vec<&mut Test> {
        match self {
            TraitFigures::Numeric(n) => vec![&mut n.test],
            TraitFigures::Categorical(c) => c.levels.iter_mut().map(|l| &mut l.test).collect(),
        }
    }
}

/// Which segments form each side of a comparison.
pub(super) struct Sides<G, R, C> {
    pub group: G,
    pub reference: R,
    pub contrast: C,
}

pub(super) fn numeric_figures<G, R, C>(
    tally: &NumericTally,
    sides: &Sides<G, R, C>,
) -> NumericFigures
where
    G: Fn(usize) -> bool,
    R: Fn(usize) -> bool,
    C: Fn(usize) -> bool,
{
    let side = |(m, missing, unreadable): (super::moments::Moments, usize, usize)| NumericSide {
        count: m.count,
        missing,
        unreadable,
        mean: m.mean(),
        std_dev: m.std_dev(),
    };
    let (group, g_missing, g_unreadable) = tally.side(&sides.group);
    let (reference, r_missing, r_unreadable) = tally.side(&sides.reference);
    let (contrast, _, _) = tally.side(&sides.contrast);
    let compared = group.merge(contrast);
    let index = match (group.mean(), reference.mean()) {
        (Some(g), Some(r)) if r > 0.0 => Some(100.0 * g / r),
        _ => None,
    };
    let effect = match (group.mean(), reference.mean(), compared.std_dev()) {
        (Some(g), Some(r), Some(sd)) if sd > 0.0 => Some((g - r) / sd),
        _ => None,
    };
    NumericFigures {
        group: side((group, g_missing, g_unreadable)),
        reference: side((reference, r_missing, r_unreadable)),
        index,
        effect,
        test: welch_t_test(&group, &contrast),
    }
}

pub(super) fn categorical_figures<G, R, C>(
    tally: &CategoricalTally,
    sides: &Sides<G, R, C>,
) -> CategoricalFigures
where
    G: Fn(usize) -> bool,
    R: Fn(usize) -> bool,
    C: Fn(usize) -> bool,
{
    let (group, group_answered, group_missing) = tally.side(&sides.group);
    let (reference, reference_answered, reference_missing) = tally.side(&sides.reference);
    let (contrast, contrast_answered, _) = tally.side(&sides.contrast);
    let share = |count: usize, of: usize| (of > 0).then(|| count as f64 / of as f64);
    let mut levels = Vec::with_capacity(tally.levels.len() + 1);
    for (slot, ((&g, &r), &c)) in group.iter().zip(&reference).zip(&contrast).enumerate() {
        let level = tally.levels.get(slot);
        if level.is_none() && tally.other_levels == 0 {
            continue; // no "other" pool
        }
        let group_share = share(g, group_answered);
        let reference_share = share(r, reference_answered);
        let lift = match (group_share, reference_share) {
            (Some(gs), Some(rs)) if rs > 0.0 => Some(gs / rs),
            _ => None,
        };
        let effect = match (group_share, reference_share) {
            (Some(gs), Some(rs)) => Some(2.0 * gs.sqrt().asin() - 2.0 * rs.sqrt().asin()),
            _ => None,
        };
        let test = if level.is_some() {
            two_proportion_z_test(g, group_answered, c, contrast_answered)
        } else {
            Test::not(NoTest::Pooled)
        };
        levels.push(LevelFigures {
            level: level.cloned().unwrap_or_default(),
            pooled: level.is_none(),
            group_count: g,
            group_share,
            reference_count: r,
            reference_share,
            lift,
            effect,
            test,
        });
    }
    CategoricalFigures {
        group_answered,
        group_missing,
        reference_answered,
        reference_missing,
        levels,
        other_levels: tally.other_levels,
    }
}
