//! The projects' settings in localStorage (through gloo-storage), behind
//! core's [`KeyValue`]: all the rules (two copies, versions, other tabs)
//! are in `core::store`. Only settings are stored here, never customer
//! data; the files themselves are in IndexedDB (`file_store`).

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::core::store::{KeyValue, Opened, ProjectStore};

/// localStorage, or nothing when the browser has it switched off (some
/// private modes throw on access; gloo's `raw()` would then panic, so it
/// is only called once the storage is known to be there).
fn local() -> Option<web_sys::Storage> {
    let available = web_sys::window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
        .is_some();
    available.then(LocalStorage::raw)
}

/// The browser's words for a refused write ("QuotaExceededError: …").
pub(super) fn reason(err: &JsValue) -> String {
    use wasm_bindgen::JsCast;
    err.dyn_ref::<web_sys::DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "storage refused the write".to_string())
}

#[derive(Clone, Copy, Default)]
pub struct BrowserStore;

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let storage = local().ok_or_else(|| "localStorage is not available".to_string())?;
        storage.set_item(key, value).map_err(|err| reason(&err))
    }

    fn remove(&mut self, key: &str) {
        if let Some(storage) = local() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = local() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }
}

pub type Projects = ProjectStore<BrowserStore>;

/// Milliseconds since 1970.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Open the saved projects; `first_name` names a project made up now.
pub fn open_projects(first_name: &str) -> (Projects, Opened) {
    // A name for this tab in what it writes: its opening time and a random
    // part, so two tabs opened in the same millisecond still differ.
    let tab = format!("t{}-{}", now_ms(), (js_sys::Math::random() * 1e9) as u64);
    ProjectStore::open(BrowserStore, &tab, first_name, now_ms())
}
