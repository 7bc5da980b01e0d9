#![cfg(not(target_arch = "wasm32"))]
//! The segment map's PCA on mall_customers.csv against scikit-learn 1.5.2
//! (tests/fixtures/pca_oracle.json, produced by tests/fixtures/pca_oracle.py,
//! whose docstring has the command).
//!
//! The features are age, income and spending score, standard-scaled by
//! `build_features` as the page builds them (checked against scikit-learn's
//! `StandardScaler` in tests/kmeans_oracle.rs). scikit-learn's PCA here is
//! the LAPACK SVD of the centred data; ours is Jacobi on the covariance, so
//! the figures meet only through the mathematics. Both use the same sign
//! convention (largest |entry| of each component positive), so
//! coordinates compare directly. Tolerance 1e-9 absolute for ratios,
//! variances, axes and coordinates.
//!
//! Skips with a printed reason when ../shared is absent.

mod shared_data;
use shared_data::real_dir;

use nimrokh::core::ingest::read_table;
use nimrokh::core::segment::{build_features, FeatureChoice, FeatureKind, NumericOptions, Pca};
use serde_json::Value;

const TOLERANCE: f64 = 1e-9;

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

fn assert_close(what: &str, ours: f64, theirs: f64) {
    assert!(
        (ours - theirs).abs() <= TOLERANCE,
        "{what}: ours {ours}, scikit-learn {theirs}, difference {:e}",
        (ours - theirs).abs()
    );
}

#[test]
fn pca_matches_scikit_learn_on_mall_customers() {
    let Some(dir) = real_dir() else { return };
    let oracle: Value =
        serde_json::from_str(include_str!("fixtures/pca_oracle.json")).expect("valid JSON");
    let bytes = std::fs::read(dir.join("mall_customers.csv")).expect("mall_customers.csv");
    let table = read_table("mall_customers.csv", &bytes)
        .expect("reads")
        .table;
    let choices: Vec<FeatureChoice> = oracle["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|name| FeatureChoice {
            column: table
                .column_index(name.as_str().expect("name"))
                .expect("column"),
            kind: FeatureKind::Numeric(NumericOptions::default()),
        })
        .collect();
    let features = build_features(&table, &choices).expect("features");
    assert_eq!(
        features.matrix.rows(),
        oracle["rows"].as_u64().unwrap() as usize
    );

    let pca = Pca::fit(&features.matrix).expect("fits");
    assert!(
        pca.converged,
        "Jacobi did not converge in {} sweeps",
        pca.sweeps
    );
    assert_eq!(pca.components.len(), 2);
    let ratios = numbers(&oracle["explained_variance_ratio"]);
    let variances = numbers(&oracle["explained_variance"]);
    let axes: Vec<Vec<f64>> = oracle["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(numbers)
        .collect();
    for (i, component) in pca.components.iter().enumerate() {
        eprintln!(
            "PC{}: ratio ours {:.15} sklearn {:.15}; variance ours {:.15} sklearn {:.15}",
            i + 1,
            component.ratio,
            ratios[i],
            component.variance,
            variances[i]
        );
        assert_close(&format!("ratio {i}"), component.ratio, ratios[i]);
        assert_close(&format!("variance {i}"), component.variance, variances[i]);
        for (j, (&ours, &theirs)) in component.axis.iter().zip(&axes[i]).enumerate() {
            assert_close(&format!("axis {i} entry {j}"), ours, theirs);
        }
    }
    // The scaled columns each have population variance 1: the sample
    // variances sum to 3 · n / (n − 1).
    assert_close("total variance", pca.total_variance, 3.0 * 200.0 / 199.0);

    let expected = oracle["coordinates"].as_array().unwrap();
    let ours = pca.project_all(&features.matrix);
    let mut worst = 0.0f64;
    for (row, (point, theirs)) in ours.iter().zip(expected).enumerate() {
        let theirs = numbers(theirs);
        for axis in 0..2 {
            worst = worst.max((point[axis] - theirs[axis]).abs());
            assert_close(
                &format!("row {row} PC{}", axis + 1),
                point[axis],
                theirs[axis],
            );
        }
    }
    eprintln!(
        "largest coordinate difference {worst:e} over {} rows",
        ours.len()
    );
    // The sampled projection is the same numbers.
    assert_eq!(
        pca.project_rows(&features.matrix, &[3, 0]),
        vec![ours[3], ours[0]]
    );
}
