#![cfg(not(target_arch = "wasm32"))]
//! Column types guessed for the real customer files under ../shared/data/real.

mod shared_data;
use shared_data::real_dir;

use std::path::Path;

use nimrokh::core::ingest::{read_table, Ingested};
use nimrokh::core::schema::{infer_column, ColumnGuess, ColumnType};

fn ingest(dir: &Path, file: &str) -> Ingested {
    let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    read_table(file, &bytes).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn guess(ingested: &Ingested, column: &str) -> ColumnGuess {
    let column = ingested
        .table
        .column_by_name(column)
        .unwrap_or_else(|| panic!("no column {column:?}"));
    infer_column(&column.cells)
}

fn assert_types(ingested: &Ingested, expected: &[(&str, ColumnType)]) {
    for (column, column_type) in expected {
        let guess = guess(ingested, column);
        assert_eq!(
            guess.column_type, *column_type,
            "{}: {column}: {guess:?}",
            ingested.report.file_name
        );
    }
}

#[test]
fn online_retail() {
    let Some(dir) = real_dir() else { return };
    let retail = ingest(&dir, "online_retail_dec2010.csv");
    assert_types(
        &retail,
        &[
            ("InvoiceDate", ColumnType::DateTime),
            ("Quantity", ColumnType::Integer),
            ("UnitPrice", ColumnType::Decimal),
            ("Country", ColumnType::Category),
            ("Description", ColumnType::Text),
            ("StockCode", ColumnType::Identifier),
        ],
    );
    let customer = guess(&retail, "CustomerID");
    assert!(
        matches!(
            customer.column_type,
            ColumnType::Integer | ColumnType::Identifier
        ),
        "{customer:?}"
    );
    // 10,003 blank CustomerIDs (counted with Python's csv module).
    assert_eq!((customer.missing, customer.invalid), (10_003, 0));
    // 418 cancellations are written "C536379": integers with 418 misfits.
    let invoice = guess(&retail, "InvoiceNo");
    assert_eq!(invoice.invalid, 418, "{invoice:?}");
    assert_eq!(guess(&retail, "Description").missing, 113);
}

#[test]
fn telco_customer_churn() {
    let Some(dir) = real_dir() else { return };
    let telco = ingest(&dir, "telco_customer_churn.csv");
    assert_types(
        &telco,
        &[
            ("customerID", ColumnType::Identifier),
            ("gender", ColumnType::Category),
            ("SeniorCitizen", ColumnType::Integer),
            ("Partner", ColumnType::Boolean),
            ("tenure", ColumnType::Integer),
            ("MultipleLines", ColumnType::Category),
            ("MonthlyCharges", ColumnType::Decimal),
            ("TotalCharges", ColumnType::Decimal),
            ("Churn", ColumnType::Boolean),
        ],
    );
    let total = guess(&telco, "TotalCharges");
    assert_eq!(
        (total.missing, total.invalid, total.confidence),
        (11, 0, 1.0)
    );
}

#[test]
fn mall_customers() {
    let Some(dir) = real_dir() else { return };
    let mall = ingest(&dir, "mall_customers.csv");
    // This copy names the 'Genre' column of the Kaggle original "gender".
    assert_types(
        &mall,
        &[
            ("customer_id", ColumnType::Identifier),
            ("gender", ColumnType::Category),
            ("age", ColumnType::Integer),
            ("annual_income_thousands", ColumnType::Integer),
            ("spending_score", ColumnType::Integer),
        ],
    );
    assert_eq!(guess(&mall, "gender").examples, ["Male", "Female"]);
}

#[test]
fn bank_marketing() {
    let Some(dir) = real_dir() else { return };
    let bank = ingest(&dir, "bank_marketing_full.csv");
    assert_types(
        &bank,
        &[
            ("age", ColumnType::Integer),
            ("job", ColumnType::Category),
            ("balance", ColumnType::Integer),
            ("pdays", ColumnType::Integer),
            ("month", ColumnType::Category),
            ("y", ColumnType::Boolean),
        ],
    );
}

#[test]
fn reviews_and_comments() {
    let Some(dir) = real_dir() else { return };
    let reviews = ingest(&dir, "womens_clothing_reviews.csv");
    assert_types(
        &reviews,
        &[
            ("column 1", ColumnType::Identifier),
            ("Age", ColumnType::Integer),
            ("Title", ColumnType::Text),
            ("ReviewText", ColumnType::Text),
            ("Rating", ColumnType::Integer),
            ("DivisionName", ColumnType::Category),
        ],
    );
    let digikala = ingest(&dir, "digikala_comments_fa.csv");
    assert_types(
        &digikala,
        &[("Text", ColumnType::Text), ("Score", ColumnType::Integer)],
    );
    let cdnow = ingest(&dir, "cdnow_customers_summary.csv");
    assert_types(
        &cdnow,
        &[
            ("ID", ColumnType::Identifier),
            ("x", ColumnType::Integer),
            ("t_x", ColumnType::Decimal),
        ],
    );
}
