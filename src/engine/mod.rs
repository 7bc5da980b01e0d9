//! The engine: the request/response boundary in front of core.
//!
//! It owns the loaded table; callers send a [`Request`] and get a
//! [`Response`] holding only summaries and pages of rows, never the table.
//! Both are plain serde data so the same engine can sit behind a Web Worker's
//! `postMessage` in the browser and be called directly in native tests and
//! the CLI.

mod customers;
mod files;
mod filter;
mod lent;
mod link;
mod load;
mod messages;
mod movement;
mod persona;
mod rule_segment;
mod segment;
mod sql_export;
mod summary;
mod wire;

pub use customers::{CustomerSource, MAX_CUSTOMER_PAGE};
pub use files::FilePlace;
pub use filter::RowFilter;
pub use lent::{infer_lent_column, InferenceParts};
pub use link::{LinkChoice, LinkedFile, ProjectLink};
pub use load::{LoadJob, LoadPhase, Loaded, Progress, Taken, MIN_ROWS_TO_LEND, RECORDS_PER_STEP};
pub use messages::{Request, Response};
pub use segment::{
    KScore, SegmentError, SegmentJob, SegmentMap, SegmentRequest, SegmentSource,
    SegmentationSummary, DEFAULT_RESTARTS, FIT_SAMPLE, MAX_K, SILHOUETTE_SAMPLE, STABILITY_RUNS,
};
pub use sql_export::SqlSource;
pub use summary::{ColumnSummary, TableSummary};
pub use wire::{Call, Reply};

use crate::core::associations::association_matrix;
use crate::core::export::table_to_csv;
use crate::core::feedback::{
    nps, nps_by_group, scale_answers, sentiment_by_group, sentiment_report,
};
use crate::core::ingest::{IngestError, LoadOptions};
use crate::core::quality::{apply_fixes, quality_report, ColumnKind, Fix, FixOutcome};
use crate::core::schema::{
    guess_as_ordered, infer_named_column, infer_named_column_with_values, infer_role_with,
    ColumnGuess, ColumnType, DateOrder, DistinctValues,
};
use crate::core::stats::{
    column_stats, column_stats_with, histogram, month_counts, top_values, top_values_with,
};
use crate::core::table::Table;
use crate::core::table::{Column, TextColumn};

/// Rows a single `Rows` request may ask for: the page never holds the table.
pub const MAX_PAGE_ROWS: usize = 1_000;
/// Values a single `TopValues` request may ask for.
pub const MAX_TOP_VALUES: usize = 100;
/// Groups an `NpsByGroup` answer lists.
pub const MAX_NPS_GROUPS: usize = 12;
/// Groups a `SentimentByGroup` answer lists (each with two quotes).
pub const MAX_COMMENT_GROUPS: usize = 8;

#[derive(Debug, Default)]
pub struct Engine {
    /// The file the page profiles; every table request reads it.
    open: Option<files::ProjectFile>,
    /// The project's other files, loaded beside it.
    others: Vec<files::ProjectFile>,
    /// Each file's role and customer key, as last linked.
    links: Vec<LinkedFile>,
    /// The customers of one of the files read as a transaction log.
    customers: customers::Customers,
    /// Counts changes of the open table (another file, fixes, filter), so
    /// results made for an earlier table are not applied to this one.
    open_generation: u64,
    /// The last segmentation of the open table.
    segmentation: Option<segment::Segmentation>,
    /// The last rule segmentation of the open table.
    rule_labels: Option<rule_segment::RuleLabels>,
}

impl Engine {
    pub fn new() -> Self {
        Engine::default()
    }

    pub fn handle(&mut self, request: Request) -> Response {
        match request {
            Request::Load {
                file_name,
                bytes,
                options,
                place,
            } => self.load_now(&file_name, bytes, options, place),
            Request::OpenFile { file } => self.open_project_file(&file),
            Request::RemoveFile { file } => self.remove_file(&file),
            Request::Link { choices } => self.link(&choices),
            Request::Rows { start, end } => self.rows(start, end),
            Request::Histogram {
                column,
                target_bins,
            } => self.histogram(column, target_bins),
            Request::Column {
                column,
                column_type,
                date_order,
            } => self.column(column, column_type, date_order),
            Request::Quality { kinds } => self.quality(&kinds),
            Request::TopValues { column, limit } => self.top_values(column, limit),
            Request::Months { column, order } => {
                self.with_column(column, |cells| Response::Months {
                    column,
                    counts: month_counts(cells, order),
                })
            }
            Request::Nps { column } => self.with_column(column, |cells| Response::Nps {
                column,
                nps: nps(cells),
            }),
            Request::NpsByGroup { column, group } => self.nps_by_group(column, group),
            Request::SentimentByGroup { column, group } => {
                self.with_two_columns(column, group, |cells, groups| {
                    let (groups, more_groups) =
                        sentiment_by_group(cells, groups, MAX_COMMENT_GROUPS);
                    Response::SentimentByGroup {
                        column,
                        group,
                        groups,
                        more_groups,
                    }
                })
            }
            Request::Scale { column } => self.with_column(column, |cells| Response::Scale {
                column,
                answers: scale_answers(cells),
            }),
            Request::Sentiment { column } => {
                self.with_column(column, |cells| Response::Sentiment {
                    column,
                    report: Box::new(sentiment_report(cells)),
                })
            }
            Request::Stats { column, numeric } => self.stats(column, numeric),
            Request::SetFixes { fixes } => self.set_fixes(&fixes),
            Request::SetFilter { filter } => self.set_filter(filter),
            Request::ExportCsv => self.export_csv(),
            Request::Customers {
                columns,
                as_of,
                file,
            } => self.build_customers(columns, as_of, file),
            Request::CustomerPage { query, start, end } => self.customer_page(query, start, end),
            Request::Customer { id } => self.customer(&id),
            Request::Segment(request) => self.segment_now(request),
            Request::SegmentK { k } => self.choose_segment_k(k),
            Request::Segmentation => self.segmentation_summary(),
            Request::ExportSegments { names, header, of } => {
                self.export_segments(&names, &header, of)
            }
            Request::SegmentProfiles { traits, of } => self.segment_profiles(&traits, of),
            Request::CompareSegments { a, b, traits, of } => {
                self.compare_segments((a, b), &traits, of)
            }
            Request::RuleSegments { rules } => self.rule_segments(&rules),
            Request::SegmentMembers { of, id_column } => self.segment_members(of, id_column),
            Request::Movement {
                before,
                before_k,
                of,
                id_column,
            } => self.movement_since(&before, before_k, of, id_column),
            Request::IdealCustomers {
                column,
                share,
                traits,
            } => self.ideal_customers(column, share, &traits),
            Request::Rfm { rules } => self.rfm(rules),
            Request::Personas { of, kinds } => self.personas(of, &kinds),
            Request::RfmPersonas { headers } => self.rfm_personas(&headers),
            Request::SegmentSql {
                of,
                dialect,
                table,
                names,
            } => self.segment_sql(of, dialect, &table, &names),
            Request::Associations { kinds } => match self.table() {
                Some(table) => Response::Associations(association_matrix(table, &kinds)),
                None => Response::NoTable,
            },
        }
    }

    /// Load a whole file in one go (natively, and for small inputs).
    fn load_now(
        &mut self,
        file_name: &str,
        bytes: Vec<u8>,
        options: LoadOptions,
        place: FilePlace,
    ) -> Response {
        let result = LoadJob::new(file_name, bytes.len() as u64, options).and_then(|mut job| {
            // One chunk, the whole file: never read as it arrives.
            job.push_chunk(&bytes)?;
            drop(bytes);
            job.run()
        });
        self.finish_load(file_name, result, place)
    }

    /// Install a finished [`LoadJob`]'s table in its `place`, or report why
    /// it failed. A failed load keeps the project's files as they were.
    pub fn finish_load(
        &mut self,
        file_name: &str,
        result: Result<Loaded, IngestError>,
        place: FilePlace,
    ) -> Response {
        match result {
            Ok(loaded) => {
                let file = files::ProjectFile::new(file_name.to_string(), loaded);
                let summary = file.summary.clone();
                self.place_file(file, place);
                Response::Loaded(summary)
            }
            Err(error) => Response::LoadFailed(error),
        }
    }

    fn rows(&self, start: usize, end: usize) -> Response {
        let Some(table) = self.table() else {
            return Response::NoTable;
        };
        let end = end.min(start.saturating_add(MAX_PAGE_ROWS));
        Response::Rows {
            start,
            rows: table.rows(start, end),
        }
    }

    fn column(
        &self,
        column: usize,
        column_type: Option<ColumnType>,
        date_order: Option<DateOrder>,
    ) -> Response {
        let Some(table) = self.table() else {
            return Response::NoTable;
        };
        match table.columns.get(column) {
            Some(col) => Response::Column {
                column,
                summary: summarise(col, column_type, date_order),
            },
            None => Response::NoSuchColumn { column },
        }
    }

    /// The open file's table as requests read it: loaded, fixed, filtered.
    fn table(&self) -> Option<&Table> {
        self.open.as_ref().map(files::ProjectFile::table)
    }

    /// Change the open file's fixes or filter and rebuild its table; what
    /// each fix did. `None` when no file is open.
    fn change_open(
        &mut self,
        change: impl FnOnce(&mut files::ProjectFile),
    ) -> Option<Vec<FixOutcome>> {
        let open = self.open.as_mut()?;
        change(open);
        let outcomes = open.derive();
        self.open_generation += 1;
        let name = open.name.clone();
        self.forget_customers_of(&name);
        Some(outcomes)
    }

    /// Apply `fixes` (all of them, in order) to the table as loaded.
    fn set_fixes(&mut self, fixes: &[Fix]) -> Response {
        let Some(outcomes) = self.change_open(|open| open.fixes = fixes.to_vec()) else {
            return Response::NoTable;
        };
        let table = self.table();
        Response::Fixed {
            rows: table.map_or(0, Table::row_count),
            columns: table
                .map(|t| t.columns.iter().map(|c| summarise(c, None, None)).collect())
                .unwrap_or_default(),
            outcomes,
        }
    }

    /// The loaded table with the fixes applied — every row, whatever the
    /// dashboard's filter — as CSV.
    fn export_csv(&self) -> Response {
        let Some(open) = &self.open else {
            return Response::NoTable;
        };
        let text = if open.fixes.is_empty() {
            table_to_csv(&open.loaded)
        } else {
            table_to_csv(&apply_fixes(&open.loaded, &open.fixes).0)
        };
        Response::Csv { text }
    }

    /// Keep only the rows `filter` matches (or all rows again).
    fn set_filter(&mut self, filter: Option<RowFilter>) -> Response {
        if self.change_open(|open| open.filter = filter).is_none() {
            return Response::NoTable;
        }
        Response::Filtered {
            rows: self.table().map_or(0, Table::row_count),
        }
    }

    /// A column's statistics.
    fn stats(&self, column: usize, numeric: bool) -> Response {
        self.with_column_values(column, |cells, distinct| Response::Stats {
            column,
            stats: match distinct {
                Some(distinct) => column_stats_with(cells, distinct, numeric),
                None => column_stats(cells, numeric),
            },
        })
    }

    /// A column's most frequent values.
    fn top_values(&self, column: usize, limit: usize) -> Response {
        let limit = limit.min(MAX_TOP_VALUES);
        self.with_column_values(column, |cells, distinct| Response::TopValues {
            column,
            top: match distinct {
                Some(distinct) => top_values_with(cells, distinct, limit),
                None => top_values(cells, limit),
            },
        })
    }

    /// [`Engine::with_column`], with the distinct values the column's load
    /// met while the table is still as loaded (no fix, no filter): counting
    /// answers read them instead of hashing every cell again.
    fn with_column_values(
        &self,
        column: usize,
        answer: impl FnOnce(&TextColumn, Option<&DistinctValues>) -> Response,
    ) -> Response {
        let distinct = self
            .open
            .as_ref()
            .and_then(|open| open.distinct_values(column));
        self.with_column(column, |cells| answer(cells, distinct))
    }

    /// Answer from one column's cells, or say why not.
    fn with_column(&self, column: usize, answer: impl FnOnce(&TextColumn) -> Response) -> Response {
        let Some(table) = self.table() else {
            return Response::NoTable;
        };
        match table.columns.get(column) {
            Some(col) => answer(&col.cells),
            None => Response::NoSuchColumn { column },
        }
    }

    /// NPS per group, the groups with the most answers first.
    fn nps_by_group(&self, column: usize, group: usize) -> Response {
        self.with_two_columns(column, group, |answers, groups| {
            let mut groups: Vec<(String, _)> = nps_by_group(answers, groups)
                .into_iter()
                .filter(|(_, nps)| nps.answers() > 0)
                .collect();
            groups.sort_by(|a, b| {
                b.1.answers()
                    .cmp(&a.1.answers())
                    .then_with(|| a.0.cmp(&b.0))
            });
            let more_groups = groups.len().saturating_sub(MAX_NPS_GROUPS);
            groups.truncate(MAX_NPS_GROUPS);
            Response::NpsByGroup {
                column,
                group,
                groups,
                more_groups,
            }
        })
    }

    /// Answer from two columns' cells (a measure and its groups), or say
    /// why not.
    fn with_two_columns(
        &self,
        column: usize,
        group: usize,
        answer: impl FnOnce(&TextColumn, &TextColumn) -> Response,
    ) -> Response {
        let Some(table) = self.table() else {
            return Response::NoTable;
        };
        match (table.columns.get(column), table.columns.get(group)) {
            (Some(cells), Some(groups)) => answer(&cells.cells, &groups.cells),
            (None, _) => Response::NoSuchColumn { column },
            (_, None) => Response::NoSuchColumn { column: group },
        }
    }

    fn quality(&self, kinds: &[ColumnKind]) -> Response {
        match self.table() {
            Some(table) => Response::Quality(Box::new(quality_report(table, kinds))),
            None => Response::NoTable,
        }
    }

    fn histogram(&self, column: usize, target_bins: usize) -> Response {
        let Some(table) = self.table() else {
            return Response::NoTable;
        };
        match table.columns.get(column) {
            Some(col) => Response::Histogram {
                column,
                histogram: histogram(&col.cells, target_bins),
            },
            None => Response::NoSuchColumn { column },
        }
    }
}

/// A column's type (inferred, or as the user chose) and role.
pub(crate) fn summarise(
    column: &Column,
    column_type: Option<ColumnType>,
    date_order: Option<DateOrder>,
) -> ColumnSummary {
    let guess = match column_type {
        Some(chosen) => guess_as_ordered(&column.cells, chosen, date_order),
        None => infer_named_column(&column.name, &column.cells),
    };
    summary_of(column, guess, None)
}

/// A newly loaded column's inferred type and role, with the distinct
/// values its inference met (see [`DistinctValues`]).
pub(crate) fn summarise_with_values(column: &Column) -> (ColumnSummary, Option<DistinctValues>) {
    let (guess, distinct) = infer_named_column_with_values(&column.name, &column.cells);
    (summary_of(column, guess, distinct.as_ref()), distinct)
}

/// The summary of a column of type `guess`, its role checked against its
/// distinct values when known, else its cells.
fn summary_of(
    column: &Column,
    guess: ColumnGuess,
    distinct: Option<&DistinctValues>,
) -> ColumnSummary {
    let role = infer_role_with(&column.name, &guess, &column.cells, distinct);
    ColumnSummary {
        name: column.name.clone(),
        guess,
        role,
    }
}

/// Load a file natively and summarise it: what `nimrokh inspect` prints.
pub fn inspect(file_name: &str, bytes: &[u8]) -> Result<TableSummary, IngestError> {
    let mut engine = Engine::new();
    match engine.handle(Request::Load {
        file_name: file_name.to_string(),
        bytes: bytes.to_vec(),
        options: LoadOptions::default(),
        place: crate::engine::FilePlace::Open,
    }) {
        Response::Loaded(summary) => Ok(summary),
        Response::LoadFailed(error) => Err(error),
        other => Err(IngestError::Unreadable {
            row: 0,
            message: format!("unexpected engine response {other:?}"),
        }),
    }
}

#[cfg(test)]
impl Engine {
    /// Open `csv` as file `name`, which must load (tests).
    pub(crate) fn open_csv(&mut self, name: &str, csv: &str) -> TableSummary {
        match self.handle(Request::Load {
            file_name: name.into(),
            bytes: csv.as_bytes().to_vec(),
            options: LoadOptions::default(),
            place: FilePlace::Open,
        }) {
            Response::Loaded(summary) => summary,
            other => panic!("expected Loaded, got {other:?}"),
        }
    }

    /// A new engine with `csv` open as file `name` (tests).
    pub(crate) fn with_open(name: &str, csv: &str) -> Engine {
        let mut engine = Engine::new();
        engine.open_csv(name, csv);
        engine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(engine: &mut Engine, text: &str) -> TableSummary {
        engine.open_csv("t.csv", text)
    }

    #[test]
    fn loads_then_pages_rows_and_histograms() {
        let mut engine = Engine::new();
        let summary = load(&mut engine, "name,age\nAli,30\nSara,41\nReza,25\n");
        assert_eq!(summary.report.rows, 3);
        assert_eq!(summary.columns.len(), 2);
        match engine.handle(Request::Rows { start: 1, end: 10 }) {
            Response::Rows { start, rows } => {
                assert_eq!(start, 1);
                assert_eq!(rows, vec![vec!["Sara", "41"], vec!["Reza", "25"]]);
            }
            other => panic!("{other:?}"),
        }
        match engine.handle(Request::Histogram {
            column: 1,
            target_bins: 10,
        }) {
            Response::Histogram { histogram, .. } => {
                assert_eq!(histogram.counts.iter().sum::<u64>(), 3)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn failed_load_keeps_the_previous_table() {
        let mut engine = Engine::new();
        load(&mut engine, "a,b\n1,2\n");
        let failed = engine.handle(Request::Load {
            file_name: "bad.csv".into(),
            bytes: b"a,b\n\"1,2\n".to_vec(),
            options: LoadOptions::default(),
            place: crate::engine::FilePlace::Open,
        });
        assert!(matches!(failed, Response::LoadFailed(_)), "{failed:?}");
        assert!(matches!(
            engine.handle(Request::Rows { start: 0, end: 1 }),
            Response::Rows { .. }
        ));
    }

    #[test]
    fn a_chosen_date_order_rereads_the_column_and_its_months() {
        let mut engine = Engine::new();
        // Every day is 12 or less: the data cannot say which field is the day.
        load(&mut engine, "when\n01/02/2024\n03/04/2024\n05/06/2024\n");
        let summary = |engine: &mut Engine, order| match engine.handle(Request::Column {
            column: 0,
            column_type: Some(ColumnType::Date),
            date_order: order,
        }) {
            Response::Column { summary, .. } => summary,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            summary(&mut engine, None).guess.date_order,
            Some(DateOrder::Ambiguous)
        );
        assert_eq!(
            summary(&mut engine, Some(DateOrder::DayFirst))
                .guess
                .date_order,
            Some(DateOrder::DayFirst)
        );
        let months = |engine: &mut Engine, order| match engine
            .handle(Request::Months { column: 0, order })
        {
            Response::Months { counts, .. } => counts.months,
            other => panic!("{other:?}"),
        };
        let day_first = months(&mut engine, Some(DateOrder::DayFirst));
        assert_eq!(day_first.first().map(|m| m.0.as_str()), Some("2024-02"));
        assert_eq!(day_first.last().map(|m| m.0.as_str()), Some("2024-06"));
        let month_first = months(&mut engine, Some(DateOrder::MonthFirst));
        assert_eq!(month_first.first().map(|m| m.0.as_str()), Some("2024-01"));
        assert_eq!(month_first.last().map(|m| m.0.as_str()), Some("2024-05"));
    }

    #[test]
    fn a_chosen_type_is_summarised_with_its_misfits() {
        let mut engine = Engine::new();
        load(&mut engine, "code,n\n001,1\n002,x\n003,3\n");
        match engine.handle(Request::Column {
            column: 1,
            column_type: Some(ColumnType::Integer),
            date_order: None,
        }) {
            Response::Column { summary, .. } => {
                assert_eq!(summary.guess.column_type, ColumnType::Integer);
                assert_eq!(summary.guess.invalid, 1);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fixes_apply_on_top_of_the_loaded_table_and_undo() {
        let mut engine = Engine::new();
        load(&mut engine, "city,age\nTehran,30\ntehran ,150\nTehran,30\n");
        let fixes = vec![
            Fix::DropDuplicateRows,
            Fix::Trim {
                column: "city".into(),
            },
        ];
        match engine.handle(Request::SetFixes { fixes }) {
            Response::Fixed { rows, outcomes, .. } => {
                assert_eq!(rows, 2);
                assert_eq!(outcomes[0].rows_dropped, 1);
                assert_eq!(outcomes[1].cells_changed, 1);
            }
            other => panic!("{other:?}"),
        }
        match engine.handle(Request::ExportCsv) {
            Response::Csv { text } => {
                assert_eq!(text, "\u{FEFF}city,age\r\nTehran,30\r\ntehran,150\r\n")
            }
            other => panic!("{other:?}"),
        }
        // Undo: the table as loaded comes back.
        match engine.handle(Request::SetFixes { fixes: vec![] }) {
            Response::Fixed { rows, .. } => assert_eq!(rows, 3),
            other => panic!("{other:?}"),
        }
    }

    fn stats_of(
        engine: &mut Engine,
        column: usize,
        numeric: bool,
    ) -> crate::core::stats::ColumnStats {
        match engine.handle(Request::Stats { column, numeric }) {
            Response::Stats { stats, .. } => stats,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn statistics_from_the_values_the_load_met_follow_fixes() {
        let mut engine = Engine::new();
        load(
            &mut engine,
            "city,age\nTehran,30\ntehran ,150\nTehran,30\nNA,\n",
        );
        let kept = engine.open.as_ref().and_then(|f| f.distinct_values(1));
        assert_eq!(kept.map(DistinctValues::len), Some(2));
        let as_loaded = stats_of(&mut engine, 1, true);
        let table = engine.table().expect("open").clone();
        let cells = &table.columns[1].cells;
        assert_eq!(as_loaded, column_stats(cells, true));
        match engine.handle(Request::TopValues {
            column: 0,
            limit: 5,
        }) {
            Response::TopValues { top, .. } => {
                assert_eq!(top, top_values(&table.columns[0].cells, 5))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(as_loaded.numeric.as_ref().map(|n| n.count), Some(3));
        // A fix changes the table: its statistics, not the load's.
        engine.handle(Request::SetFixes {
            fixes: vec![Fix::DropDuplicateRows],
        });
        assert!(engine
            .open
            .as_ref()
            .and_then(|f| f.distinct_values(1))
            .is_none());
        assert_eq!(
            stats_of(&mut engine, 1, true).numeric.map(|n| n.count),
            Some(2)
        );
        assert_eq!(stats_of(&mut engine, 0, false).distinct, 2);
        // Undone, the load's values serve again.
        engine.handle(Request::SetFixes { fixes: vec![] });
        assert_eq!(stats_of(&mut engine, 1, true), as_loaded);
    }

    #[test]
    fn a_filter_narrows_every_answer_until_cleared() {
        let mut engine = Engine::new();
        load(&mut engine, "city,age\nTehran,30\nYazd,40\n Tehran,50\n");
        let filter = Some(RowFilter {
            column: 0,
            value: "Tehran".into(),
        });
        assert_eq!(
            engine.handle(Request::SetFilter { filter }),
            Response::Filtered { rows: 2 }
        );
        match engine.handle(Request::Rows { start: 0, end: 10 }) {
            Response::Rows { rows, .. } => assert_eq!(rows, [["Tehran", "30"], [" Tehran", "50"]]),
            other => panic!("{other:?}"),
        }
        // The export is the whole (fixed) table, not the view.
        match engine.handle(Request::ExportCsv) {
            Response::Csv { text } => assert_eq!(text.lines().count(), 4),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            engine.handle(Request::SetFilter { filter: None }),
            Response::Filtered { rows: 3 }
        );
    }

    #[test]
    fn nps_by_group_lists_the_biggest_groups_first() {
        let mut engine = Engine::new();
        load(
            &mut engine,
            "nps,city\n10,Yazd\n0,Tehran\n9,Tehran\n8,Tehran\nx,Rasht\n10,\n",
        );
        let Response::NpsByGroup {
            groups,
            more_groups,
            ..
        } = engine.handle(Request::NpsByGroup {
            column: 0,
            group: 1,
        })
        else {
            panic!("no groups");
        };
        let scores: Vec<(&str, Option<f64>)> = groups
            .iter()
            .map(|(name, nps)| (name.as_str(), nps.score()))
            .collect();
        // Tehran: 1 promoter, 1 passive, 1 detractor → 0; Rasht has no
        // readable answer and is left out.
        assert_eq!(scores, [("Tehran", Some(0.0)), ("Yazd", Some(100.0))]);
        assert_eq!(more_groups, 0);
    }

    #[test]
    fn asking_before_loading_says_so() {
        let mut engine = Engine::new();
        assert_eq!(
            engine.handle(Request::Rows { start: 0, end: 5 }),
            Response::NoTable
        );
    }

    #[test]
    fn messages_survive_a_json_round_trip() {
        // The worker boundary moves these as JSON.
        let request = Request::Histogram {
            column: 2,
            target_bins: 20,
        };
        let json = serde_json::to_string(&request).expect("serialises");
        assert_eq!(serde_json::from_str::<Request>(&json).ok(), Some(request));
    }
}
