//! The time unit BTYD figures are counted in, and the period a day falls in.
//!
//! `lifetimes` turns every date into a pandas period (`to_period(freq)`)
//! and back to the period's first instant before it groups, truncates and
//! subtracts. So with weeks, two purchases in the same Monday–Sunday week
//! are one purchase period, and recency and T are whole differences of
//! weeks, not days / 7. Periods here are plain integers with that meaning.

use serde::{Deserialize, Serialize};

/// The unit of `frequency`, `recency` and `t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// `freq="D"`: a period is a calendar day.
    #[default]
    Days,
    /// `freq="W"`: pandas' `W-SUN` weeks, Monday to Sunday.
    Weeks,
}

/// Day 0 (1970-01-01) is a Thursday: three days after the Monday that starts
/// its week.
const DAYS_FROM_MONDAY_AT_EPOCH: i32 = 3;

impl TimeUnit {
    /// The period `day` falls in, numbered so that consecutive periods differ
    /// by one: the day itself, or the week counted from the Monday 1969-12-29.
    pub fn period_of(self, day: i32) -> i32 {
        match self {
            TimeUnit::Days => day,
            TimeUnit::Weeks => day.saturating_add(DAYS_FROM_MONDAY_AT_EPOCH).div_euclid(7),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::day_number;

    fn day(y: i32, m: u32, d: u32) -> i32 {
        day_number(y, m, d).unwrap_or(i32::MIN)
    }

    #[test]
    fn weeks_run_monday_to_sunday_across_a_year_boundary() {
        let week = |y, m, d| TimeUnit::Weeks.period_of(day(y, m, d));
        // Monday 2024-12-30 to Sunday 2025-01-05 is one week.
        assert_eq!(week(2024, 12, 30), week(2025, 1, 5));
        assert_eq!(week(2024, 12, 29) + 1, week(2024, 12, 30));
        assert_eq!(week(2025, 1, 6), week(2025, 1, 5) + 1);
        // The epoch's week starts on Monday 1969-12-29; earlier days go negative.
        assert_eq!(week(1969, 12, 29), 0);
        assert_eq!(week(1970, 1, 4), 0);
        assert_eq!(week(1970, 1, 5), 1);
        assert_eq!(week(1969, 12, 28), -1);
    }

    #[test]
    fn days_are_their_own_period() {
        assert_eq!(TimeUnit::Days.period_of(-5), -5);
        assert_eq!(TimeUnit::Days.period_of(12_345), 12_345);
    }
}
