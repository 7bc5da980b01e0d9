#![cfg(not(target_arch = "wasm32"))]
//! Real customer files and the synthetic i18n files under ../shared/data
//! open with the shape their manifests state (data/real/MANIFEST.md,
//! data/i18n/MANIFEST.json).

mod shared_data;

use std::path::Path;

use shared_data::shared_data as data_dir;

use nimrokh::core::ingest::{read_table, Delimiter, IngestError, Ingested, WarningKind};
use serde_json::Value;

fn read(path: &Path) -> Result<Ingested, IngestError> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    read_table(&name, &bytes)
}

fn ingest(path: &Path) -> Ingested {
    read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn column_names(ingested: &Ingested) -> Vec<&str> {
    ingested
        .table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect()
}

fn cell<'a>(ingested: &'a Ingested, column: &str, row: usize) -> Option<&'a str> {
    ingested.table.column_by_name(column)?.cells.get(row)
}

/// file, data rows, columns, all-empty rows skipped (MANIFEST.md; for
/// womens_clothing_reviews.csv its 23,413 rows are 1,499 reviews and 21,914
/// `,,,,,,,,,,` rows, counted with Python's csv module).
const REAL_FILES: [(&str, usize, usize, usize); 7] = [
    ("bank_marketing_full.csv", 45_212, 17, 0),
    ("cdnow_customers_summary.csv", 2_357, 5, 0),
    ("digikala_comments_fa.csv", 3_261, 3, 0),
    ("mall_customers.csv", 200, 5, 0),
    ("online_retail_dec2010.csv", 28_492, 9, 0),
    ("telco_customer_churn.csv", 7_043, 21, 0),
    ("womens_clothing_reviews.csv", 1_499, 11, 21_914),
];

#[test]
fn real_files_have_their_manifest_shape() {
    let Some(dir) = data_dir("real") else { return };
    for (file, rows, columns, empty) in REAL_FILES {
        let ingested = ingest(&dir.join(file));
        let report = &ingested.report;
        assert_eq!(report.delimiter, Delimiter::Comma, "{file}");
        assert_eq!(report.encoding, "utf-8", "{file}");
        assert!(report.has_header, "{file}");
        assert_eq!(report.rows, rows, "{file}");
        assert_eq!(ingested.table.row_count(), rows, "{file}");
        assert_eq!(ingested.table.column_count(), columns, "{file}");
        assert_eq!(report.empty_rows_skipped, empty, "{file}");
        let ragged = report
            .warnings
            .iter()
            .filter(|w| matches!(w.kind, WarningKind::RaggedRow { .. }));
        assert_eq!(ragged.count(), 0, "{file}");
        assert!(
            column_names(&ingested)
                .iter()
                .all(|name| !name.starts_with('\u{FEFF}')),
            "{file}"
        );
    }
}

#[test]
fn headers_and_cells_are_read_verbatim() {
    let Some(dir) = data_dir("real") else { return };
    let retail = ingest(&dir.join("online_retail_dec2010.csv"));
    assert_eq!(
        column_names(&retail),
        [
            "InvoiceNo",
            "StockCode",
            "Description",
            "Quantity",
            "InvoiceDate",
            "UnitPrice",
            "CustomerID",
            "Country",
            "TotalPrice"
        ]
    );
    assert_eq!(cell(&retail, "InvoiceDate", 0), Some("12/1/10 8:26"));
    assert_eq!(
        cell(&retail, "Description", 0),
        Some("WHITE HANGING HEART T-LIGHT HOLDER")
    );

    let telco = ingest(&dir.join("telco_customer_churn.csv"));
    let blanks = telco
        .table
        .column_by_name("TotalCharges")
        .map(|c| c.cells.iter().filter(|v| *v == " ").count());
    assert_eq!(
        blanks,
        Some(11),
        "TotalCharges keeps its 11 ' ' cells as written"
    );

    let mall = ingest(&dir.join("mall_customers.csv"));
    assert_eq!(cell(&mall, "customer_id", 0), Some("0001"));
}

#[test]
fn womens_reviews_blank_first_header_is_named_and_quoted_text_survives() {
    let Some(dir) = data_dir("real") else { return };
    let reviews = ingest(&dir.join("womens_clothing_reviews.csv"));
    assert_eq!(column_names(&reviews).first(), Some(&"column 1"));
    let first = reviews
        .report
        .warnings
        .first()
        .map(|w| (w.row, w.column, &w.kind));
    assert_eq!(
        first,
        Some((
            1,
            Some(1),
            &WarningKind::EmptyHeader {
                renamed: "column 1".into()
            }
        ))
    );
    let review = cell(&reviews, "ReviewText", 1).unwrap_or_default();
    assert!(
        review.starts_with(
            "Love this dress!  it's sooo pretty.  i happened to find it in a store, and"
        ),
        "{review}"
    );
    assert!(review.contains("am 5'8\"."), "{review}");
    // The last review (index 1568: the truncated copy skips some) before the empty rows.
    assert_eq!(cell(&reviews, "column 1", 1_498), Some("1568"));
    assert_eq!(cell(&reviews, "column 1", 1_499), None);
}

#[test]
fn cdnow_master_whitespace_file_has_four_columns() {
    // MANIFEST.md: 69,659 rows x 4, whitespace-aligned, header line
    // " customer_id  date number_of_cds  dollar_value", ids zero-padded.
    let Some(dir) = data_dir("real") else { return };
    let ingested = ingest(&dir.join("cdnow_master.txt"));
    let report = &ingested.report;
    assert_eq!(report.delimiter, Delimiter::Whitespace);
    assert!(report.has_header);
    assert_eq!(report.rows, 69_659);
    assert_eq!(report.warnings_total, 0, "{:?}", report.warnings);
    let names: Vec<&str> = ingested
        .table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["customer_id", "date", "number_of_cds", "dollar_value"]
    );
    assert_eq!(
        ingested.table.rows(0, 1),
        [["00001", "19970101", "1", "11.77"]]
    );
}

fn i18n_manifest(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("MANIFEST.json")).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn expect<'a>(manifest: &'a Value, file: &str, key: &str) -> &'a Value {
    &manifest["files"][file]["expect"][key]
}

fn expected_records(manifest: &Value, file: &str) -> usize {
    expect(manifest, file, "records")
        .as_u64()
        .unwrap_or_else(|| panic!("{file}: no records")) as usize
}

#[test]
fn i18n_utf8_bom_comma_crlf() {
    let Some(dir) = data_dir("i18n") else { return };
    let manifest = i18n_manifest(&dir);
    let file = "01_utf8_bom_comma_crlf.csv";
    let ingested = ingest(&dir.join(file));
    let header: Vec<&str> = expect(&manifest, file, "header")
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert_eq!(column_names(&ingested), header);
    assert_eq!(
        expect(&manifest, file, "first_header_must_not_start_with"),
        "U+FEFF"
    );
    assert!(!header.first().is_some_and(|h| h.starts_with('\u{FEFF}')));
    assert_eq!(ingested.report.rows, expected_records(&manifest, file));
    assert_eq!(ingested.report.encoding, "utf-8-bom");
    assert_eq!(ingested.report.delimiter, Delimiter::Comma);
    let notes_column = header.last().copied().unwrap_or_default();
    assert_eq!(
        cell(&ingested, notes_column, 2),
        expect(&manifest, file, "row3_notes").as_str()
    );
}

#[test]
fn i18n_windows1256_is_detected_and_decoded() {
    let Some(dir) = data_dir("i18n") else { return };
    let file = "02_windows1256_semicolon_decimal_comma.csv";
    let manifest = i18n_manifest(&dir);
    let ingested = ingest(&dir.join(file));
    let report = &ingested.report;
    assert_eq!(report.encoding, "windows-1256");
    assert_eq!(report.delimiter, Delimiter::Semicolon);
    assert_eq!(report.rows, expected_records(&manifest, file));
    assert!(report.warnings.is_empty(), "{report:?}");
    let all_text: String = (0..ingested.table.column_count())
        .flat_map(|c| {
            ingested.table.columns[c]
                .cells
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .chain(column_names(&ingested).into_iter().map(str::to_string))
        .collect();
    assert!(!all_text.contains('\u{FFFD}'), "{all_text}");
    assert!(
        all_text
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "Arabic script: {all_text}"
    );
    assert!(
        !all_text.contains('\u{06CC}'),
        "Windows-1256 has no Farsi yeh"
    );
    // The amounts, written with a decimal comma, arrive as written.
    let amounts = expect(&manifest, file, "amounts");
    for amount in amounts.as_array().into_iter().flatten() {
        let value = amount.as_f64().unwrap_or_default();
        let written = format!("{value}").replace('.', ",");
        assert!(all_text.contains(&written), "{written} in {all_text}");
    }
}

#[test]
fn i18n_utf16le_tab_excel_unicode_text() {
    let Some(dir) = data_dir("i18n") else { return };
    let manifest = i18n_manifest(&dir);
    let file = "03_utf16le_bom_tab_excel_unicode_text.txt";
    let ingested = ingest(&dir.join(file));
    assert_eq!(ingested.report.encoding, "utf-16le");
    assert_eq!(
        Some(ingested.report.delimiter.as_char().to_string().as_str()),
        expect(&manifest, file, "delimiter").as_str()
    );
    assert_eq!(ingested.report.rows, expected_records(&manifest, file));
    assert_eq!(column_names(&ingested), ["Name", "الاسم", "Amount", "Note"]);
    assert_eq!(
        cell(&ingested, "Note", 0),
        expect(&manifest, file, "row1_note").as_str()
    );
    assert_eq!(
        cell(&ingested, "Note", 1),
        expect(&manifest, file, "row2_note").as_str()
    );
}

#[test]
fn i18n_record_counts() {
    let Some(dir) = data_dir("i18n") else { return };
    let manifest = i18n_manifest(&dir);
    for file in [
        "04_digits_separators.csv",
        "05_yeh_kaf_variants.csv",
        "06_jalali_dates.csv",
        "07_security_payloads.csv",
    ] {
        let ingested = ingest(&dir.join(file));
        assert_eq!(
            ingested.report.rows,
            expected_records(&manifest, file),
            "{file}"
        );
        assert!(ingested.report.has_header, "{file}");
        assert_eq!(ingested.report.delimiter, Delimiter::Comma, "{file}");
        assert!(
            ingested.report.warnings.is_empty(),
            "{file}: {:?}",
            ingested.report.warnings
        );
    }
}

#[test]
fn i18n_look_alike_letters_stay_distinct() {
    let Some(dir) = data_dir("i18n") else { return };
    let manifest = i18n_manifest(&dir);
    let file = "05_yeh_kaf_variants.csv";
    let ingested = ingest(&dir.join(file));
    let first = ingested
        .table
        .columns
        .first()
        .map(|c| c.cells.iter().collect::<std::collections::HashSet<_>>());
    let raw_distinct = expect(&manifest, file, "raw_distinct")
        .as_u64()
        .map(|n| n as usize);
    assert_eq!(first.map(|set| set.len()), raw_distinct);
}

#[test]
fn i18n_security_payloads_are_kept_verbatim() {
    // Ingest keeps cells as written; neutralising formulas is export's job.
    let Some(dir) = data_dir("i18n") else { return };
    let ingested = ingest(&dir.join("07_security_payloads.csv"));
    let values: Vec<&str> = ingested
        .table
        .column_by_name("value")
        .map(|c| c.cells.iter().collect())
        .unwrap_or_default();
    for payload in [
        "=1+1",
        "@SUM(1,1)",
        "\t=1+1",
        "\r=1+1",
        "<script>alert(1)</script>",
        "invoice\u{202E}exe.pdf",
        "-12",
    ] {
        assert!(values.contains(&payload), "{payload:?} not in {values:?}");
    }
}
