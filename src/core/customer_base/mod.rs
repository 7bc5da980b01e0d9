//! The customer database as the studio shows it: every customer of a
//! transaction log with their purchase figures and, when the models fit,
//! their predicted value and churn risk; searchable, sortable, and one
//! customer's whole story on request.

mod build;
mod field;
mod persona_table;
mod query;
mod record;
mod related;
mod story;
mod suggest;

pub use build::{
    build_customer_base, build_customer_base_pausing, BaseError, CustomerBase, CustomerBaseSummary,
    BASE_UNIT,
};
pub use field::CustomerField;
pub use persona_table::persona_table;
pub use query::{compare_ids, select, CustomerQuery, FieldRange};
pub use record::CustomerRecord;
pub use related::{rows_of_customer, RelatedRows, MAX_RELATED_ROWS};
pub use story::{customer_story, CustomerStory, MAX_STORY_ROWS};
pub use suggest::suggest_transaction_columns;
