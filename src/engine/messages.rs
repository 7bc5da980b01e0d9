//! What can be asked of the engine and what it answers.

use serde::{Deserialize, Serialize};

use super::{
    ColumnSummary, FilePlace, LinkChoice, ProjectLink, RowFilter, SegmentError, SegmentRequest,
    SegmentSource, SegmentationSummary, SqlSource, TableSummary,
};
use crate::core::associations::AssociationMatrix;
use crate::core::customer_base::{
    BaseError, CustomerBaseSummary, CustomerQuery, CustomerRecord, CustomerStory,
};
use crate::core::customers::TransactionColumns;
use crate::core::export::sql::SqlDialect;
use crate::core::feedback::{GroupSentiment, Nps, ScaleAnswers, SentimentReport};
use crate::core::ingest::{IngestError, LoadOptions};
use crate::core::persona::PersonaFacts;
use crate::core::quality::{ColumnKind, Fix, FixOutcome, QualityReport};
use crate::core::schema::{ColumnType, DateOrder};
use crate::core::segment::compare::{
    GroupProfile, IdealCustomerProfile, SegmentProfiles, TraitChoice,
};
use crate::core::segment::{Members, Movement, RfmReport, RfmRules, Rule, RuleSegmentCounts};
use crate::core::stats::{ColumnStats, Histogram, MonthCounts, TopValues};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "request", rename_all = "snake_case")]
pub enum Request {
    /// Read a whole file's bytes at once; replaces the open table if it
    /// succeeds. (The browser loads through [`super::Call::Open`] instead,
    /// in steps.)
    Load {
        file_name: String,
        bytes: Vec<u8>,
        #[serde(default)]
        options: LoadOptions,
        /// Open it, or add it to the project beside the open file.
        #[serde(default)]
        place: FilePlace,
    },
    /// Make the project's file `file` the open one (answered like a load:
    /// its summary as loaded); the file open before stays in the project.
    OpenFile { file: String },
    /// Take a file out of the project.
    RemoveFile { file: String },
    /// Each file's role and customer key (the user's choices; guessed where
    /// there is none) and how the files link through the key.
    Link { choices: Vec<LinkChoice> },
    /// Rows `start..end` (0-based, header excluded), at most
    /// [`super::MAX_PAGE_ROWS`] at a time.
    Rows { start: usize, end: usize },
    /// Distribution of one column's numeric values.
    Histogram { column: usize, target_bins: usize },
    /// One column read as `column_type` (the user's choice), or as inferred
    /// when `None`; answers its fresh summary with the cells that don't fit
    /// counted as invalid. `date_order` is the user's day/month order for
    /// `a/b/yyyy` dates (None: as the data decides).
    Column {
        column: usize,
        column_type: Option<ColumnType>,
        #[serde(default)]
        date_order: Option<DateOrder>,
    },
    /// The data quality report, judging each column as `kinds` says (the
    /// types and roles the user confirmed, in column order).
    Quality { kinds: Vec<ColumnKind> },
    /// Associations between every pair of number and category columns,
    /// judged as `kinds` says.
    Associations { kinds: Vec<ColumnKind> },
    /// A column's most frequent values (at most `limit`).
    TopValues { column: usize, limit: usize },
    /// A date column's counts per month and weekday, its `a/b/yyyy` cells
    /// read in `order` (None: as the data decides).
    Months {
        column: usize,
        #[serde(default)]
        order: Option<DateOrder>,
    },
    /// The Net Promoter Score of a column of 0–10 answers.
    Nps { column: usize },
    /// The NPS of `column` per value of `group` (the groups with the most
    /// answers, at most [`super::MAX_NPS_GROUPS`]).
    NpsByGroup { column: usize, group: usize },
    /// A column of rating answers (satisfaction, effort) on its scale.
    Scale { column: usize },
    /// The sentiment of a comment column per value of `group`, with each
    /// group's clearest comments (at most [`super::MAX_COMMENT_GROUPS`]).
    SentimentByGroup { column: usize, group: usize },
    /// The sentiment of a column of comments, with quotes.
    Sentiment { column: usize },
    /// A column's statistics: counts, and numbers summarised when
    /// `numeric` (its type is a number), lengths and scripts otherwise.
    Stats { column: usize, numeric: bool },
    /// Apply these fixes (the whole accepted list, in order) on top of the
    /// table as loaded; an empty list undoes them all.
    SetFixes { fixes: Vec<Fix> },
    /// The current table (fixes applied) as a CSV file's text.
    ExportCsv,
    /// From now on, answer about the rows `filter` keeps (`None`: all).
    SetFilter { filter: Option<RowFilter> },
    /// Read a file of the project (`None`: the open one, fixes and filter
    /// applied) as a transaction log and keep its customers; `as_of`
    /// defaults to the day after the last transaction.
    Customers {
        columns: TransactionColumns,
        #[serde(default)]
        as_of: Option<i32>,
        #[serde(default)]
        file: Option<String>,
    },
    /// Customers `start..end` of those `query` keeps, at most
    /// [`super::MAX_CUSTOMER_PAGE`] at a time.
    CustomerPage {
        query: CustomerQuery,
        start: usize,
        end: usize,
    },
    /// One customer's whole story.
    Customer { id: String },
    /// Segment the open table's rows with k-means, scanning k (in the
    /// browser a job in steps, with progress; see [`super::SegmentJob`]).
    Segment(SegmentRequest),
    /// Give every customer the segment of k's fit from the kept scan.
    SegmentK { k: usize },
    /// The kept segmentation's summary, if it is still of the open table.
    Segmentation,
    /// What sets each segment of the kept segmentation `of` apart from the
    /// whole base, on `traits`.
    SegmentProfiles {
        traits: Vec<TraitChoice>,
        #[serde(default)]
        of: SegmentSource,
    },
    /// Segment `a` against segment `b` of the kept segmentation `of`, on
    /// `traits`.
    CompareSegments {
        a: usize,
        b: usize,
        traits: Vec<TraitChoice>,
        #[serde(default)]
        of: SegmentSource,
    },
    /// The ideal customer profile: the top `share` of customers by the
    /// value in `column` against everyone else, on `traits`.
    IdealCustomers {
        column: usize,
        share: f64,
        traits: Vec<TraitChoice>,
    },
    /// The open table (as segmented by `of`) with each row's segment name
    /// added as a last column headed `header`, as CSV (formula-safe).
    ExportSegments {
        names: Vec<String>,
        header: String,
        #[serde(default)]
        of: SegmentSource,
    },
    /// Count the rule segmentation `rules` on the open table (each row to
    /// the first rule it matches, the rest to a last segment) and keep it
    /// as the rule segmentation `of` [`SegmentSource::Rules`] asks about.
    RuleSegments { rules: Vec<Rule> },
    /// Each customer's id (the column `id_column`) and segment in the kept
    /// segmentation `of`: what a snapshot keeps.
    SegmentMembers { of: SegmentSource, id_column: usize },
    /// How the customers of the snapshot `before` (of `before_k` segments)
    /// moved to the kept segmentation `of`, matched by the ids in
    /// `id_column`.
    Movement {
        before: Members,
        before_k: usize,
        of: SegmentSource,
        id_column: usize,
    },
    /// RFM scores and the named segments of the built customer base under
    /// `rules` (`None`: the standard map).
    Rfm {
        #[serde(default)]
        rules: Option<RfmRules>,
    },
    /// Every segment of the kept segmentation `of` told as a persona's
    /// facts, judging columns as `kinds` says (the types and roles the
    /// user confirmed, in column order); a review text column gives each
    /// its sentiment and quotes.
    Personas {
        #[serde(default)]
        of: SegmentSource,
        kinds: Vec<ColumnKind>,
    },
    /// The facts of every RFM segment with customers, read from the
    /// customer base, its figures headed `headers` (answered as
    /// `Personas`; each fact's segment is its place in `RfmSegment::ALL`).
    RfmPersonas { headers: Vec<String> },
    /// The kept segmentation `of` as SQL in `dialect`, reading the table
    /// the warehouse calls `table`; segments named `names` (k-means and
    /// rules; blank: "Segment n"). Answered `Sql`.
    SegmentSql {
        of: SqlSource,
        dialect: SqlDialect,
        table: String,
        #[serde(default)]
        names: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "response", rename_all = "snake_case")]
pub enum Response {
    Loaded(TableSummary),
    LoadFailed(IngestError),
    /// The user cancelled the load; the table open before stays open.
    LoadCancelled,
    Rows {
        start: usize,
        rows: Vec<Vec<String>>,
    },
    Histogram {
        column: usize,
        histogram: Histogram,
    },
    Column {
        column: usize,
        summary: ColumnSummary,
    },
    Quality(Box<QualityReport>),
    Associations(AssociationMatrix),
    TopValues {
        column: usize,
        top: TopValues,
    },
    Months {
        column: usize,
        counts: MonthCounts,
    },
    Nps {
        column: usize,
        nps: Nps,
    },
    NpsByGroup {
        column: usize,
        group: usize,
        /// Most answers first.
        groups: Vec<(String, Nps)>,
        /// Groups with answers left out of `groups`.
        more_groups: usize,
    },
    Scale {
        column: usize,
        answers: ScaleAnswers,
    },
    SentimentByGroup {
        column: usize,
        group: usize,
        /// Most comments first.
        groups: Vec<GroupSentiment>,
        more_groups: usize,
    },
    Sentiment {
        column: usize,
        report: Box<SentimentReport>,
    },
    Stats {
        column: usize,
        stats: ColumnStats,
    },
    /// After `SetFixes`: the table's new size, its columns re-summarised
    /// (types inferred afresh), and what each fix did.
    Fixed {
        rows: usize,
        columns: Vec<ColumnSummary>,
        outcomes: Vec<FixOutcome>,
    },
    Csv {
        text: String,
    },
    /// A segmentation's definition as SQL (`Request::SegmentSql`).
    Sql {
        text: String,
    },
    /// After `SetFilter`: how many rows are in view.
    Filtered {
        rows: usize,
    },
    Customers(Box<CustomerBaseSummary>),
    CustomersFailed(BaseError),
    /// A customer base stopped before it was built: cancelled, or replaced
    /// by a newer `Customers` request (no base is kept).
    CustomersCancelled,
    CustomerPage {
        /// Customers the query keeps in all.
        matching: usize,
        start: usize,
        records: Vec<CustomerRecord>,
    },
    CustomerStory(Box<CustomerStory>),
    Rfm(Box<RfmReport>),
    /// No customer base has been built for the table as it is now.
    NoCustomers,
    NoSuchCustomer {
        id: String,
    },
    /// After `Link`: the files, their roles and keys, and the report.
    Link(Box<ProjectLink>),
    /// After `RemoveFile`.
    Removed {
        file: String,
    },
    NoSuchFile {
        file: String,
    },
    NoTable,
    NoSuchColumn {
        column: usize,
    },
    Segmented(Box<SegmentationSummary>),
    SegmentFailed(SegmentError),
    /// The user stopped the segmentation; the one kept before stays.
    SegmentCancelled,
    SegmentProfiles(Box<SegmentProfiles>),
    /// After `RuleSegments`: how many each rule picks, and its errors.
    RuleSegments(Box<RuleSegmentCounts>),
    SegmentMembers(Box<Members>),
    Movement(Box<Movement>),
    SegmentComparison(Box<GroupProfile>),
    IdealCustomers(Box<IdealCustomerProfile>),
    /// After `Personas`: one per segment, in segment order. (A struct
    /// variant: a tagged enum cannot carry a bare sequence in JSON.)
    Personas {
        personas: Vec<PersonaFacts>,
    },
}
