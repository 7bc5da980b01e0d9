//! What sets each segment apart: every segment against the whole base
//! ([`profile_segments`]), or one segment against another
//! ([`compare_two`]).

use serde::{Deserialize, Serialize};

use super::adjust::adjust_together;
use super::figures::{categorical_figures, numeric_figures, Sides, TraitFigures};
use super::tally::{tally, Tally};
use super::traits::TraitChoice;
use crate::core::table::Table;

/// More segments than anyone can read a profile of; the bound keeps a
/// wrong count from sizing per-segment tallies beyond memory.
pub const MAX_SEGMENTS: usize = 10_000;

/// What a group's figures are shown against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "segment")]
pub enum Reference {
    /// Every labelled customer (the segment included); tests are against
    /// the rest of the base.
    Base,
    /// Another segment; tests are against it.
    Segment(usize),
    /// Every labelled customer outside the group (the ideal customer
    /// profile: the top customers against everyone else).
    Rest,
}

/// One trait of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraitProfile {
    pub column: usize,
    /// The column's header.
    pub name: String,
    pub figures: TraitFigures,
}

/// One segment against its reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupProfile {
    pub segment: usize,
    /// Customers in the segment.
    pub size: usize,
    /// size / labelled customers (0 when none is labelled).
    pub share: f64,
    pub reference: Reference,
    /// Customers in the reference.
    pub reference_size: usize,
    /// Tests adjusted together (Benjamini–Hochberg) for this group.
    pub tests: usize,
    pub traits: Vec<TraitProfile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentProfiles {
    /// Table rows in some segment: the base.
    pub labelled: usize,
    /// Table rows in none (excluded from every figure).
    pub unlabelled: usize,
    /// One per segment, in segment order.
    pub segments: Vec<GroupProfile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareError {
    /// The labels do not cover the table row for row.
    LabelCount { labels: usize, rows: usize },
    /// A trait names a column the table does not have.
    NoSuchColumn(usize),
    /// More segments than [`MAX_SEGMENTS`].
    TooManySegments(usize),
    /// A row's label is not below the number of segments (0-based row).
    LabelOutOfRange {
        row: usize,
        label: usize,
        segments: usize,
    },
}

impl std::fmt::Display for CompareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompareError::LabelCount { labels, rows } => {
                write!(f, "{labels} segment labels for a table of {rows} rows")
            }
            CompareError::NoSuchColumn(c) => write!(f, "no column {c}"),
            CompareError::TooManySegments(s) => {
                write!(f, "{s} segments; at most {MAX_SEGMENTS} can be compared")
            }
            CompareError::LabelOutOfRange {
                row,
                label,
                segments,
            } => write!(
                f,
                "row {} is in segment {label}, but there are {segments} segments",
                row + 1
            ),
        }
    }
}

/// Every segment's size and share, and per trait its figures against the
/// whole base, tested against the rest of the base; each segment's tests
/// adjusted together (see `adjust.rs`).
pub fn profile_segments(
    table: &Table,
    labels: &[Option<usize>],
    segments: usize,
    traits: &[TraitChoice],
) -> Result<SegmentProfiles, CompareError> {
    let sizes = check_labels(table, labels, segments)?;
    let tallies = tally_traits(table, labels, segments, traits)?;
    let labelled: usize = sizes.iter().sum();
    let profiles = (0..segments)
        .map(|segment| {
            let sides = Sides {
                group: |s: usize| s == segment,
                reference: |_: usize| true,
                contrast: |s: usize| s != segment,
            };
            let size = sizes.get(segment).copied().unwrap_or(0);
            group_profile(
                segment,
                (size, labelled),
                (Reference::Base, labelled),
                &sides,
                &tallies,
            )
        })
        .collect();
    Ok(SegmentProfiles {
        labelled,
        unlabelled: labels.len() - labelled,
        segments: profiles,
    })
}

/// Segment `a` against segment `b`: the same figures, with `b` as both
/// the reference and the contrast. A segment no row is in is empty (its
/// figures untested), not an error.
pub fn compare_two(
    table: &Table,
    labels: &[Option<usize>],
    a: usize,
    b: usize,
    traits: &[TraitChoice],
) -> Result<GroupProfile, CompareError> {
    compare_pair(table, labels, (a, b), Reference::Segment(b), traits)
}

/// `a` against `b` with the reference named as the caller means it.
pub(super) fn compare_pair(
    table: &Table,
    labels: &[Option<usize>],
    (a, b): (usize, usize),
    reference: Reference,
    traits: &[TraitChoice],
) -> Result<GroupProfile, CompareError> {
    // Only a and b take part: relabelled 0 and 1, so a stray huge label
    // sizes nothing.
    let other = usize::from(a != b);
    let pair: Vec<Option<usize>> = labels
        .iter()
        .map(|label| match *label {
            Some(l) if l == a => Some(0),
            Some(l) if l == b => Some(other),
            _ => None,
        })
        .collect();
    let sizes = check_labels(table, &pair, 2)?;
    let tallies = tally_traits(table, &pair, 2, traits)?;
    let labelled = labels.iter().flatten().count();
    let sides = Sides {
        group: |s: usize| s == 0,
        reference: |s: usize| s == other,
        contrast: |s: usize| s == other,
    };
    let size = |s: usize| sizes.get(s).copied().unwrap_or(0);
    Ok(group_profile(
        a,
        (size(0), labelled),
        (reference, size(other)),
        &sides,
        &tallies,
    ))
}

/// The segment sizes, after checking the labels fit the table.
fn check_labels(
    table: &Table,
    labels: &[Option<usize>],
    segments: usize,
) -> Result<Vec<usize>, CompareError> {
    if segments > MAX_SEGMENTS {
        return Err(CompareError::TooManySegments(segments));
    }
    let rows = table.row_count();
    if labels.len() != rows {
        return Err(CompareError::LabelCount {
            labels: labels.len(),
            rows,
        });
    }
    let mut sizes = vec![0; segments];
    for (row, label) in labels.iter().enumerate() {
        let Some(label) = *label else { continue };
        match sizes.get_mut(label) {
            Some(size) => *size += 1,
            None => {
                return Err(CompareError::LabelOutOfRange {
                    row,
                    label,
                    segments,
                })
            }
        }
    }
    Ok(sizes)
}

struct NamedTally {
    column: usize,
    name: String,
    tally: Tally,
}

fn tally_traits(
    table: &Table,
    labels: &[Option<usize>],
    segments: usize,
    traits: &[TraitChoice],
) -> Result<Vec<NamedTally>, CompareError> {
    traits
        .iter()
        .map(|choice| {
            let column = table
                .columns
                .get(choice.column)
                .ok_or(CompareError::NoSuchColumn(choice.column))?;
            Ok(NamedTally {
                column: choice.column,
                name: column.name.clone(),
                tally: tally(&column.cells, labels, segments, choice.kind),
            })
        })
        .collect()
}

fn group_profile<G, R, C>(
    segment: usize,
    (size, labelled): (usize, usize),
    (reference, reference_size): (Reference, usize),
    sides: &Sides<G, R, C>,
    tallies: &[NamedTally],
) -> GroupProfile
where
    G: Fn(usize) -> bool,
    R: Fn(usize) -> bool,
    C: Fn(usize) -> bool,
{
    let mut traits: Vec<TraitProfile> = tallies
        .iter()
        .map(|t| TraitProfile {
            column: t.column,
            name: t.name.clone(),
            figures: match &t.tally {
                Tally::Numeric(n) => TraitFigures::Numeric(numeric_figures(n, sides)),
                Tally::Categorical(c) => TraitFigures::Categorical(categorical_figures(c, sides)),
            },
        })
        .collect();
    let tests = adjust_together(traits.iter_mut().flat_map(|t| t.figures.tests_mut()));
    GroupProfile {
        segment,
        size,
        share: if labelled > 0 {
            size as f64 / labelled as f64
        } else {
            0.0
        },
        reference,
        reference_size,
        tests,
        traits,
    }
}
