//! How columns go together: a heatmap of the strongest associations and
//! the strongest pairs in words.

use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use super::chart_canvas::size_canvas_for_dpr;
use super::i18n::{use_i18n, I18n};
use super::studio::Studio;
use crate::core::associations::{Association, AssociationMatrix, Measure};
use crate::core::charts::{draw_heatmap, HeatmapText, Palette};
use crate::core::i18n::{format_count, format_decimal};
use crate::core::quality::ColumnKind;
use crate::core::schema::ColumnType;
use crate::engine::{ColumnSummary, Request, Response};

/// Columns drawn in the heatmap: those in the strongest pairs.
const HEATMAP_COLUMNS: usize = 10;
/// Pairs put into words.
const PAIRS_IN_WORDS: usize = 5;

fn strength_key(value: f64) -> &'static str {
    match value.abs() {
        v if v < 0.1 => "assoc.strength.negligible",
        v if v < 0.3 => "assoc.strength.weak",
        v if v < 0.5 => "assoc.strength.moderate",
        _ => "assoc.strength.strong",
    }
}

fn in_words(i18n: I18n, pair: &Association, names: &[String], kinds: &[ColumnKind]) -> String {
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    let value = i18n.decimal(pair.value, 2);
    let strength = i18n.t(strength_key(pair.value));
    if pair.strength() < 0.1 {
        return i18n.t_args(
            "assoc.negligible",
            &[
                ("a", &name(pair.a)),
                ("b", &name(pair.b)),
                ("value", &value),
            ],
        );
    }
    match pair.measure {
        Measure::Pearson => i18n.t_args(
            if pair.value < 0.0 {
                "assoc.pearson_negative"
            } else {
                "assoc.pearson_positive"
            },
            &[
                ("a", &name(pair.a)),
                ("b", &name(pair.b)),
                ("strength", &strength),
                ("r", &value),
                (
                    "rho",
                    &pair
                        .spearman
                        .map(|rho| i18n.decimal(rho, 2))
                        .unwrap_or_default(),
                ),
            ],
        ),
        Measure::CramersV => i18n.t_args(
            "assoc.cramers_v",
            &[
                ("a", &name(pair.a)),
                ("b", &name(pair.b)),
                ("strength", &strength),
                ("v", &value),
            ],
        ),
        Measure::CorrelationRatio => {
            let a_is_category = kinds.get(pair.a).is_some_and(|k| {
                matches!(k.column_type, ColumnType::Category | ColumnType::Boolean)
            });
            let (category, number) = if a_is_category {
                (pair.a, pair.b)
            } else {
                (pair.b, pair.a)
            };
            i18n.t_args(
                "assoc.eta",
                &[
                    ("category", &name(category)),
                    ("number", &name(number)),
                    ("strength", &strength),
                    ("eta", &value),
                ],
            )
        }
    }
}

/// The columns of the strongest pairs, in table order, at most `limit`.
fn heatmap_columns(matrix: &AssociationMatrix, limit: usize) -> Vec<usize> {
    let mut ranked: Vec<&Association> = matrix.associations.iter().collect();
    ranked.sort_by(|x, y| y.strength().total_cmp(&x.strength()));
    let mut chosen: Vec<usize> = Vec::new();
    for pair in ranked {
        for column in [pair.a, pair.b] {
            if chosen.len() < limit && !chosen.contains(&column) {
                chosen.push(column);
            }
        }
    }
    chosen.sort_unstable();
    chosen
}

#[component]
pub fn AssociationsPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let matrix = RwSignal::new(None::<AssociationMatrix>);
    let kinds = Memo::new(move |_| {
        studio.loaded.with(|l| {
            l.as_ref().map(|l| {
                (
                    l.generation,
                    l.summary
                        .columns
                        .iter()
                        .map(ColumnSummary::kind)
                        .collect::<Vec<_>>(),
                )
            })
        })
    });
    Effect::new(move |_| {
        let Some((_, kinds)) = kinds.get() else {
            matrix.set(None);
            return;
        };
        spawn_local(async move {
            if let Response::Associations(found) = studio.ask(Request::Associations { kinds }).await
            {
                matrix.set(Some(found));
            }
        });
    });
    let names = Memo::new(move |_| studio.column_names());
    let strongest = move || {
        let found = matrix.get()?;
        let mut ranked = found.associations.clone();
        ranked.sort_by(|x, y| y.strength().total_cmp(&x.strength()));
        ranked.truncate(PAIRS_IN_WORDS);
        let names = names.get();
        let kinds = kinds.get().map(|k| k.1).unwrap_or_default();
        Some(
            ranked
                .iter()
                .map(|pair| in_words(i18n, pair, &names, &kinds))
                .collect::<Vec<_>>(),
        )
    };
    let canvas_ref = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        let (Some(canvas), Some(found)) = (canvas_ref.get(), matrix.get()) else {
            return;
        };
        let lang = i18n.lang.get();
        let columns = heatmap_columns(&found, HEATMAP_COLUMNS);
        let all_names = names.get();
        let labels: Vec<String> = columns
            .iter()
            .map(|&c| all_names.get(c).cloned().unwrap_or_default())
            .collect();
        let value = |i: usize, j: usize| {
            let (a, b) = (*columns.get(i)?, *columns.get(j)?);
            let (a, b) = (a.min(b), a.max(b));
            found
                .associations
                .iter()
                .find(|x| x.a == a && x.b == b)
                .map(|x| x.value)
        };
        let ratio = size_canvas_for_dpr(&canvas);
        let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
            return;
        };
        let text = HeatmapText {
            format_value: &|v| format_decimal(v, 2, lang),
            format_index: &|i| format_count(i as u64, lang),
        };
        let _ = draw_heatmap(
            &backend.into_drawing_area(),
            &labels,
            &value,
            &text,
            &Palette::LIGHT,
            ratio,
        );
    });
    let description = move || {
        let count = matrix.with(|m| {
            m.as_ref()
                .map_or(0, |m| heatmap_columns(m, HEATMAP_COLUMNS).len())
        });
        i18n.t_count("assoc.heatmap", count, &[])
    };
    view! {
        <section class="associations" aria-labelledby="assoc-title">
            <h2 id="assoc-title">{move || i18n.t("assoc.heading")}</h2>
            <Show
                when=move || matrix.with(|m| m.as_ref().is_some_and(|m| !m.associations.is_empty()))
                fallback=move || view! { <p>{move || i18n.t("assoc.none")}</p> }
            >
                <ul class="findings">
                    {move || strongest().unwrap_or_default().into_iter().map(|line| view! { <li dir="auto">{line}</li> }).collect_view()}
                </ul>
                <figure class="chart">
                    <canvas node_ref=canvas_ref class="heatmap-canvas" dir="ltr" role="img" aria-label=description></canvas>
                    <figcaption>{description}</figcaption>
                </figure>
            </Show>
        </section>
    }
}
