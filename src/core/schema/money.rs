//! Amounts of money: `$52,300.00`, `52.300,00`, `12.50 USD`, `۱۲۰٬۰۰۰ ریال`.

use super::amount::{read_any_number, read_comma_decimal};
use super::number::{read_number, too_wordy_for_a_number, visible_text};
use super::trim::trim_cell;

/// Currency signs written before or after the amount. `US$` before `$` so
/// the longer one is stripped whole.
const SIGNS: [&str; 13] = [
    "US$", "$", "€", "£", "¥", "₹", "₺", "₽", "₩", "₪", "﷼", "؋", "¢",
];
/// ISO 4217 codes common in customer files, upper case only (`usd` in a
/// cell is more likely a typo than a price).
const CODES: [&str; 32] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "TRY", "RUB", "CAD", "AUD", "CHF", "SEK", "NOK",
    "DKK", "PLN", "IRR", "IRT", "AFN", "SAR", "AED", "QAR", "KWD", "BHD", "OMR", "JOD", "EGP",
    "IQD", "LBP", "MAD", "DZD", "TND", "PKR",
];
/// Currency names and abbreviations in Persian and Arabic, in both the
/// Persian (ی ک) and Arabic (ي ك) spellings.
const WORDS: [&str; 20] = [
    "ریال",
    "ريال",
    "تومان",
    "دلار",
    "یورو",
    "يورو",
    "درهم",
    "دینار",
    "دينار",
    "دولار",
    "جنيه",
    "افغانی",
    "افغاني",
    "ر.س",
    "ر.ق",
    "ر.ع",
    "د.إ",
    "د.ك",
    "د.ب",
    "ج.م",
];

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

/// The text with one currency marker removed from its start or end, trimmed;
/// None when there is no marker or nothing else.
fn strip_currency(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    let lists: [&[&str]; 3] = [&SIGNS, &CODES, &WORDS];
    for marker in lists.into_iter().flatten() {
        // A marker stands where the text has its first or last byte:
        // comparing that byte first skips most of the list cheaply.
        let marker_bytes = marker.as_bytes();
        let rest = if marker_bytes.first() == Some(&first) && bytes.starts_with(marker_bytes) {
            text.get(marker.len()..)
        } else if marker_bytes.last() == Some(&last) && bytes.ends_with(marker_bytes) {
            text.get(..text.len() - marker.len())
        } else {
            None
        };
        if let Some(rest) = rest.map(str::trim).filter(|r| !r.is_empty()) {
            return Some(rest);
        }
    }
    None
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
