//! The two-proportion z-test: is a level's share in the group different
//! from its share on the other side?
//!
//! With the pooled share p̂ = (x₁ + x₂)/(n₁ + n₂),
//! z = (x₁/n₁ − x₂/n₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), two-sided p from the
//! normal. z² is exactly Pearson's χ² of the 2×2 table without Yates'
//! correction, so this is scipy's `chi2_contingency(table,
//! correction=False)`; the z form is chosen because it keeps the
//! direction (over- or under-represented) and needs only the normal tail.
//! Yates' correction is left out: it is known to be conservative, and the
//! tables here are large. Where a cell is expected to hold fewer than 5
//! customers (Cochran's rule) the normal approximation fails and no test
//! is reported rather than a wrong p-value.

use super::test::{NoTest, Test, TestMethod};
use crate::core::stats::normal_two_sided_p;

/// Fewest customers each 2×2 cell must be expected to hold.
const MIN_EXPECTED: f64 = 5.0;

/// `hits₁` of `n₁` in the group against `hits₂` of `n₂` on the other side.
pub(super) fn two_proportion_z_test(hits1: usize, n1: usize, hits2: usize, n2: usize) -> Test {
    if n1 == 0 || n2 == 0 || hits1 > n1 || hits2 > n2 {
        return Test::not(NoTest::TooFew);
    }
    let (x1, x2, m1, m2) = (hits1 as f64, hits2 as f64, n1 as f64, n2 as f64);
    let pooled = (x1 + x2) / (m1 + m2);
    if pooled <= 0.0 || pooled >= 1.0 {
        return Test::not(NoTest::NoVariance);
    }
    let smallest_expected = m1.min(m2) * pooled.min(1.0 - pooled);
    if smallest_expected < MIN_EXPECTED {
        return Test::not(NoTest::SmallExpected);
    }
    let se = (pooled * (1.0 - pooled) * (1.0 / m1 + 1.0 / m2)).sqrt();
    let z = (x1 / m1 - x2 / m2) / se;
    Test::raw(TestMethod::TwoProportionZ, z, None, normal_two_sided_p(z))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_scipy_chi_square() {
        // scipy 1.17.1: chi2_contingency([[30, 70], [10, 90]], correction=False)
        // → statistic 12.5, pvalue 0.00040695201744495946.
        let Test::Tested(t) = two_proportion_z_test(30, 100, 10, 100) else {
            panic!("tested")
        };
        assert!((t.statistic * t.statistic - 12.5).abs() < 1e-12);
        assert!(t.statistic > 0.0);
        assert!((t.p - 0.00040695201744495946).abs() < 1e-16, "{}", t.p);
    }

    #[test]
    fn no_test_where_the_approximation_fails() {
        assert_eq!(
            two_proportion_z_test(0, 0, 3, 10),
            Test::not(NoTest::TooFew)
        );
        assert_eq!(
            two_proportion_z_test(10, 10, 20, 20),
            Test::not(NoTest::NoVariance)
        );
        assert_eq!(
            two_proportion_z_test(0, 10, 0, 20),
            Test::not(NoTest::NoVariance)
        );
        // 3 customers in the group: expected counts below 5.
        assert_eq!(
            two_proportion_z_test(3, 3, 50, 100),
            Test::not(NoTest::SmallExpected)
        );
    }
}
