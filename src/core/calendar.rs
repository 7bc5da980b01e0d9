//! Day numbers for analyses that need the date a cell names: purchase
//! recency, tenure, time between orders, counts per month and weekday.
//!
//! Reading a date is the schema's job ([`gregorian_date_of`]: Gregorian and
//! Jalali, every digit script, `yyyymmdd`); this module turns a column's
//! cells into day numbers — days since 1970-01-01 in the proleptic
//! Gregorian calendar — once the column's day/month order is known.

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
    crate::core::schema::column_date_order(cells.filter(|cell| !is_missing(cell)))
}

/// The day a cell names, read in `order` (see [`reading_order`]), Jalali
/// dates converted; `None` for anything that is not a date, or a cell that
/// contradicts the order.
pub fn parse_day(cell: &str, order: Option<DateOrder>) -> Option<i32> {
    let date = gregorian_date_of(cell, reading_order(order))?;
    i32::try_from(date.days_since_epoch()).ok()
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
    }
}
