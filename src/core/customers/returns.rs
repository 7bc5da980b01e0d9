//! Which transaction lines are returns or cancellations.
//!
//! The rule: a line is a return when any of these says so —
//! - its value is negative (money went back to the customer);
//! - its quantity is negative (goods came back);
//! - its invoice/order id starts with `C` or `c` followed by a digit, the
//!   UCI Online Retail convention for a cancelled invoice (`C536379`). The
//!   digit is required so that shops whose every order id starts with a
//!   letter (`CO-1042`, `CUST7`) do not have every order read as a return.
//!
//! Returns are kept out of the purchase figures (orders, spend, recency,
//! frequency, T, monetary) and reported beside them per customer: the
//! buy-till-you-die models describe when customers buy and how much, and a
//! return is neither a purchase nor, usually, in the same period as the
//! purchase it undoes.

/// What a line says about being a return; `None` for a column the user
/// did not choose.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReturnSignals<'a> {
    pub value: f64,
    pub quantity: Option<f64>,
    pub invoice: Option<&'a str>,
}

/// Whether the line is a return or cancellation (see the module's rule).
pub fn is_return(signals: ReturnSignals<'_>) -> bool {
    signals.value < 0.0
        || signals.quantity.is_some_and(|quantity| quantity < 0.0)
        || signals.invoice.is_some_and(is_cancellation_invoice)
}

/// `C` or `c` then a digit, after leading spaces.
pub fn is_cancellation_invoice(invoice: &str) -> bool {
    let mut chars = invoice.trim_start().chars();
    matches!(chars.next(), Some('C' | 'c')) && chars.next().is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(value: f64, quantity: Option<f64>, invoice: Option<&str>) -> bool {
        is_return(ReturnSignals {
            value,
            quantity,
            invoice,
        })
    }

    #[test]
    fn a_negative_value_is_a_return() {
        assert!(line(-3.5, None, None));
        assert!(!line(3.5, None, None));
        // A free item is a purchase worth nothing, not a return.
        assert!(!line(0.0, Some(1.0), Some("536365")));
    }

    #[test]
    fn a_negative_quantity_is_a_return_even_at_a_positive_value() {
        assert!(line(2.0, Some(-1.0), None));
        assert!(!line(2.0, Some(1.0), None));
    }

    #[test]
    fn a_c_invoice_is_a_cancellation_but_a_c_word_is_not() {
        assert!(line(5.0, Some(1.0), Some("C536379")));
        assert!(line(5.0, None, Some(" c12")));
        assert!(!line(5.0, None, Some("536379")));
        assert!(!line(5.0, None, Some("CO-1042")));
        assert!(!line(5.0, None, Some("C")));
        assert!(!line(5.0, None, Some("")));
        assert!(!line(5.0, None, Some("A563185")));
    }
}
