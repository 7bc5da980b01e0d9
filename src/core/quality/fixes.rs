//! Fixes the user accepted, applied on top of the original table. The
//! original is never changed: a fix is a line in the project's list, undone
//! by removing it, re-applied after a reload.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::InvalidRule;
use crate::core::schema::is_missing;
use crate::core::table::{Column, Table, TextColumn};

/// One accepted fix. Columns are named, so the fix finds its column again
/// when the same file is opened after a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "fix", rename_all = "snake_case")]
pub enum Fix {
    /// Write every listed spelling as `into` ("tehran " → "Tehran").
    MergeSpellings {
        column: String,
        spellings: Vec<String>,
        into: String,
    },
    /// Remove rows that repeat an earlier row exactly (the first stays).
    DropDuplicateRows,
    /// Empty the cells that break the column's rule (an age of 150).
    InvalidToMissing { column: String, rule: InvalidRule },
    /// Remove spaces around every cell of the column.
    Trim { column: String },
}

/// What a fix did to the table it was applied to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FixOutcome {
    pub cells_changed: usize,
    pub rows_dropped: usize,
    /// The fix names a column this table does not have.
    pub column_missing: bool,
}

/// A copy of `table` with `fixes` applied in order, and what each did.
pub fn apply_fixes(table: &Table, fixes: &[Fix]) -> (Table, Vec<FixOutcome>) {
    let mut current = table.clone();
    let outcomes = fixes.iter().map(|fix| apply(&mut current, fix)).collect();
    (current, outcomes)
}

fn apply(table: &mut Table, fix: &Fix) -> FixOutcome {
    match fix {
        Fix::DropDuplicateRows => drop_duplicates(table),
        Fix::MergeSpellings {
            column,
            spellings,
            into,
        } => {
            let spellings: HashSet<&str> = spellings.iter().map(String::as_str).collect();
            rewrite(table, column, |cell| {
                spellings.contains(cell).then(|| into.clone())
            })
        }
        Fix::InvalidToMissing { column, rule } => rewrite(table, column, |cell| {
            (!is_missing(cell) && super::invalid::breaks(*rule, cell.trim())).then(String::new)
        }),
        Fix::Trim { column } => rewrite(table, column, |cell| {
            (cell.trim() != cell).then(|| cell.trim().to_string())
        }),
    }
}

/// Replace the cells of `column` for which `change` gives a new text.
fn rewrite(table: &mut Table, column: &str, change: impl Fn(&str) -> Option<String>) -> FixOutcome {
    let Some(target) = table.columns.iter_mut().find(|c| c.name == column) else {
        return FixOutcome {
            column_missing: true,
            ..FixOutcome::default()
        };
    };
    let mut changed = 0;
    let cells: TextColumn = {
        let mut rewritten = TextColumn::new();
        for cell in target.cells.iter() {
            match change(cell) {
                Some(new) => {
                    changed += 1;
                    rewritten.push(&new);
                }
                None => rewritten.push(cell),
            }
        }
        rewritten
    };
    target.cells = cells;
    FixOutcome {
        cells_changed: changed,
        ..FixOutcome::default()
    }
}

fn drop_duplicates(table: &mut Table) -> FixOutcome {
    let found = super::duplicates::repeating_rows(table);
    if found.is_empty() {
        return FixOutcome::default();
    }
    let columns = table
        .columns
        .iter()
        .map(|column| Column {
            name: column.name.clone(),
            cells: column
                .cells
                .iter()
                .enumerate()
                .filter(|(row, _)| !found.contains(row))
                .map(|(_, cell)| cell)
                .collect(),
        })
        .collect();
    table.columns = columns;
    FixOutcome {
        rows_dropped: found.len(),
        ..FixOutcome::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: &[(&str, &[&str])]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(name, cells)| Column {
                    name: name.to_string(),
                    cells: cells.iter().copied().collect::<TextColumn>(),
                })
                .collect(),
        }
    }

    #[test]
    fn fixes_apply_in_order_and_leave_the_original_alone() {
        let original = table(&[
            ("city", &["Tehran", "tehran ", "Tehran", "Yazd"]),
            ("age", &["30", "150", "30", "41"]),
        ]);
        let fixes = [
            Fix::MergeSpellings {
                column: "city".into(),
                spellings: vec!["tehran ".into()],
                into: "Tehran".into(),
            },
            Fix::InvalidToMissing {
                column: "age".into(),
                rule: InvalidRule::AgeOutOfRange,
            },
            Fix::DropDuplicateRows,
            Fix::Trim {
                column: "nope".into(),
            },
        ];
        let (fixed, outcomes) = apply_fixes(&original, &fixes);
        assert_eq!(
            fixed.rows(0, 10),
            [["Tehran", "30"], ["Tehran", ""], ["Yazd", "41"]]
        );
        assert_eq!(outcomes[0].cells_changed, 1);
        assert_eq!(outcomes[1].cells_changed, 1);
        assert_eq!(outcomes[2].rows_dropped, 1);
        assert!(outcomes[3].column_missing);
        assert_eq!(original.row_count(), 4);
        assert_eq!(original.rows(1, 2), [["tehran ", "150"]]);
    }

    #[test]
    fn fixes_survive_json() {
        let fix = Fix::InvalidToMissing {
            column: "سن".into(),
            rule: InvalidRule::AgeOutOfRange,
        };
        let json = serde_json::to_string(&fix).expect("json");
        assert_eq!(serde_json::from_str::<Fix>(&json).ok(), Some(fix));
    }
}
