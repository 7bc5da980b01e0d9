//! Associations between every pair of usable columns of a table.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{correlation_ratio, cramers_v, pearson, spearman};
use crate::core::quality::ColumnKind;
use crate::core::schema::{is_missing, parse_measure, ColumnType, Role};
use crate::core::table::Table;

/// A category column with more distinct values than this is a label, not
/// a grouping (names, free text): left out.
pub const MAX_CATEGORIES: usize = 50;
/// Rows used at most: beyond this a regular sample (every k-th row) keeps
/// memory and time bounded on a million rows.
pub const MAX_ROWS: usize = 200_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Number with number: Pearson's r (Spearman's ρ alongside).
    Pearson,
    /// Category with category: Cramér's V.
    CramersV,
    /// Category with number: the correlation ratio η.
    CorrelationRatio,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Association {
    /// Column indices in the table, `a < b`.
    pub a: usize,
    pub b: usize,
    pub measure: Measure,
    /// r in −1..=1 for Pearson; V or η in 0..=1.
    pub value: f64,
    /// Spearman's ρ, for number pairs.
    pub spearman: Option<f64>,
    /// Rows where both cells were present.
    pub pairs: usize,
}

impl Association {
    /// How strong, regardless of sign or measure (for ranking).
    pub fn strength(&self) -> f64 {
        self.value.abs().max(self.spearman.map_or(0.0, f64::abs))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssociationMatrix {
    /// The columns compared, in table order.
    pub columns: Vec<usize>,
    /// One per pair of compared columns that had a value.
    pub associations: Vec<Association>,
    /// Rows looked at (all, or the regular sample).
    pub rows_used: usize,
    pub sampled: bool,
}

enum Values {
    Numbers(Vec<f64>),
    /// Category codes; `u32::MAX` is missing.
    Codes(Vec<u32>),
}

const MISSING_CODE: u32 = u32::MAX;

fn numeric_kind(kind: &ColumnKind) -> bool {
    kind.column_type.is_numeric() && kind.role != Role::CustomerId
}

fn category_kind(kind: &ColumnKind) -> bool {
    matches!(kind.column_type, ColumnType::Category | ColumnType::Boolean)
}

fn extract(table: &Table, column: usize, kind: &ColumnKind, rows: &[usize]) -> Option<Values> {
    let cells = &table.columns.get(column)?.cells;
    if numeric_kind(kind) {
        let numbers = rows
            .iter()
            .map(|&row| {
                let cell = cells.get(row).unwrap_or("");
                if is_missing(cell) {
                    f64::NAN
                } else {
                    parse_measure(cell).unwrap_or(f64::NAN)
                }
            })
            .collect();
        return Some(Values::Numbers(numbers));
    }
    if !category_kind(kind) {
        return None;
    }
    let mut codes_of: HashMap<&str, u32> = HashMap::new();
    let mut codes = Vec::with_capacity(rows.len());
    for &row in rows {
        let cell = cells.get(row).unwrap_or("").trim();
        if is_missing(cell) {
            codes.push(MISSING_CODE);
            continue;
        }
        let next = codes_of.len() as u32;
        codes.push(*codes_of.entry(cell).or_insert(next));
        if codes_of.len() > MAX_CATEGORIES {
            return None;
        }
    }
    Some(Values::Codes(codes))
}

/// Code strings for the categorical measures (they group by equality).
fn code_names(codes: &[u32]) -> Vec<String> {
    codes.iter().map(u32::to_string).collect()
}

fn pair(a: &Values, b: &Values) -> Option<(Measure, f64, Option<f64>, usize)> {
    match (a, b) {
        (Values::Numbers(x), Values::Numbers(y)) => {
            let (x, y): (Vec<f64>, Vec<f64>) = x
                .iter()
                .zip(y)
                .filter(|(p, q)| !p.is_nan() && !q.is_nan())
                .map(|(p, q)| (*p, *q))
                .unzip();
            Some((
                Measure::Pearson,
                pearson(&x, &y)?,
                spearman(&x, &y),
                x.len(),
            ))
        }
        (Values::Codes(x), Values::Codes(y)) => {
            let (x, y): (Vec<u32>, Vec<u32>) = x
                .iter()
                .zip(y)
                .filter(|(p, q)| **p != MISSING_CODE && **q != MISSING_CODE)
                .map(|(p, q)| (*p, *q))
                .unzip();
            let (xs, ys) = (code_names(&x), code_names(&y));
            let xr: Vec<&str> = xs.iter().map(String::as_str).collect();
            let yr: Vec<&str> = ys.iter().map(String::as_str).collect();
            Some((Measure::CramersV, cramers_v(&xr, &yr)?, None, x.len()))
        }
        (Values::Codes(c), Values::Numbers(v)) | (Values::Numbers(v), Values::Codes(c)) => {
            let (c, v): (Vec<u32>, Vec<f64>) = c
                .iter()
                .zip(v)
                .filter(|(p, q)| **p != MISSING_CODE && !q.is_nan())
                .map(|(p, q)| (*p, *q))
                .unzip();
            let names = code_names(&c);
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            Some((
                Measure::CorrelationRatio,
                correlation_ratio(&refs, &v)?,
                None,
                c.len(),
            ))
        }
    }
}

/// Associations between every pair of numeric and category columns
/// (`kinds` gives each column's confirmed type and role).
pub fn association_matrix(table: &Table, kinds: &[ColumnKind]) -> AssociationMatrix {
    let total = table.row_count();
    let step = total.div_ceil(MAX_ROWS).max(1);
    let rows: Vec<usize> = (0..total).step_by(step).collect();
    let extracted: Vec<(usize, Values)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(column, kind)| extract(table, column, kind, &rows).map(|v| (column, v)))
        .collect();
    let mut associations = Vec::new();
    for (i, (a, x)) in extracted.iter().enumerate() {
        for (b, y) in extracted.iter().skip(i + 1) {
            if let Some((measure, value, spearman, pairs)) = pair(x, y) {
                associations.push(Association {
                    a: *a,
                    b: *b,
                    measure,
                    value,
                    spearman,
                    pairs,
                });
            }
        }
    }
    AssociationMatrix {
        columns: extracted.iter().map(|(c, _)| *c).collect(),
        associations,
        rows_used: rows.len(),
        sampled: step > 1,
    }
}
