//! Numbers shown in the language's own digits and separators: Arabic uses
//! Arabic-Indic digits (٠-٩), Persian its own (۰-۹); both group with `٬`
//! (U+066C) and mark decimals with `٫` (U+066B).

use super::Lang;

const ARABIC_INDIC: [char; 10] = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];
const PERSIAN: [char; 10] = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];

fn digit_set(lang: Lang) -> Option<&'static [char; 10]> {
    match lang {
        Lang::En => None,
        Lang::Ar => Some(&ARABIC_INDIC),
        Lang::Fa => Some(&PERSIAN),
    }
}

/// Replace ASCII digits, `,` grouping and `.` decimal marks of an already
/// formatted number with the language's own.
pub fn localize_digits(formatted: &str, lang: Lang) -> String {
    let Some(digits) = digit_set(lang) else {
        return formatted.to_string();
    };
    formatted
        .chars()
        .map(|c| match c {
            '0'..='9' => c
                .to_digit(10)
                .and_then(|d| digits.get(d as usize).copied())
                .unwrap_or(c),
            ',' => '٬',
            '.' => '٫',
            other => other,
        })
        .collect()
}

fn group_thousands(integer_digits: &str) -> String {
    let len = integer_digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in integer_digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole count with thousands grouping in the language's digits.
pub fn format_count(n: u64, lang: Lang) -> String {
    localize_digits(&group_thousands(&n.to_string()), lang)
}

/// A decimal with `places` decimals, grouped, in the language's digits.
/// Non-finite values are shown as "—" rather than "NaN".
pub fn format_decimal(x: f64, places: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let fixed = format!("{:.*}", places, x.abs());
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::new();
    if x < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    out.push_str(&group_thousands(int_part));
    if !frac_part.is_empty() {
        out.push('.');
        out.push_str(frac_part);
    }
    localize_digits(&out, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_each_language() {
        assert_eq!(format_count(1234567, Lang::En), "1,234,567");
        assert_eq!(format_count(1234567, Lang::Ar), "١٬٢٣٤٬٥٦٧");
        assert_eq!(format_count(1234567, Lang::Fa), "۱٬۲۳۴٬۵۶۷");
        assert_eq!(format_count(0, Lang::Fa), "۰");
        assert_eq!(format_count(999, Lang::En), "999");
    }

    #[test]
    fn decimals_keep_sign_and_grouping() {
        assert_eq!(format_decimal(-1234.5, 2, Lang::En), "-1,234.50");
        assert_eq!(format_decimal(-0.001, 2, Lang::En), "0.00");
        assert_eq!(format_decimal(12.5, 1, Lang::Fa), "۱۲٫۵");
        assert_eq!(format_decimal(f64::NAN, 1, Lang::En), "—");
    }
}
