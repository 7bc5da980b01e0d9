//! A segmentation as the project keeps it: its settings, not its result.
//! The same data, settings and seed give the same segments, so after a
//! reload the segmentation is made again rather than stored customer by
//! customer. Columns are named by header, which survives a re-read that
//! reorders them.

use serde::{Deserialize, Serialize};

use super::features::{FeatureChoice, FeatureKind};
use super::rule_segments::RuleSegment;

/// One feature: a column by header name and how to read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureSetting {
    pub column: String,
    pub kind: FeatureKind,
}

/// Column indices for `settings` among a table's headers `names`; `None`
/// when a column is gone (the file changed).
pub fn feature_choices(
    settings: &[FeatureSetting],
    names: &[String],
) -> Option<Vec<FeatureChoice>> {
    settings
        .iter()
        .map(|setting| {
            let column = names.iter().position(|n| *n == setting.column)?;
            Some(FeatureChoice {
                column,
                kind: setting.kind,
            })
        })
        .collect()
}

/// A named segmentation of one file of the project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSegmentation {
    /// Unique in the project; names may repeat.
    pub id: u32,
    pub name: String,
    /// The file it segments.
    pub file: String,
    pub features: Vec<FeatureSetting>,
    pub k_min: usize,
    pub k_max: usize,
    /// The user's k; `None`: the suggested one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<usize>,
    pub seed: u64,
    pub restarts: usize,
    /// The user's names of the segments, by segment number (blank: unnamed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segment_names: Vec<String>,
}

/// A named rule segmentation of one file of the project: its rules, in
/// the order they pick customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedRuleSegmentation {
    /// Unique among the project's rule segmentations.
    pub id: u32,
    pub name: String,
    /// The file it segments.
    pub file: String,
    pub segments: Vec<RuleSegment>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::{CategoricalOptions, NumericOptions};

    #[test]
    fn columns_are_found_by_name_wherever_they_moved() {
        let settings = vec![
            FeatureSetting {
                column: "income".into(),
                kind: FeatureKind::Numeric(NumericOptions::default()),
            },
            FeatureSetting {
                column: "city".into(),
                kind: FeatureKind::Categorical(CategoricalOptions::default()),
            },
        ];
        let names = ["city", "id", "income"].map(String::from);
        let choices = feature_choices(&settings, &names).unwrap();
        assert_eq!(
            choices.iter().map(|c| c.column).collect::<Vec<_>>(),
            vec![2, 0]
        );
        assert_eq!(feature_choices(&settings, &names[..2]), None);
    }
}
