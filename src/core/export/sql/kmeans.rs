//! A k-means segmentation as SQL: every feature computed as
//! `segment::build_features` computes it (plain-number reading, signed
//! log1p, the median fill, centre and scale, weight; one indicator per
//! category level at √(γ/2)), the squared distance to every centre, and
//! the nearest centre with the engine's tie-break (the lowest segment
//! wins a tie, as `matrix::nearest`). Segments are numbered 1..k as the
//! page shows them (the engine's label + 1); rows with every chosen cell
//! missing get NULL, as the engine leaves them out.
//!
//! The arithmetic is written in the engine's order (`(x − centre) / scale
//! × weight`, the distance summed feature by feature) with every constant
//! as the exact double, so a warehouse computes the same doubles.

use super::cells::{gap_lines, missing, number, number_gap, ReadingGap};
use super::dialect::{float, SqlDialect};
use super::header::{header, segment_name_case};
use crate::core::segment::{FeatureReport, FeatureStep, Matrix};
use crate::core::table::Table;

/// What a k-means segmentation's SQL is made from.
#[derive(Debug, Clone, Copy)]
pub struct KMeansDefinition<'a> {
    /// The table segmented (its headers and cells, to check what SQL reads).
    pub table: &'a Table,
    pub features: &'a FeatureReport,
    /// The centres of the k in use, one row per segment, in the labels' order.
    pub centers: &'a Matrix,
    /// The user's segment names by segment (blank: "Segment n").
    pub names: &'a [String],
}

/// The SQL assigning every row of `table_name` its segment.
pub fn kmeans_sql(definition: &KMeansDefinition<'_>, d: SqlDialect, table_name: &str) -> String {
    let KMeansDefinition {
        table,
        features,
        centers,
        names,
    } = *definition;
    let k = centers.rows();
    let mut read = Vec::new();
    let mut outputs = Vec::new();
    let mut kept = Vec::new();
    let mut gaps: Vec<ReadingGap> = Vec::new();
    for (i, step) in features.steps.iter().enumerate() {
        match step {
            FeatureStep::Numeric {
                column,
                name,
                log1p,
                fill,
                center,
                scale,
                weight,
                ..
            } => {
                let n = format!("nimrokh_n{i}");
                let value = number(d, &format!("t.{}", d.ident(name)));
                let value = if *log1p {
                    format!("SIGN({value}) * LN(1e0 + ABS({value}))")
                } else {
                    value
                };
                read.push(format!("{value} AS {n}"));
                kept.push(format!("{n} IS NOT NULL"));
                outputs.push(format!(
                    "((COALESCE({n}, {}) - {}) / {}) * {}",
                    float(*fill),
                    float(*center),
                    float(*scale),
                    float(*weight)
                ));
                if let Some(gap) = table
                    .columns
                    .get(*column)
                    .and_then(|c| number_gap(name, &c.cells))
                {
                    gaps.push(gap);
                }
            }
            FeatureStep::Categorical {
                name,
                levels,
                other_levels,
                indicator,
                ..
            } => {
                let c = format!("nimrokh_c{i}");
                let cell = format!("t.{}", d.ident(name));
                read.push(format!(
                    "CASE WHEN NOT {} THEN LOWER(TRIM({cell})) END AS {c}",
                    missing(d, &cell)
                ));
                kept.push(format!("{c} IS NOT NULL"));
                let keys: Vec<String> =
                    levels.iter().map(|l| d.string(&l.to_lowercase())).collect();
                for key in &keys {
                    outputs.push(format!(
                        "CASE WHEN {c} = {key} THEN {} ELSE 0e0 END",
                        float(*indicator)
                    ));
                }
                if *other_levels > 0 {
                    outputs.push(format!(
                        "CASE WHEN {c} IS NOT NULL AND {c} NOT IN ({}) THEN {} ELSE 0e0 END",
                        keys.join(", "),
                        float(*indicator)
                    ));
                }
            }
        }
    }

    let distances: Vec<String> = (0..k)
        .map(|s| {
            let center = centers.row(s).unwrap_or_default();
            let terms: Vec<String> = center
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let x = format!("nimrokh_x{j}");
                    let c = float(*c);
                    format!("({x} - {c}) * ({x} - {c})")
                })
                .collect();
            format!("{} AS nimrokh_d{}", terms.join("\n      + "), s + 1)
        })
        .collect();
    let nearest = nearest_case(k);

    let mut lines = vec![
        format!(
            "Nimrokh segment definition: k-means, {k} segments ({}).",
            d.name()
        ),
        "Each row gets the segment of the nearest centre; features are scaled as in Nimrokh."
            .to_string(),
        "Rows with every feature missing get NULL (Nimrokh leaves them out).".to_string(),
        String::new(),
        "Features:".to_string(),
    ];
    lines.extend(features.steps.iter().map(describe_step));
    lines.push(String::new());
    lines.extend(gap_lines(&gaps));
    let columns: Vec<String> = table.columns.iter().map(|c| d.ident(&c.name)).collect();
    let x_columns: Vec<String> = outputs
        .iter()
        .enumerate()
        .map(|(j, e)| format!("{e} AS nimrokh_x{j}"))
        .collect();
    format!(
        "{header}WITH nimrokh_read AS (\n  SELECT t.*,\n    {read}\n  FROM {table} AS t\n),\n\
nimrokh_features AS (\n  SELECT *,\n    ({kept}) AS nimrokh_kept,\n    {x}\n  FROM nimrokh_read\n),\n\
nimrokh_distances AS (\n  SELECT *,\n    {dist}\n  FROM nimrokh_features\n),\n\
nimrokh_nearest AS (\n  SELECT *,\n    CASE WHEN NOT nimrokh_kept THEN NULL\n{nearest}\n    END AS nimrokh_segment\n  FROM nimrokh_distances\n)\n\
SELECT {columns},\n  nimrokh_segment AS {segment},\n  {name_case} AS {segment_name}\nFROM nimrokh_nearest;\n",
        header = header(&lines),
        read = read.join(",\n    "),
        table = d.table(table_name),
        kept = kept.join(" OR "),
        x = x_columns.join(",\n    "),
        dist = distances.join(",\n    "),
        columns = columns.join(", "),
        segment = d.ident("segment"),
        segment_name = d.ident("segment_name"),
        name_case = segment_name_case(d, "nimrokh_segment", k, names),
    )
}

/// `WHEN d1 <= d2 AND d1 <= d3 THEN 1 … ELSE k`: the first smallest wins.
fn nearest_case(k: usize) -> String {
    let mut whens: Vec<String> = (1..k)
        .map(|s| {
            let tests: Vec<String> = (s + 1..=k)
                .map(|o| format!("nimrokh_d{s} <= nimrokh_d{o}"))
                .collect();
            format!("      WHEN {} THEN {s}", tests.join(" AND "))
        })
        .collect();
    whens.push(format!("      ELSE {k}"));
    whens.join("\n")
}

fn describe_step(step: &FeatureStep) -> String {
    match step {
        FeatureStep::Numeric {
            name,
            log1p,
            fill,
            scaling,
            center,
            scale,
            weight,
            ..
        } => format!(
            "  {name}: number{}, missing -> {fill:e}, {scaling:?} scaling (x - {center:e}) / {scale:e}, weight {weight:e}",
            if *log1p { ", sign(x)*ln(1+|x|)" } else { "" }
        ),
        FeatureStep::Categorical {
            name,
            levels,
            other_levels,
            weight,
            ..
        } => format!(
            "  {name}: category (case and spaces ignored), {} levels{}, mismatch weight {weight:e}",
            levels.len(),
            if *other_levels > 0 {
                format!(" + other ({other_levels} levels)")
            } else {
                String::new()
            }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::{
        build_features, CategoricalOptions, FeatureChoice, FeatureKind, NumericOptions,
    };

    fn definition_sql(d: SqlDialect) -> String {
        let table = Table::from_rows(
            &["age", "city"],
            &[&["20", "Tehran"], &["40", "yazd"], &["$50", ""], &["", ""]],
        );
        let built = build_features(
            &table,
            &[
                FeatureChoice {
                    column: 0,
                    kind: FeatureKind::Numeric(NumericOptions::default()),
                },
                FeatureChoice {
                    column: 1,
                    kind: FeatureKind::Categorical(CategoricalOptions::default()),
                },
            ],
        )
        .unwrap();
        let centers = Matrix::from_rows(&[vec![-1.0, 0.5, 0.0], vec![1.0, 0.0, 0.5]]).unwrap();
        let names = vec!["Young".to_string()];
        kmeans_sql(
            &KMeansDefinition {
                table: &table,
                features: &built.report,
                centers: &centers,
                names: &names,
            },
            d,
            "people",
        )
    }

    #[test]
    fn duckdb_text_has_the_steps_and_the_tie_break() {
        let sql = definition_sql(SqlDialect::DuckDb);
        assert!(sql.starts_with("-- Nimrokh segment definition: k-means, 2 segments (DuckDB)."));
        assert!(sql.contains("FROM \"people\" AS t"));
        assert!(sql.contains("WHEN nimrokh_d1 <= nimrokh_d2 THEN 1\n      ELSE 2"));
        assert!(sql.contains("CASE WHEN nimrokh_c1 = 'tehran' THEN 7.071067811865476e-1"));
        assert!(sql.contains("NEEDS CLEAN VALUES"), "$50 is money");
        assert!(sql.contains("  age: 1 cell(s), e.g. \"$50\""));
        assert!(sql.contains("WHEN 1 THEN 'Young'"));
        assert!(sql.contains("TRY_CAST(TRIM(t.\"age\") AS DOUBLE)"));
    }

    #[test]
    fn spark_and_bigquery_quote_and_cast_their_way() {
        let spark = definition_sql(SqlDialect::Spark);
        assert!(spark.contains("FROM `people` AS t"));
        assert!(spark.contains(
            "(TRIM(t.`age`) RLIKE '^(?:-?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?)$')"
        ));
        assert!(spark.contains("TRY_CAST(TRIM(t.`age`) AS DOUBLE)"));
        let bigquery = definition_sql(SqlDialect::BigQuery);
        assert!(bigquery.contains("SAFE_CAST(TRIM(t.`age`) AS FLOAT64)"));
        assert!(bigquery.contains("REGEXP_CONTAINS(TRIM(t.`age`), '^(?:"));
        assert!(
            bigquery.starts_with("-- Nimrokh segment definition: k-means, 2 segments (BigQuery).")
        );
    }
}
