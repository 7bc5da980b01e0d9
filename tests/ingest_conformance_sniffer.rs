#![cfg(not(target_arch = "wasm32"))]
//! CPython's sniffer samples (TestSniffer in test_csv.py): the delimiter and
//! header row Nimrokh settles on, against what CPython's own csv.Sniffer
//! says (tests/fixtures/sniffer_oracle.json, from sniffer_oracle.py).
//! Where we differ, a dialect decision in ARCHITECTURE.md says why:
//! - D10: delimiters outside `, ; tab |` and whitespace are not offered
//!   (`:` `+` `?` `/` NUL): the sample reads as one column, or is refused
//!   as binary (NUL), never misread silently;
//! - D11: a header row is judged on types (a text row above number or date
//!   rows), not CPython's length heuristic, so a short all-text sample
//!   without numbers is read as headed (and the user can say otherwise).

use nimrokh::core::ingest::{read_table, Delimiter, IngestError};
use serde_json::Value;

fn oracle() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sniffer_oracle.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("oracle")).expect("JSON")
}

fn delimiter_char(delimiter: Delimiter) -> Option<char> {
    delimiter.as_byte().map(char::from)
}

/// Samples where our header verdict differs from CPython's, by D11: all
/// text (no number or date tells a header from data), or a text row above
/// mostly numbers with one stray text row (`sample13`: "time","forces").
const HEADER_BY_TYPES: [&str; 6] = [
    "sample5", "sample6", "sample7", "sample10", "sample11", "sample13",
];

#[test]
fn cpython_sniffer_samples() {
    let oracle = oracle();
    let cases = oracle["cases"].as_object().expect("cases");
    let (mut delimiters, mut headers, mut excluded) = (0, 0, 0);
    for (name, case) in cases {
        let text = case["text"].as_str().expect("text");
        let theirs = case["delimiter"].as_str().and_then(|d| d.chars().next());
        let ours = read_table("sample.csv", text.as_bytes());
        let in_our_set = theirs.is_some_and(|d| matches!(d, ',' | ';' | '\t' | '|'));
        if !in_our_set {
            // D10: not split on a delimiter we do not offer.
            match ours {
                Err(IngestError::NotText) => assert_eq!(theirs, Some('\0'), "{name}"),
                Ok(read) => assert_eq!(read.table.columns.len(), 1, "{name}: {:?}", read.report),
                Err(other) => panic!("{name}: {other:?}"),
            }
            excluded += 1;
            continue;
        }
        let read = ours.unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(delimiter_char(read.report.delimiter), theirs, "{name}");
        delimiters += 1;
        let their_header = case["has_header"].as_bool();
        if HEADER_BY_TYPES.contains(&name.as_str()) {
            assert_ne!(
                Some(read.report.has_header),
                their_header,
                "{name} is listed but agrees"
            );
        } else {
            assert_eq!(Some(read.report.has_header), their_header, "{name}: header");
            headers += 1;
        }
    }
    eprintln!(
        "sniffer samples: {delimiters} delimiters agree, {headers} headers agree, \
         {} headers differ by D11, {excluded} outside our delimiters (D10)",
        HEADER_BY_TYPES.len()
    );
    assert_eq!((delimiters, headers, excluded), (10, 4, 6));
}
