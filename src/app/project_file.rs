//! A project as one file (`core::store::bundle`): exported with or without
//! its data files, imported as a new project. The bytes never pass through
//! a server: the export is a Blob built from the header and the browser's
//! own File objects; the import slices the chosen file into Files again.

use js_sys::{Array, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, FilePropertyBag};

use super::download::download_blob;
use super::file_drop::chosen_files;
use super::i18n::{use_i18n, I18n};
use super::projects_panel::shown_name;
use super::storage::now_ms;
use super::studio::Studio;
use crate::core::store::{encode_header, read_header, BundleError, BundleFile, SaveError};

/// What went wrong with an export or import, said to the user.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    Bundle { file: String, error: BundleError },
    Unreadable { file: String },
    NotSaved { reason: String },
    Browser,
}

fn problem_text(problem: &Problem, i18n: &I18n) -> String {
    match problem {
        Problem::Bundle { file, error } => match error {
            BundleError::NotAProject | BundleError::NeedMore(_) => {
                i18n.t_args("project_file.not_a_project", &[("file", file)])
            }
            BundleError::Newer(found) => i18n.t_args(
                "project_file.newer",
                &[("file", file), ("found", &i18n.count(*found as usize))],
            ),
            BundleError::Damaged(reason) => i18n.t_args(
                "project_file.damaged",
                &[("file", file), ("reason", reason)],
            ),
            BundleError::Truncated { expected, found } => i18n.t_args(
                "project_file.truncated",
                &[
                    ("file", file),
                    ("expected", &i18n.count(*expected as usize)),
                    ("found", &i18n.count(*found as usize)),
                ],
            ),
        },
        Problem::Unreadable { file } => i18n.t_args("project_file.unreadable", &[("file", file)]),
        Problem::NotSaved { reason } => {
            i18n.t_args("project_file.not_saved", &[("reason", reason)])
        }
        Problem::Browser => i18n.t("project_file.browser"),
    }
}

/// The first `length` bytes of a Blob.
async fn bytes_of(blob: &Blob, length: f64) -> Option<Vec<u8>> {
    let part = blob.slice_with_f64_and_f64(0.0, length).ok()?;
    let buffer = JsFuture::from(part.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

impl Studio {
    /// The project's open files, in the project's order.
    fn file_handles(&self) -> Vec<File> {
        let mut handles: Vec<File> = self.file.get_value().into_iter().collect();
        handles.extend(self.beside_handles.get_value());
        handles
    }

    /// Offer the project as one file; with its data files when `with_data`.
    fn export_project(self, with_data: bool, i18n: I18n) -> Result<(), Problem> {
        let name = self
            .catalog
            .with_untracked(|c| shown_name(c, self.project_id, &i18n));
        let files = if with_data {
            self.file_handles()
        } else {
            Vec::new()
        };
        let listed: Vec<BundleFile> = files
            .iter()
            .map(|f| BundleFile {
                name: f.name(),
                size: f.size() as u64,
                last_modified: f.last_modified(),
            })
            .collect();
        let header = self
            .project
            .with_untracked(|p| encode_header(&name, p, &listed, now_ms()));
        let parts = Array::new();
        parts.push(&Uint8Array::from(header.as_slice()));
        for file in &files {
            parts.push(file);
        }
        let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|_| Problem::Browser)?;
        let file_name = format!("{}.nimrokh", name.replace(['/', '\\'], "-"));
        download_blob(&file_name, &blob)
            .then_some(())
            .ok_or(Problem::Browser)
    }

    /// Open a project file as a new project: its settings saved, its data
    /// files kept, then the page opens it.
    async fn import_project(self, chosen: File) -> Result<(), Problem> {
        let file = chosen.name();
        let total = chosen.size();
        let mut want = (1 << 16) as f64;
        let bundle = loop {
            let start = bytes_of(&chosen, want.min(total))
                .await
                .ok_or_else(|| Problem::Unreadable { file: file.clone() })?;
            match read_header(&start, total as u64) {
                Err(BundleError::NeedMore(more)) if (more as f64) > want && want < total => {
                    want = more as f64
                }
                Err(error) => return Err(Problem::Bundle { file, error }),
                Ok(bundle) => break bundle,
            }
        };
        let mut files = Vec::with_capacity(bundle.files.len());
        let mut at = bundle.data_start as f64;
        for listed in &bundle.files {
            let end = at + listed.size as f64;
            let part = chosen
                .slice_with_f64_and_f64(at, end)
                .map_err(|_| Problem::Browser)?;
            at = end;
            let options = FilePropertyBag::new();
            options.set_last_modified(listed.last_modified);
            let inner = File::new_with_blob_sequence_and_options(
                &Array::of1(&part),
                &listed.name,
                &options,
            )
            .map_err(|_| Problem::Browser)?;
            files.push(inner);
        }
        self.start_project(&bundle.name, &bundle.project, &files)
            .await
            .map_err(|err| Problem::NotSaved {
                reason: match err {
                    SaveError::Refused(reason) => reason,
                    _ => String::new(),
                },
            })
    }
}

#[component]
pub fn ProjectFileControls() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let with_data = RwSignal::new(true);
    let problem = RwSignal::new(None::<Problem>);
    let export = move |_| problem.set(studio.export_project(with_data.get_untracked(), i18n).err());
    let import = move |ev: web_sys::Event| {
        let Some(chosen) = chosen_files(&ev).into_iter().next() else {
            return;
        };
        spawn_local(async move {
            problem.set(studio.import_project(chosen).await.err());
        });
    };
    view! {
        <div class="project-file">
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || with_data.get()
                    on:change=move |ev| with_data.set(event_target_checked(&ev))
                />
                " "
                {move || i18n.t("project_file.with_data")}
            </label>
            " "
            <button type="button" class="button secondary" on:click=export>{move || i18n.t("project_file.export")}</button>
            " "
            <label for="project-import" class="button">{move || i18n.t("project_file.import")}</label>
            <input id="project-import" class="visually-hidden" type="file" accept=".nimrokh" on:change=import />
            <p class="hint">{move || i18n.t("project_file.hint")}</p>
            {move || problem.get().map(|p| view! { <p class="load-status error" role="alert">{problem_text(&p, &i18n)}</p> })}
        </div>
    }
}
