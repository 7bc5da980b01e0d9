//! A recipe: the settings of an analysis without any of its data, to put
//! in a link. It names columns by header and says how they are read and
//! segmented (method, k, seed); it never holds a cell value, a file name,
//! a rule's value, a fix, a persona's text or a segment's name, so a link
//! can be shared without sharing anything about the customers. Opening one
//! asks for the file and reproduces the analysis: same data, same
//! settings, same seed, same segments.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::i18n::Lang;
use crate::core::project::{ColumnChoice, ProjectState};
use crate::core::segment::{FeatureSetting, RfmRules, SavedSegmentation};

/// The recipe format this build writes.
pub const RECIPE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recipe {
    pub format: u32,
    pub lang: Lang,
    /// Type and role corrections, by header.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, ColumnChoice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segmentations: Vec<RecipeSegmentation>,
    /// Which of them is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<usize>,
    /// RFM score rules (score ranges, no data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rfm_rules: Option<RfmRules>,
}

/// A k-means segmentation's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecipeSegmentation {
    pub features: Vec<FeatureSetting>,
    pub k_min: usize,
    pub k_max: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<usize>,
    pub seed: u64,
    pub restarts: usize,
}

/// Why a recipe link does not open.
#[derive(Debug, Clone, PartialEq)]
pub enum RecipeError {
    /// Made by a newer build.
    Newer(u32),
    Damaged(String),
}

/// The recipe of the open file's analysis.
pub fn recipe_of(state: &ProjectState) -> Recipe {
    let open = state.file.as_ref().map(|f| f.name.as_str());
    let of_open: Vec<&SavedSegmentation> = state
        .segmentations
        .iter()
        .filter(|s| Some(s.file.as_str()) == open)
        .collect();
    Recipe {
        format: RECIPE_FORMAT,
        lang: state.lang,
        columns: state.columns.clone(),
        segmentations: of_open
            .iter()
            .map(|s| RecipeSegmentation {
                features: s.features.clone(),
                k_min: s.k_min,
                k_max: s.k_max,
                k: s.k,
                seed: s.seed,
                restarts: s.restarts,
            })
            .collect(),
        shown: of_open
            .iter()
            .position(|s| Some(s.id) == state.shown_segmentation),
        rfm_rules: state.rfm_rules.clone(),
    }
}

/// The recipe as the text a link carries (JSON; the app percent-encodes
/// it, so a reader can see there is nothing else in it).
pub fn recipe_text(recipe: &Recipe) -> String {
    serde_json::to_string(recipe).unwrap_or_default()
}

pub fn read_recipe(text: &str) -> Result<Recipe, RecipeError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| RecipeError::Damaged(e.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_u64()).unwrap_or(0);
    if format > u64::from(RECIPE_FORMAT) {
        return Err(RecipeError::Newer(
            u32::try_from(format).unwrap_or(u32::MAX),
        ));
    }
    serde_json::from_value(value).map_err(|e| RecipeError::Damaged(e.to_string()))
}

/// The headers a recipe needs.
pub fn needed_columns(recipe: &Recipe) -> Vec<String> {
    let mut names: Vec<String> = recipe
        .segmentations
        .iter()
        .flat_map(|s| s.features.iter().map(|f| f.column.clone()))
        .chain(recipe.columns.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Put a recipe into the project for the open file `file` with headers
/// `headers`: the corrections of columns it has, and the segmentations all
/// of whose columns it has (the last shown). Answers the headers missing.
pub fn apply_recipe(
    recipe: &Recipe,
    state: &mut ProjectState,
    file: &str,
    headers: &[String],
) -> Vec<String> {
    let has = |name: &String| headers.contains(name);
    let missing: Vec<String> = needed_columns(recipe)
        .into_iter()
        .filter(|n| !has(n))
        .collect();
    state.lang = recipe.lang;
    for (name, choice) in &recipe.columns {
        if has(name) {
            state.columns.insert(name.clone(), choice.clone());
        }
    }
    if let Some(rules) = &recipe.rfm_rules {
        state.rfm_rules = Some(rules.clone());
    }
    let mut next_id = state
        .segmentations
        .iter()
        .map(|s| s.id + 1)
        .max()
        .unwrap_or(1);
    for (index, seg) in recipe.segmentations.iter().enumerate() {
        if !seg.features.iter().all(|f| has(&f.column)) {
            continue;
        }
        state.segmentations.push(SavedSegmentation {
            id: next_id,
            name: String::new(),
            file: file.to_string(),
            features: seg.features.clone(),
            k_min: seg.k_min,
            k_max: seg.k_max,
            k: seg.k,
            seed: seg.seed,
            restarts: seg.restarts,
            segment_names: Vec::new(),
        });
        if recipe.shown == Some(index) || state.shown_segmentation.is_none() {
            state.shown_segmentation = Some(next_id);
        }
        next_id += 1;
    }
    missing
}
