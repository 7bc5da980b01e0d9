//! Calendar arithmetic for analyses that need the date a cell names, as a
//! day number: purchase recency, tenure, time between orders.
//!
//! Day numbers count days from 1970-01-01 (day 0) in the proleptic
//! Gregorian calendar (Howard Hinnant's `days_from_civil`).

use crate::core::schema::is_missing;

/// Which of the two small fields of `a/b/yyyy` is the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    MonthFirst,
    DayFirst,
}

/// The day number of a Gregorian date, or `None` for an impossible date.
pub fn day_number(year: i32, month: u32, day: u32) -> Option<i32> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The Gregorian date of a day number.
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// ASCII digits for any digit script, trimmed.
fn ascii(cell: &str) -> String {
    cell.trim()
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => shift(c, 0x0660),
            '\u{06F0}'..='\u{06F9}' => shift(c, 0x06F0),
            _ => c,
        })
        .collect()
}

fn shift(c: char, zero: u32) -> char {
    char::from_digit(u32::from(c) - zero, 10).unwrap_or(c)
}

/// The day a cell names: `yyyymmdd`, `yyyy-mm-dd` / `yyyy/mm/dd` (a time
/// after a space or `T` is ignored), or `a/b/yyyy` / `a/b/yy` (also with
/// `-` or `.`) read in `order`; two-digit years are 2000–2099. `None` for
/// anything else.
pub fn parse_day(cell: &str, order: DayOrder) -> Option<i32> {
    let text = ascii(cell);
    let date = text.split([' ', 'T']).next().unwrap_or("");
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        let field = |r: std::ops::Range<usize>| date.get(r)?.parse::<u32>().ok();
        return day_number(field(0..4)? as i32, field(4..6)?, field(6..8)?);
    }
    let separator = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<u32> = date
        .split(separator)
        .map(|p| p.parse::<u32>().ok())
        .collect::<Option<Vec<u32>>>()?;
    let lengths: Vec<usize> = date.split(separator).map(str::len).collect();
    match (parts.as_slice(), lengths.as_slice()) {
        ([y, m, d], [4, _, _]) => day_number(*y as i32, *m, *d),
        ([a, b, y], [_, _, 4 | 2]) => {
            let year = if *y < 100 {
                2000 + *y as i32
            } else {
                *y as i32
            };
            let (month, day) = match order {
                DayOrder::MonthFirst => (*a, *b),
                DayOrder::DayFirst => (*b, *a),
            };
            day_number(year, month, day)
        }
        _ => None,
    }
}

/// The order of a column's `a/b/y` dates: day first if some first field is
/// over 12, month first if some second field is; month first when nothing
/// settles it (the commoner export, e.g. Excel in en-US).
pub fn decide_order<'a>(cells: impl Iterator<Item = &'a str>) -> DayOrder {
    for cell in cells.filter(|c| !is_missing(c)) {
        let text = ascii(cell);
        let date = text.split([' ', 'T']).next().unwrap_or("");
        let Some(separator) = date.chars().find(|c| matches!(c, '/' | '-' | '.')) else {
            continue;
        };
        let fields: Vec<&str> = date.split(separator).collect();
        if let [a, b, y] = fields.as_slice() {
            if a.len() <= 2 && !y.is_empty() {
                let (a, b) = (a.parse::<u32>().unwrap_or(0), b.parse::<u32>().unwrap_or(0));
                if a > 12 {
                    return DayOrder::DayFirst;
                }
                if b > 12 {
                    return DayOrder::MonthFirst;
                }
            }
        }
    }
    DayOrder::MonthFirst
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let d = |s: &str| parse_day(s, DayOrder::MonthFirst);
        assert_eq!(d("19970101"), day_number(1997, 1, 1));
        assert_eq!(d("2010-12-01T08:26:00Z"), day_number(2010, 12, 1));
        assert_eq!(d("12/1/2010 8:26"), day_number(2010, 12, 1));
        assert_eq!(
            parse_day("12/1/2010", DayOrder::DayFirst),
            day_number(2010, 1, 12)
        );
        assert_eq!(d("۲۰۲۴/۰۱/۰۵"), day_number(2024, 1, 5));
        assert_eq!(d("tomorrow"), None);
        assert_eq!(
            decide_order(["1/2/2020", "25/12/2020"].into_iter()),
            DayOrder::DayFirst
        );
        assert_eq!(
            decide_order(["12/25/2020"].into_iter()),
            DayOrder::MonthFirst
        );
    }
}
