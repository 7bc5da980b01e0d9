//! What sets each segment apart (issue 6, item 6): per segment its size
//! and share and, per trait, its value against the whole base (mean and
//! index for numbers, share and lift per level for categories), tested
//! against the rest of the base with the p-values of one segment adjusted
//! together (Benjamini–Hochberg); the traits that distinguish it most, in
//! plain words; two segments side by side; and the ideal customer
//! profile, the top customers by value against everyone else.
//!
//! - `traits.rs`: which columns, read as numbers or categories;
//! - `tally.rs`: one pass per trait, per segment;
//! - `moments.rs`, `welch.rs`, `proportions.rs`, `adjust.rs`: the
//!   statistics (`core::stats::distributions` has the t and normal tails);
//! - `figures.rs`: one trait's figures for a group against a reference;
//! - `profile.rs`: every segment against the base, or one against another;
//! - `distinguish.rs`: the ranking of what sets a group apart;
//! - `top_value.rs`, `ideal.rs`: the ideal customer profile;
//! - `words.rs`: sentences in the UI language.

mod adjust;
mod distinguish;
mod figures;
mod ideal;
mod moments;
mod profile;
mod proportions;
mod tally;
mod test;
mod top_value;
mod traits;
mod welch;
mod words;

pub use adjust::benjamini_hochberg;
pub use distinguish::{distinguishing_traits, Distinction};
pub use figures::{CategoricalFigures, LevelFigures, NumericFigures, NumericSide, TraitFigures};
pub use ideal::{ideal_customer_profile, values_of_column, IdealCustomerProfile, IdealError};
pub use moments::Moments;
pub use profile::{
    compare_two, profile_segments, CompareError, GroupProfile, Reference, SegmentProfiles,
    TraitProfile, MAX_SEGMENTS,
};
pub use test::{NoTest, Test, TestMethod, Tested, SIGNIFICANCE_LEVEL};
pub use top_value::{top_value_group, TopGroupError, TopValueGroup, REST, TOP};
pub use traits::{TraitChoice, TraitKind, MAX_REPORTED_LEVELS};
pub use words::{
    describe_distinction, describe_distinguishing_traits, describe_level, describe_method,
    describe_no_test, describe_size,
};

#[cfg(test)]
mod tests;
