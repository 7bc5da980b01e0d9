//! Columns lent to another worker to have their type inferred there.
//!
//! Inferring a column's type needs that column and nothing else, so in the
//! browser the engine lends columns of a large table to helper workers
//! (other cores, other wasm instances) while it infers the rest itself
//! (see `worker::helpers`). What crosses is plain data: the column's parts
//! one way; its summary, as JSON, and its distinct values, as flat words,
//! the other. What comes back is checked against the column before it is
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
    /// The distinct values as `[first row, cells, first row, cells, …]`,
    /// and the missing cells; `None` when there are none (see
    /// [`DistinctValues`]).
    pub distinct: Option<(Vec<u32>, usize)>,
}

/// What a helper worker does with a lent column: rebuild it from its parts
/// and infer it as the engine would. `None` if the parts are not a column.
pub fn infer_lent_column(name: String, text: String, ends: Vec<usize>) -> Option<InferenceParts> {
    let cells = TextColumn::from_parts(text, ends)?;
    let (summary, distinct) = summarise_with_values(&Column { name, cells });
    Some(InferenceParts {
        summary: serde_json::to_string(&summary).ok()?,
        distinct: distinct.map(|distinct| (flatten(&distinct.values), distinct.missing)),
    })
}

/// Rows sampled to guess what a column's inference costs.
const COST_SAMPLE_ROWS: usize = 8_192;
/// Columns with at least this share of distinct cells among their first
/// rows are never lent (see [`Sharing::plan`]).
const LENDABLE_BELOW_SHARE: f64 = 0.5;

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
    /// A column is guessed by the share `s` of distinct cells among its
    /// first rows. Mostly distinct columns (ids, emails, amounts) meet a
    /// new value in nearly every row, read and filed in a value table as
    /// large as the column: natively on the 1 M-customer file 0.35 s for
    /// the ids against 0.02 s for the cities, so a column's cost is taken
    /// as `1 + 16 s⁴` (0.53 s for its names and 0.72 for its dates cost
    /// little more than a city, as the fourth power has it).
    ///
    /// Such a column is never lent: the helper would hold a copy of the
    /// column and a value table as large, where the engine already holds
    /// the column (the value table of a million ids is 34 MB). So the
    /// engine takes the costly columns and the helpers the cheap ones.
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
    let mut seen: HashSet<&str, FxBuildHasher> = HashSet::default();
    let mut rows = 0;
    for cell in column.cells.iter().take(COST_SAMPLE_ROWS) {
        seen.insert(cell);
        rows += 1;
    }
    let share = if rows == 0 {
        0.0
    } else {
        seen.len() as f64 / rows as f64
    };
    (1.0 + 16.0 * share.powi(4), share < LENDABLE_BELOW_SHARE)
}

fn flatten(values: &[(u32, u32)]) -> Vec<u32> {
    values
        .iter()
        .flat_map(|&(first_row, cells)| [first_row, cells])
        .collect()
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
        let distinct = match self.distinct {
            Some((words, missing)) => Some(distinct_values(&words, missing, rows)?),
            None => None,
        };
        Some((summary, distinct))
    }
}

/// The distinct values of a column of `rows` cells from flat words, if they
/// could be its values.
fn distinct_values(words: &[u32], missing: usize, rows: usize) -> Option<DistinctValues> {
    if !words.len().is_multiple_of(2) {
        return None;
    }
    let values: Vec<(u32, u32)> = (words.chunks_exact(2))
        .filter_map(|pair| match *pair {
            [first_row, cells] => Some((first_row, cells)),
            _ => None,
        })
        .collect();
    let rows_of = || values.iter().map(|&(row, _)| row);
    let rising = rows_of().zip(rows_of().skip(1)).all(|(a, b)| a < b);
    let in_column = values.last().is_none_or(|&(row, _)| (row as usize) < rows);
    let cells: u64 = values.iter().map(|&(_, cells)| u64::from(cells)).sum();
    let all_cells = cells + missing as u64 == rows as u64;
    (rising && in_column && all_cells).then_some(DistinctValues { values, missing })
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
        assert_eq!(good.distinct, Some((vec![0, 2, 2, 1], 1)));
        let with = |words: Vec<u32>, missing: usize| InferenceParts {
            distinct: Some((words, missing)),
            ..good.clone()
        };
        // Another column's summary.
        let city = column("city", &["a", "b", "c", "d"]);
        assert!(good.clone().accept(&city).is_none());
        // A first row past the column, cells that do not add up, values
        // out of order, a word missing.
        assert!(with(vec![0, 2, 4, 1], 1).accept(&age).is_none());
        assert!(with(vec![0, 2, 2, 1], 0).accept(&age).is_none());
        assert!(with(vec![2, 1, 0, 2], 1).accept(&age).is_none());
        assert!(with(vec![0, 2, 2], 1).accept(&age).is_none());
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
        let columns = table(10_000, &[0, 5, 9_000, 12, 3_000, 7]);
        let mut sharing = Sharing::plan(&columns, 1);
        assert_eq!(sharing.next_own(|_| true), Some(0));
        assert_eq!(sharing.next_own(|index| index != 0), Some(2));
        assert_eq!(lent_by(&mut sharing, columns.len()), [1, 5, 3, 4]);
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
