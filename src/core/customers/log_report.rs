//! What reading a transaction log did with every row: used, or left out
//! and why, with where, so the page can say which rows to look at.

use serde::{Deserialize, Serialize};

/// How many row numbers each problem keeps: enough to find the pattern,
/// few enough for a message.
pub const MAX_ROWS_NAMED: usize = 10;

/// Rows left out for one reason: how many, and the first few.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RowProblem {
    pub count: usize,
    /// The first [`MAX_ROWS_NAMED`] such rows, as the page numbers data rows:
    /// 1-based, the header not counted.
    pub first_rows: Vec<usize>,
}

impl RowProblem {
    /// Count the row at 0-based index `row`.
    pub fn add(&mut self, row: usize) {
        self.count += 1;
        if self.first_rows.len() < MAX_ROWS_NAMED {
            self.first_rows.push(row.saturating_add(1));
        }
    }
}

/// Every row of the table lands in exactly one of `used`, `orphans`,
/// `bad_date` or `bad_value`, checked in that order of precedence from the
/// customer (a row without a customer is an orphan whatever else is wrong).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogReport {
    /// Data rows read.
    pub rows: usize,
    /// Rows that became transactions (purchases and returns).
    pub used: usize,
    /// Of the used rows, how many are returns or cancellations.
    pub return_lines: usize,
    /// Rows with a blank customer id: sales nobody can be profiled from
    /// (guest checkouts, till sales), reported rather than dropped.
    pub orphans: RowProblem,
    /// The sum of the orphans' readable values, returns negative: how much
    /// money the customer figures cannot account for.
    pub orphan_value: f64,
    /// Orphan rows whose value could not be read (not in `orphan_value`).
    pub orphan_unreadable_values: usize,
    /// Rows with a customer whose date is missing or not a date.
    pub bad_date: RowProblem,
    /// Rows with a customer and a date whose value is missing or not a
    /// number: the value cell, or the quantity or unit price it is computed
    /// from, or the quantity read to tell returns.
    pub bad_value: RowProblem,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_named_one_based_and_only_the_first_few() {
        let mut problem = RowProblem::default();
        for row in 0..25 {
            problem.add(row);
        }
        assert_eq!(problem.count, 25);
        assert_eq!(problem.first_rows, (1..=10).collect::<Vec<_>>());
    }
}
