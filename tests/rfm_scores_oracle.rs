//! RFM scores and named segments of every customer of UCI Online Retail
//! (December 2010), built as the studio builds its customer base, against
//! pandas (`qcut` of `rank(method="first")`, the notebooks' regex map):
//! tests/fixtures/rfm_scores_oracle.py, whose docstring gives the command.
//! (tests/rfm_oracle.rs is the older check of the per-customer BTYD
//! figures against lifetimes.)

mod shared_data;

use nimrokh::core::customer_base::build_customer_base;
use nimrokh::core::segment::{rfm_segments, RfmRules, RfmSegment};
use nimrokh::core::table::Table;
use serde_json::Value;
use shared_data::{assert_close, online_retail_columns, real_table};

fn online_retail() -> Option<Table> {
    real_table("online_retail_dec2010.csv")
}

#[test]
fn online_retail_rfm_segments_match_pandas_row_for_row() {
    let Some(table) = online_retail() else { return };
    let oracle: Value =
        serde_json::from_str(include_str!("fixtures/rfm_scores_oracle.json")).expect("json");
    let columns = online_retail_columns(&table);
    let base = build_customer_base(&table, columns, None).expect("base");
    let (report, assignments) = rfm_segments(&base.records, &RfmRules::standard());
    let customers = oracle["customers"].as_object().expect("customers");
    assert_eq!(base.records.len(), customers.len());
    assert_eq!(report.customers, customers.len());
    assert_eq!(report.unassigned, 0);
    for (record, ours) in base.records.iter().zip(&assignments) {
        let theirs = &customers[&record.id];
        let score = |i: usize| theirs[i].as_u64().expect("score") as u8;
        assert_eq!(
            (
                ours.score.recency,
                ours.score.frequency,
                ours.score.monetary
            ),
            (score(0), score(1), score(2)),
            "{}",
            record.id
        );
        assert_eq!(
            ours.segment.map(RfmSegment::key),
            theirs[3].as_str(),
            "{}",
            record.id
        );
    }
    let segments = oracle["segments"].as_object().expect("segments");
    let named: Vec<_> = report.segments.iter().filter(|s| s.customers > 0).collect();
    assert_eq!(named.len(), segments.len());
    for ours in named {
        let theirs = &segments[ours.segment.key()];
        let what = ours.segment.key();
        assert_eq!(ours.customers as u64, theirs["customers"].as_u64().unwrap());
        assert_close(
            ours.mean_days_since_last.unwrap(),
            theirs["mean_recency"].as_f64().unwrap(),
            what,
        );
        assert_close(
            ours.mean_orders.unwrap(),
            theirs["mean_frequency"].as_f64().unwrap(),
            what,
        );
        assert_close(
            ours.mean_spend.unwrap(),
            theirs["mean_monetary"].as_f64().unwrap(),
            what,
        );
        assert_close(
            ours.total_spend,
            theirs["total_monetary"].as_f64().unwrap(),
            what,
        );
    }
    for (name, thresholds) in [
        ("recency", &report.recency),
        ("frequency", &report.frequency),
        ("monetary", &report.monetary),
    ] {
        for (level, theirs) in thresholds
            .levels
            .iter()
            .zip(oracle["levels"][name].as_array().unwrap())
        {
            assert_close(level.min.unwrap(), theirs[0].as_f64().unwrap(), name);
            assert_close(level.max.unwrap(), theirs[1].as_f64().unwrap(), name);
        }
    }
    eprintln!(
        "{} customers; frequency levels {:?}",
        report.customers,
        report
            .frequency
            .levels
            .iter()
            .map(|l| (l.min, l.max))
            .collect::<Vec<_>>()
    );
}
