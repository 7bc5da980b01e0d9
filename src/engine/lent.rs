//! Columns lent to another worker to have their type inferred there.
//!
//! Inferring a column's type needs that column and nothing else, so in the
//! browser the engine lends columns of a large table to helper workers
//! (other cores, other wasm instances) while it infers the rest itself
//! (see `worker::helpers`). What crosses is plain data: the column's parts
//! one way; its summary, as JSON, and its distinct values the other. What comes back is checked against the column before it is
//! believed; a helper that sent something that does not add up is treated
//! like one that failed, and the engine infers the column itself.

use std::collections::HashSet;

use rustc_hash::FxBuildHasher;

use crate::core::schema::DistinctValues;
use crate::core::table::{Column, TextColumn};

use super::{summarise_with_values, ColumnSummary};

/// A column's inference: its summary and its distinct values.
pub type Inference = (ColumnSummary, Option<DistinctValues>);

/// A lent column's inference on its way back.
#[derive(Debug, Clone, PartialEq)]
pub struct InferenceParts {
    /// The [`ColumnSummary`] as JSON.
    pub summary: String,
    /// The distinct values, to be checked against the column (see
    /// [`InferenceParts::accept`]).
    pub distinct: Option<DistinctValues>,
}

/// What a helper worker does with a lent column: rebuild it from its parts
/// and infer it as the engine would. `None` if the parts are not a column.
pub fn infer_lent_column(name: String, text: String, ends: Vec<usize>) -> Option<InferenceParts> {
    let cells = TextColumn::from_parts(text, ends)?;
    let (summary, distinct) = summarise_with_values(&Column { name, cells });
    Some(InferenceParts {
        summary: serde_json::to_string(&summary).ok()?,
        distinct,
    })
}

/// Rows at the start of a column whose values are remembered, and cells
/// from its middle looked up among them, to guess what its inference costs.
const FIRST_ROWS: usize = 8_192;
const LATER_CELLS: usize = 1_024;
/// A column guessed to have more distinct values than this share of its
/// rows is never lent (see [`Sharing::plan`]).
const LENDABLE_DISTINCT_SHARE: f64 = 1.0 / 8.0;

/// How the columns of a table are shared between the engine's own steps
/// and its helpers: the costliest first for the engine, the cheapest
/// lent, up to the helpers' fair part of the work.
#[derive(Debug, Clone, PartialEq)]
pub struct Sharing {
    /// Column indices: the engine takes from the front, lending from the back.
    order: Vec<usize>,
    /// Each column's guessed cost, and whether it may be lent.
    costs: Vec<(f64, bool)>,
    /// Guessed cost that may still be lent.
    budget: f64,
    /// Made by [`Sharing::plan`], not [`Sharing::none`].
    planned: bool,
}

impl Sharing {
    /// Nothing lent: the columns in the table's order.
    pub fn none(columns: usize) -> Sharing {
        Sharing {
            order: (0..columns).collect(),
            costs: vec![(1.0, false); columns],
            budget: 0.0,
            planned: false,
        }
    }

    /// The sharing of `columns` with `helpers` helpers.
    ///
    /// A column is judged by its first rows' values and a sample of cells
    /// from its middle: `n`, the share of those cells whose value the
    /// first rows do not have, says how fast new values keep coming, and
    /// the first rows' distinct values divided by `1 − n` guess how many
    /// there are in all. A column of mostly distinct values (ids, emails)
    /// meets a new value in nearly every row, read and filed in a value
    /// table as large as the column: natively on the 1 M-customer file
    /// 0.35 s for the ids and 0.30 s for the emails against 0.02 s for the
    /// cities (and 0.14 s for the amounts, 52,000 values, `n` ≈ 0.85), so
    /// a column's cost is taken as `1 + 16 n⁴`.
    ///
    /// A column guessed to have more distinct values than an eighth of its
    /// rows is never lent: the helper would hold a copy of the column and
    /// a value table nearly as large, where the engine already holds the
    /// column (the value table of a million ids is 34 MB). Nor is one
    /// whose first rows are mostly distinct, whatever the guess: inference
    /// then makes room for a value per row (`schema::infer`), 34 MB for
    /// 52,000 amounts. So the engine takes those, costliest first, and the
    /// helpers the others, cheapest first, up to their fair part of the
    /// guessed cost.
    ///
    /// The helpers are lent their columns at once, not one at a time: the
    /// engine hears a helper's answer only between two of its own steps,
    /// and one of them (the ids) can take a third of a second.
    pub fn plan(columns: &[Column], helpers: usize) -> Sharing {
        let costs: Vec<(f64, bool)> = columns.iter().map(column_cost).collect();
        let cost = |index: &usize| costs.get(*index).map_or(0.0, |&(cost, _)| cost);
        let mut order: Vec<usize> = (0..columns.len()).collect();
        order.sort_by(|a, b| cost(b).total_cmp(&cost(a)));
        let total: f64 = costs.iter().map(|&(cost, _)| cost).sum();
        let part = helpers as f64 / (helpers as f64 + 1.0);
        Sharing {
            order,
            costs,
            budget: total * part,
            planned: true,
        }
    }

    pub fn is_planned(&self) -> bool {
        self.planned
    }

    /// The column the engine infers next: the costliest `to_do`.
    pub fn next_own(&self, to_do: impl Fn(usize) -> bool) -> Option<usize> {
        self.order.iter().copied().find(|&index| to_do(index))
    }

    /// The column to lend next, if any: the cheapest `to_do` that may be
    /// lent and fits in what is left of the helpers' part.
    pub fn next_lent(&mut self, to_do: impl Fn(usize) -> bool) -> Option<usize> {
        let index = self
            .order
            .iter()
            .rev()
            .copied()
            .find(|&index| to_do(index))?;
        let &(cost, lendable) = self.costs.get(index)?;
        if !lendable || cost > self.budget {
            return None;
        }
        self.budget -= cost;
        Some(index)
    }
}

/// A column's guessed cost and whether it may be lent (see [`Sharing::plan`]).
fn column_cost(column: &Column) -> (f64, bool) {
    let cells = &column.cells;
    let rows = cells.len();
    let first: HashSet<&str, FxBuildHasher> = cells.iter().take(FIRST_ROWS).collect();
    let later_start = FIRST_ROWS.max(rows / 2);
    let later = (later_start..rows.min(later_start + LATER_CELLS)).filter_map(|row| cells.get(row));
    let (mut new, mut looked_up) = (0usize, 0usize);
    for cell in later {
        new += usize::from(!first.contains(cell));
        looked_up += 1;
    }
    let new_share = if looked_up == 0 {
        // A short column: the whole of it was remembered.
        0.0
    } else {
        new as f64 / looked_up as f64
    };
    let distinct = if new_share >= 1.0 {
        rows as f64
    } else {
        (first.len() as f64 / (1.0 - new_share)).min(rows as f64)
    };
    let mostly_distinct_first = first.len() * 2 >= FIRST_ROWS;
    let lendable = distinct <= rows as f64 * LENDABLE_DISTINCT_SHARE && !mostly_distinct_first;
    (1.0 + 16.0 * new_share.powi(4), lendable)
}

impl InferenceParts {
    /// The inference of `column` these parts carry, if they add up: the
    /// summary names the column and counts no more missing cells than it
    /// has; each distinct value starts at a row of the column, in rising
    /// order, and the values' cells and the missing ones are all its cells.
    pub fn accept(self, column: &Column) -> Option<Inference> {
        let summary: ColumnSummary = serde_json::from_str(&self.summary).ok()?;
        let rows = column.cells.len();
        if summary.name != column.name || summary.guess.missing > rows {
            return None;
        }
        let adds_up = |distinct: &DistinctValues| could_be_values_of(distinct, rows);
        if !self.distinct.as_ref().is_none_or(adds_up) {
            return None;
        }
        Some((summary, self.distinct))
    }
}

/// Whether `distinct` could be the distinct values of a column of `rows`
/// cells: first rows rising and in the column, cells adding up.
fn could_be_values_of(distinct: &DistinctValues, rows: usize) -> bool {
    let values = &distinct.values;
    let rows_of = || values.iter().map(|&(row, _)| row);
    let rising = rows_of().zip(rows_of().skip(1)).all(|(a, b)| a < b);
    let in_column = values.last().is_none_or(|&(row, _)| (row as usize) < rows);
    let cells: u64 = values.iter().map(|&(_, cells)| u64::from(cells)).sum();
    rising && in_column && cells + distinct.missing as u64 == rows as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str, cells: &[&str]) -> Column {
        Column {
            name: name.to_string(),
            cells: cells.iter().copied().collect(),
        }
    }

    fn lend(column: &Column) -> Option<InferenceParts> {
        let (text, ends) = column.cells.parts();
        infer_lent_column(column.name.clone(), text.to_string(), ends.to_vec())
    }

    #[test]
    fn a_lent_column_comes_back_as_the_engine_infers_it() {
        let columns = [
            column("age", &["34", "", "41", "34", "NA", "29"]),
            column(
                "city",
                &["Tehran", "شیراز", "Tehran", " Rasht ", "شیراز", "x"],
            ),
            column(
                "joined",
                &["1402/05/12", "1401/01/01", "bad", "1402/05/12", "", ""],
            ),
            column("empty", &["", "", "", "", "", ""]),
            column("confidence", &["1", "2", "3", "4", "5", "6.5"]),
        ];
        for column in &columns {
            let back = lend(column).unwrap().accept(column);
            assert_eq!(back, Some(summarise_with_values(column)), "{}", column.name);
        }
    }

    #[test]
    fn parts_that_are_not_a_column_are_refused() {
        let text = || "abشc".to_string();
        // 'ش' is two bytes at 2..4.
        assert!(infer_lent_column("x".into(), text(), vec![1, 2, 5]).is_some());
        assert!(infer_lent_column("x".into(), text(), vec![1, 3, 5]).is_none());
        assert!(infer_lent_column("x".into(), text(), vec![2, 1, 5]).is_none());
        assert!(infer_lent_column("x".into(), text(), vec![1, 2]).is_none());
        assert!(infer_lent_column("x".into(), text(), vec![1, 2, 6]).is_none());
        assert!(infer_lent_column("x".into(), String::new(), vec![]).is_some());
    }

    #[test]
    fn an_inference_that_does_not_add_up_is_refused() {
        let age = column("age", &["34", "", "41", "34"]);
        let good = lend(&age).unwrap();
        let values = |values: &[(u32, u32)], missing| DistinctValues {
            values: values.to_vec(),
            missing,
        };
        assert_eq!(good.distinct, Some(values(&[(0, 2), (2, 1)], 1)));
        let with = |pairs: &[(u32, u32)], missing: usize| InferenceParts {
            distinct: Some(values(pairs, missing)),
            ..good.clone()
        };
        // Another column's summary.
        let city = column("city", &["a", "b", "c", "d"]);
        assert!(good.clone().accept(&city).is_none());
        // A first row past the column, cells that do not add up, values
        // out of order.
        assert!(with(&[(0, 2), (4, 1)], 1).accept(&age).is_none());
        assert!(with(&[(0, 2), (2, 1)], 0).accept(&age).is_none());
        assert!(with(&[(2, 1), (0, 2)], 1).accept(&age).is_none());
        assert!(with(&[(0, 2), (2, 1)], 1).accept(&age).is_some());
        assert!(good.accept(&age).is_some());
    }

    /// Columns named by number, each of `rows` cells cycling through
    /// `values[i]` values (0: every cell distinct).
    fn table(rows: usize, values: &[usize]) -> Vec<Column> {
        let cells = |count: usize| -> TextColumn {
            let cycle = if count == 0 { usize::MAX } else { count };
            (0..rows)
                .map(|row| format!("v{}", row % cycle))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect()
        };
        (values.iter().enumerate())
            .map(|(i, &count)| Column {
                name: format!("c{i}"),
                cells: cells(count),
            })
            .collect()
    }

    fn lent_by(sharing: &mut Sharing, columns: usize) -> Vec<usize> {
        let mut lent = Vec::new();
        while let Some(index) = sharing.next_lent(|index| index < columns && !lent.contains(&index))
        {
            lent.push(index);
        }
        lent
    }

    #[test]
    fn helpers_are_lent_the_cheap_columns_up_to_their_part() {
        // Mostly distinct columns stay with the engine, costliest first.
        // (9,000 values: the later cells are mostly new, so they are
        // guessed to be as many as the rows; 1,000 values: all met before.)
        let columns = table(10_000, &[0, 5, 9_000, 12, 1_000, 7]);
        let mut sharing = Sharing::plan(&columns, 1);
        assert_eq!(sharing.next_own(|_| true), Some(0));
        assert_eq!(sharing.next_own(|index| index != 0), Some(2));
        assert_eq!(lent_by(&mut sharing, columns.len()), [5, 4, 3, 1]);
        // 3,000 values: more than an eighth of the rows, never lent; nor
        // 5,000 of 100,000 (fewer than an eighth, but more than half of the
        // first 8,192 rows distinct).
        let many = table(10_000, &[3_000, 5]);
        assert_eq!(lent_by(&mut Sharing::plan(&many, 3), 2), [1]);
        let first_distinct = table(100_000, &[5_000, 5]);
        assert_eq!(lent_by(&mut Sharing::plan(&first_distinct, 3), 2), [1]);
        // Columns alike: the helper's part is half, two helpers' two thirds.
        let alike = table(10_000, &[4; 6]);
        assert_eq!(lent_by(&mut Sharing::plan(&alike, 1), 6).len(), 3);
        assert_eq!(lent_by(&mut Sharing::plan(&alike, 2), 6).len(), 4);
        // Nothing planned, nothing lent; the table's order.
        let mut none = Sharing::none(3);
        assert!(lent_by(&mut none, 3).is_empty());
        assert_eq!(none.next_own(|index| index > 0), Some(1));
    }
}
