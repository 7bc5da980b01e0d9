//! Cells with spaces around their value, or made only of spaces: other
//! tools read `" 41000 "` as text and `" "` as a value (telco's 11 blank
//! TotalCharges make pandas read the whole column as text).

use serde::{Deserialize, Serialize};

use crate::core::schema::trim_cell;
use crate::core::table::TextColumn;

/// A column with padded cells, and how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnPadded {
    pub column: usize,
    pub count: usize,
}

/// Cells of a column that are not empty and differ from their trimmed text
/// (what [`super::Fix::Trim`] rewrites).
pub fn padded_cells(cells: &TextColumn) -> usize {
    cells
        .iter()
        .filter(|cell| !cell.is_empty() && trim_cell(cell).len() != cell.len())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_around_or_only_spaces() {
        let cells: TextColumn = [" 41000 ", "41000", "", " ", "Tehran\t", "a b"]
            .into_iter()
            .collect();
        assert_eq!(padded_cells(&cells), 3);
    }
}
