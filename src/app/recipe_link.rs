//! "Make a recipe link": the open file's analysis settings in the page's
//! address (`links::recipe_link`), shown so the user can see and copy it.

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::links::recipe_link;
use super::studio::Studio;

#[component]
pub fn RecipeLinkBox() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let link = RwSignal::new(None::<String>);
    let make = move |_| link.set(Some(studio.project.with_untracked(recipe_link)));
    let copy = move |_| {
        if let (Some(text), Some(window)) = (link.get_untracked(), web_sys::window()) {
            // Needs a secure page (https or localhost); the link stays
            // shown for copying by hand otherwise.
            let _ = window.navigator().clipboard().write_text(&text);
        }
    };
    view! {
        <Show when=move || studio.loaded.with(Option::is_some)>
            <div class="recipe-link">
                <button type="button" class="button secondary" on:click=make>{move || i18n.t("recipe.make")}</button>
                {move || link.get().map(|text| view! {
                    <label class="field">
                        <span>{move || i18n.t("recipe.link")}</span>
                        <input type="text" readonly=true dir="ltr" prop:value=text />
                    </label>
                    <button type="button" class="button secondary" on:click=copy>{move || i18n.t("recipe.copy")}</button>
                })}
                <p class="hint">{move || i18n.t("recipe.hint")}</p>
            </div>
        </Show>
    }
}
