//! Files the user takes away. Every export is built here, in core, so its
//! safety rules are tested natively.

mod csv_file;
pub mod sql;

pub use csv_file::{neutralise_formula, table_to_csv};
