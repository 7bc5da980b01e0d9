//! The files of a project, related: what each file is (customers,
//! transactions, feedback), which column holds its customer key, and how
//! the files link through it (matches, orphans, duplicates, blanks).
//!
//! Works on tables already read and typed (`core::ingest`, `core::schema`);
//! the engine and the page decide what to show.

mod file_role;
mod inferred_kinds;
mod key;
mod key_header;
mod key_index;
mod key_text;
mod link_report;

#[cfg(test)]
mod tests;

pub use file_role::{guess_file_role, FileRole, RoleGuess, RoleReason};
pub use inferred_kinds::inferred_kinds;
pub use key::{
    find_key, find_key_against, named_key_candidates, CustomerKeys, KeyAnswer, KeyCandidate,
    KeyEvidence, Overlap,
};
pub use key_header::names_customer_key;
pub use key_text::{comparison_key, comparison_key_into};
pub use link_report::{
    link, CustomersSource, DuplicateKeys, FileLink, KeyRows, Keyed, LinkReport, RelateError,
    MAX_EXAMPLES, MAX_EXAMPLE_ROWS,
};
