//! The project's files beside the open one: adding them, opening one of
//! them instead, taking one out. The engine holds the tables; the page
//! holds their summaries and, in the saved project, each file's settings.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::notices::Notice;
use super::studio::{default_chart_column, BesideFile, LoadStatus, Studio};
use crate::core::ingest::LoadOptions;
use crate::core::project::{FileRef, FileSettings};
use crate::engine::{FilePlace, Request, Response, TableSummary};

impl Studio {
    /// Files the user adds to the project: each joins it beside the open
    /// file (one of the same name as the open file is read again there).
    pub fn add_files(self, files: Vec<File>) {
        spawn_local(async move {
            for file in files {
                let (place, options) = self
                    .known_place(&file)
                    .unwrap_or((FilePlace::Beside, LoadOptions::default()));
                if !self.load(file, options, place).await {
                    break;
                }
            }
        });
    }

    /// A file loaded beside the open one: remembered in the project (its
    /// saved settings kept when it was there before) and listed.
    pub(super) fn finish_beside(self, file: File, options: LoadOptions, summary: TableSummary) {
        let name = file.name();
        let size = file.size() as u64;
        self.project.update(|p| {
            let settings = match p.beside.iter().find(|f| f.file.name == name) {
                Some(saved) => FileSettings {
                    file: FileRef {
                        name: name.clone(),
                        size,
                    },
                    load_options: options,
                    ..saved.clone()
                },
                None => FileSettings::new(
                    FileRef {
                        name: name.clone(),
                        size,
                    },
                    options,
                ),
            };
            p.add_beside(settings);
        });
        self.beside.update(|beside| {
            beside.retain(|b| b.name != name);
            beside.push(BesideFile {
                name: name.clone(),
                summary,
            });
        });
        self.keep_file(&file);
        self.beside_handles.update_value(|handles| {
            handles.retain(|h| h.name() != name);
            handles.push(file);
        });
        self.forget_missing(&name);
        self.files_generation.update(|g| *g = g.wrapping_add(1));
        self.status.set(LoadStatus::Idle);
    }

    /// Open file `name` of the project instead of the one open now, which
    /// stays beside it; each keeps its own fixes, corrections and chart.
    pub fn open_beside_file(self, name: String) {
        spawn_local(async move {
            let Response::Loaded(mut summary) =
                self.ask(Request::OpenFile { file: name.clone() }).await
            else {
                return;
            };
            let previous = self.project.with_untracked(|p| p.file.clone());
            let previous_summary = self
                .loaded
                .with_untracked(|l| l.as_ref().map(|l| l.summary.clone()));
            self.project.update(|p| {
                p.open_beside(&name);
            });
            self.sync_fixes(&mut summary, true).await;
            self.apply_saved_choices(&mut summary).await;
            self.project.update(|p| {
                let kept = p
                    .chart_column
                    .take()
                    .filter(|col| summary.columns.iter().any(|c| &c.name == col));
                p.chart_column = kept.or_else(|| default_chart_column(&summary));
            });
            self.swap_handles(&name);
            self.beside.update(|beside| {
                beside.retain(|b| b.name != name);
                if let (Some(previous), Some(summary)) = (previous, previous_summary) {
                    beside.push(BesideFile {
                        name: previous.name,
                        summary,
                    });
                }
            });
            self.show_open(summary);
        });
    }

    /// The opened file's handle becomes the open one; the previous goes
    /// beside.
    fn swap_handles(&self, name: &str) {
        let mut chosen = None;
        self.beside_handles.update_value(|handles| {
            if let Some(at) = handles.iter().position(|h| h.name() == name) {
                chosen = Some(handles.remove(at));
            }
        });
        let previous = self.file.get_value();
        self.file.set_value(chosen);
        if let Some(previous) = previous {
            self.beside_handles
                .update_value(|handles| handles.push(previous));
        }
    }

    /// Take a file beside the open one out of the project.
    pub fn remove_beside_file(self, name: String) {
        spawn_local(async move {
            self.ask(Request::RemoveFile { file: name.clone() }).await;
            self.project.update(|p| p.remove_file(&name));
            self.beside
                .update(|beside| beside.retain(|b| b.name != name));
            self.beside_handles
                .update_value(|handles| handles.retain(|h| h.name() != name));
            self.forget_missing(&name);
            self.unkeep_file(name);
            self.files_generation.update(|g| *g = g.wrapping_add(1));
        });
    }

    /// File `name` is here (or gone for good): stop asking for it.
    pub(super) fn forget_missing(&self, name: &str) {
        self.notices.update(|notices| {
            notices
                .retain(|n| !matches!(n, Notice::FileMissing { name: missing } if missing == name))
        });
    }
}
