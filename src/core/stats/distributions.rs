//! Tail probabilities for significance tests: the standard normal (from
//! `libm`'s erfc) and Student's t (from the regularized incomplete beta
//! function, by its continued fraction).
//!
//! `core::clv::special` has ln Γ and ₂F₁ only; nothing in `core::stats`
//! had a distribution function, so these live here for any analysis.

use std::f64::consts::SQRT_2;

/// Continued-fraction steps before the incomplete beta is declared not to
/// converge. Lentz's method needs about √(max(a, b)) steps on the side of
/// the split it is used on: a few hundred for a million customers.
const MAX_STEPS: usize = 10_000;

/// The fraction stops once a step changes it by less than this (relative).
const TOLERANCE: f64 = 1e-16;

/// Lentz's guard against a zero denominator.
const TINY: f64 = 1e-300;

/// Φ(x), the standard normal distribution function.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / SQRT_2)
}

/// P(|Z| ≥ |z|) for a standard normal Z: the two-sided p-value of a z
/// statistic. erfc keeps its relative accuracy far into the tail, where
/// 1 − Φ would round to 0.
pub fn normal_two_sided_p(z: f64) -> f64 {
    libm::erfc(z.abs() / SQRT_2)
}

/// P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (any positive
/// real, as Welch's test needs): I_{df/(df+t²)}(df/2, 1/2). `None` for a
/// non-finite t or df ≤ 0.
pub fn student_t_two_sided_p(t: f64, df: f64) -> Option<f64> {
    if !(t.is_finite() && df.is_finite() && df > 0.0) {
        return None;
    }
    let t2 = t * t;
    // x and 1 − x each computed directly: 1 − x by subtraction would lose
    // every digit of a small t's p-value near 1.
    let x = df / (df + t2);
    let y = t2 / (df + t2);
    incomplete_beta_both(df / 2.0, 0.5, x, y)
}

/// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and
/// 0 ≤ x ≤ 1; `None` outside that range or when the continued fraction
/// does not converge.
pub fn regularized_incomplete_beta(a: f64, b: f64, x: f64) -> Option<f64> {
    incomplete_beta_both(a, b, x, 1.0 - x)
}

/// I_x(a, b) given both x and y = 1 − x (the caller may know y more
/// exactly than 1 − x would give it).
fn incomplete_beta_both(a: f64, b: f64, x: f64, y: f64) -> Option<f64> {
    let valid = a > 0.0 && b > 0.0 && a.is_finite() && b.is_finite();
    if !valid || !(0.0..=1.0).contains(&x) || !(0.0..=1.0).contains(&y) {
        return None;
    }
    if x == 0.0 {
        return Some(0.0);
    }
    if y == 0.0 {
        return Some(1.0);
    }
    // x^a y^b / (a B(a, b)), in logs: the powers alone under- or overflow
    // for a million customers.
    let ln_beta = libm::lgamma(a) + libm::lgamma(b) - libm::lgamma(a + b);
    let ln_front = a * x.ln() + b * y.ln() - ln_beta;
    // The fraction converges fast below the mean a/(a+b) (NR's split
    // point); above it, use I_x(a, b) = 1 − I_y(b, a) and sum the small side.
    if x < (a + 1.0) / (a + b + 2.0) {
        let fraction = beta_continued_fraction(a, b, x)?;
        Some((ln_front.exp() * fraction / a).clamp(0.0, 1.0))
    } else {
        let fraction = beta_continued_fraction(b, a, y)?;
        Some((1.0 - ln_front.exp() * fraction / b).clamp(0.0, 1.0))
    }
}

/// The continued fraction of I_x(a, b) (Numerical Recipes' betacf) by the
/// modified Lentz method.
fn beta_continued_fraction(a: f64, b: f64, x: f64) -> Option<f64> {
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..=MAX_STEPS {
        let m = m as f64;
        let m2 = 2.0 * m;
        // Even step.
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        h *= d * c;
        // Odd step.
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        let delta = d * c;
        h *= delta;
        if !h.is_finite() {
            return None;
        }
        if (delta - 1.0).abs() <= TOLERANCE {
            return Some(h);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(ours: f64, theirs: f64, relative: f64) -> bool {
        (ours - theirs).abs() <= relative * theirs.abs()
    }

    #[test]
    fn normal_matches_scipy() {
        // scipy 1.17.1: stats.norm.cdf(1.96), 2*norm.sf(1.96), 2*norm.sf(10),
        // norm.cdf(-3).
        assert!(close(normal_cdf(1.96), 0.9750021048517795, 1e-15));
        assert!(close(normal_two_sided_p(1.96), 0.04999579029644087, 1e-14));
        assert!(close(
            normal_two_sided_p(-10.0),
            1.523970604832094e-23,
            1e-13
        ));
        assert!(close(normal_cdf(-3.0), 0.0013498980316300933, 1e-14));
        assert_eq!(normal_two_sided_p(0.0), 1.0);
    }

    #[test]
    fn incomplete_beta_matches_closed_forms() {
        for x in [0.01, 0.3, 0.5, 0.77, 0.99] {
            // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
            let one_one = regularized_incomplete_beta(1.0, 1.0, x).unwrap();
            assert!(close(one_one, x, 1e-14), "{x}");
            let a_one = regularized_incomplete_beta(3.5, 1.0, x).unwrap();
            assert!(close(a_one, x.powf(3.5), 1e-13), "{x}");
            let one_b = regularized_incomplete_beta(1.0, 4.0, x).unwrap();
            assert!(close(one_b, 1.0 - (1.0 - x).powi(4), 1e-13), "{x}");
        }
        // Symmetry: I_½(a, a) = ½.
        let half = regularized_incomplete_beta(7.3, 7.3, 0.5).unwrap();
        assert!(close(half, 0.5, 1e-14));
        assert_eq!(regularized_incomplete_beta(2.0, 3.0, 0.0), Some(0.0));
        assert_eq!(regularized_incomplete_beta(2.0, 3.0, 1.0), Some(1.0));
    }

    #[test]
    fn incomplete_beta_matches_scipy() {
        // scipy 1.17.1 special.betainc(a, b, x).
        let cases = [
            (2.5, 3.5, 0.3, 0.29675298929566646),
            (0.5, 10.0, 0.05, 0.6828484245344547),
            (3500.0, 0.5, 0.999, 0.008137313518552776),
            (50.0, 60.0, 0.45, 0.4642352914306031),
            (1e3, 1e3, 0.49, 0.1855526594315119),
        ];
        for (a, b, x, scipy) in cases {
            let ours = regularized_incomplete_beta(a, b, x).unwrap();
            assert!(
                close(ours, scipy, 1e-11),
                "I_{x}({a}, {b}) = {ours}, scipy {scipy}"
            );
        }
    }

    #[test]
    fn student_t_matches_scipy() {
        // scipy 1.17.1: 2 * stats.t.sf(t, df).
        let cases = [
            (2.0, 5.3, 0.09871235302286568),
            (10.0, 3.0, 0.0021283990584141503),
            (0.1, 120.7, 0.9205102325609626),
            (-8.0, 7000.0, 1.4454280042810297e-15),
            (25.0, 300.5, 2.21458391497036e-75),
            (1.5, 1.0, 0.3743340836219977),
        ];
        for (t, df, scipy) in cases {
            let ours = student_t_two_sided_p(t, df).unwrap();
            assert!(
                close(ours, scipy, 1e-11),
                "t = {t}, df = {df}: {ours} vs {scipy}"
            );
        }
        assert_eq!(student_t_two_sided_p(0.0, 4.0), Some(1.0));
    }

    #[test]
    fn refuses_what_it_cannot_compute() {
        assert_eq!(student_t_two_sided_p(f64::NAN, 3.0), None);
        assert_eq!(student_t_two_sided_p(f64::INFINITY, 3.0), None);
        assert_eq!(student_t_two_sided_p(1.0, 0.0), None);
        assert_eq!(regularized_incomplete_beta(0.0, 1.0, 0.5), None);
        assert_eq!(regularized_incomplete_beta(1.0, 1.0, 1.5), None);
        assert_eq!(regularized_incomplete_beta(1.0, f64::NAN, 0.5), None);
    }
}
