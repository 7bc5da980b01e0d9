//! Guessing a column's type from its cells.
//!
//! Every cell is looked at (no sampling), so `missing` and `invalid` are
//! exact; a cell with no digit skips the number and date parsers, which
//! keeps text columns cheap.

use std::collections::HashSet;

use super::boolean::is_boolean_word;
use super::date::{is_compact_date, read_date, DateKind};
use super::missing::is_missing;
use super::number::{digit_value, read_number};
use super::{ColumnGuess, ColumnType};
use crate::core::table::TextColumn;

/// Share of non-missing cells that must fit a type for the column to take it.
const FIT_SHARE: f64 = 0.95;
/// Integer parts this long are codes (card, phone, account numbers), not counts:
/// beyond 15 digits an f64 cannot even hold them exactly.
const LONG_CODE_DIGITS: usize = 16;
/// Below this many values, "all distinct" says nothing about being an id.
const MIN_VALUES_FOR_DISTINCT_ID: usize = 20;
const MAX_EXAMPLES: usize = 3;
const MAX_CODE_LEN: usize = 40;

/// What the cells of one column look like, counted over every cell.
#[derive(Default)]
struct Tally<'a> {
    present: usize,
    missing: usize,
    integers: usize,
    zero_padded: usize,
    long_codes: usize,
    negatives: usize,
    /// Integers written with thousands separators ("12,500", "۱۲٬۵۰۰"):
    /// quantities, never ids, which are written as bare digits.
    grouped: usize,
    numbers: usize,
    compact_dates: usize,
    booleans: usize,
    dates: usize,
    date_times: usize,
    codes: usize,
    distinct: HashSet<&'a str>,
    examples: Vec<String>,
}

impl<'a> Tally<'a> {
    fn count(cells: &'a TextColumn) -> Self {
        let mut tally = Tally::default();
        for cell in cells.iter() {
            tally.add(cell);
        }
        tally
    }

    fn add(&mut self, cell: &'a str) {
        if is_missing(cell) {
            self.missing += 1;
            return;
        }
        self.present += 1;
        let trimmed = cell.trim();
        if self.distinct.insert(trimmed) && self.examples.len() < MAX_EXAMPLES {
            self.examples.push(cell.to_string());
        }
        if is_boolean_word(trimmed) {
            self.booleans += 1;
        }
        if is_code_like(trimmed) {
            self.codes += 1;
        }
        if trimmed.chars().any(|c| digit_value(c).is_some()) {
            self.add_digits(trimmed);
        }
    }

    fn add_digits(&mut self, cell: &str) {
        if let Some(number) = read_number(cell) {
            self.numbers += 1;
            if number.is_integer {
                self.integers += 1;
                self.zero_padded += usize::from(number.zero_padded);
                self.long_codes += usize::from(number.integer_digits >= LONG_CODE_DIGITS);
                self.negatives += usize::from(number.value < 0.0);
                self.grouped += usize::from(has_digit_grouping(cell));
                self.compact_dates += usize::from(is_compact_date(cell));
            }
            return;
        }
        match read_date(cell) {
            Some(DateKind::Date) => self.dates += 1,
            Some(DateKind::DateTime) => self.date_times += 1,
            None => {}
        }
    }

    fn share(&self, count: usize) -> f64 {
        if self.present == 0 {
            0.0
        } else {
            count as f64 / self.present as f64
        }
    }

    fn mostly(&self, count: usize) -> bool {
        self.share(count) >= FIT_SHARE
    }

    /// Few enough distinct values to chart as categories.
    fn is_low_cardinality(&self) -> bool {
        let limit = (self.present as f64 * 0.05).max(20.0);
        self.distinct.len() as f64 <= limit
    }

    fn looks_like_integer_ids(&self) -> bool {
        let padded = self.zero_padded * 10 >= self.integers;
        let long = self.long_codes * 2 >= self.integers;
        let all_distinct = self.present >= MIN_VALUES_FOR_DISTINCT_ID
            && self.distinct.len() == self.present
            && self.negatives == 0
            && self.grouped == 0;
        padded || long || all_distinct
    }

    /// The type and how many cells fit it.
    fn decide(&self) -> (ColumnType, usize) {
        let date_like = self.dates + self.date_times;
        if self.present == 0 {
            (ColumnType::Empty, 0)
        } else if self.compact_dates == self.present {
            (ColumnType::Date, self.compact_dates)
        } else if self.mostly(self.booleans) {
            (ColumnType::Boolean, self.booleans)
        } else if self.mostly(self.integers) && self.numbers == self.integers {
            if self.looks_like_integer_ids() {
                (ColumnType::Identifier, self.integers)
            } else {
                (ColumnType::Integer, self.integers)
            }
        } else if self.mostly(self.numbers) {
            (ColumnType::Decimal, self.numbers)
        } else if self.mostly(date_like) {
            let kind = if self.date_times >= self.dates {
                ColumnType::DateTime
            } else {
                ColumnType::Date
            };
            (kind, date_like)
        } else if self.is_low_cardinality() {
            (ColumnType::Category, self.present)
        } else if self.mostly(self.codes) {
            (ColumnType::Identifier, self.codes)
        } else {
            (ColumnType::Text, self.present)
        }
    }
}

/// A single token with a digit in it, like `85123A` or `7590-VHVEG`.
fn is_code_like(cell: &str) -> bool {
    cell.chars().count() <= MAX_CODE_LEN
        && !cell.chars().any(char::is_whitespace)
        && cell.chars().any(|c| digit_value(c).is_some())
}

/// Guess a column's type. Missing cells (see [`super::is_missing`]) are
/// ignored; a type is chosen when at least 95% of the other cells fit it,
/// trying in order: all-`yyyymmdd` Date, Boolean (words only), Integer (or
/// Identifier when zero-padded, 16+ digits long, or all distinct over 20+
/// non-negative values), Decimal, Date/DateTime, Category (distinct values
/// ≤ max(20, 5% of non-missing cells)), Identifier (single-token codes
/// with digits), else Text. `confidence` is the share of non-missing cells
/// that fit (1 for an all-missing Empty column); `examples` are the first
/// three distinct values as written.
pub fn infer_column(cells: &TextColumn) -> ColumnGuess {
    let tally = Tally::count(cells);
    let (column_type, fits) = tally.decide();
    let confidence = if tally.present == 0 {
        1.0
    } else {
        tally.share(fits)
    };
    ColumnGuess {
        column_type,
        confidence,
        missing: tally.missing,
        invalid: tally.present.saturating_sub(fits),
        examples: tally.examples,
    }
}

/// How many present cells fit `column_type`, whatever was inferred. Text,
/// categories and identifiers accept any text.
fn fits_as(tally: &Tally<'_>, column_type: ColumnType) -> usize {
    match column_type {
        ColumnType::Empty => 0,
        ColumnType::Integer => tally.integers,
        ColumnType::Decimal => tally.numbers,
        ColumnType::Boolean => tally.booleans,
        ColumnType::Date => tally.dates + tally.compact_dates,
        ColumnType::DateTime => tally.dates + tally.date_times,
        ColumnType::Category | ColumnType::Text | ColumnType::Identifier => tally.present,
    }
}

/// The column read as the type the user chose: `invalid` counts the cells
/// that do not fit it (they are kept, never dropped).
pub fn guess_as(cells: &TextColumn, column_type: ColumnType) -> ColumnGuess {
    let tally = Tally::count(cells);
    let fits = fits_as(&tally, column_type).min(tally.present);
    ColumnGuess {
        column_type,
        confidence: if tally.present == 0 {
            1.0
        } else {
            tally.share(fits)
        },
        missing: tally.missing,
        invalid: tally.present - fits,
        examples: tally.examples,
    }
}

/// A thousands separator between digits: `,` `.` `٬` `'` or a space.
fn has_digit_grouping(cell: &str) -> bool {
    let chars: Vec<char> = cell.trim().chars().collect();
    chars.windows(3).any(|w| match w {
        [a, sep, b] => {
            digit_value(*a).is_some()
                && digit_value(*b).is_some()
                && matches!(sep, ',' | '.' | '\u{066C}' | '\'' | ' ' | '\u{00A0}')
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_type_counts_the_cells_that_do_not_fit() {
        let cells: TextColumn = ["12", "7", "n/a", "twelve", "3.5"].into_iter().collect();
        let as_integer = guess_as(&cells, ColumnType::Integer);
        assert_eq!((as_integer.missing, as_integer.invalid), (1, 2));
        let as_decimal = guess_as(&cells, ColumnType::Decimal);
        assert_eq!(as_decimal.invalid, 1);
        assert_eq!(guess_as(&cells, ColumnType::Text).invalid, 0);
    }

    fn guess(cells: &[&str]) -> ColumnGuess {
        infer_column(&cells.iter().copied().collect())
    }

    fn type_of(cells: &[&str]) -> ColumnType {
        guess(cells).column_type
    }

    fn repeat(values: &[&str], times: usize) -> Vec<String> {
        (0..times)
            .flat_map(|_| values.iter().map(|v| v.to_string()))
            .collect()
    }

    fn type_of_owned(cells: &[String]) -> ColumnType {
        infer_column(&cells.iter().map(String::as_str).collect()).column_type
    }

    #[test]
    fn empty_and_all_missing() {
        assert_eq!(type_of(&[]), ColumnType::Empty);
        let all_missing = guess(&["", " ", "NA"]);
        assert_eq!(all_missing.column_type, ColumnType::Empty);
        assert_eq!(all_missing.missing, 3);
        assert_eq!(all_missing.confidence, 1.0);
    }

    #[test]
    fn integers_decimals_and_booleans() {
        assert_eq!(type_of(&["1", "2", "2", "", "3"]), ColumnType::Integer);
        assert_eq!(type_of(&["1", "2.5", "2", "3"]), ColumnType::Decimal);
        assert_eq!(type_of(&["0", "1", "1", "0"]), ColumnType::Integer);
        assert_eq!(type_of(&["Yes", "No", "no", "YES"]), ColumnType::Boolean);
        assert_eq!(type_of(&["true", "false"]), ColumnType::Boolean);
    }

    #[test]
    fn invalid_cells_are_counted_exactly() {
        let mut cells = repeat(&["10", "20", "30", "40"], 10);
        cells.push("oops".into());
        cells.push("".into());
        let guess = infer_column(&cells.iter().map(String::as_str).collect());
        assert_eq!(guess.column_type, ColumnType::Integer);
        assert_eq!((guess.missing, guess.invalid), (1, 1));
        assert!((guess.confidence - 40.0 / 41.0).abs() < 1e-12);
        assert_eq!(guess.examples, ["10", "20", "30"]);
    }

    #[test]
    fn identifiers() {
        assert_eq!(type_of(&["0001", "0002", "0003"]), ColumnType::Identifier);
        assert_eq!(
            type_of(&["1234567812345678", "8765432187654321"]),
            ColumnType::Identifier
        );
        let ids: Vec<String> = (1000..1030).map(|i| i.to_string()).collect();
        assert_eq!(type_of_owned(&ids), ColumnType::Identifier);
        // All distinct but written with thousands separators: amounts.
        let amounts: Vec<String> = (0..30)
            .map(|i| format!("{},{:03}", 1 + i % 9, 100 + i))
            .collect();
        assert_eq!(type_of_owned(&amounts), ColumnType::Integer);
        let codes: Vec<String> = (0..100).map(|i| format!("{i}-VHVEG")).collect();
        assert_eq!(type_of_owned(&codes), ColumnType::Identifier);
    }

    #[test]
    fn dates_and_compact_dates() {
        assert_eq!(type_of(&["2023-01-02", "2023-02-03", ""]), ColumnType::Date);
        assert_eq!(
            type_of(&["12/1/10 8:26", "12/1/10 9:01"]),
            ColumnType::DateTime
        );
        assert_eq!(
            type_of(&["19970101", "19970102", "19970101"]),
            ColumnType::Date
        );
        // Eight-digit ids that are not all valid dates stay numbers.
        let ids = repeat(&["19970101", "12345678"], 3);
        assert_eq!(type_of_owned(&ids), ColumnType::Integer);
    }

    #[test]
    fn categories_and_text() {
        let genders = repeat(&["Male", "Female"], 50);
        assert_eq!(type_of_owned(&genders), ColumnType::Category);
        let reviews: Vec<String> = (0..100).map(|i| format!("review number {i}")).collect();
        assert_eq!(type_of_owned(&reviews), ColumnType::Text);
    }

    #[test]
    fn persian_digits_are_numbers() {
        assert_eq!(type_of(&["۱۲", "۳۴٫۵", "٧٨"]), ColumnType::Decimal);
    }
}
