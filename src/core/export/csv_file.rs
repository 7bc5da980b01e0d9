//! A table as a CSV file Excel opens right and cannot be tricked by: UTF-8
//! with a BOM (or Excel reads Arabic as mojibake), CRLF line ends, RFC 4180
//! quoting, and cells that would start a formula neutralised.

use crate::core::schema::parse_number;
use crate::core::table::Table;

/// A cell made safe for spreadsheets (OWASP "CSV injection"): text that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, so Excel and LibreOffice show it instead of evaluating it.
/// A real number ("-12.5", "+98") stays as it is, so it stays a number.
pub fn neutralise_formula(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && parse_number(cell).is_none() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Quote a field when it holds a comma, a quote or a line break.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// The whole table, header first, as the text of a `.csv` file.
pub fn table_to_csv(table: &Table) -> String {
    let mut out = String::from("\u{FEFF}");
    let line = |cells: &mut dyn Iterator<Item = String>| {
        cells
            .map(|c| quote(&neutralise_formula(&c)))
            .collect::<Vec<_>>()
            .join(",")
    };
    out.push_str(&line(&mut table.columns.iter().map(|c| c.name.clone())));
    out.push_str("\r\n");
    for row in 0..table.row_count() {
        out.push_str(&line(
            &mut table
                .columns
                .iter()
                .map(|c| c.cells.get(row).unwrap_or("").to_string()),
        ));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ingest::read_table;
    use crate::core::table::{Column, TextColumn};

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(
            neutralise_formula("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise_formula("+98 912"), "'+98 912");
        assert_eq!(neutralise_formula("\tcmd"), "'\tcmd");
        assert_eq!(neutralise_formula("-12.5"), "-12.5");
        // A leading plus is not how numbers are written in our files: kept as text.
        assert_eq!(neutralise_formula("+3"), "'+3");
        assert_eq!(neutralise_formula("-"), "'-");
        assert_eq!(neutralise_formula("Tehran"), "Tehran");
    }

    #[test]
    fn round_trips_through_our_reader_with_bom_and_quotes() {
        let table = Table {
            columns: vec![
                Column {
                    name: "نام".into(),
                    cells: ["Ali, Jr.", "Sara \"S\"", "line\nbreak"]
                        .into_iter()
                        .collect::<TextColumn>(),
                },
                Column {
                    name: "amount".into(),
                    cells: ["-12.5", "=1+1", "3"].into_iter().collect::<TextColumn>(),
                },
            ],
        };
        let csv = table_to_csv(&table);
        assert!(csv.starts_with("\u{FEFF}نام,amount\r\n"), "{csv}");
        let back = read_table("x.csv", csv.as_bytes()).expect("reads").table;
        assert_eq!(
            back.rows(0, 3),
            [
                ["Ali, Jr.", "-12.5"],
                ["Sara \"S\"", "'=1+1"],
                ["line\nbreak", "3"]
            ]
        );
    }
}
