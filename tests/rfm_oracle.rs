//! Per-customer frequency, recency, T and monetary value on the CDNOW log
//! against `lifetimes` 0.11.3: in days to the last purchase day
//! (tests/fixtures/rfm_oracle.json) and in weeks to 1997-09-30, every
//! customer row for row (tests/fixtures/rfm_weekly_oracle.csv). Each
//! fixture's script says how it was made.

use std::path::Path;

use nimrokh::core::calendar::{day_number, parse_day};
use nimrokh::core::customers::{
    summarise_customers, transactions_from_table, CustomerSummary, SummaryOptions, TimeUnit,
    TransactionColumns, TransactionLog,
};
use nimrokh::core::ingest::read_table;
use nimrokh::core::schema::DateOrder;
use serde_json::Value;

/// The CDNOW log (customer 0, date 1, dollar value 3), or None when
/// ../shared is absent.
fn cdnow() -> Option<TransactionLog> {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/real/cdnow_master.txt"
    ));
    if !path.exists() {
        eprintln!("skipping: ../shared not found");
        return None;
    }
    let bytes = std::fs::read(path).expect("read");
    let table = read_table("cdnow_master.txt", &bytes).expect("reads").table;
    let log = transactions_from_table(
        &table,
        TransactionColumns {
            customer: 0,
            date: 1,
            value: Some(3),
            ..TransactionColumns::default()
        },
    )
    .expect("columns");
    let report = &log.report;
    assert_eq!(
        (
            report.orphans.count,
            report.bad_date.count,
            report.bad_value.count
        ),
        (0, 0, 0)
    );
    assert_eq!(log.transactions.len(), 69_659);
    assert_eq!(report.return_lines, 0);
    Some(log)
}

fn close(ours: f64, theirs: f64, tolerance: f64, what: &str) {
    assert!(
        (ours - theirs).abs() <= tolerance * theirs.abs().max(1.0),
        "{what}: {ours} vs {theirs}"
    );
}

#[test]
fn cdnow_summary_in_days_matches_lifetimes() {
    let Some(log) = cdnow() else { return };
    let oracle: Value =
        serde_json::from_str(include_str!("fixtures/rfm_oracle.json")).expect("json");
    let end = parse_day(
        oracle["observation_period_end"].as_str().unwrap(),
        Some(DateOrder::MonthFirst),
    )
    .unwrap();
    let options = SummaryOptions {
        as_of: end,
        unit: TimeUnit::Days,
    };
    let found = summarise_customers(&log, options);
    assert!(found.returns_only.is_empty());
    let summaries = found.buyers;
    assert_eq!(
        summaries.len() as u64,
        oracle["customers"].as_u64().unwrap()
    );
    let total = |f: fn(&CustomerSummary) -> f64, key: &str| {
        let ours: f64 = summaries.iter().map(f).sum();
        close(ours, oracle[key].as_f64().unwrap(), 1e-9, key);
    };
    total(|s| s.frequency as f64, "sum_frequency");
    total(|s| s.recency, "sum_recency");
    total(|s| s.t, "sum_T");
    total(|s| s.monetary, "sum_monetary");
    let first = oracle["first_200"].as_object().unwrap();
    assert_eq!(first.len(), 200);
    for (id, expected) in first {
        let ours = summaries
            .iter()
            .find(|s| &s.customer == id)
            .unwrap_or_else(|| panic!("{id}"));
        let expect = |key: &str| expected[key].as_f64().unwrap();
        close(ours.frequency as f64, expect("frequency"), 1e-9, id);
        close(ours.recency, expect("recency"), 1e-9, id);
        close(ours.t, expect("T"), 1e-9, id);
        close(ours.monetary, expect("monetary_value"), 1e-9, id);
    }
}

#[test]
fn cdnow_summary_in_weeks_matches_lifetimes_for_every_customer() {
    let Some(log) = cdnow() else { return };
    let options = SummaryOptions {
        as_of: day_number(1997, 9, 30).unwrap(),
        unit: TimeUnit::Weeks,
    };
    let found = summarise_customers(&log, options);
    assert!(found.returns_only.is_empty());
    let fixture = include_str!("fixtures/rfm_weekly_oracle.csv");
    let rows: Vec<&str> = fixture
        .lines()
        .filter(|line| !line.starts_with('#'))
        .skip(1)
        .collect();
    assert_eq!(rows.len(), 23_570);
    assert_eq!(found.buyers.len(), rows.len());
    for (ours, row) in found.buyers.iter().zip(&rows) {
        let fields: Vec<&str> = row.split(',').collect();
        let [id, frequency, recency, t, monetary] = fields.as_slice() else {
            panic!("fixture row {row}");
        };
        assert_eq!(&ours.customer, id);
        let number = |cell: &str| cell.parse::<f64>().unwrap();
        assert_eq!(ours.frequency as f64, number(frequency), "{id} frequency");
        assert_eq!(ours.recency, number(recency), "{id} recency");
        assert_eq!(ours.t, number(t), "{id} T");
        // The fixture is rounded to 6 decimals.
        assert!(
            (ours.monetary - number(monetary)).abs() <= 5.000_001e-7,
            "{id} monetary: {} vs {monetary}",
            ours.monetary
        );
    }
}
