//! The customer base as the studio builds it from the whole CDNOW log
//! (weeks, as of 1997-09-30): the fitted models and every sampled
//! customer's probability alive, expected purchases and 12-month value
//! against `lifetimes` 0.11.3 fitted to its own summary of the same log
//! (tests/fixtures/customer_base_oracle.json; the script beside it says how).

use std::path::Path;
use std::time::Instant;

use nimrokh::core::calendar::day_number;
use nimrokh::core::clv::ValueModel;
use nimrokh::core::customer_base::build_customer_base;
use nimrokh::core::customers::TransactionColumns;
use nimrokh::core::ingest::read_table;
use serde_json::Value;

fn close(ours: f64, theirs: f64, tolerance: f64, what: &str) {
    assert!(
        (ours - theirs).abs() <= tolerance * theirs.abs().max(1e-3),
        "{what}: ours {ours} vs lifetimes {theirs}"
    );
}

#[test]
fn cdnow_base_matches_lifetimes_fitted_on_its_own_summary() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/real/cdnow_master.txt"
    ));
    if !path.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let oracle: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/customer_base_oracle.json"
        ))
        .expect("fixture"),
    )
    .expect("json");
    let bytes = std::fs::read(path).expect("read");
    let table = read_table("cdnow_master.txt", &bytes).expect("reads").table;
    let started = Instant::now();
    let base = build_customer_base(
        &table,
        TransactionColumns {
            customer: 0,
            date: 1,
            value: Some(3),
            ..TransactionColumns::default()
        },
        day_number(1997, 9, 30),
    )
    .expect("a base");
    println!(
        "customer base of 69,659 lines (summary + both fits + predictions): {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let summary = &base.summary;
    assert_eq!(
        summary.customers as u64,
        oracle["customers"].as_u64().unwrap()
    );
    assert_eq!(
        summary.spend_left_out as u64,
        oracle["spend_left_out"].as_u64().unwrap()
    );
    let ValueModel::Fitted { purchases, spend } = &summary.model else {
        panic!("the models did not fit: {:?}", summary.model);
    };
    let bg = &oracle["bgnbd"];
    let p = &purchases.params;
    for (ours, name) in [(p.r, "r"), (p.alpha, "alpha"), (p.a, "a"), (p.b, "b")] {
        close(ours, bg[name].as_f64().unwrap(), 1e-4, name);
    }
    let gg = &oracle["gamma_gamma"];
    let g = &spend.params;
    for (ours, name) in [(g.p, "p"), (g.q, "q"), (g.v, "v")] {
        close(ours, gg[name].as_f64().unwrap(), 1e-4, name);
    }
    let sample = oracle["sample"].as_array().unwrap();
    assert!(sample.len() > 200);
    for theirs in sample {
        let id = theirs["id"].as_str().unwrap();
        let ours = base
            .record(id)
            .unwrap_or_else(|| panic!("no customer {id}"));
        close(
            ours.p_alive.expect("p alive"),
            theirs["p_alive"].as_f64().unwrap(),
            1e-3,
            &format!("{id} p_alive"),
        );
        close(
            ours.expected_purchases.expect("expected purchases"),
            theirs["expected_purchases"].as_f64().unwrap(),
            1e-3,
            &format!("{id} expected purchases"),
        );
        match theirs["clv"].as_f64() {
            Some(clv) => close(
                ours.predicted_value.expect("a value"),
                clv,
                1e-3,
                &format!("{id} clv"),
            ),
            None => assert_eq!(ours.predicted_value, None, "{id}: spend unknown"),
        }
    }
}
