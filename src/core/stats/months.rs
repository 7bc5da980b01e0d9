//! Counts of a date column's cells per calendar month, for a timeline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::calendar::{civil_from_days, decide_order, parse_day};
use crate::core::schema::{is_missing, DateOrder};
use crate::core::table::TextColumn;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthCounts {
    /// ("yyyy-mm", cells), every month from the first to the last, empty
    /// months included so gaps show.
    pub months: Vec<(String, u64)>,
    /// Cells per weekday, Monday first.
    pub weekdays: [u64; 7],
    pub first_day: Option<i32>,
    pub last_day: Option<i32>,
    pub missing: u64,
    /// Non-missing cells that are not a readable date.
    pub invalid: u64,
}

/// Monthly and weekday counts of a column of dates, its `a/b/yyyy` cells
/// read in `order` (the user's choice), or as the data decides when None.
pub fn month_counts(cells: &TextColumn, order: Option<DateOrder>) -> MonthCounts {
    let order = order.or_else(|| decide_order(cells.iter()));
    let mut by_month: BTreeMap<(i32, u32), u64> = BTreeMap::new();
    let mut result = MonthCounts {
        months: Vec::new(),
        weekdays: [0; 7],
        first_day: None,
        last_day: None,
        missing: 0,
        invalid: 0,
    };
    for cell in cells.iter() {
        if is_missing(cell) {
            result.missing += 1;
            continue;
        }
        let Some(day) = parse_day(cell, order) else {
            result.invalid += 1;
            continue;
        };
        let (year, month, _) = civil_from_days(day);
        *by_month.entry((year, month)).or_insert(0) += 1;
        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
        if let Some(slot) = result.weekdays.get_mut((day + 3).rem_euclid(7) as usize) {
            *slot += 1;
        }
        result.first_day = Some(result.first_day.map_or(day, |d| d.min(day)));
        result.last_day = Some(result.last_day.map_or(day, |d| d.max(day)));
    }
    if let (Some(&(y0, m0)), Some(&(y1, m1))) =
        (by_month.keys().next(), by_month.keys().next_back())
    {
        let (mut y, mut m) = (y0, m0);
        // Bounded: at most a few thousand months between two valid dates.
        while (y, m) <= (y1, m1) {
            let count = by_month.get(&(y, m)).copied().unwrap_or(0);
            result.months.push((format!("{y:04}-{m:02}"), count));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_with_gaps_and_weekdays() {
        // 2024-01-01 was a Monday; 2024-03-03 a Sunday.
        let cells: TextColumn = ["2024-01-01", "2024-01-15", "", "2024-03-03", "soon"]
            .into_iter()
            .collect();
        let found = month_counts(&cells, None);
        assert_eq!(
            found.months,
            [
                ("2024-01".to_string(), 2),
                ("2024-02".to_string(), 0),
                ("2024-03".to_string(), 1)
            ]
        );
        assert_eq!(found.weekdays, [2, 0, 0, 0, 0, 0, 1]);
        assert_eq!((found.missing, found.invalid), (1, 1));
    }
}
