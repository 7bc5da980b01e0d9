#![cfg(not(target_arch = "wasm32"))]
//! Excel workbooks read into the same table as a CSV, and hostile
//! workbooks refused before they are inflated or allocated.
//!
//! The fixtures are written by openpyxl and XlsxWriter (independent
//! writers) from tests/fixtures/make_workbooks.py; the values asserted here
//! are the values that script writes.

use std::path::Path;

use nimrokh::core::ingest::{
    read_table, read_table_with, read_workbook, sheet_names, IngestError, Ingested, LoadOptions,
    SourceFormat, MAX_COMPRESSION_RATIO, MAX_SHEET_CELLS,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/workbooks"
    ))
    .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> Result<Ingested, IngestError> {
    read_table(name, &fixture(name))
}

/// Row `row` of the table, cell by cell.
fn row(ingested: &Ingested, row: usize) -> Vec<String> {
    ingested
        .table
        .columns
        .iter()
        .map(|c| c.cells.get(row).unwrap_or("<none>").to_string())
        .collect()
}

fn names(ingested: &Ingested) -> Vec<&str> {
    ingested
        .table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect()
}

#[test]
fn the_first_sheet_with_data_is_read_like_a_csv() {
    let read = read("customers.xlsx").expect("customers.xlsx opens");
    let report = &read.report;
    assert_eq!(report.format, SourceFormat::Xlsx);
    assert_eq!(report.encoding, "xlsx");
    assert_eq!(report.sheets, ["Cover", "Customers", "Orders"]);
    // The cover sheet has a formatted cell and no data: skipped.
    assert_eq!(report.sheet.as_deref(), Some("Customers"));
    assert!(report.has_header);
    assert_eq!(
        names(&read),
        [
            "نام",
            "شهر",
            "سن",
            "مبلغ",
            "تاریخ عضویت",
            "آخرین خرید",
            "فعال",
            "امتیاز"
        ]
    );
    assert_eq!(report.rows, 3);
    // One blank row between the data and three trailing formatted rows.
    assert_eq!(report.empty_rows_skipped, 4);
    assert_eq!(
        row(&read, 0),
        [
            "علی",
            "تهران",
            "34",
            "1250.5",
            "2023-01-15",
            "2024-03-09T14:05:07",
            "TRUE",
            "9"
        ]
    );
    assert_eq!(
        row(&read, 1),
        [
            "سارة",
            "الرياض",
            "29",
            "0.1",
            "1999-12-31",
            "2024-03-10T00:00:01",
            "FALSE",
            "#N/A"
        ]
    );
    assert_eq!(
        row(&read, 2),
        [
            "Zoë",
            "Köln",
            "-7",
            "123456789012",
            "2024-02-29",
            "2000-01-01T23:59:59",
            "TRUE",
            "0.0000001"
        ]
    );
}

#[test]
fn the_user_picks_another_sheet() {
    let bytes = fixture("customers.xlsx");
    assert_eq!(
        sheet_names(&bytes).expect("sheets"),
        ["Cover", "Customers", "Orders"]
    );
    let options = LoadOptions {
        sheet: Some("Orders".into()),
        ..LoadOptions::default()
    };
    let orders = read_table_with("customers.xlsx", bytes.clone(), &options).expect("Orders");
    assert_eq!(orders.report.sheet.as_deref(), Some("Orders"));
    assert_eq!(names(&orders), ["order_id", "customer", "total"]);
    assert_eq!(orders.report.rows, 2);
    assert_eq!(row(&orders, 0), ["1001", "علی", "99.95"]);
    assert_eq!(
        read_workbook(
            "customers.xlsx",
            &bytes,
            &LoadOptions {
                sheet: Some("Sales".into()),
                ..LoadOptions::default()
            }
        )
        .err(),
        Some(IngestError::NoSuchSheet {
            name: "Sales".into()
        })
    );
}

#[test]
fn a_1904_workbook_with_shared_strings_and_no_header() {
    let read = read("dates_1904.xlsx").expect("dates_1904.xlsx opens");
    assert!(!read.report.has_header);
    assert_eq!(read.report.rows, 3);
    assert_eq!(row(&read, 0), ["2020-05-17", "1", "کرج"]);
    assert_eq!(row(&read, 1), ["1904-01-02T06:00:00", "2", "کرج"]);
    assert_eq!(row(&read, 2), ["2031-12-01", "3", "Ali"]);

    // The user says the first row is a header after all.
    let options = LoadOptions {
        has_header: Some(true),
        ..LoadOptions::default()
    };
    let read = read_table_with("dates_1904.xlsx", fixture("dates_1904.xlsx"), &options)
        .expect("read with a header");
    assert_eq!(names(&read), ["2020-05-17", "1", "کرج"]);
    assert_eq!(read.report.rows, 2);
}

#[test]
fn a_workbook_named_csv_is_known_by_its_bytes() {
    let read = read("xlsx_named.csv").expect("opens as a workbook");
    assert_eq!(read.report.format, SourceFormat::Xlsx);
    assert_eq!(read.report.sheet.as_deref(), Some("Mac"));
    assert_eq!(row(&read, 2), ["2031-12-01", "3", "Ali"]);
}

#[test]
fn a_zip_bomb_is_refused_from_its_directory() {
    match read("zip_bomb.xlsx") {
        Err(IngestError::SuspiciousCompression {
            entry,
            ratio,
            allowed,
        }) => {
            assert_eq!(entry, "xl/media/filler.bin");
            assert!(ratio > MAX_COMPRESSION_RATIO, "{ratio}");
            assert_eq!(allowed, MAX_COMPRESSION_RATIO);
        }
        other => panic!("expected a refused bomb, got {other:?}"),
    }
}

#[test]
fn declared_and_lying_sizes_are_refused() {
    assert!(
        matches!(
            read("huge_declared.xlsx"),
            Err(IngestError::WorkbookTooLarge { .. })
        ),
        "a 4 GB declared entry"
    );
    match read("lying_sizes.xlsx") {
        Err(IngestError::BadWorkbook { message }) => {
            assert!(message.contains("xl/media/liar.bin"), "{message}")
        }
        other => panic!("expected a lying entry refused, got {other:?}"),
    }
}

#[test]
fn absurd_dimensions_are_refused_before_allocating() {
    for name in ["absurd_dimension.xlsx", "far_cells.xlsx"] {
        match read(name) {
            Err(IngestError::SheetTooLarge {
                sheet,
                rows,
                columns,
                allowed_cells,
            }) => {
                assert_eq!(sheet, "Data", "{name}");
                assert_eq!((rows, columns), (1_048_576, 16_384), "{name}");
                assert_eq!(allowed_cells, MAX_SHEET_CELLS);
            }
            other => panic!("{name}: expected SheetTooLarge, got {other:?}"),
        }
    }
}

#[test]
fn other_zips_and_old_excel_get_a_clear_refusal() {
    assert_eq!(
        read("not_a_workbook.zip").err(),
        Some(IngestError::NotAWorkbook)
    );
    let ole2 = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
    assert_eq!(
        read_table("old.xls", ole2).err(),
        Some(IngestError::XlsNotSupported)
    );
    // Every truncation of a real workbook is an error, never a panic.
    let bytes = fixture("customers.xlsx");
    for end in (0..bytes.len()).step_by(97) {
        let _ = read_table("cut.xlsx", &bytes[..end]);
    }
}
