//! Runs engine calls wherever it lives, and loads files in chunks.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::Blob;

use super::helpers::Helpers;
use super::yield_now::yield_now;
use crate::core::customer_base::build_customer_base_pausing;
use crate::core::customers::TransactionColumns;
use crate::core::ingest::{IngestError, LoadOptions};
use crate::core::pause::{Pause, Reached, Stopped};
use crate::engine::{
    Call, CustomerSource, Engine, FilePlace, LoadJob, LoadPhase, Loaded, Progress, Reply, Request,
    Response, SegmentJob, Taken,
};

/// Bytes read per `Blob.slice`: big enough to read fast, small enough that
/// progress moves and a cancel is seen within a fraction of a second.
const CHUNK_BYTES: u64 = 4 << 20;
/// Work done between two turns of the event loop. Yielding costs a few
/// milliseconds (timer clamping), so steps are batched up to this budget.
const BUSY_MILLIS: f64 = 40.0;
/// Longest wait for a lent column before looking for a cancel.
const LENT_WAIT_MILLIS: i32 = 100;

/// The calls that run in steps, one of each kind at a time.
#[derive(Clone, Copy)]
enum Kind {
    Load,
    Segment,
    Customers,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Load, Kind::Segment, Kind::Customers];

    /// The answer to a call of this kind that was cancelled.
    fn cancelled(self) -> Response {
        match self {
            Kind::Load => Response::LoadCancelled,
            Kind::Segment => Response::SegmentCancelled,
            Kind::Customers => Response::CustomersCancelled,
        }
    }
}

/// The engine plus the loads in flight. Replies go out through `send`.
pub struct Host {
    engine: RefCell<Engine>,
    send: Box<dyn Fn(Reply)>,
    /// The id of the load running now, if any.
    loading: Cell<Option<u32>>,
    /// The id of the segmentation running now, if any.
    segmenting: Cell<Option<u32>>,
    /// The id of the customer base being built now, if any.
    building_customers: Cell<Option<u32>>,
    cancelled: RefCell<HashSet<u32>>,
    /// Cancelled calls already answered: their work unwinds at its next
    /// pause and commits nothing, and says nothing more.
    answered: RefCell<HashSet<u32>>,
    /// Workers that infer lent columns, if started (see [`Host::start_helpers`]).
    helpers: RefCell<Option<Rc<Helpers>>>,
}

impl Host {
    pub fn new(send: impl Fn(Reply) + 'static) -> Rc<Host> {
        Rc::new(Host {
            engine: RefCell::new(Engine::new()),
            send: Box::new(send),
            loading: Cell::new(None),
            segmenting: Cell::new(None),
            building_customers: Cell::new(None),
            cancelled: RefCell::new(HashSet::new()),
            answered: RefCell::new(HashSet::new()),
            helpers: RefCell::new(None),
        })
    }

    /// Start the helper workers that infer the columns of large loads (the
    /// engine's own worker only: a host on the page has none).
    pub fn start_helpers(&self, scope: &web_sys::DedicatedWorkerGlobalScope) {
        *self.helpers.borrow_mut() = Some(Rc::new(Helpers::start(scope)));
    }

    /// Handle one call; `file` is the `File` sent beside an `Open`.
    pub fn handle(self: &Rc<Self>, call: Call, file: Option<Blob>) {
        match call {
            Call::Ask {
                id,
                request: Request::Segment(request),
            } => self.spawn_exclusive(id, Kind::Segment, async move |host| {
                let started = host.engine.borrow().start_segmenting(request);
                match started {
                    Ok(job) => host.segment(id, job).await,
                    Err(response) => *response,
                }
            }),
            Call::Ask {
                id,
                request:
                    Request::Customers {
                        columns,
                        as_of,
                        file,
                    },
            } => self.spawn_exclusive(id, Kind::Customers, async move |host| {
                let started = host.engine.borrow_mut().start_customers(file);
                match started {
                    Ok(source) => host.customers(id, source, columns, as_of).await,
                    Err(response) => *response,
                }
            }),
            Call::Ask { id, request } => {
                let response = self.engine.borrow_mut().handle(request);
                (self.send)(Reply::Answer { id, response });
            }
            Call::Open {
                id,
                file_name,
                size,
                options,
                place,
            } => self.spawn_exclusive(id, Kind::Load, async move |host| match file {
                Some(file) => host.load(id, &file, &file_name, size, options, place).await,
                None => Response::LoadFailed(IngestError::Empty),
            }),
            Call::Cancel { id } => self.cancel(id),
            Call::Memory { id } => {
                let helpers = self.helpers.borrow().clone();
                (self.send)(Reply::Memory {
                    id,
                    bytes: wasm_memory_bytes(),
                    helpers: helpers.as_ref().map_or(0, |helpers| helpers.ready()),
                    helpers_bytes: helpers.map_or(0, |helpers| helpers.memory_bytes()),
                })
            }
        }
    }

    /// Mark call `id` cancelled. A call running in steps is answered at
    /// once: its work may be in the middle of a batch, or behind other
    /// calls in the worker's queue, and the page should not wait for it.
    fn cancel(&self, id: u32) {
        self.cancelled.borrow_mut().insert(id);
        let Some(kind) = Kind::ALL
            .into_iter()
            .find(|&kind| self.running(kind).get() == Some(id))
        else {
            return;
        };
        self.running(kind).set(None);
        self.answered.borrow_mut().insert(id);
        (self.send)(Reply::Answer {
            id,
            response: kind.cancelled(),
        });
    }

    /// Run `work` as the one call of its kind: a call of the same kind
    /// still running is cancelled (a new file, a new segmentation); the
    /// answer goes out when `work` is done.
    fn spawn_exclusive(
        self: &Rc<Self>,
        id: u32,
        kind: Kind,
        work: impl AsyncFnOnce(&Host) -> Response + 'static,
    ) {
        if let Some(running) = self.running(kind).replace(Some(id)) {
            self.cancelled.borrow_mut().insert(running);
        }
        let host = Rc::clone(self);
        spawn_local(async move {
            let response = work(&host).await;
            if host.running(kind).get() == Some(id) {
                host.running(kind).set(None);
            }
            host.cancelled.borrow_mut().remove(&id);
            if !host.answered.borrow_mut().remove(&id) {
                (host.send)(Reply::Answer { id, response });
            }
        });
    }

    fn running(&self, kind: Kind) -> &Cell<Option<u32>> {
        match kind {
            Kind::Load => &self.loading,
            Kind::Segment => &self.segmenting,
            Kind::Customers => &self.building_customers,
        }
    }

    /// Step `job` until `step` gives an outcome, in batches of about
    /// [`BUSY_MILLIS`]; after each batch report `progress`, let the event
    /// loop run (other calls are answered then) and stop if the call was
    /// cancelled (`None`). A new phase is reported the moment it begins,
    /// so the page names what the job is doing (and the benchmark can time
    /// each phase).
    async fn in_batches<J, T>(
        &self,
        id: u32,
        job: &mut J,
        mut step: impl FnMut(&mut J) -> Option<T>,
        progress: impl Fn(&J) -> Progress,
    ) -> Option<T> {
        let mut pause = WorkerPause::new(self, id);
        let mut phase = progress(job).phase;
        loop {
            if let Some(outcome) = step(job) {
                return Some(outcome);
            }
            let now = progress(job);
            if now.phase != phase {
                phase = now.phase;
                (self.send)(Reply::Progress { id, progress: now });
            }
            pause.after_work(|| progress(job)).await.ok()?;
        }
    }

    /// Segment in steps (see [`Host::in_batches`]).
    async fn segment(&self, id: u32, mut job: Box<SegmentJob>) -> Response {
        let outcome = self
            .in_batches(
                id,
                &mut job,
                |job| {
                    job.step()
                        .map_or_else(|e| Some(Err(e)), |done| done.then_some(Ok(())))
                },
                |job| job.progress(),
            )
            .await;
        match outcome {
            _ if self.is_cancelled(id) => Response::SegmentCancelled,
            Some(Ok(())) => self.engine.borrow_mut().finish_segmenting(job),
            Some(Err(error)) => Response::SegmentFailed(error),
            None => Response::SegmentCancelled,
        }
    }

    /// Build a customer base, pausing as [`WorkerPause`] says; the engine
    /// answers other calls meanwhile (the job reads its own copy of the
    /// table's handle, see [`Engine::start_customers`]).
    async fn customers(
        &self,
        id: u32,
        source: CustomerSource,
        columns: TransactionColumns,
        as_of: Option<i32>,
    ) -> Response {
        let mut pause = WorkerPause::new(self, id);
        match build_customer_base_pausing(&source.table, columns, as_of, &mut pause).await {
            _ if self.is_cancelled(id) => Response::CustomersCancelled,
            Ok(built) => self.engine.borrow_mut().keep_customers(&source, built),
            Err(Stopped) => Response::CustomersCancelled,
        }
    }

    fn is_cancelled(&self, id: u32) -> bool {
        self.cancelled.borrow().contains(&id)
    }

    fn report_progress(&self, id: u32, job: &LoadJob) {
        (self.send)(Reply::Progress {
            id,
            progress: job.progress(),
        });
    }

    /// Read the file in chunks into a job, then step the job, checking for
    /// a cancel between chunks and between batches of steps. The next
    /// chunk is asked for before this one is handed over, and what has
    /// arrived of a plain UTF-8 file is parsed at once (its text is then
    /// let go, see `core::ingest::TextStream`).
    async fn load(
        &self,
        id: u32,
        file: &Blob,
        file_name: &str,
        size: u64,
        options: LoadOptions,
        place: FilePlace,
    ) -> Response {
        let mut job = match LoadJob::new(file_name, size, options) {
            Ok(job) => job,
            Err(error) => return Response::LoadFailed(error),
        };
        self.report_progress(id, &job);
        let mut offset = 0;
        let mut next_read = start_reading(file, offset, size);
        while offset < size {
            if self.is_cancelled(id) {
                return Response::LoadCancelled;
            }
            let end = size.min(offset + CHUNK_BYTES);
            let Some(chunk) = finish_reading(next_read.take()).await else {
                return Response::LoadFailed(IngestError::Unreadable {
                    row: 0,
                    message: format!("the browser could not read bytes {offset}–{end}"),
                });
            };
            let len = chunk.length() as usize;
            if len == 0 {
                break;
            }
            next_read = start_reading(file, offset + len as u64, size);
            chunk.copy_to(job.next_chunk(len));
            match job.take_chunk() {
                Ok(Taken::Kept) => offset += len as u64,
                Ok(Taken::ReadAgain) => {
                    offset = 0;
                    next_read = start_reading(file, offset, size);
                }
                Err(error) => return Response::LoadFailed(error),
            }
            self.report_progress(id, &job);
            // Parse what has arrived of a plain UTF-8 file, so its text
            // can be let go.
            while job.can_step_while_receiving() {
                if let Some(Err(error)) = job.step() {
                    return Response::LoadFailed(error);
                }
            }
        }
        // Parse in batches; inference lends columns (see `infer_columns`).
        let until_inferring = |job: &mut LoadJob| {
            if job.is_inferring() {
                Some(None)
            } else {
                job.step().map(Some)
            }
        };
        let outcome = match self
            .in_batches(id, &mut job, until_inferring, LoadJob::progress)
            .await
        {
            Some(Some(result)) => Some(result),
            Some(None) => self.infer_columns(id, &mut job).await,
            None => None,
        };
        match outcome {
            // A cancel seen during the last batch: the table open before
            // stays, as the page was told.
            _ if self.is_cancelled(id) => Response::LoadCancelled,
            Some(result) => self
                .engine
                .borrow_mut()
                .finish_load(file_name, result, place),
            None => Response::LoadCancelled,
        }
    }

    /// Infer the columns of load `id`, lending columns to the helpers
    /// while the engine infers others; `None` if it was cancelled. The
    /// event loop runs after each column, since that is when a helper's
    /// answer (or a helper becoming ready) is heard.
    async fn infer_columns(
        &self,
        id: u32,
        job: &mut LoadJob,
    ) -> Option<Result<Loaded, IngestError>> {
        let helpers = self.helpers.borrow().clone();
        self.report_progress(id, job);
        loop {
            if let Some(helpers) = &helpers {
                lend_columns(helpers, id, job);
                for back in helpers.take_returned(id) {
                    job.take_back(back.column, back.parts);
                }
            }
            match helpers.as_ref().filter(|_| job.is_waiting_for_lent()) {
                Some(helpers) => helpers.wait(LENT_WAIT_MILLIS).await,
                None => {
                    if let Some(outcome) = job.step() {
                        return Some(outcome);
                    }
                    yield_now().await;
                }
            }
            if self.is_cancelled(id) {
                return None;
            }
            self.report_progress(id, job);
        }
    }
}

/// Where a call's work pauses, for jobs in steps ([`Host::in_batches`]) and
/// computations written against `core::pause` alike: after about
/// [`BUSY_MILLIS`] of work it reports how far the work got, lets the event
/// loop run (other calls are answered, a cancel arrives) and stops the work
/// if its call was cancelled.
struct WorkerPause<'h> {
    host: &'h Host,
    id: u32,
    /// When the work last let the event loop run.
    since: f64,
}

impl<'h> WorkerPause<'h> {
    fn new(host: &'h Host, id: u32) -> Self {
        WorkerPause {
            host,
            id,
            since: js_sys::Date::now(),
        }
    }
}

impl WorkerPause<'_> {
    /// Once the work has run about [`BUSY_MILLIS`] since the event loop
    /// last ran: send `progress`, let the loop run and say whether the call
    /// was cancelled meanwhile. Before that, nothing (and `progress` is not
    /// asked for).
    async fn after_work(&mut self, progress: impl FnOnce() -> Progress) -> Result<(), Stopped> {
        if js_sys::Date::now() - self.since < BUSY_MILLIS {
            return Ok(());
        }
        (self.host.send)(Reply::Progress {
            id: self.id,
            progress: progress(),
        });
        yield_now().await;
        self.since = js_sys::Date::now();
        if self.host.is_cancelled(self.id) {
            Err(Stopped)
        } else {
            Ok(())
        }
    }
}

impl Pause for WorkerPause<'_> {
    type Stop = Stopped;

    async fn reached(&mut self, at: Reached) -> Result<(), Stopped> {
        self.after_work(|| Progress {
            phase: LoadPhase::Customers(at.phase),
            done: at.done,
            total: at.total,
        })
        .await
    }
}

/// Lend the columns of `job` (load `id`) it gives the ready helpers, each
/// to the one with the fewest.
fn lend_columns(helpers: &Helpers, id: u32, job: &mut LoadJob) {
    while let Some(helper) = helpers.least_busy() {
        let Some((index, column)) = job.lend_column(helpers.ready()) else {
            return;
        };
        if !helpers.lend(helper, id, index, column) {
            job.take_back(index, None);
            return;
        }
    }
}

/// The size of this wasm instance's linear memory.
pub(super) fn wasm_memory_bytes() -> u64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| {
            memory
                .buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0, |buffer| buffer.byte_length() as u64)
        })
        .unwrap_or(0)
}

/// Ask the browser for the chunk of a file of `size` bytes that starts at
/// `start` (nothing past the end); the read starts now. (It was not seen to
/// overlap the worker's own work in Chromium; see `core::ingest::stream`.)
fn start_reading(file: &Blob, start: u64, size: u64) -> Option<JsFuture> {
    if start >= size {
        return None;
    }
    let end = size.min(start + CHUNK_BYTES);
    let slice = file.slice_with_f64_and_f64(start as f64, end as f64).ok()?;
    Some(JsFuture::from(slice.array_buffer()))
}

/// The bytes of a chunk asked for, or `None` if the browser can't read them.
async fn finish_reading(read: Option<JsFuture>) -> Option<js_sys::Uint8Array> {
    let buffer = read?.await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer))
}
