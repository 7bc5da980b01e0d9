//! Data quality: what is wrong with the data, found so the user can fix it.
//! Nothing here changes a cell; fixes are the user's decision.

// User data must never panic the app: no indexing, unwrap or expect outside tests.
#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod duplicates;
mod fold;
mod variants;

pub use duplicates::{
    exact_duplicates, id_duplicates, ExactDuplicates, IdConflict, IdDuplicates, MAX_EXAMPLES,
};
pub use fold::fold_key;
pub use variants::{spelling_variants, VariantGroup, MAX_VARIANT_GROUPS};
