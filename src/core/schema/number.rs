//! Numbers as people type them in English, Arabic and Persian files.

use super::trim::trim_cell;
use std::borrow::Cow;

/// Invisible bidi and format marks that copy-paste leaves around numbers
/// (LRM, RLM, ALM, the embedding/override/isolate controls, BOM).
pub(crate) fn is_invisible_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The cell without direction marks and BOMs; borrowed (no allocation)
/// when it has none, which is nearly always.
pub(crate) fn visible_text(cell: &str) -> Cow<'_, str> {
    // The marks are all outside ASCII; most cells are ASCII, checked a
    // word at a time.
    if !cell.is_ascii() && cell.chars().any(is_invisible_mark) {
        Cow::Owned(cell.chars().filter(|c| !is_invisible_mark(*c)).collect())
    } else {
        Cow::Borrowed(cell)
    }
}

/// Letters a number, amount or percent may hold: an exponent, a currency
/// code or name (the longest, "افغانی", has 6), "درصد".
const MAX_NUMBER_LETTERS: usize = 8;

/// True for text with more letters than any number, amount or percent
/// holds (an email, a code, a sentence with digits): the number readers
/// need not try it.
pub(crate) fn too_wordy_for_a_number(text: &str) -> bool {
    if text.is_ascii() {
        return text
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .nth(MAX_NUMBER_LETTERS)
            .is_some();
    }
    text.chars()
        .filter(|c| c.is_alphabetic())
        .nth(MAX_NUMBER_LETTERS)
        .is_some()
}

/// The value of a decimal digit in ASCII (0-9), Arabic-Indic (٠-٩) or
/// Persian (۰-۹) script.
/// Whether the text holds a digit in any script.
pub(crate) fn has_digit(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_digit())
    } else {
        text.chars().any(|c| digit_value(c).is_some())
    }
}

pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn ascii_digit(c: char) -> Option<char> {
    digit_value(c).and_then(|d| char::from_digit(d, 10))
}

fn is_decimal_mark(c: char) -> bool {
    c == '.' || c == '\u{066B}'
}

fn is_group_mark(c: char) -> bool {
    c == ',' || c == '\u{066C}'
}

/// What a cell that reads as a number looks like, beyond its value: schema
/// inference tells integers, decimals and zero-padded codes apart with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberText {
    pub value: f64,
    /// No decimal mark and no exponent.
    pub is_integer: bool,
    /// Integer part written with a leading zero, like "007": a code, not a count.
    pub zero_padded: bool,
    /// Digits before the decimal mark.
    pub integer_digits: usize,
}

/// Parse a number as people type it: ASCII, Arabic-Indic (٠-٩) and Persian (۰-۹) digits, `٫` (U+066B) decimal, `٬` (U+066C) and `,` thousands separators when unambiguous, leading/trailing spaces, a leading minus or U+2212. Returns None for anything else.
///
/// Details of "unambiguous": thousands separators must group the integer
/// part as 1–3 digits then groups of exactly 3, all with the same separator
/// (so `1,234.5` is 1234.5 but `12,34` and `١٢٣٤٥٦,٧٨` are None). `.` and
/// `٫` are always decimal marks. Bidi marks (LRM, RLM, ALM…) are ignored.
/// Scientific notation (`1.5E+3`, as Excel writes big numbers) is accepted.
/// Percentages, currency symbols, a leading `+`, `/` as decimal mark and
/// `nan`/`inf` are None; the result is always finite.
pub fn parse_number(cell: &str) -> Option<f64> {
    plain_decimal(cell).or_else(|| read_number(cell).map(|number| number.value))
}

/// The value of a cell written `-?digits[.digits]` in ASCII (most numbers
/// in an export), without the full reader's normalising copies. For such a
/// cell [`read_number`] rebuilds the very same text before parsing it, so
/// the value is the same; anything else, and a value too large to be
/// finite, is `None` and left to the full reader.
// The minus signs below are matched as strings: a `char` pattern is
// encoded to UTF-8 on every call, which release builds (`opt-level = "z"`)
// do not inline, and that was a quarter of reading an id column.
fn plain_decimal(cell: &str) -> Option<f64> {
    let unsigned = cell.strip_prefix("-").unwrap_or(cell);
    // Codes, words and dates written with letters stop at their first
    // byte, before the search for a decimal point walks them.
    if !unsigned.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if !digits(integer) || fraction.is_some_and(|fraction| !digits(fraction)) {
        return None;
    }
    cell.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// [`parse_number`] with the shape of the text; see [`NumberText`].
pub(crate) fn read_number(cell: &str) -> Option<NumberText> {
    let visible = visible_text(cell);
    let trimmed = trim_cell(&visible);
    plain_number_text(trimmed).or_else(|| read_written_number(trimmed))
}

/// The full reader behind [`read_number`], for a trimmed cell with no
/// invisible marks: any digit script, grouping, exponent.
fn read_written_number(trimmed: &str) -> Option<NumberText> {
    let (negative, unsigned) = split_sign(trimmed);
    // A mantissa starts with a digit or a decimal mark: codes, words and
    // dates written with letters stop here, before any copying.
    if !unsigned
        .chars()
        .next()
        .is_some_and(|c| digit_value(c).is_some() || is_decimal_mark(c))
    {
        return None;
    }
    // Only digits, marks and an exponent can follow: dates and times
    // (`2015-01-01 08:00:46`) stop here too, before any copying.
    if !only_number_characters(unsigned) {
        return None;
    }
    let (mantissa, exponent) = split_exponent(unsigned);
    let parts = read_mantissa(mantissa)?;
    let exponent = match exponent {
        Some(text) => Some(read_exponent(text)?),
        None => None,
    };
    let mut ascii = String::with_capacity(parts.integer.len() + parts.fraction.len() + 8);
    if negative {
        ascii.push('-');
    }
    ascii.push_str(if parts.integer.is_empty() {
        "0"
    } else {
        &parts.integer
    });
    if !parts.fraction.is_empty() {
        ascii.push('.');
        ascii.push_str(&parts.fraction);
    }
    if let Some(exponent) = &exponent {
        ascii.push('e');
        ascii.push_str(exponent);
    }
    let value: f64 = ascii.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    Some(NumberText {
        value,
        is_integer: !parts.has_decimal_mark && exponent.is_none(),
        zero_padded: parts.integer.len() > 1 && parts.integer.starts_with('0'),
        integer_digits: parts.integer.len(),
    })
}

/// [`read_number`] of a cell written `-?digits[.digits]` in ASCII, read
/// without the full reader's normalising copies (the value is the same, see
/// [`plain_decimal`]); None for anything else.
fn plain_number_text(text: &str) -> Option<NumberText> {
    let value = plain_decimal(text)?;
    let unsigned = text.strip_prefix("-").unwrap_or(text);
    let (integer, is_integer) = match unsigned.split_once('.') {
        Some((integer, _)) => (integer, false),
        None => (unsigned, true),
    };
    Some(NumberText {
        value,
        is_integer,
        zero_padded: integer.len() > 1 && integer.starts_with('0'),
        integer_digits: integer.len(),
    })
}

/// True when every character of an unsigned number could be part of one:
/// a digit in any script, a decimal or group mark, an exponent's `e` and
/// the sign right after it. What [`read_written_number`] accepts is a
/// subset, so this only turns away early what it would turn away anyway.
fn only_number_characters(unsigned: &str) -> bool {
    let mut after_exponent = false;
    unsigned.chars().all(|c| {
        let fits = digit_value(c).is_some()
            || is_decimal_mark(c)
            || is_group_mark(c)
            || matches!(c, 'e' | 'E')
            || (after_exponent && matches!(c, '+' | '-'));
        after_exponent = matches!(c, 'e' | 'E');
        fits
    })
}

fn split_sign(text: &str) -> (bool, &str) {
    match text
        .strip_prefix("-")
        .or_else(|| text.strip_prefix("\u{2212}"))
    {
        Some(rest) => (true, rest),
        None => (false, text),
    }
}

fn split_exponent(text: &str) -> (&str, Option<&str>) {
    match text.find(['e', 'E']) {
        Some(at) => (text.get(..at).unwrap_or(""), text.get(at + 1..)),
        None => (text, None),
    }
}

/// The digits of a mantissa, normalised to ASCII.
struct Mantissa {
    integer: String,
    fraction: String,
    has_decimal_mark: bool,
}

fn read_mantissa(text: &str) -> Option<Mantissa> {
    let (integer_text, fraction_text) = match text.find(is_decimal_mark) {
        Some(at) => {
            let mark_len = text.get(at..)?.chars().next()?.len_utf8();
            (text.get(..at)?, Some(text.get(at + mark_len..)?))
        }
        None => (text, None),
    };
    let integer = read_grouped_integer(integer_text)?;
    let fraction = match fraction_text {
        Some(fraction) => fraction
            .chars()
            .map(ascii_digit)
            .collect::<Option<String>>()?,
        None => String::new(),
    };
    if integer.is_empty() && fraction.is_empty() {
        return None;
    }
    Some(Mantissa {
        integer,
        fraction,
        has_decimal_mark: fraction_text.is_some(),
    })
}

/// Digits of an integer part, with thousands separators checked and dropped.
fn read_grouped_integer(text: &str) -> Option<String> {
    let mut separator = None;
    let mut groups: Vec<String> = vec![String::new()];
    for c in text.chars() {
        if is_group_mark(c) {
            if *separator.get_or_insert(c) != c {
                return None;
            }
            groups.push(String::new());
        } else {
            groups.last_mut()?.push(ascii_digit(c)?);
        }
    }
    if groups.len() > 1 && !is_valid_grouping(&groups) {
        return None;
    }
    Some(groups.concat())
}

fn is_valid_grouping(groups: &[String]) -> bool {
    let mut lengths = groups.iter().map(String::len);
    let first_ok = lengths.next().is_some_and(|len| (1..=3).contains(&len));
    first_ok && lengths.all(|len| len == 3)
}

/// An exponent's optional sign and digits, as ASCII.
fn read_exponent(text: &str) -> Option<String> {
    let (sign, digits) = match text.strip_prefix("+") {
        Some(rest) => ("", rest),
        None => match text.strip_prefix("-") {
            Some(rest) => ("-", rest),
            None => ("", text),
        },
    };
    if digits.is_empty() {
        return None;
    }
    let digits: String = digits
        .chars()
        .map(ascii_digit)
        .collect::<Option<String>>()?;
    Some(format!("{sign}{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_early_refusal_keeps_every_written_number_and_stops_dates() {
        for cell in [
            "1,234.5",
            "1.5E+3",
            "2e-4",
            "۱۲٬۵۰۰",
            "١٢٣٫٤٥",
            "-7",
            "\u{2212}3",
            ".5",
            "0012",
        ] {
            assert!(read_number(cell).is_some(), "{cell:?}");
            let (_, unsigned) = split_sign(cell);
            assert!(only_number_characters(unsigned), "{cell:?}");
        }
        for cell in ["2015-01-01 08:00:46", "12/1/2010", "08:00", "12 34", "1-2"] {
            assert!(!only_number_characters(cell), "{cell:?}");
            assert_eq!(read_number(cell), None, "{cell:?}");
        }
    }

    #[test]
    fn plain_decimals_read_as_the_full_reader_reads_them() {
        let huge = "9".repeat(400);
        for cell in [
            "0",
            "-0",
            "12.50",
            "-3.25",
            "007",
            "-0012",
            "0012.50",
            "00",
            "0.1",
            "123456789012345678901234567890",
            "5.",
            ".5",
            "-",
            "-.5",
            "1.2.3",
            "1e3",
            " 12",
            "12 ",
            "+1",
            "1,234",
            &huge,
        ] {
            let full = read_written_number(cell.trim()).map(|n| n.value);
            if let Some(fast) = plain_decimal(cell) {
                assert_eq!(Some(fast.to_bits()), full.map(f64::to_bits), "{cell:?}");
            }
            if let Some(fast) = plain_number_text(cell.trim()) {
                assert_eq!(Some(fast), read_written_number(cell.trim()), "{cell:?}");
            }
            assert_eq!(
                parse_number(cell).map(f64::to_bits),
                full.map(f64::to_bits),
                "{cell:?}"
            );
        }
        assert_eq!(plain_decimal("12.50"), Some(12.5));
        assert_eq!(plain_decimal(".5"), None);
    }

    #[test]
    fn ascii_and_native_digits() {
        assert_eq!(parse_number("123456.78"), Some(123456.78));
        assert_eq!(parse_number("١٢٣٤٥٦٫٧٨"), Some(123456.78));
        assert_eq!(parse_number("١٢٣٬٤٥٦٫٧٨"), Some(123456.78));
        assert_eq!(parse_number("۱۲۳۴۵۶٫۷۸"), Some(123456.78));
        assert_eq!(parse_number("۱۲۳,۴۵۶.۷۸"), Some(123456.78));
        assert_eq!(parse_number("١۲3"), Some(123.0));
    }

    #[test]
    fn signs_spaces_and_marks() {
        assert_eq!(parse_number("  -12 "), Some(-12.0));
        assert_eq!(parse_number("\u{2212}12"), Some(-12.0));
        assert_eq!(parse_number("\u{061C}-١٢"), Some(-12.0));
        assert_eq!(parse_number("\u{200F}١٢٣\u{200F}"), Some(123.0));
        assert_eq!(parse_number("+12"), None);
        assert_eq!(parse_number("--12"), None);
        assert_eq!(parse_number("-"), None);
    }

    #[test]
    fn thousands_only_when_unambiguous() {
        assert_eq!(parse_number("1,234"), Some(1234.0));
        assert_eq!(parse_number("1,234,567.5"), Some(1234567.5));
        assert_eq!(parse_number("12,34"), None);
        assert_eq!(parse_number("1234,567"), None);
        assert_eq!(parse_number("١٢٣٤٥٦,٧٨"), None);
        assert_eq!(parse_number("1,234٬567"), None);
        assert_eq!(parse_number(",123"), None);
        assert_eq!(parse_number("1.234,5"), None);
    }

    #[test]
    fn fractions_and_exponents() {
        assert_eq!(parse_number(".5"), Some(0.5));
        assert_eq!(parse_number("5."), Some(5.0));
        assert_eq!(parse_number("1.5E+3"), Some(1500.0));
        assert_eq!(parse_number("2e-2"), Some(0.02));
        assert_eq!(parse_number("1e400"), None);
        assert_eq!(parse_number("1e"), None);
        assert_eq!(parse_number("e5"), None);
    }

    #[test]
    fn everything_else_is_none() {
        for cell in [
            "",
            " ",
            ".",
            "nan",
            "inf",
            "infinity",
            "50%",
            "٪٥٠",
            "$5",
            "12/05",
            "۱۲۳۴۵۶/۷۸",
            "1 234",
            "0x10",
            "1.2.3",
            "abc",
        ] {
            assert_eq!(parse_number(cell), None, "{cell:?}");
        }
    }

    #[test]
    fn shape_of_the_text() {
        let padded = read_number("00042");
        assert_eq!(
            padded.map(|n| (n.is_integer, n.zero_padded, n.integer_digits)),
            Some((true, true, 5))
        );
        let decimal = read_number("0.5");
        assert_eq!(
            decimal.map(|n| (n.is_integer, n.zero_padded)),
            Some((false, false))
        );
        assert_eq!(read_number("0").map(|n| n.zero_padded), Some(false));
    }
}
