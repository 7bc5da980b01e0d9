//! The browser's IndexedDB, for what is too big for localStorage: the
//! project's source files (as the browser's own Blobs) and snapshots of
//! segmentations. One database, its stores made on first use; every
//! request is awaited as a future.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction};

const DATABASE: &str = "nimrokh";
/// 1: snapshots; 2: the projects' files.
const VERSION: u32 = 2;
pub(super) const SNAPSHOT_INFO: &str = "snapshot_info";
pub(super) const SNAPSHOT_MEMBERS: &str = "snapshot_members";
pub(super) const FILES: &str = "files";
const STORES: [&str; 3] = [SNAPSHOT_INFO, SNAPSHOT_MEMBERS, FILES];

/// Why the store could not do what was asked, for the page to say.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// No IndexedDB here (some private modes).
    Unavailable,
    /// The browser refused, with its reason (quota, blocked…).
    Failed(String),
    /// A stored record did not read back.
    Unreadable,
}

impl StoreError {
    /// The reason, for a message.
    pub fn reason(&self) -> String {
        match self {
            StoreError::Unavailable => "IndexedDB is not available".to_string(),
            StoreError::Failed(reason) => reason.clone(),
            StoreError::Unreadable => "a stored record did not read back".to_string(),
        }
    }
}

pub(super) fn failed(error: JsValue) -> StoreError {
    let reason = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"));
    StoreError::Failed(reason)
}

/// A promise settled by the request's success (its result) or error.
fn settled(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let broken = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let reason = broken
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &reason);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

pub(super) async fn wait(request: &IdbRequest) -> Result<JsValue, StoreError> {
    JsFuture::from(settled(request)).await.map_err(failed)
}

/// Wait until a write transaction has committed. A request's success comes
/// before the commit; a page that reloads in between (a new project, a
/// demo) would lose the write. Call it before awaiting the requests: the
/// handlers are set at once, so the commit cannot be missed.
pub(super) fn committed(
    tx: &IdbTransaction,
) -> impl std::future::Future<Output = Result<(), StoreError>> {
    let tx = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        // An error is followed by an abort: each gets its own one-shot
        // closure (a promise settles once; the second call is ignored).
        let refusal = |reject: js_sys::Function| {
            let failed_tx = tx.clone();
            Closure::once_into_js(move |_: web_sys::Event| {
                let reason = failed_tx.error().map_or(JsValue::UNDEFINED, JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &reason);
            })
        };
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(refusal(reject.clone()).unchecked_ref()));
        tx.set_onabort(Some(refusal(reject).unchecked_ref()));
    });
    async move { JsFuture::from(promise).await.map(|_| ()).map_err(failed) }
}

fn factory() -> Result<web_sys::IdbFactory, StoreError> {
    web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

/// The database, its stores made on first use.
pub(super) async fn open() -> Result<IdbDatabase, StoreError> {
    let opening = factory()?
        .open_with_u32(DATABASE, VERSION)
        .map_err(failed)?;
    let upgrading = opening.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
            return;
        };
        let names = db.object_store_names();
        for store in STORES {
            if !names.contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    opening.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = wait(&opening)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(failed)?;
    // Let another tab's upgrade or "forget everything" proceed: this
    // connection closes instead of blocking them.
    let closing = db.clone();
    let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| closing.close());
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    Ok(db)
}

/// Delete the whole database (forget everything).
pub(super) async fn delete_everything() -> Result<(), StoreError> {
    let deleting = factory()?.delete_database(DATABASE).map_err(failed)?;
    wait(&deleting).await.map(|_| ())
}
