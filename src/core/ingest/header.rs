//! Is the first row a header, and what are the columns called?

use std::collections::HashSet;

use super::report::{Warning, WarningKind, WarningLog};
use crate::core::schema::{is_missing, is_number_or_date};

/// The name of a column that has none: "column 3" for the third.
pub(crate) fn positional_name(index: usize) -> String {
    format!("column {}", index.saturating_add(1))
}

/// Whether the first record is a header, judged column by column against
/// the records below it (`body`, all-empty rows already left out).
///
/// A column votes "data" when its first cell is a number or date and so are
/// all the non-missing cells below; it votes "header" when its first cell
/// is a word above numbers or dates. The first row is a header unless some
/// column votes data and none votes header. A file of only one record has
/// a header unless one of its cells is a number or date. Text-only files
/// are taken to have a header: there is nothing to tell them apart by.
pub(crate) fn looks_like_header(first: &[String], body: &[Vec<String>]) -> bool {
    if body.is_empty() {
        return !first.iter().any(|cell| is_number_or_date(cell));
    }
    let (mut header_votes, mut data_votes) = (0, 0);
    for (index, cell) in first.iter().enumerate() {
        if is_missing(cell) || !is_value_column(body, index) {
            continue;
        }
        if is_number_or_date(cell) {
            data_votes += 1;
        } else {
            header_votes += 1;
        }
    }
    !(data_votes > 0 && header_votes == 0)
}

/// Every non-missing cell of the column below the first row is a number or
/// date (and there is at least one).
fn is_value_column(body: &[Vec<String>], index: usize) -> bool {
    let mut present = body
        .iter()
        .filter_map(|row| row.get(index))
        .filter(|cell| !is_missing(cell))
        .peekable();
    present.peek().is_some() && present.all(|cell| is_number_or_date(cell))
}

/// Column names from a header record, made unique: a blank name becomes its
/// position ("column 3"), a repeated one gets a suffix ("Name (2)"), each
/// with a warning on row `row`.
pub(crate) fn header_names(header: &[String], row: u64, log: &mut WarningLog) -> Vec<String> {
    let mut taken = HashSet::new();
    let mut names = Vec::with_capacity(header.len());
    for (index, raw) in header.iter().enumerate() {
        let column = Some(index.saturating_add(1));
        let name = if raw.trim().is_empty() {
            let renamed = unique_name(&positional_name(index), &taken);
            log.push(Warning {
                row,
                column,
                kind: WarningKind::EmptyHeader {
                    renamed: renamed.clone(),
                },
            });
            renamed
        } else if taken.contains(raw.as_str()) {
            let renamed = unique_name(raw, &taken);
            log.push(Warning {
                row,
                column,
                kind: WarningKind::DuplicateHeader {
                    name: raw.clone(),
                    renamed: renamed.clone(),
                },
            });
            renamed
        } else {
            raw.clone()
        };
        taken.insert(name.clone());
        names.push(name);
    }
    names
}

/// `wanted`, or `wanted (2)`, `wanted (3)`… whichever is free first.
pub(crate) fn unique_name(wanted: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(wanted) {
        return wanted.to_string();
    }
    (2..)
        .map(|n: usize| format!("{wanted} ({n})"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| wanted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn is_header(first: &[&str], body: &[&[&str]]) -> bool {
        let body: Vec<Vec<String>> = body.iter().map(|r| row(r)).collect();
        looks_like_header(&row(first), &body)
    }

    #[test]
    fn words_over_numbers_are_a_header() {
        assert!(is_header(
            &["name", "age"],
            &[&["Ali", "30"], &["Sara", "41"]]
        ));
        assert!(is_header(
            &["id", "when"],
            &[&["1", "2023-01-02"], &["2", ""]]
        ));
    }

    #[test]
    fn numbers_over_numbers_are_data() {
        assert!(!is_header(
            &["Ali", "30"],
            &[&["Sara", "41"], &["Reza", "25"]]
        ));
        assert!(!is_header(&["1", "2", "3"], &[&["4", "5", "6"]]));
        assert!(!is_header(&["1", "2"], &[]));
    }

    #[test]
    fn text_only_files_keep_a_header() {
        assert!(is_header(&["name", "city"], &[&["Ali", "Tehran"]]));
        assert!(is_header(&["a", "b"], &[]));
    }

    #[test]
    fn blank_and_repeated_names_are_made_unique() {
        let mut log = WarningLog::default();
        let names = header_names(&row(&["", "Name", "Name", "column 1", "Name"]), 1, &mut log);
        assert_eq!(
            names,
            ["column 1", "Name", "Name (2)", "column 1 (2)", "Name (3)"]
        );
        let (warnings, total) = log.finish();
        assert_eq!(total, 4);
        assert_eq!(
            warnings.first(),
            Some(&Warning {
                row: 1,
                column: Some(1),
                kind: WarningKind::EmptyHeader {
                    renamed: "column 1".into()
                }
            })
        );
        assert_eq!(
            warnings.get(1),
            Some(&Warning {
                row: 1,
                column: Some(3),
                kind: WarningKind::DuplicateHeader {
                    name: "Name".into(),
                    renamed: "Name (2)".into()
                }
            })
        );
    }
}
