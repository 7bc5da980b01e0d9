//! The project's source files, kept in IndexedDB as the browser's own
//! `File` objects (structured clone keeps their bytes, name and date), so a
//! reload opens the whole project without asking for them again. Keyed by
//! project and file name: `p<id>/<name>`.

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{File, IdbKeyRange, IdbObjectStore, IdbTransaction, IdbTransactionMode};

use super::idb::{committed, failed, open, wait, StoreError, FILES};

fn key(project: u32, name: &str) -> String {
    format!("p{project}/{name}")
}

/// Every key of `project`'s files: from `p<id>/` up to the next character
/// after `/` (`0`), which no key of this project reaches.
fn of_project(project: u32) -> Result<IdbKeyRange, StoreError> {
    IdbKeyRange::bound(
        &format!("p{project}/").into(),
        &format!("p{project}0").into(),
    )
    .map_err(failed)
}

/// The files store in a read-write transaction of its own.
async fn writing() -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(FILES, IdbTransactionMode::Readwrite)
        .map_err(failed)?;
    let store = tx.object_store(FILES).map_err(failed)?;
    Ok((tx, store))
}

/// Keep `file` as one of `project`'s files (replacing one of its name).
pub async fn put(project: u32, file: &File) -> Result<(), StoreError> {
    let (tx, store) = writing().await?;
    let done = committed(&tx);
    let request = store
        .put_with_key(file, &key(project, &file.name()).into())
        .map_err(failed)?;
    wait(&request).await?;
    done.await
}

/// Every file kept for `project`.
pub async fn all(project: u32) -> Result<Vec<File>, StoreError> {
    let db = open().await?;
    let tx = db.transaction_with_str(FILES).map_err(failed)?;
    let range = of_project(project)?;
    let request = tx
        .object_store(FILES)
        .and_then(|s| s.get_all_with_key(&range))
        .map_err(failed)?;
    let values: Array = wait(&request).await?.dyn_into().map_err(failed)?;
    Ok(values
        .iter()
        .filter_map(|v| v.dyn_into::<File>().ok())
        .collect())
}

/// Forget `project`'s file `name`.
pub async fn remove(project: u32, name: &str) -> Result<(), StoreError> {
    let (tx, store) = writing().await?;
    let done = committed(&tx);
    let request = store.delete(&key(project, name).into()).map_err(failed)?;
    wait(&request).await?;
    done.await
}

/// Forget every file of `project`.
pub async fn remove_project(project: u32) -> Result<(), StoreError> {
    let (tx, store) = writing().await?;
    let done = committed(&tx);
    let range = of_project(project)?;
    let request = store.delete(&range).map_err(failed)?;
    wait(&request).await?;
    done.await
}
