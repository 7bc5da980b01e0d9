//! Segmenting the open table's customers with k-means: the feature matrix
//! from the columns the user picked, a scan over k (a job in steps, so the
//! worker reports progress and can stop), then every customer given the
//! segment of the nearest centre of the chosen k.
//!
//! The engine keeps the matrix and each k's centres, so choosing another
//! k of the scan is instant and needs no refit.

use serde::{Deserialize, Serialize};

use super::{Engine, Progress, Response};
use crate::core::export::table_to_csv;
use crate::core::segment::compare::{
    compare_two, ideal_customer_profile, profile_segments, values_of_column, CompareError,
    IdealError, TraitChoice,
};
use crate::core::segment::{
    assign, build_features, sample_for_map, ChooseKOptions, FeatureChoice, FeatureError,
    FeatureReport, KChoice, KMeansError, KScan, MapSampleOptions, Matrix, Pca, SegmentDrawn,
    Stability,
};
use crate::core::table::Column;

/// Restarts per k unless the user asks otherwise: fewer than
/// scikit-learn's 10 because each k is scanned, and beyond a few starts
/// the best inertia rarely moves (the page states the number).
pub const DEFAULT_RESTARTS: usize = 4;
/// Points the k-means fits run on (a seeded sample beyond).
pub const FIT_SAMPLE: usize = 50_000;
/// Points the silhouette is computed on (a seeded sample of the fitted).
pub const SILHOUETTE_SAMPLE: usize = 4_000;
/// Bootstrap refits measuring the suggested k's stability.
pub const STABILITY_RUNS: usize = 5;
/// The widest k range a scan may cover.
pub const MAX_K: usize = 20;

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentRequest {
    pub features: Vec<FeatureChoice>,
    pub k_min: usize,
    pub k_max: usize,
    /// The user's k (within the range); `None`: the suggested one.
    #[serde(default)]
    pub k: Option<usize>,
    pub seed: u64,
    #[serde(default = "default_restarts")]
    pub restarts: usize,
}

fn default_restarts() -> usize {
    DEFAULT_RESTARTS
}

/// Which of the engine's kept segmentations a question is about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentSource {
    /// The last k-means segmentation.
    #[default]
    KMeans,
    /// The last rule segmentation (its last segment: everyone else).
    Rules,
}

/// Why a segmentation could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentError {
    Features(FeatureError),
    KMeans(KMeansError),
    /// `k_min..=k_max` is empty, starts below 2 or is wider than [`MAX_K`].
    BadRange {
        k_min: usize,
        k_max: usize,
    },
    /// The open table changed while the job ran.
    TableChanged,
    /// No segmentation is kept (or the table changed since).
    NoSegmentation,
    /// `k` is not one the scan fitted.
    NotScanned {
        k: usize,
    },
    Compare(CompareError),
    Ideal(IdealError),
    /// The value column of an ideal customer profile does not exist.
    NoSuchColumn {
        column: usize,
    },
    /// A rule segmentation of more than `max` rules.
    TooManyRules {
        rules: usize,
        max: usize,
    },
}

/// The segment map: customers drawn on the first two principal components
/// of the feature matrix, a stratified sample of them for a large base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentMap {
    /// (PC1, PC2) of each drawn customer.
    pub points: Vec<[f64; 2]>,
    /// Segment of each drawn customer.
    pub segments: Vec<usize>,
    /// Share of the variance each component explains (at most two).
    pub explained: Vec<f64>,
    /// Per segment: customers and how many are drawn.
    pub drawn: Vec<SegmentDrawn>,
}

/// One k of the scan, as the chart shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KScore {
    pub k: usize,
    pub inertia: f64,
    pub silhouette: Option<f64>,
    pub calinski_harabasz: Option<f64>,
    pub converged: bool,
    pub iterations: usize,
}

/// A segmentation as the page sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentationSummary {
    pub request: SegmentRequest,
    /// The open table's rows; `segmented` of them have a segment (the rest
    /// had every chosen cell missing, see `features`).
    pub rows: usize,
    pub segmented: usize,
    pub features: FeatureReport,
    pub scores: Vec<KScore>,
    pub suggested: Option<usize>,
    /// The k in use: the user's, else the suggested one.
    pub k: usize,
    /// Points the fits ran on, and the silhouette.
    pub fitted: usize,
    pub silhouette_points: usize,
    pub stability: Option<Stability>,
    /// Customers per segment (segment 0 the largest at the fit).
    pub sizes: Vec<usize>,
    pub map: Option<SegmentMap>,
}

/// A finished segmentation the engine keeps.
#[derive(Debug, Clone)]
pub(super) struct Segmentation {
    /// The open table's generation it was made for.
    generation: u64,
    request: SegmentRequest,
    rows: usize,
    matrix: Matrix,
    /// 0-based table row of each matrix row.
    source_rows: Vec<usize>,
    features: FeatureReport,
    choice: KChoice,
    k: usize,
    /// Segment of each matrix row.
    labels: Vec<usize>,
    /// The map's projection (None when the matrix has no rows).
    pca: Option<Pca>,
}

impl Segmentation {
    /// The segment of each table row (`None`: not segmented).
    pub fn row_segments(&self) -> Vec<Option<usize>> {
        let mut segments = vec![None; self.rows];
        for (&row, &label) in self.source_rows.iter().zip(&self.labels) {
            if let Some(slot) = segments.get_mut(row) {
                *slot = Some(label);
            }
        }
        segments
    }

    pub fn summary(&self) -> SegmentationSummary {
        let mut sizes = vec![0; self.k];
        for &label in &self.labels {
            if let Some(size) = sizes.get_mut(label) {
                *size += 1;
            }
        }
        SegmentationSummary {
            request: SegmentRequest {
                k: Some(self.k).filter(|&k| Some(k) != self.choice.suggested),
                ..self.request.clone()
            },
            rows: self.rows,
            segmented: self.labels.len(),
            features: self.features.clone(),
            scores: self
                .choice
                .figures
                .iter()
                .map(|f| KScore {
                    k: f.k,
                    inertia: f.inertia,
                    silhouette: f.silhouette,
                    calinski_harabasz: f.calinski_harabasz,
                    converged: f.converged,
                    iterations: f.iterations,
                })
                .collect(),
            suggested: self.choice.suggested,
            k: self.k,
            fitted: self.choice.fitted,
            silhouette_points: self.choice.silhouette_points,
            stability: self.choice.stability.clone(),
            sizes,
            map: self.map(),
        }
    }

    /// A sample of the customers on the first two components.
    fn map(&self) -> Option<SegmentMap> {
        let pca = self.pca.as_ref()?;
        let sample = sample_for_map(
            &self.labels,
            &MapSampleOptions {
                seed: self.request.seed,
                ..MapSampleOptions::default()
            },
        );
        Some(SegmentMap {
            points: pca.project_rows(&self.matrix, &sample.rows),
            segments: sample
                .rows
                .iter()
                .map(|&row| self.labels.get(row).copied().unwrap_or(0))
                .collect(),
            explained: pca.components.iter().map(|c| c.ratio).collect(),
            drawn: sample.segments,
        })
    }

    /// What the SQL export needs: the features as built and the centres of
    /// the k in use (in the labels' numbering).
    pub fn definition(&self) -> Option<(&FeatureReport, &Matrix)> {
        let figures = self.choice.figures.iter().find(|f| f.k == self.k)?;
        Some((&self.features, &figures.centers))
    }

    /// Every customer to the nearest centre of the scan's fit for `k`.
    fn use_k(&mut self, k: usize) -> Result<(), SegmentError> {
        let figures = self
            .choice
            .figures
            .iter()
            .find(|f| f.k == k)
            .ok_or(SegmentError::NotScanned { k })?;
        self.labels = assign(&self.matrix, &figures.centers).0;
        self.k = k;
        Ok(())
    }
}

/// A segmentation being made, one step at a time.
#[derive(Debug)]
pub struct SegmentJob {
    generation: u64,
    request: SegmentRequest,
    rows: usize,
    matrix: Matrix,
    source_rows: Vec<usize>,
    features: FeatureReport,
    scan: KScan,
}

impl SegmentJob {
    pub fn progress(&self) -> Progress {
        Progress {
            phase: super::LoadPhase::Segmenting,
            done: self.scan.done_steps() as u64,
            total: self.scan.total_steps() as u64,
        }
    }

    /// One step of the scan; true when the job is ready for
    /// [`Engine::finish_segmenting`].
    pub fn step(&mut self) -> Result<bool, SegmentError> {
        self.scan.step().map_err(SegmentError::KMeans)
    }
}

impl Engine {
    /// Check the request and build the feature matrix: the job's first,
    /// synchronous part.
    pub fn start_segmenting(
        &self,
        request: SegmentRequest,
    ) -> Result<Box<SegmentJob>, Box<Response>> {
        let Some(table) = self.table() else {
            return Err(Box::new(Response::NoTable));
        };
        let failed = |error| Err(Box::new(Response::SegmentFailed(error)));
        if request.k_min < 2 || request.k_max < request.k_min || request.k_max > MAX_K {
            return failed(SegmentError::BadRange {
                k_min: request.k_min,
                k_max: request.k_max,
            });
        }
        let built = match build_features(table, &request.features) {
            Ok(built) => built,
            Err(error) => return failed(SegmentError::Features(error)),
        };
        let scan = KScan::new(
            &built.matrix,
            &ChooseKOptions {
                k_min: request.k_min,
                k_max: request.k_max,
                n_init: request.restarts.clamp(1, 50),
                seed: request.seed,
                fit_sample: FIT_SAMPLE,
                silhouette_sample: SILHOUETTE_SAMPLE,
                stability_runs: STABILITY_RUNS,
                ..ChooseKOptions::default()
            },
        );
        Ok(Box::new(SegmentJob {
            generation: self.open_generation,
            request,
            rows: table.row_count(),
            matrix: built.matrix,
            source_rows: built.source_rows,
            features: built.report,
            scan,
        }))
    }

    /// Keep a finished job's segmentation (if the table is still the one
    /// it segmented) and answer its summary.
    pub fn finish_segmenting(&mut self, job: Box<SegmentJob>) -> Response {
        if job.generation != self.open_generation {
            return Response::SegmentFailed(SegmentError::TableChanged);
        }
        let job = *job;
        let choice = job.scan.finish();
        let Some(k) = job.request.k.or(choice.suggested) else {
            return Response::SegmentFailed(SegmentError::KMeans(KMeansError::TooFewPoints {
                points: job.matrix.rows(),
                k: job.request.k_min,
            }));
        };
        let mut segmentation = Segmentation {
            generation: job.generation,
            request: job.request,
            rows: job.rows,
            matrix: job.matrix,
            source_rows: job.source_rows,
            features: job.features,
            choice,
            k,
            labels: Vec::new(),
            pca: None,
        };
        segmentation.pca = Pca::fit(&segmentation.matrix).ok();
        if let Err(error) = segmentation.use_k(k) {
            return Response::SegmentFailed(error);
        }
        let summary = segmentation.summary();
        self.segmentation = Some(segmentation);
        Response::Segmented(Box::new(summary))
    }

    /// Make the whole segmentation now (natively, and for tests).
    pub(super) fn segment_now(&mut self, request: SegmentRequest) -> Response {
        match self.start_segmenting(request) {
            Ok(mut job) => loop {
                match job.step() {
                    Ok(true) => return self.finish_segmenting(job),
                    Ok(false) => {}
                    Err(error) => return Response::SegmentFailed(error),
                }
            },
            Err(response) => *response,
        }
    }

    /// The kept segmentation, if the open table is still the one it is of.
    pub(super) fn segmentation(&self) -> Result<&Segmentation, SegmentError> {
        self.segmentation
            .as_ref()
            .filter(|s| s.generation == self.open_generation)
            .ok_or(SegmentError::NoSegmentation)
    }

    /// Switch the kept segmentation to another k of its scan.
    pub(super) fn choose_segment_k(&mut self, k: usize) -> Response {
        if let Err(error) = self.segmentation() {
            return Response::SegmentFailed(error);
        }
        let Some(segmentation) = self.segmentation.as_mut() else {
            return Response::SegmentFailed(SegmentError::NoSegmentation);
        };
        match segmentation.use_k(k) {
            Ok(()) => Response::Segmented(Box::new(segmentation.summary())),
            Err(error) => Response::SegmentFailed(error),
        }
    }

    /// The kept segmentation's summary.
    pub(super) fn segmentation_summary(&self) -> Response {
        match self.segmentation() {
            Ok(segmentation) => Response::Segmented(Box::new(segmentation.summary())),
            Err(error) => Response::SegmentFailed(error),
        }
    }
}

impl Engine {
    /// Each table row's segment in the kept segmentation `of`, and how
    /// many segments it has.
    pub(super) fn kept_labels(
        &self,
        of: SegmentSource,
    ) -> Result<(Vec<Option<usize>>, usize), SegmentError> {
        match of {
            SegmentSource::KMeans => {
                let segmentation = self.segmentation()?;
                Ok((segmentation.row_segments(), segmentation.k))
            }
            SegmentSource::Rules => self.rule_labels(),
        }
    }

    /// The open table with a last column of each row's segment name
    /// (`names[segment]`, else "Segment n"; empty where not segmented).
    pub(super) fn export_segments(
        &self,
        names: &[String],
        header: &str,
        of: SegmentSource,
    ) -> Response {
        let (Some(table), Ok((segments, _))) = (self.table(), self.kept_labels(of)) else {
            return Response::SegmentFailed(SegmentError::NoSegmentation);
        };
        let labels: Vec<String> = segments
            .into_iter()
            .map(|segment| match segment {
                Some(s) => names
                    .get(s)
                    .filter(|name| !name.trim().is_empty())
                    .cloned()
                    .unwrap_or_else(|| format!("Segment {}", s + 1)),
                None => String::new(),
            })
            .collect();
        let mut with_segment = table.clone();
        with_segment.columns.push(Column {
            name: header.to_string(),
            cells: labels.iter().map(String::as_str).collect(),
        });
        Response::Csv {
            text: table_to_csv(&with_segment),
        }
    }
}

impl Engine {
    /// What sets each segment of the kept segmentation `of` apart from
    /// the whole base, on `traits`.
    pub(super) fn segment_profiles(&self, traits: &[TraitChoice], of: SegmentSource) -> Response {
        let (Some(table), Ok((segments, k))) = (self.table(), self.kept_labels(of)) else {
            return Response::SegmentFailed(SegmentError::NoSegmentation);
        };
        match profile_segments(table, &segments, k, traits) {
            Ok(profiles) => Response::SegmentProfiles(Box::new(profiles)),
            Err(error) => Response::SegmentFailed(SegmentError::Compare(error)),
        }
    }

    /// Segment `a` against segment `b` of the kept segmentation `of`, on
    /// `traits`.
    pub(super) fn compare_segments(
        &self,
        (a, b): (usize, usize),
        traits: &[TraitChoice],
        of: SegmentSource,
    ) -> Response {
        let (Some(table), Ok((segments, _))) = (self.table(), self.kept_labels(of)) else {
            return Response::SegmentFailed(SegmentError::NoSegmentation);
        };
        match compare_two(table, &segments, a, b, traits) {
            Ok(profile) => Response::SegmentComparison(Box::new(profile)),
            Err(error) => Response::SegmentFailed(SegmentError::Compare(error)),
        }
    }

    /// The most valuable customers by `column` (the top `share`) against
    /// everyone else, on `traits`.
    pub(super) fn ideal_customers(
        &self,
        column: usize,
        share: f64,
        traits: &[TraitChoice],
    ) -> Response {
        let Some(table) = self.table() else {
            return Response::NoTable;
        };
        let Some(values) = values_of_column(table, column) else {
            return Response::SegmentFailed(SegmentError::NoSuchColumn { column });
        };
        match ideal_customer_profile(table, &values, share, traits) {
            Ok(profile) => Response::IdealCustomers(Box::new(profile)),
            Err(error) => Response::SegmentFailed(SegmentError::Ideal(error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::quality::Fix;
    use crate::core::segment::{CategoricalOptions, FeatureKind, NumericOptions};
    use crate::engine::Request;

    /// Three tight groups of (age, spend), one row with nothing, one city
    /// column.
    fn people() -> String {
        let mut text = String::from("id,age,spend,city\n");
        for i in 0..30 {
            let (age, spend, city) =
                [(20, 100, "Tehran"), (45, 900, "Yazd"), (70, 300, "Rasht")][i % 3];
            text.push_str(&format!("{i},{},{},{city}\n", age + i % 2, spend + i % 5));
        }
        text.push_str("99,,,\n");
        text
    }

    fn engine() -> Engine {
        Engine::with_open("people.csv", &people())
    }

    fn numeric(column: usize) -> FeatureChoice {
        FeatureChoice {
            column,
            kind: FeatureKind::Numeric(NumericOptions::default()),
        }
    }

    fn request(k: Option<usize>) -> SegmentRequest {
        SegmentRequest {
            features: vec![numeric(1), numeric(2)],
            k_min: 2,
            k_max: 6,
            k,
            seed: 7,
            restarts: 3,
        }
    }

    fn summary(response: Response) -> SegmentationSummary {
        match response {
            Response::Segmented(summary) => *summary,
            other => panic!("not segmented: {other:?}"),
        }
    }

    #[test]
    fn finds_the_three_groups_and_says_who_was_left_out() {
        let mut engine = engine();
        let found = summary(engine.handle(Request::Segment(request(None))));
        assert_eq!(found.suggested, Some(3));
        assert_eq!(found.k, 3);
        assert_eq!(found.sizes, vec![10, 10, 10]);
        assert_eq!((found.rows, found.segmented), (31, 30));
        assert_eq!(found.features.excluded_rows, 1);
        assert_eq!(
            found.scores.iter().map(|s| s.k).collect::<Vec<_>>(),
            vec![2, 3, 4, 5, 6]
        );
        assert_eq!(found.request.k, None, "the suggestion was used");
        assert_eq!(found.stability.as_ref().map(|s| s.k), Some(3));
        // Same data, settings and seed: the same answer.
        assert_eq!(
            summary(engine.handle(Request::Segment(request(None)))),
            found
        );
    }

    #[test]
    fn another_k_of_the_scan_needs_no_refit() {
        let mut engine = engine();
        summary(engine.handle(Request::Segment(request(None))));
        let two = summary(engine.handle(Request::SegmentK { k: 2 }));
        assert_eq!((two.k, two.request.k), (2, Some(2)));
        assert_eq!(two.sizes.iter().sum::<usize>(), 30);
        assert_eq!(
            engine.handle(Request::SegmentK { k: 9 }),
            Response::SegmentFailed(SegmentError::NotScanned { k: 9 })
        );
        // The user's k in the request is used instead of the suggestion.
        let four = summary(engine.handle(Request::Segment(request(Some(4)))));
        assert_eq!((four.k, four.suggested), (4, Some(3)));
    }

    #[test]
    fn a_categorical_feature_is_one_of_the_features() {
        let mut engine = engine();
        let with_city = SegmentRequest {
            features: vec![
                numeric(1),
                FeatureChoice {
                    column: 3,
                    kind: FeatureKind::Categorical(CategoricalOptions::default()),
                },
            ],
            ..request(None)
        };
        let found = summary(engine.handle(Request::Segment(with_city)));
        // Age and city take exactly six distinct values (each group's ages
        // are a and a + 1): six segments of identical customers have a
        // silhouette of 1, the most any k can have.
        assert_eq!((found.k, found.sizes.clone()), (6, vec![5; 6]));
        assert_eq!(found.features.outputs.len(), 4, "age + three cities");
    }

    #[test]
    fn export_adds_each_rows_segment_name() {
        let mut engine = engine();
        summary(engine.handle(Request::Segment(request(None))));
        let names = vec!["Young".to_string(), "=cmd()".to_string(), String::new()];
        let Response::Csv { text } = engine.handle(Request::ExportSegments {
            names,
            header: "Segment".into(),
            of: SegmentSource::KMeans,
        }) else {
            panic!("no csv");
        };
        let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
        assert_eq!(lines.first(), Some(&"id,age,spend,city,Segment"));
        assert_eq!(lines.len(), 32);
        assert_eq!(lines.last(), Some(&"99,,,,"), "not segmented: empty");
        assert!(text.contains(",'=cmd()"), "formula neutralised: {text}");
        assert!(text.contains(",Segment 3"), "unnamed: numbered");
    }

    #[test]
    fn a_changed_table_drops_the_segmentation() {
        let mut engine = engine();
        summary(engine.handle(Request::Segment(request(None))));
        engine.handle(Request::SetFixes {
            fixes: Vec::<Fix>::new(),
        });
        assert_eq!(
            engine.handle(Request::Segmentation),
            Response::SegmentFailed(SegmentError::NoSegmentation)
        );
        // A job started before the change is not kept after it.
        let job = engine.start_segmenting(request(None)).unwrap();
        engine.handle(Request::SetFilter { filter: None });
        let mut job = job;
        while !job.step().unwrap() {}
        assert_eq!(
            engine.finish_segmenting(job),
            Response::SegmentFailed(SegmentError::TableChanged)
        );
    }

    #[test]
    fn bad_requests_say_what_is_wrong() {
        let mut engine = engine();
        let bad = SegmentRequest {
            k_min: 1,
            ..request(None)
        };
        assert_eq!(
            engine.handle(Request::Segment(bad)),
            Response::SegmentFailed(SegmentError::BadRange { k_min: 1, k_max: 6 })
        );
        let none = SegmentRequest {
            features: vec![],
            ..request(None)
        };
        assert_eq!(
            engine.handle(Request::Segment(none)),
            Response::SegmentFailed(SegmentError::Features(FeatureError::NoFeatures))
        );
        assert_eq!(
            Engine::new().handle(Request::Segment(request(None))),
            Response::NoTable
        );
    }

    #[test]
    fn progress_counts_every_step() {
        let engine = engine();
        let mut job = engine.start_segmenting(request(None)).unwrap();
        let total = job.progress().total;
        assert_eq!(total, 5 * 4 + STABILITY_RUNS as u64);
        let mut steps = 0;
        while !job.step().unwrap() {
            steps += 1;
            assert!(job.progress().done <= total);
        }
        assert_eq!(job.progress().done, total);
        assert!(steps >= total as usize);
    }

    #[test]
    fn the_map_draws_every_customer_of_a_small_base() {
        let mut engine = engine();
        let found = summary(engine.handle(Request::Segment(request(None))));
        let map = found.map.expect("a map");
        assert_eq!(map.points.len(), 30);
        assert_eq!(map.segments.len(), 30);
        assert_eq!(map.explained.len(), 2);
        // Two standardised features: the two components explain it all.
        assert!((map.explained.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert_eq!(map.drawn.iter().map(|d| d.drawn).sum::<usize>(), 30);
    }

    #[test]
    fn profiles_comparisons_and_the_ideal_customer() {
        use crate::core::segment::compare::{TraitChoice, TraitKind};
        let mut engine = engine();
        let traits = vec![
            TraitChoice {
                column: 1,
                kind: TraitKind::Numeric,
            },
            TraitChoice {
                column: 3,
                kind: TraitKind::Categorical,
            },
        ];
        let before = engine.handle(Request::SegmentProfiles {
            traits: traits.clone(),
            of: SegmentSource::KMeans,
        });
        assert_eq!(
            before,
            Response::SegmentFailed(SegmentError::NoSegmentation)
        );
        summary(engine.handle(Request::Segment(request(None))));
        let Response::SegmentProfiles(profiles) = engine.handle(Request::SegmentProfiles {
            traits: traits.clone(),
            of: SegmentSource::KMeans,
        }) else {
            panic!("no profiles");
        };
        assert_eq!((profiles.labelled, profiles.unlabelled), (30, 1));
        assert_eq!(profiles.segments.len(), 3);
        assert!(profiles.segments.iter().all(|s| s.size == 10));
        let Response::SegmentComparison(pair) = engine.handle(Request::CompareSegments {
            a: 0,
            b: 1,
            traits: traits.clone(),
            of: SegmentSource::KMeans,
        }) else {
            panic!("no comparison");
        };
        assert_eq!(pair.size, 10);
        // The top tenth by spend: ⌈0.1 × 30⌉ = 3 asked (the blank row has
        // no value); the spends are 900 + i % 5 for i = 1, 4, 7, … 28, so
        // 904 twice and 903 twice: the tie at the cut goes in, 4 on top.
        let Response::IdealCustomers(ideal) = engine.handle(Request::IdealCustomers {
            column: 2,
            share: 0.1,
            traits,
        }) else {
            panic!("no ideal customers");
        };
        assert_eq!(ideal.profile.size, ideal.group.top);
        assert_eq!((ideal.group.top, ideal.group.cut), (4, 903.0));
        assert_eq!((ideal.group.rest, ideal.group.missing), (26, 1));
        assert_eq!(
            engine.handle(Request::IdealCustomers {
                column: 9,
                share: 0.1,
                traits: vec![]
            }),
            Response::SegmentFailed(SegmentError::NoSuchColumn { column: 9 })
        );
    }
}
