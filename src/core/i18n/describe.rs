//! Core's data about a file (warnings, errors, types, delimiters) put into
//! words in the UI language. Kept in core so every message is testable
//! natively and the app stays a thin layer.

use super::{format_count, tr, tr_args, tr_count, Lang};
use crate::core::ingest::{Delimiter, IngestError, Warning, WarningKind};
use crate::core::schema::{Calendar, ColumnGuess, ColumnType, DateOrder, Misfit, Role};

fn count(n: impl TryInto<u64>, lang: Lang) -> String {
    format_count(n.try_into().unwrap_or(u64::MAX), lang)
}

pub fn describe_delimiter(lang: Lang, delimiter: Delimiter) -> String {
    let key = match delimiter {
        Delimiter::Comma => "delimiter.comma",
        Delimiter::Semicolon => "delimiter.semicolon",
        Delimiter::Tab => "delimiter.tab",
        Delimiter::Pipe => "delimiter.pipe",
        Delimiter::Whitespace => "delimiter.whitespace",
    };
    tr(lang, key)
}

pub fn describe_column_type(lang: Lang, column_type: ColumnType) -> String {
    let key = match column_type {
        ColumnType::Empty => "type.empty",
        ColumnType::Integer => "type.integer",
        ColumnType::Decimal => "type.decimal",
        ColumnType::Money => "type.money",
        ColumnType::Percent => "type.percent",
        ColumnType::Boolean => "type.boolean",
        ColumnType::Date => "type.date",
        ColumnType::DateTime => "type.datetime",
        ColumnType::Category => "type.category",
        ColumnType::Text => "type.text",
        ColumnType::Identifier => "type.identifier",
    };
    tr(lang, key)
}

/// How a date column's `a/b/yyyy` cells are read; `Ambiguous` asks the
/// user to choose.
pub fn describe_date_order(lang: Lang, order: DateOrder) -> String {
    let key = match order {
        DateOrder::DayFirst => "date_order.day_first",
        DateOrder::MonthFirst => "date_order.month_first",
        DateOrder::Ambiguous => "date_order.ambiguous",
    };
    tr(lang, key)
}

pub fn describe_calendar(lang: Lang, calendar: Calendar) -> String {
    let key = match calendar {
        Calendar::Gregorian => "calendar.gregorian",
        Calendar::Jalali => "calendar.jalali",
    };
    tr(lang, key)
}

/// "12 values do not fit “Date”…", or None when every value fits. The count
/// is the exact `invalid`, not the length of the (capped) list.
pub fn describe_misfits(lang: Lang, guess: &ColumnGuess) -> Option<String> {
    (guess.invalid > 0).then(|| {
        tr_count(
            lang,
            "misfits.summary",
            guess.invalid as u64,
            &[("type", &describe_column_type(lang, guess.column_type))],
        )
    })
}

/// One misfit: "Data row 7: “31/02/2023”", the row counted from 1 after the
/// header.
pub fn describe_misfit(lang: Lang, misfit: &Misfit) -> String {
    tr_args(
        lang,
        "misfits.item",
        &[
            ("row", &count(misfit.row.saturating_add(1), lang)),
            ("value", &misfit.value),
        ],
    )
}

/// A role's name, e.g. "Age" / "العمر" / "سن" (keys `role.<snake_case>`).
pub fn describe_role(lang: Lang, role: Role) -> String {
    tr(lang, &format!("role.{}", role.key()))
}

pub fn describe_ingest_error(lang: Lang, error: &IngestError) -> String {
    let megabytes = |bytes: u64| count(bytes / 1_000_000, lang);
    match error {
        IngestError::Empty => tr(lang, "error.empty"),
        IngestError::NotText => tr(lang, "error.not_text"),
        IngestError::UnclosedQuote { row, column } => tr_args(
            lang,
            "error.unclosed_quote",
            &[
                ("row", &count(*row, lang)),
                ("column", &count(*column, lang)),
            ],
        ),
        IngestError::Unreadable { row, message } => tr_args(
            lang,
            "error.unreadable",
            &[("row", &count(*row, lang)), ("message", message)],
        ),
        IngestError::UnknownEncoding { label } => {
            tr_args(lang, "error.unknown_encoding", &[("label", label)])
        }
        IngestError::TooLarge { bytes } => tr_args(
            lang,
            "error.too_large",
            &[("megabytes", &megabytes(*bytes))],
        ),
        // The errors only a workbook (.xlsx, .xls) can raise.
        IngestError::NotAWorkbook => tr(lang, "error.not_a_workbook"),
        IngestError::XlsNotSupported => tr(lang, "error.xls_not_supported"),
        IngestError::WorkbookTooLarge {
            uncompressed,
            allowed,
        } => tr_args(
            lang,
            "error.workbook_too_large",
            &[
                ("megabytes", &megabytes(*uncompressed)),
                ("allowed", &megabytes(*allowed)),
            ],
        ),
        IngestError::SuspiciousCompression {
            entry,
            ratio,
            allowed,
        } => tr_args(
            lang,
            "error.suspicious_compression",
            &[
                ("entry", entry),
                ("ratio", &count(*ratio, lang)),
                ("allowed", &count(*allowed, lang)),
            ],
        ),
        IngestError::SheetTooLarge {
            sheet,
            rows,
            columns,
            allowed_cells,
        } => tr_args(
            lang,
            "error.sheet_too_large",
            &[
                ("sheet", sheet),
                ("rows", &count(*rows, lang)),
                ("columns", &count(*columns, lang)),
                ("allowed", &count(*allowed_cells, lang)),
            ],
        ),
        IngestError::SheetTextTooLarge { sheet, allowed } => tr_args(
            lang,
            "error.sheet_text_too_large",
            &[("sheet", sheet), ("megabytes", &megabytes(*allowed))],
        ),
        IngestError::NoSuchSheet { name } => {
            tr_args(lang, "error.no_such_sheet", &[("sheet", name)])
        }
        IngestError::BadWorkbook { message } => {
            tr_args(lang, "error.bad_workbook", &[("message", message)])
        }
    }
}

pub fn describe_warning(lang: Lang, warning: &Warning) -> String {
    let row = count(warning.row, lang);
    let column = count(warning.column.unwrap_or(0), lang);
    match &warning.kind {
        WarningKind::RaggedRow { expected, found } => tr_args(
            lang,
            "warning.ragged_row",
            &[
                ("row", &row),
                ("found", &count(*found, lang)),
                ("expected", &count(*expected, lang)),
                ("column", &column),
            ],
        ),
        WarningKind::DuplicateHeader { name, renamed } => tr_args(
            lang,
            "warning.duplicate_header",
            &[("column", &column), ("name", name), ("renamed", renamed)],
        ),
        WarningKind::EmptyHeader { renamed } => tr_args(
            lang,
            "warning.empty_header",
            &[("column", &column), ("renamed", renamed)],
        ),
        WarningKind::InvalidUtf8 { replaced } => tr_args(
            lang,
            "warning.invalid_utf8",
            &[("count", &count(*replaced, lang))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ragged_row_names_row_and_column_in_each_language() {
        let warning = Warning {
            row: 12,
            column: Some(4),
            kind: WarningKind::RaggedRow {
                expected: 5,
                found: 3,
            },
        };
        let en = describe_warning(Lang::En, &warning);
        assert!(en.contains("Row 12") && en.contains("column 4"), "{en}");
        let fa = describe_warning(Lang::Fa, &warning);
        assert!(fa.contains("۱۲") && fa.contains("۴"), "{fa}");
        let ar = describe_warning(Lang::Ar, &warning);
        assert!(ar.contains("١٢") && ar.contains("٤"), "{ar}");
    }

    #[test]
    fn every_role_is_named_in_every_language() {
        for lang in Lang::ALL {
            for role in Role::all() {
                let key = format!("role.{}", role.key());
                let name = describe_role(lang, role);
                assert_ne!(name, key, "{key} missing in {lang:?}");
                assert!(
                    super::super::catalogue(lang).get(&key).is_some(),
                    "{key} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn date_orders_calendars_and_misfits_in_each_language() {
        let guess = ColumnGuess {
            column_type: ColumnType::Date,
            confidence: 0.5,
            missing: 0,
            invalid: 1234,
            examples: vec![],
            misfits: vec![],
            date_order: Some(DateOrder::Ambiguous),
            calendar: Some(Calendar::Jalali),
        };
        let misfit = Misfit {
            row: 6,
            value: "31/02/2023".into(),
        };
        for lang in Lang::ALL {
            for order in [
                DateOrder::DayFirst,
                DateOrder::MonthFirst,
                DateOrder::Ambiguous,
            ] {
                assert!(!describe_date_order(lang, order).contains("date_order."));
            }
            for calendar in [Calendar::Gregorian, Calendar::Jalali] {
                assert!(!describe_calendar(lang, calendar).contains("calendar."));
            }
            for column_type in ColumnType::ALL {
                assert!(!describe_column_type(lang, column_type).starts_with("type."));
            }
            let summary = describe_misfits(lang, &guess).unwrap_or_default();
            assert!(
                summary.contains(&describe_column_type(lang, ColumnType::Date)),
                "{summary}"
            );
            assert!(!summary.contains('{'), "{summary}");
            let item = describe_misfit(lang, &misfit);
            assert!(item.contains("31/02/2023") && !item.contains('{'), "{item}");
        }
        let en = describe_misfits(Lang::En, &guess).unwrap_or_default();
        assert!(en.starts_with("1,234 values"), "{en}");
        assert!(describe_misfit(Lang::Fa, &misfit).contains('۷'));
        assert!(describe_misfit(Lang::Ar, &misfit).contains('٧'));
        let fine = ColumnGuess {
            invalid: 0,
            ..guess
        };
        assert_eq!(describe_misfits(Lang::En, &fine), None);
    }

    #[test]
    fn unclosed_quote_says_where() {
        let text =
            describe_ingest_error(Lang::En, &IngestError::UnclosedQuote { row: 7, column: 2 });
        assert!(
            text.contains("row 7") && text.contains("column 2"),
            "{text}"
        );
    }
}
