#![cfg(not(target_arch = "wasm32"))]
//! `parse_number` against the oracle column of
//! ../shared/data/i18n/04_digits_separators.csv.

use std::path::Path;

use nimrokh::core::ingest::read_table;
use nimrokh::core::schema::parse_number;

#[test]
fn parse_number_matches_the_expected_normalized_column() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/i18n/04_digits_separators.csv"
    ));
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let ingested = read_table("04_digits_separators.csv", &bytes).unwrap_or_else(|e| panic!("{e}"));
    let column = |name: &str| -> Vec<&str> {
        ingested
            .table
            .column_by_name(name)
            .map(|c| c.cells.iter().collect())
            .unwrap_or_default()
    };
    let (raw, expected, case) = (column("raw"), column("expected_normalized"), column("case"));
    assert_eq!(raw.len(), 14);
    let mut numeric_checked = 0;
    for ((raw, expected), case) in raw.iter().zip(&expected).zip(&case) {
        let parsed = parse_number(raw);
        // Ambiguous spellings must not be guessed: the oracle says
        // "AMBIGUOUS", or gives a value but its case says "AMBIGUOUS, flag"
        // ('/' as decimal mark). Percentages are not plain numbers.
        let refused = case.contains("AMBIGUOUS")
            || expected.ends_with('%')
            || expected.parse::<f64>().is_err();
        if refused {
            assert_eq!(parsed, None, "{raw:?} ({case})");
        } else {
            assert_eq!(parsed, expected.parse::<f64>().ok(), "{raw:?} ({case})");
            numeric_checked += 1;
        }
    }
    assert_eq!(numeric_checked, 10);
}
