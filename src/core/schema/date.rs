//! Recognising dates and date-times in the shapes spreadsheets write them.
//!
//! This only answers "is this cell a (Gregorian) date, and does it carry a
//! time?" for schema inference. Deciding day/month order for a whole column
//! and Jalali dates (1402/05/12) are later steps; to keep the latter from
//! being read as Common Era dates, years must fall in 1800–2200.

use super::number::digit_value;

/// What kind of date a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateKind {
    Date,
    DateTime,
}

const YEARS: std::ops::RangeInclusive<u32> = 1800..=2200;
/// `yyyymmdd` is also what an 8-digit id looks like, so its years are held
/// to a narrower, plausible range.
const COMPACT_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// Recognise `yyyy-mm-dd`, `yyyy/mm/dd`, `dd/mm/yyyy`, `mm/dd/yyyy`,
/// `m/d/yy` (with `/`, `-` or `.` between the parts, in any digit script),
/// optionally followed by a time `H:MM[:SS[.fff]]` with an optional AM/PM and
/// an optional `Z` or UTC offset, after a space or `T`. A day/month pair is
/// accepted when it is valid in either order. Compact `yyyymmdd` is not
/// recognised here; see [`is_compact_date`].
pub(crate) fn read_date(cell: &str) -> Option<DateKind> {
    let text = normalise(cell);
    let (date, time) = split_date_time(&text);
    if !is_calendar_date(date) {
        return None;
    }
    match time {
        None => Some(DateKind::Date),
        Some(time) if is_time(time) => Some(DateKind::DateTime),
        Some(_) => None,
    }
}

/// Exactly eight digits reading as a valid `yyyymmdd` with a year in 1900–2100.
pub(crate) fn is_compact_date(cell: &str) -> bool {
    let text = normalise(cell);
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let field = |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse::<u32>().ok());
    match (field(0..4), field(4..6), field(6..8)) {
        (Some(year), Some(month), Some(day)) => {
            COMPACT_YEARS.contains(&year) && is_valid_day(year, month, day)
        }
        _ => false,
    }
}

/// Trimmed, bidi marks dropped, every digit as ASCII.
fn normalise(cell: &str) -> String {
    cell.trim()
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}'))
        .map(
            |c| match digit_value(c).and_then(|d| char::from_digit(d, 10)) {
                Some(ascii) => ascii,
                None => c,
            },
        )
        .collect()
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

fn is_calendar_date(text: &str) -> bool {
    let Some(separator) = text.chars().find(|c| matches!(c, '-' | '/' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = text.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return false;
    };
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits {
        return false;
    }
    let (Ok(a), Ok(b), Ok(c)) = (
        first.parse::<u32>(),
        second.parse::<u32>(),
        third.parse::<u32>(),
    ) else {
        return false;
    };
    let short = |s: &str| s.len() <= 2;
    if first.len() == 4 && short(second) && short(third) {
        return YEARS.contains(&a) && is_valid_day(a, b, c);
    }
    if short(first) && short(second) && (third.len() == 4 || third.len() == 2) {
        let year = if third.len() == 2 { 2000 + c } else { c };
        if third.len() == 4 && !YEARS.contains(&year) {
            return false;
        }
        return is_valid_day(year, a, b) || is_valid_day(year, b, a);
    }
    false
}

fn is_leap_year(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn is_valid_day(year: u32, month: u32, day: u32) -> bool {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
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
            "1402/05/12",
            "12/05/1402",
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

    #[test]
    fn compact_dates_need_plausible_years() {
        assert!(is_compact_date("20230803"));
        assert!(is_compact_date("19970101"));
        assert!(!is_compact_date("20231301"));
        assert!(!is_compact_date("12345678"));
        assert!(!is_compact_date("00012345"));
        assert!(!is_compact_date("2023080"));
        assert!(!is_compact_date("2023-08-03"));
    }
}
