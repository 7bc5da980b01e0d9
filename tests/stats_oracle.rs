#![cfg(not(target_arch = "wasm32"))]
//! Column statistics of every real file under ../shared/data/real against
//! pandas (tests/fixtures/stats_oracle.json, produced by
//! tests/fixtures/stats_oracle.py, whose docstring states the definitions).
//!
//! Tolerances: counts (cells, missing, distinct, numbers, text values,
//! shortest and longest length) exact; min and max exact; mean, standard
//! deviation, quantiles and mean length within 1e-9 relative (or 1e-9
//! absolute near zero): both sides sum in f64, in different orders.

mod shared_data;
use shared_data::real_dir;

use nimrokh::core::ingest::read_table;
use nimrokh::core::stats::column_stats;
use serde_json::Value;

fn oracle() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stats_oracle.json"
    );
    let text = std::fs::read_to_string(path).expect("stats_oracle.json");
    serde_json::from_str(&text).expect("valid JSON")
}

fn close(ours: f64, theirs: f64) -> bool {
    let scale = theirs.abs().max(1.0);
    (ours - theirs).abs() <= 1e-9 * scale
}

fn number(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("{key} in {v}"))
}

fn count(v: &Value, key: &str) -> usize {
    v[key].as_u64().unwrap_or_else(|| panic!("{key} in {v}")) as usize
}

#[test]
fn every_real_column_matches_pandas() {
    let Some(dir) = real_dir() else { return };
    let oracle = oracle();
    let files = oracle["files"].as_object().expect("files");
    let mut compared = (0, 0);
    for (file, columns) in files {
        let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let table = read_table(file, &bytes)
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .table;
        for expected in columns.as_array().expect("columns") {
            let index = count(expected, "index");
            let at = format!("{file} column {index} ({})", expected["name"]);
            let cells = &table.columns.get(index).expect(&at).cells;
            let numeric = expected.get("numeric").is_some();
            let ours = column_stats(cells, numeric);
            assert_eq!(ours.cells, count(expected, "cells"), "{at}: cells");
            assert_eq!(ours.missing, count(expected, "missing"), "{at}: missing");
            assert_eq!(ours.distinct, count(expected, "distinct"), "{at}: distinct");
            if let Some(want) = expected.get("numeric") {
                let got = ours.numeric.expect(&at);
                assert_eq!(got.count, count(want, "count"), "{at}: numbers");
                assert_eq!(got.min, number(want, "min"), "{at}: min");
                assert_eq!(got.max, number(want, "max"), "{at}: max");
                assert!(
                    close(got.mean, number(want, "mean")),
                    "{at}: mean {}",
                    got.mean
                );
                assert!(
                    close(got.std_dev, number(want, "std_dev")),
                    "{at}: std {}",
                    got.std_dev
                );
                let quantiles = want["quantiles"].as_array().expect("quantiles");
                for (pair, (q, value)) in quantiles.iter().zip(&got.quantiles) {
                    assert_eq!(pair[0].as_f64(), Some(*q), "{at}");
                    let theirs = pair[1].as_f64().expect("value");
                    assert!(close(*value, theirs), "{at}: q{q} {value} vs {theirs}");
                }
                compared.0 += 1;
            }
            if let Some(want) = expected.get("text") {
                let got = ours.text.expect(&at);
                assert_eq!(got.values, count(want, "values"), "{at}: values");
                assert_eq!(got.shortest, count(want, "shortest"), "{at}: shortest");
                assert_eq!(got.longest, count(want, "longest"), "{at}: longest");
                assert!(
                    close(got.mean_length, number(want, "mean_length")),
                    "{at}: mean length {}",
                    got.mean_length
                );
                compared.1 += 1;
            }
        }
    }
    eprintln!(
        "compared {} numeric and {} text columns",
        compared.0, compared.1
    );
    assert!(compared.0 > 30 && compared.1 > 20, "{compared:?}");
}
