//! A workbook cell as the text a user sees, so that the rest of Nimrokh
//! (types, roles, statistics) reads it exactly like a CSV cell.
//!
//! Number formats (currency, percent, thousands separators) are not
//! applied: a cell shown as "12%" is read as its value, "0.12".

use std::fmt::Write;

use calamine::{DataRef, ExcelDateTime};

/// Append the text of `value` to `out`:
/// - strings as they are;
/// - integers without ".0", other numbers in their shortest round-trip
///   decimal form (`0.1`, `1250.5`, `0.0000001`);
/// - dates `yyyy-mm-dd`, date-times `yyyy-mm-ddTHH:MM:SS` (with `.mmm`
///   only when there are milliseconds), times of day `HH:MM:SS`, durations
///   `H:MM:SS` with as many hours as needed; the workbook's 1900 or 1904
///   date system is applied by calamine;
/// - booleans `TRUE` / `FALSE`, as Excel shows them;
/// - errors as Excel writes them (`#N/A`, `#DIV/0!`), which the missing
///   value detector then treats as it treats them in a CSV;
/// - empty cells as nothing.
pub(crate) fn push_cell_text(out: &mut String, value: &DataRef<'_>) {
    match value {
        DataRef::Empty => {}
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            out.push_str(text)
        }
        DataRef::SharedString(text) => out.push_str(text),
        DataRef::Int(number) => {
            let _ = write!(out, "{number}");
        }
        DataRef::Float(number) => push_float(out, *number),
        DataRef::Bool(true) => out.push_str("TRUE"),
        DataRef::Bool(false) => out.push_str("FALSE"),
        DataRef::DateTime(when) => push_date_time(out, when),
        DataRef::Error(error) => {
            let _ = write!(out, "{error}");
        }
    }
}

/// Rust's `Display` for `f64` is the shortest text that reads back as the
/// same number, without an exponent, and without ".0" for whole numbers.
fn push_float(out: &mut String, number: f64) {
    if number == 0.0 {
        // Also -0.0, which Excel shows as 0.
        out.push('0');
    } else {
        let _ = write!(out, "{number}");
    }
}

fn push_date_time(out: &mut String, when: &ExcelDateTime) {
    if when.is_duration() {
        push_duration(out, when.as_f64());
        return;
    }
    let serial = when.as_f64();
    let (year, month, day, hour, minute, second, milli) = when.to_ymd_hms_milli();
    let has_time = (hour, minute, second, milli) != (0, 0, 0, 0);
    if (0.0..1.0).contains(&serial) && has_time {
        // A time of day with no date (format "h:mm"): day 0 is not a date.
        push_time(out, hour, minute, second, milli);
        return;
    }
    let _ = write!(out, "{year:04}-{month:02}-{day:02}");
    if has_time {
        out.push('T');
        push_time(out, hour, minute, second, milli);
    }
}

fn push_time(out: &mut String, hour: u8, minute: u8, second: u8, milli: u16) {
    let _ = write!(out, "{hour:02}:{minute:02}:{second:02}");
    if milli != 0 {
        let _ = write!(out, ".{milli:03}");
    }
}

/// Elapsed time in days (format "[h]:mm:ss") as hours:minutes:seconds.
fn push_duration(out: &mut String, days: f64) {
    let seconds = (days * 86_400.0).round();
    if seconds < 0.0 {
        out.push('-');
    }
    // Saturating casts: a NaN or absurd value cannot panic.
    let total = seconds.abs() as u64;
    let _ = write!(
        out,
        "{}:{:02}:{:02}",
        total / 3600,
        total / 60 % 60,
        total % 60
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    fn text(value: DataRef<'_>) -> String {
        let mut out = String::new();
        push_cell_text(&mut out, &value);
        out
    }

    fn date_time(serial: f64, is_1904: bool) -> String {
        text(DataRef::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            is_1904,
        )))
    }

    #[test]
    fn numbers_read_as_a_person_writes_them() {
        assert_eq!(text(DataRef::Int(-42)), "-42");
        assert_eq!(text(DataRef::Float(34.0)), "34");
        assert_eq!(text(DataRef::Float(1250.5)), "1250.5");
        assert_eq!(text(DataRef::Float(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(text(DataRef::Float(1e-7)), "0.0000001");
        assert_eq!(text(DataRef::Float(-0.0)), "0");
        assert_eq!(text(DataRef::Float(123456789012.0)), "123456789012");
    }

    #[test]
    fn booleans_errors_and_empty() {
        assert_eq!(text(DataRef::Bool(true)), "TRUE");
        assert_eq!(text(DataRef::Bool(false)), "FALSE");
        assert_eq!(text(DataRef::Error(CellErrorType::NA)), "#N/A");
        assert_eq!(text(DataRef::Error(CellErrorType::Div0)), "#DIV/0!");
        assert_eq!(text(DataRef::Empty), "");
        assert_eq!(text(DataRef::SharedString("نیم‌رخ")), "نیم‌رخ");
    }

    #[test]
    fn dates_in_both_date_systems() {
        // Serials checked by hand: 1900 system, day 1 = 1900-01-01 and the
        // phantom 1900-02-29 counted; 1904 system, day 0 = 1904-01-01.
        assert_eq!(date_time(44941.0, false), "2023-01-15");
        assert_eq!(date_time(61.0, false), "1900-03-01");
        assert_eq!(date_time(45360.5, false), "2024-03-09T12:00:00");
        assert_eq!(date_time(42506.0, true), "2020-05-17");
        assert_eq!(date_time(1.25, true), "1904-01-02T06:00:00");
        assert_eq!(date_time(0.75, false), "18:00:00");
        assert_eq!(
            date_time(0.5 + 1.0 / 86_400_000.0 * 5.0, false),
            "12:00:00.005"
        );
    }

    #[test]
    fn durations_count_hours_past_a_day() {
        let duration = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(text(DataRef::DateTime(duration)), "36:00:00");
    }
}
