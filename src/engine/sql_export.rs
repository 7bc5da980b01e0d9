//! The kept segmentations as SQL for the warehouse, from the fitted model
//! the engine already holds (see `core::export::sql`).

use serde::{Deserialize, Serialize};

use super::{Engine, Response, SegmentError};
use crate::core::export::sql::{kmeans_sql, rules_sql, KMeansDefinition, SqlDialect};
use crate::core::segment::RuleSegment;

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

    fn rfm_sql(&self, _dialect: SqlDialect, _table_name: &str) -> Option<String> {
        None
    }
}
