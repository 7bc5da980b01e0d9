//! The Gregorian calendar: valid days, and day numbers for converting to and
//! from other calendars (Jalali) and for date arithmetic.

use serde::{Deserialize, Serialize};

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GregorianDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl GregorianDate {
    /// The date if it exists (2023-02-29 does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<GregorianDate> {
        (day >= 1 && day <= days_in_month(year, month)?).then_some(GregorianDate {
            year,
            month,
            day,
        })
    }

    /// Days since 1970-01-01 (negative before it): differences of these are
    /// ages in days, which is what recency needs.
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> GregorianDate {
        let (year, month, day) = civil_from_days(days);
        GregorianDate { year, month, day }
    }
}

impl std::fmt::Display for GregorianDate {
    /// ISO 8601: `2023-08-03`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub(crate) fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// None for a month outside 1–12.
pub(crate) fn days_in_month(year: i32, month: u32) -> Option<u32> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

pub(crate) fn is_valid_day(year: i32, month: u32, day: u32) -> bool {
    GregorianDate::new(year, month, day).is_some()
}

/// Days since 1970-01-01, by Howard Hinnant's `days_from_civil`
/// (<https://howardhinnant.github.io/date_algorithms.html>): exact for every
/// proleptic Gregorian date, with no tables.
pub(crate) fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = if year >= 0 { year } else { year - 399 } / 400;
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`] (Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Years stay within i32 for any day count a date cell can produce.
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_day_numbers() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        // Python: (date(2023, 8, 3) - date(1970, 1, 1)).days == 19572
        assert_eq!(days_from_civil(2023, 8, 3), 19_572);
    }

    #[test]
    fn day_numbers_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert!(is_valid_day(y, m, d));
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_leap_year(2024) && is_leap_year(2000));
        assert!(!is_leap_year(1900) && !is_leap_year(2023));
        assert!(is_valid_day(2024, 2, 29));
        assert!(!is_valid_day(2023, 2, 29));
        assert!(!is_valid_day(2023, 4, 31));
        assert!(!is_valid_day(2023, 13, 1));
        assert!(!is_valid_day(2023, 1, 0));
        assert_eq!(
            GregorianDate::new(2023, 8, 3)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2023-08-03")
        );
    }
}
