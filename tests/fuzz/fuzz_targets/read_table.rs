//! `read_table` never panics, whatever the bytes, and a table it returns is
//! consistent: every column holds exactly `report.rows` cells, every row can
//! be paged out, column names are unique (ingest renames blanks and
//! duplicates) and the kept warnings are within their bound.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use nimrokh::core::ingest::{read_table, Ingested, MAX_KEPT_WARNINGS};

fuzz_target!(|data: &[u8]| {
    match read_table("fuzz.csv", data) {
        Ok(ingested) => check_consistent(&ingested),
        // The error's sentence is shown to the user: it must not panic either.
        Err(error) => drop(error.to_string()),
    }
});

fn check_consistent(Ingested { table, report }: &Ingested) {
    let rows = report.rows;
    assert!(table.column_count() > 0, "a table without columns");
    for column in &table.columns {
        assert_eq!(column.cells.len(), rows, "column {:?}", column.name);
        assert_eq!(
            column.cells.iter().count(),
            rows,
            "column {:?}",
            column.name
        );
    }
    assert_eq!(table.row_count(), rows);

    let page = table.rows(0, rows);
    assert_eq!(page.len(), rows);
    for (index, cells) in page.iter().enumerate() {
        assert_eq!(cells.len(), table.column_count(), "row {index}");
        for (column, cell) in table.columns.iter().zip(cells) {
            assert_eq!(column.cells.get(index), Some(cell.as_str()));
        }
    }
    assert!(table.rows(rows, rows.saturating_add(10)).is_empty());

    let mut names = HashSet::new();
    for column in &table.columns {
        assert!(
            names.insert(column.name.as_str()),
            "duplicate name {:?}",
            column.name
        );
    }

    assert!(report.warnings.len() <= MAX_KEPT_WARNINGS);
    assert!(report.warnings.len() <= report.warnings_total);
}
