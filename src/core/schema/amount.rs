//! Numbers written with a decimal comma, as much of Europe, and some Arabic
//! and Persian files, write money: `52.300,00`, `12,50`.
//!
//! [`super::parse_number`] refuses these on purpose (`12,34` alone could be
//! a grouping typo); money and percent cells, where the shape is
//! unmistakable, read them here.

use super::number::{digit_value, read_number};

/// How many digits follow the decimal comma; money writes two.
pub(crate) struct CommaDecimal {
    pub value: f64,
    pub fraction_digits: usize,
}

/// `1.234.567,89`, `52.300,00`, `12,5`, `-3,25`, in any digit script: a
/// comma followed by one or two digits, and before it digits either plain
/// or grouped in threes by `.`. Three digits after the comma (`1,234`) is a
/// thousands separator, not this.
pub(crate) fn read_comma_decimal(text: &str) -> Option<CommaDecimal> {
    // A byte search: most cells tried here have no comma, and `rsplit_once`
    // set up a char searcher for each (7% of loading a file of ids).
    let comma = text.bytes().rposition(|b| b == b',')?;
    let (integer, fraction) = (text.get(..comma)?, text.get(comma + 1..)?);
    let fraction_digits = fraction.chars().count();
    if !(1..=2).contains(&fraction_digits) || !fraction.chars().all(is_digit) {
        return None;
    }
    let (sign, integer) = match integer.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => ("-", rest),
        None => ("", integer),
    };
    let groups: Vec<&str> = integer.split('.').collect();
    let grouped_ok = groups.iter().enumerate().all(|(i, group)| {
        let len = group.chars().count();
        let len_ok = if groups.len() == 1 {
            len >= 1
        } else if i == 0 {
            (1..=3).contains(&len)
        } else {
            len == 3
        };
        len_ok && group.chars().all(is_digit)
    });
    if !grouped_ok {
        return None;
    }
    let plain = format!("{sign}{}.{fraction}", groups.concat());
    let value = read_number(&plain)?.value;
    Some(CommaDecimal {
        value,
        fraction_digits,
    })
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// A plain number ([`read_number`]) or a comma-decimal one.
pub(crate) fn read_any_number(text: &str) -> Option<f64> {
    read_number(text)
        .map(|n| n.value)
        .or_else(|| read_comma_decimal(text).map(|n| n.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        read_comma_decimal(text).map(|n| n.value)
    }

    #[test]
    fn comma_decimals() {
        assert_eq!(value("52.300,00"), Some(52300.0));
        assert_eq!(value("1.234.567,89"), Some(1234567.89));
        assert_eq!(value("12,50"), Some(12.5));
        assert_eq!(value("12,5"), Some(12.5));
        assert_eq!(value("-3,25"), Some(-3.25));
        assert_eq!(value("۵۲.۳۰۰,۰۰"), Some(52300.0));
    }

    #[test]
    fn not_comma_decimals() {
        for text in [
            "1,234",
            "12,345",
            "52.30,00",
            "1.2345,00",
            ",50",
            "12,",
            "a,50",
            "1,2,3",
            "12.50",
        ] {
            assert_eq!(value(text), None, "{text:?}");
        }
    }
}
