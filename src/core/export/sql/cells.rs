//! How the SQL reads a cell, and where that differs from the engine.
//!
//! The engine reads numbers in any digit script, money (`$52,300.00`),
//! percentages, and dates in many shapes (Jalali too). SQL cannot do all
//! of that portably, so the generated SQL reads only:
//! - numbers written plainly: `-?digits[.digits]` with an optional
//!   exponent, after trimming spaces (`TRY_CAST` of that text);
//! - dates whose first word is `yyyy-mm-dd`, `yyyymmdd`, or `a/b/yyyy` /
//!   `a/b/yy` in the column's day/month order.
//!
//! Rather than pretend, [`number_gap`] and [`day_gap`] run the same rules
//! natively over the column (the `plain_*` mirrors below) and count the
//! cells the engine reads differently; the header names those columns.
//!
//! Missing cells are SQL NULL, or one of the engine's markers (`NA`,
//! `null`, `-`, …) after trimming spaces. Text is compared after the
//! engine's folding (case, spaces, dots, Arabic/Persian letter variants,
//! digit scripts) written as `LOWER` + `TRANSLATE`.

use super::dialect::SqlDialect;
use crate::core::calendar::{day_number, parse_day};
use crate::core::schema::{is_missing, parse_measure, DateOrder};
use crate::core::table::TextColumn;

/// The engine's missing markers (`schema::is_missing`), lower-cased.
const MISSING_MARKERS: [&str; 7] = ["", "na", "n/a", "null", "-", "#n/a", "nan"];

/// The plain-number shape the SQL reads (no backslashes: see
/// [`SqlDialect::full_match`]).
const PLAIN_NUMBER: &str = "-?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?";

/// TRUE when the cell `x` is missing as the engine reads it.
pub fn missing(d: SqlDialect, x: &str) -> String {
    let markers: Vec<String> = MISSING_MARKERS.iter().map(|m| d.string(m)).collect();
    format!(
        "({x} IS NULL OR LOWER(TRIM({x})) IN ({}))",
        markers.join(", ")
    )
}

/// The cell `x` as a double when written as a plain number, else NULL.
pub fn number(d: SqlDialect, x: &str) -> String {
    let trimmed = format!("TRIM({x})");
    format!(
        "CASE WHEN {} THEN {} END",
        d.full_match(&trimmed, PLAIN_NUMBER),
        d.try_double(&trimmed)
    )
}

/// Characters the engine's `fold_key` maps to another (first string) and
/// the one it maps to (second), then those it drops.
const FOLD_FROM: &str = "\u{064A}\u{0649}\u{0643}\u{0629}\u{0660}\u{0661}\u{0662}\u{0663}\u{0664}\u{0665}\u{0666}\u{0667}\u{0668}\u{0669}\u{06F0}\u{06F1}\u{06F2}\u{06F3}\u{06F4}\u{06F5}\u{06F6}\u{06F7}\u{06F8}\u{06F9}";
const FOLD_TO: &str = "\u{06CC}\u{06CC}\u{06A9}\u{0647}01234567890123456789";
const FOLD_DROP: &str = " \t\n\r\u{00A0}.\u{200C}\u{200D}\u{0640}\u{200E}\u{200F}\u{061C}\u{FEFF}";

/// The cell `x` folded as `quality::fold_key` folds it (case, spaces,
/// dots, ي/ی, ك/ک, ة/ه, ۀ, digit scripts).
pub fn fold(d: SqlDialect, x: &str) -> String {
    format!(
        "TRANSLATE(REPLACE(LOWER({x}), {}, {}), {}, {})",
        d.string("\u{06C0}"),
        d.string("\u{0647}\u{0654}"),
        d.string(&format!("{FOLD_FROM}{FOLD_DROP}")),
        d.string(FOLD_TO)
    )
}

/// The cell `x` as a DATE (see the module docs), NULL when it does not read.
pub fn day(d: SqlDialect, x: &str, order: Option<DateOrder>) -> String {
    let word = d.first_word(&format!("TRIM({x})"));
    let (slash4, slash2) = match order {
        Some(DateOrder::DayFirst) => ("%d/%m/%Y", "%d/%m/%y"),
        _ => ("%m/%d/%Y", "%m/%d/%y"),
    };
    let shapes = [
        ("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", "%Y-%m-%d"),
        ("[0-9]{8}", "%Y%m%d"),
        ("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", slash4),
        ("[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}", slash2),
    ];
    let whens: Vec<String> = shapes
        .iter()
        .map(|(shape, format)| {
            format!(
                "WHEN {} THEN {}",
                d.full_match(&word, shape),
                d.try_date(&word, format)
            )
        })
        .collect();
    format!("CASE {} END", whens.join(" "))
}

/// The text SQL's `TRIM` leaves (spaces only, unlike Rust's `trim`).
fn sql_trim(cell: &str) -> &str {
    cell.trim_matches(' ')
}

/// What [`number`] gives for `cell`, natively.
pub fn plain_number(cell: &str) -> Option<f64> {
    let text = sql_trim(cell);
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (unsigned.get(..at)?, Some(unsigned.get(at + 1..)?)),
        None => (unsigned, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (integer, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mantissa_ok =
        digits(integer) && digits(fraction) && !(integer.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if !(mantissa_ok && exponent_ok) {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// What [`day`] gives for `cell`, natively, as a day number.
pub fn plain_day(cell: &str, order: Option<DateOrder>) -> Option<i32> {
    let word = sql_trim(cell).split(' ').next().unwrap_or("");
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if word.len() == 8 && !word.contains(['-', '/']) {
        let year = i32::try_from(number(word.get(..4)?)?).ok()?;
        return day_number(year, number(word.get(4..6)?)?, number(word.get(6..)?)?);
    }
    let fields: Vec<&str> = word.split(['-', '/']).collect();
    let [a, b, c] = fields.as_slice() else {
        return None;
    };
    if word.contains('-') && !word.contains('/') && a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
        return day_number(i32::try_from(number(a)?).ok()?, number(b)?, number(c)?);
    }
    if word.contains('/') && !word.contains('-') && a.len() <= 2 && b.len() <= 2 {
        let (month, day) = match order {
            Some(DateOrder::DayFirst) => (number(b)?, number(a)?),
            _ => (number(a)?, number(b)?),
        };
        let year = i32::try_from(number(c)?).ok()?;
        let year = match c.len() {
            4 => year,
            2 if year >= 69 => 1900 + year,
            2 => 2000 + year,
            _ => return None,
        };
        return day_number(year, month, day);
    }
    None
}

/// Cells of a column the engine reads differently from the SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingGap {
    pub column: String,
    /// Non-missing cells whose value differs.
    pub cells: usize,
    /// The first of them, as written.
    pub example: String,
}

fn gap(name: &str, cells: &TextColumn, differs: impl Fn(&str) -> bool) -> Option<ReadingGap> {
    let mut found: Option<ReadingGap> = None;
    for cell in cells.iter().filter(|c| !is_missing(c) && differs(c)) {
        match &mut found {
            Some(gap) => gap.cells += 1,
            None => {
                found = Some(ReadingGap {
                    column: name.to_string(),
                    cells: 1,
                    example: cell.to_string(),
                })
            }
        }
    }
    found
}

/// The column's cells that `parse_measure` reads but [`number`] does not
/// read the same (money, grouped thousands, other digit scripts, %).
pub fn number_gap(name: &str, cells: &TextColumn) -> Option<ReadingGap> {
    gap(name, cells, |cell| {
        let engine = parse_measure(cell).filter(|v| v.is_finite());
        engine != plain_number(cell)
    })
}

/// The column's cells whose day the engine reads differently from [`day`].
pub fn day_gap(name: &str, cells: &TextColumn, order: Option<DateOrder>) -> Option<ReadingGap> {
    gap(name, cells, |cell| {
        parse_day(cell, order) != plain_day(cell, order)
    })
}

/// The header's lines about gaps (none: one line saying so).
pub fn gap_lines(gaps: &[ReadingGap]) -> Vec<String> {
    if gaps.is_empty() {
        return vec!["Every cell used reads the same in SQL as in Nimrokh.".to_string()];
    }
    let mut lines = vec![
        "NEEDS CLEAN VALUES: these columns hold cells SQL cannot read as Nimrokh does".to_string(),
        "(money, thousands separators, other digit scripts, other date shapes);".to_string(),
        "clean them to plain numbers / yyyy-mm-dd first, or those rows may differ:".to_string(),
    ];
    lines.extend(gaps.iter().map(|g| {
        format!(
            "  {}: {} cell(s), e.g. {:?}",
            g.column,
            g.cells,
            g.example.chars().take(40).collect::<String>()
        )
    }));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::Table;

    #[test]
    fn plain_numbers_read_as_sql_reads_them() {
        assert_eq!(plain_number(" 42 "), Some(42.0));
        assert_eq!(plain_number("-1.5e3"), Some(-1500.0));
        assert_eq!(plain_number(".5"), Some(0.5));
        assert_eq!(plain_number("5."), Some(5.0));
        for text in ["$5", "1,000", "۴۲", "+3", "nan", "inf", "1e", "", "."] {
            assert_eq!(plain_number(text), None, "{text}");
        }
    }

    #[test]
    fn plain_days_follow_the_shapes() {
        let day = |y, m, d| day_number(y, m, d);
        assert_eq!(plain_day("2024-01-05 10:30", None), day(2024, 1, 5));
        assert_eq!(plain_day("19970101", None), day(1997, 1, 1));
        assert_eq!(plain_day("12/1/10 8:26", None), day(2010, 12, 1));
        assert_eq!(
            plain_day("1/12/2010", Some(DateOrder::DayFirst)),
            day(2010, 12, 1)
        );
        assert_eq!(plain_day("1/12/70", None), day(1970, 1, 12));
        assert_eq!(plain_day("1402/05/12", None), None);
    }

    #[test]
    fn gaps_name_the_cells_that_read_differently() {
        let table = Table::from_rows(
            &["m", "d"],
            &[
                &["$1,200.00", "1402/05/12"],
                &["12", "2024-01-01"],
                &["NA", ""],
                &["۵", "x"],
            ],
        );
        let money = number_gap("m", &table.columns[0].cells).unwrap();
        assert_eq!((money.cells, money.example.as_str()), (2, "$1,200.00"));
        let days = day_gap("d", &table.columns[1].cells, None).unwrap();
        assert_eq!(days.cells, 1, "x reads in neither");
        let clean = Table::from_rows(&["x"], &[&["1"], &["2.5"]]);
        assert_eq!(number_gap("x", &clean.columns[0].cells), None);
    }
}
