//! Which column of a table holds the customer key. First by what the
//! columns are called and what they are (role CustomerId, a header naming
//! a customer key in en/fa/ar, an email column); then, when the customers
//! table is known, by how many of each column's values are its keys.
//!
//! The answer is a ranked list the page can offer as a choice; the user
//! may pick another column (a [`Keyed`](super::Keyed) takes any column).

use serde::{Deserialize, Serialize};

use super::key_header::{is_plain_id, names_customer_key};
use super::key_index::InternedColumn;
use super::key_text::comparison_key_into;
use crate::core::quality::ColumnKind;
use crate::core::schema::{ColumnType, Role, RoleGroup};
use crate::core::table::{Table, TextColumn};

/// Why a column is offered as the customer key, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyEvidence {
    /// Its role is customer id and its header names a customer key.
    RoleAndHeader,
    /// Its header names a customer key ("customer_id", "کد مشتری", …).
    Header,
    /// Its role is customer id (as inferred, or as the user set it). Weaker
    /// than the header: schema gives that role to any identifier-named
    /// column of distinct codes ("txn_id", "InvoiceNo").
    Role,
    /// It holds email addresses, which identify customers too.
    Email,
    /// Its header is just "id" (it may be the row's own id).
    PlainId,
    /// Nothing in its name: most of its values are customers' keys.
    Overlap,
}

/// How a column's values meet the customers' keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overlap {
    /// Rows with a value (not blank) in the column.
    pub present_rows: usize,
    /// Of those, rows whose value is a customer's key.
    pub matched_rows: usize,
    /// Distinct customers named at least once.
    pub customers_covered: usize,
}

impl Overlap {
    fn matched_share(&self) -> f64 {
        if self.present_rows == 0 {
            0.0
        } else {
            self.matched_rows as f64 / self.present_rows as f64
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyCandidate {
    /// 0-based column.
    pub column: usize,
    pub evidence: KeyEvidence,
    /// Only when compared with a customers table.
    pub overlap: Option<Overlap>,
}

/// The customer key of a table, or a plain "there is none".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KeyAnswer {
    /// `column` is the best of `candidates` (which starts with it).
    Found {
        column: usize,
        candidates: Vec<KeyCandidate>,
    },
    /// No column is called, typed or filled like a customer key.
    NoCustomerKey,
}

impl KeyAnswer {
    pub fn column(&self) -> Option<usize> {
        match self {
            KeyAnswer::Found { column, .. } => Some(*column),
            KeyAnswer::NoCustomerKey => None,
        }
    }

    fn from_ranked(candidates: Vec<KeyCandidate>) -> Self {
        match candidates.first() {
            Some(best) => KeyAnswer::Found {
                column: best.column,
                candidates,
            },
            None => KeyAnswer::NoCustomerKey,
        }
    }
}

/// The keys of the customers table, read once, to compare other files with.
#[derive(Debug, Clone, Default)]
pub struct CustomerKeys {
    pub(super) column: InternedColumn,
}

impl CustomerKeys {
    /// None when the table has no such column.
    pub fn read(table: &Table, key_column: usize) -> Option<Self> {
        let cells = &table.columns.get(key_column)?.cells;
        Some(CustomerKeys {
            column: InternedColumn::read(cells),
        })
    }

    /// Distinct customers (blank keys not counted).
    pub fn len(&self) -> usize {
        self.column.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.column.index.is_empty()
    }
}

fn role_of(kinds: &[ColumnKind], column: usize) -> Role {
    kinds.get(column).map_or(Role::Other, |kind| kind.role)
}

/// Evidence from the column's role and header alone.
fn named_evidence(header: &str, role: Role) -> Option<KeyEvidence> {
    let header_names_key = names_customer_key(header);
    if role == Role::CustomerId && header_names_key {
        Some(KeyEvidence::RoleAndHeader)
    } else if header_names_key {
        Some(KeyEvidence::Header)
    } else if role == Role::CustomerId {
        Some(KeyEvidence::Role)
    } else if role == Role::Email {
        Some(KeyEvidence::Email)
    } else if is_plain_id(header) {
        Some(KeyEvidence::PlainId)
    } else {
        None
    }
}

/// Columns offered by their name or role, strongest evidence first (ties
/// in column order).
pub fn named_key_candidates(table: &Table, kinds: &[ColumnKind]) -> Vec<KeyCandidate> {
    let mut candidates: Vec<KeyCandidate> = table
        .columns
        .iter()
        .enumerate()
        .filter_map(|(column, col)| {
            let evidence = named_evidence(&col.name, role_of(kinds, column))?;
            Some(KeyCandidate {
                column,
                evidence,
                overlap: None,
            })
        })
        .collect();
    candidates.sort_by_key(|candidate| (candidate.evidence, candidate.column));
    candidates
}

/// The customer key of a table on its own (a customers table, or any file
/// before the customers are known): by name and role only.
pub fn find_key(table: &Table, kinds: &[ColumnKind]) -> KeyAnswer {
    KeyAnswer::from_ranked(named_key_candidates(table, kinds))
}

/// How the column's values meet the customers' keys: one lookup per row.
fn overlap_of(cells: &TextColumn, customers: &CustomerKeys) -> Overlap {
    let index = &customers.column.index;
    let mut covered = vec![false; index.len()];
    let mut overlap = Overlap {
        present_rows: 0,
        matched_rows: 0,
        customers_covered: 0,
    };
    let mut compared = String::new();
    for cell in cells.iter() {
        if !comparison_key_into(cell, &mut compared) {
            continue;
        }
        overlap.present_rows += 1;
        let Some(number) = index.number_of(&compared) else {
            continue;
        };
        overlap.matched_rows += 1;
        if let Some(seen) = covered.get_mut(number as usize) {
            if !*seen {
                *seen = true;
                overlap.customers_covered += 1;
            }
        }
    }
    overlap
}

/// Columns that might hold keys without saying so: labels and plain
/// values, not measures, dates or what customers wrote.
fn could_hold_keys(kind: Option<&ColumnKind>) -> bool {
    let Some(kind) = kind else {
        return true;
    };
    let keyish_type = matches!(
        kind.column_type,
        ColumnType::Identifier | ColumnType::Integer | ColumnType::Text | ColumnType::Category
    );
    let keyish_role = matches!(
        kind.role.group(),
        RoleGroup::Identifier | RoleGroup::Pii | RoleGroup::Other
    );
    keyish_type && keyish_role
}

/// A column with no name evidence is offered only when at least half of
/// its values are customers' keys: a few chance hits (a product code equal
/// to a customer number) do not make a key.
const MIN_OVERLAP_SHARE: f64 = 0.5;

/// The customer key of a file linked to a known customers table: every
/// named candidate plus every column whose values are mostly customers'
/// keys, ranked by distinct customers covered, then matched rows, then
/// the strength of the name evidence.
pub fn find_key_against(
    table: &Table,
    kinds: &[ColumnKind],
    customers: &CustomerKeys,
) -> KeyAnswer {
    let mut candidates: Vec<KeyCandidate> = Vec::new();
    for (column, col) in table.columns.iter().enumerate() {
        let named = named_evidence(&col.name, role_of(kinds, column));
        if named.is_none() && !could_hold_keys(kinds.get(column)) {
            continue;
        }
        let overlap = overlap_of(&col.cells, customers);
        let evidence = match named {
            Some(evidence) => evidence,
            None if overlap.matched_share() >= MIN_OVERLAP_SHARE => KeyEvidence::Overlap,
            None => continue,
        };
        candidates.push(KeyCandidate {
            column,
            evidence,
            overlap: Some(overlap),
        });
    }
    candidates.sort_by_key(|candidate| {
        let overlap = candidate.overlap.unwrap_or(Overlap {
            present_rows: 0,
            matched_rows: 0,
            customers_covered: 0,
        });
        (
            std::cmp::Reverse(overlap.customers_covered),
            std::cmp::Reverse(overlap.matched_rows),
            candidate.evidence,
            candidate.column,
        )
    });
    KeyAnswer::from_ranked(candidates)
}
