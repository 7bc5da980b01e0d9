//! Segments over time: the user freezes the shown segmentation (k-means or
//! rules) as a snapshot kept in this browser, loads newer data later, and
//! sees how customers moved between the segments (a matrix and a flow
//! chart), which segments grew or shrank, and who left or joined.
//! Customers are matched by the id column's values.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::canvas_chart::CanvasChart;
use super::chart_draw::draw_flow_on;
use super::i18n::{use_i18n, I18n};
use super::rule_segments_panel::shown_rules;
use super::segment_results::segment_label;
use super::segments_panel::{open_file, shown};
use super::snapshot_store::{self, StoreError};
use super::studio::{LoadStatus, Studio};
use crate::core::persona::{figure_changes, key_figures, FigureChange, FigureName, KeyFigure};
use crate::core::schema::Role;
use crate::core::segment::{Members, Movement, SnapshotInfo, SnapshotKind, SNAPSHOT_FORMAT};
use crate::engine::{ColumnSummary, Request, Response, SegmentSource};

/// A segmentation shown on the page that can be frozen: its kind, name
/// and the user's segment names (blank: unnamed).
#[derive(Debug, Clone, PartialEq)]
struct Frozen {
    kind: SnapshotKind,
    name: String,
    names: Vec<String>,
}

/// A comparison on screen: the snapshot, the movement, today's names.
#[derive(Debug, Clone, PartialEq)]
struct Compared {
    snapshot: SnapshotInfo,
    movement: Movement,
    now_names: Vec<String>,
    /// Per segment both have: its persona figures then and now.
    changes: Vec<Vec<FigureChange>>,
}

fn source_of(kind: SnapshotKind) -> SegmentSource {
    match kind {
        SnapshotKind::KMeans => SegmentSource::KMeans,
        SnapshotKind::Rules => SegmentSource::Rules,
    }
}

/// The segmentations shown for the open file, k-means first (reactive).
fn frozen_candidates(studio: Studio) -> Vec<Frozen> {
    let kmeans = shown(studio).map(|s| Frozen {
        kind: SnapshotKind::KMeans,
        name: s.name,
        names: s.segment_names,
    });
    let rules = shown_rules(studio).map(|s| Frozen {
        kind: SnapshotKind::Rules,
        name: s.name,
        names: s.segments.into_iter().map(|r| r.name).collect(),
    });
    kmeans.into_iter().chain(rules).collect()
}

/// Names for `k` segments of `frozen`: the user's, "Segment n", and for
/// rules the last one is everyone else.
fn names_for(i18n: I18n, frozen: &Frozen, k: usize) -> Vec<String> {
    (0..k)
        .map(|i| {
            if frozen.kind == SnapshotKind::Rules && i + 1 == k && i >= frozen.names.len() {
                i18n.t("rules.everyone_else")
            } else {
                segment_label(i18n, &frozen.names, i)
            }
        })
        .collect()
}

/// The id column: the one whose role is customer id (reactive).
fn id_column(studio: Studio) -> Option<(usize, String)> {
    studio
        .columns()
        .into_iter()
        .enumerate()
        .find(|(_, c)| c.role == Role::CustomerId)
        .map(|(i, c)| (i, c.name))
}

/// Each segment's persona figures in the kept segmentation `of` (empty
/// when the engine cannot give them).
async fn persona_figures(studio: Studio, of: SegmentSource) -> Vec<Vec<KeyFigure>> {
    let kinds = untrack(|| studio.columns())
        .iter()
        .map(ColumnSummary::kind)
        .collect();
    match studio.ask(Request::Personas { of, kinds }).await {
        Response::Personas { personas } => personas.iter().map(key_figures).collect(),
        _ => Vec::new(),
    }
}

/// A figure as the page writes it: shares in percent, NPS whole.
fn format_figure(i18n: I18n, name: &FigureName, value: f64) -> String {
    match name {
        FigureName::Share | FigureName::RevenueShare => {
            format!("{}%", i18n.decimal(100.0 * value, 1))
        }
        FigureName::Nps => i18n.decimal(value, 0),
        FigureName::MeanAge | FigureName::Mean(_) => i18n.decimal(value, 1),
    }
}

fn figure_label(i18n: I18n, name: &FigureName) -> String {
    match name {
        FigureName::Share => i18n.t("movement.figure.share"),
        FigureName::RevenueShare => i18n.t("movement.figure.revenue"),
        FigureName::MeanAge => i18n.t("movement.figure.age"),
        FigureName::Nps => i18n.t("movement.figure.nps"),
        FigureName::Mean(column) => i18n.t_args("movement.figure.mean", &[("column", column)]),
    }
}

fn sizes_of(members: &Members) -> Vec<usize> {
    let mut sizes = Vec::new();
    for &segment in &members.segments {
        let segment = usize::from(segment);
        if sizes.len() <= segment {
            sizes.resize(segment + 1, 0);
        }
        if let Some(size) = sizes.get_mut(segment) {
            *size += 1;
        }
    }
    sizes
}

fn describe_store_error(i18n: I18n, error: &StoreError) -> String {
    match error {
        StoreError::Unavailable => i18n.t("movement.error.unavailable"),
        StoreError::Unreadable => i18n.t("movement.error.unreadable"),
        StoreError::Failed(reason) => i18n.t_args("movement.error.failed", &[("reason", reason)]),
    }
}

/// When a snapshot was taken, as the UI language writes dates.
fn taken_on(i18n: I18n, id: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(id as f64));
    date.to_locale_date_string(i18n.lang.get().code(), &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default()
}

#[component]
pub fn MovementPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let snapshots = RwSignal::new(Vec::<SnapshotInfo>::new());
    let status = RwSignal::new(None::<(bool, String)>);
    let compared = RwSignal::new(None::<Compared>);
    let candidates = Memo::new(move |_| frozen_candidates(studio));
    let chosen = RwSignal::new(0usize);
    // A comparison is of the table open when it was asked for: while
    // another file loads it would be of the old one, and once the new one
    // is open the one shown is stale.
    let loading = move || matches!(studio.status.get(), LoadStatus::Loading { .. });
    let generation = Memo::new(move |_| studio.loaded.with(|l| l.as_ref().map(|l| l.generation)));
    Effect::watch(
        move || generation.get(),
        move |_, _, _| {
            compared.set(None);
            status.set(None);
        },
        false,
    );
    let refresh = move || {
        spawn_local(async move {
            match snapshot_store::list().await {
                Ok(mut found) => {
                    found.retain(|info| info.belongs_to(studio.project_id));
                    snapshots.set(found)
                }
                Err(error) => status.set(Some((true, describe_store_error(i18n, &error)))),
            }
        });
    };
    refresh();

    let take = move |_: leptos::ev::MouseEvent| {
        let Some((column, column_name)) = id_column(studio) else {
            status.set(Some((true, i18n.t("movement.error.no_id"))));
            return;
        };
        let Some(frozen) = candidates.with(|c| c.get(chosen.get()).or(c.first()).cloned()) else {
            return;
        };
        let file = open_file(studio).unwrap_or_default();
        spawn_local(async move {
            let asked = Request::SegmentMembers {
                of: source_of(frozen.kind),
                id_column: column,
            };
            let Response::SegmentMembers(members) = studio.ask(asked).await else {
                status.set(Some((true, i18n.t("movement.error.no_segmentation"))));
                return;
            };
            let sizes = sizes_of(&members);
            let figures = persona_figures(studio, source_of(frozen.kind)).await;
            let info = SnapshotInfo {
                format: SNAPSHOT_FORMAT,
                id: js_sys::Date::now() as u64,
                name: frozen.name.clone(),
                kind: frozen.kind,
                file,
                id_column: column_name,
                segment_names: names_for(i18n, &frozen, sizes.len()),
                sizes,
                figures,
                project: Some(studio.project_id),
            };
            match snapshot_store::save(&info, &members).await {
                Ok(()) => {
                    status.set(Some((
                        false,
                        i18n.t_count("movement.taken", info.customers(), &[("name", &info.name)]),
                    )));
                    refresh();
                }
                Err(error) => status.set(Some((true, describe_store_error(i18n, &error)))),
            }
        });
    };
    let compare = move |snapshot: SnapshotInfo| {
        let columns = studio.columns();
        let Some(column) = columns.iter().position(|c| c.name == snapshot.id_column) else {
            status.set(Some((
                true,
                i18n.t_args("movement.error.id_gone", &[("column", &snapshot.id_column)]),
            )));
            return;
        };
        let frozen = candidates.with(|c| c.iter().find(|f| f.kind == snapshot.kind).cloned());
        let Some(frozen) = frozen else {
            status.set(Some((true, i18n.t("movement.error.no_segmentation"))));
            return;
        };
        let asked_on = generation.get_untracked();
        spawn_local(async move {
            let before = match snapshot_store::members(snapshot.id).await {
                Ok(members) => members,
                Err(error) => {
                    status.set(Some((true, describe_store_error(i18n, &error))));
                    return;
                }
            };
            let asked = Request::Movement {
                before,
                before_k: snapshot.sizes.len(),
                of: source_of(snapshot.kind),
                id_column: column,
            };
            let answer = studio.ask(asked).await;
            if generation.get_untracked() != asked_on {
                return;
            }
            match answer {
                Response::Movement(movement) => {
                    let now_names = names_for(i18n, &frozen, movement.after_sizes.len());
                    let now = persona_figures(studio, source_of(snapshot.kind)).await;
                    if generation.get_untracked() != asked_on {
                        return;
                    }
                    let changes = snapshot
                        .figures
                        .iter()
                        .zip(&now)
                        .map(|(then, now)| figure_changes(then, now))
                        .collect();
                    status.set(None);
                    compared.set(Some(Compared {
                        snapshot,
                        movement: *movement,
                        now_names,
                        changes,
                    }));
                }
                _ => status.set(Some((true, i18n.t("movement.error.no_segmentation")))),
            }
        });
    };
    let forget = move |id: u64| {
        spawn_local(async move {
            if let Err(error) = snapshot_store::delete(id).await {
                status.set(Some((true, describe_store_error(i18n, &error))));
            }
            compared.update(|c| {
                if c.as_ref().is_some_and(|c| c.snapshot.id == id) {
                    *c = None;
                }
            });
            refresh();
        });
    };

    view! {
        <section class="movement" aria-labelledby="movement-heading">
            <h2 id="movement-heading">{move || i18n.t("movement.heading")}</h2>
            <p class="hint">{move || i18n.t("movement.intro")}</p>
            <div class="movement-take">
                <Show
                    when=move || !candidates.with(Vec::is_empty)
                    fallback=move || view! { <p class="hint">{move || i18n.t("movement.nothing_shown")}</p> }
                >
                    <label class="field">
                        <span>{move || i18n.t("movement.source")}</span>
                        <select on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {move || candidates.get().into_iter().enumerate().map(|(i, f)| view! {
                                <option value=i.to_string() selected=move || chosen.get() == i>{f.name}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="button" on:click=take>{move || i18n.t("movement.take")}</button>
                </Show>
            </div>
            {move || status.get().map(|(error, text)| {
                let class = if error { "error" } else { "hint" };
                view! { <p class=class role=if error { "alert" } else { "status" }>{text}</p> }
            })}
            <Show when=move || !snapshots.with(Vec::is_empty)>
                <Show when=loading>
                    <p class="hint" role="status">{move || i18n.t("movement.wait_for_load")}</p>
                </Show>
                <table class="snapshots">
                    <thead><tr>
                        <th scope="col">{move || i18n.t("movement.snapshot")}</th>
                        <th scope="col">{move || i18n.t("movement.taken_on")}</th>
                        <th scope="col">{move || i18n.t("movement.file")}</th>
                        <th scope="col">{move || i18n.t("movement.customers")}</th>
                        <th scope="col"></th>
                    </tr></thead>
                    <tbody>
                        {move || snapshots.get().into_iter().map(|info| {
                            let id = info.id;
                            let customers = info.customers();
                            let for_compare = info.clone();
                            view! {
                                <tr>
                                    <th scope="row">{info.name.clone()}</th>
                                    <td>{move || taken_on(i18n, id)}</td>
                                    <td>{info.file.clone()}</td>
                                    <td>{move || i18n.count(customers)}</td>
                                    <td class="snapshot-actions">
                                        <button type="button" class="button secondary" disabled=loading on:click=move |_| compare(for_compare.clone())>
                                            {move || i18n.t("movement.compare")}
                                        </button>
                                        <button type="button" class="button secondary danger" on:click=move |_| forget(id)>
                                            {move || i18n.t("movement.delete")}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            {move || compared.get().map(|c| view! { <MovementView compared=c /> })}
        </section>
    }
}

/// The comparison: a sentence, the matrix with totals, the flow chart and
/// each segment's change in size.
#[component]
fn MovementView(compared: Compared) -> impl IntoView {
    let i18n = use_i18n();
    let c = StoredValue::new(compared);
    let m = move || c.with_value(|c| c.movement.clone());
    let summary = move || {
        c.with_value(|c| {
            let left: usize = c.movement.left.iter().sum();
            let joined: usize = c.movement.joined.iter().sum();
            i18n.t_count(
                "movement.summary",
                c.movement.matched(),
                &[
                    ("name", &c.snapshot.name),
                    ("date", &taken_on(i18n, c.snapshot.id)),
                    ("left", &i18n.count(left)),
                    ("joined", &i18n.count(joined)),
                ],
            )
        })
    };
    let draw = Callback::new(move |(canvas, ratio)| {
        c.with_value(|c| {
            draw_flow_on(
                canvas,
                ratio,
                &c.movement,
                (&c.snapshot.segment_names, &c.now_names),
                i18n,
            )
        })
    });
    let description = Signal::derive(move || i18n.t("movement.chart_description"));
    let changes = move || {
        c.with_value(|c| {
            let shared = c
                .movement
                .before_sizes
                .len()
                .min(c.movement.after_sizes.len());
            (0..shared)
                .map(|i| {
                    let size = |sizes: &[usize]| sizes.get(i).copied().unwrap_or(0);
                    let (then, now) = (
                        size(&c.movement.before_sizes),
                        size(&c.movement.after_sizes),
                    );
                    let change = if then == 0 {
                        i18n.t("movement.new_segment")
                    } else {
                        let percent = 100.0 * (now as f64 - then as f64) / then as f64;
                        let sign = if percent > 0.0 { "+" } else { "" };
                        format!("{sign}{}%", i18n.decimal(percent, 1))
                    };
                    i18n.t_args(
                        "movement.change",
                        &[
                            ("then", &i18n.count(then)),
                            ("now", &i18n.count(now)),
                            ("change", &change),
                        ],
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let before_names = move || c.with_value(|c| c.snapshot.segment_names.clone());
    let now_names = move || c.with_value(|c| c.now_names.clone());
    view! {
        <div class="movement-result">
            <p class="movement-summary">{summary}</p>
            <div class="table-scroll">
                <table class="movement-matrix">
                    <caption>{move || i18n.t("movement.matrix_caption")}</caption>
                    <thead><tr>
                        <th scope="col">{move || i18n.t("movement.then_now")}</th>
                        {move || now_names().into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                        <th scope="col">{move || i18n.t("movement.left")}</th>
                        <th scope="col">{move || i18n.t("movement.total")}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let m = m();
                            before_names().into_iter().enumerate().map(|(b, name)| {
                                let row = m.counts.get(b).cloned().unwrap_or_default();
                                let left = m.left.get(b).copied().unwrap_or(0);
                                let total = m.before_sizes.get(b).copied().unwrap_or(0);
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {row.into_iter().map(|n| view! { <td>{i18n.count(n)}</td> }).collect_view()}
                                        <td>{i18n.count(left)}</td>
                                        <td>{i18n.count(total)}</td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                        <tr>
                            <th scope="row">{move || i18n.t("movement.joined")}</th>
                            {move || m().joined.into_iter().map(|n| view! { <td>{i18n.count(n)}</td> }).collect_view()}
                            <td></td>
                            <td></td>
                        </tr>
                        <tr class="totals">
                            <th scope="row">{move || i18n.t("movement.total")}</th>
                            {move || m().after_sizes.into_iter().map(|n| view! { <td>{i18n.count(n)}</td> }).collect_view()}
                            <td></td>
                            <td></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <CanvasChart draw=draw description=description class="flow-canvas" />
            <div class="movement-changes">
                {move || changes().into_iter().enumerate().map(|(i, line)| {
                    let name = now_names().get(i).cloned().unwrap_or_default();
                    let figures = c.with_value(|c| c.changes.get(i).cloned().unwrap_or_default());
                    view! {
                        <article class="persona-change">
                            <h4>{name}</h4>
                            <p>{line}</p>
                            <Show when={
                                let empty = figures.is_empty();
                                move || !empty
                            }>
                                <table class="figure-changes">
                                    <thead><tr>
                                        <th scope="col">{move || i18n.t("movement.figure")}</th>
                                        <th scope="col">{move || i18n.t("movement.then")}</th>
                                        <th scope="col">{move || i18n.t("movement.now")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {figures.clone().into_iter().map(|f| view! {
                                            <tr>
                                                <th scope="row">{figure_label(i18n, &f.name)}</th>
                                                <td>{format_figure(i18n, &f.name, f.then)}</td>
                                                <td>{format_figure(i18n, &f.name, f.now)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </Show>
                        </article>
                    }
                }).collect_view()}
            </div>
        </div>
    }
}
