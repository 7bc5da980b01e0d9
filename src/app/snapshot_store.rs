//! Snapshots of segmentations in the browser's IndexedDB: a million
//! customers' ids do not fit in localStorage, and IndexedDB keeps them on
//! this machine like the rest of the project. Two object stores keyed by
//! the snapshot's id: its small description (listed) and its members
//! (read only to compare). Both are written in one transaction, so a
//! snapshot is there whole or not at all.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::IdbTransactionMode;

pub use super::idb::StoreError;
use super::idb::{committed, failed, open, wait};

use crate::core::segment::{Members, SnapshotInfo, SNAPSHOT_FORMAT};

use super::idb::{SNAPSHOT_INFO as INFO, SNAPSHOT_MEMBERS as MEMBERS};

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
    let done = committed(&tx);
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
    done.await
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

/// Forget every snapshot of project `project` (the project is deleted).
pub async fn delete_project(project: u32) -> Result<(), StoreError> {
    for info in list().await? {
        if info.belongs_to(project) {
            delete(info.id).await?;
        }
    }
    Ok(())
}
