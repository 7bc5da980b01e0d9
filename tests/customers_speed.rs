//! How fast a large transaction log is summarised (no assertion on time).
//! Make the file, then run this test in release:
//!
//!     python3 /work/shared/tools/gen_customers.py --customers 1000000 --seed 42 --out /tmp/gen
//!     NIMROKH_TRANSACTIONS=/tmp/gen/transactions_1e6.csv \
//!       cargo test --release --locked --test customers_speed -- --ignored --nocapture

use std::hash::{Hash, Hasher};
use std::time::Instant;

use nimrokh::core::calendar::{decide_order, parse_day, DayReader};
use nimrokh::core::clv::{
    conditional_expected_purchases, fit_bgnbd, fit_gamma_gamma, probability_alive, BgNbdParams,
    Horizon, Observation, TimeUnit as ModelUnit, ValueModel,
};
use nimrokh::core::customer_base::{build_customer_base, BASE_UNIT};
use nimrokh::core::customers::{
    default_as_of, summarise_customers, transactions_from_table, SummaryOptions, TimeUnit,
    TransactionColumns, TransactionLog,
};
use nimrokh::core::ingest::read_table;
use nimrokh::core::schema::parse_measure;
use nimrokh::core::table::Table;

fn column(table: &Table, name: &str) -> usize {
    table
        .column_index(name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
#[ignore = "needs the generator's 4 M-line file; prints rows/s"]
fn generated_log_rows_per_second() {
    let path = std::env::var("NIMROKH_TRANSACTIONS")
        .unwrap_or_else(|_| "/tmp/gen/transactions_1e6.csv".into());
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipping: {path} not found (see this file's header)");
        return;
    };
    let started = Instant::now();
    let table = read_table("transactions.csv", &bytes).expect("reads").table;
    let read = started.elapsed();
    let rows = table.row_count();
    let columns = TransactionColumns {
        customer: column(&table, "customer_id"),
        date: column(&table, "txn_ts"),
        value: Some(column(&table, "amount")),
        invoice: Some(column(&table, "txn_id")),
        ..TransactionColumns::default()
    };
    stage_timings(&table, &columns);
    let started = Instant::now();
    let log = transactions_from_table(&table, columns).expect("columns");
    let logged = started.elapsed();
    let started = Instant::now();
    let without_invoices = TransactionColumns {
        invoice: None,
        ..columns
    };
    let without = transactions_from_table(&table, without_invoices).expect("columns");
    eprintln!(
        "transactions_from_table without the invoice column {:.2?}",
        started.elapsed()
    );
    eprintln!(
        "fingerprints (to compare before and after a change): with invoices {:016x}, without {:016x}",
        fingerprint(&log),
        fingerprint(&without)
    );
    let as_of = default_as_of(&log).expect("lines");
    let mut timings = Vec::new();
    for unit in [TimeUnit::Days, TimeUnit::Weeks] {
        let started = Instant::now();
        let found = summarise_customers(&log, SummaryOptions { as_of, unit });
        timings.push((unit, started.elapsed(), found.buyers.len()));
    }
    let per_second = |d: std::time::Duration| rows as f64 / d.as_secs_f64();
    eprintln!("{rows} rows, read_table {read:.2?}");
    eprintln!(
        "transactions_from_table {logged:.2?} ({:.0} rows/s); report {:?}",
        per_second(logged),
        (
            log.report.used,
            log.report.return_lines,
            log.report.orphans.count,
            log.report.bad_date.count,
            log.report.bad_value.count
        )
    );
    for (unit, took, buyers) in timings {
        eprintln!(
            "summarise_customers {unit:?} {took:.2?} ({:.0} rows/s), {buyers} buyers",
            per_second(took)
        );
    }
    base_timings(&table, without_invoices);
}

/// A hash of every field of a log, bit for bit, so a change meant to make
/// reading faster can be checked to read the same.
fn fingerprint(log: &TransactionLog) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    log.customers.hash(&mut hasher);
    for t in &log.transactions {
        (t.customer, t.day, t.value.to_bits(), t.order, t.is_return).hash(&mut hasher);
    }
    format!("{:?}", log.report).hash(&mut hasher);
    log.report.orphan_value.to_bits().hash(&mut hasher);
    format!("{:?}", log.date_order).hash(&mut hasher);
    hasher.finish()
}

/// What the engine's `Request::Customers` runs (the log, the weekly
/// summaries, BG/NBD + Gamma-Gamma fitted, a record per customer), and the
/// model fit alone, so a benchmark can say which part dominates.
fn base_timings(table: &Table, columns: TransactionColumns) {
    let started = Instant::now();
    let base = build_customer_base(table, columns, None).expect("a base");
    eprintln!(
        "build_customer_base (no invoice column) {:.2?}, {} customers",
        started.elapsed(),
        base.summary.customers
    );
    let log = transactions_from_table(table, columns).expect("columns");
    let as_of = default_as_of(&log).expect("lines");
    let unit = BASE_UNIT;
    let summaries = summarise_customers(&log, SummaryOptions { as_of, unit });
    let observations: Vec<Observation> = summaries
        .buyers
        .iter()
        .map(|s| Observation {
            frequency: s.frequency as f64,
            recency: s.recency,
            age: s.t,
            monetary: s.monetary,
        })
        .collect();
    let spenders: Vec<Observation> = observations
        .iter()
        .filter(|o| o.spend_problem().is_none())
        .copied()
        .collect();
    // The likelihoods are sums over customers; customers with the same
    // (frequency, recency, T) contribute the same term.
    let distinct: std::collections::HashSet<_> = observations
        .iter()
        .map(|o| (o.frequency.to_bits(), o.recency.to_bits(), o.age.to_bits()))
        .collect();
    eprintln!(
        "  {} distinct (frequency, recency, T) among {} buyers",
        distinct.len(),
        observations.len()
    );
    let distinct_spends: std::collections::HashSet<_> = spenders
        .iter()
        .filter(|o| o.frequency > 0.0)
        .map(|o| (o.frequency.to_bits(), o.monetary.to_bits()))
        .collect();
    eprintln!(
        "  {} distinct (frequency, monetary) among {} repeat spenders",
        distinct_spends.len(),
        spenders.iter().filter(|o| o.frequency > 0.0).count()
    );
    let started = Instant::now();
    let purchases = fit_bgnbd(&observations);
    let purchases_took = started.elapsed();
    let started = Instant::now();
    let spend = fit_gamma_gamma(&spenders);
    eprintln!(
        "  of which the fit: BG/NBD {purchases_took:.2?} ({} buyers, {:?} iterations), Gamma-Gamma {:.2?} ({} spenders, {:?} iterations)",
        observations.len(),
        purchases.as_ref().map(|f| f.iterations),
        started.elapsed(),
        spenders.len(),
        spend.as_ref().map(|f| f.iterations),
    );
    if let (Ok(purchases), Ok(spend)) = (purchases, spend) {
        let model = ValueModel::Fitted { purchases, spend };
        prediction_timings(&model, &purchases.params, &observations);
    }
}

/// The per-customer predictions `build_customer_base` makes after the fit
/// (P(alive), expected purchases over a year, lifetime value), timed apart.
fn prediction_timings(model: &ValueModel, purchases: &BgNbdParams, observations: &[Observation]) {
    let horizon = Horizon::year(ModelUnit::Weeks);
    let started = Instant::now();
    let alive = observations
        .iter()
        .filter(|o| probability_alive(purchases, o).is_finite())
        .count();
    let alive_took = started.elapsed();
    let started = Instant::now();
    let expected = observations
        .iter()
        .filter(|o| conditional_expected_purchases(purchases, horizon.length(), o).is_some())
        .count();
    let expected_took = started.elapsed();
    let started = Instant::now();
    let one_by_one: Vec<Option<u64>> = observations
        .iter()
        .map(|o| model.lifetime_value(o, &horizon).ok().map(f64::to_bits))
        .collect();
    let valued = one_by_one.iter().flatten().count();
    eprintln!(
        "  predictions one customer at a time: p_alive {alive_took:.2?} ({alive}), expected purchases {expected_took:.2?} ({expected}), lifetime value {:.2?} ({valued})",
        started.elapsed()
    );
    let started = Instant::now();
    let mut valued = 0;
    let mut all_at_once = vec![None; observations.len()];
    model.predict_each(observations, &horizon, |index, p| {
        valued += usize::from(p.lifetime_value.is_ok());
        if let Some(slot) = all_at_once.get_mut(index) {
            *slot = p.lifetime_value.ok().map(f64::to_bits);
        }
    });
    eprintln!(
        "  predictions by distinct history (predict_each, as build_customer_base): {:.2?} ({valued})",
        started.elapsed()
    );
    assert_eq!(all_at_once, one_by_one, "lifetime values to the bit");
}

/// Where transactions_from_table's time goes: the calendar and number
/// readers it calls on every cell, timed alone.
fn stage_timings(table: &Table, columns: &TransactionColumns) {
    let cells = |index: usize| &table.columns[index].cells;
    let started = Instant::now();
    let order = decide_order(cells(columns.date).iter());
    eprintln!("  decide_order {:.2?}", started.elapsed());
    let started = Instant::now();
    let days = cells(columns.date)
        .iter()
        .filter(|cell| parse_day(cell, order).is_some())
        .count();
    eprintln!("  parse_day {:.2?} ({days} dates)", started.elapsed());
    let started = Instant::now();
    let mut reader = DayReader::new(order);
    let days = cells(columns.date)
        .iter()
        .filter(|cell| reader.day(cell).is_some())
        .count();
    eprintln!("  DayReader {:.2?} ({days} dates)", started.elapsed());
    let started = Instant::now();
    let values = cells(columns.value.expect("value"))
        .iter()
        .filter(|cell| parse_measure(cell).is_some())
        .count();
    eprintln!(
        "  parse_measure {:.2?} ({values} values)",
        started.elapsed()
    );
}
