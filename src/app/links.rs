//! Links that open something: `#demo=shop` opens a built-in demo shop on
//! its finished analysis; `#recipe=…` carries an analysis's settings (no
//! data: `core::store::recipe`) and applies them to the file the user
//! chooses. Both become projects of their own, so the user's current work
//! is never changed by a link.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, FilePropertyBag};

use super::notices::Notice;
use super::studio::Studio;
use crate::core::demo::{demo, Demo, DEMO_FILES};
use crate::core::i18n::tr;
use crate::core::project::ProjectState;
use crate::core::store::{
    apply_recipe, needed_columns, read_recipe, recipe_of, recipe_text, Recipe,
};

/// What the page's address asks for.
enum Asked {
    Nothing,
    Demo(Demo),
    Recipe(String),
}

fn asked() -> Asked {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let hash = hash.trim_start_matches('#');
    if let Some(id) = hash.strip_prefix("demo=") {
        return demo(id).map_or(Asked::Nothing, Asked::Demo);
    }
    if let Some(encoded) = hash.strip_prefix("recipe=") {
        let text = js_sys::decode_uri_component(encoded)
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        return Asked::Recipe(text);
    }
    Asked::Nothing
}

/// Take the link's request out of the address, so a reload does not open
/// it again.
fn clear_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let plain = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&plain));
    }
}

/// The page's address with `#recipe=` and the open file's recipe.
pub fn recipe_link(state: &ProjectState) -> String {
    let encoded: String = js_sys::encode_uri_component(&recipe_text(&recipe_of(state))).into();
    let base = web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}#recipe={encoded}")
}

/// One demo file fetched from the site itself (same origin: the CSP allows
/// nothing else).
async fn fetch_file(url: &str, name: &str) -> Option<File> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let blob: Blob = JsFuture::from(response.blob().ok()?)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    File::new_with_blob_sequence_and_options(
        &js_sys::Array::of1(&blob),
        name,
        &FilePropertyBag::new(),
    )
    .ok()
}

impl Studio {
    /// Act on the page's link, if it asks for something. `at_start`: the
    /// page has just opened, and restores its project's files unless the
    /// link opens another project (no file is read only to be dropped by
    /// the reload).
    pub fn follow_link(self, at_start: bool) {
        let stay = move || {
            if at_start {
                self.restore_files();
            }
        };
        match asked() {
            Asked::Nothing => stay(),
            Asked::Demo(demo) => spawn_local(async move {
                if !self.open_demo(demo).await {
                    stay();
                }
            }),
            Asked::Recipe(text) => self.take_recipe(&text, stay),
        }
    }

    /// A demo opens as a project of its own (the same one each time its
    /// link is opened), its files kept like any others. False when it
    /// could not, and this page stays.
    async fn open_demo(self, demo: Demo) -> bool {
        let name = tr(demo.lang, &format!("demo.name.{}", demo.id));
        let existing = self
            .catalog
            .with_untracked(|c| c.projects.iter().find(|p| p.name == name).map(|p| p.id));
        clear_hash();
        if let Some(id) = existing {
            return self.open_project(id);
        }
        self.notices.update(|n| n.push(Notice::DemoOpening));
        let mut files = Vec::new();
        for file in DEMO_FILES {
            match fetch_file(&demo.file_url(file), file).await {
                Some(found) => files.push(found),
                None => {
                    self.notices.update(|n| {
                        n.retain(|n| *n != Notice::DemoOpening);
                        n.push(Notice::DemoMissing);
                    });
                    return false;
                }
            }
        }
        let sizes = std::array::from_fn(|i| files.get(i).map_or(0, |f| f.size() as u64));
        let started = self
            .start_project(&name, &demo.project(sizes), &files)
            .await;
        if started.is_err() {
            self.notices
                .update(|n| n.retain(|n| *n != Notice::DemoOpening));
            self.tell_refusal(started);
            return false;
        }
        true
    }

    /// A recipe waits for the file it is for, in a project of its own: the
    /// open project is left alone when it has files.
    /// `stay` runs when this page keeps its project.
    fn take_recipe(self, text: &str, stay: impl FnOnce() + 'static) {
        let recipe = match read_recipe(text) {
            Ok(recipe) => recipe,
            Err(_) => {
                clear_hash();
                self.notices.update(|n| n.push(Notice::RecipeUnreadable));
                stay();
                return;
            }
        };
        let busy = self.project.with_untracked(|p| p.file.is_some());
        if busy {
            // Keep the link in the address: the new project takes it up.
            let state = ProjectState {
                lang: recipe.lang,
                ..ProjectState::default()
            };
            spawn_local(async move {
                let started = self.start_project("", &state, &[]).await;
                if !self.tell_refusal(started) {
                    stay();
                }
            });
            return;
        }
        self.project.update(|p| p.lang = recipe.lang);
        self.notices.update(|n| {
            n.push(Notice::RecipeWaiting {
                columns: needed_columns(&recipe),
            })
        });
        self.pending_recipe.set_value(Some(recipe));
        stay();
    }

    /// The file the recipe waited for is open: put its settings in the
    /// project (the panels then make its segments); say which columns it
    /// lacked, if any.
    pub(super) fn apply_pending_recipe(self, headers: &[String]) -> bool {
        let Some(recipe) = self.pending_recipe.get_value() else {
            return false;
        };
        self.pending_recipe.set_value(None::<Recipe>);
        clear_hash();
        let file = self
            .project
            .with_untracked(|p| p.file.as_ref().map(|f| f.name.clone()))
            .unwrap_or_default();
        let mut missing = Vec::new();
        self.project
            .update(|p| missing = apply_recipe(&recipe, p, &file, headers));
        self.notices.update(|n| {
            n.retain(|n| !matches!(n, Notice::RecipeWaiting { .. }));
            if !missing.is_empty() {
                n.push(Notice::RecipeMissing { columns: missing });
            }
        });
        true
    }
}
