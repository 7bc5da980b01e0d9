//! The form under which customer keys of two files are compared: " C-17 ",
//! "c-17" and "C‎-17" (with a direction mark) are one customer; so are
//! "۱۲۳", "١٢٣" and "123"; and so are "17850.0" and "17850", because Excel
//! and pandas write a whole-number id column holding blanks as floats
//! (Online Retail's CustomerID is 17850.0 in some exports).
//!
//! Zero padding is kept: "00017" and "17" are different codes (CDNOW's ids
//! are padded on both sides, a shop's may not be).

use crate::core::schema::is_missing;

/// Direction and format marks that copy-paste leaves around ids (LRM, RLM,
/// ALM, embedding/override/isolate controls, BOM, ZWNJ/ZWJ).
fn is_invisible_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200C}'..='\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The ASCII digit for an Arabic-Indic (٠-٩) or Persian (۰-۹) digit.
/// (`core::i18n::digits` only goes the other way, ASCII to local.)
fn ascii_digit(c: char) -> Option<char> {
    let value = match c {
        '\u{0660}'..='\u{0669}' => u32::from(c) - 0x0660,
        '\u{06F0}'..='\u{06F9}' => u32::from(c) - 0x06F0,
        _ => return None,
    };
    char::from_digit(value, 10)
}

/// One character in its compared form: digits in ASCII, the Arabic decimal
/// mark as `.`, the Arabic-keyboard ي and ك as the Persian ی and ک (the
/// same letters typed on another keyboard), everything else lowercased.
fn push_folded(c: char, out: &mut String) {
    if let Some(digit) = ascii_digit(c) {
        out.push(digit);
    } else if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match c {
            '\u{066B}' => out.push('.'),
            'ي' => out.push('ی'),
            'ك' => out.push('ک'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// "17850.0" → "17850", "12." → "12": a whole number written as a float.
/// Anything else (a real fraction, a code like "1.10a") is left alone.
fn drop_zero_fraction(key: &mut String) {
    let Some(dot) = key.find('.') else {
        return;
    };
    let (whole, fraction) = key.split_at(dot);
    let whole_digits = whole.strip_prefix('-').unwrap_or(whole);
    let is_whole_number = !whole_digits.is_empty()
        && whole_digits.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().skip(1).all(|b| b == b'0');
    if is_whole_number {
        key.truncate(dot);
    }
}

/// Write the compared form of `cell` into `out` (cleared first). Returns
/// false, leaving `out` empty, for a blank key: an empty cell or a "no
/// value" marker (NA, null, -, …; see `schema::is_missing`).
///
/// Takes a reusable buffer so that millions of keys are compared without
/// an allocation each.
pub fn comparison_key_into(cell: &str, out: &mut String) -> bool {
    out.clear();
    if is_missing(cell) {
        return false;
    }
    for c in cell.chars().filter(|c| !is_invisible_mark(*c)) {
        push_folded(c, out);
    }
    let trimmed = out.trim();
    if trimmed.len() != out.len() {
        *out = trimmed.to_string();
    }
    drop_zero_fraction(out);
    if is_missing(out) {
        out.clear();
        return false;
    }
    true
}

/// The compared form of one key, or None when it is blank.
pub fn comparison_key(cell: &str) -> Option<String> {
    let mut out = String::new();
    comparison_key_into(cell, &mut out).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_folds_case() {
        assert_eq!(comparison_key(" C0000908 ").as_deref(), Some("c0000908"));
        assert_eq!(
            comparison_key("Sara@Example.ORG").as_deref(),
            Some("sara@example.org")
        );
    }

    #[test]
    fn whole_floats_meet_their_integers() {
        assert_eq!(comparison_key("17850.0"), comparison_key("17850"));
        assert_eq!(comparison_key("12.000").as_deref(), Some("12"));
        assert_eq!(comparison_key("12.").as_deref(), Some("12"));
        assert_eq!(comparison_key("-3.0").as_deref(), Some("-3"));
        assert_eq!(comparison_key("12.5").as_deref(), Some("12.5"));
        assert_eq!(comparison_key("A12.0").as_deref(), Some("a12.0"));
        assert_eq!(comparison_key(".0").as_deref(), Some(".0"));
    }

    #[test]
    fn arabic_and_persian_digits_are_ascii() {
        assert_eq!(comparison_key("۱۲۳۴").as_deref(), Some("1234"));
        assert_eq!(comparison_key("١٢٣٤").as_deref(), Some("1234"));
        assert_eq!(comparison_key("١٢٣٤٫٠").as_deref(), Some("1234"));
        assert_eq!(comparison_key("م-۱۲"), comparison_key("م-12"));
        assert_eq!(comparison_key("علي"), comparison_key("علی"));
    }

    #[test]
    fn zero_padding_is_kept() {
        assert_ne!(comparison_key("00017"), comparison_key("17"));
    }

    #[test]
    fn blanks_and_marks() {
        assert_eq!(comparison_key(""), None);
        assert_eq!(comparison_key("   "), None);
        assert_eq!(comparison_key("NA"), None);
        assert_eq!(comparison_key("\u{200F} \u{200E}"), None);
        assert_eq!(comparison_key("\u{200F}42\u{200E}").as_deref(), Some("42"));
    }
}
