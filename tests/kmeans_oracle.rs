#![cfg(not(target_arch = "wasm32"))]
//! k-means, silhouette and Calinski–Harabasz on mall_customers.csv against
//! scikit-learn 1.5.2 (tests/fixtures/kmeans_oracle.json, produced by
//! tests/fixtures/kmeans_oracle.py, whose docstring has the command).
//!
//! Tolerances and why:
//! - feature scaling (mean, population std): 1e-12 relative, both sides
//!   sum 200 values in f64 in different orders;
//! - inertia: ours (best of 10 k-means++ starts from our own seeded
//!   generator) at most 1% above scikit-learn's best of 10, as issue 6
//!   asks. k-means stops at local optima and the two generators start from
//!   different points, so equality is not expected (printed per k, with
//!   ours over 100 starts). What must agree exactly is the step: scikit-
//!   learn's partition must be a fixed point of our assignment, with its
//!   inertia to 1e-9 relative;
//! - silhouette and CH on scikit-learn's own labels: 1e-9 (the same
//!   formula on the same partition; only summation order differs);
//! - the k = 5 income/spending partition: adjusted Rand index exactly 1.
//!
//! Skips with a printed reason when ../shared is absent.

mod shared_data;
use shared_data::real_dir;

use nimrokh::core::ingest::read_table;
use nimrokh::core::segment::{
    adjusted_rand_index, assign, build_features, calinski_harabasz, choose_k, kmeans,
    silhouette_exact, ChooseKOptions, FeatureChoice, FeatureKind, FeatureMatrix, FeatureStep,
    KMeansOptions, Matrix, NumericOptions,
};
use nimrokh::core::table::Table;
use serde_json::Value;

fn oracle() -> Value {
    serde_json::from_str(include_str!("fixtures/kmeans_oracle.json")).expect("valid JSON")
}

fn mall() -> Option<Table> {
    let path = real_dir()?.join("mall_customers.csv");
    let bytes = std::fs::read(&path).expect("mall_customers.csv");
    Some(
        read_table("mall_customers.csv", &bytes)
            .expect("reads")
            .table,
    )
}

/// The set's columns, standard-scaled, as the page would build them.
fn features(table: &Table, set: &Value) -> FeatureMatrix {
    let choices: Vec<FeatureChoice> = set["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|name| {
            let name = name.as_str().expect("name");
            FeatureChoice {
                column: table
                    .column_index(name)
                    .unwrap_or_else(|| panic!("no column {name}")),
                kind: FeatureKind::Numeric(NumericOptions::default()),
            }
        })
        .collect();
    build_features(table, &choices).expect("features")
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

fn labels(v: &Value) -> Vec<usize> {
    v.as_array()
        .expect("labels")
        .iter()
        .map(|x| x.as_u64().expect("label") as usize)
        .collect()
}

/// The mean of each label's points: the centres of a given partition.
fn means_of(points: &Matrix, labels: &[usize], k: usize) -> Matrix {
    let dim = points.dim();
    let mut sums = vec![0.0; k * dim];
    let mut counts = vec![0.0; k];
    for (p, &l) in points.iter().zip(labels) {
        for (s, x) in sums[l * dim..(l + 1) * dim].iter_mut().zip(p) {
            *s += x;
        }
        counts[l] += 1.0;
    }
    for (row, count) in sums.chunks_exact_mut(dim).zip(&counts) {
        row.iter_mut().for_each(|s| *s /= count);
    }
    Matrix::new(dim, sums).expect("centres")
}

#[test]
fn mall_customers_match_scikit_learn() {
    let Some(table) = mall() else { return };
    let oracle = oracle();
    for (name, set) in oracle["sets"].as_object().expect("sets") {
        let built = features(&table, set);
        assert_eq!(built.matrix.rows(), 200, "{name}");
        assert_eq!(built.report.excluded_rows, 0);
        for (step, (mean, scale)) in built.report.steps.iter().zip(
            numbers(&set["mean"])
                .into_iter()
                .zip(numbers(&set["scale"])),
        ) {
            let FeatureStep::Numeric {
                center,
                scale: ours,
                imputed,
                ..
            } = step
            else {
                panic!("{step:?}")
            };
            assert_eq!(*imputed, 0);
            assert!((center - mean).abs() <= 1e-12 * mean.abs(), "{name} mean");
            assert!((ours - scale).abs() <= 1e-12 * scale, "{name} scale");
        }
        let points = &built.matrix;
        eprintln!("{name}: k, inertia ours / sklearn, silhouette, CH, iterations");
        for expected in set["per_k"].as_array().expect("per_k") {
            let k = expected["k"].as_u64().expect("k") as usize;
            let theirs = expected["inertia"].as_f64().expect("inertia");
            let fit = kmeans(points, &KMeansOptions::new(k, 0)).expect("fit");
            assert!(fit.converged, "{name} k={k}");
            assert!(
                fit.inertia <= theirs * 1.01,
                "{name} k={k}: inertia {} vs {theirs}",
                fit.inertia
            );
            // How far search alone closes the gap (printed, not asserted:
            // which local optimum a start falls into is luck).
            let many = kmeans(
                points,
                &KMeansOptions {
                    n_init: 100,
                    ..KMeansOptions::new(k, 0)
                },
            )
            .expect("fit");

            let sklearn_labels = labels(&expected["labels"]);
            // scikit-learn's partition is a fixed point of our Lloyd step,
            // with the same inertia: the steps agree; only the starts differ.
            let centers = means_of(points, &sklearn_labels, k);
            let (reassigned, inertia) = assign(points, &centers);
            assert_eq!(
                reassigned, sklearn_labels,
                "{name} k={k}: not a fixed point"
            );
            assert!(
                (inertia - theirs).abs() <= 1e-9 * theirs,
                "{name} k={k}: inertia of their partition {inertia} vs {theirs}"
            );
            let silhouette = silhouette_exact(points, &sklearn_labels).expect("silhouette");
            let want = expected["silhouette"].as_f64().expect("silhouette");
            assert!(
                (silhouette - want).abs() <= 1e-9,
                "{name} k={k}: silhouette {silhouette} vs {want}"
            );
            let ch = calinski_harabasz(points, &sklearn_labels).expect("CH");
            let want_ch = expected["calinski_harabasz"].as_f64().expect("CH");
            assert!(
                (ch - want_ch).abs() <= 1e-9 * want_ch,
                "{name} k={k}: CH {ch} vs {want_ch}"
            );
            let ari = adjusted_rand_index(&fit.labels, &sklearn_labels);
            eprintln!(
                "  {k:2} {:.6} / {theirs:.6} ({:+.2e}; 100 starts {:+.2e})  {silhouette:.6}  {ch:.4}  {} vs {}  ARI {ari:.4}",
                fit.inertia,
                fit.inertia / theirs - 1.0,
                many.inertia / theirs - 1.0,
                fit.iterations,
                expected["n_iter"],
            );
            if name == "income_spending" && k == 5 {
                assert_eq!(ari, 1.0, "the five well-known groups");
            }
        }
    }
}

#[test]
fn suggested_k_is_scikit_learns_best_silhouette() {
    let Some(table) = mall() else { return };
    let oracle = oracle();
    for (name, set) in oracle["sets"].as_object().expect("sets") {
        let built = features(&table, set);
        let choice = choose_k(&built.matrix, &ChooseKOptions::default()).expect("choose");
        let want = set["best_silhouette_k"].as_u64().expect("k") as usize;
        assert_eq!(choice.suggested, Some(want), "{name}");
        assert_eq!((choice.fitted, choice.silhouette_points), (200, 200));
        let stability = choice.stability.expect("stability");
        eprintln!(
            "{name}: suggested k={want}; stability over {} bootstraps: ARI mean {:.3} min {:.3}, pairs kept {:.3}",
            stability.adjusted_rand.len(),
            stability.mean_adjusted_rand,
            stability.min_adjusted_rand,
            stability.mean_pairs_kept
        );
    }
    // The well-known answer: five groups on income and spending.
    assert_eq!(oracle["sets"]["income_spending"]["best_silhouette_k"], 5);
}
