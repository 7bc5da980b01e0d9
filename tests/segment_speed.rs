#![cfg(not(target_arch = "wasm32"))]
//! How fast segmentation runs natively on the generator's million
//! customers (prints figures, asserts nothing about time). Make the file,
//! then run this test in release:
//!
//!     python3 /work/shared/tools/gen_customers.py --customers 1000000 --seed 42 \
//!       --out /tmp/genk --no-transactions
//!     NIMROKH_CUSTOMERS=/tmp/genk/customers_1e6.csv \
//!       cargo test --release --locked --test segment_speed -- --ignored --nocapture

use std::time::Instant;

use nimrokh::core::ingest::read_table;
use nimrokh::core::segment::{
    assign, build_features, choose_k, kmeans, CategoricalOptions, ChooseKOptions, FeatureChoice,
    FeatureKind, KMeansOptions, NumericOptions, Scaling,
};
use nimrokh::core::table::Table;

fn column(table: &Table, name: &str) -> usize {
    table
        .column_index(name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
#[ignore = "needs the generator's 1 M-customer file; prints timings"]
fn generated_customers_segment_timings() {
    let path =
        std::env::var("NIMROKH_CUSTOMERS").unwrap_or_else(|_| "/tmp/genk/customers_1e6.csv".into());
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipping: {path} not found (see this file's header)");
        return;
    };
    let started = Instant::now();
    let table = read_table("customers.csv", &bytes).expect("reads").table;
    eprintln!(
        "read {} rows in {:.2?}",
        table.row_count(),
        started.elapsed()
    );

    let numeric = |name: &str, log1p: bool| FeatureChoice {
        column: column(&table, name),
        kind: FeatureKind::Numeric(NumericOptions {
            scaling: Scaling::Standard,
            log1p,
            weight: 1.0,
        }),
    };
    let categorical = |name: &str| FeatureChoice {
        column: column(&table, name),
        kind: FeatureKind::Categorical(CategoricalOptions::default()),
    };
    let choices = [
        numeric("age", false),
        numeric("annual_income", true),
        numeric("nps_score", false),
        numeric("satisfaction", false),
        categorical("gender"),
        categorical("channel"),
    ];
    let started = Instant::now();
    let built = build_features(&table, &choices).expect("features");
    eprintln!(
        "features: {} rows × {} columns in {:.2?}; {} rows excluded (all missing)",
        built.matrix.rows(),
        built.matrix.dim(),
        started.elapsed(),
        built.report.excluded_rows
    );
    for step in &built.report.steps {
        eprintln!("  {step:?}");
    }
    let points = &built.matrix;

    for n_init in [1, 10] {
        let started = Instant::now();
        let fit = kmeans(
            points,
            &KMeansOptions {
                n_init,
                ..KMeansOptions::new(5, 42)
            },
        )
        .expect("fit");
        let iterations: usize = fit.runs.iter().map(|r| r.iterations).sum();
        eprintln!(
            "k=5 on all {} points, n_init {n_init}: {:.2?} ({iterations} Lloyd iterations, inertia {:.1}, sizes {:?})",
            points.rows(),
            started.elapsed(),
            fit.inertia,
            fit.sizes
        );
    }

    let options = ChooseKOptions {
        k_max: 8,
        seed: 42,
        ..ChooseKOptions::default()
    };
    let started = Instant::now();
    let choice = choose_k(points, &options).expect("choose");
    let scanned = started.elapsed();
    for f in &choice.figures {
        eprintln!(
            "  k={} inertia {:.1} silhouette {:?} CH {:?} iterations {} converged {}",
            f.k, f.inertia, f.silhouette, f.calinski_harabasz, f.iterations, f.converged
        );
    }
    let stability = choice.stability.as_ref().expect("stability");
    eprintln!(
        "auto-k 2–8 in {scanned:.2?}: fits on {} of {} points (n_init {}), silhouette on {}, \
         {} bootstrap refits (ARI mean {:.3}); suggested k = {:?}",
        choice.fitted,
        choice.points,
        options.n_init,
        choice.silhouette_points,
        stability.adjusted_rand.len(),
        stability.mean_adjusted_rand,
        choice.suggested
    );
    let k = choice.suggested.expect("k");
    let started = Instant::now();
    let fit = kmeans(
        points,
        &KMeansOptions {
            n_init: 1,
            ..KMeansOptions::new(k, 42)
        },
    )
    .expect("fit");
    let (labels, inertia) = assign(points, &fit.centers);
    eprintln!(
        "final k={k} fit on all points (n_init 1) and assignment: {:.2?}, inertia {inertia:.1}, {} labels",
        started.elapsed(),
        labels.len()
    );
}
