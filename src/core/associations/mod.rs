//! How columns go together: Pearson and Spearman between numbers, Cramér's
//! V between categories, the correlation ratio between a category and a
//! number; and a matrix over a table with the strongest pairs.
//!
//! Every measure uses the rows where both cells are present (pairwise
//! complete, as pandas' `DataFrame.corr`).

mod categorical;
mod matrix;
mod numeric;

pub use categorical::{correlation_ratio, cramers_v};
pub use matrix::{association_matrix, Association, AssociationMatrix, Measure, MAX_CATEGORIES};
pub use numeric::{pearson, spearman};
