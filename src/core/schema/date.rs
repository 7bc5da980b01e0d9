//! Recognising dates and date-times in the shapes spreadsheets write them,
//! in the Gregorian and the Solar Hijri (Jalali) calendar.
//!
//! A cell is read on its own into a [`DateCell`]; what a single cell cannot
//! settle — whether `03/04/2023` is 3 April or 4 March — is decided for the
//! whole column by [`decide_order`].

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::gregorian::{is_valid_day, GregorianDate};
use super::jalali::{is_valid_jalali, jalali_to_gregorian};
use super::number::digit_value;
use super::trim::trim_cell;

mod iso;

/// What kind of date a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateKind {
    Date,
    DateTime,
}

/// Day and month order of a column's `a/b/yyyy` dates, decided from the
/// data: a first field above 12 can only be a day, a second one only a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `dd/mm/yyyy`, as in most of the world.
    DayFirst,
    /// `mm/dd/yyyy`, as in the United States.
    MonthFirst,
    /// No cell settles it (every day is 12 or less), or as many cells say
    /// one order as the other: the user must choose.
    Ambiguous,
}

/// The calendar a column's dates are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    Gregorian,
    /// Solar Hijri, `1402/05/12`; converted with [`super::jalali_to_gregorian`].
    Jalali,
}

/// Gregorian years a date cell may have. Far wider than customer data needs,
/// but disjoint from [`JALALI_YEARS`], so a year names its calendar.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;
/// Jalali years read as dates: 1300–1420 AP is 1921–2042 CE. Above that,
/// a year is more likely Lunar Hijri (1445 AH is 2023 CE), which Nimrokh
/// does not read, than a Jalali date decades ahead; such cells are refused
/// rather than guessed.
const JALALI_YEARS: std::ops::RangeInclusive<i32> = 1300..=1420;
/// `yyyymmdd` is also what an 8-digit id looks like, so its Gregorian years
/// are held to a narrower, plausible range.
const COMPACT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// Two-digit years as POSIX `strptime` (and Python, and Excel up to 29)
/// read them: 69–99 are 1969–1999, 00–68 are 2000–2068.
const TWO_DIGIT_PIVOT: i32 = 69;

/// The date fields of a cell, in the order they were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fields {
    /// `yyyy-mm-dd` or `yyyymmdd`: the order is fixed.
    YearFirst { year: i32, month: u32, day: u32 },
    /// `a/b/yyyy`: day-first or month-first.
    YearLast { first: u32, second: u32, year: i32 },
}

/// What a single `a/b/yyyy` cell says about its column's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrderEvidence {
    /// Year first, or both readings valid (`03/04/2023`).
    None,
    /// Valid only day-first (`31/12/2023`).
    DayFirst,
    /// Valid only month-first (`12/31/2023`).
    MonthFirst,
}

/// One cell read as a date, with what is known before the column decides
/// its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateCell {
    fields: Fields,
    pub calendar: Calendar,
    pub kind: DateKind,
    /// Written as eight digits, `yyyymmdd`.
    pub compact: bool,
}

impl DateCell {
    /// Written `a/b/yyyy`: its column needs a day/month order.
    pub(crate) fn is_year_last(&self) -> bool {
        matches!(self.fields, Fields::YearLast { .. })
    }

    pub(crate) fn evidence(&self) -> OrderEvidence {
        let Fields::YearLast {
            first,
            second,
            year,
        } = self.fields
        else {
            return OrderEvidence::None;
        };
        let valid = |month, day| is_valid_in(self.calendar, year, month, day);
        match (valid(second, first), valid(first, second)) {
            (true, false) => OrderEvidence::DayFirst,
            (false, true) => OrderEvidence::MonthFirst,
            _ => OrderEvidence::None,
        }
    }

    /// Does this cell read as a date under the column's order? Any order
    /// fits year-first cells; `Ambiguous` (or none) accepts either reading.
    pub(crate) fn fits_order(&self, order: Option<DateOrder>) -> bool {
        !matches!(
            (order, self.evidence()),
            (Some(DateOrder::DayFirst), OrderEvidence::MonthFirst)
                | (Some(DateOrder::MonthFirst), OrderEvidence::DayFirst)
        )
    }

    /// Year, month and day in the cell's own calendar, or None when the
    /// order is needed and not known (an ambiguous `03/04/2023`) or the cell
    /// contradicts it.
    fn year_month_day(&self, order: Option<DateOrder>) -> Option<(i32, u32, u32)> {
        let (year, month, day) = match self.fields {
            Fields::YearFirst { year, month, day } => (year, month, day),
            Fields::YearLast {
                first,
                second,
                year,
            } => match (order, self.evidence()) {
                (_, OrderEvidence::DayFirst) | (Some(DateOrder::DayFirst), _) => {
                    (year, second, first)
                }
                (_, OrderEvidence::MonthFirst) | (Some(DateOrder::MonthFirst), _) => {
                    (year, first, second)
                }
                // Both readings are the same day: 05/05/2023.
                _ if first == second => (year, first, second),
                _ => return None,
            },
        };
        is_valid_in(self.calendar, year, month, day).then_some((year, month, day))
    }

    /// The Gregorian date of this cell (Jalali dates converted).
    pub(crate) fn gregorian(&self, order: Option<DateOrder>) -> Option<GregorianDate> {
        if !self.fits_order(order) {
            return None;
        }
        let (year, month, day) = self.year_month_day(order)?;
        let (year, month, day) = match self.calendar {
            Calendar::Gregorian => (year, month, day),
            Calendar::Jalali => jalali_to_gregorian(year, month, day)?,
        };
        GregorianDate::new(year, month, day)
    }
}

fn is_valid_in(calendar: Calendar, year: i32, month: u32, day: u32) -> bool {
    match calendar {
        Calendar::Gregorian => is_valid_day(year, month, day),
        Calendar::Jalali => is_valid_jalali(year, month, day),
    }
}

/// The calendar a four-digit year belongs to, if any.
fn calendar_of_year(year: i32) -> Option<Calendar> {
    if YEARS.contains(&year) {
        Some(Calendar::Gregorian)
    } else if JALALI_YEARS.contains(&year) {
        Some(Calendar::Jalali)
    } else {
        None
    }
}

/// The day/month order of a column from its cells' evidence: the order more
/// cells demand wins (the others are misfits); none, or a tie, is
/// `Ambiguous`. None when no cell is written `a/b/yyyy`.
pub(crate) fn decide_order(
    year_last: usize,
    day_first: usize,
    month_first: usize,
) -> Option<DateOrder> {
    if year_last == 0 {
        None
    } else if day_first > month_first {
        Some(DateOrder::DayFirst)
    } else if month_first > day_first {
        Some(DateOrder::MonthFirst)
    } else {
        Some(DateOrder::Ambiguous)
    }
}

/// The day/month order of a column of (non-missing) cells, decided from
/// the data as inference decides it; see [`decide_order`].
pub fn column_date_order<'a>(cells: impl Iterator<Item = &'a str>) -> Option<DateOrder> {
    let (mut year_last, mut day_first, mut month_first) = (0, 0, 0);
    for date in cells.filter_map(read_date_cell) {
        year_last += usize::from(date.is_year_last());
        match date.evidence() {
            OrderEvidence::DayFirst => day_first += 1,
            OrderEvidence::MonthFirst => month_first += 1,
            OrderEvidence::None => {}
        }
    }
    decide_order(year_last, day_first, month_first)
}

/// Recognise `yyyy-mm-dd`, `yyyy/mm/dd`, `dd/mm/yyyy`, `mm/dd/yyyy`,
/// `m/d/yy` (with `/`, `-` or `.` between the parts, in any digit script),
/// optionally followed by a time `H:MM[:SS[.fff]]` with an optional AM/PM and
/// an optional `Z` or UTC offset, after a space or `T`.
///
/// A four-digit year in 1800–2200 is Gregorian, in 1300–1420 Jalali
/// (`1402/05/12`, `۱۴۰۲/۰۵/۱۲`, `1402-5-12`); two-digit years are Gregorian
/// (see [`TWO_DIGIT_PIVOT`]). The day must exist in that calendar; for
/// `a/b/yyyy` in at least one order. Compact `yyyymmdd` is not recognised
/// here; see [`read_compact_date`].
pub(crate) fn read_date_cell(cell: &str) -> Option<DateCell> {
    // Every date this reads starts with a digit: names, codes and emails
    // stop here, before the normalising copy.
    if !starts_with_digit(cell) {
        return None;
    }
    let text = normalise(cell);
    if let Some(read) = iso::read_iso_shape(&text) {
        return read;
    }
    read_normalised(&text)
}

/// [`read_date_cell`] without the byte-by-byte path for the common shape,
/// which is tested against this.
#[cfg(test)]
fn read_date_cell_generally(cell: &str) -> Option<DateCell> {
    if !starts_with_digit(cell) {
        return None;
    }
    read_normalised(&normalise(cell))
}

/// A date cell, trimmed, bidi marks dropped and digits ASCII.
fn read_normalised(text: &str) -> Option<DateCell> {
    let (date, time) = split_date_time(text);
    let kind = match time {
        None => DateKind::Date,
        Some(time) if is_time(time) => DateKind::DateTime,
        Some(_) => return None,
    };
    let (fields, calendar) = read_fields(date)?;
    let cell = DateCell {
        fields,
        calendar,
        kind,
        compact: false,
    };
    let valid_some_way = match fields {
        Fields::YearFirst { year, month, day } => is_valid_in(calendar, year, month, day),
        Fields::YearLast {
            first,
            second,
            year,
        } => {
            is_valid_in(calendar, year, first, second) || is_valid_in(calendar, year, second, first)
        }
    };
    valid_some_way.then_some(cell)
}

/// The Gregorian date of a cell of a Date or DateTime column, Jalali dates
/// converted: `1402/05/12` → 2023-08-03, `12/1/2010 8:26` → 2010-12-01
/// (with `order` MonthFirst), `19970101` → 1997-01-01. `order` is the
/// column's [`super::ColumnGuess::date_order`]; without a decided order an
/// `a/b/yyyy` cell has a date only when it reads the same both ways or only
/// one way. None for anything that is not such a date, and for a cell that
/// contradicts the order.
pub fn gregorian_date_of(cell: &str, order: Option<DateOrder>) -> Option<GregorianDate> {
    read_date_cell(cell)
        .or_else(|| read_compact_date(cell))
        .and_then(|date| date.gregorian(order))
}

/// Is the cell a date or a date-time (see [`read_date_cell`])?
pub(crate) fn read_date(cell: &str) -> Option<DateKind> {
    read_date_cell(cell).map(|date| date.kind)
}

/// Exactly eight digits (any script) reading as a valid `yyyymmdd`: a
/// Gregorian year in 1900–2100 or a Jalali year in 1300–1420.
pub(crate) fn read_compact_date(cell: &str) -> Option<DateCell> {
    let text = normalise(cell);
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let field = |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse::<u32>().ok());
    let year = i32::try_from(field(0..4)?).ok()?;
    let (month, day) = (field(4..6)?, field(6..8)?);
    let calendar = if COMPACT_YEARS.contains(&year) {
        Calendar::Gregorian
    } else if JALALI_YEARS.contains(&year) {
        Calendar::Jalali
    } else {
        return None;
    };
    is_valid_in(calendar, year, month, day).then_some(DateCell {
        fields: Fields::YearFirst { year, month, day },
        calendar,
        kind: DateKind::Date,
        compact: true,
    })
}

/// Whether the trimmed cell's first character, bidi marks aside, is a digit
/// in any script.
fn starts_with_digit(cell: &str) -> bool {
    trim_cell(cell)
        .chars()
        .find(|c| !is_bidi_mark(*c))
        .is_some_and(|c| digit_value(c).is_some())
}

fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Trimmed, bidi marks dropped, every digit as ASCII: an ASCII cell is
/// all that already, and is only trimmed (no copy: a purchase log has a
/// distinct timestamp on every line).
fn normalise(cell: &str) -> Cow<'_, str> {
    let trimmed = trim_cell(cell);
    if trimmed.is_ascii() {
        return Cow::Borrowed(trimmed);
    }
    trimmed
        .chars()
        .filter(|c| !is_bidi_mark(*c))
        .map(
            |c| match digit_value(c).and_then(|d| char::from_digit(d, 10)) {
                Some(ascii) => ascii,
                None => c,
            },
        )
        .collect::<String>()
        .into()
}

fn split_date_time(text: &str) -> (&str, Option<&str>) {
    if let Some((date, time)) = text.split_once(' ') {
        return (date, Some(time.trim()));
    }
    // ISO 8601's `T` comes right after a 10-character date.
    match (text.get(..10), text.get(10..11), text.get(11..)) {
        (Some(date), Some("T"), Some(time)) => (date, Some(time)),
        _ => (text, None),
    }
}

/// The three fields of `y-m-d` or `a/b/y` and the calendar of the year.
fn read_fields(text: &str) -> Option<(Fields, Calendar)> {
    let separator = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = text.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits {
        return None;
    }
    let a = first.parse::<u32>().ok()?;
    let b = second.parse::<u32>().ok()?;
    let c = third.parse::<u32>().ok()?;
    let short = |s: &str| s.len() <= 2;
    if first.len() == 4 && short(second) && short(third) {
        let year = i32::try_from(a).ok()?;
        let calendar = calendar_of_year(year)?;
        return Some((
            Fields::YearFirst {
                year,
                month: b,
                day: c,
            },
            calendar,
        ));
    }
    if short(first) && short(second) && (third.len() == 4 || third.len() == 2) {
        let year = i32::try_from(c).ok()?;
        let (year, calendar) = if third.len() == 2 {
            let century = if year >= TWO_DIGIT_PIVOT { 1900 } else { 2000 };
            (century + year, Calendar::Gregorian)
        } else {
            (year, calendar_of_year(year)?)
        };
        return Some((
            Fields::YearLast {
                first: a,
                second: b,
                year,
            },
            calendar,
        ));
    }
    None
}

/// `H:MM[:SS[.fff]]`, then optionally ` AM`/` PM`, `Z` or `±hh[:mm]`.
fn is_time(text: &str) -> bool {
    let (clock, twelve_hour) = strip_am_pm(text);
    let clock = strip_zone(clock);
    let mut parts = clock.split(':');
    let (Some(hour), Some(minute)) = (parts.next(), parts.next()) else {
        return false;
    };
    let second = parts.next();
    if parts.next().is_some() {
        return false;
    }
    let hours = if twelve_hour { 1..=12 } else { 0..=23 };
    let hour_ok = is_number_in(hour, 1, 2, hours);
    let minute_ok = is_number_in(minute, 2, 2, 0..=59);
    let second_ok = match second {
        None => true,
        Some(second) => {
            let whole = second.split_once('.').map_or(second, |(whole, fraction)| {
                if fraction.bytes().all(|b| b.is_ascii_digit()) {
                    whole
                } else {
                    ""
                }
            });
            is_number_in(whole, 2, 2, 0..=60)
        }
    };
    hour_ok && minute_ok && second_ok
}

fn strip_am_pm(text: &str) -> (&str, bool) {
    let upper = text.to_ascii_uppercase();
    if upper.ends_with("AM") || upper.ends_with("PM") {
        let clock = text.get(..text.len().saturating_sub(2)).unwrap_or("");
        (clock.trim_end(), true)
    } else {
        (text, false)
    }
}

fn strip_zone(text: &str) -> &str {
    if let Some(clock) = text.strip_suffix('Z') {
        return clock;
    }
    // An offset like +03:30 or -0500 follows the seconds or minutes.
    match text.rfind(['+', '-']) {
        Some(at) if at >= 4 => {
            let offset = text.get(at + 1..).unwrap_or("");
            let digits: String = offset.chars().filter(|c| *c != ':').collect();
            if (digits.len() == 2 || digits.len() == 4)
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                text.get(..at).unwrap_or(text)
            } else {
                text
            }
        }
        _ => text,
    }
}

fn is_number_in(
    text: &str,
    min_len: usize,
    max_len: usize,
    range: std::ops::RangeInclusive<u32>,
) -> bool {
    (min_len..=max_len).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.parse::<u32>().is_ok_and(|n| range.contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_shapes() {
        for cell in [
            "2023-08-03",
            "2023/8/3",
            "03/08/2023",
            "12/31/2023",
            "31/12/2023",
            "1/2/10",
            "31.12.2023",
            "۲۰۲۳-۰۸-۰۳",
            "2024-02-29",
        ] {
            assert_eq!(read_date(cell), Some(DateKind::Date), "{cell:?}");
        }
    }

    #[test]
    fn date_times_in_common_shapes() {
        for cell in [
            "12/1/10 8:26",
            "12/1/2010 8:26",
            "2023-08-03 14:05:09",
            "2023-08-03T14:05:09Z",
            "2023-08-03T14:05:09.123+03:30",
            "12/1/2010 8:26 AM",
            "2023-08-03 23:59",
        ] {
            assert_eq!(read_date(cell), Some(DateKind::DateTime), "{cell:?}");
        }
    }

    #[test]
    fn not_dates() {
        for cell in [
            "",
            "2023",
            "2023-13-01",
            "2023-02-29",
            "31/31/2023",
            "1445/01/01",
            "1250/01/01",
            "1402/12/30",
            "1402/07/31",
            "1402/13/01",
            "1-2",
            "2023-08-03 25:00",
            "2023-08-03 8:6",
            "12.5",
            "a/b/c",
            "2023-08-03 x",
            "1/2/3/4",
            "20230803",
        ] {
            assert_eq!(read_date(cell), None, "{cell:?}");
        }
    }

    fn gregorian(cell: &str, order: Option<DateOrder>) -> Option<String> {
        read_date_cell(cell)
            .and_then(|d| d.gregorian(order))
            .map(|d| d.to_string())
    }

    #[test]
    fn jalali_dates_in_any_digits_and_separators() {
        for cell in ["1402/05/12", "۱۴۰۲/۰۵/۱۲", "1402-5-12", "١٤٠٢/٠٥/١٢"] {
            let date = read_date_cell(cell);
            assert_eq!(date.map(|d| d.calendar), Some(Calendar::Jalali), "{cell:?}");
            assert_eq!(
                gregorian(cell, None).as_deref(),
                Some("2023-08-03"),
                "{cell:?}"
            );
        }
        assert_eq!(gregorian("1403/12/30", None).as_deref(), Some("2025-03-20"));
        // Jalali year last: the order is the column's to decide.
        assert_eq!(gregorian("12/05/1402", None), None);
        assert_eq!(
            gregorian("12/05/1402", Some(DateOrder::DayFirst)).as_deref(),
            Some("2023-08-03")
        );
        assert_eq!(gregorian("31/06/1402", None).as_deref(), Some("2023-09-22"));
    }

    #[test]
    fn order_evidence_and_reading() {
        let evidence = |cell: &str| read_date_cell(cell).map(|d| d.evidence());
        assert_eq!(evidence("31/12/2023"), Some(OrderEvidence::DayFirst));
        assert_eq!(evidence("12/31/2023"), Some(OrderEvidence::MonthFirst));
        assert_eq!(evidence("03/04/2023"), Some(OrderEvidence::None));
        assert_eq!(evidence("2023-12-31"), Some(OrderEvidence::None));
        // Day 2 of month 30 or day 30 of February: neither exists.
        assert_eq!(evidence("02/30/2023"), None);
        assert_eq!(gregorian("03/04/2023", None), None);
        assert_eq!(gregorian("05/05/2023", None).as_deref(), Some("2023-05-05"));
        assert_eq!(
            gregorian("03/04/2023", Some(DateOrder::MonthFirst)).as_deref(),
            Some("2023-03-04")
        );
        assert_eq!(gregorian("31/12/2023", Some(DateOrder::MonthFirst)), None);
        assert_eq!(
            gregorian("12/1/2010 8:26", Some(DateOrder::MonthFirst)).as_deref(),
            Some("2010-12-01")
        );
    }

    #[test]
    fn two_digit_years_pivot_at_69() {
        assert_eq!(
            gregorian("1/2/10", Some(DateOrder::MonthFirst)).as_deref(),
            Some("2010-01-02")
        );
        assert_eq!(
            gregorian("1/2/68", Some(DateOrder::MonthFirst)).as_deref(),
            Some("2068-01-02")
        );
        assert_eq!(
            gregorian("1/2/69", Some(DateOrder::MonthFirst)).as_deref(),
            Some("1969-01-02")
        );
        // 29 February exists in 2000 (read from "00"), not in 1900.
        assert_eq!(gregorian("2/29/00", None).as_deref(), Some("2000-02-29"));
    }

    #[test]
    fn the_order_of_a_column() {
        assert_eq!(decide_order(0, 0, 0), None);
        assert_eq!(decide_order(5, 0, 0), Some(DateOrder::Ambiguous));
        assert_eq!(decide_order(5, 2, 0), Some(DateOrder::DayFirst));
        assert_eq!(decide_order(5, 0, 2), Some(DateOrder::MonthFirst));
        assert_eq!(decide_order(5, 9, 1), Some(DateOrder::DayFirst));
        assert_eq!(decide_order(5, 1, 1), Some(DateOrder::Ambiguous));
    }

    fn is_compact_date(cell: &str) -> bool {
        read_compact_date(cell).is_some()
    }

    #[test]
    fn compact_dates_need_plausible_years() {
        assert!(is_compact_date("20230803"));
        assert!(is_compact_date("19970101"));
        assert!(is_compact_date("۱۹۹۷۰۱۰۱"));
        assert!(!is_compact_date("20231301"));
        assert!(!is_compact_date("12345678"));
        assert!(!is_compact_date("00012345"));
        assert!(!is_compact_date("2023080"));
        assert!(!is_compact_date("2023-08-03"));
        assert!(!is_compact_date("18991231"));
        let jalali = read_compact_date("14020512");
        assert_eq!(jalali.map(|d| d.calendar), Some(Calendar::Jalali));
        assert_eq!(
            jalali
                .and_then(|d| d.gregorian(None))
                .map(|d| d.to_string())
                .as_deref(),
            Some("2023-08-03")
        );
        assert!(!is_compact_date("14021230"));
    }
}
