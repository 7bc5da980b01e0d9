//! The Solar Hijri (Jalali) calendar of Iran and Afghanistan.
//!
//! Conversion follows jalaali-js (<https://github.com/jalaali/jalaali-js>,
//! MIT), which implements Kazimierz Borkowski's arithmetic: leap years
//! follow 33-year cycles restarted at a table of "break" years, which keeps
//! the arithmetic in step with the astronomical calendar for years
//! -61..3177 AP. Within 1210–1633 AP there is no break, so it agrees with
//! the plain 33-year rule (`year % 33 ∈ {1, 5, 9, 13, 17, 22, 26, 30}`)
//! that Python's jdatetime uses; `tests/schema_jalali.rs` checks both
//! directions against a jdatetime fixture over 1300–1500 AP.

use super::gregorian::{civil_from_days, days_from_civil, is_valid_day};

/// Years where the 33-year cycle restarts (jalaali-js `breaks`).
const BREAKS: [i64; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];
const FIRST_YEAR: i64 = -61;
/// One past the last year the break table covers.
const END_YEAR: i64 = 3178;

/// What `jalCal` of jalaali-js returns: the Gregorian year in which the
/// Jalali year starts, the March day of 1 Farvardin, and whether it is leap.
struct YearStart {
    gregorian_year: i64,
    march_day: i64,
    leap: bool,
}

/// jalaali-js `jalCal`. `/` and `%` on i64 truncate towards zero, exactly
/// like its `div` and `mod`.
fn year_start(jalali_year: i32) -> Option<YearStart> {
    let jy = i64::from(jalali_year);
    if !(FIRST_YEAR..END_YEAR).contains(&jy) {
        return None;
    }
    let gregorian_year = jy + 621;
    let mut leap_jalali = -14;
    let mut previous_break = FIRST_YEAR;
    let mut jump = 0;
    for &next_break in BREAKS.iter().skip(1) {
        jump = next_break - previous_break;
        if jy < next_break {
            break;
        }
        leap_jalali += jump / 33 * 8 + (jump % 33) / 4;
        previous_break = next_break;
    }
    let mut n = jy - previous_break;
    leap_jalali += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_jalali += 1;
    }
    let leap_gregorian = gregorian_year / 4 - (gregorian_year / 100 + 1) * 3 / 4 - 150;
    let march_day = 20 + leap_jalali - leap_gregorian;
    if jump - n < 6 {
        n = n - jump + (jump + 4) / 33 * 33;
    }
    let mut leap = ((n + 1) % 33 - 1) % 4;
    if leap == -1 {
        leap = 4;
    }
    Some(YearStart {
        gregorian_year,
        march_day,
        leap: leap == 0,
    })
}

/// True when Esfand (month 12) of `year` has 30 days. None outside the years
/// the algorithm covers (-61..3177 AP).
pub fn is_jalali_leap_year(year: i32) -> Option<bool> {
    year_start(year).map(|start| start.leap)
}

/// Months 1–6 have 31 days, 7–11 have 30, Esfand 29 (30 in a leap year).
pub fn jalali_month_length(year: i32, month: u32) -> Option<u32> {
    match month {
        1..=6 => Some(31),
        7..=11 => Some(30),
        12 => Some(if is_jalali_leap_year(year)? { 30 } else { 29 }),
        _ => None,
    }
}

pub(crate) fn is_valid_jalali(year: i32, month: u32, day: u32) -> bool {
    jalali_month_length(year, month).is_some_and(|len| (1..=len).contains(&day))
}

/// Days since 1970-01-01 of a valid Jalali date.
fn jalali_day_number(year: i32, month: u32, day: u32) -> Option<i64> {
    if !is_valid_jalali(year, month, day) {
        return None;
    }
    let start = year_start(year)?;
    let first_day = days_from_civil(
        i32::try_from(start.gregorian_year).ok()?,
        3,
        u32::try_from(start.march_day).ok()?,
    );
    let month = i64::from(month);
    // Days before the month: 31 for each of months 1–6, then 30 each.
    let before_month = (month - 1) * 31 - month / 7 * (month - 7);
    Some(first_day + before_month + i64::from(day) - 1)
}

/// The Gregorian date of a Jalali date, e.g. (1402, 5, 12) → (2023, 8, 3).
/// None when the Jalali date does not exist (1402/12/30, 1402/07/31,
/// month 13) or its year is outside -61..3177 AP.
pub fn jalali_to_gregorian(year: i32, month: u32, day: u32) -> Option<(i32, u32, u32)> {
    jalali_day_number(year, month, day).map(civil_from_days)
}

/// The Jalali date of a Gregorian date, e.g. (2024, 3, 20) → (1403, 1, 1).
/// None when the Gregorian date does not exist or falls outside the years
/// the algorithm covers.
pub fn gregorian_to_jalali(year: i32, month: u32, day: u32) -> Option<(i32, u32, u32)> {
    if !is_valid_day(year, month, day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    // 1 Farvardin falls on 20 or 21 March (19–22 over the whole table), so
    // the Jalali year is the Gregorian year minus 621 from then on, minus 622
    // before.
    let candidate = year.checked_sub(621)?;
    let (jalali_year, start_days) = match jalali_day_number(candidate, 1, 1) {
        Some(start) if days >= start => (candidate, start),
        _ => {
            let previous = candidate.checked_sub(1)?;
            (previous, jalali_day_number(previous, 1, 1)?)
        }
    };
    let offset = days - start_days;
    let (month, day) = if offset < 186 {
        (offset / 31 + 1, offset % 31 + 1)
    } else {
        let rest = offset - 186;
        (rest / 30 + 7, rest % 30 + 1)
    };
    let month = u32::try_from(month).ok()?;
    let day = u32::try_from(day).ok()?;
    is_valid_jalali(jalali_year, month, day).then_some((jalali_year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        // From ../shared/data/i18n/06_jalali_dates.csv (jalaali-js algorithm).
        assert_eq!(jalali_to_gregorian(1402, 5, 12), Some((2023, 8, 3)));
        assert_eq!(jalali_to_gregorian(1403, 1, 1), Some((2024, 3, 20)));
        assert_eq!(jalali_to_gregorian(1402, 1, 1), Some((2023, 3, 21)));
        assert_eq!(jalali_to_gregorian(1403, 12, 30), Some((2025, 3, 20)));
        assert_eq!(jalali_to_gregorian(1399, 12, 30), Some((2021, 3, 20)));
        assert_eq!(gregorian_to_jalali(2023, 8, 3), Some((1402, 5, 12)));
        assert_eq!(gregorian_to_jalali(2024, 3, 19), Some((1402, 12, 29)));
        assert_eq!(gregorian_to_jalali(2024, 3, 20), Some((1403, 1, 1)));
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert_eq!(jalali_to_gregorian(1402, 12, 30), None);
        assert_eq!(jalali_to_gregorian(1402, 7, 31), None);
        assert_eq!(jalali_to_gregorian(1402, 13, 1), None);
        assert_eq!(jalali_to_gregorian(1402, 0, 1), None);
        assert_eq!(jalali_to_gregorian(1402, 1, 0), None);
        assert_eq!(jalali_to_gregorian(3178, 1, 1), None);
        assert_eq!(gregorian_to_jalali(2023, 2, 29), None);
    }

    #[test]
    fn leap_years_match_the_33_year_rule_between_breaks() {
        for year in 1210..1634 {
            let rule = [1, 5, 9, 13, 17, 22, 26, 30].contains(&(year % 33));
            assert_eq!(is_jalali_leap_year(year), Some(rule), "{year}");
        }
    }

    #[test]
    fn every_day_round_trips() {
        for year in [-61, 0, 1300, 1399, 1402, 1403, 1500, 3177] {
            for month in 1..=12 {
                for day in 1..=31 {
                    let Some((gy, gm, gd)) = jalali_to_gregorian(year, month, day) else {
                        continue;
                    };
                    assert_eq!(gregorian_to_jalali(gy, gm, gd), Some((year, month, day)));
                }
            }
        }
    }
}
