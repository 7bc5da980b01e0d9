//! The page's handle on the engine: calls go to a Web Worker running
//! `worker::Host`, answers come back as futures.
//!
//! When no worker can start (no boot script tag, as in component tests, or
//! the worker fails to load), the same `Host` runs on the page instead,
//! still loading in chunks and yielding between steps.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures_channel::oneshot;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::core::ingest::LoadOptions;
use crate::engine::{Call, FilePlace, Progress, Reply, Request, Response};
use crate::worker::Host;

/// The worker script Trunk copies next to index.html.
const WORKER_SCRIPT: &str = "engine-worker.js";

type ProgressFn = Box<dyn Fn(Progress)>;

struct Pending {
    answer: oneshot::Sender<Response>,
    progress: Option<ProgressFn>,
}

enum Backend {
    /// Calls wait in `queue` until the worker says it is ready.
    Worker {
        worker: Worker,
        ready: bool,
        queue: Vec<(Call, Option<File>)>,
    },
    Local(Rc<Host>),
}

/// Where the engine runs; the page shows it (`<main data-engine>`), and
/// the end-to-end tests check it is the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineHome {
    /// A worker is starting; calls wait for it.
    Starting,
    Worker,
    Page,
}

impl EngineHome {
    pub fn as_str(self) -> &'static str {
        match self {
            EngineHome::Starting => "starting",
            EngineHome::Worker => "worker",
            EngineHome::Page => "page",
        }
    }
}

struct Inner {
    on_home: Box<dyn Fn(EngineHome)>,
    backend: RefCell<Backend>,
    next_id: Cell<u32>,
    pending: RefCell<HashMap<u32, Pending>>,
}

/// Cheap to clone; every clone talks to the same engine.
#[derive(Clone)]
pub struct EngineClient {
    inner: Rc<Inner>,
}

/// A load or a job in steps that has been started: its id (for
/// [`EngineClient::cancel`]) and its final answer.
pub struct Started {
    pub id: u32,
    pub answer: oneshot::Receiver<Response>,
}

impl EngineClient {
    /// Start the engine in a worker, or on the page if that is impossible;
    /// `on_home` hears where it ended up.
    pub fn start(on_home: impl Fn(EngineHome) + 'static) -> EngineClient {
        let client = EngineClient {
            inner: Rc::new(Inner {
                on_home: Box::new(on_home),
                backend: RefCell::new(Backend::Local(Host::new(|_| {}))),
                next_id: Cell::new(1),
                pending: RefCell::new(HashMap::new()),
            }),
        };
        let backend = match client.spawn_worker() {
            Some(worker) => Backend::Worker {
                worker,
                ready: false,
                queue: Vec::new(),
            },
            None => Backend::Local(client.local_host()),
        };
        let home = match backend {
            Backend::Worker { .. } => EngineHome::Starting,
            Backend::Local(_) => EngineHome::Page,
        };
        *client.inner.backend.borrow_mut() = backend;
        (client.inner.on_home)(home);
        client
    }

    /// Ask the engine something.
    pub async fn ask(&self, request: Request) -> Response {
        let (id, receiver) = self.register(None);
        self.send(Call::Ask { id, request }, None);
        receiver.await.unwrap_or(Response::NoTable)
    }

    /// Load a file in the engine; `on_progress` hears how far it got.
    pub fn open(
        &self,
        file: &File,
        options: LoadOptions,
        place: FilePlace,
        on_progress: impl Fn(Progress) + 'static,
    ) -> Started {
        let (id, receiver) = self.register(Some(Box::new(on_progress)));
        let call = Call::Open {
            id,
            file_name: file.name(),
            size: file.size() as u64,
            options,
            place,
        };
        self.send(call, Some(file.clone()));
        Started {
            id,
            answer: receiver,
        }
    }

    /// Ask something answered in steps (a segmentation); `on_progress`
    /// hears how far it got. [`EngineClient::cancel`] stops it.
    pub fn ask_in_steps(
        &self,
        request: Request,
        on_progress: impl Fn(Progress) + 'static,
    ) -> Started {
        let (id, receiver) = self.register(Some(Box::new(on_progress)));
        self.send(Call::Ask { id, request }, None);
        Started {
            id,
            answer: receiver,
        }
    }

    /// Stop a load or a job between two of its steps; it answers
    /// `LoadCancelled` or `SegmentCancelled`.
    pub fn cancel(&self, id: u32) {
        self.send(Call::Cancel { id }, None);
    }

    /// A new call id and the receiver of its answer; `progress` hears the
    /// call's progress, if it reports any.
    fn register(&self, progress: Option<ProgressFn>) -> (u32, oneshot::Receiver<Response>) {
        let id = self.next_id();
        let (answer, receiver) = oneshot::channel();
        self.inner
            .pending
            .borrow_mut()
            .insert(id, Pending { answer, progress });
        (id, receiver)
    }

    fn next_id(&self) -> u32 {
        let id = self.inner.next_id.get();
        self.inner.next_id.set(id.wrapping_add(1));
        id
    }

    fn send(&self, call: Call, file: Option<File>) {
        let mut backend = self.inner.backend.borrow_mut();
        match &mut *backend {
            Backend::Worker {
                worker,
                ready: true,
                ..
            } => post(worker, &call, file.as_ref()),
            Backend::Worker { queue, .. } => queue.push((call, file)),
            Backend::Local(host) => {
                let host = Rc::clone(host);
                // Not while `backend` is borrowed: a local host may answer at once.
                drop(backend);
                host.handle(call, file.map(Into::into));
            }
        }
    }

    fn receive(&self, reply: Reply) {
        match reply {
            Reply::Ready => self.worker_ready(),
            Reply::Answer { id, response } => {
                if let Some(pending) = self.inner.pending.borrow_mut().remove(&id) {
                    let _ = pending.answer.send(response);
                }
            }
            // Only benchmarks ask (straight through the worker protocol).
            Reply::Memory { .. } => {}
            Reply::Progress { id, progress } => {
                if let Some(Pending {
                    progress: Some(report),
                    ..
                }) = self.inner.pending.borrow().get(&id)
                {
                    report(progress);
                }
            }
        }
    }

    fn worker_ready(&self) {
        let mut backend = self.inner.backend.borrow_mut();
        if let Backend::Worker {
            worker,
            ready,
            queue,
        } = &mut *backend
        {
            *ready = true;
            for (call, file) in queue.drain(..) {
                post(worker, &call, file.as_ref());
            }
        }
        drop(backend);
        (self.inner.on_home)(EngineHome::Worker);
    }

    /// The worker failed to start: run the engine on the page instead and
    /// replay what was waiting for the worker.
    fn fall_back_to_page(&self) {
        let queued = {
            let mut backend = self.inner.backend.borrow_mut();
            let queue = match &mut *backend {
                Backend::Worker {
                    ready: false,
                    queue,
                    worker,
                } => {
                    worker.terminate();
                    std::mem::take(queue)
                }
                _ => return,
            };
            *backend = Backend::Local(self.local_host());
            queue
        };
        web_sys::console::warn_1(
            &"Nimrokh: the engine worker did not start; running on the page".into(),
        );
        (self.inner.on_home)(EngineHome::Page);
        for (call, file) in queued {
            self.send(call, file);
        }
    }

    fn local_host(&self) -> Rc<Host> {
        let weak = Rc::downgrade(&self.inner);
        Host::new(move |reply| {
            if let Some(inner) = weak.upgrade() {
                EngineClient { inner }.receive(reply);
            }
        })
    }

    fn spawn_worker(&self) -> Option<Worker> {
        let url = worker_url()?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options).ok()?;
        let weak = Rc::downgrade(&self.inner);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let reply = event
                .data()
                .as_string()
                .and_then(|json| serde_json::from_str::<Reply>(&json).ok());
            if let (Some(reply), Some(inner)) = (reply, weak.upgrade()) {
                EngineClient { inner }.receive(reply);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let weak = Rc::downgrade(&self.inner);
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            if let Some(inner) = weak.upgrade() {
                EngineClient { inner }.fall_back_to_page();
            }
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Some(worker)
    }
}

fn post(worker: &Worker, call: &Call, file: Option<&File>) {
    let Ok(json) = serde_json::to_string(call) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"call".into(), &json.into());
    if let Some(file) = file {
        let _ = js_sys::Reflect::set(&message, &"file".into(), file);
    }
    let _ = worker.post_message(&message);
}

/// `engine-worker.js?js=…&wasm=…`, with the module and wasm URLs the boot
/// script tag carries; `None` when the page was not started by boot.js.
fn worker_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let tag = document.query_selector("script[data-nimrokh-js]").ok()??;
    let base = document.base_uri().ok()??;
    let absolute = |relative: &str| web_sys::Url::new_with_base(relative, &base).ok();
    let js = absolute(&tag.get_attribute("data-nimrokh-js")?)?;
    let wasm = absolute(&tag.get_attribute("data-nimrokh-wasm")?)?;
    let script = absolute(WORKER_SCRIPT)?;
    let query = script.search_params();
    query.append("js", &js.href());
    query.append("wasm", &wasm.href());
    Some(script.href())
}
