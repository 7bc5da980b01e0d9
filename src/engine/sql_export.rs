//! The kept segmentations as SQL for the warehouse, from the fitted model
//! the engine already holds (see `core::export::sql`).

use serde::{Deserialize, Serialize};

use super::{Engine, Response, SegmentError};
use crate::core::customer_base::BASE_UNIT;
use crate::core::export::sql::{
    kmeans_sql, rfm_sql, rules_sql, KMeansDefinition, RfmDefinition, SqlDialect,
};
use crate::core::segment::{rfm_segments, RuleSegment};

/// Which segmentation to write as SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SqlSource {
    /// The kept k-means segmentation of the open table.
    KMeans,
    /// The kept rule segmentation of the open table.
    Rules,
    /// The RFM segments of the customer base, from its transaction log.
    Rfm,
}

impl Engine {
    pub(super) fn segment_sql(
        &self,
        of: SqlSource,
        dialect: SqlDialect,
        table_name: &str,
        names: &[String],
    ) -> Response {
        let text = match of {
            SqlSource::KMeans => self.kmeans_sql(dialect, table_name, names),
            SqlSource::Rules => self.rules_sql(dialect, table_name, names),
            SqlSource::Rfm => self.rfm_sql(dialect, table_name),
        };
        match text {
            Some(text) => Response::Sql { text },
            None => Response::SegmentFailed(SegmentError::NoSegmentation),
        }
    }

    fn kmeans_sql(
        &self,
        dialect: SqlDialect,
        table_name: &str,
        names: &[String],
    ) -> Option<String> {
        let table = self.table()?;
        let (features, centers) = self.segmentation().ok()?.definition()?;
        Some(kmeans_sql(
            &KMeansDefinition {
                table,
                features,
                centers,
                names,
            },
            dialect,
            table_name,
        ))
    }

    fn rules_sql(&self, dialect: SqlDialect, table_name: &str, names: &[String]) -> Option<String> {
        let table = self.table()?;
        let segments: Vec<RuleSegment> = self
            .kept_rules()?
            .iter()
            .map(|rule| RuleSegment {
                name: String::new(),
                rule: rule.clone(),
            })
            .collect();
        Some(rules_sql(table, &segments, names, dialect, table_name))
    }

    fn rfm_sql(&self, dialect: SqlDialect, table_name: &str) -> Option<String> {
        let (base, rules, source) = self.rfm_parts()?;
        let table = self.project_table(Some(source))?;
        let (report, _) = rfm_segments(&base.records, rules);
        let as_of = base.summary.as_of;
        // Lines count up to the end of the as-of period (a week), as
        // `summarise_customers` filters them.
        let period = BASE_UNIT.period_of(as_of);
        let last_day = (as_of..as_of.saturating_add(7))
            .take_while(|&day| BASE_UNIT.period_of(day) == period)
            .last()
            .unwrap_or(as_of);
        Some(rfm_sql(
            &RfmDefinition {
                table,
                columns: base.columns,
                date_order: base.date_order,
                as_of,
                last_day,
                rules,
                thresholds: [&report.recency, &report.frequency, &report.monetary],
            },
            dialect,
            table_name,
        ))
    }
}
