//! Saving the project's settings in localStorage (through gloo-storage).
//! Only settings are stored here, never customer data.

use gloo_storage::{LocalStorage, Storage};

use crate::core::project::{decode, encode, ProjectState, Restored};

const PROJECT_KEY: &str = "nimrokh.project";
/// Where an unreadable save is moved, so a fresh start never destroys it.
const CORRUPT_KEY: &str = "nimrokh.project.unreadable";

pub fn load_project() -> Restored {
    let raw = LocalStorage::raw().get_item(PROJECT_KEY).ok().flatten();
    let restored = decode(raw.as_deref());
    if let (Restored::Corrupt { .. }, Some(text)) = (&restored, raw) {
        // Best effort: if this fails too, the original key is still untouched
        // because nothing is written over it until the next successful save.
        let _ = LocalStorage::raw().set_item(CORRUPT_KEY, &text);
    }
    restored
}

/// Save the settings; the error text is shown to the user (for example when
/// storage is full or disabled).
pub fn save_project(state: &ProjectState) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(PROJECT_KEY, &encode(state))
        .map_err(|err| {
            err.as_string()
                .or_else(|| {
                    js_sys::Reflect::get(&err, &"message".into())
                        .ok()
                        .and_then(|m| m.as_string())
                })
                .unwrap_or_else(|| "storage refused the write".to_string())
        })
}
