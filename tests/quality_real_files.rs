//! Data quality figures on the real files, against pandas
//! (tests/fixtures/quality_oracle.json; its header says how it was made).

use std::path::Path;

use nimrokh::core::ingest::read_table;
use nimrokh::core::quality::{exact_duplicates, missing_report};
use serde_json::Value;

#[test]
fn duplicates_and_missing_match_pandas() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/real"));
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let oracle: Value =
        serde_json::from_str(include_str!("fixtures/quality_oracle.json")).expect("oracle json");
    let files = oracle["files"].as_object().expect("files");
    assert_eq!(files.len(), 4);
    for (name, expected) in files {
        let bytes = std::fs::read(dir.join(name)).expect("read file");
        let table = read_table(name, &bytes).expect("reads").table;
        assert_eq!(
            table.row_count() as u64,
            expected["rows"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            exact_duplicates(&table).rows as u64,
            expected["duplicate_rows"].as_u64().unwrap(),
            "{name}"
        );
        let missing = missing_report(&table);
        let per_column: Vec<u64> = missing.per_column.iter().map(|&n| n as u64).collect();
        let expected_per_column: Vec<u64> = expected["missing_per_column"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect();
        assert_eq!(per_column, expected_per_column, "{name}");
        assert_eq!(
            missing.complete_rows as u64,
            expected["complete_rows"].as_u64().unwrap(),
            "{name}"
        );
    }
}
