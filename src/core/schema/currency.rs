//! The currency signs, codes and names a money cell may carry, and finding
//! one at a cell's edge.

use std::sync::LazyLock;

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

/// Every marker, in the order they are tried: signs, codes, then words.
const MARKER_COUNT: usize = SIGNS.len() + CODES.len() + WORDS.len();

/// The markers, and which of them start or end with each byte.
///
/// Why: a column of ids (`T000000001`) is tried as money once per distinct
/// value, millions of times for a purchase log, and walking all 65 markers
/// for each was a sixth of inspecting the generator's 4 M-line log. Only
/// the markers whose first byte is the cell's first, or whose last byte is
/// its last, can match; the rest are never looked at.
struct Markers {
    all: Vec<&'static str>,
    by_first_byte: [u128; 256],
    by_last_byte: [u128; 256],
}

const _: () = assert!(MARKER_COUNT <= u128::BITS as usize);

static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let all: Vec<&'static str> = [&SIGNS[..], &CODES[..], &WORDS[..]].concat();
    let mut by_first_byte = [0u128; 256];
    let mut by_last_byte = [0u128; 256];
    for (index, marker) in all.iter().enumerate() {
        let bytes = marker.as_bytes();
        for (edge, table) in [
            (bytes.first(), &mut by_first_byte),
            (bytes.last(), &mut by_last_byte),
        ] {
            if let Some(slot) = edge.and_then(|&b| table.get_mut(usize::from(b))) {
                *slot |= 1 << index;
            }
        }
    }
    Markers {
        all,
        by_first_byte,
        by_last_byte,
    }
});

impl Markers {
    /// The markers that may stand at the start or end of `bytes`, as bits
    /// in the order of [`Markers::all`].
    fn candidates(&self, first: u8, last: u8) -> u128 {
        let at = |table: &[u128; 256], byte: u8| table.get(usize::from(byte)).copied().unwrap_or(0);
        at(&self.by_first_byte, first) | at(&self.by_last_byte, last)
    }
}

/// The text with one currency marker removed from its start or end, trimmed;
/// None when there is no marker or nothing else. Markers are tried in
/// order (`US$` before `$`), each at the start and then at the end.
pub(super) fn strip_currency(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    let markers = &*MARKERS;
    let mut candidates = markers.candidates(first, last);
    while candidates != 0 {
        let index = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let Some(marker) = markers.all.get(index) else {
            break;
        };
        if let Some(rest) = strip_marker(text, marker) {
            return Some(rest);
        }
    }
    None
}

/// The text without `marker` at its start (else its end), trimmed; None
/// when the marker is at neither or nothing else is left.
fn strip_marker<'t>(text: &'t str, marker: &str) -> Option<&'t str> {
    let rest = if let Some(rest) = text.strip_prefix(marker) {
        rest
    } else {
        text.strip_suffix(marker)?
    };
    Some(rest.trim()).filter(|rest| !rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk over every marker this replaced: the oracle for which
    /// markers are tried, and in what order.
    fn strip_trying_every_marker(text: &str) -> Option<&str> {
        [&SIGNS[..], &CODES[..], &WORDS[..]]
            .concat()
            .into_iter()
            .find_map(|marker| strip_marker(text, marker))
    }

    #[test]
    fn strips_what_trying_every_marker_strips() {
        let amounts = ["5", "12.50", " 7 ", "", "-3", "1,000"];
        let mut cells = vec![
            "T000000001".to_string(),
            "C0709022".into(),
            "$".into(),
            "USD".into(),
        ];
        for marker in [&SIGNS[..], &CODES[..], &WORDS[..]].concat() {
            for amount in amounts {
                cells.push(format!("{marker}{amount}"));
                cells.push(format!("{amount}{marker}"));
                cells.push(format!("{marker}{amount}{marker}"));
                cells.push(format!("US{amount}{marker}"));
            }
        }
        let mut stripped = 0;
        for cell in &cells {
            let expected = strip_trying_every_marker(cell);
            assert_eq!(strip_currency(cell), expected, "{cell:?}");
            stripped += usize::from(expected.is_some());
        }
        assert!(stripped > 1_000, "{stripped} of {}", cells.len());
    }

    #[test]
    fn the_longer_sign_is_stripped_whole() {
        assert_eq!(strip_currency("US$3"), Some("3"));
        assert_eq!(strip_currency("3 ريال"), Some("3"));
        assert_eq!(strip_currency("T000000001"), None);
    }
}
