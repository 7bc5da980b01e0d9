//! One customer's whole story: their figures, every row of the source
//! table that is theirs, and their purchases per month.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{CustomerBase, CustomerRecord, RelatedRows};
use crate::core::calendar::{civil_from_days, parse_day};
use crate::core::table::Table;

/// Source rows sent for one customer (the most recent, by table order).
pub const MAX_STORY_ROWS: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerStory {
    pub record: CustomerRecord,
    pub headers: Vec<String>,
    /// (0-based data row, cells) of the customer's rows, at most
    /// [`MAX_STORY_ROWS`], the last ones when there are more.
    pub rows: Vec<(usize, Vec<String>)>,
    pub total_rows: usize,
    /// Rows per month ("yyyy-mm"), every month from the first to the last
    /// purchase included.
    pub months: Vec<(String, u64)>,
    /// Their rows in the project's other files (filled by the engine,
    /// which knows the files and their keys).
    #[serde(default)]
    pub elsewhere: Vec<RelatedRows>,
}

/// The story of customer `id`, read from `table` (the transaction log the
/// base was built from), or `None` for an unknown id.
pub fn customer_story(base: &CustomerBase, table: &Table, id: &str) -> Option<CustomerStory> {
    let record = base.record(id)?.clone();
    let keys = table.columns.get(base.columns.customer)?;
    let mine: Vec<usize> = keys
        .cells
        .iter()
        .enumerate()
        .filter(|(_, cell)| cell.trim() == id)
        .map(|(row, _)| row)
        .collect();
    let dates = table.columns.get(base.columns.date)?;
    let order = base.date_order;
    let mut by_month: BTreeMap<(i32, u32), u64> = BTreeMap::new();
    for &row in &mine {
        if let Some(day) = dates.cells.get(row).and_then(|cell| parse_day(cell, order)) {
            let (year, month, _) = civil_from_days(day);
            *by_month.entry((year, month)).or_insert(0) += 1;
        }
    }
    let shown = mine.len().saturating_sub(MAX_STORY_ROWS);
    Some(CustomerStory {
        record,
        headers: table.columns.iter().map(|c| c.name.clone()).collect(),
        rows: mine
            .iter()
            .skip(shown)
            .map(|&row| (row, table.rows(row, row + 1).pop().unwrap_or_default()))
            .collect(),
        total_rows: mine.len(),
        months: every_month(&by_month),
        elsewhere: Vec::new(),
    })
}

/// Months from the first to the last key, the empty ones as 0.
fn every_month(counts: &BTreeMap<(i32, u32), u64>) -> Vec<(String, u64)> {
    let (Some(&(y0, m0)), Some(&(y1, m1))) = (counts.keys().next(), counts.keys().next_back())
    else {
        return Vec::new();
    };
    let mut months = Vec::new();
    let (mut year, mut month) = (y0, m0);
    while (year, month) <= (y1, m1) {
        let count = counts.get(&(year, month)).copied().unwrap_or(0);
        months.push((format!("{year:04}-{month:02}"), count));
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    months
}
