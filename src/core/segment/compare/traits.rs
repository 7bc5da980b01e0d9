//! The traits a segment is described by: table columns read as numbers or
//! as categories, one value per table row.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::core::schema::{is_missing, parse_measure};
use crate::core::table::TextColumn;

/// Levels reported per categorical trait (the most frequent in the base);
/// the rest are pooled as "other", so a city column with 900 towns gives
/// a readable table and a dozen tests rather than 900.
pub const MAX_REPORTED_LEVELS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TraitKind {
    /// Cells read by `parse_measure`: compared by their mean.
    Numeric,
    /// Cells compared as levels (case and surrounding spaces ignored):
    /// compared by the share of each level.
    Categorical,
}

/// One column to describe segments by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraitChoice {
    /// Index into the table's columns.
    pub column: usize,
    pub kind: TraitKind,
}

/// A numeric cell as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Number {
    Value(f64),
    Missing,
    /// Written, but not a number (or not finite): excluded like a missing
    /// cell, and counted apart so the page can say why.
    Unreadable,
}

/// Every row's number (`column` shorter than `rows` reads as missing).
pub(super) fn read_numbers(cells: &TextColumn, rows: usize) -> Vec<Number> {
    (0..rows)
        .map(|row| {
            let text = cells.get(row).unwrap_or("");
            if is_missing(text) {
                return Number::Missing;
            }
            match parse_measure(text).filter(|v| v.is_finite()) {
                Some(v) => Number::Value(v),
                None => Number::Unreadable,
            }
        })
        .collect()
}

/// A categorical column as level numbers: `levels[i]` is shown for level
/// `i`; the slot `levels.len()` is "other" (every level beyond the kept ones).
pub(super) struct Levels {
    /// Per table row: None when missing, else the level slot.
    pub slots: Vec<Option<usize>>,
    /// Kept levels in their most frequent spelling, most frequent first.
    pub levels: Vec<String>,
    /// Distinct levels pooled into "other".
    pub other_levels: usize,
}

/// The levels of `cells`, ranked by how often they occur among the rows
/// `counted` says (the base: rows in some segment), ties by text so the
/// order never depends on hashing. Case and surrounding spaces are folded
/// as `segment::features` folds them ("Male" = " male ").
pub(super) fn read_levels(
    cells: &TextColumn,
    rows: usize,
    counted: impl Fn(usize) -> bool,
) -> Levels {
    let folded: Vec<Option<String>> = (0..rows)
        .map(|row| {
            let text = cells.get(row).unwrap_or("");
            (!is_missing(text)).then(|| text.trim().to_lowercase())
        })
        .collect();
    // Per folded level: its count, and its spellings' counts.
    let mut tally: FxHashMap<&str, (usize, FxHashMap<&str, usize>)> = FxHashMap::default();
    for (row, key) in folded.iter().enumerate() {
        let Some(key) = key else { continue };
        if !counted(row) {
            continue;
        }
        let spelling = cells.get(row).unwrap_or("").trim();
        let entry = tally.entry(key.as_str()).or_default();
        entry.0 += 1;
        *entry.1.entry(spelling).or_insert(0) += 1;
    }
    let mut ranked: Vec<(&str, String, usize)> = tally
        .into_iter()
        .map(|(key, (count, spellings))| (key, usual_spelling(&spellings), count))
        .collect();
    ranked.sort_unstable_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    let other_levels = ranked.len().saturating_sub(MAX_REPORTED_LEVELS);
    ranked.truncate(MAX_REPORTED_LEVELS);
    let slot_of: FxHashMap<&str, usize> = ranked
        .iter()
        .enumerate()
        .map(|(slot, (key, _, _))| (*key, slot))
        .collect();
    let other = ranked.len();
    let slots = folded
        .iter()
        .map(|key| {
            key.as_deref()
                .map(|key| slot_of.get(key).copied().unwrap_or(other))
        })
        .collect();
    Levels {
        slots,
        levels: ranked.into_iter().map(|(_, shown, _)| shown).collect(),
        other_levels,
    }
}

/// The most frequent spelling of a level, ties by text.
fn usual_spelling(spellings: &FxHashMap<&str, usize>) -> String {
    spellings
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(spelling, _)| spelling.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_missing_and_unreadable() {
        let cells: TextColumn = ["1", " ", "abc", "$2.50", "N/A"].into_iter().collect();
        assert_eq!(
            read_numbers(&cells, 6),
            [
                Number::Value(1.0),
                Number::Missing,
                Number::Unreadable,
                Number::Value(2.5),
                Number::Missing,
                Number::Missing,
            ]
        );
    }

    #[test]
    fn levels_fold_case_and_rank_by_base_count() {
        let cells: TextColumn = ["Male", "male ", "Female", "", "Female", " female", "x"]
            .into_iter()
            .collect();
        // Row 6 ("x") is outside every segment: not counted, so "other".
        let levels = read_levels(&cells, 7, |row| row != 6);
        assert_eq!(levels.levels, ["Female", "Male"]);
        assert_eq!(levels.other_levels, 0);
        assert_eq!(
            levels.slots,
            [Some(1), Some(1), Some(0), None, Some(0), Some(0), Some(2)]
        );
    }

    #[test]
    fn at_most_twelve_levels_are_kept() {
        let names: Vec<String> = (0..20).map(|i| format!("city{i:02}")).collect();
        let cells: TextColumn = names.iter().map(String::as_str).collect();
        let levels = read_levels(&cells, 20, |_| true);
        assert_eq!(levels.levels.len(), MAX_REPORTED_LEVELS);
        assert_eq!(levels.other_levels, 8);
        assert_eq!(levels.slots.last(), Some(&Some(MAX_REPORTED_LEVELS)));
    }
}
