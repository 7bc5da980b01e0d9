//! Segment definitions as SQL for the warehouse (DuckDB, Spark SQL,
//! BigQuery), so it can give every customer the same segment as the
//! browser: k-means as nearest-centre assignment with the scaling baked in
//! ([`kmeans_sql`]), rule segments as a first-match CASE ([`rules_sql`]),
//! RFM as per-customer figures from the transaction log, scores and named
//! segments ([`rfm_sql`]). Each begins with a comment header saying what
//! it computes and which columns need clean values first (`cells`).
//!
//! Checked by running the DuckDB text on the real files against the
//! engine's segments (tests/sql_export_duckdb.rs).

mod cells;
mod dialect;
mod header;
mod kmeans;
mod rfm;
mod rules;

pub use cells::{plain_day, plain_number, ReadingGap};
pub use dialect::{float, SqlDialect};
pub use kmeans::{kmeans_sql, KMeansDefinition};
pub use rfm::{rfm_sql, RfmDefinition};
pub use rules::rules_sql;
