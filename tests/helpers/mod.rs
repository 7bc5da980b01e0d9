//! Small helpers shared by native and end-to-end tests (included with
//! `#[path]` where needed; not every test uses every helper).
#![allow(dead_code)]

use std::path::PathBuf;

/// The Python with DuckDB that runs exported SQL: `NIMROKH_SQL_PYTHON`, or
/// the venv `.ci/setup` makes (`ensure_sql_python`). Missing is a failure.
pub fn duckdb_python() -> PathBuf {
    let path = std::env::var_os("NIMROKH_SQL_PYTHON")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .map(|home| PathBuf::from(home).join(".cache/nimrokh-duckdb/bin/python"))
        })
        .expect("NIMROKH_SQL_PYTHON or HOME");
    assert!(
        path.exists(),
        "no Python with duckdb at {path:?}: run `source .ci/setup` (ensure_sql_python) or set NIMROKH_SQL_PYTHON"
    );
    path
}

/// Every text in a JSON value, keys and values (to check what a recipe
/// link holds).
pub fn json_strings(value: &serde_json::Value) -> Vec<String> {
    let mut found = Vec::new();
    collect(value, &mut found);
    found
}

fn collect(value: &serde_json::Value, into: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => into.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, into)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| {
            into.push(k.clone());
            collect(v, into)
        }),
        _ => {}
    }
}

/// Whether `text` is a word of a saved format itself (a field name or a
/// tag such as "log1p"), not something a user or their data wrote.
pub fn is_format_word(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
