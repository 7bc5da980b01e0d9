//! Snapshots of segmentations in the browser's IndexedDB: a million
//! customers' ids do not fit in localStorage, and IndexedDB keeps them on
//! this machine like the rest of the project. Two object stores keyed by
//! the snapshot's id: its small description (listed) and its members
//! (read only to compare). Both are written in one transaction, so a
//! snapshot is there whole or not at all.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use crate::core::segment::{Members, SnapshotInfo, SNAPSHOT_FORMAT};

const DATABASE: &str = "nimrokh";
const VERSION: u32 = 1;
const INFO: &str = "snapshot_info";
const MEMBERS: &str = "snapshot_members";

/// Why the store could not do what was asked, for the page to say.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// No IndexedDB here (some private modes).
    Unavailable,
    /// The browser refused, with its reason (quota, blocked…).
    Failed(String),
    /// A stored snapshot did not read back.
    Unreadable,
}

fn failed(error: JsValue) -> StoreError {
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

async fn wait(request: &IdbRequest) -> Result<JsValue, StoreError> {
    JsFuture::from(settled(request)).await.map_err(failed)
}

/// The database, its stores made on first use.
async fn open() -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)?;
    let opening = factory.open_with_u32(DATABASE, VERSION).map_err(failed)?;
    let upgrading = opening.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
            return;
        };
        let names = db.object_store_names();
        for store in [INFO, MEMBERS] {
            if !names.contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    opening.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = wait(&opening).await?;
    db.dyn_into::<IdbDatabase>().map_err(failed)
}

fn key(id: u64) -> JsValue {
    // Ids are milliseconds since 1970: exact in an f64.
    JsValue::from_f64(id as f64)
}

/// Keep a snapshot (description and members together).
pub async fn save(info: &SnapshotInfo, members: &Members) -> Result<(), StoreError> {
    let db = open().await?;
    let stores = Array::of2(&INFO.into(), &MEMBERS.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(failed)?;
    let as_text = |value: Result<String, serde_json::Error>| {
        value
            .map(|t| JsValue::from_str(&t))
            .map_err(|_| StoreError::Unreadable)
    };
    let info_text = as_text(serde_json::to_string(info))?;
    let members_text = as_text(serde_json::to_string(members))?;
    let described = tx
        .object_store(INFO)
        .and_then(|s| s.put_with_key(&info_text, &key(info.id)))
        .map_err(failed)?;
    let listed = tx
        .object_store(MEMBERS)
        .and_then(|s| s.put_with_key(&members_text, &key(info.id)))
        .map_err(failed)?;
    wait(&described).await?;
    wait(&listed).await?;
    Ok(())
}

/// Every snapshot's description, oldest first; descriptions this version
/// cannot read (newer formats) are left out.
pub async fn list() -> Result<Vec<SnapshotInfo>, StoreError> {
    let db = open().await?;
    let tx = db.transaction_with_str(INFO).map_err(failed)?;
    let all = tx
        .object_store(INFO)
        .and_then(|s| s.get_all())
        .map_err(failed)?;
    let values: Array = wait(&all).await?.dyn_into().map_err(failed)?;
    let mut infos: Vec<SnapshotInfo> = values
        .iter()
        .filter_map(|v| v.as_string())
        .filter_map(|text| serde_json::from_str::<SnapshotInfo>(&text).ok())
        .filter(|info| info.format <= SNAPSHOT_FORMAT)
        .collect();
    infos.sort_by_key(|info| info.id);
    Ok(infos)
}

/// The members of snapshot `id`.
pub async fn members(id: u64) -> Result<Members, StoreError> {
    let db = open().await?;
    let tx = db.transaction_with_str(MEMBERS).map_err(failed)?;
    let got = tx
        .object_store(MEMBERS)
        .and_then(|s| s.get(&key(id)))
        .map_err(failed)?;
    let text = wait(&got)
        .await?
        .as_string()
        .ok_or(StoreError::Unreadable)?;
    serde_json::from_str(&text).map_err(|_| StoreError::Unreadable)
}

/// Forget snapshot `id`.
pub async fn delete(id: u64) -> Result<(), StoreError> {
    let db = open().await?;
    let stores = Array::of2(&INFO.into(), &MEMBERS.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(failed)?;
    for store in [INFO, MEMBERS] {
        let gone = tx
            .object_store(store)
            .and_then(|s| s.delete(&key(id)))
            .map_err(failed)?;
        wait(&gone).await?;
    }
    Ok(())
}
