//! Amounts of money: `$52,300.00`, `52.300,00`, `12.50 USD`, `۱۲۰٬۰۰۰ ریال`.

use super::amount::{read_any_number, read_comma_decimal};
use super::currency::strip_currency;
use super::number::{read_number, too_wordy_for_a_number, visible_text};
use super::trim::trim_cell;

/// What a money cell looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum MoneyText {
    /// With a currency sign, code or name.
    Marked(f64),
    /// No currency, but a decimal comma and exactly two decimals
    /// (`52.300,00`, `12,50`): how prices are written where `,` marks
    /// decimals. A plain number is not money by itself.
    CommaCents(f64),
}

impl MoneyText {
    pub(crate) fn value(self) -> f64 {
        match self {
            MoneyText::Marked(value) | MoneyText::CommaCents(value) => value,
        }
    }
}

/// Read a money cell; see [`MoneyText`]. The amount may be a plain number
/// in any digit script ([`super::parse_number`]) or use a decimal comma; a
/// minus may stand before the currency sign (`-$5.00`) or the amount.
pub(crate) fn read_money(cell: &str) -> Option<MoneyText> {
    // Checked first: such cells are common, and every currency marker
    // would otherwise be tried on them.
    if too_wordy_for_a_number(cell) {
        return None;
    }
    let visible = visible_text(cell);
    let text = trim_cell(&visible);
    if let Some(comma) = read_comma_decimal(text) {
        return (comma.fraction_digits == 2).then_some(MoneyText::CommaCents(comma.value));
    }
    let (negative, unsigned) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let amount = strip_currency(unsigned)?;
    if negative && amount.starts_with(['-', '\u{2212}']) {
        return None;
    }
    let value = read_any_number(amount)?;
    Some(MoneyText::Marked(if negative { -value } else { value }))
}

/// The amount of a money cell, or of a plain number: what a Money column's
/// cells are worth, for statistics. None for anything else.
pub fn parse_amount(cell: &str) -> Option<f64> {
    read_money(cell)
        .map(MoneyText::value)
        .or_else(|| read_number(cell).map(|n| n.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_with_a_currency() {
        for (cell, value) in [
            ("$52,300.00", 52300.0),
            ("12.50 USD", 12.5),
            ("USD 12.50", 12.5),
            ("€12,50", 12.5),
            ("12,5 €", 12.5),
            ("£1,234.5", 1234.5),
            ("-$5.00", -5.0),
            ("$-5.00", -5.0),
            ("US$3", 3.0),
            ("۱۲۰٬۰۰۰ ریال", 120000.0),
            ("۱۲۰٬۰۰۰ ريال", 120000.0),
            ("۵۰۰ تومان", 500.0),
            ("١٢٫٥ ﷼", 12.5),
            ("﷼ 1,000", 1000.0),
            ("100 ر.س", 100.0),
            ("\u{200F}۵۰۰\u{200F} تومان", 500.0),
        ] {
            assert_eq!(read_money(cell), Some(MoneyText::Marked(value)), "{cell:?}");
            assert_eq!(parse_amount(cell), Some(value), "{cell:?}");
        }
    }

    #[test]
    fn comma_cents_without_a_currency() {
        assert_eq!(
            read_money("52.300,00"),
            Some(MoneyText::CommaCents(52300.0))
        );
        assert_eq!(read_money("12,50"), Some(MoneyText::CommaCents(12.5)));
        // One decimal after a comma is a number, not money.
        assert_eq!(read_money("12,5"), None);
    }

    #[test]
    fn not_money() {
        for cell in [
            "12.50",
            "1,234",
            "$",
            "USD",
            "usd 5",
            "$$5",
            "--$5",
            "-$-5",
            "5 dollars",
            "$ abc",
            "ریال",
        ] {
            assert_eq!(read_money(cell), None, "{cell:?}");
        }
        assert_eq!(parse_amount("12.50"), Some(12.5));
        assert_eq!(parse_amount("abc"), None);
    }
}
