#![cfg(not(target_arch = "wasm32"))]
//! Issue 6: clustering runs on a real file with missing values and
//! categories (telco_customer_churn.csv, 7,043 customers) without dropping
//! anyone silently. The engine is driven natively as the worker drives it:
//! `Request::Load`, the page's suggested features (`suggest_features` on
//! the columns' inferred kinds, as `segments_panel.rs` `fresh_draft` does)
//! plus the service categories a telco analyst would add, then
//! `Request::Segment`.

mod shared_data;

use nimrokh::core::ingest::LoadOptions;
use nimrokh::core::segment::{
    feature_choices, suggest_features, CategoricalOptions, FeatureKind, FeatureSetting, FeatureStep,
};
use nimrokh::engine::{
    ColumnSummary, Engine, FilePlace, Request, Response, SegmentRequest, SegmentationSummary,
    TableSummary,
};
use shared_data::real_dir;

const FILE: &str = "telco_customer_churn.csv";
/// Customers in the file (one per data row).
const CUSTOMERS: usize = 7043;
/// TotalCharges is a single space for the 11 customers in their first
/// month (tenure 0): missing, to be filled, never a reason to drop them.
const BLANK_TOTAL_CHARGES: usize = 11;
/// Categories added to the suggestion: what the customer bought and how
/// they pay, the telco's usual segmentation axes.
const ADDED_CATEGORIES: [&str; 3] = ["Contract", "PaymentMethod", "InternetService"];

/// The engine with the telco file open, and its summary.
fn open_telco() -> Option<(Engine, TableSummary)> {
    let bytes = std::fs::read(real_dir()?.join(FILE)).expect("read the telco file");
    let mut engine = Engine::new();
    match engine.handle(Request::Load {
        file_name: FILE.into(),
        bytes,
        options: LoadOptions::default(),
        place: FilePlace::Open,
    }) {
        Response::Loaded(summary) => Some((engine, summary)),
        other => panic!("the telco file did not load: {other:?}"),
    }
}

/// The page's suggested features, plus [`ADDED_CATEGORIES`] as categories
/// where the suggestion left them out.
fn features(summary: &TableSummary) -> Vec<FeatureSetting> {
    let names: Vec<String> = summary.columns.iter().map(|c| c.name.clone()).collect();
    let kinds: Vec<_> = summary.columns.iter().map(ColumnSummary::kind).collect();
    let mut settings = suggest_features(&names, &kinds);
    for name in ADDED_CATEGORIES {
        if !settings.iter().any(|s| s.column == name) {
            settings.push(FeatureSetting {
                column: name.into(),
                kind: FeatureKind::Categorical(CategoricalOptions::default()),
            });
        }
    }
    settings
}

fn segment(engine: &mut Engine, summary: &TableSummary, seed: u64) -> SegmentationSummary {
    let names: Vec<String> = summary.columns.iter().map(|c| c.name.clone()).collect();
    let choices = feature_choices(&features(summary), &names).expect("columns exist");
    let request = SegmentRequest {
        features: choices,
        k_min: 2,
        k_max: 8,
        k: None,
        seed,
        restarts: 4,
    };
    match engine.handle(Request::Segment(request)) {
        Response::Segmented(found) => *found,
        other => panic!("not segmented: {other:?}"),
    }
}

fn numeric_step<'a>(found: &'a SegmentationSummary, name: &str) -> &'a FeatureStep {
    found
        .features
        .steps
        .iter()
        .find(|s| matches!(s, FeatureStep::Numeric { name: n, .. } if n == name))
        .unwrap_or_else(|| panic!("{name} is not a numeric feature: {:?}", found.features))
}

#[test]
fn every_telco_customer_gets_a_segment() {
    let Some((mut engine, summary)) = open_telco() else {
        return;
    };
    assert_eq!(summary.row_count(), CUSTOMERS);
    let settings = features(&summary);
    eprintln!("features: {settings:?}");
    let found = segment(&mut engine, &summary, 42);

    // Nobody dropped: every row has at least one chosen value.
    assert_eq!((found.rows, found.segmented), (CUSTOMERS, CUSTOMERS));
    assert_eq!(found.features.excluded_rows, 0);
    assert_eq!(found.sizes.iter().sum::<usize>(), CUSTOMERS);
    assert_eq!(found.sizes.len(), found.k);
    assert!(found.sizes.iter().all(|&s| s > 0), "{:?}", found.sizes);
    assert!((2..=8).contains(&found.k), "k = {}", found.k);

    // TotalCharges' blank cells are filled, counted and described.
    let FeatureStep::Numeric {
        imputed,
        unreadable,
        fill,
        log1p,
        ..
    } = numeric_step(&found, "TotalCharges")
    else {
        unreachable!()
    };
    assert_eq!((*imputed, *unreadable), (BLANK_TOTAL_CHARGES, 0));
    assert!(*log1p, "money is suggested on a log scale");
    // The median of ln(1 + charges) over the 7,032 written cells: the mean
    // of the two middle logs, charges 1397.30 and 1397.65 (pandas:
    // np.log1p(pd.to_numeric(df.TotalCharges, errors="coerce")).median()
    // = 7.243137628356653).
    let middle = (1398.3f64.ln() + 1398.65f64.ln()) / 2.0;
    assert!((fill - middle).abs() < 1e-12, "fill {fill}");
    assert!((fill - 7.243137628356653).abs() < 1e-12, "fill {fill}");
    for name in ["tenure", "MonthlyCharges"] {
        let FeatureStep::Numeric { imputed, .. } = numeric_step(&found, name) else {
            unreachable!()
        };
        assert_eq!(*imputed, 0, "{name} has no blanks");
    }

    // The categories are one indicator per level, not integer codes.
    let levels = |name: &str| {
        found
            .features
            .steps
            .iter()
            .find_map(|s| match s {
                FeatureStep::Categorical {
                    name: n,
                    levels,
                    missing,
                    indicator,
                    ..
                } if n == name => Some((levels.clone(), *missing, *indicator)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{name} is not a categorical feature"))
    };
    let expected: [(&str, &[&str]); 3] = [
        ("Contract", &["Month-to-month", "Two year", "One year"]),
        (
            "PaymentMethod",
            &[
                "Electronic check",
                "Mailed check",
                "Bank transfer (automatic)",
                "Credit card (automatic)",
            ],
        ),
        ("InternetService", &["Fiber optic", "DSL", "No"]),
    ];
    for (name, want) in expected {
        let (got, missing, indicator) = levels(name);
        assert_eq!(got, want, "{name}: levels, most frequent first");
        assert_eq!(missing, 0, "{name}");
        assert!((indicator - 0.5f64.sqrt()).abs() < 1e-15, "{name}: √(γ/2)");
        for level in want {
            let column = format!("{name}={level}");
            assert!(
                found.features.outputs.contains(&column),
                "{column} not in {:?}",
                found.features.outputs
            );
        }
    }
    assert!(
        !found.features.outputs.iter().any(|o| o == "Contract"),
        "Contract is not a single coded column"
    );

    // Same data, settings and seed: the same segments.
    let again = segment(&mut engine, &summary, 42);
    assert_eq!(again, found);
    eprintln!(
        "k = {} (suggested {:?}), sizes {:?}, silhouette {:?}, outputs {}",
        found.k,
        found.suggested,
        found.sizes,
        found
            .scores
            .iter()
            .map(|s| (s.k, s.silhouette))
            .collect::<Vec<_>>(),
        found.features.outputs.len()
    );
}
