//! Guessing a column's type from its cells.
//!
//! Every cell is looked at once (no sampling) and classified into a
//! [`CellClass`]; the type, its exact `missing` and `invalid` counts and the
//! listed misfits are all derived from those classes through one
//! [`Fit`] rule, so the count and the list always agree. A cell with no
//! digit skips the number and date parsers, which keeps text columns cheap,
//! and each distinct value is parsed once: customer columns repeat their
//! values (cities, dates, scores), so most cells are a hash lookup, and
//! values that come in ascending order (see [`ValueTable`]) a comparison
//! with the last.

use super::boolean::{is_binary_digit, is_boolean_word};
use super::date::{
    decide_order, read_compact_date, read_date_cell, Calendar, DateCell, DateKind, DateOrder,
    OrderEvidence,
};
use super::missing::is_missing;
use super::money::read_money;
use super::number::{digit_value, has_digit, read_number, too_wordy_for_a_number};
use super::percent::parse_percent;
use super::trim::trim_cell;
use super::value_table::{Filing, ValueTable};
use super::{ColumnGuess, ColumnType, DistinctValues, Misfit};
use crate::core::table::TextColumn;

/// Share of non-missing cells that must fit a type for the column to take it.
const FIT_SHARE: f64 = 0.95;
/// Integer parts this long are codes (card, phone, account numbers), not counts:
/// beyond 15 digits an f64 cannot even hold them exactly.
const LONG_CODE_DIGITS: usize = 16;
/// Below this many values, "all distinct" says nothing about being an id.
const MIN_VALUES_FOR_DISTINCT_ID: usize = 20;
const MAX_EXAMPLES: usize = 3;
/// How many misfits a guess lists; `invalid` counts them all.
pub const MAX_MISFITS: usize = 20;
const MAX_CODE_LEN: usize = 40;
/// Rows read before judging whether a column is mostly distinct values.
const ROWS_BEFORE_SIZING: usize = 8_192;

/// What one cell can be read as, as bit flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct CellClass(u32);

impl CellClass {
    const MISSING: u32 = 1;
    const BOOLEAN_WORD: u32 = 1 << 1;
    const BINARY_DIGIT: u32 = 1 << 2;
    const CODE: u32 = 1 << 3;
    const NUMBER: u32 = 1 << 4;
    const INTEGER: u32 = 1 << 5;
    const MONEY: u32 = 1 << 6;
    const PERCENT: u32 = 1 << 7;
    /// Any date: `yyyy-mm-dd`, `a/b/yyyy`, `yyyymmdd`, with or without a time.
    const DATE: u32 = 1 << 8;
    const TIME: u32 = 1 << 9;
    const COMPACT_DATE: u32 = 1 << 10;
    /// `a/b/yyyy`: needs the column's day/month order.
    const YEAR_LAST: u32 = 1 << 11;
    const DAY_FIRST_ONLY: u32 = 1 << 12;
    const MONTH_FIRST_ONLY: u32 = 1 << 13;
    const JALALI: u32 = 1 << 14;

    fn has(self, flag: u32) -> bool {
        self.0 & flag != 0
    }

    fn set(&mut self, flag: u32) {
        self.0 |= flag;
    }

    fn add_date(&mut self, date: DateCell) {
        self.set(Self::DATE);
        if date.kind == DateKind::DateTime {
            self.set(Self::TIME);
        }
        if date.compact {
            self.set(Self::COMPACT_DATE);
        }
        if date.is_year_last() {
            self.set(Self::YEAR_LAST);
        }
        match date.evidence() {
            OrderEvidence::DayFirst => self.set(Self::DAY_FIRST_ONLY),
            OrderEvidence::MonthFirst => self.set(Self::MONTH_FIRST_ONLY),
            OrderEvidence::None => {}
        }
        if date.calendar == Calendar::Jalali {
            self.set(Self::JALALI);
        }
    }
}

/// Which non-missing cells a column's type accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fit {
    Nothing,
    Integer,
    Number,
    /// Money cells and plain numbers.
    Money,
    /// Percentages and plain numbers.
    Percent,
    /// Words only: what inference counts.
    BooleanWord,
    /// Words and 0/1: what a user's Boolean accepts.
    Boolean,
    /// Dates readable in the column's order.
    Date(Option<DateOrder>),
    Code,
    Anything,
}

impl Fit {
    fn accepts(self, class: CellClass) -> bool {
        use CellClass as C;
        match self {
            Fit::Nothing => false,
            Fit::Integer => class.has(C::INTEGER),
            Fit::Number => class.has(C::NUMBER),
            Fit::Money => class.has(C::MONEY | C::NUMBER),
            Fit::Percent => class.has(C::PERCENT | C::NUMBER),
            Fit::BooleanWord => class.has(C::BOOLEAN_WORD),
            Fit::Boolean => class.has(C::BOOLEAN_WORD | C::BINARY_DIGIT),
            Fit::Date(order) => {
                class.has(C::DATE)
                    && match order {
                        Some(DateOrder::DayFirst) => !class.has(C::MONTH_FIRST_ONLY),
                        Some(DateOrder::MonthFirst) => !class.has(C::DAY_FIRST_ONLY),
                        Some(DateOrder::Ambiguous) | None => true,
                    }
            }
            Fit::Code => class.has(C::CODE),
            Fit::Anything => true,
        }
    }

    /// The rule for a type the user chose.
    fn for_type(column_type: ColumnType, order: Option<DateOrder>) -> Fit {
        match column_type {
            ColumnType::Empty => Fit::Nothing,
            ColumnType::Integer => Fit::Integer,
            ColumnType::Decimal => Fit::Number,
            ColumnType::Money => Fit::Money,
            ColumnType::Percent => Fit::Percent,
            ColumnType::Boolean => Fit::Boolean,
            ColumnType::Date | ColumnType::DateTime => Fit::Date(order),
            ColumnType::Category | ColumnType::Text | ColumnType::Identifier => Fit::Anything,
        }
    }
}

/// What the cells of one column look like, counted over every cell.
struct Tally<'a> {
    /// Cells in the column.
    cells: usize,
    /// How many cells read as each class met: a column's cells fall into a
    /// handful of classes, so counting here is a short walk instead of a
    /// pass over a class per cell (which also cost 4 bytes a cell).
    class_counts: Vec<(CellClass, usize)>,
    present: usize,
    missing: usize,
    zero_padded: usize,
    long_codes: usize,
    negatives: usize,
    /// Integers written with thousands separators ("12,500", "۱۲٬۵۰۰"):
    /// quantities, never ids, which are written as bare digits.
    grouped: usize,
    /// Each distinct trimmed value (missing markers too), read once.
    seen: ValueTable<'a, ValueReading>,
    /// Distinct non-missing values.
    distinct: usize,
    examples: Vec<String>,
}

/// What one distinct value is: its class and the number traits counted
/// per cell.
#[derive(Debug, Clone, Copy, Default)]
struct ValueReading {
    class: CellClass,
    zero_padded: bool,
    long_code: bool,
    negative: bool,
    grouped: bool,
}

impl ValueReading {
    fn missing() -> ValueReading {
        let mut reading = ValueReading::default();
        reading.class.set(CellClass::MISSING);
        reading
    }

    /// A trimmed cell's reading: a missing marker, or a value.
    fn of_trimmed(trimmed: &str) -> ValueReading {
        if is_missing(trimmed) {
            ValueReading::missing()
        } else {
            ValueReading::of(trimmed)
        }
    }

    fn of(value: &str) -> ValueReading {
        let mut reading = ValueReading::default();
        if is_boolean_word(value) {
            reading.class.set(CellClass::BOOLEAN_WORD);
        }
        if is_code_like(value) {
            reading.class.set(CellClass::CODE);
        }
        if has_digit(value) {
            reading.read_digits(value);
        }
        reading
    }

    fn read_digits(&mut self, value: &str) {
        let class = &mut self.class;
        if is_binary_digit(value) {
            class.set(CellClass::BINARY_DIGIT);
        }
        // Emails, codes and sentences with digits: only a date with a
        // month name is left to try.
        if too_wordy_for_a_number(value) {
            if let Some(date) = read_date_cell(value) {
                class.add_date(date);
            }
            return;
        }
        if let Some(number) = read_number(value) {
            class.set(CellClass::NUMBER);
            if number.is_integer {
                class.set(CellClass::INTEGER);
                self.zero_padded = number.zero_padded;
                self.long_code = number.integer_digits >= LONG_CODE_DIGITS;
                self.negative = number.value < 0.0;
                self.grouped = has_digit_grouping(value);
                if let Some(date) = read_compact_date(value) {
                    class.add_date(date);
                }
            }
            return;
        }
        if let Some(date) = read_date_cell(value) {
            class.add_date(date);
        } else if read_money(value).is_some() {
            class.set(CellClass::MONEY);
        } else if parse_percent(value).is_some() {
            class.set(CellClass::PERCENT);
        }
    }
}

/// Cells looked up together (see [`Tally::classify_batch`]).
const BATCH: usize = 32;

impl<'a> Tally<'a> {
    fn count(cells: &'a TextColumn) -> Self {
        let mut tally = Tally {
            cells: cells.len(),
            class_counts: Vec::new(),
            present: 0,
            missing: 0,
            zero_padded: 0,
            long_codes: 0,
            negatives: 0,
            grouped: 0,
            seen: ValueTable::new(cells),
            distinct: 0,
            examples: Vec::new(),
        };
        let mut batch: Vec<(usize, &'a str)> = Vec::with_capacity(BATCH);
        for (row, cell) in cells.iter().enumerate() {
            if row == ROWS_BEFORE_SIZING {
                tally.size_for_the_rest(cells.len());
            }
            batch.push((row, cell));
            if batch.len() == BATCH {
                tally.classify_batch(&batch);
                batch.clear();
            }
        }
        tally.classify_batch(&batch);
        tally.class_counts = tally.count_classes();
        tally
    }

    /// Count a batch of cells: first those whose value was met before, one
    /// lookup after another, then the rest in row order (so new values are
    /// numbered, kept as examples and given first rows in row order).
    fn classify_batch(&mut self, batch: &[(usize, &'a str)]) {
        // Each new cell's trimmed text and how it is to be filed (with its
        // hash, if it was hashed), kept for its insertion: one trim and at
        // most one hash per cell.
        let mut new: [Option<(&'a str, Filing)>; BATCH] = [None; BATCH];
        for ((_, cell), new) in batch.iter().zip(&mut new) {
            let trimmed = trim_cell(cell);
            match self.seen.count_known(trimmed) {
                Ok(reading) => self.count_cell(reading),
                Err(filing) => *new = Some((trimmed, filing)),
            }
        }
        for (&(row, cell), new) in batch.iter().zip(new) {
            if let Some((trimmed, filing)) = new {
                self.classify(cell, trimmed, row, filing);
            }
        }
    }

    /// A column whose first rows are mostly distinct (ids, emails, names)
    /// will meet a value in nearly every row: make room for them all now
    /// rather than rehashing the table each time it doubles, which cost
    /// as much as filling it.
    fn size_for_the_rest(&mut self, rows: usize) {
        if self.seen.len() * 2 >= ROWS_BEFORE_SIZING {
            self.seen.reserve(rows.saturating_sub(self.seen.len()));
        }
    }

    /// Count a cell not found among the values met before its batch (it
    /// may have been met earlier in the batch), `trimmed` its trimmed
    /// text, to be filed as `filing`.
    fn classify(&mut self, cell: &'a str, trimmed: &'a str, row: usize, filing: Filing) {
        let read = || ValueReading::of_trimmed(trimmed);
        let reading = match self.seen.count_new(trimmed, filing, row, read) {
            Some((reading, true)) => {
                if !reading.class.has(CellClass::MISSING) {
                    self.distinct += 1;
                    if self.examples.len() < MAX_EXAMPLES {
                        self.examples.push(cell.to_string());
                    }
                }
                reading
            }
            Some((reading, false)) => reading,
            // Past u32::MAX rows (natively only): read, counted, not kept.
            None => read(),
        };
        self.count_cell(reading);
    }

    /// Cells per class, from the distinct values and their cell counts.
    fn count_classes(&self) -> Vec<(CellClass, usize)> {
        let mut counts: Vec<(CellClass, usize)> = Vec::new();
        for seen in self.seen.entries() {
            let cells = seen.cells as usize;
            match counts
                .iter_mut()
                .find(|(class, _)| *class == seen.value.class)
            {
                Some((_, count)) => *count += cells,
                None => counts.push((seen.value.class, cells)),
            }
        }
        counts
    }

    /// The class of a cell of this column (every cell was met by `count`).
    fn class_of(&self, cell: &str) -> CellClass {
        let trimmed = trim_cell(cell);
        self.seen.get(trimmed).map_or_else(
            // Only a row past u32::MAX, which the table cannot keep.
            || ValueReading::of_trimmed(trimmed).class,
            |seen| seen.value.class,
        )
    }

    /// The distinct values met, for the statistics; None for a column
    /// longer than u32 rows can number.
    fn distinct_values(&self) -> Option<DistinctValues> {
        if u32::try_from(self.cells).is_err() {
            return None;
        }
        let mut values: Vec<(u32, u32)> = self
            .seen
            .entries()
            .filter(|seen| !seen.value.class.has(CellClass::MISSING))
            .map(|seen| (seen.first_row, seen.cells))
            .collect();
        // In row order, so reading the values back walks the column's text
        // front to back instead of jumping about it.
        values.sort_unstable();
        Some(DistinctValues {
            values,
            missing: self.missing,
        })
    }

    /// Count one cell read as `reading`.
    fn count_cell(&mut self, reading: ValueReading) {
        if reading.class.has(CellClass::MISSING) {
            self.missing += 1;
        } else {
            self.present += 1;
            self.zero_padded += usize::from(reading.zero_padded);
            self.long_codes += usize::from(reading.long_code);
            self.negatives += usize::from(reading.negative);
            self.grouped += usize::from(reading.grouped);
        }
    }

    fn count_where(&self, test: impl Fn(CellClass) -> bool) -> usize {
        self.class_counts
            .iter()
            .filter(|(class, _)| !class.has(CellClass::MISSING) && test(*class))
            .map(|(_, cells)| cells)
            .sum()
    }

    fn with(&self, flag: u32) -> usize {
        self.count_where(|c| c.has(flag))
    }

    fn fits(&self, fit: Fit) -> usize {
        self.count_where(|c| fit.accepts(c))
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
        self.distinct as f64 <= limit
    }

    fn looks_like_integer_ids(&self, integers: usize) -> bool {
        let padded = self.zero_padded * 10 >= integers;
        let long = self.long_codes * 2 >= integers;
        let all_distinct = self.present >= MIN_VALUES_FOR_DISTINCT_ID
            && self.distinct == self.present
            && self.negatives == 0
            && self.grouped == 0;
        padded || long || all_distinct
    }

    /// The day/month order of the column's `a/b/yyyy` dates.
    fn date_order(&self) -> Option<DateOrder> {
        decide_order(
            self.with(CellClass::YEAR_LAST),
            self.with(CellClass::DAY_FIRST_ONLY),
            self.with(CellClass::MONTH_FIRST_ONLY),
        )
    }

    /// The calendar most dates are in; None without dates.
    fn calendar(&self) -> Option<Calendar> {
        let dates = self.with(CellClass::DATE);
        let jalali = self.with(CellClass::JALALI);
        if dates == 0 {
            None
        } else if jalali * 2 > dates {
            Some(Calendar::Jalali)
        } else {
            Some(Calendar::Gregorian)
        }
    }

    /// A money or percent column: at least half its cells carry the mark
    /// (a plain number is not money by itself) and nearly all are marked
    /// or plain numbers.
    fn is_marked_numbers(&self, mark: u32, fit: Fit) -> bool {
        self.with(mark) * 2 >= self.present && self.mostly(self.fits(fit))
    }

    /// The type and the rule its cells are held to.
    /// `measure`: the header names a measure (see [`infer_column_named_as`]).
    fn decide(&self, measure: bool) -> (ColumnType, Fit) {
        let integers = self.with(CellClass::INTEGER);
        let numbers = self.with(CellClass::NUMBER);
        let dates = self.with(CellClass::DATE);
        if self.present == 0 {
            (ColumnType::Empty, Fit::Nothing)
        } else if self.with(CellClass::COMPACT_DATE) == self.present {
            (ColumnType::Date, Fit::Date(None))
        } else if self.mostly(self.with(CellClass::BOOLEAN_WORD)) {
            (ColumnType::Boolean, Fit::BooleanWord)
        } else if self.mostly(integers) && numbers == integers {
            if !measure && self.looks_like_integer_ids(integers) {
                (ColumnType::Identifier, Fit::Integer)
            } else {
                (ColumnType::Integer, Fit::Integer)
            }
        } else if self.mostly(numbers) {
            (ColumnType::Decimal, Fit::Number)
        } else if self.is_marked_numbers(CellClass::MONEY, Fit::Money) {
            (ColumnType::Money, Fit::Money)
        } else if self.is_marked_numbers(CellClass::PERCENT, Fit::Percent) {
            (ColumnType::Percent, Fit::Percent)
        } else if self.mostly(dates) {
            let kind = if self.with(CellClass::TIME) * 2 >= dates {
                ColumnType::DateTime
            } else {
                ColumnType::Date
            };
            (kind, Fit::Date(self.date_order()))
        } else if self.is_low_cardinality() {
            (ColumnType::Category, Fit::Anything)
        } else if self.mostly(self.with(CellClass::CODE)) {
            (ColumnType::Identifier, Fit::Code)
        } else {
            (ColumnType::Text, Fit::Anything)
        }
    }

    /// The guess for `column_type`, its cells held to `fit`.
    fn guess(self, cells: &TextColumn, column_type: ColumnType, fit: Fit) -> ColumnGuess {
        let fits = self.fits(fit);
        let is_date = matches!(column_type, ColumnType::Date | ColumnType::DateTime);
        let (date_order, calendar) = match fit {
            Fit::Date(order) if is_date => (order, self.calendar()),
            _ => (None, None),
        };
        let misfits = self.misfits(cells, fit, self.present.saturating_sub(fits));
        ColumnGuess {
            column_type,
            confidence: if self.present == 0 {
                1.0
            } else {
                self.share(fits)
            },
            missing: self.missing,
            invalid: self.present.saturating_sub(fits),
            examples: self.examples,
            misfits,
            date_order,
            calendar,
        }
    }

    /// The first [`MAX_MISFITS`] present cells `fit` refuses, with their rows.
    /// The walk starts at the first refused value's first row and ends once
    /// every refused cell is found, so a column that fits (most do) costs
    /// nothing and one with a few misfits rarely costs a whole pass.
    fn misfits(&self, cells: &TextColumn, fit: Fit, refused: usize) -> Vec<Misfit> {
        let refuses = |class: CellClass| !class.has(CellClass::MISSING) && !fit.accepts(class);
        let Some(first) = self
            .seen
            .entries()
            .filter(|seen| refuses(seen.value.class))
            .map(|seen| seen.first_row as usize)
            .min()
        else {
            return Vec::new();
        };
        let wanted = refused.min(MAX_MISFITS);
        cells
            .iter()
            .enumerate()
            .skip(first)
            .filter(|(_, value)| refuses(self.class_of(value)))
            .take(wanted)
            .map(|(row, value)| Misfit {
                row,
                value: value.to_string(),
            })
            .collect()
    }
}

/// A single token with a digit in it, like `85123A` or `7590-VHVEG`.
fn is_code_like(cell: &str) -> bool {
    if cell.is_ascii() {
        // The same test a byte at a time: ASCII whitespace as
        // `char::is_whitespace` sees it is space and \t..=\r.
        cell.len() <= MAX_CODE_LEN
            && !cell.bytes().any(|b| matches!(b, b' ' | b'\t'..=b'\r'))
            && cell.bytes().any(|b| b.is_ascii_digit())
    } else {
        is_code_like_text(cell)
    }
}

/// [`is_code_like`] for text in any script.
fn is_code_like_text(cell: &str) -> bool {
    let mut has_digit = false;
    for (count, c) in cell.chars().enumerate() {
        if count >= MAX_CODE_LEN || c.is_whitespace() {
            return false;
        }
        has_digit |= digit_value(c).is_some();
    }
    has_digit
}

/// Guess a column's type. Missing cells (see [`super::is_missing`]) are
/// ignored; a type is chosen when at least 95% of the other cells fit it,
/// trying in order:
///
/// 1. Date, when *every* cell is a compact `yyyymmdd` date with a plausible
///    year (Gregorian 1900–2100, Jalali 1300–1420): eight-digit codes are
///    common, so one cell that is no such date keeps the column a number;
/// 2. Boolean (words only: a 0/1 column stays Integer);
/// 3. Integer (or Identifier when zero-padded, 16+ digits long, or all
///    distinct over 20+ non-negative values); 4. Decimal;
/// 5. Money, then Percent: at least half the cells carry a currency or a
///    percent sign (or, for money, a decimal comma with two decimals) and
///    95% are such cells or plain numbers;
/// 6. Date/DateTime (DateTime when at least half the dates carry a time),
///    with the day/month order and calendar decided from the data (see
///    [`ColumnGuess::date_order`]): cells that contradict the order are
///    invalid;
/// 7. Category (distinct values ≤ max(20, 5% of non-missing cells));
/// 8. Identifier (single-token codes with digits); 9. Text.
///
/// `confidence` is the share of non-missing cells that fit (1 for an
/// all-missing Empty column); `examples` are the first three distinct
/// values as written; `misfits` lists the first cells that do not fit.
pub fn infer_column(cells: &TextColumn) -> ColumnGuess {
    infer_column_named_as(cells, false)
}

/// [`infer_column`] for a column whose header says whether it names a
/// measure ("age", "income"): whole numbers in such a column are numbers
/// even when every one is distinct, zero-padded or long, which from the
/// values alone would make them identifiers.
pub fn infer_column_named_as(cells: &TextColumn, measure: bool) -> ColumnGuess {
    let (tally, column_type, fit) = decided(cells, measure);
    tally.guess(cells, column_type, fit)
}

/// [`infer_column_named_as`], with the column's distinct values met on the
/// way (None for a column of more than u32::MAX rows). Only a load keeps
/// them, so only it pays for listing them.
pub fn infer_column_with_values(
    cells: &TextColumn,
    measure: bool,
) -> (ColumnGuess, Option<DistinctValues>) {
    let (tally, column_type, fit) = decided(cells, measure);
    let distinct = tally.distinct_values();
    (tally.guess(cells, column_type, fit), distinct)
}

/// Every cell classified, and the type and rule the column takes.
fn decided(cells: &TextColumn, measure: bool) -> (Tally<'_>, ColumnType, Fit) {
    let tally = Tally::count(cells);
    let (column_type, fit) = tally.decide(measure);
    (tally, column_type, fit)
}

/// The column read as the type the user chose: `invalid` counts the cells
/// that do not fit it and `misfits` lists the first of them (they are kept,
/// never dropped). Text, categories and identifiers accept any text; a
/// Boolean accepts the yes/no words and 0/1; Money and Percent accept plain
/// numbers too; a Date or DateTime accepts any date (a time is allowed in a
/// Date and not required in a DateTime) readable in the order the data
/// decides.
pub fn guess_as(cells: &TextColumn, column_type: ColumnType) -> ColumnGuess {
    guess_as_ordered(cells, column_type, None)
}

/// [`guess_as`], with the day/month order of `a/b/yyyy` dates chosen by the
/// user (None: as the data decides). Cells that cannot be read in the
/// chosen order are misfits.
pub fn guess_as_ordered(
    cells: &TextColumn,
    column_type: ColumnType,
    order: Option<DateOrder>,
) -> ColumnGuess {
    let tally = Tally::count(cells);
    let fit = Fit::for_type(column_type, order.or_else(|| tally.date_order()));
    tally.guess(cells, column_type, fit)
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

    #[test]
    fn codes_are_told_the_same_a_byte_or_a_character_at_a_time() {
        let forty = "A1".repeat(20);
        let forty_one = format!("{forty}B");
        for cell in [
            "85123A",
            "7590-VHVEG",
            "C0000001",
            "a@b1.com",
            "no digits",
            "12 34",
            "12\t34",
            "12\u{b}34",
            "12\u{1c}34",
            "",
            forty.as_str(),
            forty_one.as_str(),
        ] {
            assert_eq!(is_code_like(cell), is_code_like_text(cell), "{cell:?}");
        }
        assert!(is_code_like(&forty) && !is_code_like(&forty_one));
        assert!(is_code_like("۱۲A") && !is_code_like("۱۲ A"));
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

    #[test]
    fn day_first_is_decided_by_a_day_above_12() {
        let g = guess(&["03/04/2023", "31/12/2023", "01/02/2023", ""]);
        assert_eq!(g.column_type, ColumnType::Date);
        assert_eq!(g.date_order, Some(DateOrder::DayFirst));
        assert_eq!(g.calendar, Some(Calendar::Gregorian));
        assert_eq!((g.missing, g.invalid), (1, 0));
    }

    #[test]
    fn month_first_with_two_digit_years_and_times() {
        // Online Retail's InvoiceDate.
        let g = guess(&["12/1/10 8:26", "12/1/10 9:01", "12/13/10 17:30"]);
        assert_eq!(g.column_type, ColumnType::DateTime);
        assert_eq!(g.date_order, Some(DateOrder::MonthFirst));
    }

    #[test]
    fn an_undecided_order_is_ambiguous_not_guessed() {
        let g = guess(&["03/04/2023", "01/02/2023", "05/05/2023"]);
        assert_eq!(g.column_type, ColumnType::Date);
        assert_eq!(g.date_order, Some(DateOrder::Ambiguous));
        assert_eq!(g.invalid, 0);
        // Year first needs no order.
        assert_eq!(guess(&["2023-04-03"]).date_order, None);
    }

    #[test]
    fn cells_against_the_decided_order_are_misfits() {
        let mut cells = repeat(&["25/12/2023", "13/01/2024", "01/02/2024"], 10);
        cells.push("12/31/2023".into());
        let g = infer_column(&cells.iter().map(String::as_str).collect());
        assert_eq!(g.column_type, ColumnType::Date);
        assert_eq!(g.date_order, Some(DateOrder::DayFirst));
        assert_eq!(g.invalid, 1);
        assert_eq!(
            g.misfits,
            [Misfit {
                row: 30,
                value: "12/31/2023".into()
            }]
        );
    }

    #[test]
    fn jalali_columns() {
        let mut cells = repeat(&["1402/05/12", "۱۴۰۲/۰۵/۱۳", "1402-5-14", "1403/12/30"], 5);
        cells.push("1402/12/30".into());
        let g = infer_column(&cells.iter().map(String::as_str).collect());
        assert_eq!(g.column_type, ColumnType::Date);
        assert_eq!(g.calendar, Some(Calendar::Jalali));
        assert_eq!(g.date_order, None);
        // 1402 is not a leap year: Esfand has 29 days.
        assert_eq!(g.invalid, 1);
        assert_eq!(g.misfits[0].row, 20);
        let compact = guess(&["14020512", "14021229", "13990101"]);
        assert_eq!(compact.column_type, ColumnType::Date);
        assert_eq!(compact.calendar, Some(Calendar::Jalali));
    }

    #[test]
    fn money_and_percent_columns() {
        let dollars = guess(&["$52,300.00", "$12.50", "$0.99", "7", "NA"]);
        assert_eq!(dollars.column_type, ColumnType::Money);
        assert_eq!((dollars.missing, dollars.invalid), (1, 0));
        assert_eq!(
            type_of(&["52.300,00", "12,50", "1.000,00"]),
            ColumnType::Money
        );
        assert_eq!(type_of(&["12.50 USD", "3 USD"]), ColumnType::Money);
        assert_eq!(type_of(&["۱۲۰٬۰۰۰ ریال", "۵۰۰ ریال"]), ColumnType::Money);
        assert_eq!(type_of(&["۵۰۰ تومان", "۱۲۰۰ تومان"]), ColumnType::Money);
        assert_eq!(type_of(&["١٢ ﷼", "٣٠ ﷼"]), ColumnType::Money);
        // A plain number is not money by itself.
        assert_eq!(type_of(&["$5", "6", "7"]), ColumnType::Category);
        assert_eq!(
            type_of(&["50%", "12.5%", "٪۵۰", "۵۰٪"]),
            ColumnType::Percent
        );
        let percent = guess(&["50%", "20%", "abc"]);
        assert_eq!(percent.column_type, ColumnType::Category);
        let as_percent = guess_as(
            &["50%", "20%", "abc", "3"].into_iter().collect(),
            ColumnType::Percent,
        );
        assert_eq!(as_percent.invalid, 1);
        assert_eq!(as_percent.misfits[0].value, "abc");
    }

    #[test]
    fn booleans_in_three_languages_and_0_1_on_request() {
        assert_eq!(type_of(&["بله", "خیر", "خير", "بله"]), ColumnType::Boolean);
        assert_eq!(type_of(&["نعم", "لا", "لا"]), ColumnType::Boolean);
        assert_eq!(type_of(&["Y", "N", "y"]), ColumnType::Boolean);
        let flags: TextColumn = ["0", "1", "۱", "1", "2"].into_iter().collect();
        assert_eq!(infer_column(&flags).column_type, ColumnType::Integer);
        let as_boolean = guess_as(&flags, ColumnType::Boolean);
        assert_eq!(as_boolean.invalid, 1);
        assert_eq!(
            as_boolean.misfits,
            [Misfit {
                row: 4,
                value: "2".into()
            }]
        );
    }

    #[test]
    fn misfits_are_capped_but_invalid_is_exact() {
        let mut cells = repeat(&["1", "2", "3"], 400);
        cells.extend((0..30).map(|i| format!("x{i}")));
        let column: TextColumn = cells.iter().map(String::as_str).collect();
        let g = infer_column(&column);
        assert_eq!(g.column_type, ColumnType::Integer);
        assert_eq!(g.invalid, 30);
        assert_eq!(g.misfits.len(), MAX_MISFITS);
        assert_eq!(
            g.misfits[0],
            Misfit {
                row: 1200,
                value: "x0".into()
            }
        );
        let as_date = guess_as(&column, ColumnType::Date);
        assert_eq!(as_date.invalid, 1230);
        assert_eq!(as_date.misfits.len(), MAX_MISFITS);
        assert_eq!(guess_as(&column, ColumnType::Text).misfits, []);
    }

    #[test]
    fn misfits_are_every_refused_cell_in_row_order_with_repeats_and_padding() {
        let mut cells = repeat(&["1", "2", "3", "", "4"], 20_000);
        for (row, value) in [(9_000, "x"), (30_001, " x "), (50_000, "y"), (99_999, "x")] {
            cells[row] = value.to_string();
        }
        let column: TextColumn = cells.iter().map(String::as_str).collect();
        let g = infer_column(&column);
        assert_eq!(g.column_type, ColumnType::Integer);
        assert_eq!((g.invalid, g.missing), (4, 20_000));
        let listed: Vec<(usize, &str)> = g
            .misfits
            .iter()
            .map(|m| (m.row, m.value.as_str()))
            .collect();
        assert_eq!(
            listed,
            [(9_000, "x"), (30_001, " x "), (50_000, "y"), (99_999, "x")]
        );
    }

    #[test]
    fn a_chosen_date_type_decides_order_and_calendar() {
        let cells: TextColumn = ["1402/05/12", "13/05/1402", "hello"].into_iter().collect();
        let g = guess_as(&cells, ColumnType::Date);
        assert_eq!(g.calendar, Some(Calendar::Jalali));
        assert_eq!(g.date_order, Some(DateOrder::DayFirst));
        assert_eq!(g.invalid, 1);
        assert_eq!(guess_as(&cells, ColumnType::Text).calendar, None);
    }
}
