//! The csv-core, CPython and Papa Parse reader vectors in ../shared/conformance
//! against our reader. Every case passes or is excluded by a numbered dialect
//! decision (ARCHITECTURE.md, "Dialect decisions"); the counts are asserted
//! so a regression — or a newly passing case — is noticed.

use std::collections::BTreeMap;
use std::path::Path;

use nimrokh::core::ingest::{read_table_with, Delimiter, IngestError, LoadOptions};
use serde_json::Value;

/// One reader vector: input text and the records it should give.
struct Case {
    suite: &'static str,
    name: String,
    input: String,
    expected: Vec<Vec<String>>,
    /// The vector asks for a dialect option we do not offer (D2).
    custom_dialect: bool,
}

fn records(value: &Value) -> Vec<Vec<String>> {
    value
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|row| {
                    row.as_array()
                        .map(|cells| {
                            cells
                                .iter()
                                .map(|c| c.as_str().unwrap_or_default().to_string())
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default()
}

fn load(dir: &Path) -> Vec<Case> {
    let json = |path: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(path)).expect("read suite"))
            .expect("json")
    };
    let mut cases = Vec::new();
    for case in json("rust-csv/csv-core-reader-vectors.json")["cases"]
        .as_array()
        .expect("cases")
    {
        cases.push(Case {
            suite: "csv-core",
            name: case["name"].as_str().unwrap_or_default().to_string(),
            input: case["input"].as_str().unwrap_or_default().to_string(),
            expected: records(&case["expected"]),
            custom_dialect: case.get("config_rust").is_some(),
        });
    }
    for case in json("python-csv/test_csv_vectors.json")["vectors"]
        .as_array()
        .expect("vectors")
    {
        let kind = case["kind"].as_str().unwrap_or_default();
        if kind == "writer" {
            continue; // D6: writer vectors test a writer, not a reader.
        }
        let input = match &case["input"] {
            Value::String(text) => text.clone(),
            // CPython reads an iterable of lines; each is a line whether or
            // not it ends with a newline.
            Value::Array(lines) => lines
                .iter()
                .filter_map(Value::as_str)
                .map(|line| {
                    if line.ends_with(['\n', '\r']) {
                        line.to_string()
                    } else {
                        format!("{line}\n")
                    }
                })
                .collect(),
            _ => String::new(),
        };
        let kwargs = case.get("kwargs").and_then(Value::as_object);
        cases.push(Case {
            suite: "cpython",
            name: case["test"].as_str().unwrap_or_default().to_string(),
            input,
            expected: records(&case["expected"]),
            custom_dialect: kwargs.is_some_and(|k| !k.is_empty()),
        });
    }
    for case in json("papaparse/CORE_PARSER_TESTS.json")
        .as_array()
        .expect("tests")
    {
        let config = case.get("config").and_then(Value::as_object);
        cases.push(Case {
            suite: "papaparse",
            name: case["description"].as_str().unwrap_or_default().to_string(),
            input: case["input"].as_str().unwrap_or_default().to_string(),
            expected: records(&case["expected"]["data"]),
            custom_dialect: config.is_some_and(|c| !c.is_empty()),
        });
    }
    cases
}

/// Our records for `input`: comma-delimited, no header, every record.
fn ours(input: &str) -> Result<Vec<Vec<String>>, IngestError> {
    let options = LoadOptions {
        encoding: Some("utf-8".into()),
        delimiter: Some(Delimiter::Comma),
        has_header: Some(false),
        sheet: None,
    };
    let table = read_table_with("case.csv", input.as_bytes().to_vec(), &options)?.table;
    Ok(table.rows(0, usize::MAX))
}

/// Cases decided by name: what the suite checks is not a reader result.
const BY_NAME: [(&str, &str); 6] = [
    // CPython raises past csv.field_size_limit(); we have no field limit.
    ("tc.Test_Csv.test_read_bigfield", "D7"),
    // A bytes object given to a text reader: a Python type error.
    ("tc.Test_Csv.test_read_oddinputs", "D8"),
    // Papa Parse's recovery from malformed quotes; we read them as
    // csv-core does.
    (
        "Quoted field has invalid trailing quote after delimiter with a valid closer",
        "D9",
    ),
    (
        "Quoted field has invalid trailing quote after delimiter",
        "D9",
    ),
    (
        "Quoted field has invalid trailing quote before delimiter",
        "D9",
    ),
    (
        "Quoted field has invalid trailing quote after new line",
        "D9",
    ),
];

/// Why a case that does not match exactly is still our intended behaviour.
fn decision(case: &Case, result: &Result<Vec<Vec<String>>, IngestError>) -> Option<&'static str> {
    if case.custom_dialect {
        return Some("D2");
    }
    if let Some((_, id)) = BY_NAME.iter().find(|(name, _)| *name == case.name) {
        return Some(id);
    }
    let all_empty = |r: &Vec<String>| r.iter().all(|c| c.trim().is_empty());
    let expected: Vec<Vec<String>> = case
        .expected
        .iter()
        .filter(|r| !all_empty(r))
        .cloned()
        .collect();
    match result {
        Err(IngestError::Empty) if expected.is_empty() => Some("D1"),
        Err(IngestError::UnclosedQuote { .. }) => Some("D3"),
        Ok(rows) => {
            // D4: short rows are padded to the widest row with empty cells.
            let unpadded: Vec<Vec<String>> = rows
                .iter()
                .zip(&expected)
                .map(|(ours, theirs)| {
                    let mut ours = ours.clone();
                    while ours.len() > theirs.len() && ours.last().is_some_and(String::is_empty) {
                        ours.pop();
                    }
                    ours
                })
                .collect();
            if rows.len() == expected.len() && unpadded == expected {
                return Some(if expected.len() == case.expected.len() {
                    "D4"
                } else {
                    "D1"
                });
            }
            None
        }
        Err(_) => None,
    }
}

/// Passing cases per suite (csv-core, CPython, Papa Parse); the rest are
/// excluded by a decision. README.md's table shows the same counts.
const EXPECTED_PASSES: [usize; 3] = [39, 27, 31];

#[test]
fn reader_vectors_pass_or_follow_a_dialect_decision() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/conformance/csv"
    ));
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let mut tally: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in load(dir) {
        let result = ours(&case.input);
        let outcome = match &result {
            Ok(rows) if !case.custom_dialect && *rows == case.expected => "pass",
            _ => match decision(&case, &result) {
                Some(id) => id,
                None => {
                    failures.push(format!(
                        "{} / {}: {:?} → {result:?}, expected {:?}",
                        case.suite, case.name, case.input, case.expected
                    ));
                    "FAIL"
                }
            },
        };
        *tally.entry((case.suite, outcome)).or_default() += 1;
    }
    for ((suite, outcome), n) in &tally {
        eprintln!("{suite:10} {outcome:5} {n}");
    }
    assert!(
        failures.is_empty(),
        "{} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let count = |suite: &str, outcome: &str| tally.get(&(suite, outcome)).copied().unwrap_or(0);
    let passed: Vec<usize> = ["csv-core", "cpython", "papaparse"]
        .iter()
        .map(|s| count(s, "pass"))
        .collect();
    assert_eq!(
        passed, EXPECTED_PASSES,
        "passing cases per suite changed: update README and this list"
    );
}
