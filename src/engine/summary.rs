//! What the page is told about a loaded table.

use serde::{Deserialize, Serialize};

use crate::core::ingest::IngestReport;
use crate::core::quality::ColumnKind;
use crate::core::schema::{looks_like_identifier_name, ColumnGuess, Role};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnSummary {
    pub name: String,
    pub guess: ColumnGuess,
    /// What the column is in a customer profile (age, city, NPS…).
    pub role: Role,
}

impl ColumnSummary {
    /// The column's type and role, as the analyses that judge columns by
    /// them (quality, associations, the customer log) take it.
    pub fn kind(&self) -> ColumnKind {
        ColumnKind {
            column_type: self.guess.column_type,
            role: self.role,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableSummary {
    pub report: IngestReport,
    pub columns: Vec<ColumnSummary>,
}

impl TableSummary {
    pub fn row_count(&self) -> usize {
        self.report.rows
    }

    pub fn column_count(&self) -> usize {
        self.columns.len()
    }

    /// Indices of the columns whose distribution can be charted.
    pub fn numeric_columns(&self) -> impl Iterator<Item = (usize, &ColumnSummary)> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.guess.column_type.is_numeric())
    }

    /// The first chart worth showing: the first numeric column that measures
    /// something (not an invoice number or a customer id), else the first
    /// numeric column at all.
    pub fn suggested_chart_column(&self) -> Option<&str> {
        let mut numeric = self
            .numeric_columns()
            .map(|(_, c)| c.name.as_str())
            .peekable();
        let first = numeric.peek().copied();
        numeric
            .find(|name| !looks_like_identifier_name(name))
            .or(first)
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{Engine, Request, Response};

    #[test]
    fn suggests_a_measure_before_an_identifier() {
        let mut engine = Engine::new();
        let Response::Loaded(summary) = engine.handle(Request::Load {
            file_name: "t.csv".into(),
            bytes: b"InvoiceNo,Quantity,Country\n536365,6,UK\n536366,2,UK\n536365,1,FR\n".to_vec(),
            options: Default::default(),
            place: crate::engine::FilePlace::Open,
        }) else {
            panic!("loads");
        };
        assert_eq!(summary.suggested_chart_column(), Some("Quantity"));
    }
}
