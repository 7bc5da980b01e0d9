//! Day numbers for analyses that need the date a cell names: purchase
//! recency, tenure, time between orders, counts per month and weekday.
//!
//! Reading a date is the schema's job ([`gregorian_date_of`]: Gregorian and
//! Jalali, every digit script, `yyyymmdd`); this module turns a column's
//! cells into day numbers — days since 1970-01-01 in the proleptic
//! Gregorian calendar — once the column's day/month order is known.

use rustc_hash::FxHashMap;

use crate::core::schema::{gregorian_date_of, is_missing, DateOrder, GregorianDate};

/// The day number of a Gregorian date, or `None` for an impossible date.
pub fn day_number(year: i32, month: u32, day: u32) -> Option<i32> {
    let days = GregorianDate::new(year, month, day)?.days_since_epoch();
    i32::try_from(days).ok()
}

/// The Gregorian date of a day number.
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let date = GregorianDate::from_days_since_epoch(i64::from(days));
    (date.year, date.month, date.day)
}

/// The order to read a column's `a/b/yyyy` cells in for an analysis. When
/// the data cannot tell (every day 12 or less) the column is flagged in the
/// column list for the user to choose; until they do, analyses read it
/// month first, as spreadsheets exported in en-US write it.
pub fn reading_order(order: Option<DateOrder>) -> Option<DateOrder> {
    match order {
        Some(DateOrder::Ambiguous) => Some(DateOrder::MonthFirst),
        other => other,
    }
}

/// The day/month order a column's cells settle: the order more cells can
/// only be read in wins; none or a tie is `Ambiguous`; `None` when no cell
/// is written `a/b/yyyy`.
pub fn decide_order<'a>(cells: impl Iterator<Item = &'a str>) -> Option<DateOrder> {
    crate::core::schema::column_date_order(
        cells.filter(|cell| !is_missing(cell) && !starts_year_first(cell)),
    )
}

/// Four ASCII digits then `-`, `/` or `.`: the cell is year-first or not a
/// date at all (its first field is too long for `a/b/yyyy`), so it says
/// nothing about the day/month order and the full reader, at a microsecond
/// a cell, need not see it. Most logs are written this way.
fn starts_year_first(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    bytes
        .get(..4)
        .is_some_and(|year| year.iter().all(u8::is_ascii_digit))
        && matches!(bytes.get(4), Some(b'-' | b'/' | b'.'))
}

/// The day a cell names, read in `order` (see [`reading_order`]), Jalali
/// dates converted; `None` for anything that is not a date, or a cell that
/// contradicts the order.
pub fn parse_day(cell: &str, order: Option<DateOrder>) -> Option<i32> {
    let date = gregorian_date_of(cell, reading_order(order))?;
    i32::try_from(date.days_since_epoch()).ok()
}

/// Reads the cells of one date column into day numbers, remembering what
/// it has read: a transaction log of millions of lines names a few thousand
/// days, and the full reader ([`parse_day`]) costs about a microsecond a
/// cell (it normalises digits and splits fields into new strings).
///
/// Cells written `yyyy-mm-dd`, `yyyy-mm-dd hh:mm:ss` or
/// `yyyy-mm-ddThh:mm:ssZ` (what databases and the generator export) are
/// looked up by their date part once their time is checked; any other cell
/// by its whole text, for the first [`DayReader::MAX_OTHER_CELLS`] distinct
/// ones (Online Retail's `12/1/2010 8:26` repeats per invoice), then read
/// afresh, so a column of distinct odd cells cannot grow the cache without
/// bound. Every answer is [`parse_day`]'s.
#[derive(Debug)]
pub struct DayReader<'t> {
    order: Option<DateOrder>,
    by_date_part: FxHashMap<&'t str, Option<i32>>,
    by_cell: FxHashMap<&'t str, Option<i32>>,
}

impl<'t> DayReader<'t> {
    /// Distinct non-ISO cells remembered.
    pub const MAX_OTHER_CELLS: usize = 1 << 16;

    /// A reader for a column whose `a/b/yyyy` order is `order` (see
    /// [`decide_order`]).
    pub fn new(order: Option<DateOrder>) -> DayReader<'t> {
        DayReader {
            order,
            by_date_part: FxHashMap::default(),
            by_cell: FxHashMap::default(),
        }
    }

    /// [`parse_day`] of `cell` in this reader's order.
    pub fn day(&mut self, cell: &'t str) -> Option<i32> {
        let order = self.order;
        if let Some(date) = iso_date_part(cell) {
            // The time is valid, so the cell names the day its date part names.
            return *self
                .by_date_part
                .entry(date)
                .or_insert_with(|| parse_day(date, order));
        }
        if let Some(&day) = self.by_cell.get(cell) {
            return day;
        }
        let day = parse_day(cell, order);
        if self.by_cell.len() < Self::MAX_OTHER_CELLS {
            self.by_cell.insert(cell, day);
        }
        day
    }
}

/// The `yyyy-mm-dd` part of a cell that is exactly `yyyy-mm-dd`,
/// `yyyy-mm-dd hh:mm:ss` or `yyyy-mm-ddThh:mm:ssZ` in ASCII digits with a
/// valid 24-hour time (seconds up to 60, as the full reader allows). For
/// such a cell the full reader reads the date part alone: the cell has no
/// spaces to trim, no marks or other digits to normalise, and a time it
/// accepts. Anything else (other shapes, invalid times) is `None`, left to
/// the full reader.
fn iso_date_part(cell: &str) -> Option<&str> {
    let bytes = cell.as_bytes();
    let date = bytes.get(..10)?;
    let digits_at = |text: &[u8], at: &[usize]| {
        at.iter()
            .all(|&i| text.get(i).is_some_and(u8::is_ascii_digit))
    };
    let date_shape = digits_at(date, &[0, 1, 2, 3, 5, 6, 8, 9])
        && date.get(4) == Some(&b'-')
        && date.get(7) == Some(&b'-');
    if !date_shape {
        return None;
    }
    let time = match (bytes.get(10), bytes.len()) {
        (None, _) => None,
        (Some(b' '), 19) => bytes.get(11..19),
        (Some(b'T'), 20) if bytes.get(19) == Some(&b'Z') => bytes.get(11..19),
        _ => return None,
    };
    match time {
        Some(time) if !is_clock(time) => None,
        _ => cell.get(..10),
    }
}

/// `hh:mm:ss` with hours 0–23, minutes 0–59 and seconds 0–60.
fn is_clock(time: &[u8]) -> bool {
    let field = |at: usize| match (time.get(at), time.get(at + 1)) {
        (Some(&tens @ b'0'..=b'9'), Some(&units @ b'0'..=b'9')) => {
            Some(u32::from(tens - b'0') * 10 + u32::from(units - b'0'))
        }
        _ => None,
    };
    let colons = time.get(2) == Some(&b':') && time.get(5) == Some(&b':');
    colons
        && field(0).is_some_and(|hour| hour <= 23)
        && field(3).is_some_and(|minute| minute <= 59)
        && field(6).is_some_and(|second| second <= 60)
}

/// A day number written `yyyy-mm-dd` (what `<input type=date>` takes and
/// gives, and how dates read the same in every language).
pub fn iso_date(day: i32) -> String {
    let (year, month, day) = civil_from_days(day);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_back() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(19_723), "2024-01-01");
        assert_eq!(parse_day(&iso_date(10_000), None), Some(10_000));
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(1970, 1, 1), Some(0));
        assert_eq!(day_number(2000, 3, 1), Some(11_017));
        assert_eq!(day_number(1997, 1, 1), Some(9_862));
        assert_eq!(day_number(2023, 2, 29), None);
        for days in [-1000, 0, 59, 60, 11_016, 19_000, 50_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(day_number(y, m, d), Some(days));
        }
    }

    #[test]
    fn the_day_reader_reads_as_parse_day_does() {
        let cells = [
            "2023-04-05 13:22:10",
            "2023-04-05T13:22:10Z",
            "2023-04-05",
            "2023-04-05 23:59:60",
            "2023-04-05 24:00:00",
            "2023-04-05 13:60:00",
            "2023-04-05 13:22:61",
            "2023-04-05 8:26",
            "2023-04-05 08:26",
            "2023-04-05T13:22:10",
            "2023-04-05T13:22:10+03:30",
            "2023-04-05 13:22:10 ",
            " 2023-04-05",
            "2023-02-29 10:00:00",
            "2023-13-01",
            "1402-05-12 10:00:00",
            "1445-01-01",
            "1799-12-31",
            "2201-01-01",
            "2023-4-5",
            "2023/04/05 13:22:10",
            "12/1/2010 8:26",
            "25/12/2020",
            "۲۰۲۳-۰۴-۰۵",
            "20230405",
            "2023-04-05x",
            "2023-04-05 13:22:1x",
            "",
            "soon",
        ];
        for order in [None, Some(DateOrder::DayFirst), Some(DateOrder::MonthFirst)] {
            let mut reader = DayReader::new(order);
            // Twice: the second pass answers from the caches.
            for cell in cells.iter().chain(cells.iter()) {
                assert_eq!(
                    reader.day(cell),
                    parse_day(cell, order),
                    "{cell:?} {order:?}"
                );
            }
        }
    }

    #[test]
    fn shapes_and_orders() {
        let month_first = Some(DateOrder::MonthFirst);
        let d = |s: &str| parse_day(s, month_first);
        assert_eq!(d("19970101"), day_number(1997, 1, 1));
        assert_eq!(d("2010-12-01T08:26:00Z"), day_number(2010, 12, 1));
        assert_eq!(d("12/1/2010 8:26"), day_number(2010, 12, 1));
        assert_eq!(
            parse_day("12/1/2010", Some(DateOrder::DayFirst)),
            day_number(2010, 1, 12)
        );
        assert_eq!(d("۲۰۲۴/۰۱/۰۵"), day_number(2024, 1, 5));
        // Jalali, converted: 1402/05/12 is 3 August 2023.
        assert_eq!(d("۱۴۰۲/۰۵/۱۲"), day_number(2023, 8, 3));
        assert_eq!(d("tomorrow"), None);
        // An undecided column is read month first until the user chooses.
        assert_eq!(
            parse_day("3/4/2020", Some(DateOrder::Ambiguous)),
            day_number(2020, 3, 4)
        );
        assert_eq!(
            decide_order(["1/2/2020", "25/12/2020"].into_iter()),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            decide_order(["12/25/2020", ""].into_iter()),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(
            decide_order(["1/2/2020", "3/4/2020"].into_iter()),
            Some(DateOrder::Ambiguous)
        );
        assert_eq!(decide_order(["2020-01-02"].into_iter()), None);
        // Year-first cells beside a/b/yyyy ones do not change the decision.
        assert_eq!(
            decide_order(["2020-01-02", "25/12/2020", "2020/13/13 1:00"].into_iter()),
            Some(DateOrder::DayFirst)
        );
        // What decide_order skips is never written a/b/yyyy.
        for cell in [
            "2020-01-02",
            "1402/05/12",
            "2020.12.31 10:00",
            "2020/1/2 3:04 PM",
            "2020-01-02T10:00:00Z",
            "2020/13/13",
            "2020-",
        ] {
            assert!(starts_year_first(cell), "{cell:?}");
            assert_eq!(
                crate::core::schema::column_date_order(std::iter::once(cell)),
                None,
                "{cell:?}"
            );
        }
    }
}
