//! RFM segments as SQL over the transaction log: each line read as
//! `customers::transactions_from_table` reads it (customer trimmed, rows
//! without a customer, a readable date or value left out, returns by the
//! engine's rule: negative value, negative quantity or a `C` + digit
//! invoice), purchases up to the as-of period summed per customer as
//! `customers::summarise_customers` does (orders = distinct invoices +
//! lines without one; spend = sum of purchase values; days since the last
//! purchase to the as-of day), then the scores exactly as `segment::rfm`
//! makes them: quintile of **rank**, ranked by value then customer id,
//! `max(1, ⌈5r/(n − 1)⌉)` in integers, recency reversed, FM = (F + M + 1)
//! div 2, and the first of the project's RFM rules naming the cell.
//!
//! Ranks rather than fixed cut points: with ties (most customers order
//! once) value thresholds cannot reproduce the engine's fifths; the cut
//! points the engine found are listed in the header for reference.

use super::cells::{day, day_gap, gap_lines, missing, number, number_gap, ReadingGap};
use super::dialect::SqlDialect;
use super::header::header;
use crate::core::calendar::iso_date;
use crate::core::customers::TransactionColumns;
use crate::core::schema::DateOrder;
use crate::core::segment::{RfmRules, ScoreThresholds};
use crate::core::table::Table;

/// What an RFM segmentation's SQL is made from.
#[derive(Debug, Clone, Copy)]
pub struct RfmDefinition<'a> {
    /// The transaction log the customer base was read from.
    pub table: &'a Table,
    pub columns: TransactionColumns,
    pub date_order: Option<DateOrder>,
    /// The as-of day (recency counts to it).
    pub as_of: i32,
    /// The last day whose lines count (the end of the as-of period).
    pub last_day: i32,
    pub rules: &'a RfmRules,
    /// The engine's score levels (recency, frequency, monetary), for the header.
    pub thresholds: [&'a ScoreThresholds; 3],
}

/// The SQL giving every customer of the log `table_name` their RFM figures,
/// scores and segment key (`champions`, …; NULL for an uncovered cell).
pub fn rfm_sql(definition: &RfmDefinition<'_>, d: SqlDialect, table_name: &str) -> String {
    let RfmDefinition {
        table,
        columns,
        date_order,
        as_of,
        last_day,
        rules,
        thresholds,
    } = *definition;
    let name_of = |index: usize| {
        table
            .columns
            .get(index)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let cell = |index: usize| format!("t.{}", d.ident(&name_of(index)));
    let mut gaps: Vec<ReadingGap> = Vec::new();
    let mut number_of = |index: usize| {
        if let Some(gap) = table
            .columns
            .get(index)
            .and_then(|c| number_gap(&name_of(index), &c.cells))
        {
            gaps.push(gap);
        }
        number(d, &cell(index))
    };
    let value = match (columns.value, columns.quantity, columns.unit_price) {
        (Some(v), _, _) => number_of(v),
        (None, Some(q), Some(p)) => format!("({}) * ({})", number_of(q), number_of(p)),
        _ => "NULL".to_string(),
    };
    let quantity = columns
        .quantity
        .map(&mut number_of)
        .unwrap_or_else(|| "NULL".to_string());
    let quantity_needed = if columns.quantity.is_some() {
        " AND quantity IS NOT NULL"
    } else {
        ""
    };
    if let Some(gap) = table
        .columns
        .get(columns.date)
        .and_then(|c| day_gap(&c.name, &c.cells, date_order))
    {
        gaps.push(gap);
    }
    let invoice = match columns.invoice {
        Some(i) => format!(
            "CASE WHEN NOT {} THEN TRIM({}) END",
            missing(d, &cell(i)),
            cell(i)
        ),
        None => "NULL".to_string(),
    };
    let customer = cell(columns.customer);
    let as_of_date = d.date(&iso_date(as_of));
    let score = |rank: &str| {
        format!(
            "CASE WHEN n < 2 THEN 3 ELSE GREATEST(1, {}) END",
            d.int_div(&format!("5 * {rank} + n - 2"), "n - 1")
        )
    };
    let segment_whens: Vec<String> = rules
        .rules
        .iter()
        .map(|rule| {
            format!(
                "    WHEN r BETWEEN {} AND {} AND fm BETWEEN {} AND {} THEN {}",
                rule.recency.min,
                rule.recency.max,
                rule.fm.min,
                rule.fm.max,
                d.string(rule.segment.key())
            )
        })
        .collect();

    let mut lines = vec![
        format!("Nimrokh segment definition: RFM segments of the customers ({}).", d.name()),
        format!(
            "As of {} (lines up to {} count; returns excluded: negative value or quantity, invoice C+digit).",
            iso_date(as_of),
            iso_date(last_day)
        ),
        "R, F, M: 1-5 by fifth of rank (ties by customer id), as Nimrokh scores them;".to_string(),
        "FM = (F + M + 1) div 2; the segment: first rule naming the (R, FM) cell.".to_string(),
        "The engine's score levels on this data (value ranges per score):".to_string(),
    ];
    for (label, levels) in ["days since last", "orders", "spend"]
        .iter()
        .zip(thresholds)
    {
        let ranges: Vec<String> = levels
            .levels
            .iter()
            .map(|l| match (l.min, l.max) {
                (Some(min), Some(max)) => format!("{}: {min}..{max}", l.score),
                _ => format!("{}: none", l.score),
            })
            .collect();
        lines.push(format!("  {label}: {}", ranges.join(", ")));
    }
    lines.push(String::new());
    lines.extend(gap_lines(&gaps));
    format!(
        "{header}WITH nimrokh_lines AS (\n  SELECT\n    TRIM({customer}) AS customer_id,\n    {day} AS day,\n    {value} AS value,\n    {quantity} AS quantity,\n    {invoice} AS invoice\n  FROM {table} AS t\n  WHERE NOT {customer_missing}\n),\n\
nimrokh_purchases AS (\n  SELECT * FROM nimrokh_lines\n  WHERE day IS NOT NULL AND value IS NOT NULL{quantity_needed}\n    AND day <= {last}\n    AND NOT (value < 0 OR COALESCE(quantity < 0, FALSE) OR COALESCE({cancelled}, FALSE))\n),\n\
nimrokh_customers AS (\n  SELECT customer_id,\n    {since} AS days_since_last,\n    COUNT(DISTINCT invoice) + SUM(CASE WHEN invoice IS NULL THEN 1 ELSE 0 END) AS orders,\n    SUM(value) AS spend\n  FROM nimrokh_purchases\n  GROUP BY customer_id\n),\n\
nimrokh_ranks AS (\n  SELECT *,\n    COUNT(*) OVER () AS n,\n    ROW_NUMBER() OVER (ORDER BY days_since_last, customer_id) - 1 AS recency_rank,\n    ROW_NUMBER() OVER (ORDER BY orders, customer_id) - 1 AS frequency_rank,\n    ROW_NUMBER() OVER (ORDER BY spend, customer_id) - 1 AS monetary_rank\n  FROM nimrokh_customers\n),\n\
nimrokh_scores AS (\n  SELECT *,\n    6 - {recency_score} AS r,\n    {frequency_score} AS f,\n    {monetary_score} AS m\n  FROM nimrokh_ranks\n),\n\
nimrokh_fm AS (\n  SELECT *, {fm} AS fm FROM nimrokh_scores\n)\n\
SELECT customer_id, days_since_last, orders, spend, r, f, m, fm,\n  CASE\n{whens}\n  END AS {segment}\nFROM nimrokh_fm\nORDER BY customer_id;\n",
        header = header(&lines),
        day = day(d, &cell(columns.date), date_order),
        table = d.table(table_name),
        customer_missing = missing(d, &customer),
        last = d.date(&iso_date(last_day)),
        cancelled = d.full_match("invoice", "[Cc][0-9].*"),
        since = d.days_between("MAX(day)", &as_of_date),
        recency_score = score("recency_rank"),
        frequency_score = score("frequency_rank"),
        monetary_score = score("monetary_rank"),
        fm = d.int_div("f + m + 1", "2"),
        whens = segment_whens.join("\n"),
        segment = d.ident("segment"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::day_number;
    use crate::core::segment::{ScoreLevel, ScoreThresholds};

    fn sql(d: SqlDialect) -> String {
        let table = Table::from_rows(
            &["id", "date", "amount", "invoice"],
            &[
                &["a", "2024-01-02", "10", "1"],
                &["b", "2024-01-03", "$5", "C2"],
            ],
        );
        let levels = ScoreThresholds {
            levels: vec![ScoreLevel {
                score: 1,
                customers: 1,
                min: Some(1.0),
                max: Some(2.0),
            }],
        };
        let as_of = day_number(2024, 1, 4).unwrap();
        rfm_sql(
            &RfmDefinition {
                table: &table,
                columns: TransactionColumns {
                    customer: 0,
                    date: 1,
                    value: Some(2),
                    invoice: Some(3),
                    ..TransactionColumns::default()
                },
                date_order: None,
                as_of,
                last_day: as_of + 3,
                rules: &RfmRules::standard(),
                thresholds: [&levels, &levels, &levels],
            },
            d,
            "sales.lines",
        )
    }

    #[test]
    fn duckdb_shape() {
        let text = sql(SqlDialect::DuckDb);
        assert!(text
            .starts_with("-- Nimrokh segment definition: RFM segments of the customers (DuckDB)."));
        assert!(text.contains("FROM \"sales\".\"lines\" AS t"));
        assert!(text.contains("DATE_DIFF('day', MAX(day), DATE '2024-01-04') AS days_since_last"));
        assert!(text.contains("((5 * recency_rank + n - 2) // (n - 1))"));
        assert!(text.contains("THEN 'champions'"));
        assert!(text.contains("amount: 1 cell(s), e.g. \"$5\""));
        assert!(text.contains("AND day <= DATE '2024-01-07'"));
    }

    #[test]
    fn spark_and_bigquery_shapes() {
        let spark = sql(SqlDialect::Spark);
        assert!(spark.contains("FROM `sales`.`lines` AS t"));
        assert!(spark.contains("DATEDIFF(DATE '2024-01-04', MAX(day))"));
        assert!(spark.contains("((f + m + 1) DIV (2))"));
        assert!(spark.contains("(invoice RLIKE '^(?:[Cc][0-9].*)$')"));
        let bigquery = sql(SqlDialect::BigQuery);
        assert!(bigquery.contains("DATE_DIFF(DATE '2024-01-04', MAX(day), DAY)"));
        assert!(bigquery.contains("DIV(5 * monetary_rank + n - 2, n - 1)"));
        assert!(bigquery.contains("REGEXP_CONTAINS(invoice, '^(?:[Cc][0-9].*)$')"));
    }
}
