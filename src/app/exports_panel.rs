//! Everything the studio can hand over, gathered in one place: the cleaned
//! table, each customer's segment (CSV), segment definitions as SQL, the
//! charts as PNG; persona cards and their report and the whole project are
//! saved where they are made, and pointed to from here.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::exports::{charts_on_page, download_chart};
use super::i18n::use_i18n;
use super::rule_segments_panel::{shown_names, shown_rules};
use super::segment_results::segment_label;
use super::segments_panel::shown;
use super::sql_export::SqlExport;
use super::studio::Studio;
use crate::engine::{Request, Response, SegmentSource, SqlSource};

#[component]
pub fn ExportsPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let failed = RwSignal::new(false);
    let kmeans = Memo::new(move |_| shown(studio).map(|s| s.segment_names));
    let rules = Memo::new(move |_| shown_rules(studio));
    let has_log = Memo::new(move |_| studio.project.with(|p| p.customers.is_some()));
    let kmeans_names = Signal::derive(move || kmeans.get().unwrap_or_default());
    let rule_names = Signal::derive(move || rules.with(|r| shown_names(i18n, r.as_ref())));
    let cleaned = move |_| spawn_local(async move { failed.set(!studio.download_cleaned().await) });
    let kmeans_csv = move |_| {
        let header = i18n.t("segments.export.header");
        let names = kmeans_names.get_untracked();
        spawn_local(async move {
            let Response::Segmented(summary) = studio.ask(Request::Segmentation).await else {
                failed.set(true);
                return;
            };
            let shown = (0..summary.k)
                .map(|i| segment_label(i18n, &names, i))
                .collect();
            failed.set(
                !studio
                    .download_segments(SegmentSource::KMeans, shown, header)
                    .await,
            );
        });
    };
    let rules_csv = move |_| {
        let header = i18n.t("segments.export.header");
        let names = rule_names.get_untracked();
        spawn_local(async move {
            failed.set(
                !studio
                    .download_segments(SegmentSource::Rules, names, header)
                    .await,
            );
        });
    };
    // The charts on the page when the list is opened.
    let charts = RwSignal::new(Vec::<String>::new());
    let chosen_chart = RwSignal::new(0usize);
    let list_charts = move || {
        charts.set(
            charts_on_page()
                .into_iter()
                .map(|(_, label)| label)
                .collect(),
        );
        chosen_chart.set(0);
    };
    let save_chart = move |_| {
        if let Some((canvas, label)) = charts_on_page()
            .into_iter()
            .nth(chosen_chart.get_untracked())
        {
            download_chart(&canvas, &label);
        }
    };
    view! {
        <section class="exports" aria-labelledby="exports-title">
            <h2 id="exports-title">{move || i18n.t("exports.heading")}</h2>
            <p class="hint">{move || i18n.t("exports.intro")}</p>
            <ul class="export-list">
                <li>
                    <button type="button" class="button secondary" on:click=cleaned>{move || i18n.t("export.csv")}</button>
                </li>
                <Show when=move || kmeans.with(Option::is_some)>
                    <li>
                        <button type="button" class="button secondary" on:click=kmeans_csv>{move || i18n.t("segments.export")}</button>
                        <SqlExport of=SqlSource::KMeans names=kmeans_names />
                    </li>
                </Show>
                <Show when=move || rules.with(Option::is_some)>
                    <li>
                        <button type="button" class="button secondary" on:click=rules_csv>{move || i18n.t("rules.export")}</button>
                        <SqlExport of=SqlSource::Rules names=rule_names />
                    </li>
                </Show>
                <Show when=move || has_log.get()>
                    <li>
                        <span>{move || i18n.t("exports.rfm_sql")}</span>
                        <SqlExport of=SqlSource::Rfm names=Signal::stored(Vec::new()) />
                    </li>
                </Show>
                <li class="chart-export">
                    <label class="field">
                        <span>{move || i18n.t("exports.chart")}</span>
                        <select
                            on:focus=move |_| list_charts()
                            on:change=move |ev| chosen_chart.set(event_target_value(&ev).parse().unwrap_or(0))
                        >
                            {move || {
                                let listed = charts.get();
                                if listed.is_empty() {
                                    view! { <option value="0">{i18n.t("exports.chart_choose")}</option> }.into_any()
                                } else {
                                    listed
                                        .into_iter()
                                        .enumerate()
                                        .map(|(i, label)| view! { <option value=i.to_string()>{label}</option> })
                                        .collect_view()
                                        .into_any()
                                }
                            }}
                        </select>
                    </label>
                    <button type="button" class="button secondary" on:click=save_chart>{move || i18n.t("exports.chart_png")}</button>
                </li>
                <li class="hint">{move || i18n.t("exports.elsewhere")}</li>
            </ul>
            {move || failed.get().then(|| view! { <p class="load-status error" role="alert">{i18n.t("export.failed")}</p> })}
        </section>
    }
}
