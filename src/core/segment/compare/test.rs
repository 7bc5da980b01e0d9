//! The outcome of one significance test, or why none was run.

use serde::{Deserialize, Serialize};

/// The false discovery rate a difference is called significant at (after
/// the Benjamini–Hochberg adjustment).
pub const SIGNIFICANCE_LEVEL: f64 = 0.05;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestMethod {
    /// Welch's unequal-variances t-test on the means.
    WelchT,
    /// The pooled two-proportion z-test on a level's share.
    TwoProportionZ,
}

/// Why a figure has no test (never a NaN p-value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoTest {
    /// A side has too few values: fewer than 2 numbers (no variance), or
    /// no answers at all.
    TooFew,
    /// Nothing varies: every value the same on both sides (numbers), or a
    /// level present in every or no row (shares).
    NoVariance,
    /// A 2×2 cell is expected to hold fewer than 5 customers, where the
    /// normal approximation of the z-test is not to be trusted.
    SmallExpected,
    /// The "other" level pools many levels: a difference in it says
    /// nothing about any one of them, so it is shown but not tested.
    Pooled,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Tested {
    pub method: TestMethod,
    /// t or z, positive when the group's value is above the other side's.
    pub statistic: f64,
    /// Welch–Satterthwaite degrees of freedom (t-test only).
    pub df: Option<f64>,
    /// Two-sided p-value of this test alone.
    pub p: f64,
    /// The Benjamini–Hochberg adjusted p-value among the group's tests.
    pub adjusted_p: f64,
    /// adjusted_p ≤ [`SIGNIFICANCE_LEVEL`].
    pub significant: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Test {
    Tested(Tested),
    NotTested { reason: NoTest },
}

impl Test {
    /// A test before adjustment (adjusted_p = p until [`super::adjust`]).
    pub(super) fn raw(method: TestMethod, statistic: f64, df: Option<f64>, p: f64) -> Test {
        Test::Tested(Tested {
            method,
            statistic,
            df,
            p,
            adjusted_p: p,
            significant: p <= SIGNIFICANCE_LEVEL,
        })
    }

    pub(super) fn not(reason: NoTest) -> Test {
        Test::NotTested { reason }
    }

    pub fn tested(&self) -> Option<&Tested> {
        match self {
            Test::Tested(tested) => Some(tested),
            Test::NotTested { .. } => None,
        }
    }

    pub fn is_significant(&self) -> bool {
        self.tested().is_some_and(|t| t.significant)
    }
}
