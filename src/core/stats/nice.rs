//! "Nice" bin widths: 1, 2, 2.5 or 5 × 10^k, the widths people read at a glance.

const MANTISSAS: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// A nice width kept as mantissa × 10^exponent, so edges can be computed as
/// `k × mantissa` scaled by an exact power of ten (0.1 × 3 is not 0.3 in
/// floating point, but 3 / 10 is).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NiceStep {
    mantissa_index: usize,
    exponent: i32,
}

impl NiceStep {
    pub(crate) const ONE: NiceStep = NiceStep {
        mantissa_index: 0,
        exponent: 0,
    };

    /// The smallest nice width ≥ `width`; None unless `width` is finite and > 0.
    pub(crate) fn at_least(width: f64) -> Option<NiceStep> {
        if !(width.is_finite() && width > 0.0) {
            return None;
        }
        // log10 can be off by one near powers of ten; start low and walk up.
        let mut step = NiceStep {
            mantissa_index: 0,
            exponent: width.log10().floor() as i32 - 1,
        };
        for _ in 0..16 {
            if step.width() >= width {
                return Some(step);
            }
            step = step.next();
        }
        None
    }

    /// The largest nice width ≤ `width`; None unless `width` is finite and > 0.
    pub(crate) fn at_most(width: f64) -> Option<NiceStep> {
        let mut step = NiceStep::at_least(width)?;
        if step.width() > width {
            step = step.previous();
        }
        Some(step)
    }

    /// The next smaller nice width.
    fn previous(self) -> NiceStep {
        match self.mantissa_index.checked_sub(1) {
            Some(index) => NiceStep {
                mantissa_index: index,
                ..self
            },
            None => NiceStep {
                mantissa_index: MANTISSAS.len() - 1,
                exponent: self.exponent.saturating_sub(1),
            },
        }
    }

    /// The next larger nice width.
    pub(crate) fn next(self) -> NiceStep {
        if self.mantissa_index + 1 < MANTISSAS.len() {
            NiceStep {
                mantissa_index: self.mantissa_index + 1,
                ..self
            }
        } else {
            NiceStep {
                mantissa_index: 0,
                exponent: self.exponent.saturating_add(1),
            }
        }
    }

    fn mantissa(self) -> f64 {
        MANTISSAS.get(self.mantissa_index).copied().unwrap_or(1.0)
    }

    pub(crate) fn width(self) -> f64 {
        self.edge(1.0)
    }

    /// `k` widths from zero, rounded once.
    pub(crate) fn edge(self, k: f64) -> f64 {
        let scaled = k * self.mantissa();
        if self.exponent >= 0 {
            scaled * 10f64.powi(self.exponent)
        } else {
            scaled / 10f64.powi(self.exponent.saturating_neg())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nice(width: f64) -> Option<f64> {
        NiceStep::at_least(width).map(NiceStep::width)
    }

    #[test]
    fn rounds_up_to_nice_widths() {
        assert_eq!(nice(1.0), Some(1.0));
        assert_eq!(nice(1.1), Some(2.0));
        assert_eq!(nice(2.2), Some(2.5));
        assert_eq!(nice(3.0), Some(5.0));
        assert_eq!(nice(6.5), Some(10.0));
        assert_eq!(nice(0.07), Some(0.1));
        assert_eq!(nice(0.3), Some(0.5));
        assert_eq!(nice(1234.0), Some(2000.0));
        assert_eq!(nice(0.0), None);
        assert_eq!(nice(f64::INFINITY), None);
    }

    #[test]
    fn rounds_down_to_nice_widths() {
        let nice_down = |w: f64| NiceStep::at_most(w).map(NiceStep::width);
        assert_eq!(nice_down(7.3), Some(5.0));
        assert_eq!(nice_down(1.0), Some(1.0));
        assert_eq!(nice_down(0.99), Some(0.5));
        assert_eq!(nice_down(2.4), Some(2.0));
        assert_eq!(nice_down(12.0), Some(10.0));
        assert_eq!(nice_down(-1.0), None);
    }

    #[test]
    fn edges_are_exact_decimals() {
        let step = NiceStep::at_least(0.1);
        assert_eq!(step.map(|s| s.edge(3.0)), Some(0.3));
        assert_eq!(step.map(|s| s.next().width()), Some(0.2));
    }
}
