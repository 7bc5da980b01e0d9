//! Messages about the project itself: a file that must be chosen again, a
//! save that could not be read or written, another tab's changes, storage
//! the browser refuses. Each says what happened and what is still safe;
//! some offer the way out as a button.

use leptos::prelude::*;

use super::i18n::{use_i18n, I18n};
use super::studio::Studio;

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    FileMissing {
        name: String,
    },
    Corrupt,
    /// The newest save did not read back; the one saved then is open.
    FellBack {
        saved_ms: f64,
    },
    /// The list of projects did not read back and was made again.
    CatalogRebuilt,
    NewerFormat {
        found: u32,
    },
    /// The list of projects is from a newer build: it is not changed here.
    CatalogNewer,
    SaveFailed {
        reason: String,
    },
    /// Another tab saved this project; saving here waits for the user.
    OtherTab {
        saved_ms: f64,
    },
    /// A file could not be kept in IndexedDB.
    FileNotKept {
        name: String,
        reason: String,
    },
    /// A demo link's files are being fetched.
    DemoOpening,
    /// A demo's files are not on the site.
    DemoMissing,
    RecipeUnreadable,
    /// A recipe link waits for a file with these columns.
    RecipeWaiting {
        columns: Vec<String>,
    },
    /// The file chosen for a recipe lacks these columns.
    RecipeMissing {
        columns: Vec<String>,
    },
}

/// A time in the page's language ("24/11/2026, 10:05").
pub fn local_time(ms: f64, i18n: &I18n) -> String {
    let date = js_sys::Date::new(&ms.into());
    let locale = i18n.lang.get().code();
    date.to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default()
}

fn text(notice: &Notice, i18n: &I18n) -> String {
    match notice {
        Notice::FileMissing { name } => i18n.t_args("restore.missing", &[("name", name)]),
        Notice::Corrupt => i18n.t("restore.corrupt"),
        Notice::FellBack { saved_ms } => i18n.t_args(
            "restore.fell_back",
            &[("time", &local_time(*saved_ms, i18n))],
        ),
        Notice::CatalogRebuilt => i18n.t("restore.catalog_rebuilt"),
        Notice::NewerFormat { found } => {
            i18n.t_args("restore.newer", &[("found", &i18n.count(*found as usize))])
        }
        Notice::CatalogNewer => i18n.t("restore.catalog_newer"),
        Notice::SaveFailed { reason } => i18n.t_args("restore.save_failed", &[("reason", reason)]),
        Notice::OtherTab { saved_ms } => i18n.t_args(
            "restore.other_tab",
            &[("time", &local_time(*saved_ms, i18n))],
        ),
        Notice::FileNotKept { name, reason } => i18n.t_args(
            "restore.file_not_kept",
            &[("name", name), ("reason", reason)],
        ),
        Notice::DemoOpening => i18n.t("links.demo_opening"),
        Notice::DemoMissing => i18n.t("links.demo_missing"),
        Notice::RecipeUnreadable => i18n.t("links.recipe_unreadable"),
        Notice::RecipeWaiting { columns } => {
            i18n.t_args("links.recipe_waiting", &[("columns", &quoted(columns))])
        }
        Notice::RecipeMissing { columns } => {
            i18n.t_args("links.recipe_missing", &[("columns", &quoted(columns))])
        }
    }
}

/// Header names as a list in the message ("“age”, “income”").
fn quoted(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| format!("“{c}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The buttons a notice offers.
fn actions(notice: &Notice, studio: Studio, i18n: I18n) -> AnyView {
    match notice {
        Notice::OtherTab { .. } => view! {
            <button type="button" class="button secondary" on:click=move |_| reload_page()>
                {move || i18n.t("restore.open_theirs")}
            </button>
            <button type="button" class="button secondary" on:click=move |_| studio.save_now(true)>
                {move || i18n.t("restore.keep_mine")}
            </button>
        }
        .into_any(),
        Notice::SaveFailed { .. } => view! {
            <button type="button" class="button secondary" on:click=move |_| studio.save_now(false)>
                {move || i18n.t("restore.try_again")}
            </button>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// Open the page again (another tab's version, another project).
pub fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || {
                studio
                    .notices
                    .get()
                    .iter()
                    .map(|notice| {
                        view! {
                            <p class="notice">
                                <span>{text(notice, &i18n)}</span>
                                {actions(notice, studio, i18n)}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
