//! The ideal customer profile: how the most valuable customers differ from
//! everyone else, the same figures as a segment's, with the rest as both
//! reference and contrast.

use serde::{Deserialize, Serialize};

use super::profile::{compare_pair, CompareError, GroupProfile, Reference};
use super::top_value::{top_value_group, TopGroupError, TopValueGroup, REST, TOP};
use super::traits::TraitChoice;
use crate::core::schema::{is_missing, parse_measure};
use crate::core::table::Table;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdealCustomerProfile {
    /// Who is on top, and where the cut fell.
    pub group: TopValueGroup,
    /// The top group ([`TOP`]) against the rest ([`Reference::Rest`]).
    pub profile: GroupProfile,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdealError {
    Group(TopGroupError),
    Compare(CompareError),
}

impl std::fmt::Display for IdealError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdealError::Group(e) => e.fmt(f),
            IdealError::Compare(e) => e.fmt(f),
        }
    }
}

/// The top `share` of the table's customers by `values` (one per table
/// row: CLV from the customer base, or a money column through
/// [`values_of_column`]) against everyone else with a value.
pub fn ideal_customer_profile(
    table: &Table,
    values: &[Option<f64>],
    share: f64,
    traits: &[TraitChoice],
) -> Result<IdealCustomerProfile, IdealError> {
    let group = top_value_group(values, share).map_err(IdealError::Group)?;
    let profile = compare_pair(table, &group.labels, (TOP, REST), Reference::Rest, traits)
        .map_err(IdealError::Compare)?;
    Ok(IdealCustomerProfile { group, profile })
}

/// A column's numbers per row (`parse_measure`; missing and unreadable
/// cells None), or None when there is no such column.
pub fn values_of_column(table: &Table, column: usize) -> Option<Vec<Option<f64>>> {
    let cells = &table.columns.get(column)?.cells;
    Some(
        (0..table.row_count())
            .map(|row| {
                let text = cells.get(row).unwrap_or("");
                if is_missing(text) {
                    None
                } else {
                    parse_measure(text).filter(|v| v.is_finite())
                }
            })
            .collect(),
    )
}
