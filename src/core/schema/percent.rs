//! Percentages: `50%`, `12.5 %`, `٪۵۰`, `۵۰٪`, `۲۰ درصد`.

use super::amount::read_any_number;
use super::number::visible_text;

/// `%`, the Arabic percent sign U+066A, the small and full-width forms, and
/// the Persian and Arabic words, before or after the number.
const PERCENT_MARKS: [&str; 7] = ["%", "٪", "﹪", "％", "درصد", "بالمئة", "بالمائة"];

/// The number of a percentage as written: 50 for `50%` (not 0.5). The
/// number may use any digit script and a decimal point or comma.
pub fn parse_percent(cell: &str) -> Option<f64> {
    // Every mark but `%` is outside ASCII: an ASCII cell without `%` (an
    // id like C0000001, tried here once per distinct value) has none.
    if cell.is_ascii() && !cell.as_bytes().contains(&b'%') {
        return None;
    }
    let visible = visible_text(cell);
    let text = visible.trim();
    let (first, last) = (text.as_bytes().first()?, text.as_bytes().last()?);
    PERCENT_MARKS.iter().find_map(|mark| {
        // A mark stands where the text has its first or last byte.
        let bytes = mark.as_bytes();
        let suffix = (bytes.last() == Some(last))
            .then(|| text.strip_suffix(mark))
            .flatten();
        let prefix = || {
            (bytes.first() == Some(first))
                .then(|| text.strip_prefix(mark))
                .flatten()
        };
        read_any_number(suffix.or_else(prefix)?.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_percent_is_an_ascii_mark() {
        let ascii: Vec<&str> = PERCENT_MARKS.into_iter().filter(|m| m.is_ascii()).collect();
        assert_eq!(ascii, ["%"]);
    }

    #[test]
    fn percentages() {
        for (cell, value) in [
            ("50%", 50.0),
            ("12.5 %", 12.5),
            ("-3%", -3.0),
            ("%50", 50.0),
            ("٪٥٠", 50.0),
            ("۵۰٪", 50.0),
            ("۱۲٫۵٪", 12.5),
            ("12,5 %", 12.5),
            ("۲۰ درصد", 20.0),
            ("\u{200F}۵۰٪", 50.0),
        ] {
            assert_eq!(parse_percent(cell), Some(value), "{cell:?}");
        }
    }

    #[test]
    fn not_percentages() {
        for cell in ["50", "%", "50%%", "abc%", "5 0%", ""] {
            assert_eq!(parse_percent(cell), None, "{cell:?}");
        }
    }
}
