//! Editing a persona: its name, description, goals, pain points, notes
//! and picture (a local image, downscaled). Each change is saved in the
//! project at once, keyed by the persona's segment.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::i18n::use_i18n;
use super::persona_picture::downscale_picture;
use super::studio::Studio;
use crate::core::persona::{change_edit, PersonaEdit, PersonaKey};

/// Save a change to the persona `key` (whose segment has `size` now).
pub fn save_edit(
    studio: Studio,
    key: PersonaKey,
    size: usize,
    change: impl FnOnce(&mut PersonaEdit),
) {
    studio
        .project
        .update(|p| change_edit(&mut p.persona_edits, key, size, change));
}

#[component]
pub fn PersonaEditor(
    key: PersonaKey,
    size: usize,
    /// The name and description shown now (the generated ones unless
    /// edited), to start the fields from.
    name: String,
    description: String,
    edit: Option<PersonaEdit>,
) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let picture_failed = RwSignal::new(false);
    let edit = edit.unwrap_or_else(|| PersonaEdit::new(key, size));
    let generated_description = edit.description.is_none();
    let has_picture = edit.picture.is_some();
    let text_field =
        move |label: &'static str, value: String, set: fn(&mut PersonaEdit, String)| {
            view! {
                <label class="persona-field">
                    <span>{move || i18n.t(label)}</span>
                    <textarea
                        rows="2"
                        prop:value=value
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            save_edit(studio, key, size, |e| set(e, text));
                        }
                    ></textarea>
                </label>
            }
        };
    let choose_picture = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        downscale_picture(&file, move |picture| match picture {
            Some(picture) => {
                picture_failed.set(false);
                save_edit(studio, key, size, |e| e.picture = Some(picture));
            }
            None => picture_failed.set(true),
        });
    };
    view! {
        <div class="persona-editor">
            <label class="persona-field">
                <span>{move || i18n.t("personas.name")}</span>
                <input
                    type="text"
                    prop:value=name
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        save_edit(studio, key, size, |e| e.name = Some(text));
                    }
                />
            </label>
            <label class="persona-field">
                <span>{move || i18n.t("personas.description")}</span>
                <textarea
                    rows="4"
                    prop:value=if generated_description { String::new() } else { description }
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        save_edit(studio, key, size, |e| e.description = Some(text));
                    }
                ></textarea>
                <small class="hint">{move || i18n.t("personas.description_hint")}</small>
            </label>
            {text_field("personas.goals", edit.goals.clone(), |e, t| e.goals = t)}
            {text_field("personas.pain_points", edit.pain_points.clone(), |e, t| e.pain_points = t)}
            {text_field("personas.notes", edit.notes.clone(), |e, t| e.notes = t)}
            <label class="persona-field">
                <span>{move || i18n.t("personas.picture")}</span>
                <input type="file" accept="image/png,image/jpeg,image/webp,image/gif" on:change=choose_picture />
            </label>
            <Show when=move || picture_failed.get()>
                <p class="error" role="alert">{move || i18n.t("personas.picture_failed")}</p>
            </Show>
            <Show when=move || has_picture>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| save_edit(studio, key, size, |e| e.picture = None)
                >{move || i18n.t("personas.picture_reset")}</button>
            </Show>
        </div>
    }
}
