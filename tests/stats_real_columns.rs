#![cfg(not(target_arch = "wasm32"))]
//! Histograms of real columns under ../shared/data/real: every value lands
//! in a bin, edges are nice and finite.

mod shared_data;
use shared_data::real_dir;

use std::path::Path;

use nimrokh::core::ingest::{read_table, Ingested};
use nimrokh::core::stats::{histogram, numeric_values, Histogram};

fn ingest(dir: &Path, file: &str) -> Ingested {
    let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    read_table(file, &bytes).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn histogram_of(ingested: &Ingested, column: &str, target_bins: usize) -> Histogram {
    let column = ingested
        .table
        .column_by_name(column)
        .unwrap_or_else(|| panic!("no column {column:?}"));
    histogram(&column.cells, target_bins)
}

fn is_nice(width: f64) -> bool {
    let exponent = width.log10().floor();
    let mantissa = width / 10f64.powf(exponent);
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .any(|m| (m - mantissa).abs() < 1e-9)
}

fn assert_well_formed(h: &Histogram, values: u64, target_bins: usize) {
    assert_eq!(h.edges.len(), h.counts.len() + 1, "{h:?}");
    assert!(
        !h.counts.is_empty() && h.counts.len() <= target_bins,
        "{h:?}"
    );
    assert!(h.edges.iter().all(|e| e.is_finite()), "{h:?}");
    let widths: Vec<f64> = h.edges.windows(2).map(|p| p[1] - p[0]).collect();
    assert!(widths.iter().all(|w| *w > 0.0 && is_nice(*w)), "{h:?}");
    assert_eq!(h.counts.iter().sum::<u64>(), values, "{h:?}");
}

#[test]
fn mall_ages() {
    let Some(dir) = real_dir() else { return };
    let mall = ingest(&dir, "mall_customers.csv");
    let h = histogram_of(&mall, "age", 20);
    assert_well_formed(&h, 200, 20);
    assert_eq!((h.missing, h.invalid), (0, 0));
    // Ages run 18..=70 (checked with Python).
    assert!(
        h.edges.first().is_some_and(|e| *e <= 18.0) && h.edges.last().is_some_and(|e| *e > 70.0),
        "{h:?}"
    );
}

#[test]
fn bank_balances_span_negative_and_large_values() {
    let Some(dir) = real_dir() else { return };
    let bank = ingest(&dir, "bank_marketing_full.csv");
    let h = histogram_of(&bank, "balance", 30);
    assert_well_formed(&h, 45_212, 30);
    assert!(h.edges.first().is_some_and(|e| *e < 0.0), "{h:?}");
}

#[test]
fn telco_total_charges_count_blanks_as_missing() {
    let Some(dir) = real_dir() else { return };
    let telco = ingest(&dir, "telco_customer_churn.csv");
    let h = histogram_of(&telco, "TotalCharges", 20);
    assert_eq!((h.missing, h.invalid), (11, 0));
    assert_well_formed(&h, 7_043 - 11, 20);
    let column = telco
        .table
        .column_by_name("TotalCharges")
        .map(|c| numeric_values(&c.cells));
    assert_eq!(
        column.map(|(values, missing, invalid)| (values.len(), missing, invalid)),
        Some((7_032, 11, 0))
    );
}

#[test]
fn retail_descriptions_are_invalid_not_numbers() {
    let Some(dir) = real_dir() else { return };
    let retail = ingest(&dir, "online_retail_dec2010.csv");
    let h = histogram_of(&retail, "Description", 20);
    assert!(h.counts.is_empty() && h.edges.is_empty(), "{h:?}");
    assert_eq!((h.missing, h.invalid), (113, 28_492 - 113));
    let quantity = histogram_of(&retail, "Quantity", 20);
    assert_well_formed(&quantity, 28_492, 20);
}
