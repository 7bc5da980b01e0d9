//! The user's projects: this one's name, opening another, starting a new
//! one, removing one; the storage the browser gives them; and "forget
//! everything". Opening another project opens the page again, which
//! restores it exactly as a reload does.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use super::file_store;
use super::i18n::{use_i18n, I18n};
use super::idb;
use super::notices::{reload_page, Notice};
use super::project_file::ProjectFileControls;
use super::recipe_link::RecipeLinkBox;
use super::snapshot_store;
use super::storage::now_ms;
use super::studio::Studio;
use crate::core::project::ProjectState;
use crate::core::store::{Catalog, SaveError};

/// A project's name as shown: its own, or "Project 3".
pub fn shown_name(catalog: &Catalog, id: u32, i18n: &I18n) -> String {
    catalog
        .entry(id)
        .map(|e| e.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| unnamed(id, i18n))
}

/// "Project 3": a project without a name of its own.
fn unnamed(id: u32, i18n: &I18n) -> String {
    i18n.t_args("projects.unnamed", &[("number", &i18n.count(id as usize))])
}

impl Studio {
    /// Say why the browser refused to save (other errors are said by the
    /// notices already shown); true when nothing was refused.
    pub(super) fn tell_refusal(self, result: Result<(), SaveError>) -> bool {
        match result {
            Ok(()) => true,
            Err(SaveError::Refused(reason)) => {
                self.notices
                    .update(|n| n.push(Notice::SaveFailed { reason }));
                false
            }
            Err(_) => false,
        }
    }

    pub fn rename_project(self, name: String) {
        let id = self.project_id;
        let result = self
            .projects
            .try_update_value(|p| p.rename(id, name.trim()))
            .unwrap_or(Ok(()));
        self.tell_refusal(result);
        self.catalog
            .set(self.projects.with_value(|p| p.catalog().clone()));
    }

    /// Open project `id` (the page opens again); false when the browser
    /// refused to note the switch, and this page stays.
    pub fn open_project(self, id: u32) -> bool {
        let result = self
            .projects
            .try_update_value(|p| p.switch(id))
            .unwrap_or(Ok(()));
        let switched = self.tell_refusal(result);
        if switched {
            reload_page();
        }
        switched
    }

    /// Make a project of `state` with `files` and open it (the page opens
    /// again and restores it). Every way a project starts goes through
    /// here: a new one, an imported one, a demo, a recipe's. A file the
    /// browser will not keep is asked for after the reload; Err only when
    /// the settings could not be saved.
    pub(super) async fn start_project(
        self,
        name: &str,
        state: &ProjectState,
        files: &[File],
    ) -> Result<(), SaveError> {
        let id = self
            .projects
            .try_update_value(|p| p.create(name, state, now_ms()))
            .unwrap_or(Err(SaveError::ReadOnly))?;
        for file in files {
            let _ = file_store::put(id, file).await;
        }
        reload_page();
        Ok(())
    }

    /// Start a new, empty project (in the same language) and open it.
    pub fn new_project(self, state: ProjectState) {
        spawn_local(async move {
            let started = self.start_project("", &state, &[]).await;
            self.tell_refusal(started);
        });
    }

    /// Remove this project, its settings and its kept files; another opens.
    pub fn delete_project(self) {
        let id = self.project_id;
        self.can_save.set(false);
        spawn_local(async move {
            let _ = file_store::remove_project(id).await;
            // Snapshots left behind would only be listed nowhere.
            let _ = snapshot_store::delete_project(id).await;
            let removed = self
                .projects
                .try_update_value(|p| p.delete(id))
                .unwrap_or(Ok(false));
            if matches!(removed, Ok(true)) {
                reload_page();
            } else {
                self.can_save.set(true);
            }
        });
    }

    /// Empty both stores — every project's settings (localStorage) and
    /// every kept file and snapshot (IndexedDB) — then open the page again,
    /// fresh.
    pub fn forget_everything(self) {
        self.can_save.set(false);
        self.projects.update_value(|p| p.forget_everything());
        spawn_local(async move {
            if let Err(err) = idb::delete_everything().await {
                if err != idb::StoreError::Unavailable {
                    self.notices.update(|n| {
                        n.push(Notice::SaveFailed {
                            reason: err.reason(),
                        })
                    });
                    return;
                }
            }
            reload_page();
        });
    }
}

/// What the browser says about its storage for this site.
#[derive(Debug, Clone, Copy, PartialEq)]
struct StorageFigures {
    used: f64,
    available: f64,
    persisted: bool,
}

async fn storage_figures() -> Option<StorageFigures> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate: web_sys::StorageEstimate = JsFuture::from(manager.estimate().ok()?)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let persisted = match manager.persisted() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    };
    Some(StorageFigures {
        used: estimate.get_usage().unwrap_or(0.0),
        available: estimate.get_quota().unwrap_or(0.0),
        persisted,
    })
}

/// Ask the browser not to clear this site's storage when space is short.
/// Browsers grant it only after the user did something on the page.
async fn ask_to_persist() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(promise) = window.navigator().storage().persist() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn megabytes(bytes: f64, i18n: &I18n) -> String {
    let mb = bytes / 1_000_000.0;
    i18n.decimal(mb, if mb < 10.0 { 1 } else { 0 })
}

/// `shown` changes when the section holding the line is opened.
#[component]
fn StorageLine(shown: ReadSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let studio = expect_context::<Studio>();
    let figures = RwSignal::new(None::<StorageFigures>);
    let refresh = move || spawn_local(async move { figures.set(storage_figures().await) });
    // Asked when it can be seen and when files came or went, not on
    // every change of the settings (they weigh next to nothing).
    Effect::new(move |_| {
        shown.track();
        studio.files_generation.track();
        refresh();
    });
    let persist = move |_| {
        spawn_local(async move {
            ask_to_persist().await;
            figures.set(storage_figures().await);
        })
    };
    view! {
        <p class="storage-line">
            {move || match figures.get() {
                Some(f) => i18n.t_args(
                    "projects.storage",
                    &[("used", &megabytes(f.used, &i18n)), ("available", &megabytes(f.available, &i18n))],
                ),
                None => i18n.t("projects.storage_unknown"),
            }}
            " "
            {move || match figures.get() {
                Some(f) if f.persisted => view! { <span>{i18n.t("projects.persisted")}</span> }.into_any(),
                Some(_) => view! {
                    <span>{i18n.t("projects.not_persisted")}</span>
                    " "
                    <button type="button" class="button secondary" on:click=persist>{i18n.t("projects.persist")}</button>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </p>
    }
}

/// A button that asks once more before doing something that cannot be
/// undone.
#[component]
fn ConfirmButton(
    label: &'static str,
    confirm: &'static str,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="button secondary danger" on:click=move |_| asking.set(true)>{move || i18n.t(label)}</button>
            }
        >
            <span class="confirm" role="group">
                <span>{move || i18n.t(confirm)}</span>
                " "
                <button type="button" class="button secondary danger" on:click=move |_| on_confirm.run(())>{move || i18n.t("projects.yes")}</button>
                <button type="button" class="button secondary" on:click=move |_| asking.set(false)>{move || i18n.t("projects.no")}</button>
            </span>
        </Show>
    }
}

#[component]
pub fn ProjectsPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let id = studio.project_id;
    let name = move || {
        studio
            .catalog
            .with(|c| c.entry(id).map(|e| e.name.clone()).unwrap_or_default())
    };
    let placeholder = move || unnamed(id, &i18n);
    let others = move || {
        studio.catalog.with(|c| {
            c.projects
                .iter()
                .filter(|p| p.id != id)
                .map(|p| (p.id, shown_name(c, p.id, &i18n)))
                .collect::<Vec<_>>()
        })
    };
    let (shown, set_shown) = signal(0u32);
    let new_project = move |_| {
        let lang = studio.project.with_untracked(|p| p.lang);
        studio.new_project(ProjectState {
            lang,
            ..ProjectState::default()
        });
    };
    view! {
        <section class="projects-panel" aria-labelledby="projects-heading">
            <h2 id="projects-heading" class="visually-hidden">{move || i18n.t("projects.heading")}</h2>
            <div class="project-bar">
                <label>
                    {move || i18n.t("projects.name")}
                    " "
                    <input
                        type="text"
                        prop:value=name
                        placeholder=placeholder
                        on:change=move |ev| studio.rename_project(event_target_value(&ev))
                    />
                </label>
                <Show when=move || !others().is_empty()>
                    <label>
                        {move || i18n.t("projects.open_other")}
                        " "
                        <select on:change=move |ev| {
                            if let Ok(other) = event_target_value(&ev).parse::<u32>() {
                                studio.open_project(other);
                            }
                        }>
                            <option value="" selected=true>{move || i18n.t("projects.choose")}</option>
                            {move || others().into_iter().map(|(other, label)| view! {
                                <option value=other.to_string()>{label}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
                <button type="button" class="button secondary" on:click=new_project>{move || i18n.t("projects.new")}</button>
            </div>
            <details class="project-more" on:toggle=move |_| set_shown.update(|n| *n = n.wrapping_add(1))>
                <summary>{move || i18n.t("projects.more")}</summary>
                <StorageLine shown=shown />
                <ProjectFileControls />
                <RecipeLinkBox />
                <div class="project-danger">
                    <Show when=move || !others().is_empty()>
                        <ConfirmButton
                            label="projects.delete"
                            confirm="projects.delete_confirm"
                            on_confirm=Callback::new(move |_| studio.delete_project())
                        />
                    </Show>
                    <ConfirmButton
                        label="projects.forget"
                        confirm="projects.forget_confirm"
                        on_confirm=Callback::new(move |_| studio.forget_everything())
                    />
                </div>
            </details>
        </section>
    }
}
