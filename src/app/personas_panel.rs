//! Personas: the segments of the shown k-means or rule segmentation of
//! the open file told as people. "Generate personas" asks the engine for
//! each segment's facts (judged by the column types and roles the page
//! shows); the gallery shows one card per segment, side by side, sorted
//! by size or by value (share of revenue). The user's edits live in the
//! project keyed by segmentation and segment, so they survive
//! regenerating. RFM segments live on the customer base and are not
//! offered here yet.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{use_i18n, I18n};
use super::persona_card::PersonaCard;
use super::persona_report::save_report;
use super::persona_view::Persona;
use super::rule_segments_panel::shown_rules;
use super::segments_panel::{open_file, shown};
use super::studio::Studio;
use crate::core::persona::{persona_names, PersonaFacts, PersonaKey, PersonaSegmentation};
use crate::core::segment::RfmSegment;
use crate::engine::{ColumnSummary, Request, Response, SegmentSource};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Size,
    Value,
}

/// The personas shown, and what they were made from.
#[derive(Debug, Clone, PartialEq)]
struct Gallery {
    personas: Vec<Persona>,
    /// The segmentation's name, for the report.
    segmentation: String,
}

/// The shown segmentation of this kind on the open file: its id and name.
fn shown_of(studio: Studio, kind: PersonaSegmentation) -> Option<(u32, String)> {
    match kind {
        PersonaSegmentation::KMeans => shown(studio).map(|s| (s.id, s.name)),
        PersonaSegmentation::Rules => shown_rules(studio).map(|s| (s.id, s.name)),
        // The customer base is the project's: one RFM segmentation. It is
        // built from the suggested columns without the user's say, so the
        // engine is the one that knows whether there is one.
        PersonaSegmentation::Rfm => studio
            .loaded
            .with(Option::is_some)
            .then(|| (0, String::new())),
    }
}

/// The RFM figures' column names, in the order the engine reads them.
const RFM_HEADERS: [&str; 6] = [
    "personas.rfm.days_since_last",
    "personas.rfm.orders",
    "personas.rfm.total",
    "personas.rfm.average_order",
    "personas.rfm.predicted_value",
    "personas.rfm.churn_risk",
];

/// A persona's generated name: for an RFM segment, the segment's own name
/// before what sets it apart.
fn named(i18n: I18n, kind: PersonaSegmentation, facts: &PersonaFacts, generated: String) -> String {
    if kind != PersonaSegmentation::Rfm {
        return generated;
    }
    match RfmSegment::ALL.get(facts.segment) {
        Some(segment) => i18n.t_args(
            "personas.rfm.name",
            &[
                (
                    "segment",
                    &i18n.t(&format!("rfm.segment.{}", segment.key())),
                ),
                ("traits", &generated),
            ],
        ),
        None => generated,
    }
}

#[component]
pub fn PersonasPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let kind = RwSignal::new(PersonaSegmentation::KMeans);
    let sort = RwSignal::new(SortBy::Size);
    let gallery = RwSignal::new(None::<Gallery>);
    // Why the last generation failed: the key of its message.
    let failed = RwSignal::new(None::<&'static str>);
    let export_failed = RwSignal::new(false);
    let kmeans = Memo::new(move |_| shown_of(studio, PersonaSegmentation::KMeans));
    let rules = Memo::new(move |_| shown_of(studio, PersonaSegmentation::Rules));
    let rfm = Memo::new(move |_| shown_of(studio, PersonaSegmentation::Rfm));
    let chosen = Memo::new(move |_| match kind.get() {
        PersonaSegmentation::KMeans => kmeans.get(),
        PersonaSegmentation::Rules => rules.get(),
        PersonaSegmentation::Rfm => rfm.get(),
    });
    // Another table: the gallery was of the one before.
    let generation = Memo::new(move |_| studio.loaded.with(|l| l.as_ref().map(|l| l.generation)));
    Effect::new(move |_| {
        let _ = generation.get();
        gallery.set(None);
    });
    // A source with nothing shown falls back to the other.
    Effect::new(move |_| {
        if kind.get() == PersonaSegmentation::KMeans
            && kmeans.get().is_none()
            && rules.get().is_some()
        {
            kind.set(PersonaSegmentation::Rules);
        }
    });

    let generate = move || {
        let Some((id, name)) = chosen.get_untracked() else {
            return;
        };
        let name = if name.is_empty() {
            i18n.t("personas.source.rfm")
        } else {
            name
        };
        let segmentation = kind.get_untracked();
        let kinds = untrack(|| studio.columns())
            .iter()
            .map(ColumnSummary::kind)
            .collect();
        let asked = match segmentation {
            PersonaSegmentation::KMeans => Request::Personas {
                of: SegmentSource::KMeans,
                kinds,
            },
            PersonaSegmentation::Rules => Request::Personas {
                of: SegmentSource::Rules,
                kinds,
            },
            PersonaSegmentation::Rfm => Request::RfmPersonas {
                headers: RFM_HEADERS.iter().map(|key| i18n.t(key)).collect(),
            },
        };
        spawn_local(async move {
            match studio.ask(asked).await {
                Response::Personas { personas: facts } => {
                    let lang = i18n.lang.get_untracked();
                    let names: Vec<String> = persona_names(lang, &facts)
                        .into_iter()
                        .zip(&facts)
                        .map(|(generated, f)| named(i18n, segmentation, f, generated))
                        .collect();
                    let personas = facts
                        .into_iter()
                        .zip(names)
                        .map(|(facts, generated_name)| Persona {
                            key: PersonaKey {
                                segmentation,
                                id,
                                segment: facts.segment,
                            },
                            facts,
                            generated_name,
                        })
                        .collect();
                    failed.set(None);
                    if studio.project.with_untracked(|p| p.personas_of) != Some(segmentation) {
                        studio
                            .project
                            .update(|p| p.personas_of = Some(segmentation));
                    }
                    gallery.set(Some(Gallery {
                        personas,
                        segmentation: name,
                    }));
                }
                Response::NoCustomers => {
                    failed.set(Some("personas.error.no_customers"));
                    gallery.set(None);
                }
                _ => {
                    failed.set(Some("personas.error"));
                    gallery.set(None);
                }
            }
        });
    };
    // Personas made before (kept in the project) come back once their
    // segments are ready again: after a reload, a demo, a recipe.
    Effect::new(move |_| {
        studio.segments_ready.track();
        let Some(wanted) = studio.project.with_untracked(|p| p.personas_of) else {
            return;
        };
        if gallery.with_untracked(Option::is_some) {
            return;
        }
        if kind.get_untracked() != wanted {
            kind.set(wanted);
        }
        generate();
    });
    // Generated names follow the language.
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        gallery.update(|g| {
            if let Some(g) = g {
                let facts: Vec<_> = g.personas.iter().map(|p| p.facts.clone()).collect();
                for (p, name) in g.personas.iter_mut().zip(persona_names(lang, &facts)) {
                    p.generated_name = named(i18n, p.key.segmentation, &p.facts, name);
                }
            }
        });
    });
    let sorted = move || {
        let mut personas =
            gallery.with(|g| g.as_ref().map(|g| g.personas.clone()).unwrap_or_default());
        match sort.get() {
            SortBy::Size => personas.sort_by(|a, b| {
                b.facts
                    .size
                    .cmp(&a.facts.size)
                    .then(a.facts.segment.cmp(&b.facts.segment))
            }),
            SortBy::Value => personas.sort_by(|a, b| {
                b.value()
                    .total_cmp(&a.value())
                    .then(a.facts.segment.cmp(&b.facts.segment))
            }),
        }
        personas
    };
    let file_name = move || open_file(studio).unwrap_or_default();
    let save_all = move |_| {
        let personas = sorted();
        let segmentation = gallery
            .with_untracked(|g| g.as_ref().map(|g| g.segmentation.clone()))
            .unwrap_or_default();
        let ok = studio.project.with_untracked(|p| {
            save_report(
                i18n,
                &personas,
                &p.persona_edits,
                &untrack(file_name),
                &segmentation,
            )
        });
        export_failed.set(!ok);
    };
    let source_option = move |value: PersonaSegmentation,
                              label: &'static str,
                              available: Memo<Option<(u32, String)>>| {
        view! {
            <label class="persona-source">
                <input
                    type="radio"
                    name="persona-source"
                    prop:checked=move || kind.get() == value
                    disabled=move || available.with(Option::is_none)
                    on:change=move |_| kind.set(value)
                />
                <span>{move || i18n.t(label)}</span>
            </label>
        }
    };

    view! {
        <section class="personas" aria-labelledby="personas-heading">
            <h2 id="personas-heading">{move || i18n.t("personas.heading")}</h2>
            <p class="hint">{move || i18n.t("personas.intro")}</p>
            <fieldset class="persona-sources">
                <legend>{move || i18n.t("personas.source")}</legend>
                {source_option(PersonaSegmentation::KMeans, "personas.source.kmeans", kmeans)}
                {source_option(PersonaSegmentation::Rules, "personas.source.rules", rules)}
                {source_option(PersonaSegmentation::Rfm, "personas.source.rfm_option", rfm)}
            </fieldset>
            <Show when=move || chosen.with(Option::is_none)>
                <p class="hint">{move || i18n.t("personas.source.none")}</p>
            </Show>
            <div class="persona-run">
                <button type="button" class="button" disabled=move || chosen.with(Option::is_none) on:click=move |_| generate()>
                    {move || i18n.t("personas.generate")}
                </button>
            </div>
            {move || failed.get().map(|key| view! {
                <p class="error" role="alert">{move || i18n.t(key)}</p>
            })}
            <Show when=move || gallery.with(Option::is_some)>
                <div class="persona-toolbar">
                    <label>
                        <span>{move || i18n.t("personas.sort")}</span>
                        <select on:change=move |ev| sort.set(if event_target_value(&ev) == "value" { SortBy::Value } else { SortBy::Size })>
                            <option value="size" selected=move || sort.get() == SortBy::Size>{move || i18n.t("personas.sort.size")}</option>
                            <option value="value" selected=move || sort.get() == SortBy::Value>{move || i18n.t("personas.sort.value")}</option>
                        </select>
                    </label>
                    <button type="button" class="button secondary" on:click=save_all>
                        {move || i18n.t("personas.export_html")}
                    </button>
                </div>
                <Show when=move || export_failed.get()>
                    <p class="error" role="alert">{move || i18n.t("personas.export_failed")}</p>
                </Show>
                <div class="persona-gallery">
                    <For
                        each=sorted
                        key=|p| (p.key, p.facts.size, p.generated_name.clone())
                        children=move |persona| {
                            let stem = untrack(file_name);
                            let stem = stem.rsplit_once('.').map_or(stem.clone(), |(s, _)| s.to_string());
                            view! { <PersonaCard persona=persona file_stem=stem /> }
                        }
                    />
                </div>
            </Show>
        </section>
    }
}
