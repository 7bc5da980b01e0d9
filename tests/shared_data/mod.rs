//! Where the tests find `../shared/data` (real third-party files and the
//! i18n samples). Tests that need it print why they skip and pass when it
//! is absent, so the project's own tests run without it.

use std::path::{Path, PathBuf};

/// `../shared/data/<sub>` when it exists; otherwise says so and gives None.
pub fn shared_data(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data")).join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared not found");
        None
    }
}

/// `../shared/data/real`, the real customer files.
#[allow(dead_code)] // not every test file that includes this module uses both
pub fn real_dir() -> Option<PathBuf> {
    shared_data("real")
}

/// The real file `name` read as the studio reads it; None (with the
/// reason printed) without ../shared.
#[allow(dead_code)]
pub fn real_table(name: &str) -> Option<nimrokh::core::table::Table> {
    let path = real_dir()?.join(name);
    let bytes = std::fs::read(&path).expect("read the real file");
    Some(
        nimrokh::core::ingest::read_table(name, &bytes)
            .expect("reads")
            .table,
    )
}

/// The index of the column headed `name`.
#[allow(dead_code)]
pub fn column_named(table: &nimrokh::core::table::Table, name: &str) -> usize {
    table
        .column_index(name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// `ours` agrees with an oracle's `theirs` to 1e-9, relative (absolute
/// below 1).
#[allow(dead_code)]
pub fn assert_close(ours: f64, theirs: f64, what: &str) {
    assert!(
        (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1.0),
        "{what}: {ours} vs {theirs}"
    );
}

/// Online Retail's purchase-log columns as the oracles read them.
#[allow(dead_code)]
pub fn online_retail_columns(
    table: &nimrokh::core::table::Table,
) -> nimrokh::core::customers::TransactionColumns {
    nimrokh::core::customers::TransactionColumns {
        customer: column_named(table, "CustomerID"),
        date: column_named(table, "InvoiceDate"),
        value: Some(column_named(table, "TotalPrice")),
        invoice: Some(column_named(table, "InvoiceNo")),
        quantity: Some(column_named(table, "Quantity")),
        unit_price: Some(column_named(table, "UnitPrice")),
    }
}
