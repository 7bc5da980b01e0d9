//! Special functions the BG/NBD and Gamma-Gamma formulas need: ln Γ, its
//! derivative ψ (for the likelihoods' gradients) and the Gaussian
//! hypergeometric function ₂F₁ on 0 ≤ z < 1.

/// Terms summed before the ₂F₁ series is declared not to converge. At
/// z = 0.999 the series reaches 1e-15 in about 40,000 terms; the models
/// only get z that close to 1 when the horizon is a thousand times α + T
/// (a brand-new customer whose purchase rate is in the hundreds per month).
const MAX_TERMS: usize = 100_000;

/// The series stops once the bound on the remaining tail is this small
/// relative to the sum (a few ulps).
const RELATIVE_TOLERANCE: f64 = 1e-15;

/// ln Γ(x) for x > 0 (musl's lgamma via the `libm` crate).
pub fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// Below this, ψ is shifted up by its recurrence before the asymptotic
/// series is used: from 10 on, the series' error (at most its first omitted
/// term, B₁₄/(14x¹⁴)) is under 10⁻¹⁵.
const DIGAMMA_SERIES_FROM: f64 = 10.0;

/// ψ(x) = d ln Γ(x) / dx for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up
/// to x ≥ 10, then the asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ).
/// NaN for x ≤ 0 or NaN (the likelihoods only ask at positive points).
pub fn digamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    let mut x = x;
    let mut shifted = 0.0;
    while x < DIGAMMA_SERIES_FROM {
        shifted -= 1.0 / x;
        x += 1.0;
    }
    let inv2 = 1.0 / (x * x);
    // B₂/2, B₄/4, … B₁₂/12, nested in 1/x² (Horner).
    let series = inv2
        * (1.0 / 12.0
            - inv2
                * (1.0 / 120.0
                    - inv2
                        * (1.0 / 252.0
                            - inv2
                                * (1.0 / 240.0 - inv2 * (1.0 / 132.0 - inv2 * 691.0 / 32760.0)))));
    shifted + x.ln() - 0.5 / x - series
}

/// ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1 and c > 0. `None` when
/// the arguments are outside that range, the sum overflows, or the series
/// has not converged within its term budget: a wrong figure is never
/// returned as if it were right.
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    if !(a.is_finite() && b.is_finite() && c > 0.0 && c.is_finite() && (0.0..1.0).contains(&z)) {
        return None;
    }
    let mut term = 1.0_f64;
    let mut sum = 1.0_f64;
    for n in 0..MAX_TERMS {
        let n = n as f64;
        term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        if !sum.is_finite() {
            return None;
        }
        if tail_is_negligible(term, later_ratio_bound(a, b, c, z, n + 1.0), sum) {
            return Some(sum);
        }
    }
    None
}

/// A bound on |tₘ₊₁ / tₘ| for every m ≥ `m`. The ratio is
/// z · (a+m)/(m+1) · (b+m)/(c+m); each fraction, in absolute value, moves
/// monotonically toward 1 once its numerator has changed sign (and falls
/// before that), so neither exceeds the larger of its value now and 1.
fn later_ratio_bound(a: f64, b: f64, c: f64, z: f64, m: f64) -> f64 {
    z * ((a + m).abs() / (m + 1.0)).max(1.0) * ((b + m).abs() / (c + m)).max(1.0)
}

/// Whether the terms after `term` cannot add up to more than the tolerance:
/// with every later ratio at most ρ < 1, the tail is at most |term|·ρ/(1 − ρ).
/// (Stopping when a term is merely small is wrong when the terms are about
/// to grow: ₂F₁(10⁻¹⁸, 50; 1; ½) has a first term of 2.5·10⁻¹⁷ and a sum of
/// 1.0000235; scipy 1.11 returns 1.0.)
fn tail_is_negligible(term: f64, rho: f64, sum: f64) -> bool {
    if term == 0.0 {
        return true; // a or b is a non-positive integer: a polynomial, summed exactly
    }
    rho < 1.0 && term.abs() * rho / (1.0 - rho) <= RELATIVE_TOLERANCE * sum.abs()
}

/// ln ₂F₁(a, b; c; z), as lifetimes computes it: the direct series, and when
/// that overflows (a and b large, as for frequent buyers) Euler's
/// transformation ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c−a, c−b; c; z),
/// whose parameters stay small. `None` when neither converges to a
/// positive value.
pub fn ln_hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    if let Some(direct) = hyp2f1(a, b, c, z).filter(|v| *v > 0.0) {
        return Some(direct.ln());
    }
    let euler = hyp2f1(c - a, c - b, c, z).filter(|v| *v > 0.0)?;
    let ln = euler.ln() + (c - a - b) * (-z).ln_1p();
    ln.is_finite().then_some(ln)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(ours: f64, theirs: f64, relative: f64) -> bool {
        (ours - theirs).abs() <= relative * theirs.abs().max(1e-300)
    }

    #[test]
    fn ln_gamma_matches_hand_values() {
        // Γ(1/2) = √π; Γ(n) = (n − 1)!
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-15
        ));
        assert_eq!(ln_gamma(1.0), 0.0);
        assert_eq!(ln_gamma(2.0), 0.0);
        assert!(close(ln_gamma(6.0), 120f64.ln(), 1e-15));
        assert!(close(
            ln_gamma(21.0),
            2_432_902_008_176_640_000f64.ln(),
            1e-15
        ));
    }

    #[test]
    fn digamma_matches_closed_forms() {
        // Euler-Mascheroni γ = −ψ(1); Gauss's digamma theorem for 1/2, 1/3,
        // 1/4; ψ(n + 1) = Hₙ − γ.
        let euler = 0.577_215_664_901_532_9_f64;
        let pi = std::f64::consts::PI;
        let (ln2, ln3) = (2f64.ln(), 3f64.ln());
        let cases = [
            (1.0, -euler),
            (0.5, -euler - 2.0 * ln2),
            (1.0 / 3.0, -euler - pi / (2.0 * 3f64.sqrt()) - 1.5 * ln3),
            (0.25, -euler - pi / 2.0 - 3.0 * ln2),
            (7.0, 49.0 / 20.0 - euler),
            (
                21.0,
                (1..=20).map(|k| 1.0 / f64::from(k)).sum::<f64>() - euler,
            ),
        ];
        for (x, exact) in cases {
            assert!(close(digamma(x), exact, 4e-15), "ψ({x}) = {}", digamma(x));
        }
        // Near 0, ψ(x) ≈ −1/x − γ; far out, ψ(x) ≈ ln x − 1/(2x).
        assert!(close(digamma(1e-9), -1e9 - euler, 1e-15));
        let big = 1e7_f64;
        assert!(close(digamma(big), big.ln() - 0.5 / big, 1e-15));
        assert!(digamma(0.0).is_nan() && digamma(-1.0).is_nan() && digamma(f64::NAN).is_nan());
    }

    #[test]
    fn digamma_is_the_slope_of_ln_gamma() {
        for x in [0.05_f64, 0.7, 2.43, 9.99, 10.01, 40.0, 3_000.0] {
            let h = 1e-5 * x;
            let slope = (ln_gamma(x + h) - ln_gamma(x - h)) / (2.0 * h);
            assert!(
                close(digamma(x), slope, 1e-7),
                "x = {x}: {} vs {slope}",
                digamma(x)
            );
        }
    }

    #[test]
    fn hyp2f1_matches_closed_forms() {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
        for z in [0.1f64, 0.5, 0.9, 0.99, 0.999] {
            let exact = -(-z).ln_1p() / z;
            assert!(
                close(hyp2f1(1.0, 1.0, 2.0, z).unwrap(), exact, 1e-13),
                "z = {z}"
            );
        }
        // ₂F₁(1/2, 1/2; 3/2; s²) = arcsin(s)/s
        let s: f64 = 0.8;
        assert!(close(
            hyp2f1(0.5, 0.5, 1.5, s * s).unwrap(),
            s.asin() / s,
            1e-13
        ));
        // ₂F₁(a, b; b; z) = (1 − z)^(−a)
        assert!(close(
            hyp2f1(2.5, 3.0, 3.0, 0.7).unwrap(),
            0.3f64.powf(-2.5),
            1e-13
        ));
        // A polynomial when a is a non-positive integer: ₂F₁(−2, b; c; z)
        let (b, c, z) = (3.0, 4.0, 0.5);
        let poly = 1.0 - 2.0 * b / c * z + b * (b + 1.0) / (c * (c + 1.0)) * z * z;
        assert!(close(hyp2f1(-2.0, b, c, z).unwrap(), poly, 1e-15));
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 0.0), Some(1.0));
    }

    #[test]
    fn hyp2f1_does_not_stop_before_the_terms_grow() {
        // For small a, ₂F₁(a, b; 1; z) = 1 + a·S + O(a²) with
        // S = Σₙ≥₁ (b)ₙ zⁿ / (n!·n); for b = 50, z = ½ summed in exact
        // rationals (Python `fractions`, 400 terms): S = 23478080487249.992.
        // (scipy 1.11 returns 1.0 here, and 24.482 at a = 10⁻¹², 1.7e-4 off.)
        let s = 23_478_080_487_249.992;
        let ours = hyp2f1(1e-18, 50.0, 1.0, 0.5).unwrap();
        assert!(close(ours, 1.0 + 1e-18 * s, 1e-12), "{ours}");
    }

    #[test]
    fn hyp2f1_refuses_what_it_cannot_sum() {
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 1.0), None);
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, -0.5), None);
        assert_eq!(hyp2f1(1.0, 1.0, 0.0, 0.5), None);
        assert_eq!(hyp2f1(f64::NAN, 1.0, 2.0, 0.5), None);
        // Converges in principle, but not within the term budget.
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 1.0 - 1e-9), None);
        // Overflows: the direct series cannot, Euler's form can.
        // ₂F₁(a, b; b; z) = (1 − z)^(−a): here 2^3000.
        assert_eq!(hyp2f1(3000.0, 2000.0, 2000.0, 0.5), None);
        let ln = ln_hyp2f1(3000.0, 2000.0, 2000.0, 0.5).unwrap();
        let exact = 3000.0 * 2f64.ln();
        assert!(close(ln, exact, 1e-13), "{ln} vs {exact}");
    }
}
