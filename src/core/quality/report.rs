//! Everything the data quality screen shows, in one pass over a table.

use serde::{Deserialize, Serialize};

use super::padded::{padded_cells, ColumnPadded};
use super::{
    exact_duplicates, id_duplicates, invalid_values, likely_duplicates, missing_report,
    spelling_variants, ContactColumns, ExactDuplicates, IdDuplicates, InvalidValues,
    LikelyDuplicates, MissingReport, VariantGroup,
};
use crate::core::schema::{ColumnType, Role};
use crate::core::table::Table;

/// What a column is, as the user last confirmed it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ColumnKind {
    pub column_type: ColumnType,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnVariants {
    pub column: usize,
    pub groups: Vec<VariantGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnInvalid {
    pub column: usize,
    pub invalid: InvalidValues,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityReport {
    pub rows: usize,
    pub missing: MissingReport,
    pub exact_duplicates: ExactDuplicates,
    /// For the customer id column, when there is one.
    pub id_column: Option<usize>,
    pub id_duplicates: Option<IdDuplicates>,
    /// Category-like columns with values spelt several ways.
    pub variants: Vec<ColumnVariants>,
    /// Columns with values their role rules out (only those with any).
    pub invalid: Vec<ColumnInvalid>,
    /// Rows that are probably the same customer (by the name, email and
    /// phone columns), when there is any of those columns.
    pub likely_duplicates: Option<LikelyDuplicates>,
    /// Columns with cells padded by spaces (only those with any).
    #[serde(default)]
    pub padded: Vec<ColumnPadded>,
}

/// Columns whose spellings are worth comparing: categories, and the
/// geographic and demographic roles users group by.
fn compares_spellings(kind: &ColumnKind) -> bool {
    kind.column_type == ColumnType::Category
        || matches!(
            kind.role,
            Role::City | Role::Country | Role::Region | Role::Gender | Role::Occupation
        )
}

/// The quality report for a table whose columns are `kinds` (same order).
pub fn quality_report(table: &Table, kinds: &[ColumnKind]) -> QualityReport {
    let id_column = kinds.iter().position(|k| k.role == Role::CustomerId);
    let variants = table
        .columns
        .iter()
        .zip(kinds)
        .enumerate()
        .filter(|(_, (_, kind))| compares_spellings(kind))
        .map(|(column, (col, _))| ColumnVariants {
            column,
            groups: spelling_variants(&col.cells),
        })
        .filter(|found| !found.groups.is_empty())
        .collect();
    let invalid = table
        .columns
        .iter()
        .zip(kinds)
        .enumerate()
        .filter_map(|(column, (col, kind))| {
            invalid_values(&col.cells, kind.role)
                .filter(|found| found.count > 0)
                .map(|invalid| ColumnInvalid { column, invalid })
        })
        .collect();
    let padded = table
        .columns
        .iter()
        .enumerate()
        .map(|(column, col)| ColumnPadded {
            column,
            count: padded_cells(&col.cells),
        })
        .filter(|found| found.count > 0)
        .collect();
    let role_column = |role: Role| kinds.iter().position(|k| k.role == role);
    let contacts = ContactColumns {
        name: role_column(Role::Name),
        email: role_column(Role::Email),
        phone: role_column(Role::Phone),
    };
    let has_contacts =
        contacts.name.is_some() || contacts.email.is_some() || contacts.phone.is_some();
    QualityReport {
        likely_duplicates: has_contacts.then(|| likely_duplicates(table, contacts)),
        rows: table.row_count(),
        missing: missing_report(table),
        exact_duplicates: exact_duplicates(table),
        id_column,
        id_duplicates: id_column.map(|column| id_duplicates(table, column)),
        variants,
        invalid,
        padded,
    }
}
