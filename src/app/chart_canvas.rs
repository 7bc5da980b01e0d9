//! The distribution chart: a column picker and a histogram drawn by plotters
//! on a `<canvas>` whose backing store matches devicePixelRatio.

use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::i18n::use_i18n;
use super::studio::Studio;
use crate::core::charts::{draw_histogram, HistogramText, Palette};
use crate::core::i18n::{format_count, format_decimal, Lang};
use crate::core::stats::Histogram;
use crate::engine::{Request, Response};

const TARGET_BINS: usize = 20;

/// Give the canvas a backing store of its CSS size × devicePixelRatio, so
/// one chart pixel is one screen pixel. Returns the ratio used.
pub fn size_canvas_for_dpr(canvas: &HtmlCanvasElement) -> f64 {
    let ratio = window().device_pixel_ratio().max(1.0);
    let rect = canvas.get_bounding_client_rect();
    canvas.set_width((rect.width() * ratio).round().max(1.0) as u32);
    canvas.set_height((rect.height() * ratio).round().max(1.0) as u32);
    ratio
}

#[component]
pub fn ChartSection() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let numeric_columns = Memo::new(move |_| {
        studio.loaded.with(|loaded| {
            loaded
                .as_ref()
                .map(|l| {
                    l.summary
                        .numeric_columns()
                        .map(|(i, c)| (i, c.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let chosen = Memo::new(move |_| studio.project.with(|p| p.chart_column.clone()));
    let histogram = RwSignal::new(None::<Histogram>);
    let chosen_index = Memo::new(move |_| {
        let name = chosen.get()?;
        numeric_columns.with(|cols| cols.iter().find(|(_, n)| *n == name).map(|(i, _)| *i))
    });
    // Ask the engine whenever the table or the chosen column changes; an
    // answer for a column no longer chosen is dropped.
    Effect::new(move |_| {
        studio.loaded.with(|l| l.as_ref().map(|l| l.generation));
        let Some(index) = chosen_index.get() else {
            histogram.set(None);
            return;
        };
        spawn_local(async move {
            let response = studio
                .ask(Request::Histogram {
                    column: index,
                    target_bins: TARGET_BINS,
                })
                .await;
            if chosen_index.get_untracked() != Some(index) {
                return;
            }
            histogram.set(match response {
                Response::Histogram { histogram, .. } => Some(histogram),
                _ => None,
            });
        });
    });
    let on_change = move |ev| {
        let name = event_target_value(&ev);
        studio.project.update(|p| p.chart_column = Some(name));
    };

    view! {
        <section class="chart-section" aria-labelledby="chart-title">
            <h2 id="chart-title">{move || i18n.t("chart.heading")}</h2>
            <Show
                when=move || !numeric_columns.with(Vec::is_empty)
                fallback=move || view! { <p>{move || i18n.t("chart.none")}</p> }
            >
                <label class="field">
                    <span>{move || i18n.t("chart.column")}</span>
                    <select on:change=on_change prop:value=move || chosen.get().unwrap_or_default()>
                        {move || {
                            numeric_columns
                                .get()
                                .into_iter()
                                .map(|(_, name)| view! { <option value=name.clone()>{name.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <HistogramChart
                    histogram=Signal::derive(move || histogram.get())
                    label=Signal::derive(move || chosen.get().unwrap_or_default())
                />
            </Show>
        </section>
    }
}

/// A histogram on a canvas, redrawn when the data, the language or the
/// window size changes. The canvas carries a text description for screen
/// readers (and tests): what is drawn, in words.
#[component]
pub fn HistogramChart(
    #[prop(into)] histogram: Signal<Option<Histogram>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        resized.track();
        let (Some(canvas), Some(histogram)) = (canvas_ref.get(), histogram.get()) else {
            return;
        };
        let lang = i18n.lang.get();
        let ratio = size_canvas_for_dpr(&canvas);
        draw(
            &canvas,
            &histogram,
            &label.get(),
            &i18n.t("chart.count"),
            lang,
            ratio,
        );
        let _ = canvas.set_attribute("data-device-pixel-ratio", &ratio.to_string());
    });

    let description = move || {
        let Some(h) = histogram.get() else {
            return String::new();
        };
        let lang = i18n.lang.get();
        let (min, max) = (
            h.edges.first().copied().unwrap_or(0.0),
            h.edges.last().copied().unwrap_or(0.0),
        );
        i18n.t_args(
            "chart.description",
            &[
                ("column", &label.get()),
                ("bins", &format_count(h.counts.len() as u64, lang)),
                ("min", &format_value(min, lang)),
                ("max", &format_value(max, lang)),
            ],
        )
    };
    let excluded = move || {
        let h = histogram.get()?;
        (h.missing + h.invalid > 0).then(|| {
            i18n.t_args(
                "chart.excluded",
                &[
                    ("missing", &i18n.count(h.missing)),
                    ("invalid", &i18n.count(h.invalid)),
                ],
            )
        })
    };

    view! {
        <figure class="chart">
            <canvas node_ref=canvas_ref class="chart-canvas" dir="ltr" role="img" aria-label=description></canvas>
            <figcaption>{description} " " {excluded}</figcaption>
        </figure>
    }
}

fn format_value(x: f64, lang: Lang) -> String {
    let places = if x.fract() == 0.0 { 0 } else { 2 };
    format_decimal(x, places, lang)
}

fn draw(
    canvas: &HtmlCanvasElement,
    histogram: &Histogram,
    x_label: &str,
    y_label: &str,
    lang: Lang,
    ratio: f64,
) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    let format_value = move |x: f64| format_value(x, lang);
    let format_count = move |n: u64| format_count(n, lang);
    let text = HistogramText {
        x_label,
        y_label,
        format_value: &format_value,
        format_count: &format_count,
    };
    if let Err(err) = draw_histogram(&area, histogram, &text, &Palette::LIGHT, ratio) {
        web_sys::console::warn_1(&format!("chart: {err:?}").into());
    }
}

/// A canvas of `width` × `height` pixels, not in the page (to draw a file
/// on: a persona card, a shrunk picture).
pub fn new_canvas(width: u32, height: u32) -> Option<HtmlCanvasElement> {
    use wasm_bindgen::JsCast;
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    Some(canvas)
}
