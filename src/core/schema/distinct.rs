//! A column's distinct values, found once while its type is inferred, so
//! that the statistics asked for next need not hash every cell again.

use crate::core::table::TextColumn;

/// Each distinct trimmed non-missing value of a column, as the row of its
/// first cell and its number of cells, and the number of missing cells.
/// The rows point into the column it was built from; it describes that
/// column only, never one changed since (fixed or filtered).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DistinctValues {
    /// `(first row, cells)` per distinct value, in no particular order.
    pub values: Vec<(u32, u32)>,
    pub missing: usize,
}

impl DistinctValues {
    /// How many distinct non-missing values there are.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Each distinct value, read from `cells` (the column this was built
    /// from), in row order.
    pub fn iter<'s, 'c>(
        &'s self,
        cells: &'c TextColumn,
    ) -> impl Iterator<Item = DistinctValue<'c>> + use<'s, 'c> {
        self.values.iter().map(move |&(row, n)| DistinctValue {
            first_row: row,
            value: usize::try_from(row)
                .ok()
                .and_then(|row| cells.get(row))
                .unwrap_or_default()
                .trim(),
            cells: n as usize,
        })
    }
}

/// One distinct value: where it first stands, as trimmed, and how many
/// cells hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DistinctValue<'a> {
    pub first_row: u32,
    pub value: &'a str,
    pub cells: usize,
}
