//! A segmentation's result: what was done to the data, how k was chosen
//! (every k's silhouette and Calinski–Harabasz, the user may pick another),
//! how stable the segments are, and the segments themselves, which the
//! user names and can export customer by customer.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::canvas_chart::CanvasChart;
use super::chart_draw::{draw_k_chart_on, draw_segment_map_on};
use super::feedback_cards::percent;
use super::i18n::{use_i18n, I18n};
use super::segment_traits::SegmentTraits;
use super::segments_panel::{describe_error, RunState};
use super::sql_export::SqlExport;
use super::studio::Studio;
use crate::core::charts::KPoint;
use crate::core::i18n::localize_digits;
use crate::core::segment::{FeatureStep, Scaling};
use crate::engine::{Request, Response, SegmentSource, SegmentationSummary, SqlSource};

/// The shown segmentation's saved entry, changed in place.
fn update_shown(studio: Studio, change: impl FnOnce(&mut crate::core::segment::SavedSegmentation)) {
    studio.project.update(|p| {
        let id = p.shown_segmentation;
        if let Some(saved) = p.segmentations.iter_mut().find(|s| Some(s.id) == id) {
            change(saved);
        }
    });
}

/// The user's names of the shown segmentation's segments (blank: unnamed).
fn segment_names(studio: Studio) -> Vec<String> {
    studio.project.with(|p| {
        let id = p.shown_segmentation;
        p.segmentations
            .iter()
            .find(|s| Some(s.id) == id)
            .map(|s| s.segment_names.clone())
            .unwrap_or_default()
    })
}

/// Segment `index`'s name: the user's, else "Segment n".
pub(super) fn segment_label(i18n: I18n, names: &[String], index: usize) -> String {
    names
        .get(index)
        .filter(|n| !n.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| i18n.t_args("segments.segment_n", &[("n", &i18n.count(index + 1))]))
}

#[component]
pub(super) fn SegmentResults(
    summary: SegmentationSummary,
    run: RwSignal<RunState>,
) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let summary = StoredValue::new(summary);
    let names = Memo::new(move |_| segment_names(studio));
    let name_of_shown = Memo::new(move |_| {
        studio.project.with(|p| {
            let id = p.shown_segmentation;
            p.segmentations
                .iter()
                .find(|s| Some(s.id) == id)
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    });
    let choose_k = move |k: usize| {
        spawn_local(async move {
            match studio.ask(Request::SegmentK { k }).await {
                Response::Segmented(found) => {
                    let chosen = (Some(found.k) != found.suggested).then_some(found.k);
                    update_shown(studio, |saved| {
                        if saved.k != chosen {
                            saved.segment_names.clear();
                        }
                        saved.k = chosen;
                    });
                    run.set(RunState::Done(found));
                }
                Response::SegmentFailed(error) => run.set(RunState::Failed(error)),
                _ => {}
            }
        });
    };
    let export = move |_| {
        let header = i18n.t("segments.export.header");
        let count = summary.with_value(|s| s.k);
        let shown_names: Vec<String> = (0..count)
            .map(|i| segment_label(i18n, &names.get_untracked(), i))
            .collect();
        spawn_local(async move {
            studio
                .download_segments(SegmentSource::KMeans, shown_names, header)
                .await;
        });
    };
    view! {
        <div class="segment-results">
            <label class="field segmentation-name">
                <span>{move || i18n.t("segments.name")}</span>
                <input
                    type="text"
                    prop:value=move || name_of_shown.get()
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        update_shown(studio, |saved| saved.name = name);
                    }
                />
            </label>
            <p class="segment-facts">{move || summary.with_value(|s| facts(i18n, s))}</p>
            {move || summary.with_value(|s| excluded(i18n, s))}
            <details class="segment-steps">
                <summary>{move || i18n.t("segments.steps_heading")}</summary>
                <ul>
                    {move || summary.with_value(|s| s.features.steps.iter().map(|step| view! {
                        <li>{describe_step(i18n, step)}</li>
                    }).collect_view())}
                </ul>
            </details>
            <CanvasChart
                class="k-chart"
                draw=Callback::new(move |(canvas, ratio)| {
                    summary.with_value(|s| {
                        let points: Vec<KPoint> = s.scores.iter().map(|score| KPoint {
                            k: score.k,
                            silhouette: score.silhouette,
                            calinski_harabasz: score.calinski_harabasz,
                        }).collect();
                        draw_k_chart_on(canvas, ratio, &points, s.suggested, Some(s.k), i18n);
                    });
                })
                description=Signal::derive(move || i18n.t("segments.chart.k_description"))
            />
            <KTable summary=summary choose_k=Callback::new(choose_k) />
            <p class="segment-stability">{move || summary.with_value(|s| stability(i18n, s))}</p>
            <table class="segment-list">
                <caption>{move || i18n.t("segments.list")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("segments.list.name")}</th>
                        <th scope="col">{move || i18n.t("segments.list.customers")}</th>
                        <th scope="col">{move || i18n.t("segments.list.share")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || summary.with_value(|s| {
                        let total = s.segmented as u64;
                        s.sizes.iter().enumerate().map(|(index, &size)| view! {
                            <tr>
                                <td>
                                    <input
                                        type="text"
                                        aria-label=move || i18n.t_args("segments.name_of", &[("n", &i18n.count(index + 1))])
                                        placeholder=move || segment_label(i18n, &[], index)
                                        prop:value=move || names.with(|n| n.get(index).cloned().unwrap_or_default())
                                        on:change=move |ev| {
                                            let name = event_target_value(&ev);
                                            update_shown(studio, |saved| {
                                                if saved.segment_names.len() <= index {
                                                    saved.segment_names.resize(index + 1, String::new());
                                                }
                                                if let Some(slot) = saved.segment_names.get_mut(index) {
                                                    *slot = name.trim().to_string();
                                                }
                                            });
                                        }
                                    />
                                </td>
                                <td class="number">{move || i18n.count(size)}</td>
                                <td class="number">{move || i18n.t_args("segments.percent", &[("p", &percent(i18n, size as u64, total))])}</td>
                            </tr>
                        }).collect_view()
                    })}
                </tbody>
            </table>
            <button type="button" class="button secondary" on:click=export>
                {move || i18n.t("segments.export")}
            </button>
            <SqlExport
                of=SqlSource::KMeans
                names=Signal::derive(move || {
                    let k = summary.with_value(|s| s.k);
                    (0..k).map(|i| segment_label(i18n, &names.get(), i)).collect::<Vec<_>>()
                })
            />
            {move || summary.with_value(|s| s.map.clone()).map(|map| {
                let map = StoredValue::new(map);
                let k = summary.with_value(|s| s.k);
                view! {
                    <CanvasChart
                        class="segment-map"
                        draw=Callback::new(move |(canvas, ratio)| {
                            let shown: Vec<String> = (0..k).map(|i| segment_label(i18n, &names.get(), i)).collect();
                            map.with_value(|map| draw_segment_map_on(canvas, ratio, map, &shown, i18n));
                        })
                        description=Signal::derive(move || map.with_value(|m| {
                            let drawn: usize = m.drawn.iter().map(|d| d.drawn).sum();
                            let customers: usize = m.drawn.iter().map(|d| d.size).sum();
                            let explained: f64 = m.explained.iter().sum();
                            i18n.t_args("segments.map.description", &[
                                ("drawn", &i18n.count(drawn)),
                                ("customers", &i18n.count(customers)),
                                ("percent", &i18n.decimal(100.0 * explained, 0)),
                            ])
                        }))
                    />
                }
            })}
            <SegmentTraits k=summary.with_value(|s| s.k) names=names />
            {move || match run.get() {
                RunState::Failed(error) => Some(view! { <p class="error" role="alert">{describe_error(i18n, &error)}</p> }),
                _ => None,
            }}
        </div>
    }
}

/// Every k tried, with its scores; the user picks the k to use.
#[component]
fn KTable(summary: StoredValue<SegmentationSummary>, choose_k: Callback<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="k-scores">
            <caption>{move || i18n.t("segments.k.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">"k"</th>
                    <th scope="col">{move || i18n.t("segments.k.silhouette")}</th>
                    <th scope="col">{move || i18n.t("segments.k.ch")}</th>
                    <th scope="col">{move || i18n.t("segments.k.use")}</th>
                </tr>
            </thead>
            <tbody>
                {move || summary.with_value(|s| s.scores.iter().map(|score| {
                    let k = score.k;
                    let in_use = k == s.k;
                    let suggested = Some(k) == s.suggested;
                    view! {
                        <tr class:suggested=suggested aria-current=in_use.then_some("true")>
                            <th scope="row">{move || i18n.count(k)}</th>
                            <td class="number">{score.silhouette.map(|v| i18n.decimal(v, 3))}</td>
                            <td class="number">{score.calinski_harabasz.map(|v| i18n.decimal(v, 1))}</td>
                            <td>
                                <button
                                    type="button"
                                    class="button secondary"
                                    disabled=in_use
                                    on:click=move |_| choose_k.run(k)
                                >
                                    {move || if in_use {
                                        i18n.t("segments.k.in_use")
                                    } else if suggested {
                                        i18n.t("segments.k.use_suggested")
                                    } else {
                                        i18n.t_args("segments.k.use_k", &[("k", &i18n.count(k))])
                                    }}
                                </button>
                            </td>
                        </tr>
                    }
                }).collect_view())}
            </tbody>
        </table>
    }
}

/// The sentence under the name: how many, how, with what settings.
fn facts(i18n: I18n, s: &SegmentationSummary) -> String {
    let k = i18n.count(s.k);
    let mut text = i18n.t_args(
        "segments.facts",
        &[
            ("segmented", &i18n.count(s.segmented)),
            ("k", &k),
            ("restarts", &i18n.count(s.request.restarts)),
            (
                "seed",
                &localize_digits(&s.request.seed.to_string(), i18n.lang.get()),
            ),
        ],
    );
    text.push(' ');
    text.push_str(&match s.suggested {
        Some(suggested) if suggested == s.k => i18n.t_args("segments.k_suggested", &[("k", &k)]),
        Some(suggested) => i18n.t_args(
            "segments.k_overridden",
            &[("k", &k), ("suggested", &i18n.count(suggested))],
        ),
        None => String::new(),
    });
    text.push(' ');
    text.push_str(&if s.fitted < s.segmented {
        i18n.t_args(
            "segments.sampled",
            &[
                ("fitted", &i18n.count(s.fitted)),
                ("silhouette", &i18n.count(s.silhouette_points)),
            ],
        )
    } else {
        i18n.t_args(
            "segments.all_fitted",
            &[("silhouette", &i18n.count(s.silhouette_points))],
        )
    });
    text
}

/// Rows with no value in any chosen column: left out, and said so.
fn excluded(i18n: I18n, s: &SegmentationSummary) -> Option<impl IntoView> {
    let report = &s.features;
    (report.excluded_rows > 0).then(|| {
        // Row numbers as the file counts them: the header is row 1.
        let rows: Vec<String> = report
            .excluded_examples
            .iter()
            .map(|r| i18n.count(r + 2))
            .collect();
        view! {
            <p class="segment-excluded" role="note">
                {i18n.t_count("segments.excluded", report.excluded_rows, &[("rows", &rows.join(", "))])}
            </p>
        }
    })
}

/// One feature's treatment, in words.
fn describe_step(i18n: I18n, step: &FeatureStep) -> String {
    match step {
        FeatureStep::Numeric {
            name,
            log1p,
            imputed,
            unreadable,
            fill,
            scaling,
            center,
            scale,
            ..
        } => {
            let mut parts = Vec::new();
            if *log1p {
                parts.push(i18n.t("segments.step.log"));
            }
            if *imputed > 0 {
                parts.push(i18n.t_count(
                    "segments.step.imputed",
                    *imputed,
                    &[
                        ("fill", &i18n.decimal(*fill, 2)),
                        ("unreadable", &i18n.count(*unreadable)),
                    ],
                ));
            }
            let scaling_key = match scaling {
                Scaling::Standard => "segments.step.standard",
                Scaling::Robust => "segments.step.robust",
            };
            parts.push(i18n.t_args(
                scaling_key,
                &[
                    ("center", &i18n.decimal(*center, 2)),
                    ("scale", &i18n.decimal(*scale, 2)),
                ],
            ));
            i18n.t_args(
                "segments.step.numeric",
                &[("column", name), ("steps", &parts.join(" "))],
            )
        }
        FeatureStep::Categorical {
            name,
            levels,
            other_levels,
            missing,
            ..
        } => i18n.t_args(
            "segments.step.categorical",
            &[
                ("column", name),
                ("levels", &i18n.count(levels.len())),
                ("other", &i18n.count(*other_levels)),
                ("missing", &i18n.count(*missing)),
            ],
        ),
    }
}

/// How often customers stay together when the data is resampled.
fn stability(i18n: I18n, s: &SegmentationSummary) -> String {
    match &s.stability {
        Some(st) => i18n.t_args(
            "segments.stability",
            &[
                ("k", &i18n.count(st.k)),
                ("runs", &i18n.count(st.adjusted_rand.len())),
                ("kept", &i18n.decimal(100.0 * st.mean_pairs_kept, 0)),
                ("ari", &i18n.decimal(st.mean_adjusted_rand, 2)),
                ("min", &i18n.decimal(st.min_adjusted_rand, 2)),
            ],
        ),
        None => String::new(),
    }
}
