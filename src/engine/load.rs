//! Loading a file in steps: receive its bytes chunk by chunk, parse a
//! bounded number of records at a time, then infer one column at a time.
//! A plain UTF-8 delimited file is parsed while it arrives (see
//! [`TextStream`]), so the whole file is never held at once. The columns of
//! a large table may be lent out to be inferred elsewhere meanwhile (see
//! [`LoadJob::lend_column`]).
//!
//! Every step is short, so the worker running a load can post progress and
//! notice a cancel between steps; natively the same job simply runs to the
//! end (see [`super::Engine::load_now`]).

use serde::{Deserialize, Serialize};

use crate::core::pause::Phase;

use super::lent::{Inference, InferenceParts, Sharing};
use super::{summarise_with_values, TableSummary};
use crate::core::ingest::{IngestError, Ingested, LoadOptions, Reading, TextStream};
use crate::core::schema::DistinctValues;
use crate::core::table::{Column, Table};

/// Records parsed per step: small enough that one step takes tens of
/// milliseconds in the browser, large enough that stepping costs nothing.
pub const RECORDS_PER_STEP: usize = 20_000;
/// Rows a table needs before its columns are lent out: lending copies the
/// column twice and sends two messages, which a short column would hardly
/// repay (a judgement, not measured; the benchmark's columns have 1 M).
pub const MIN_ROWS_TO_LEND: usize = 50_000;

/// What a load is busy with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadPhase {
    /// Bytes of the file received (`done`/`total` in bytes).
    Reading,
    /// Text parsed into records (bytes of decoded text).
    Parsing,
    /// Columns whose type and role are inferred (`done`/`total` columns).
    Inferring,
    /// Not a load: a segmentation's steps (k-means starts, scores,
    /// bootstraps).
    Segmenting,
    /// Not a load: a customer base being built (`Request::Customers`).
    Customers(Phase),
}

/// How far a load has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub phase: LoadPhase,
    pub done: u64,
    pub total: u64,
}

enum Stage {
    /// Bytes kept until the last arrives, to be read whole.
    Receiving(Vec<u8>),
    /// A plain UTF-8 text parsed as it arrives.
    Streaming(Box<TextStream>),
    Parsing(Box<Reading>),
    Inferring {
        ingested: Box<Ingested>,
        /// Where each column's inference stands.
        columns: Vec<ColumnInference>,
        /// Which columns the job's own steps take and which it lends: none
        /// until [`LoadJob::lend_column`] is first asked.
        sharing: Sharing,
    },
    Finished,
}

/// One file on its way into the engine.
pub struct LoadJob {
    file_name: String,
    options: LoadOptions,
    total_bytes: u64,
    stage: Stage,
    /// Whether the file may still be parsed as it arrives: false once it
    /// had to be read again whole.
    may_stream: bool,
    /// A chunk on its way into a [`TextStream`] (the first chunk too,
    /// until it says whether the file can be streamed).
    chunk: Vec<u8>,
}

/// Where the inference of one column stands.
enum ColumnInference {
    ToDo,
    /// Lent out, to come back through [`LoadJob::take_back`].
    Lent,
    Done(Inference),
}

/// What became of a chunk of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    Kept,
    /// Parsing it as it arrived was wrong for this file after all (a NUL
    /// byte or bytes that are not UTF-8 further on): read the file again
    /// from its first byte; it is then kept whole and read as before.
    ReadAgain,
}

/// A finished load: the table for the engine, the summary for the page,
/// and each column's distinct values, met while its type was inferred, for
/// the statistics asked for next.
pub struct Loaded {
    pub table: Table,
    pub summary: TableSummary,
    pub distinct: Vec<Option<DistinctValues>>,
}

impl LoadJob {
    /// A job for a file of `total_bytes`; a file larger than memory can
    /// address fails here, not halfway.
    pub fn new(
        file_name: &str,
        total_bytes: u64,
        options: LoadOptions,
    ) -> Result<LoadJob, IngestError> {
        let addressable = usize::try_from(total_bytes).is_ok_and(|n| n <= isize::MAX as usize);
        if !addressable {
            return Err(IngestError::TooLarge { bytes: total_bytes });
        }
        Ok(LoadJob {
            file_name: file_name.to_string(),
            options,
            total_bytes,
            stage: Stage::Receiving(Vec::new()),
            may_stream: true,
            chunk: Vec::new(),
        })
    }

    /// Room for the next `len` bytes of the file, to be filled by the
    /// caller (the worker copies a `Blob.slice` straight into it) and then
    /// handed over with [`LoadJob::take_chunk`].
    pub fn next_chunk(&mut self, len: usize) -> &mut [u8] {
        // A first chunk that is not the whole file may start a stream.
        let first = matches!(&self.stage, Stage::Receiving(bytes) if bytes.is_empty())
            && self.may_stream
            && (len as u64) < self.total_bytes;
        match &mut self.stage {
            Stage::Receiving(bytes) if !first => {
                let start = bytes.len();
                bytes.resize(start.saturating_add(len), 0);
                bytes.get_mut(start..).unwrap_or_default()
            }
            Stage::Receiving(_) | Stage::Streaming(_) => {
                self.chunk.clear();
                self.chunk.resize(len, 0);
                &mut self.chunk
            }
            _ => &mut [],
        }
    }

    /// Take the chunk written into [`LoadJob::next_chunk`]: keep it, or
    /// parse it as it arrives (the first chunk decides which), or say the
    /// file must be read again from its start.
    pub fn take_chunk(&mut self) -> Result<Taken, IngestError> {
        match &mut self.stage {
            Stage::Receiving(bytes) if bytes.is_empty() && !self.chunk.is_empty() => {
                let started = TextStream::start(
                    &self.file_name,
                    &self.chunk,
                    self.total_bytes,
                    &self.options,
                );
                match started {
                    Some(stream) => self.stage = Stage::Streaming(Box::new(stream)),
                    None => {
                        let reserve = usize::try_from(self.total_bytes).unwrap_or(usize::MAX);
                        if bytes.try_reserve_exact(reserve).is_err() {
                            return Err(IngestError::TooLarge {
                                bytes: self.total_bytes,
                            });
                        }
                        bytes.extend_from_slice(&self.chunk);
                    }
                }
            }
            Stage::Streaming(stream) => {
                let kept = stream.push(&self.chunk);
                if !kept {
                    return Ok(self.read_again());
                }
            }
            _ => {}
        }
        match &self.stage {
            Stage::Streaming(stream) if stream.has_every_byte() => Ok(self.every_byte_streamed()),
            // The buffer is used again for the next chunk.
            Stage::Streaming(_) => {
                self.chunk.clear();
                Ok(Taken::Kept)
            }
            _ => {
                self.chunk = Vec::new();
                Ok(Taken::Kept)
            }
        }
    }

    /// The last chunk of a streamed file is in: parse the rest as usual.
    fn every_byte_streamed(&mut self) -> Taken {
        match std::mem::replace(&mut self.stage, Stage::Finished) {
            Stage::Streaming(stream) => match stream.finish() {
                Some(reading) => {
                    self.chunk = Vec::new();
                    self.stage = Stage::Parsing(Box::new(reading));
                    Taken::Kept
                }
                None => self.read_again(),
            },
            stage => {
                self.stage = stage;
                Taken::Kept
            }
        }
    }

    /// Start over, keeping the whole file this time.
    fn read_again(&mut self) -> Taken {
        self.may_stream = false;
        self.chunk = Vec::new();
        self.stage = Stage::Receiving(Vec::new());
        Taken::ReadAgain
    }

    /// Append bytes of the file (natively, or in tests).
    pub fn push_chunk(&mut self, chunk: &[u8]) -> Result<Taken, IngestError> {
        self.next_chunk(chunk.len()).copy_from_slice(chunk);
        self.take_chunk()
    }

    /// Whether [`LoadJob::step`] has work to do before more of the file
    /// arrives: parsing the records of a streamed file that have arrived.
    pub fn can_step_while_receiving(&self) -> bool {
        matches!(&self.stage, Stage::Streaming(stream) if !stream.waiting())
    }

    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    pub fn progress(&self) -> Progress {
        match &self.stage {
            Stage::Receiving(bytes) => Progress {
                phase: LoadPhase::Reading,
                done: bytes.len() as u64,
                total: self.total_bytes,
            },
            Stage::Streaming(stream) => Progress {
                phase: LoadPhase::Reading,
                done: stream.received(),
                total: self.total_bytes,
            },
            Stage::Parsing(reading) => {
                let (done, total) = reading.progress();
                Progress {
                    phase: LoadPhase::Parsing,
                    done,
                    total,
                }
            }
            Stage::Inferring { columns, .. } => Progress {
                phase: LoadPhase::Inferring,
                done: columns
                    .iter()
                    .filter(|column| matches!(column, ColumnInference::Done(_)))
                    .count() as u64,
                total: columns.len() as u64,
            },
            Stage::Finished => Progress {
                phase: LoadPhase::Inferring,
                done: 1,
                total: 1,
            },
        }
    }

    /// Do one bounded piece of work: parse [`RECORDS_PER_STEP`] of the
    /// records of a streamed file that have arrived; or, once every byte is
    /// in, settle the dialect, parse [`RECORDS_PER_STEP`] records, or infer
    /// one column. `Some` when the job is over, with the table or the
    /// reason it failed.
    pub fn step(&mut self) -> Option<Result<Loaded, IngestError>> {
        match std::mem::replace(&mut self.stage, Stage::Finished) {
            Stage::Streaming(mut stream) => {
                if let Err(error) = stream.step(RECORDS_PER_STEP) {
                    return Some(Err(error));
                }
                self.stage = Stage::Streaming(stream);
            }
            Stage::Receiving(bytes) => {
                match Reading::start(&self.file_name, bytes, &self.options) {
                    Ok(reading) => self.stage = Stage::Parsing(Box::new(reading)),
                    Err(error) => return Some(Err(error)),
                }
            }
            Stage::Parsing(mut reading) => match reading.step(RECORDS_PER_STEP) {
                Ok(false) => self.stage = Stage::Parsing(reading),
                Ok(true) => match reading.finish() {
                    Ok(ingested) => {
                        let count = ingested.table.columns.len();
                        self.stage = Stage::Inferring {
                            columns: (0..count).map(|_| ColumnInference::ToDo).collect(),
                            sharing: Sharing::none(count),
                            ingested: Box::new(ingested),
                        }
                    }
                    Err(error) => return Some(Err(error)),
                },
                Err(error) => return Some(Err(error)),
            },
            Stage::Inferring {
                ingested,
                mut columns,
                sharing,
            } => {
                let to_do = sharing.next_own(|index| is_to_do(&columns, index));
                let slot = to_do.and_then(|index| {
                    Some((columns.get_mut(index)?, ingested.table.columns.get(index)?))
                });
                if let Some((slot, column)) = slot {
                    *slot = ColumnInference::Done(summarise_with_values(column));
                } else if !self.is_waiting_for(&columns) {
                    return Some(Ok(finished(*ingested, columns)));
                }
                self.stage = Stage::Inferring {
                    ingested,
                    columns,
                    sharing,
                };
            }
            Stage::Finished => {
                return Some(Err(IngestError::Unreadable {
                    row: 0,
                    message: "the load had already finished".to_string(),
                }))
            }
        }
        None
    }

    /// A column to be inferred by one of `helpers` helpers, with its
    /// index, if the table is being inferred, is large enough to repay
    /// lending (see [`MIN_ROWS_TO_LEND`]) and has a column nobody has
    /// started that may be lent. The first time decides which columns the
    /// helpers get (see [`Sharing::plan`]); ask until it says `None`
    /// (helpers are lent their columns at once).
    pub fn lend_column(&mut self, helpers: usize) -> Option<(usize, &Column)> {
        let Stage::Inferring {
            ingested,
            columns,
            sharing,
        } = &mut self.stage
        else {
            return None;
        };
        if ingested.table.row_count() < MIN_ROWS_TO_LEND || helpers == 0 {
            return None;
        }
        if !sharing.is_planned() {
            *sharing = Sharing::plan(&ingested.table.columns, helpers);
        }
        let index = sharing.next_lent(|index| is_to_do(columns, index))?;
        let column = ingested.table.columns.get(index)?;
        *columns.get_mut(index)? = ColumnInference::Lent;
        Some((index, column))
    }

    /// The lent column `index` is back, inferred as `parts` say, or `None`
    /// if it could not be: its inference is kept if it adds up, else the
    /// job's own steps infer the column.
    pub fn take_back(&mut self, index: usize, parts: Option<InferenceParts>) {
        let Stage::Inferring {
            ingested, columns, ..
        } = &mut self.stage
        else {
            return;
        };
        let (Some(slot @ ColumnInference::Lent), Some(column)) =
            (columns.get_mut(index), ingested.table.columns.get(index))
        else {
            return;
        };
        *slot = match parts.and_then(|parts| parts.accept(column)) {
            Some(inference) => ColumnInference::Done(inference),
            None => ColumnInference::ToDo,
        };
    }

    /// Whether the job is inferring the table's columns: the stage in
    /// which columns may be lent.
    pub fn is_inferring(&self) -> bool {
        matches!(self.stage, Stage::Inferring { .. })
    }

    /// Whether the job can do nothing until a lent column comes back:
    /// every column is inferred or lent, and some are lent.
    pub fn is_waiting_for_lent(&self) -> bool {
        match &self.stage {
            Stage::Inferring { columns, .. } => self.is_waiting_for(columns),
            _ => false,
        }
    }

    fn is_waiting_for(&self, columns: &[ColumnInference]) -> bool {
        let lent = |c: &ColumnInference| matches!(c, ColumnInference::Lent);
        let to_do = |c: &ColumnInference| matches!(c, ColumnInference::ToDo);
        columns.iter().any(lent) && !columns.iter().any(to_do)
    }

    /// Run every remaining step.
    pub fn run(mut self) -> Result<Loaded, IngestError> {
        loop {
            if let Some(result) = self.step() {
                return result;
            }
        }
    }
}

fn is_to_do(columns: &[ColumnInference], index: usize) -> bool {
    matches!(columns.get(index), Some(ColumnInference::ToDo))
}

/// The load of `ingested`, every column of which is inferred.
fn finished(ingested: Ingested, columns: Vec<ColumnInference>) -> Loaded {
    let Ingested { table, report } = ingested;
    let (columns, distinct) = columns
        .into_iter()
        .filter_map(|column| match column {
            ColumnInference::Done(inference) => Some(inference),
            ColumnInference::ToDo | ColumnInference::Lent => None,
        })
        .unzip();
    Loaded {
        table,
        summary: TableSummary { report, columns },
        distinct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_moves_through_every_phase() {
        let text = "name,age\nAli,30\nSara,41\n";
        let mut job =
            LoadJob::new("t.csv", text.len() as u64, LoadOptions::default()).expect("fits");
        job.push_chunk(&text.as_bytes()[..5]).expect("kept");
        assert_eq!(
            job.progress(),
            Progress {
                phase: LoadPhase::Reading,
                done: 5,
                total: text.len() as u64
            }
        );
        job.push_chunk(&text.as_bytes()[5..]).expect("kept");
        let mut phases = vec![job.progress().phase];
        let result = loop {
            if let Some(result) = job.step() {
                break result;
            }
            phases.push(job.progress().phase);
        };
        phases.dedup();
        assert_eq!(
            phases,
            [LoadPhase::Reading, LoadPhase::Parsing, LoadPhase::Inferring]
        );
        let Loaded { table, summary, .. } = result.expect("loads");
        assert_eq!(table.row_count(), 2);
        assert_eq!(summary.columns.len(), 2);
    }

    #[test]
    fn a_file_larger_than_memory_fails_up_front() {
        assert_eq!(
            LoadJob::new("huge.csv", u64::MAX, LoadOptions::default()).err(),
            Some(IngestError::TooLarge { bytes: u64::MAX })
        );
    }

    #[test]
    fn parsing_takes_several_steps_on_a_large_file() {
        let mut text = String::from("id,amount\n");
        for i in 0..(RECORDS_PER_STEP * 2 + 5) {
            text.push_str(&format!("{i},{}.5\n", i % 100));
        }
        let mut job =
            LoadJob::new("big.csv", text.len() as u64, LoadOptions::default()).expect("fits");
        job.push_chunk(text.as_bytes()).expect("kept");
        let mut parsing_steps = 0;
        let result = loop {
            if job.progress().phase == LoadPhase::Parsing {
                parsing_steps += 1;
            }
            if let Some(result) = job.step() {
                break result;
            }
        };
        assert!(parsing_steps >= 3, "{parsing_steps}");
        assert_eq!(
            result.expect("loads").summary.report.rows,
            RECORDS_PER_STEP * 2 + 5
        );
    }

    /// A job holding every byte of a large table with varied columns.
    fn large_job() -> LoadJob {
        let mut text = String::from("id,city,amount,joined,note\n");
        for i in 0..MIN_ROWS_TO_LEND + 7 {
            let city = ["Tehran", "شیراز", "Rasht", ""][i % 4];
            let day = i % 28 + 1;
            text.push_str(&format!(
                "{i},{city},{}.5,2024-03-{day:02},n{}\n",
                i % 97,
                i % 13
            ));
        }
        let mut job = LoadJob::new("big.csv", text.len() as u64, LoadOptions::default()).unwrap();
        job.push_chunk(text.as_bytes()).unwrap();
        job
    }

    /// What a helper worker does with a lent column.
    fn infer_elsewhere(column: &Column) -> Option<InferenceParts> {
        let (text, ends) = column.cells.parts();
        super::super::lent::infer_lent_column(column.name.clone(), text.into(), ends.to_vec())
    }

    #[test]
    fn lent_columns_come_back_into_the_same_load() {
        let expected = large_job().run().unwrap();
        let mut job = large_job();
        while !job.is_inferring() {
            assert!(
                job.lend_column(1).is_none(),
                "nothing to lend before inference"
            );
            assert!(job.step().is_none());
        }
        // The columns of few values are lent, in reverse: the notes (13
        // values), the dates (28), the amounts (97), the cities (3 names
        // and empty); the ids (every value distinct) are the job's own.
        let mut lent: Vec<(usize, Option<InferenceParts>)> = Vec::new();
        while let Some((index, column)) = job.lend_column(1) {
            lent.push((index, infer_elsewhere(column)));
        }
        let order: Vec<usize> = lent.iter().map(|(index, _)| *index).collect();
        assert_eq!(order, [4, 3, 2, 1]);
        assert!(job.step().is_none());
        // The ids done, the rest lent: nothing to do but wait.
        assert!(job.is_waiting_for_lent());
        assert!(job.lend_column(1).is_none());
        assert!(job.step().is_none());
        assert_eq!(job.progress().done, 1);
        let mut back = lent.into_iter();
        let (note, notes) = back.next().unwrap();
        job.take_back(note, notes);
        // A helper that failed, and one whose answer does not add up: the
        // job infers those columns itself.
        let (joined, _) = back.next().unwrap();
        job.take_back(joined, None);
        let (amount, amounts) = back.next().unwrap();
        let mut amounts = amounts.unwrap();
        amounts.summary = amounts.summary.replace("amount", "other");
        job.take_back(amount, Some(amounts));
        let (city, cities) = back.next().unwrap();
        job.take_back(city, cities);
        assert!(!job.is_waiting_for_lent());
        // Anything coming back twice, or for a column never lent, is ignored.
        job.take_back(note, None);
        job.take_back(0, None);
        let loaded = job.run().unwrap();
        assert_eq!(loaded.summary, expected.summary);
        assert_eq!(loaded.distinct, expected.distinct);
        assert_eq!(loaded.table, expected.table);
    }

    #[test]
    fn a_small_table_is_never_lent() {
        let text = "name,age\nAli,30\nSara,41\n";
        let mut job = LoadJob::new("t.csv", text.len() as u64, LoadOptions::default()).unwrap();
        job.push_chunk(text.as_bytes()).unwrap();
        while !job.is_inferring() {
            assert!(job.step().is_none());
        }
        assert!(job.lend_column(1).is_none());
    }
}
