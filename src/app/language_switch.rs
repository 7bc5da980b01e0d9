//! The language switch: each language named in itself.

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::studio::Studio;
use crate::core::i18n::Lang;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let on_change = move |ev| {
        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
            studio.project.update(|p| p.lang = lang);
        }
    };
    view! {
        <label class="language-switch">
            <span>{move || i18n.t("lang.label")}</span>
            <select on:change=on_change prop:value=move || i18n.lang.get().code()>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.code() lang=lang.code()>
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
