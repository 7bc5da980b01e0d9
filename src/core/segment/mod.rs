//! Segmentation, the clustering core: a feature matrix from the columns a
//! user picks (scaled, log-transformed, one-hot, imputed, every step
//! described), Lloyd's k-means with k-means++ seeding and restarts, and
//! the figures that choose k (silhouette, Calinski–Harabasz) and show how
//! stable the segments are (adjusted Rand index over bootstraps); what
//! sets each segment apart ([`compare`]); and the RFM scores of the
//! customer base with the named RFM segments (`rfm`, `rfm_map`).
//!
//! Everything is seeded: the same data, settings and seed give the same
//! segments on every machine (native and wasm32), because the only
//! randomness is [`SplitMix64`], which is integer arithmetic.

mod adjusted_rand;
mod calinski_harabasz;
mod choose_k;
pub mod compare;
mod features;
mod hamerly;
mod kmeans;
#[cfg(test)]
mod lloyd_plain;
mod map_sample;
mod matrix;
mod movement;
mod pca;
mod rfm;
mod rfm_map;
mod rng;
mod rule_eval;
mod rule_segments;
mod rules;
mod saved;
mod seeding;
mod silhouette;
mod snapshot;
mod stability;
mod suggest;

pub use adjusted_rand::{adjusted_rand_index, pairs_kept_together};
pub use calinski_harabasz::calinski_harabasz;
pub use choose_k::{choose_k, ChooseKOptions, KChoice, KFigures, KScan};
pub use features::{
    build_features, CategoricalOptions, FeatureChoice, FeatureError, FeatureKind, FeatureMatrix,
    FeatureReport, FeatureStep, NumericOptions, ScaleNote, Scaling, DEFAULT_CATEGORY_WEIGHT,
    MAX_LEVELS,
};
pub use kmeans::{assign, kmeans, KMeansError, KMeansFit, KMeansOptions, KMeansStarts, RunSummary};
pub use map_sample::{
    sample_for_map, MapSample, MapSampleOptions, SegmentDrawn, DEFAULT_MAP_POINTS,
    DEFAULT_MIN_PER_SEGMENT,
};
pub use matrix::Matrix;
pub use movement::{movement, Members, Movement};
pub use pca::{Component, Pca, PcaError};
pub use rfm::{
    rfm_scores, rfm_segments, GridCell, RfmAssignment, RfmReport, RfmScore, ScoreLevel,
    ScoreThresholds, SegmentFigures,
};
pub use rfm_map::{
    fm_score, GridCellRule, RfmRule, RfmRules, RfmSegment, RuleProblem, ScoreRange, MAX_SCORE,
    MIN_SCORE,
};
pub use rng::SplitMix64;
pub use rule_eval::{check_rule, count_matching, matching_rows};
pub use rule_segments::{
    assign_rule_segments, RuleAssignment, RuleSegment, RuleSegmentCount, RuleSegmentCounts,
    MAX_RULE_SEGMENTS,
};
pub use rules::{Condition, Join, Operator, Rule, RuleCount, RuleError};
pub use saved::{feature_choices, FeatureSetting, SavedRuleSegmentation, SavedSegmentation};
pub use silhouette::{silhouette, silhouette_exact, Silhouette, SilhouetteDistances};
pub use snapshot::{SnapshotInfo, SnapshotKind, SNAPSHOT_FORMAT};
pub use stability::{stability, Stability, StabilityOptions, StabilityRuns};
pub use suggest::{is_categorical, is_numeric, suggest_features, suggested_kind};
