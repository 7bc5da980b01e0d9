//! The traits that set a group apart most, for the sentences on a
//! segment's card.
//!
//! Only differences that survive the Benjamini–Hochberg adjustment count;
//! among those, the largest effect first (standardized mean difference for
//! numbers, Cohen's h for a level's share: one scale, see `figures.rs`).
//! A p-value is not a ranking: with 50,000 customers a trivial difference
//! has a tiny p. A categorical trait is one entry, its level with the
//! largest effect: for a two-level column the other level is the mirror
//! image and would only repeat it.

use serde::{Deserialize, Serialize};

use super::figures::TraitFigures;
use super::profile::GroupProfile;

/// Effect sizes closer than this are the same effect.
const SAME_EFFECT: f64 = 1e-9;

/// One distinguishing trait of a group.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Distinction {
    /// Index into the group's `traits`.
    pub trait_index: usize,
    /// For a categorical trait, the index of the level among its `levels`.
    pub level: Option<usize>,
    /// The effect size (signed: positive when the group is above).
    pub effect: f64,
}

/// At most `n` distinguishing traits of `profile`, the largest |effect|
/// first (ties in trait order).
pub fn distinguishing_traits(profile: &GroupProfile, n: usize) -> Vec<Distinction> {
    let mut found: Vec<Distinction> = profile
        .traits
        .iter()
        .enumerate()
        .filter_map(|(trait_index, t)| strongest(trait_index, &t.figures))
        .collect();
    found.sort_by(|a, b| {
        b.effect
            .abs()
            .total_cmp(&a.effect.abs())
            .then(a.trait_index.cmp(&b.trait_index))
    });
    found.truncate(n);
    found
}

/// Orders two (level, effect) pairs by |effect|. Effects within
/// [`SAME_EFFECT`] are equal (a two-level trait's levels are exact
/// mirrors, h and −h, up to rounding); then the over-represented level
/// wins ("80% are from Tehran" reads better than "20% are from Shiraz"),
/// then the more frequent level (lower index).
fn stronger(a: (usize, f64), b: (usize, f64)) -> std::cmp::Ordering {
    let (ea, eb) = (a.1.abs(), b.1.abs());
    if (ea - eb).abs() <= SAME_EFFECT {
        (a.1 > 0.0).cmp(&(b.1 > 0.0)).then(b.0.cmp(&a.0))
    } else {
        ea.total_cmp(&eb)
    }
}

/// The trait's significant difference with the largest effect, if any.
fn strongest(trait_index: usize, figures: &TraitFigures) -> Option<Distinction> {
    match figures {
        TraitFigures::Numeric(n) => {
            let effect = n.effect.filter(|e| e.is_finite())?;
            n.test.is_significant().then_some(Distinction {
                trait_index,
                level: None,
                effect,
            })
        }
        TraitFigures::Categorical(c) => c
            .levels
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.pooled && l.test.is_significant())
            .filter_map(|(i, l)| Some((i, l.effect.filter(|e| e.is_finite())?)))
            .max_by(|a, b| stronger(*a, *b))
            .map(|(level, effect)| Distinction {
                trait_index,
                level: Some(level),
                effect,
            }),
    }
}
