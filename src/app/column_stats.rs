//! A column's statistics, opened from its row in the column list: counts
//! for every column, the number summary (range, mean, spread, quantiles)
//! for numeric ones, lengths and scripts for text. Asked of the engine only
//! when opened.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{use_i18n, I18n};
use super::studio::Studio;
use crate::core::stats::{ColumnStats, NumericSummary, Script, TextSummary};
use crate::engine::{Request, Response};

#[component]
pub fn ColumnStatsDetails(index: usize, numeric: bool) -> impl IntoView {
    let i18n = use_i18n();
    let studio = use_context::<Studio>();
    let stats = RwSignal::new(None::<ColumnStats>);
    let on_toggle = move |ev: web_sys::Event| {
        let opened = event_target::<web_sys::Element>(&ev).has_attribute("open");
        let Some(studio) = studio.filter(|_| opened) else {
            return;
        };
        spawn_local(async move {
            if let Response::Stats { stats: fresh, .. } = studio
                .ask(Request::Stats {
                    column: index,
                    numeric,
                })
                .await
            {
                stats.set(Some(fresh));
            }
        });
    };
    view! {
        <details class="column-stats" on:toggle=on_toggle>
            <summary>{move || i18n.t("stats.summary")}</summary>
            {move || stats.get().map(|s| stats_list(i18n, &s))}
        </details>
    }
}

fn stats_list(i18n: I18n, stats: &ColumnStats) -> impl IntoView {
    let mut facts = vec![
        fact(i18n, "stats.cells", i18n.count(stats.cells)),
        fact(i18n, "stats.missing", i18n.count(stats.missing)),
        fact(i18n, "stats.distinct", i18n.count(stats.distinct)),
    ];
    if let Some(numbers) = &stats.numeric {
        facts.extend(number_facts(i18n, numbers));
    }
    if let Some(text) = &stats.text {
        facts.extend(text_facts(i18n, text));
    }
    view! { <dl class="stats">{facts}</dl> }
}

fn fact(i18n: I18n, key: &str, value: String) -> AnyView {
    let term = i18n.t(key);
    view! {
        <div class="fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
        </div>
    }
    .into_any()
}

/// Whole numbers as they are, others to two decimals (money, averages).
fn figure(i18n: I18n, x: f64) -> String {
    let places = if x.fract() == 0.0 { 0 } else { 2 };
    i18n.decimal(x, places)
}

fn number_facts(i18n: I18n, s: &NumericSummary) -> Vec<AnyView> {
    let mut facts = vec![
        fact(i18n, "stats.numbers", i18n.count(s.count)),
        fact(i18n, "stats.min", figure(i18n, s.min)),
        fact(i18n, "stats.max", figure(i18n, s.max)),
        fact(i18n, "stats.mean", i18n.decimal(s.mean, 2)),
        fact(i18n, "stats.std_dev", i18n.decimal(s.std_dev, 2)),
    ];
    for (q, value) in &s.quantiles {
        // Named one by one: ordinals ("1st", "2nd") differ in every language.
        let term = i18n.t(&format!("stats.q{}", (q * 100.0).round() as usize));
        facts.push(
            view! {
                <div class="fact">
                    <dt>{term}</dt>
                    <dd>{figure(i18n, *value)}</dd>
                </div>
            }
            .into_any(),
        );
    }
    facts
}

fn text_facts(i18n: I18n, s: &TextSummary) -> Vec<AnyView> {
    let lengths = i18n.t_args(
        "stats.lengths",
        &[
            ("shortest", &i18n.count(s.shortest)),
            ("longest", &i18n.count(s.longest)),
            ("mean", &i18n.decimal(s.mean_length, 1)),
        ],
    );
    let scripts = s
        .scripts
        .iter()
        .map(|(script, n)| {
            let share = i18n.decimal(*n as f64 * 100.0 / s.values.max(1) as f64, 0);
            i18n.t_args(
                "stats.script_share",
                &[("script", &i18n.t(script_key(*script))), ("share", &share)],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    vec![
        fact(i18n, "stats.length", lengths),
        fact(i18n, "stats.scripts", scripts),
    ]
}

fn script_key(script: Script) -> &'static str {
    match script {
        Script::Latin => "script.latin",
        Script::Persian => "script.persian",
        Script::Arabic => "script.arabic",
        Script::ArabicScript => "script.arabic_script",
        Script::Mixed => "script.mixed",
        Script::Other => "script.other",
        Script::NoLetters => "script.no_letters",
    }
}
