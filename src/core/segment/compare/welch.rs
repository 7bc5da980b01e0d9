//! Welch's t-test: do two groups' means differ? Segments differ in size
//! and spread (a "big spenders" segment varies far more than the rest),
//! so the pooled-variance Student test would be miscalibrated; Welch's
//! needs no equal variances and loses almost nothing when they are equal.
//! scipy: `ttest_ind(a, b, equal_var=False)`.

use super::moments::Moments;
use super::test::{NoTest, Test, TestMethod};
use crate::core::stats::student_t_two_sided_p;

/// The test of `group`'s mean against `other`'s.
pub(super) fn welch_t_test(group: &Moments, other: &Moments) -> Test {
    let (Some(v1), Some(v2)) = (group.variance(), other.variance()) else {
        return Test::not(NoTest::TooFew);
    };
    let (n1, n2) = (group.count as f64, other.count as f64);
    let (e1, e2) = (v1 / n1, v2 / n2);
    let se2 = e1 + e2;
    if se2 <= 0.0 || !se2.is_finite() {
        // Both sides constant: equal means say nothing, unequal ones
        // cannot be given a p-value (scipy answers NaN).
        return Test::not(NoTest::NoVariance);
    }
    let t = (group.mean - other.mean) / se2.sqrt();
    let df = se2 * se2 / (e1 * e1 / (n1 - 1.0) + e2 * e2 / (n2 - 1.0));
    match student_t_two_sided_p(t, df) {
        Some(p) => Test::raw(TestMethod::WelchT, t, Some(df), p),
        None => Test::not(NoTest::NoVariance),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_scipy() {
        // scipy 1.17.1: ttest_ind([1, 2, 3, 4, 10], [2, 2.5, 3, 3.5], equal_var=False)
        // → statistic 0.7745966692414834, pvalue 0.47870875459881435,
        //   df 4.330254041570438.
        let a = Moments::of(&[1.0, 2.0, 3.0, 4.0, 10.0]);
        let b = Moments::of(&[2.0, 2.5, 3.0, 3.5]);
        let Test::Tested(t) = welch_t_test(&a, &b) else {
            panic!("tested")
        };
        assert!((t.statistic - 0.7745966692414834).abs() < 1e-14);
        assert!((t.df.unwrap() - 4.330254041570438).abs() < 1e-12);
        assert!((t.p - 0.47870875459881435).abs() < 1e-13, "{}", t.p);
    }

    #[test]
    fn no_test_without_spread_or_values() {
        let one = Moments::of(&[5.0]);
        let constant = Moments::of(&[5.0, 5.0, 5.0]);
        let other = Moments::of(&[4.0, 4.0]);
        let spread = Moments::of(&[1.0, 9.0]);
        assert_eq!(welch_t_test(&one, &spread), Test::not(NoTest::TooFew));
        assert_eq!(
            welch_t_test(&Moments::default(), &spread),
            Test::not(NoTest::TooFew)
        );
        assert_eq!(
            welch_t_test(&constant, &other),
            Test::not(NoTest::NoVariance)
        );
        // One side constant is fine: the other's spread carries the test.
        assert!(welch_t_test(&constant, &spread).tested().is_some());
    }
}
