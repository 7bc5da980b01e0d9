//! Autosave: every change to the project's settings is written at once
//! (core::store keeps two copies, so a broken write loses nothing). A save
//! that finds another tab's newer one stops and asks the user; a refused
//! one says why and is tried again with the next change.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::notices::Notice;
use super::storage::now_ms;
use super::studio::Studio;
use crate::core::store::{is_copy_of, SaveError};

impl Studio {
    /// Save the settings now; `over_other_tab` when the user chose to keep
    /// this tab's version over another tab's.
    pub fn save_now(self, over_other_tab: bool) {
        if !self.can_save.get_untracked() {
            return;
        }
        let known = self.revision.get_value();
        let id = self.project_id;
        let result = self.project.with_untracked(|state| {
            self.projects.try_update_value(|projects| {
                projects.save(id, state, known, over_other_tab, now_ms())
            })
        });
        let Some(result) = result else { return };
        self.notices.update(|notices| {
            notices.retain(|n| !matches!(n, Notice::SaveFailed { .. }));
            if over_other_tab || result.is_ok() {
                notices.retain(|n| !matches!(n, Notice::OtherTab { .. }));
            }
            match &result {
                Err(SaveError::Refused(reason)) => notices.push(Notice::SaveFailed {
                    reason: reason.clone(),
                }),
                Err(SaveError::OtherTab { saved_ms })
                    if !notices.iter().any(|n| matches!(n, Notice::OtherTab { .. })) =>
                {
                    notices.push(Notice::OtherTab {
                        saved_ms: *saved_ms,
                    })
                }
                _ => {}
            }
        });
        if let Ok(revision) = result {
            self.revision.set_value(revision);
            self.catalog
                .set(self.projects.with_value(|p| p.catalog().clone()));
        }
    }

    /// Another tab wrote this project: say so before this tab's next save
    /// is refused.
    fn other_tab_saved(self, key: &str) {
        if !is_copy_of(key, self.project_id) {
            return;
        }
        let stored = self
            .projects
            .with_value(|p| p.stored_revision(self.project_id));
        if stored > self.revision.get_value() {
            self.notices.update(|notices| {
                if !notices.iter().any(|n| matches!(n, Notice::OtherTab { .. })) {
                    notices.push(Notice::OtherTab { saved_ms: now_ms() });
                }
            });
        }
    }
}

/// Save on every change of the settings (not on opening: a first visit
/// writes nothing until the user does something), and watch other tabs.
pub fn start_autosave(studio: Studio) {
    Effect::new(move |first: Option<()>| {
        studio.project.track();
        if first.is_some() {
            studio.save_now(false);
        }
    });
    let on_storage =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if let Some(key) = event.key() {
                studio.other_tab_saved(&key);
            }
        });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    // The page's life.
    on_storage.forget();
}
