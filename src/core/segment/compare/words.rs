//! A group's figures in plain words, in the UI language: its size, and a
//! sentence per distinguishing trait ("Income is 48% higher than average
//! (index 148)"), with the language's digits and plural forms.
//!
//! The sentence depends on what the group is compared with: the whole base
//! ("than average"), another segment (named by the caller, as the user
//! named it), or the other customers (the ideal customer profile).

use super::distinguish::{distinguishing_traits, Distinction};
use super::figures::{LevelFigures, NumericFigures, TraitFigures};
use super::profile::{GroupProfile, Reference};
use super::test::NoTest;
use crate::core::i18n::{format_decimal, tr, tr_args, tr_count, Lang};

/// The smallest lift a sentence gives as a ratio (two decimals).
const MIN_SHOWN_LIFT: f64 = 0.01;

/// "212 customers, 12% of all customers."
pub fn describe_size(lang: Lang, profile: &GroupProfile) -> String {
    let size = u64::try_from(profile.size).unwrap_or(u64::MAX);
    tr_count(
        lang,
        "segment_compare.size",
        size,
        &[("share", &percent(profile.share, lang))],
    )
}

/// The sentence for one distinguishing trait; `other` names the reference
/// segment (used only when the reference is a segment). None when the
/// distinction does not point at a trait of `profile`.
pub fn describe_distinction(
    lang: Lang,
    profile: &GroupProfile,
    distinction: &Distinction,
    other: &str,
) -> Option<String> {
    let profiled = profile.traits.get(distinction.trait_index)?;
    let name = profiled.name.as_str();
    match (&profiled.figures, distinction.level) {
        (TraitFigures::Numeric(n), None) => {
            Some(numeric_sentence(lang, profile.reference, name, n, other))
        }
        (TraitFigures::Categorical(c), Some(level)) => {
            let level = c.levels.get(level)?;
            Some(level_sentence(lang, profile.reference, name, level, other))
        }
        _ => None,
    }
}

/// The sentences of the `n` traits that set `profile` apart most.
pub fn describe_distinguishing_traits(
    lang: Lang,
    profile: &GroupProfile,
    n: usize,
    other: &str,
) -> Vec<String> {
    distinguishing_traits(profile, n)
        .iter()
        .filter_map(|d| describe_distinction(lang, profile, d, other))
        .collect()
}

/// Why a figure has no test.
pub fn describe_no_test(lang: Lang, reason: NoTest) -> String {
    let key = match reason {
        NoTest::TooFew => "segment_compare.no_test.too_few",
        NoTest::NoVariance => "segment_compare.no_test.no_variance",
        NoTest::SmallExpected => "segment_compare.no_test.small_expected",
        NoTest::Pooled => "segment_compare.no_test.pooled",
    };
    tr(lang, key)
}

/// How the differences are tested, for a note under the figures.
pub fn describe_method(lang: Lang) -> String {
    tr(lang, "segment_compare.method")
}

/// The name shown for a level: its text, or "Other values" for the pool.
pub fn describe_level(lang: Lang, level: &LevelFigures) -> String {
    if level.pooled {
        tr(lang, "segment_compare.pooled_level")
    } else {
        level.level.clone()
    }
}

fn numeric_sentence(
    lang: Lang,
    reference: Reference,
    name: &str,
    figures: &NumericFigures,
    other: &str,
) -> String {
    let (Some(mean), Some(reference_mean)) = (figures.group.mean, figures.reference.mean) else {
        return name.to_string();
    };
    let Some(index) = figures.index else {
        let key = match reference {
            Reference::Base => "segment_compare.mean.base",
            Reference::Segment(_) => "segment_compare.mean.segment",
            Reference::Rest => "segment_compare.mean.rest",
        };
        return tr_args(
            lang,
            key,
            &[
                ("trait", name),
                ("value", &readable(mean, lang)),
                ("reference", &readable(reference_mean, lang)),
                ("other", other),
            ],
        );
    };
    let key = match (index >= 100.0, reference) {
        (true, Reference::Base) => "segment_compare.higher.base",
        (true, Reference::Segment(_)) => "segment_compare.higher.segment",
        (true, Reference::Rest) => "segment_compare.higher.rest",
        (false, Reference::Base) => "segment_compare.lower.base",
        (false, Reference::Segment(_)) => "segment_compare.lower.segment",
        (false, Reference::Rest) => "segment_compare.lower.rest",
    };
    let difference = (index - 100.0).abs();
    let places = if difference < 10.0 { 1 } else { 0 };
    tr_args(
        lang,
        key,
        &[
            ("trait", name),
            ("percent", &format_decimal(difference, places, lang)),
            ("index", &format_decimal(index, 0, lang)),
            ("other", other),
        ],
    )
}

fn level_sentence(
    lang: Lang,
    reference: Reference,
    name: &str,
    level: &LevelFigures,
    other: &str,
) -> String {
    let share = |s: Option<f64>| percent(s.unwrap_or(0.0), lang);
    // No ratio to give when the reference has none of this level, and
    // none worth reading when this group has almost none ("0.00×").
    let ratio = level.lift.filter(|&lift| lift >= MIN_SHOWN_LIFT);
    let key = match (ratio.is_some(), reference) {
        (true, Reference::Base) => "segment_compare.level.base",
        (true, Reference::Segment(_)) => "segment_compare.level.segment",
        (true, Reference::Rest) => "segment_compare.level.rest",
        (false, Reference::Base) => "segment_compare.level_plain.base",
        (false, Reference::Segment(_)) => "segment_compare.level_plain.segment",
        (false, Reference::Rest) => "segment_compare.level_plain.rest",
    };
    let lift = ratio.unwrap_or(0.0);
    let lift_places = if lift < 0.1 { 2 } else { 1 };
    tr_args(
        lang,
        key,
        &[
            ("trait", name),
            ("level", &describe_level(lang, level)),
            ("share", &share(level.group_share)),
            ("reference", &share(level.reference_share)),
            ("lift", &format_decimal(lift, lift_places, lang)),
            ("other", other),
        ],
    )
}

/// A share as a percentage: whole percents, one decimal below 1%.
fn percent(share: f64, lang: Lang) -> String {
    let value = 100.0 * share;
    let places = if value > 0.0 && value < 1.0 { 1 } else { 0 };
    format_decimal(value, places, lang)
}

/// A mean with as many decimals as its size deserves.
fn readable(x: f64, lang: Lang) -> String {
    let places = match x.abs() {
        a if a >= 100.0 => 0,
        a if a >= 10.0 => 1,
        _ => 2,
    };
    format_decimal(x, places, lang)
}
