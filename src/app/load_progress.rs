//! The progress of a load, with a way to cancel it.

use leptos::prelude::*;

use super::i18n::{use_i18n, I18n};
use super::studio::{LoadStatus, Studio};
use crate::core::pause::Phase;
use crate::engine::{LoadPhase, Progress};

/// The sentence under the bar: what the engine is doing and how far it is.
fn describe(i18n: I18n, name: &str, progress: Option<Progress>) -> String {
    let Some(progress) = progress else {
        return i18n.t_args("load.starting", &[("name", name)]);
    };
    match progress.phase {
        LoadPhase::Reading => i18n.t_args(
            "load.reading",
            &[
                ("name", name),
                ("done", &i18n.decimal(progress.done as f64 / 1e6, 1)),
                ("total", &i18n.decimal(progress.total as f64 / 1e6, 1)),
            ],
        ),
        LoadPhase::Parsing => i18n.t_args(
            "load.parsing",
            &[
                ("name", name),
                ("percent", &i18n.count(percent(progress) as usize)),
            ],
        ),
        LoadPhase::Inferring => i18n.t_args(
            "load.inferring",
            &[
                ("name", name),
                ("done", &i18n.count(progress.done as usize)),
                ("total", &i18n.count(progress.total as usize)),
            ],
        ),
        LoadPhase::Segmenting => i18n.t_args(
            "load.segmenting",
            &[
                ("done", &i18n.count(progress.done as usize)),
                ("total", &i18n.count(progress.total as usize)),
            ],
        ),
        LoadPhase::Customers(phase) => describe_customers(i18n, phase, progress),
    }
}

/// What building the customer base is busy with.
pub(super) fn describe_customers(i18n: I18n, phase: Phase, progress: Progress) -> String {
    let key = match phase {
        Phase::ReadingLog => "customers.progress.log",
        Phase::FittingPurchases => "customers.progress.purchases",
        Phase::FittingSpend => "customers.progress.spend",
        Phase::Predicting => "customers.progress.predicting",
    };
    i18n.t_args(
        key,
        &[
            ("done", &i18n.count(progress.done as usize)),
            ("total", &i18n.count(progress.total as usize)),
        ],
    )
}

/// How much of a phase is done, when that is known (a model's search
/// stops when it converges, not at a known step).
pub(super) fn known_fraction(progress: Progress) -> Option<f64> {
    match progress.phase {
        LoadPhase::Customers(Phase::FittingPurchases | Phase::FittingSpend) => None,
        _ => Some(percent(progress) as f64 / 100.0),
    }
}

fn percent(progress: Progress) -> u64 {
    if progress.total == 0 {
        return 0;
    }
    (progress.done.saturating_mul(100) / progress.total).min(100)
}

/// The whole load as one bar: reading is the first 40%, parsing the next
/// 50%, recognising columns the last 10% (roughly their share of the time).
fn overall(progress: Option<Progress>) -> f64 {
    let Some(progress) = progress else {
        return 0.0;
    };
    let part = percent(progress) as f64 / 100.0;
    match progress.phase {
        LoadPhase::Reading => 0.4 * part,
        LoadPhase::Parsing => 0.4 + 0.5 * part,
        LoadPhase::Inferring => 0.9 + 0.1 * part,
        LoadPhase::Segmenting | LoadPhase::Customers(_) => part,
    }
}

#[component]
pub fn LoadProgress() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let loading = move || match studio.status.get() {
        LoadStatus::Loading { name, progress, .. } => Some((name, progress)),
        _ => None,
    };
    view! {
        {move || {
            loading()
                .map(|(name, progress)| {
                    let value = overall(progress);
                    view! {
                        <section class="load-progress" aria-live="polite">
                            <progress
                                max="1"
                                prop:value=value
                                aria-label=move || i18n.t("load.label")
                            ></progress>
                            <p class="load-progress-text">{describe(i18n, &name, progress)}</p>
                            <button
                                type="button"
                                class="button secondary"
                                on:click=move |_| studio.cancel_load()
                            >
                                {move || i18n.t("load.cancel")}
                            </button>
                        </section>
                    }
                })
        }}
    }
}
