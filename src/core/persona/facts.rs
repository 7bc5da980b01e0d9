//! The figures a persona card needs for one segment: size and share, key
//! demographics (age band, gender, place), behaviour (each measure's mean
//! and median against the base), favourite products/channels/devices,
//! feedback (NPS; sentiment and quotes filled by the caller) and value
//! (share of customers against share of revenue, CLV, churn).
//!
//! Means, shares, lifts, effect sizes and significance come from
//! `segment::compare::profile_segments` (one profile of every segment
//! against the base); the age bands are profiled the same way, as a
//! categorical column of band numbers. Only medians, NPS and revenue are
//! computed here (`values.rs`).

use serde::{Deserialize, Serialize};

use super::age::{age_bands, band_of, AgeBand};
use super::columns::{Meaning, MeasureKind, PersonaColumn, PersonaInput};
use super::values::{median, number_at, segment_nps, segment_values, SegmentValues};
use crate::core::feedback::{Nps, Quote, SentimentSummary};
use crate::core::segment::compare::{
    distinguishing_traits, profile_segments, CategoricalFigures, CompareError, GroupProfile,
    LevelFigures, NumericFigures, TraitChoice, TraitFigures, TraitKind,
};
use crate::core::table::{Column, Table, TextColumn};

/// A numeric trait of the segment against the base. Means and medians
/// are None without any number (an empty segment): never NaN, which JSON
/// cannot carry to the page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Numbers {
    /// Customers with a number here.
    pub count: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub base_mean: Option<f64>,
    pub base_median: Option<f64>,
    /// 100 × mean / base mean (None unless the base mean is positive).
    pub index: Option<f64>,
    /// Standardized mean difference (see `segment::compare`).
    pub effect: Option<f64>,
    /// Significant against the rest of the base (after the adjustment).
    pub significant: bool,
}

/// A measure (income, spend, frequency…) of the segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureFact {
    pub column: usize,
    /// The column's header.
    pub name: String,
    pub kind: MeasureKind,
    pub numbers: Numbers,
}

/// One value of a categorical column in the segment against the base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelFact {
    pub column: usize,
    pub name: String,
    pub meaning: Meaning,
    /// The value as usually written.
    pub level: String,
    /// Customers of the segment with this value.
    pub count: usize,
    /// Customers of the segment with any value here.
    pub answered: usize,
    /// count / answered.
    pub share: f64,
    pub base_share: f64,
    /// share / base share; None when the base share is 0.
    pub lift: Option<f64>,
    /// Cohen's h (see `segment::compare`).
    pub effect: Option<f64>,
    pub significant: bool,
}

/// The segment's ages: its commonest band and its mean and median.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgeFact {
    pub column: usize,
    pub name: String,
    /// The band with the most of the segment's customers (ties: the
    /// younger band).
    pub band: AgeBand,
    /// Customers of the segment in that band, and with an age in any band.
    pub band_count: usize,
    pub banded: usize,
    pub band_share: f64,
    pub band_base_share: f64,
    /// band share / base share.
    pub band_lift: Option<f64>,
    pub years: Numbers,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsFact {
    pub column: usize,
    pub name: String,
    pub segment: Nps,
    pub base: Nps,
}

/// The segment's share of customers against its share of the money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevenueFact {
    pub column: usize,
    pub name: String,
    /// The segment's total, and every labelled customer's.
    pub total: f64,
    pub base_total: f64,
    /// total / base total; None when the base total is not positive.
    pub revenue_share: Option<f64>,
}

/// What a distinction is about, by index into the facts' lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "index")]
pub enum Source {
    Age,
    Gender,
    Place(usize),
    Favourite(usize),
    Measure(usize),
}

/// A significant difference from the base, the largest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distinct {
    pub source: Source,
    /// Signed effect size: positive when the segment is above the base.
    pub effect: f64,
    /// For a categorical trait, the value whose share differs most.
    pub level: Option<LevelFact>,
}

/// Everything a persona card says about one segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaFacts {
    pub segment: usize,
    pub size: usize,
    /// size / labelled customers.
    pub share: f64,
    /// Labelled customers: the base.
    pub base_size: usize,
    pub age: Option<AgeFact>,
    /// The segment's commonest gender.
    pub gender: Option<LevelFact>,
    /// Per place column, the segment's commonest value.
    pub places: Vec<LevelFact>,
    /// Per product/channel/device column, the segment's favourite.
    pub favourites: Vec<LevelFact>,
    /// Every measure, in column order.
    pub measures: Vec<MeasureFact>,
    pub nps: Option<NpsFact>,
    pub revenue: Option<RevenueFact>,
    /// Filled by the caller (sentiment is scored elsewhere).
    pub sentiment: Option<SentimentSummary>,
    /// Representative comments, filled by the caller.
    pub quotes: Vec<Quote>,
    /// What sets the segment apart, the largest effect first.
    pub distinctions: Vec<Distinct>,
}

impl PersonaFacts {
    /// The first measure of this kind (the CLV, the churn risk…), if the
    /// table has one.
    pub fn measure(&self, kind: MeasureKind) -> Option<&MeasureFact> {
        self.measures.iter().find(|m| m.kind == kind)
    }
}

/// The facts of every segment (`labels[row]` below `segments`, None for
/// rows in none), from the columns `input` names.
pub fn persona_facts(
    table: &Table,
    labels: &[Option<usize>],
    segments: usize,
    input: &PersonaInput,
) -> Result<Vec<PersonaFacts>, CompareError> {
    let profiled: Vec<PersonaColumn> = input
        .columns
        .iter()
        .filter(|c| c.meaning != Meaning::Nps)
        .copied()
        .collect();
    let choices: Vec<TraitChoice> = profiled.iter().map(trait_choice).collect();
    let profiles = profile_segments(table, labels, segments, &choices)?;
    let age_column = profiled.iter().find(|c| c.meaning == Meaning::Age);
    let bands = match age_column {
        Some(c) => Some(band_profiles(table, c.column, labels, segments)?),
        None => None,
    };
    let values: Vec<Option<SegmentValues>> = profiled
        .iter()
        .map(|c| numeric_cells(table, c).map(|cells| segment_values(cells, labels, segments)))
        .collect();
    let nps = nps_facts(table, input, labels, segments);
    let revenue = revenue_facts(table, input.money, labels, segments);
    Ok(profiles
        .segments
        .iter()
        .map(|profile| {
            let s = profile.segment;
            let context = Context {
                profiled: &profiled,
                values: &values,
                bands: bands.as_ref().and_then(|b| b.get(s)),
            };
            let mut facts = segment_facts(profile, profiles.labelled, &context);
            facts.nps = nps.as_ref().and_then(|n| n.get(s)).cloned();
            facts.revenue = revenue.as_ref().and_then(|r| r.get(s)).cloned();
            facts
        })
        .collect())
}

fn trait_choice(c: &PersonaColumn) -> TraitChoice {
    let kind = match c.meaning {
        Meaning::Age | Meaning::Nps | Meaning::Measure(_) => TraitKind::Numeric,
        Meaning::Gender | Meaning::Place | Meaning::Favourite => TraitKind::Categorical,
    };
    TraitChoice {
        column: c.column,
        kind,
    }
}

fn numeric_cells<'t>(table: &'t Table, c: &PersonaColumn) -> Option<&'t TextColumn> {
    matches!(c.meaning, Meaning::Age | Meaning::Measure(_))
        .then(|| table.columns.get(c.column).map(|col| &col.cells))
        .flatten()
}

/// Every segment's profile of the age-band column (band numbers as text:
/// "0" under 18 … "6" 65 and over).
fn band_profiles(
    table: &Table,
    column: usize,
    labels: &[Option<usize>],
    segments: usize,
) -> Result<Vec<GroupProfile>, CompareError> {
    let Some(ages) = table.columns.get(column) else {
        return Err(CompareError::NoSuchColumn(column));
    };
    let mut cells = TextColumn::new();
    for row in 0..labels.len() {
        let band = number_at(&ages.cells, row).and_then(band_of);
        cells.push(&band.map(|b| b.to_string()).unwrap_or_default());
    }
    let banded = Table {
        columns: vec![Column {
            name: ages.name.clone(),
            cells,
        }],
    };
    let choice = TraitChoice {
        column: 0,
        kind: TraitKind::Categorical,
    };
    Ok(profile_segments(&banded, labels, segments, &[choice])?.segments)
}

/// What one segment's facts are read from besides its profile.
struct Context<'a> {
    profiled: &'a [PersonaColumn],
    values: &'a [Option<SegmentValues>],
    bands: Option<&'a GroupProfile>,
}

fn segment_facts(profile: &GroupProfile, labelled: usize, context: &Context) -> PersonaFacts {
    let mut facts = PersonaFacts {
        segment: profile.segment,
        size: profile.size,
        share: profile.share,
        base_size: labelled,
        age: None,
        gender: None,
        places: Vec::new(),
        favourites: Vec::new(),
        measures: Vec::new(),
        nps: None,
        revenue: None,
        sentiment: None,
        quotes: Vec::new(),
        distinctions: Vec::new(),
    };
    // Where each profiled trait went, for the distinctions.
    let mut sources: Vec<Option<Source>> = Vec::with_capacity(profile.traits.len());
    for (index, t) in profile.traits.iter().enumerate() {
        let column = context.profiled.get(index);
        let values = context.values.get(index).and_then(Option::as_ref);
        let source = match (column.map(|c| c.meaning), &t.figures) {
            (Some(Meaning::Age), TraitFigures::Numeric(n)) if facts.age.is_none() => {
                let years = numbers(n, values, profile.segment);
                facts.age = context
                    .bands
                    .and_then(|b| age_fact(t.column, &t.name, b, years));
                facts.age.as_ref().map(|_| Source::Age)
            }
            (Some(Meaning::Measure(kind)), TraitFigures::Numeric(n)) => {
                facts.measures.push(MeasureFact {
                    column: t.column,
                    name: t.name.clone(),
                    kind,
                    numbers: numbers(n, values, profile.segment),
                });
                Some(Source::Measure(facts.measures.len() - 1))
            }
            (Some(meaning), TraitFigures::Categorical(c)) => {
                let top = commonest_level(c).map(|l| level_fact(t.column, &t.name, meaning, c, l));
                match (meaning, top) {
                    (Meaning::Gender, Some(top)) if facts.gender.is_none() => {
                        facts.gender = Some(top);
                        Some(Source::Gender)
                    }
                    (Meaning::Place, Some(top)) => {
                        facts.places.push(top);
                        Some(Source::Place(facts.places.len() - 1))
                    }
                    (Meaning::Favourite, Some(top)) => {
                        facts.favourites.push(top);
                        Some(Source::Favourite(facts.favourites.len() - 1))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        sources.push(source);
    }
    facts.distinctions = distinctions(profile, &sources, context.profiled);
    facts
}

/// The figures of a numeric trait, with the medians from the raw values.
fn numbers(n: &NumericFigures, values: Option<&SegmentValues>, segment: usize) -> Numbers {
    let segment_values = values.and_then(|v| v.per_segment.get(segment));
    Numbers {
        count: n.group.count,
        mean: n.group.mean,
        median: segment_values.and_then(|v| median(v)),
        base_mean: n.reference.mean,
        base_median: values.and_then(|v| median(&v.base)),
        index: n.index,
        effect: n.effect,
        significant: n.test.is_significant(),
    }
}

/// The level most of the segment has (ties: the one commoner in the base,
/// listed first); never the pooled "other".
fn commonest_level(c: &CategoricalFigures) -> Option<&LevelFigures> {
    c.levels
        .iter()
        .filter(|l| !l.pooled && l.group_count > 0)
        .fold(None, |best: Option<&LevelFigures>, l| match best {
            Some(b) if b.group_count >= l.group_count => Some(b),
            _ => Some(l),
        })
}

fn level_fact(
    column: usize,
    name: &str,
    meaning: Meaning,
    c: &CategoricalFigures,
    l: &LevelFigures,
) -> LevelFact {
    LevelFact {
        column,
        name: name.to_string(),
        meaning,
        level: l.level.clone(),
        count: l.group_count,
        answered: c.group_answered,
        share: l.group_share.unwrap_or(0.0),
        base_share: l.reference_share.unwrap_or(0.0),
        lift: l.lift,
        effect: l.effect,
        significant: l.test.is_significant(),
    }
}

/// The age fact from the band profile: the segment's commonest band.
fn age_fact(column: usize, name: &str, bands: &GroupProfile, years: Numbers) -> Option<AgeFact> {
    let TraitFigures::Categorical(c) = &bands.traits.first()?.figures else {
        return None;
    };
    // Ties go to the younger band: band numbers sort as text ("0".."6").
    let top = c
        .levels
        .iter()
        .filter(|l| !l.pooled && l.group_count > 0)
        .max_by(|a, b| {
            a.group_count
                .cmp(&b.group_count)
                .then_with(|| b.level.cmp(&a.level))
        })?;
    let band = top
        .level
        .parse::<usize>()
        .ok()
        .and_then(|i| age_bands().get(i).copied())?;
    Some(AgeFact {
        column,
        name: name.to_string(),
        band,
        band_count: top.group_count,
        banded: c.group_answered,
        band_share: top.group_share.unwrap_or(0.0),
        band_base_share: top.reference_share.unwrap_or(0.0),
        band_lift: top.lift,
        years,
    })
}

/// The profile's distinguishing traits that are part of the facts.
fn distinctions(
    profile: &GroupProfile,
    sources: &[Option<Source>],
    profiled: &[PersonaColumn],
) -> Vec<Distinct> {
    distinguishing_traits(profile, usize::MAX)
        .into_iter()
        .filter_map(|d| {
            let source = (*sources.get(d.trait_index)?)?;
            let t = profile.traits.get(d.trait_index)?;
            let level = match (&t.figures, d.level) {
                (TraitFigures::Categorical(c), Some(i)) => {
                    let meaning = profiled.get(d.trait_index)?.meaning;
                    Some(level_fact(t.column, &t.name, meaning, c, c.levels.get(i)?))
                }
                _ => None,
            };
            Some(Distinct {
                source,
                effect: d.effect,
                level,
            })
        })
        .collect()
}

/// The NPS of each segment against the base, from the first NPS column.
fn nps_facts(
    table: &Table,
    input: &PersonaInput,
    labels: &[Option<usize>],
    segments: usize,
) -> Option<Vec<NpsFact>> {
    let column = input.columns.iter().find(|c| c.meaning == Meaning::Nps)?;
    let cells = table.columns.get(column.column)?;
    let (per_segment, base) = segment_nps(&cells.cells, labels, segments);
    Some(
        per_segment
            .into_iter()
            .map(|segment| NpsFact {
                column: column.column,
                name: cells.name.clone(),
                segment,
                base: base.clone(),
            })
            .collect(),
    )
}

/// Each segment's total of the money column against the base's.
fn revenue_facts(
    table: &Table,
    money: Option<usize>,
    labels: &[Option<usize>],
    segments: usize,
) -> Option<Vec<RevenueFact>> {
    let column = money?;
    let cells = table.columns.get(column)?;
    let values = segment_values(&cells.cells, labels, segments);
    let base_total = values.base.iter().sum::<f64>() + 0.0;
    Some(
        values
            .per_segment
            .iter()
            .map(|v| {
                // + 0.0: an empty sum is −0.0, which would read "−0%".
                let total = v.iter().sum::<f64>() + 0.0;
                RevenueFact {
                    column,
                    name: cells.name.clone(),
                    total,
                    base_total,
                    revenue_share: (base_total > 0.0).then(|| total / base_total),
                }
            })
            .collect(),
    )
}
