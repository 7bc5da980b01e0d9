//! Per-customer behaviour in UCI Online Retail (December 2010): orphans
//! (blank CustomerID) reported, cancellations kept out of the purchases and
//! reported per customer, against an independent pandas computation of the
//! same rule (tests/fixtures/online_retail_oracle.py; its docstring gives
//! the command). Columns are picked by header name.

mod shared_data;

use nimrokh::core::calendar::parse_day;
use nimrokh::core::customers::{
    default_as_of, summarise_customers, transactions_from_table, CustomerSummaries, SummaryOptions,
    TimeUnit, TransactionColumns, TransactionLog,
};
use nimrokh::core::schema::DateOrder;
use nimrokh::core::table::Table;
use serde_json::Value;
use shared_data::{assert_close, online_retail_columns, real_table};

fn online_retail() -> Option<Table> {
    real_table("online_retail_dec2010.csv")
}

fn check(log: &TransactionLog, oracle: &Value) -> CustomerSummaries {
    let report = &log.report;
    assert_eq!(report.rows as u64, oracle["rows"].as_u64().unwrap());
    assert_eq!(
        report.orphans.count as u64,
        oracle["orphan_rows"].as_u64().unwrap()
    );
    assert_eq!(report.orphan_unreadable_values, 0);
    assert_close(
        report.orphan_value,
        oracle["orphan_value"].as_f64().unwrap(),
        "orphan value",
    );
    assert_eq!((report.bad_date.count, report.bad_value.count), (0, 0));
    assert_eq!(
        report.return_lines as u64,
        oracle["return_lines"].as_u64().unwrap()
    );
    let as_of = default_as_of(log).unwrap();
    assert_eq!(
        Some(as_of),
        parse_day(
            oracle["as_of"].as_str().unwrap(),
            Some(DateOrder::MonthFirst)
        )
    );
    let found = summarise_customers(
        log,
        SummaryOptions {
            as_of,
            unit: TimeUnit::Days,
        },
    );
    let buyers = oracle["buyers"].as_object().unwrap();
    assert_eq!(found.buyers.len(), buyers.len());
    for ours in &found.buyers {
        let id = &ours.customer;
        let theirs = &buyers[id];
        let number = |key: &str| theirs[key].as_f64().unwrap();
        assert_eq!(ours.frequency as f64, number("frequency"), "{id}");
        assert_eq!(ours.recency, number("recency"), "{id}");
        assert_eq!(ours.t, number("T"), "{id}");
        assert_eq!(f64::from(ours.tenure_days), number("T"), "{id} tenure");
        assert_close(ours.monetary, number("monetary"), id);
        assert_eq!(ours.orders as f64, number("orders"), "{id}");
        assert_close(ours.total_spend, number("total_spend"), id);
        assert_close(
            ours.average_order_value,
            number("total_spend") / number("orders"),
            id,
        );
        match theirs["mean_interval_days"].as_f64() {
            Some(days) => assert_close(ours.mean_interval_days.unwrap(), days, id),
            None => assert_eq!(ours.mean_interval_days, None, "{id}"),
        }
        assert_eq!(ours.returns as f64, number("returns"), "{id}");
        assert_eq!(ours.return_lines as f64, number("return_lines"), "{id}");
        assert_close(ours.returned_value, number("returned_value"), id);
        assert_close(
            ours.net_spend,
            number("total_spend") - number("returned_value"),
            id,
        );
    }
    let returns_only = oracle["returns_only"].as_object().unwrap();
    assert_eq!(found.returns_only.len(), returns_only.len());
    for ours in &found.returns_only {
        let theirs = &returns_only[&ours.customer];
        assert_eq!(ours.returns, theirs["returns"].as_u64().unwrap());
        assert_eq!(ours.return_lines, theirs["return_lines"].as_u64().unwrap());
        assert_close(
            ours.returned_value,
            theirs["returned_value"].as_f64().unwrap(),
            &ours.customer,
        );
    }
    found
}

#[test]
fn online_retail_customers_match_pandas() {
    let Some(table) = online_retail() else { return };
    let oracle: Value =
        serde_json::from_str(include_str!("fixtures/online_retail_oracle.json")).expect("json");
    let columns = online_retail_columns(&table);
    let log = transactions_from_table(&table, columns).expect("columns");
    let found = check(&log, &oracle);
    eprintln!(
        "{} buyers, {} returns only, {} orphan rows",
        found.buyers.len(),
        found.returns_only.len(),
        log.report.orphans.count
    );
    // Without the TotalPrice column the value is Quantity × UnitPrice: the
    // same figures (to rounding).
    let product = TransactionColumns {
        value: None,
        ..columns
    };
    let log = transactions_from_table(&table, product).expect("columns");
    check(&log, &oracle);
}
