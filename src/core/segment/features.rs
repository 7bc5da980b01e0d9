//! The feature matrix k-means reads: one row per customer, built from the
//! table columns the caller picks, with every transformation recorded
//! (so the page can show it and an SQL export can redo it).
//!
//! Numeric columns: cells read by [`parse_measure`]; optionally a signed
//! log1p (money is skewed: a few big spenders would otherwise make their own
//! clusters); missing and unreadable cells replaced by the median; then
//! scaled so no unit dominates:
//! - standard: (x − mean) / population standard deviation (ddof 0), as
//!   scikit-learn's `StandardScaler`;
//! - robust: (x − median) / IQR (type-7 quartiles), as `RobustScaler`, for
//!   columns whose outliers would squash everyone else's spread.
//!
//! The order (transform, impute, scale) is scikit-learn's
//! `make_pipeline(SimpleImputer("median"), StandardScaler())` after a
//! log transform, so the centre and scale describe the filled column.
//!
//! Categorical columns: one indicator per level, each worth √(γ/2), so two
//! customers with different levels are γ apart in squared distance and the
//! same level costs nothing: Huang's k-prototypes distance (squared
//! Euclidean on numbers + γ × mismatches), written so plain Euclidean
//! k-means, silhouette and PCA all apply. Integer codes would instead make
//! "level 3" twice as far from "level 1" as "level 2" is. γ defaults to 1:
//! a mismatch weighs as much as one standard deviation of difference in
//! one scaled numeric feature. A centre's indicators are then the level
//! shares of its cluster (× √(γ/2)), more telling than a k-modes mode.
//! Levels ignore case and surrounding spaces ("Male" = " male ").
//! A missing category is all zeros: equally far (γ/2) from every level, so
//! it invents no answer (as the mode would) and does not make its own
//! segment (as a "missing" level would).
//!
//! Rows whose chosen cells are all missing carry no information: they are
//! left out of the matrix and counted; every other row is kept.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::matrix::Matrix;
use crate::core::schema::{is_missing, parse_measure};
use crate::core::stats::{quantile, quantile_unsorted};
use crate::core::table::{Table, TextColumn};

/// Levels a categorical feature keeps (the most frequent); the rest share
/// one "other" indicator, so an id column picked by mistake cannot make a
/// matrix with a million columns.
pub const MAX_LEVELS: usize = 30;

/// γ, the squared distance a category mismatch adds (see the module docs).
pub const DEFAULT_CATEGORY_WEIGHT: f64 = 1.0;

/// How a numeric feature is brought to a common scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scaling {
    /// (x − mean) / population standard deviation.
    Standard,
    /// (x − median) / interquartile range.
    Robust,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NumericOptions {
    pub scaling: Scaling,
    /// sign(x) · ln(1 + |x|) before anything else: log1p for the usual
    /// non-negative money, and defined for refunds too.
    pub log1p: bool,
    /// Multiplies the scaled values: 1 is one feature's worth.
    pub weight: f64,
}

impl Default for NumericOptions {
    fn default() -> Self {
        NumericOptions {
            scaling: Scaling::Standard,
            log1p: false,
            weight: 1.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CategoricalOptions {
    /// γ: the squared distance between two different levels.
    pub weight: f64,
}

impl Default for CategoricalOptions {
    fn default() -> Self {
        CategoricalOptions {
            weight: DEFAULT_CATEGORY_WEIGHT,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureKind {
    Numeric(NumericOptions),
    Categorical(CategoricalOptions),
}

/// One column the caller picked and how to read it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FeatureChoice {
    /// Index into the table's columns.
    pub column: usize,
    pub kind: FeatureKind,
}

/// Why a scale is not the plain statistic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleNote {
    /// Every value is the same: scale 1, so the feature is all zeros (as
    /// scikit-learn does) and plays no part.
    Constant,
    /// The IQR is 0 (most values equal) but the values vary: the population
    /// standard deviation is used instead, since dividing by 1 would keep
    /// the raw unit.
    IqrZeroUsedStdDev,
}

/// What was done to one picked column, in the order it was done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FeatureStep {
    Numeric {
        column: usize,
        name: String,
        /// Matrix column holding this feature.
        output: usize,
        log1p: bool,
        /// Cells filled with `fill` (missing plus unreadable) among the kept rows.
        imputed: usize,
        /// Of `imputed`, cells that were written but are not numbers.
        unreadable: usize,
        /// The median of the readable values, after log1p if chosen.
        fill: f64,
        scaling: Scaling,
        center: f64,
        scale: f64,
        note: Option<ScaleNote>,
        weight: f64,
    },
    Categorical {
        column: usize,
        name: String,
        /// First matrix column of this feature's indicators, one per level
        /// (then one for "other" when `other_levels > 0`).
        output: usize,
        /// Kept levels, most frequent first, ties by text. Cells are
        /// compared trimmed and lower-cased (Unicode), so "male" and
        /// "Male" are one level, shown in its most frequent spelling.
        levels: Vec<String>,
        /// Distinct levels beyond [`MAX_LEVELS`], sharing one indicator.
        other_levels: usize,
        /// Kept rows with no value here (all indicators 0).
        missing: usize,
        /// γ and the indicator's value √(γ/2).
        weight: f64,
        indicator: f64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureReport {
    pub steps: Vec<FeatureStep>,
    /// Names of the matrix columns (`age`, `gender=Female`, …).
    pub outputs: Vec<String>,
    /// Rows left out because every picked cell was missing.
    pub excluded_rows: usize,
    /// The first of them (0-based table rows), at most 20.
    pub excluded_examples: Vec<usize>,
}

/// The matrix plus the table row each matrix row came from.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureMatrix {
    pub matrix: Matrix,
    /// 0-based table row of each matrix row, ascending.
    pub source_rows: Vec<usize>,
    pub report: FeatureReport,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureError {
    NoFeatures,
    NoSuchColumn(usize),
    /// Every row has every picked cell missing.
    NoRows,
}

impl std::fmt::Display for FeatureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeatureError::NoFeatures => write!(f, "no features chosen"),
            FeatureError::NoSuchColumn(c) => write!(f, "no column {c}"),
            FeatureError::NoRows => write!(f, "no row has a value in the chosen columns"),
        }
    }
}

const MAX_EXCLUDED_EXAMPLES: usize = 20;

/// A numeric cell as read.
#[derive(Clone, Copy)]
enum Number {
    Value(f64),
    Missing,
    /// Written, but not a number `parse_measure` reads (or not finite).
    Unreadable,
}

/// One picked column read into values per table row.
enum Raw<'a> {
    Numeric(Vec<Number>),
    /// None for missing.
    Categorical(Vec<Option<&'a str>>),
}

impl Raw<'_> {
    fn present(&self, row: usize) -> bool {
        match self {
            Raw::Numeric(values) => matches!(values.get(row), Some(Number::Value(_))),
            Raw::Categorical(values) => matches!(values.get(row), Some(Some(_))),
        }
    }
}

/// The feature matrix of `choices` over `table` (see the module docs).
pub fn build_features(
    table: &Table,
    choices: &[FeatureChoice],
) -> Result<FeatureMatrix, FeatureError> {
    if choices.is_empty() {
        return Err(FeatureError::NoFeatures);
    }
    let rows = table.row_count();
    let raws = choices
        .iter()
        .map(|choice| {
            let column = table
                .columns
                .get(choice.column)
                .ok_or(FeatureError::NoSuchColumn(choice.column))?;
            Ok(read_raw(&column.cells, rows, choice.kind))
        })
        .collect::<Result<Vec<_>, _>>()?;

    let (kept, excluded): (Vec<usize>, Vec<usize>) =
        (0..rows).partition(|&row| raws.iter().any(|raw| raw.present(row)));
    if kept.is_empty() {
        return Err(FeatureError::NoRows);
    }

    let mut outputs = Vec::new();
    let mut blocks = Vec::with_capacity(choices.len());
    let mut steps = Vec::with_capacity(choices.len());
    for (choice, raw) in choices.iter().zip(&raws) {
        let name = table
            .columns
            .get(choice.column)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let (block, step) = match (raw, choice.kind) {
            (Raw::Numeric(values), FeatureKind::Numeric(options)) => {
                let kept_values: Vec<Number> = kept
                    .iter()
                    .map(|&row| values.get(row).copied().unwrap_or(Number::Missing))
                    .collect();
                numeric_block(&kept_values, options, choice.column, name, outputs.len())
            }
            (Raw::Categorical(values), FeatureKind::Categorical(options)) => {
                let kept_values: Vec<Option<&str>> = kept
                    .iter()
                    .map(|&row| values.get(row).copied().flatten())
                    .collect();
                categorical_block(&kept_values, options, choice.column, name, outputs.len())
            }
            // read_raw made the Raw from this choice's kind.
            _ => continue,
        };
        outputs.extend(block.names.iter().cloned());
        blocks.push(block);
        steps.push(step);
    }

    let matrix = interleave(&blocks, kept.len(), outputs.len());
    Ok(FeatureMatrix {
        matrix,
        report: FeatureReport {
            steps,
            outputs,
            excluded_rows: excluded.len(),
            excluded_examples: excluded
                .iter()
                .copied()
                .take(MAX_EXCLUDED_EXAMPLES)
                .collect(),
        },
        source_rows: kept,
    })
}

fn read_raw(cells: &TextColumn, rows: usize, kind: FeatureKind) -> Raw<'_> {
    // A column shorter than the table (hand-built tables) reads as missing.
    let cell = |row: usize| cells.get(row).unwrap_or("");
    match kind {
        FeatureKind::Numeric(options) => Raw::Numeric(
            (0..rows)
                .map(|row| {
                    let text = cell(row);
                    if is_missing(text) {
                        return Number::Missing;
                    }
                    match parse_measure(text).filter(|v| v.is_finite()) {
                        Some(v) if options.log1p => Number::Value(signed_log1p(v)),
                        Some(v) => Number::Value(v),
                        None => Number::Unreadable,
                    }
                })
                .collect(),
        ),
        FeatureKind::Categorical(_) => Raw::Categorical(
            (0..rows)
                .map(|row| {
                    let text = cell(row);
                    (!is_missing(text)).then(|| text.trim())
                })
                .collect(),
        ),
    }
}

/// sign(x) · ln(1 + |x|): log1p for x ≥ 0, mirrored for refunds; in SQL
/// `SIGN(x) * LN(1 + ABS(x))`.
fn signed_log1p(x: f64) -> f64 {
    x.signum() * x.abs().ln_1p()
}

/// One feature's matrix columns (column-major while being built).
struct Block {
    names: Vec<String>,
    columns: Vec<Vec<f64>>,
}

fn numeric_block(
    values: &[Number],
    options: NumericOptions,
    column: usize,
    name: String,
    output: usize,
) -> (Block, FeatureStep) {
    let readable = values.iter().filter_map(|v| match v {
        Number::Value(x) => Some(*x),
        _ => None,
    });
    let mut readable: Vec<f64> = readable.collect();
    // No readable value at all: the column is all fill, 0, constant.
    let fill = if readable.is_empty() {
        0.0
    } else {
        quantile_unsorted(&mut readable, 0.5)
    };
    let imputed = values.len() - readable.len();
    let unreadable = values
        .iter()
        .filter(|v| matches!(v, Number::Unreadable))
        .count();
    let filled: Vec<f64> = values
        .iter()
        .map(|v| match v {
            Number::Value(x) => *x,
            _ => fill,
        })
        .collect();

    let (center, raw_scale, mut note) = match options.scaling {
        Scaling::Standard => {
            let (mean, std) = mean_and_population_std(&filled);
            (mean, std, None)
        }
        Scaling::Robust => {
            let mut sorted_filled = filled.clone();
            sorted_filled.sort_unstable_by(f64::total_cmp);
            let median = quantile(&sorted_filled, 0.5);
            let iqr = quantile(&sorted_filled, 0.75) - quantile(&sorted_filled, 0.25);
            if iqr > 0.0 {
                (median, iqr, None)
            } else {
                let (_, std) = mean_and_population_std(&filled);
                (median, std, Some(ScaleNote::IqrZeroUsedStdDev))
            }
        }
    };
    let scale = if raw_scale > 0.0 && raw_scale.is_finite() {
        raw_scale
    } else {
        note = Some(ScaleNote::Constant);
        1.0
    };
    let weight = options.weight;
    let scaled = filled
        .iter()
        .map(|x| (x - center) / scale * weight)
        .collect();
    let step = FeatureStep::Numeric {
        column,
        name: name.clone(),
        output,
        log1p: options.log1p,
        imputed,
        unreadable,
        fill,
        scaling: options.scaling,
        center,
        scale,
        note,
        weight,
    };
    (
        Block {
            names: vec![name],
            columns: vec![scaled],
        },
        step,
    )
}

/// Mean and population standard deviation (ddof 0, as `StandardScaler`),
/// by Welford's update: stable for large values with a small spread.
fn mean_and_population_std(values: &[f64]) -> (f64, f64) {
    let (mut mean, mut m2) = (0.0, 0.0);
    for (i, x) in values.iter().enumerate() {
        let delta = x - mean;
        mean += delta / (i + 1) as f64;
        m2 += delta * (x - mean);
    }
    if values.is_empty() {
        (0.0, 0.0)
    } else {
        (mean, (m2 / values.len() as f64).sqrt())
    }
}

fn categorical_block(
    values: &[Option<&str>],
    options: CategoricalOptions,
    column: usize,
    name: String,
    output: usize,
) -> (Block, FeatureStep) {
    // Each distinct spelling once, and each row's spelling by number: one
    // hash lookup per row (the rows are then filled by index).
    let mut spelling_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut spellings: Vec<(&str, usize)> = Vec::new();
    let spelling_of_row: Vec<Option<u32>> = values
        .iter()
        .map(|value| {
            let value = (*value)?;
            let next = u32::try_from(spellings.len()).ok()?;
            let id = *spelling_ids.entry(value).or_insert_with(|| {
                spellings.push((value, 0));
                next
            });
            if let Some((_, count)) = spellings.get_mut(id as usize) {
                *count += 1;
            }
            Some(id)
        })
        .collect();
    // "Male", "male" and "MALE" are one level: case never names a different
    // group of customers. Each level is shown in its most frequent spelling.
    let mut folded: FxHashMap<String, (usize, &str, usize)> = FxHashMap::default();
    for &(spelling, count) in &spellings {
        let level = folded
            .entry(spelling.to_lowercase())
            .or_insert((0, spelling, 0));
        level.0 += count;
        if count > level.2 || (count == level.2 && spelling < level.1) {
            (level.1, level.2) = (spelling, count);
        }
    }
    let mut by_count: Vec<(String, &str, usize)> = folded
        .into_iter()
        .map(|(key, (count, shown, _))| (key, shown, count))
        .collect();
    // Most frequent first; ties by text so the order never depends on hashing.
    by_count.sort_unstable_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)));
    let other_levels = by_count.len().saturating_sub(MAX_LEVELS);
    by_count.truncate(MAX_LEVELS);
    let levels: Vec<String> = by_count.iter().map(|(_, l, _)| l.to_string()).collect();
    let level_of: FxHashMap<&str, usize> = by_count
        .iter()
        .enumerate()
        .map(|(i, (key, _, _))| (key.as_str(), i))
        .collect();
    // Spelling → level, so the pass over the rows folds nothing; a level
    // beyond the kept ones goes to the last ("other") indicator.
    let slot_of_spelling: Vec<usize> = spellings
        .iter()
        .map(|(spelling, _)| {
            level_of
                .get(spelling.to_lowercase().as_str())
                .copied()
                .unwrap_or(levels.len())
        })
        .collect();

    let gamma = options.weight.max(0.0);
    let indicator = (gamma / 2.0).sqrt();
    let width = levels.len() + usize::from(other_levels > 0);
    let mut columns = vec![vec![0.0; values.len()]; width];
    let mut missing = 0;
    for (row, spelling) in spelling_of_row.iter().enumerate() {
        let Some(spelling) = spelling else {
            missing += 1;
            continue;
        };
        let slot = slot_of_spelling
            .get(*spelling as usize)
            .copied()
            .unwrap_or(levels.len());
        if let Some(cell) = columns.get_mut(slot).and_then(|c| c.get_mut(row)) {
            *cell = indicator;
        }
    }
    let mut names: Vec<String> = levels.iter().map(|l| format!("{name}={l}")).collect();
    if other_levels > 0 {
        names.push(format!("{name}=(other)"));
    }
    let step = FeatureStep::Categorical {
        column,
        name,
        output,
        levels,
        other_levels,
        missing,
        weight: gamma,
        indicator,
    };
    (Block { names, columns }, step)
}

/// Column-major blocks into one row-major matrix.
fn interleave(blocks: &[Block], rows: usize, width: usize) -> Matrix {
    let mut matrix = Matrix::zeros(rows, width);
    let columns: Vec<&Vec<f64>> = blocks.iter().flat_map(|b| b.columns.iter()).collect();
    for (row, out) in matrix.iter_mut().enumerate() {
        for (cell, column) in out.iter_mut().zip(&columns) {
            *cell = column.get(row).copied().unwrap_or(0.0);
        }
    }
    matrix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numeric(column: usize, scaling: Scaling, log1p: bool) -> FeatureChoice {
        FeatureChoice {
            column,
            kind: FeatureKind::Numeric(NumericOptions {
                scaling,
                log1p,
                weight: 1.0,
            }),
        }
    }

    fn categorical(column: usize) -> FeatureChoice {
        FeatureChoice {
            column,
            kind: FeatureKind::Categorical(CategoricalOptions::default()),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn standard_scaling_uses_the_population_std() {
        // 1, 2, 3, 4: mean 2.5, population variance (2.25+0.25+0.25+2.25)/4
        // = 1.25, so 1 → −1.5/√1.25 = −1.3416…
        let table = Table::from_rows(&["x"], &[&["1"], &["2"], &["3"], &["4"]]);
        let built = build_features(&table, &[numeric(0, Scaling::Standard, false)]).unwrap();
        let want = -1.5 / 1.25_f64.sqrt();
        assert!(close(built.matrix.values()[0], want));
        assert!(close(built.matrix.values()[3], -want));
        let FeatureStep::Numeric { center, scale, .. } = &built.report.steps[0] else {
            panic!()
        };
        assert!(close(*center, 2.5) && close(*scale, 1.25_f64.sqrt()));
    }

    #[test]
    fn robust_scaling_uses_median_and_iqr() {
        // 1, 2, 3, 4, 100: median 3, q1 2, q3 4 (type 7), IQR 2.
        let table = Table::from_rows(&["x"], &[&["1"], &["2"], &["3"], &["4"], &["100"]]);
        let built = build_features(&table, &[numeric(0, Scaling::Robust, false)]).unwrap();
        assert_eq!(built.matrix.values(), &[-1.0, -0.5, 0.0, 0.5, 48.5]);
    }

    #[test]
    fn missing_numbers_get_the_median_and_are_counted() {
        // Readable 10, 20, 60: median 20 fills "" and "abc"; after filling
        // 10, 20, 20, 20, 60: mean 26. Column y keeps every row in.
        let table = Table::from_rows(
            &["x", "y"],
            &[
                &["10", "1"],
                &["", "1"],
                &["20", "1"],
                &["abc", "1"],
                &["60", "1"],
            ],
        );
        let choices = [
            numeric(0, Scaling::Standard, false),
            numeric(1, Scaling::Standard, false),
        ];
        let built = build_features(&table, &choices).unwrap();
        assert_eq!(built.matrix.rows(), 5, "no customer dropped");
        let FeatureStep::Numeric {
            imputed,
            unreadable,
            fill,
            center,
            ..
        } = &built.report.steps[0]
        else {
            panic!()
        };
        assert_eq!((*imputed, *unreadable, *fill, *center), (2, 1, 20.0, 26.0));
    }

    #[test]
    fn log1p_comes_before_the_median() {
        let table = Table::from_rows(&["m"], &[&["0"], &["$99.00"], &[""], &["-1"]]);
        let built = build_features(&table, &[numeric(0, Scaling::Standard, true)]).unwrap();
        let FeatureStep::Numeric { fill, .. } = &built.report.steps[0] else {
            panic!()
        };
        // Readable after the transform: −ln 2, 0, ln 100; the median is 0.
        assert_eq!(*fill, 0.0);
        assert!(close(signed_log1p(99.0), 100f64.ln()));
        assert!(close(signed_log1p(-1.0), -(2f64.ln())));
    }

    #[test]
    fn categories_are_one_hot_at_root_half_gamma() {
        // Column y keeps the NA row in, with no level set.
        let table = Table::from_rows(
            &["g", "y"],
            &[
                &["Male", "1"],
                &["Female", "1"],
                &["Female", "1"],
                &["NA", "1"],
                &[" Male ", "1"],
            ],
        );
        let built = build_features(&table, &[categorical(0)]).unwrap();
        assert_eq!(
            built.report.excluded_rows, 1,
            "g alone: the NA row has nothing"
        );
        let built = build_features(
            &table,
            &[categorical(0), numeric(1, Scaling::Standard, false)],
        )
        .unwrap();
        let h = 0.5_f64.sqrt();
        // Female and Male tie at 2: alphabetical, Female first.
        assert_eq!(built.report.outputs, vec!["g=Female", "g=Male", "y"]);
        assert_eq!(
            built.matrix.values(),
            &[0.0, h, 0.0, h, 0.0, 0.0, h, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, h, 0.0]
        );
        // A mismatch costs γ = 1 in squared distance.
        let a = built.matrix.row(0).unwrap();
        let b = built.matrix.row(1).unwrap();
        assert!(close(super::super::matrix::squared_distance(a, b), 1.0));
        let FeatureStep::Categorical { missing, .. } = &built.report.steps[0] else {
            panic!()
        };
        assert_eq!(*missing, 1);
    }

    #[test]
    fn levels_ignore_case_and_show_the_usual_spelling() {
        let table = Table::from_rows(&["c"], &[&["web"], &["WEB"], &["web"], &["App"]]);
        let built = build_features(&table, &[categorical(0)]).unwrap();
        assert_eq!(built.report.outputs, vec!["c=web", "c=App"]);
        let h = 0.5_f64.sqrt();
        assert_eq!(built.matrix.values(), &[h, 0.0, h, 0.0, h, 0.0, 0.0, h]);
    }

    #[test]
    fn rows_missing_everything_are_excluded_and_counted() {
        let table = Table::from_rows(
            &["x", "g"],
            &[&["1", "a"], &["", ""], &["3", ""], &["n/a", "b"]],
        );
        let built = build_features(
            &table,
            &[numeric(0, Scaling::Standard, false), categorical(1)],
        )
        .unwrap();
        assert_eq!(built.source_rows, vec![0, 2, 3]);
        assert_eq!(built.report.excluded_rows, 1);
        assert_eq!(built.report.excluded_examples, vec![1]);
        assert_eq!(built.matrix.dim(), 3);
    }

    #[test]
    fn constant_columns_and_bad_choices() {
        let table = Table::from_rows(&["x"], &[&["5"], &["5"]]);
        let built = build_features(&table, &[numeric(0, Scaling::Robust, false)]).unwrap();
        assert_eq!(built.matrix.values(), &[0.0, 0.0]);
        assert!(matches!(
            built.report.steps[0],
            FeatureStep::Numeric {
                note: Some(ScaleNote::Constant),
                ..
            }
        ));
        assert_eq!(
            build_features(&table, &[]).unwrap_err(),
            FeatureError::NoFeatures
        );
        assert_eq!(
            build_features(&table, &[categorical(3)]).unwrap_err(),
            FeatureError::NoSuchColumn(3)
        );
        let empty = Table::from_rows(&["x"], &[&[""]]);
        assert_eq!(
            build_features(&empty, &[categorical(0)]).unwrap_err(),
            FeatureError::NoRows
        );
    }

    #[test]
    fn mostly_equal_values_fall_back_to_the_std() {
        // 0,0,0,0,10: IQR 0, population std 4.
        let table = Table::from_rows(&["x"], &[&["0"], &["0"], &["0"], &["0"], &["10"]]);
        let built = build_features(&table, &[numeric(0, Scaling::Robust, false)]).unwrap();
        assert_eq!(built.matrix.values(), &[0.0, 0.0, 0.0, 0.0, 2.5]);
    }

    #[test]
    fn many_levels_share_an_other_indicator() {
        let cells: Vec<String> = (0..MAX_LEVELS + 3).map(|i| format!("id{i:03}")).collect();
        let rows: Vec<Vec<&str>> = cells.iter().map(|c| vec![c.as_str()]).collect();
        let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        let table = Table::from_rows(&["id"], &rows);
        let built = build_features(&table, &[categorical(0)]).unwrap();
        assert_eq!(built.matrix.dim(), MAX_LEVELS + 1);
        let FeatureStep::Categorical { other_levels, .. } = &built.report.steps[0] else {
            panic!()
        };
        assert_eq!(*other_levels, 3);
    }
}
