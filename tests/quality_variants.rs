//! ../shared/data/i18n/05_yeh_kaf_variants.csv: 14 spellings that are 5
//! categories after folding Arabic-keyboard letters, tatweel, ZWNJ, spaces,
//! ة and ۀ. Its manifest lists the groups.

use std::collections::BTreeSet;
use std::path::Path;

use nimrokh::core::ingest::read_table;
use nimrokh::core::quality::spelling_variants;
use serde_json::Value;

#[test]
fn yeh_kaf_variants_fold_into_the_manifest_groups() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/i18n"));
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("MANIFEST.json")).expect("manifest"),
    )
    .expect("json");
    let expect = &manifest["files"]["05_yeh_kaf_variants.csv"]["expect"];
    let bytes = std::fs::read(dir.join("05_yeh_kaf_variants.csv")).expect("file");
    let table = read_table("05_yeh_kaf_variants.csv", &bytes)
        .expect("reads")
        .table;
    let column = &table.columns[0].cells;
    let raw: BTreeSet<&str> = column.iter().collect();
    assert_eq!(
        raw.len() as u64,
        expect["raw_distinct"].as_u64().expect("n")
    );

    let found: BTreeSet<BTreeSet<String>> = spelling_variants(column)
        .into_iter()
        .map(|group| group.spellings.into_iter().map(|(s, _)| s).collect())
        .collect();
    let expected: BTreeSet<BTreeSet<String>> = expect["groups_after_persian_fold"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|group| {
            group
                .as_array()
                .expect("group")
                .iter()
                .map(|s| s.as_str().expect("text").to_string())
                .collect()
        })
        .collect();
    assert_eq!(found, expected);
}
