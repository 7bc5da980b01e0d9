//! Per-customer frequency, recency, T and monetary value on the CDNOW log
//! against `lifetimes` 0.11.3 (tests/fixtures/rfm_oracle.json; its header
//! says how it was made).

use std::path::Path;

use nimrokh::core::calendar::parse_day;
use nimrokh::core::customers::{summarise_customers, transactions_from_table, TransactionColumns};
use nimrokh::core::ingest::read_table;
use nimrokh::core::schema::DateOrder;
use serde_json::Value;

#[test]
fn cdnow_summary_matches_lifetimes() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/real/cdnow_master.txt"
    ));
    if !path.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let oracle: Value =
        serde_json::from_str(include_str!("fixtures/rfm_oracle.json")).expect("json");
    let bytes = std::fs::read(path).expect("read");
    let table = read_table("cdnow_master.txt", &bytes).expect("reads").table;
    let log = transactions_from_table(
        &table,
        TransactionColumns {
            customer: 0,
            date: 1,
            value: 3,
        },
    );
    assert_eq!((log.no_customer, log.bad_date, log.bad_value), (0, 0, 0));
    assert_eq!(log.transactions.len(), 69_659);
    let end = parse_day(
        oracle["observation_period_end"].as_str().unwrap(),
        Some(DateOrder::MonthFirst),
    )
    .unwrap();
    let summaries = summarise_customers(&log.transactions, end);
    assert_eq!(
        summaries.len() as u64,
        oracle["customers"].as_u64().unwrap()
    );

    let close = |ours: f64, theirs: &Value, what: &str| {
        let theirs = theirs.as_f64().unwrap();
        assert!(
            (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1.0),
            "{what}: {ours} vs {theirs}"
        );
    };
    close(
        summaries.iter().map(|s| s.frequency as f64).sum(),
        &oracle["sum_frequency"],
        "Σ frequency",
    );
    close(
        summaries.iter().map(|s| s.recency).sum(),
        &oracle["sum_recency"],
        "Σ recency",
    );
    close(summaries.iter().map(|s| s.t).sum(), &oracle["sum_T"], "Σ T");
    close(
        summaries.iter().map(|s| s.monetary).sum(),
        &oracle["sum_monetary"],
        "Σ monetary",
    );
    let first = oracle["first_200"].as_object().unwrap();
    assert_eq!(first.len(), 200);
    for (id, expected) in first {
        let ours = summaries
            .iter()
            .find(|s| &s.customer == id)
            .unwrap_or_else(|| panic!("{id}"));
        close(ours.frequency as f64, &expected["frequency"], id);
        close(ours.recency, &expected["recency"], id);
        close(ours.t, &expected["T"], id);
        close(ours.monetary, &expected["monetary_value"], id);
    }
}
