//! Where files come in: drag and drop onto the zone, or the file button
//! (one file, or several at once: a customers file with its transactions).

use leptos::prelude::*;
use web_sys::{DragEvent, File};

use super::i18n::use_i18n;
use super::studio::{LoadError, LoadStatus, Studio};
use crate::core::i18n::describe_ingest_error;

#[component]
pub fn FileDrop(on_files: impl Fn(Vec<File>) + Copy + 'static) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let dragging = RwSignal::new(false);
    let not_a_file = RwSignal::new(false);

    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .map(|list| files_of(&list))
            .unwrap_or_default();
        not_a_file.set(files.is_empty());
        if !files.is_empty() {
            on_files(files);
        }
    };
    let on_dragover = move |ev: DragEvent| {
        // Without this the browser would open the file itself.
        ev.prevent_default();
        dragging.set(true);
    };
    let on_change = move |ev: web_sys::Event| {
        let files = chosen_files(&ev);
        if !files.is_empty() {
            on_files(files);
        }
    };

    let status_text = move || match studio.status.get() {
        // Loading is shown by the progress bar (load_progress.rs).
        LoadStatus::Idle | LoadStatus::Loading { .. } => String::new(),
        LoadStatus::Cancelled { name } => i18n.t_args("status.cancelled", &[("name", &name)]),
        LoadStatus::Failed { name, error } => {
            let reason = match error {
                LoadError::Ingest(err) => describe_ingest_error(i18n.lang.get(), &err),
                LoadError::Browser => i18n.t("error.read_failed"),
            };
            i18n.t_args("status.error", &[("name", &name), ("reason", &reason)])
        }
    };
    let failed = move || matches!(studio.status.get(), LoadStatus::Failed { .. });

    view! {
        <section
            class="drop-zone"
            class:dragging=move || dragging.get()
            aria-labelledby="drop-title"
            on:dragover=on_dragover
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2 id="drop-title">
                {move || if dragging.get() { i18n.t("drop.active") } else { i18n.t("drop.title") }}
            </h2>
            <p>
                <span>{move || i18n.t("drop.or")}</span>
                " "
                <label for="file-input" class="button">{move || i18n.t("drop.choose")}</label>
                <input
                    id="file-input"
                    class="visually-hidden"
                    type="file"
                    multiple
                    accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    on:change=on_change
                />
            </p>
            <p class="hint">{move || i18n.t("drop.hint")}</p>
            <p class="load-status" class:error=failed role="status" aria-live="polite">
                {status_text}
                {move || not_a_file.get().then(|| i18n.t("status.not_a_file"))}
            </p>
        </section>
    }
}

/// The files of a drop or a file input, in their order.
fn files_of(list: &web_sys::FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files a file input's `change` carries; the input is emptied so that
/// choosing the same file again fires `change` again.
pub fn chosen_files(ev: &web_sys::Event) -> Vec<File> {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let files = input
        .files()
        .map(|list| files_of(&list))
        .unwrap_or_default();
    input.set_value("");
    files
}
