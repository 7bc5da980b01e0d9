//! Helper workers that infer the columns a load lends them, on other cores.
//!
//! Inference is most of a large file's load in the browser (0.95 of 1.54 s
//! for the 1 M-customer file, one column after another), and a column's
//! inference needs only that column (see `engine::lent`). The engine's
//! worker starts a helper per spare core, each a module worker running
//! `src/web/infer-helper.js` with this same wasm: the module is sent to it
//! compiled, so it is neither downloaded nor compiled again.
//!
//! A helper is only lent columns once it has said it is ready, so a slow
//! start costs nothing: the engine infers every column itself meanwhile.
//! Which columns it is lent is the load's choice (`engine::lent::Sharing`),
//! all at once; the helper answers them in turn. A helper that fails (its
//! script does not load, its wasm traps) gives its columns back unanswered
//! and is not used again; the engine infers those columns itself.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    DedicatedWorkerGlobalScope, Event, MessageEvent, Url, Worker, WorkerOptions, WorkerType,
};

use crate::core::schema::DistinctValues;
use crate::core::table::Column;
use crate::engine::InferenceParts;

/// The helpers' script, beside the engine worker's.
const HELPER_SCRIPT: &str = "infer-helper.js";
/// At most this many helpers: each holds the column it infers (and keeps
/// the wasm memory that took), so more would cost memory for little gain.
const MAX_HELPERS: usize = 3;
/// Words copied between wasm and typed arrays this many at a time (an even
/// number: distinct values are two words each).
pub(super) const BLOCK: usize = 1 << 14;

/// The helper workers of one engine.
pub struct Helpers {
    pool: Rc<RefCell<Pool>>,
}

struct Pool {
    helpers: Vec<Helper>,
    /// Inferences back from the helpers, not yet taken by their load.
    returned: Vec<Returned>,
    /// Resolves the promise a load waiting for its lent columns awaits.
    wake: Option<js_sys::Function>,
    next_task: u32,
}

struct Helper {
    worker: Worker,
    /// It said its wasm is loaded.
    ready: bool,
    /// It failed once: it is not lent anything again.
    failed: bool,
    /// The columns lent to it and not yet back, in the order sent.
    tasks: Vec<Task>,
    /// Its wasm memory when it last answered.
    memory_bytes: u64,
}

/// A column lent to a helper.
#[derive(Debug, Clone, Copy)]
struct Task {
    id: u32,
    load: u32,
    column: usize,
}

/// A lent column back from a helper: its inference, or `None` if the
/// helper could not infer it.
pub struct Returned {
    pub load: u32,
    pub column: usize,
    pub parts: Option<InferenceParts>,
}

impl Helpers {
    /// Start a helper per core beyond the engine's own, at most
    /// [`MAX_HELPERS`]: one on two cores, none on one core or where
    /// helpers cannot start.
    pub fn start(scope: &DedicatedWorkerGlobalScope) -> Helpers {
        let pool = Rc::new(RefCell::new(Pool {
            helpers: Vec::new(),
            returned: Vec::new(),
            wake: None,
            next_task: 0,
        }));
        let cores = scope.navigator().hardware_concurrency() as usize;
        let wanted = cores.saturating_sub(1).min(MAX_HELPERS);
        let url = helper_url(scope);
        for index in 0..wanted {
            let Some(worker) = url
                .as_deref()
                .and_then(|url| start_helper(url, &pool, index))
            else {
                break;
            };
            pool.borrow_mut().helpers.push(Helper {
                worker,
                ready: false,
                failed: false,
                tasks: Vec::new(),
                memory_bytes: 0,
            });
        }
        Helpers { pool }
    }

    /// The ready helper with the fewest columns to infer, if one is ready.
    pub fn least_busy(&self) -> Option<usize> {
        let pool = self.pool.borrow();
        let ready = pool.helpers.iter().enumerate();
        let ready = ready.filter(|(_, helper)| helper.ready && !helper.failed);
        ready
            .min_by_key(|(_, helper)| helper.tasks.len())
            .map(|(index, _)| index)
    }

    /// Lend `column` (the table's column `index`, of load `load`) to helper
    /// `helper`. False if it could not be sent.
    pub fn lend(&self, helper: usize, load: u32, index: usize, column: &Column) -> bool {
        let mut pool = self.pool.borrow_mut();
        let id = pool.next_task;
        pool.next_task = id.wrapping_add(1);
        let Some(helper) = pool.helpers.get_mut(helper) else {
            return false;
        };
        let (text, ends) = column.cells.parts();
        let text = Uint8Array::from(text.as_bytes());
        let ends = ends_array(ends);
        let message = Object::new();
        let set = |key: &str, value: &JsValue| Reflect::set(&message, &key.into(), value).is_ok();
        let sent = set("task", &id.into())
            && set("name", &column.name.as_str().into())
            && set("text", &text)
            && set("ends", &ends)
            && helper
                .worker
                .post_message_with_transfer(&message, &Array::of2(&text.buffer(), &ends.buffer()))
                .is_ok();
        if sent {
            helper.tasks.push(Task {
                id,
                load,
                column: index,
            });
        }
        sent
    }

    /// The columns of load `load` that came back since last asked. Those of
    /// other loads (cancelled or replaced) are dropped.
    pub fn take_returned(&self, load: u32) -> Vec<Returned> {
        let mut pool = self.pool.borrow_mut();
        let mut returned = std::mem::take(&mut pool.returned);
        returned.retain(|back| back.load == load);
        returned
    }

    /// Wait until a lent column comes back or `millis` pass, whichever is
    /// first (so a load waiting on helpers still notices a cancel).
    pub async fn wait(&self, millis: i32) {
        if !self.pool.borrow().returned.is_empty() {
            return;
        }
        let pool = Rc::clone(&self.pool);
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
            let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
            pool.borrow_mut().wake = Some(resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        self.pool.borrow_mut().wake = None;
    }

    /// How many helpers have said they are ready and have not failed.
    pub fn ready(&self) -> usize {
        let pool = self.pool.borrow();
        (pool.helpers.iter())
            .filter(|h| h.ready && !h.failed)
            .count()
    }

    /// The helpers' wasm memory, as each last reported it.
    pub fn memory_bytes(&self) -> u64 {
        let pool = self.pool.borrow();
        pool.helpers.iter().map(|helper| helper.memory_bytes).sum()
    }
}

/// `infer-helper.js` with the engine worker's own query string, which
/// names the wasm-bindgen module to import.
fn helper_url(scope: &DedicatedWorkerGlobalScope) -> Option<String> {
    let location = scope.location();
    let url = Url::new_with_base(HELPER_SCRIPT, &location.href()).ok()?;
    url.set_search(&location.search());
    Some(url.href())
}

/// Start helper `index` of `pool` from `url` and send it the compiled wasm.
fn start_helper(url: &str, pool: &Rc<RefCell<Pool>>, index: usize) -> Option<Worker> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(url, &options).ok()?;
    let weak = Rc::downgrade(pool);
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        heard(&weak, index, &event.data());
    });
    let weak = Rc::downgrade(pool);
    // An `error` (its script or wasm failed) or a `messageerror` (a message
    // it could not read): either way it is not used again.
    let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
        // Handled here: not an error of the engine's worker.
        event.prevent_default();
        failed(&weak, index);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    // They live as long as the engine's worker.
    on_message.forget();
    on_error.forget();
    let first = Object::new();
    Reflect::set(&first, &"module".into(), &wasm_bindgen::module()).ok()?;
    worker.post_message(&first).ok()?;
    Some(worker)
}

/// A message from helper `index`: it is ready, or a column is back.
fn heard(pool: &Weak<RefCell<Pool>>, index: usize, data: &JsValue) {
    let Some(pool) = pool.upgrade() else {
        return;
    };
    let mut pool = pool.borrow_mut();
    let Some(helper) = pool.helpers.get_mut(index) else {
        return;
    };
    let get = |key: &str| Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if get("ready").is_truthy() {
        helper.ready = true;
        return;
    }
    let task = get("task").as_f64();
    let Some(position) = (helper.tasks.iter()).position(|lent| task == Some(f64::from(lent.id)))
    else {
        return;
    };
    let lent = helper.tasks.remove(position);
    if let Some(bytes) = get("memory").as_f64() {
        helper.memory_bytes = helper.memory_bytes.max(bytes as u64);
    }
    let parts = parts_from(&get);
    pool.come_back(lent, parts);
}

/// Helper `index` failed: give its column back unanswered.
fn failed(pool: &Weak<RefCell<Pool>>, index: usize) {
    let Some(pool) = pool.upgrade() else {
        return;
    };
    let mut pool = pool.borrow_mut();
    let Some(helper) = pool.helpers.get_mut(index) else {
        return;
    };
    helper.failed = true;
    for lent in std::mem::take(&mut helper.tasks) {
        pool.come_back(lent, None);
    }
}

impl Pool {
    fn come_back(&mut self, lent: Task, parts: Option<InferenceParts>) {
        self.returned.push(Returned {
            load: lent.load,
            column: lent.column,
            parts,
        });
        if let Some(wake) = self.wake.take() {
            let _ = wake.call0(&JsValue::UNDEFINED);
        }
    }
}

/// The inference in a helper's answer, if it carries one.
fn parts_from(get: &impl Fn(&str) -> JsValue) -> Option<InferenceParts> {
    let summary = get("summary").as_string()?;
    let values = get("values");
    let distinct = if values.is_undefined() || values.is_null() {
        None
    } else {
        let values = pairs_from(&values.dyn_into::<Uint32Array>().ok()?)?;
        let missing = get("missing").as_f64()? as usize;
        Some(DistinctValues { values, missing })
    };
    Some(InferenceParts { summary, distinct })
}

/// Distinct values sent as `[first row, cells, first row, cells, …]`,
/// copied out a block at a time (not the words and then the pairs: a
/// column of a million values would hold both, 16 MB, at once).
fn pairs_from(words: &Uint32Array) -> Option<Vec<(u32, u32)>> {
    let len = words.length();
    if !len.is_multiple_of(2) {
        return None;
    }
    let mut pairs = Vec::with_capacity(len as usize / 2);
    let mut block = vec![0u32; (BLOCK as u32).min(len) as usize];
    let mut start = 0;
    while start < len {
        let end = len.min(start + BLOCK as u32);
        let piece = block.get_mut(..(end - start) as usize).unwrap_or_default();
        words.subarray(start, end).copy_to(piece);
        pairs.extend(piece.chunks_exact(2).filter_map(|pair| match *pair {
            [first_row, cells] => Some((first_row, cells)),
            _ => None,
        }));
        start = end;
    }
    Some(pairs)
}

/// A column's cell ends as a typed array, copied a block at a time.
fn ends_array(ends: &[usize]) -> Uint32Array {
    let array = Uint32Array::new_with_length(ends.len() as u32);
    let mut block: Vec<u32> = Vec::with_capacity(BLOCK.min(ends.len()));
    for (number, piece) in ends.chunks(BLOCK).enumerate() {
        block.clear();
        // A wasm32 usize is a u32.
        block.extend(piece.iter().map(|&end| end as u32));
        let start = (number * BLOCK) as u32;
        array
            .subarray(start, start + piece.len() as u32)
            .copy_from(&block);
    }
    array
}
