#![cfg(not(target_arch = "wasm32"))]
//! How fast segmentation runs natively on the generator's million
//! customers (prints figures, asserts nothing about time). Make the file,
//! then run this test in release:
//!
//!     python3 /work/shared/tools/gen_customers.py --customers 1000000 --seed 42 \
//!       --out /tmp/genk --no-transactions
//!     NIMROKH_CUSTOMERS=/tmp/genk/customers_1e6.csv \
//!       cargo test --release --locked --test segment_speed -- --ignored --nocapture
//!
//! `bench_figures` is what `.ci/bench segments` runs: JSON lines of the
//! native figures, and (with NIMROKH_MATRIX_OUT) the feature matrix written
//! as little-endian f64 so scikit-learn can fit the very same numbers.

use std::time::Instant;

use nimrokh::core::ingest::{read_table, LoadOptions};
use nimrokh::core::segment::{
    assign, build_features, choose_k, kmeans, CategoricalOptions, ChooseKOptions, FeatureChoice,
    FeatureKind, KMeansOptions, NumericOptions, Scaling,
};
use nimrokh::core::table::Table;
use nimrokh::engine::{
    Engine, FilePlace, Request, Response, SegmentRequest, DEFAULT_RESTARTS, FIT_SAMPLE,
    SILHOUETTE_SAMPLE, STABILITY_RUNS,
};

fn column(table: &Table, name: &str) -> usize {
    table
        .column_index(name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The six benchmark features (the same in bench.js and
/// sklearn_segments.py): four numbers, income on a log scale, and two
/// categories.
fn bench_features(table: &Table) -> Vec<FeatureChoice> {
    let numeric = |name: &str, log1p: bool| FeatureChoice {
        column: column(table, name),
        kind: FeatureKind::Numeric(NumericOptions {
            scaling: Scaling::Standard,
            log1p,
            weight: 1.0,
        }),
    };
    let categorical = |name: &str| FeatureChoice {
        column: column(table, name),
        kind: FeatureKind::Categorical(CategoricalOptions::default()),
    };
    vec![
        numeric("age", false),
        numeric("annual_income", true),
        numeric("nps_score", false),
        numeric("satisfaction", false),
        categorical("gender"),
        categorical("channel"),
    ]
}

fn customers_file() -> Option<Vec<u8>> {
    let path =
        std::env::var("NIMROKH_CUSTOMERS").unwrap_or_else(|_| "/tmp/genk/customers_1e6.csv".into());
    let bytes = std::fs::read(&path).ok();
    if bytes.is_none() {
        eprintln!("skipping: {path} not found (see this file's header)");
    }
    bytes
}

/// The request that opens the file in the engine, as the worker's `Open`
/// does (made before the clock starts: copying the bytes is not the load).
fn load_request(bytes: Vec<u8>) -> Request {
    Request::Load {
        file_name: "customers.csv".into(),
        bytes,
        options: LoadOptions::default(),
        place: FilePlace::Open,
    }
}

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// This thread's CPU time in ms: on a shared machine the wall clock also
/// counts other processes' turns.
fn thread_cpu_ms() -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    now.tv_sec as f64 * 1000.0 + now.tv_nsec as f64 / 1e6
}

#[test]
#[ignore = "needs the generator's 1 M-customer file; prints JSON figures"]
fn bench_figures() {
    let Some(bytes) = customers_file() else {
        return;
    };
    // The worker's path natively: load, then the same segmentation request
    // as bench.js (auto-k 2–8, the engine's sampling and restarts).
    let mut engine = Engine::new();
    let load = load_request(bytes.clone());
    let started = Instant::now();
    let loaded = engine.handle(load);
    let load_ms = millis(started);
    let Response::Loaded(summary) = loaded else {
        panic!("not loaded: {loaded:?}");
    };
    let table = read_table("customers.csv", &bytes).expect("reads").table;
    drop(bytes);
    let features = bench_features(&table);
    let request = SegmentRequest {
        features: features.clone(),
        k_min: 2,
        k_max: 8,
        k: None,
        seed: 42,
        restarts: DEFAULT_RESTARTS,
    };
    let started = Instant::now();
    let segmented = engine.handle(Request::Segment(request));
    let segment_ms = millis(started);
    let Response::Segmented(found) = segmented else {
        panic!("not segmented: {segmented:?}");
    };
    let scores: Vec<_> = found
        .scores
        .iter()
        .map(|s| serde_json::json!({"k": s.k, "silhouette": s.silhouette, "iterations": s.iterations}))
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "engine": "nimrokh-native-auto-k",
            "load_ms": load_ms,
            "segment_ms": segment_ms,
            "total_ms": load_ms + segment_ms,
            "rows": summary.row_count(),
            "segmented": found.segmented,
            "dim": found.features.outputs.len(),
            "suggested": found.suggested,
            "fitted": found.fitted,
            "fit_sample": FIT_SAMPLE,
            "silhouette_points": found.silhouette_points,
            "silhouette_sample": SILHOUETTE_SAMPLE,
            "restarts": DEFAULT_RESTARTS,
            "stability_runs": STABILITY_RUNS,
            "mean_adjusted_rand": found.stability.as_ref().map(|s| s.mean_adjusted_rand),
            "sizes": found.sizes,
            "scores": scores,
        })
    );
    drop(engine);

    // One k = 5 fit, one start, on every customer: scikit-learn's
    // single-thread comparison. Iterations to converge depend on the
    // start, so five seeds (0–4), each timed (wall and CPU).
    let started = Instant::now();
    let built = build_features(&table, &features).expect("features");
    let features_ms = millis(started);
    let points = &built.matrix;
    for seed in 0..5 {
        let started = Instant::now();
        let cpu_started = thread_cpu_ms();
        let fit = kmeans(
            points,
            &KMeansOptions {
                n_init: 1,
                ..KMeansOptions::new(5, seed)
            },
        )
        .expect("fit");
        let fit_ms = millis(started);
        let fit_cpu_ms = thread_cpu_ms() - cpu_started;
        // One assignment pass (every point to its nearest centre: the
        // iteration's hot part; the rest is the centres' update).
        let cpu = thread_cpu_ms();
        std::hint::black_box(assign(points, &fit.centers));
        let pass_cpu_ms = thread_cpu_ms() - cpu;
        println!(
            "{}",
            serde_json::json!({
                "engine": "nimrokh-native-k5-single",
                "seed": seed,
                "features_ms": features_ms,
                "ms": fit_ms,
                "cpu_ms": fit_cpu_ms,
                "iterations": fit.iterations,
                "ms_per_iteration": fit_ms / fit.iterations.max(1) as f64,
                "cpu_ms_per_iteration": fit_cpu_ms / fit.iterations.max(1) as f64,
                "assign_pass_cpu_ms": pass_cpu_ms,
                "inertia": fit.inertia,
                "points": points.rows(),
                "dim": points.dim(),
            })
        );
    }
    eprintln!("matrix columns: {:?}", built.report.outputs);
    if let Ok(out) = std::env::var("NIMROKH_MATRIX_OUT") {
        let bytes: Vec<u8> = points
            .values()
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        std::fs::write(&out, bytes).expect("write the matrix");
        eprintln!(
            "matrix: {} × {} written to {out}",
            points.rows(),
            points.dim()
        );
    }
}

#[test]
#[ignore = "needs the generator's 1 M-customer file; prints timings"]
fn generated_customers_segment_timings() {
    let Some(bytes) = customers_file() else {
        return;
    };
    let started = Instant::now();
    let table = read_table("customers.csv", &bytes).expect("reads").table;
    eprintln!(
        "read {} rows in {:.2?}",
        table.row_count(),
        started.elapsed()
    );

    let choices = bench_features(&table);
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

/// Where auto-k's time goes, phase by phase, on the engine's sampling:
/// the feature matrix, the fits per k (4 restarts on the 50,000 sample),
/// the silhouette per k (4,000 points), the PCA of every customer and
/// the final assignment. Prints figures only.
#[test]
#[ignore = "needs the generator's 1 M-customer file; prints timings"]
fn auto_k_phase_timings() {
    let Some(bytes) = customers_file() else {
        return;
    };
    let table = read_table("customers.csv", &bytes).expect("reads").table;
    drop(bytes);
    let started = Instant::now();
    let built = build_features(&table, &bench_features(&table)).expect("features");
    eprintln!("features: {} ms", millis(started));
    let points = built.matrix;
    let mut rng = nimrokh::core::segment::SplitMix64::new(42);
    let mut sample: Vec<usize> = (0..points.rows()).collect();
    for i in 0..FIT_SAMPLE.min(sample.len()) {
        let j = i + (rng.next_u64() as usize) % (sample.len() - i);
        sample.swap(i, j);
    }
    sample.truncate(FIT_SAMPLE);
    let fitted = points.select(&sample);
    let (mut fits, mut silhouettes) = (0.0, 0.0);
    let started = Instant::now();
    let distances = nimrokh::core::segment::SilhouetteDistances::new(&fitted, SILHOUETTE_SAMPLE, 7);
    let measured = millis(started);
    eprintln!("silhouette distances measured once: {measured:.0} ms");
    let mut scored = 0.0;
    for k in 2..=8 {
        let started = Instant::now();
        let fit = kmeans(
            &fitted,
            &KMeansOptions {
                n_init: DEFAULT_RESTARTS,
                ..KMeansOptions::new(k, 42)
            },
        )
        .expect("fit");
        let fit_ms = millis(started);
        let (labels, _) = assign(&fitted, &fit.centers);
        let started = Instant::now();
        let s = nimrokh::core::segment::silhouette(&fitted, &labels, SILHOUETTE_SAMPLE, 7);
        let s_ms = millis(started);
        let started = Instant::now();
        let from_stored = distances.score(&labels);
        scored += millis(started);
        assert_eq!(
            s.map(|s| s.score.to_bits()),
            from_stored.map(|s| s.score.to_bits())
        );
        let iterations: usize = fit.runs.iter().map(|r| r.iterations).sum();
        eprintln!(
            "k={k}: fits {fit_ms:.0} ms ({iterations} iterations), silhouette {s_ms:.0} ms ({:?})",
            s.map(|s| s.score)
        );
        fits += fit_ms;
        silhouettes += s_ms;
    }
    eprintln!(
        "all fits {fits:.0} ms, all silhouettes {silhouettes:.0} ms measured per k, \
         {:.0} ms from stored distances",
        measured + scored
    );
    let started = Instant::now();
    let _ = nimrokh::core::segment::Pca::fit(&points);
    eprintln!("PCA of {} points: {} ms", points.rows(), millis(started));
    let started = Instant::now();
    let fit = kmeans(&fitted, &KMeansOptions::new(2, 42)).expect("fit");
    let _ = assign(&points, &fit.centers);
    eprintln!("assign all: {} ms", millis(started));
}

/// How long the rule builder's live count takes on a million customers:
/// two rules (age between 25 and 34 and gender is female; satisfaction at
/// least 4 or channel is app), each customer to the first. Prints figures.
#[test]
#[ignore = "needs the generator's 1 M-customer file; prints timings"]
fn rule_counts_on_a_million() {
    use nimrokh::core::segment::{assign_rule_segments, Condition, Join, Operator, Rule};
    let Some(bytes) = customers_file() else {
        return;
    };
    let table = read_table("customers.csv", &bytes).expect("reads").table;
    drop(bytes);
    let condition = |column: &str, operator, values: &[&str]| Condition {
        column: column.into(),
        operator,
        values: values.iter().map(|v| v.to_string()).collect(),
    };
    let rules = [
        Rule {
            join: Join::All,
            conditions: vec![
                condition("age", Operator::Between, &["25", "34"]),
                condition("gender", Operator::Equals, &["female"]),
            ],
        },
        Rule {
            join: Join::Any,
            conditions: vec![
                condition("satisfaction", Operator::GreaterOrEqual, &["4"]),
                condition("channel", Operator::Equals, &["app"]),
            ],
        },
    ];
    for _ in 0..3 {
        let started = Instant::now();
        let found = assign_rule_segments(&table, &rules);
        eprintln!(
            "{} rows, rules counted in {:.0} ms: {:?} assigned, {} everyone else",
            found.counts.total,
            millis(started),
            found
                .counts
                .segments
                .iter()
                .map(|s| s.assigned)
                .collect::<Vec<_>>(),
            found.counts.rest
        );
    }
}

/// Where auto-k's time goes, step by step, as the worker runs it: the
/// matrix, each start of each k (and its scores), the bootstraps, then the
/// map's PCA and every customer's segment.
#[test]
#[ignore = "needs the generator's 1 M-customer file; prints timings"]
fn auto_k_breakdown() {
    let Some(bytes) = customers_file() else {
        return;
    };
    let mut engine = Engine::new();
    let load = load_request(bytes.clone());
    let started = Instant::now();
    let loaded = engine.handle(load);
    eprintln!("load: {:.0} ms", millis(started));
    assert!(matches!(loaded, Response::Loaded(_)));
    let table = read_table("customers.csv", &bytes).expect("reads").table;
    drop(bytes);
    let request = SegmentRequest {
        features: bench_features(&table),
        k_min: 2,
        k_max: 8,
        k: None,
        seed: 42,
        restarts: DEFAULT_RESTARTS,
    };
    drop(table);
    let started = Instant::now();
    let Ok(mut job) = engine.start_segmenting(request) else {
        panic!("no job");
    };
    eprintln!("matrix and sample: {:.0} ms", millis(started));
    let mut steps = Vec::new();
    loop {
        let started = Instant::now();
        let done = job.step().expect("step");
        steps.push(millis(started));
        if done {
            break;
        }
    }
    eprintln!(
        "scan: {:.0} ms in {} steps: {:?}",
        steps.iter().sum::<f64>(),
        steps.len(),
        steps.iter().map(|s| s.round() as i64).collect::<Vec<_>>()
    );
    let started = Instant::now();
    let finished = engine.finish_segmenting(job);
    eprintln!("map and segments: {:.0} ms", millis(started));
    assert!(matches!(finished, Response::Segmented(_)));
}
