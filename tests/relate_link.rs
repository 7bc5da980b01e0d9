//! Relating files: roles, keys and link figures on generated pairs (against
//! pandas, tests/fixtures/link_oracle.json) and on the real files in
//! ../shared (skipped with a reason when absent).

use std::path::Path;
use std::time::Instant;

use nimrokh::core::ingest::read_table;
use nimrokh::core::relate::{
    find_key, find_key_against, guess_file_role, inferred_kinds, link, CustomerKeys,
    CustomersSource, FileRole, KeyAnswer, Keyed, LinkReport,
};
use nimrokh::core::table::Table;
use serde_json::Value;

fn read(path: &Path) -> Option<Table> {
    let bytes = std::fs::read(path).ok()?;
    let name = path.file_name()?.to_str()?;
    Some(read_table(name, &bytes).expect("reads").table)
}

/// Guess both roles and keys, then link, as the page will.
fn link_pair(customers: &Table, transactions: &Table) -> LinkReport {
    let c_kinds = inferred_kinds(customers);
    let t_kinds = inferred_kinds(transactions);
    assert_eq!(
        guess_file_role(customers, &c_kinds).role,
        FileRole::Customers
    );
    assert_eq!(
        guess_file_role(transactions, &t_kinds).role,
        FileRole::Transactions
    );
    let c_key = find_key(customers, &c_kinds)
        .column()
        .expect("customers key");
    let keys = CustomerKeys::read(customers, c_key).expect("key column");
    let t_key = find_key_against(transactions, &t_kinds, &keys)
        .column()
        .expect("transactions key");
    assert_eq!(customers.columns[c_key].name, "customer_id");
    assert_eq!(transactions.columns[t_key].name, "customer_id");
    link(
        Some(Keyed::new("customers", customers, c_key, FileRole::Customers).unwrap()),
        &[Keyed::new("transactions", transactions, t_key, FileRole::Transactions).unwrap()],
    )
}

fn check_against_oracle(report: &LinkReport, expected: &Value) {
    let n = |field: &str| expected[field].as_u64().unwrap() as usize;
    assert_eq!(report.customers, n("customers"));
    let CustomersSource::Table {
        rows,
        blank_keys,
        duplicates,
        ..
    } = &report.source
    else {
        panic!("customers from the table")
    };
    assert_eq!(*rows, n("customer_rows"));
    assert_eq!(*blank_keys, n("blank_customer_keys"));
    assert_eq!(duplicates.keys, n("duplicate_keys"));
    assert_eq!(duplicates.extra_rows, n("duplicate_extra_rows"));
    let file = &report.files[0];
    assert_eq!(file.rows, n("transaction_rows"));
    assert_eq!(file.matched_rows, n("matched_rows"));
    assert_eq!(file.orphan_rows, n("orphan_rows"));
    assert_eq!(file.orphan_keys, n("orphan_keys"));
    assert_eq!(file.blank_key_rows, n("blank_key_rows"));
    assert_eq!(
        file.customers_without_rows,
        n("customers_without_transactions")
    );
}

fn oracle() -> Value {
    serde_json::from_str(include_str!("fixtures/link_oracle.json")).expect("oracle json")
}

#[test]
fn committed_generated_pair_matches_pandas() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    let customers = read(&dir.join("customers_link600.csv")).expect("fixture");
    let transactions = read(&dir.join("transactions_link600.csv")).expect("fixture");
    let report = link_pair(&customers, &transactions);
    check_against_oracle(&report, &oracle()["pairs"]["link600"]);
}

#[test]
fn generated_2000_customer_pair_matches_pandas() {
    let dir = Path::new("/tmp/x");
    let (Some(customers), Some(transactions)) = (
        read(&dir.join("customers_small.csv")),
        read(&dir.join("transactions_small.csv")),
    ) else {
        eprintln!(
            "skipping: /tmp/x/customers_small.csv absent (python3 ../shared/tools/gen_customers.py \
             --customers 2000 --seed 7 --out /tmp/x --tag small)"
        );
        return;
    };
    let report = link_pair(&customers, &transactions);
    check_against_oracle(&report, &oracle()["pairs"]["small"]);
}

fn real(name: &str) -> Option<Table> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/real"));
    if !dir.exists() {
        eprintln!("skipping: ../shared/data/real not found");
        return None;
    }
    read(&dir.join(name))
}

#[test]
fn real_files_get_their_roles() {
    let expected = [
        ("online_retail_dec2010.csv", FileRole::Transactions),
        ("cdnow_master.txt", FileRole::Transactions),
        ("telco_customer_churn.csv", FileRole::Customers),
        ("mall_customers.csv", FileRole::Customers),
        ("digikala_comments_fa.csv", FileRole::Feedback),
        ("womens_clothing_reviews.csv", FileRole::Feedback),
    ];
    for (name, role) in expected {
        let Some(table) = real(name) else { return };
        let guess = guess_file_role(&table, &inferred_kinds(&table));
        assert_eq!(guess.role, role, "{name}: {guess:?}");
    }
}

#[test]
fn real_customer_tables_have_their_key_and_feedback_has_none() {
    for (name, key) in [
        ("telco_customer_churn.csv", Some("customerID")),
        ("mall_customers.csv", Some("customer_id")),
        ("online_retail_dec2010.csv", Some("CustomerID")),
        ("digikala_comments_fa.csv", None),
    ] {
        let Some(table) = real(name) else { return };
        let answer = find_key(&table, &inferred_kinds(&table));
        let found = answer.column().map(|c| table.columns[c].name.as_str());
        assert_eq!(found, key, "{name}: {answer:?}");
    }
}

#[test]
fn online_retail_alone_derives_customers_and_counts_blank_ids() {
    let Some(table) = real("online_retail_dec2010.csv") else {
        return;
    };
    let key = find_key(&table, &inferred_kinds(&table)).column().unwrap();
    let report = link(
        None,
        &[Keyed::new("online_retail", &table, key, FileRole::Transactions).unwrap()],
    );
    // pandas (dtype=str, keep_default_na=False, stripped): 28,492 rows,
    // 10,003 blank CustomerID, 713 distinct.
    assert_eq!(report.customers, 713);
    let file = &report.files[0];
    assert_eq!(file.rows, 28_492);
    assert_eq!(file.blank_key_rows, 10_003);
    assert_eq!(file.matched_rows, 28_492 - 10_003);
    assert_eq!((file.orphan_rows, file.customers_without_rows), (0, 0));
}

#[test]
fn cdnow_derives_its_23570_customers() {
    let Some(table) = real("cdnow_master.txt") else {
        return;
    };
    let KeyAnswer::Found { column, .. } = find_key(&table, &inferred_kinds(&table)) else {
        panic!("cdnow has customer_id")
    };
    let report = link(
        None,
        &[Keyed::new("cdnow", &table, column, FileRole::Transactions).unwrap()],
    );
    assert_eq!(
        report.source,
        CustomersSource::Derived {
            files: vec!["cdnow".into()]
        }
    );
    // MANIFEST: 69,659 rows, 23,570 customers.
    assert_eq!(report.customers, 23_570);
    assert_eq!(report.files[0].matched_rows, 69_659);
}

/// Timings on the generator's large pair (no assertion on time):
/// python3 ../shared/tools/gen_customers.py --customers 200000 --seed 42 --out /tmp/genrel
/// then cargo test --release --test relate_link -- --ignored --nocapture.
#[test]
#[ignore]
fn timings_on_a_large_generated_pair() {
    let dir = Path::new("/tmp/genrel");
    let files = std::fs::read_dir(dir).map(|entries| {
        entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect::<Vec<_>>()
    });
    let Ok(files) = files else {
        eprintln!("skipping: /tmp/genrel absent");
        return;
    };
    let find = |prefix: &str| {
        files
            .iter()
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
            .cloned()
    };
    let (Some(c_path), Some(t_path)) = (find("customers_"), find("transactions_")) else {
        eprintln!("skipping: no customers_*.csv / transactions_*.csv in /tmp/genrel");
        return;
    };
    let start = Instant::now();
    let customers = read(&c_path).unwrap();
    let transactions = read(&t_path).unwrap();
    eprintln!(
        "read {} + {} rows in {:?}",
        customers.row_count(),
        transactions.row_count(),
        start.elapsed()
    );
    let start = Instant::now();
    let c_kinds = inferred_kinds(&customers);
    let t_kinds = inferred_kinds(&transactions);
    eprintln!("kinds inferred in {:?}", start.elapsed());
    let start = Instant::now();
    let c_key = find_key(&customers, &c_kinds).column().unwrap();
    let keys = CustomerKeys::read(&customers, c_key).unwrap();
    let t_key = find_key_against(&transactions, &t_kinds, &keys)
        .column()
        .unwrap();
    eprintln!(
        "keys found (overlap of every column) in {:?}",
        start.elapsed()
    );
    let start = Instant::now();
    let report = link(
        Some(Keyed::new("customers", &customers, c_key, FileRole::Customers).unwrap()),
        &[Keyed::new("transactions", &transactions, t_key, FileRole::Transactions).unwrap()],
    );
    eprintln!("linked in {:?}", start.elapsed());
    let file = &report.files[0];
    eprintln!(
        "customers {}, duplicates {:?}, matched {}, orphans {}, without rows {}",
        report.customers,
        match &report.source {
            CustomersSource::Table { duplicates, .. } => (duplicates.keys, duplicates.extra_rows),
            CustomersSource::Derived { .. } => (0, 0),
        },
        file.matched_rows,
        file.orphan_rows,
        file.customers_without_rows
    );
}
