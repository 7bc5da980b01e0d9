//! Associations on real files against pandas/scipy
//! (tests/fixtures/associations_oracle.json; its header says how).

use std::path::Path;

use nimrokh::core::associations::{association_matrix, Measure};
use nimrokh::core::ingest::read_table;
use nimrokh::core::quality::ColumnKind;
use nimrokh::engine::inspect;
use serde_json::Value;

#[test]
fn associations_match_pandas_and_scipy() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/real"));
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let oracle: Value =
        serde_json::from_str(include_str!("fixtures/associations_oracle.json")).expect("json");
    let mut checked = 0;
    for (name, expected) in oracle["files"].as_object().expect("files") {
        let bytes = std::fs::read(dir.join(name)).expect("read");
        let summary = inspect(name, &bytes).expect("inspect");
        let kinds: Vec<ColumnKind> = summary
            .columns
            .iter()
            .map(|c| ColumnKind {
                column_type: c.guess.column_type,
                role: c.role,
            })
            .collect();
        let table = read_table(name, &bytes).expect("read").table;
        let matrix = association_matrix(&table, &kinds);
        assert!(!matrix.sampled, "{name}");
        let index = |column: &str| {
            summary
                .columns
                .iter()
                .position(|c| c.name == column)
                .unwrap_or_else(|| panic!("{name}: no column {column}"))
        };
        for pair in expected.as_array().expect("pairs") {
            let (a, b) = (pair["a"].as_str().unwrap(), pair["b"].as_str().unwrap());
            let (i, j) = (index(a).min(index(b)), index(a).max(index(b)));
            let found = matrix
                .associations
                .iter()
                .find(|x| x.a == i && x.b == j)
                .unwrap_or_else(|| {
                    panic!("{name}: no association {a} × {b} ({:?})", matrix.columns)
                });
            let measure = match pair["measure"].as_str().unwrap() {
                "pearson" => Measure::Pearson,
                "cramers_v" => Measure::CramersV,
                _ => Measure::CorrelationRatio,
            };
            assert_eq!(found.measure, measure, "{name}: {a} × {b}");
            let value = pair["value"].as_f64().unwrap();
            assert!(
                (found.value - value).abs() < 1e-9,
                "{name}: {a} × {b}: {} vs {value}",
                found.value
            );
            if let Some(rho) = pair["spearman"].as_f64() {
                let ours = found.spearman.expect("spearman");
                assert!(
                    (ours - rho).abs() < 1e-9,
                    "{name}: {a} × {b}: ρ {ours} vs {rho}"
                );
                assert_eq!(found.pairs as u64, pair["pairs"].as_u64().unwrap());
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 14);
}
