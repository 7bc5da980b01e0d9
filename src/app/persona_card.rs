//! A persona card: picture, name, the description in the UI language,
//! the figures (who they are, what they do, what they say, what they are
//! worth) with their share of customers against their share of revenue,
//! their comments quoted as text, the user's goals, pain points and notes,
//! and the buttons to edit it and save it as a PNG. User text is only
//! ever rendered as text; the picture is an `<img>` of a data: URL.

use leptos::prelude::*;

use super::i18n::{use_i18n, I18n};
use super::persona_editor::PersonaEditor;
use super::persona_png::{save_card_png, PngCard};
use super::persona_view::{Persona, PersonaShown};
use super::studio::Studio;
use crate::core::i18n::Direction;
use crate::core::persona::{CardLine, Figure};

/// The titled groups of a card's figures, in the card's order.
pub fn figure_groups(i18n: I18n, shown: &PersonaShown) -> Vec<(String, Vec<CardLine>)> {
    let f = &shown.figures;
    [
        ("personas.group.demographics", &f.demographics),
        ("personas.group.behaviour", &f.behaviour),
        ("personas.group.feedback", &f.feedback),
        ("personas.group.value", &f.value),
    ]
    .into_iter()
    .filter(|(_, lines)| !lines.is_empty())
    .map(|(key, lines)| (i18n.t(key), lines.clone()))
    .collect()
}

/// The user's free texts, titled (empty ones left out).
pub fn persona_texts(i18n: I18n, shown: &PersonaShown) -> Vec<(String, String)> {
    let Some(edit) = &shown.edit else {
        return Vec::new();
    };
    [
        ("personas.goals", &edit.goals),
        ("personas.pain_points", &edit.pain_points),
        ("personas.notes", &edit.notes),
    ]
    .into_iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .map(|(key, text)| (i18n.t(key), text.clone()))
    .collect()
}

/// "Share of customers: 40%" and, with a money column, of revenue.
pub fn share_bars(i18n: I18n, persona: &Persona) -> Vec<(String, f64)> {
    let lang = i18n.lang.get_untracked();
    let mut bars = vec![(
        i18n.t_args(
            "personas.bar.customers",
            &[("share", &Figure::percent(persona.facts.share, lang).shown)],
        ),
        persona.facts.share,
    )];
    if let Some(share) = persona.facts.revenue.as_ref().and_then(|r| r.revenue_share) {
        bars.push((
            i18n.t_args(
                "personas.bar.revenue",
                &[("share", &Figure::percent(share, lang).shown)],
            ),
            share,
        ));
    }
    bars
}

/// The note on a persona whose segment changed a lot since it was edited.
pub fn changed_note(i18n: I18n, persona: &Persona, shown: &PersonaShown) -> Option<String> {
    shown.changed_from.map(|then| {
        i18n.t_args(
            "personas.changed",
            &[
                ("then", &i18n.count(then)),
                ("now", &i18n.count(persona.facts.size)),
            ],
        )
    })
}

#[component]
pub fn PersonaCard(persona: Persona, file_stem: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let export_failed = RwSignal::new(false);
    let persona = StoredValue::new(persona);
    let shown = Memo::new(move |_| {
        let lang = i18n.lang.get();
        studio
            .project
            .with(|p| persona.with_value(|persona| persona.shown(lang, &p.persona_edits)))
    });
    let dir = move || match i18n.lang.get().direction() {
        Direction::Rtl => "rtl",
        Direction::Ltr => "ltr",
    };
    let segment = persona.with_value(|p| p.facts.segment);
    let save_png = move |_| {
        let s = shown.get_untracked();
        let mut lines: Vec<String> = figure_groups(i18n, &s)
            .into_iter()
            .flat_map(|(_, lines)| lines)
            .map(|l| format!("{}: {}", l.label, l.value))
            .collect();
        lines.extend(
            persona_texts(i18n, &s)
                .into_iter()
                .map(|(t, x)| format!("{t}: {x}")),
        );
        let card = PngCard {
            name: s.name.clone(),
            picture: s.picture.clone(),
            description: s.description.clone(),
            lines,
            rtl: i18n.lang.get_untracked().direction() == Direction::Rtl,
        };
        let file_name = format!("{}-persona-{}.png", file_stem, segment + 1);
        save_card_png(file_name, card, move |ok| export_failed.set(!ok));
    };
    view! {
        <article class="persona-card" dir=dir data-segment=segment.to_string()>
            {move || {
                let s = shown.get();
                let p = persona.get_value();
                let alt = i18n.t_args("personas.avatar_alt", &[("name", &s.name)]);
                let note = changed_note(i18n, &p, &s);
                let bars = share_bars(i18n, &p);
                let groups = figure_groups(i18n, &s);
                let texts = persona_texts(i18n, &s);
                let quotes: Vec<String> = p.facts.quotes.iter().map(|q| q.text.clone()).collect();
                view! {
                    <header class="persona-head">
                        <img class="persona-avatar" src=s.picture.clone() alt=alt width="96" height="96" />
                        <h3 class="persona-name">{s.name.clone()}</h3>
                    </header>
                    {note.map(|n| view! { <p class="persona-changed" role="note">{n}</p> })}
                    <p class="persona-description">{s.description.clone()}</p>
                    <div class="persona-bars">
                        {bars.into_iter().map(|(label, share)| view! {
                            <label class="persona-bar">
                                <span>{label}</span>
                                <progress max="1" prop:value=share></progress>
                            </label>
                        }).collect_view()}
                    </div>
                    <div class="persona-figures">
                        {groups.into_iter().map(|(title, lines)| view! {
                            <section>
                                <h4>{title}</h4>
                                <dl>
                                    {lines.into_iter().map(|l| view! { <dt>{l.label}</dt><dd>{l.value}</dd> }).collect_view()}
                                </dl>
                            </section>
                        }).collect_view()}
                    </div>
                    {(!quotes.is_empty()).then(|| view! {
                        <section class="persona-quotes">
                            <h4>{i18n.t("personas.quotes")}</h4>
                            {quotes.into_iter().map(|q| view! { <blockquote>{q}</blockquote> }).collect_view()}
                        </section>
                    })}
                    {texts.into_iter().map(|(title, text)| view! {
                        <section class="persona-text">
                            <h4>{title}</h4>
                            <p>{text}</p>
                        </section>
                    }).collect_view()}
                }
            }}
            <div class="persona-actions">
                <button
                    type="button"
                    class="button secondary"
                    aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {move || if editing.get() { i18n.t("personas.done") } else { i18n.t("personas.edit") }}
                </button>
                <button type="button" class="button secondary" on:click=save_png>
                    {move || i18n.t("personas.export_png")}
                </button>
            </div>
            <Show when=move || export_failed.get()>
                <p class="error" role="alert">{move || i18n.t("personas.export_failed")}</p>
            </Show>
            {move || editing.get().then(|| {
                // Read once: the editor is made again when editing reopens,
                // not on every keystroke saved.
                let s = shown.get_untracked();
                let (key, size) = persona.with_value(|p| (p.key, p.facts.size));
                view! {
                    <PersonaEditor key=key size=size name=s.name description=s.description edit=s.edit />
                }
            })}
        </article>
    }
}
