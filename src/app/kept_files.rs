//! The project's files kept in the browser (IndexedDB, `file_store`): each
//! file is kept once it has been read, forgotten when it leaves the
//! project, and read back when the page opens, so a reload restores the
//! whole project without asking for anything.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::file_store;
use super::notices::Notice;
use super::studio::Studio;

fn identity(file: &File) -> (String, u64, f64) {
    (file.name(), file.size() as u64, file.last_modified())
}

impl Studio {
    /// Open the project's files as it had them: the open one first, each
    /// with its saved reading options. A file the browser did not keep is
    /// asked for.
    pub fn restore_files(self) {
        let names = self.project.with_untracked(|p| p.file_names());
        if names.is_empty() {
            return;
        }
        spawn_local(async move {
            let mut kept = file_store::all(self.project_id).await.unwrap_or_default();
            // The project's order (the open file first); files it no longer
            // names are left alone.
            kept.retain(|f| names.contains(&f.name()));
            kept.sort_by_key(|f| names.iter().position(|n| *n == f.name()));
            let missing: Vec<String> = names
                .iter()
                .filter(|n| !kept.iter().any(|f| f.name() == **n))
                .cloned()
                .collect();
            self.notices.update(|notices| {
                notices.extend(missing.into_iter().map(|name| Notice::FileMissing { name }))
            });
            for file in kept {
                let Some((place, options)) = self.known_place(&file) else {
                    continue;
                };
                self.kept_files
                    .update_value(|kept| kept.push(identity(&file)));
                if !self.load(file, options, place).await {
                    break;
                }
            }
        });
    }

    /// Keep a file just read, unless it is kept already.
    pub(super) fn keep_file(self, file: &File) {
        let id = identity(file);
        if self.kept_files.with_value(|kept| kept.contains(&id)) {
            return;
        }
        let file = file.clone();
        let project = self.project_id;
        spawn_local(async move {
            let result = file_store::put(project, &file).await;
            self.notices.update(|notices| {
                notices.retain(
                    |n| !matches!(n, Notice::FileNotKept { name, .. } if *name == file.name()),
                );
                if let Err(err) = &result {
                    notices.push(Notice::FileNotKept {
                        name: file.name(),
                        reason: err.reason(),
                    });
                }
            });
            if result.is_ok() {
                self.kept_files.update_value(|kept| {
                    kept.retain(|k| k.0 != id.0);
                    kept.push(id);
                });
            }
        });
    }

    /// Forget a file that left the project.
    pub(super) fn unkeep_file(self, name: String) {
        self.kept_files
            .update_value(|kept| kept.retain(|k| k.0 != name));
        let project = self.project_id;
        spawn_local(async move {
            // Nothing to tell: a file that stays stored by mistake is
            // overwritten or ignored (restore only reads named files).
            let _ = file_store::remove(project, &name).await;
        });
    }
}
