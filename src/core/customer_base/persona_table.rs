//! The customer base as a table a persona can be read from: one row per
//! customer, a column per figure (days since the last purchase, orders,
//! total spent, average order, predicted value, churn risk), with what
//! each column means for a persona. So RFM segments, which live on the
//! customer base rather than on a file's rows, are told as personas like
//! any other segments.

use super::CustomerRecord;
use crate::core::persona::{Meaning, MeasureKind, PersonaColumn, PersonaInput};
use crate::core::table::{Column, Table, TextColumn};

/// The figures, in column order, with their meaning.
const FIGURES: [MeasureKind; 6] = [
    MeasureKind::Recency,
    MeasureKind::Frequency,
    MeasureKind::Spend,
    MeasureKind::Spend,
    MeasureKind::LifetimeValue,
    MeasureKind::Churn,
];
/// The column whose total a segment's revenue share is of: total spent.
const MONEY: usize = 2;

/// A figure of `record`, in column order (None: not known).
fn figure(record: &CustomerRecord, column: usize) -> Option<f64> {
    match column {
        0 => Some(f64::from(record.days_since_last)),
        1 => Some(record.orders as f64),
        2 => Some(record.total),
        3 => Some(record.average_order),
        4 => record.predicted_value,
        _ => record.churn_risk().map(|risk| 100.0 * risk),
    }
}

/// The table of `records`, its columns headed `headers` (in the UI
/// language, in [`FIGURES`] order; missing ones fall back to English), and
/// the persona input that reads it.
pub fn persona_table(records: &[&CustomerRecord], headers: &[String]) -> (Table, PersonaInput) {
    const ENGLISH: [&str; 6] = [
        "days since the last purchase",
        "orders",
        "total spent",
        "average order",
        "predicted value",
        "churn risk (%)",
    ];
    let columns = ENGLISH
        .iter()
        .enumerate()
        .map(|(column, english)| {
            let cells: Vec<String> = records
                .iter()
                .map(|r| figure(r, column).map(|v| v.to_string()).unwrap_or_default())
                .collect();
            Column {
                name: headers
                    .get(column)
                    .cloned()
                    .unwrap_or_else(|| english.to_string()),
                cells: cells.iter().map(String::as_str).collect::<TextColumn>(),
            }
        })
        .collect();
    let input = PersonaInput {
        columns: FIGURES
            .iter()
            .enumerate()
            .map(|(column, &kind)| PersonaColumn {
                column,
                meaning: Meaning::Measure(kind),
            })
            .collect(),
        money: Some(MONEY),
    };
    (Table { columns }, input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        id: &str,
        days: i32,
        orders: u64,
        total: f64,
        p_alive: Option<f64>,
    ) -> CustomerRecord {
        CustomerRecord {
            p_alive,
            ..CustomerRecord::for_test(id, days, orders, total)
        }
    }

    #[test]
    fn a_row_per_customer_a_column_per_figure() {
        let (a, b) = (
            record("a", 3, 4, 100.0, Some(0.9)),
            record("b", 40, 1, 25.5, None),
        );
        let (table, input) = persona_table(&[&a, &b], &["روزها".to_string()]);
        assert_eq!(table.row_count(), 2);
        assert_eq!(table.columns[0].name, "روزها");
        assert_eq!(table.columns[1].name, "orders");
        let cells = |c: usize| table.columns[c].cells.iter().collect::<Vec<_>>();
        assert_eq!(cells(0), ["3", "40"]);
        assert_eq!(cells(2), ["100", "25.5"]);
        assert_eq!(cells(3), ["25", "25.5"]);
        assert_eq!(cells(4), ["", ""], "no model fitted");
        assert_eq!(cells(5)[1], "", "no P(alive) for b");
        assert!((cells(5)[0].parse::<f64>().unwrap() - 10.0).abs() < 1e-9);
        assert_eq!(input.money, Some(2));
        assert_eq!(
            input.columns[0].meaning,
            Meaning::Measure(MeasureKind::Recency)
        );
    }
}
