//! Data quality: what is wrong with the data, found so the user can fix it.
//! Nothing here changes a cell; fixes are the user's decision.

mod duplicates;
mod fixes;
mod fold;
mod invalid;
mod likely_duplicates;
mod missing;
mod padded;
mod repeated_keys;
mod report;
mod variants;

pub use duplicates::{
    exact_duplicates, id_duplicates, ExactDuplicates, IdConflict, IdDuplicates, MAX_EXAMPLES,
};
pub use fixes::{apply_fixes, Fix, FixOutcome};
pub use fold::{category_key, fold_key};
pub use invalid::{invalid_values, rule_for, InvalidRule, InvalidValues};
pub use likely_duplicates::{
    likely_duplicates, name_key, ContactColumns, LikelyDuplicate, LikelyDuplicates, MatchReason,
};
pub use missing::{missing_report, MissingPattern, MissingReport, MAX_PATTERNS};
pub use padded::{padded_cells, ColumnPadded};
pub use report::{quality_report, ColumnInvalid, ColumnKind, ColumnVariants, QualityReport};
pub use variants::{spelling_variants, VariantGroup, MAX_VARIANT_GROUPS};
