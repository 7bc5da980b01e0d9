//! Core's charts drawn on a canvas in the UI language: the counts in its
//! digits, the axis named in its words. Read inside a `CanvasChart` draw
//! callback, so a change of language redraws.

use leptos::prelude::Get;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::i18n::I18n;
use crate::core::charts::{
    draw_flow, draw_k_chart, draw_ranked_bars, draw_segment_map, draw_timeline, BarsText, FlowText,
    KChartText, KPoint, Palette, SegmentMapText, TimelineText,
};
use crate::core::i18n::{format_count, format_decimal};
use crate::core::segment::Movement;
use crate::engine::SegmentMap;

/// One bar per period (month, score), in order.
pub fn draw_periods_on(
    canvas: HtmlCanvasElement,
    ratio: f64,
    periods: &[(String, u64)],
    i18n: I18n,
) {
    let lang = i18n.lang.get();
    let count_label = i18n.t("chart.count");
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let text = TimelineText {
        y_label: &count_label,
        format_count: &|n| format_count(n, lang),
    };
    let _ = draw_timeline(
        &backend.into_drawing_area(),
        periods,
        &text,
        &Palette::LIGHT,
        ratio,
    );
}

/// Horizontal bars, (label, count), in the order given.
pub fn draw_bars_on(canvas: HtmlCanvasElement, ratio: f64, bars: &[(String, u64)], i18n: I18n) {
    let lang = i18n.lang.get();
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let text = BarsText {
        format_count: &|n| format_count(n, lang),
    };
    let _ = draw_ranked_bars(
        &backend.into_drawing_area(),
        bars,
        &text,
        &Palette::LIGHT,
        ratio,
    );
}

/// Silhouette and Calinski–Harabasz per k, the suggested and chosen k marked.
pub fn draw_k_chart_on(
    canvas: HtmlCanvasElement,
    ratio: f64,
    points: &[KPoint],
    suggested: Option<usize>,
    chosen: Option<usize>,
    i18n: I18n,
) {
    let lang = i18n.lang.get();
    let (x_label, silhouette, ch) = (
        i18n.t("segments.chart.k"),
        i18n.t("segments.k.silhouette"),
        i18n.t("segments.k.ch"),
    );
    let (suggested_label, chosen_label) = (
        i18n.t("segments.chart.suggested"),
        i18n.t("segments.chart.chosen"),
    );
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let text = KChartText {
        x_label: &x_label,
        silhouette_label: &silhouette,
        calinski_harabasz_label: &ch,
        suggested_label: &suggested_label,
        chosen_label: &chosen_label,
        format_k: &|k| format_count(k as u64, lang),
        format_value: &|v| format_decimal(v, 2, lang),
    };
    let _ = draw_k_chart(
        &backend.into_drawing_area(),
        points,
        suggested,
        chosen,
        &text,
        &Palette::LIGHT,
        ratio,
    );
}

/// Customers on the first two principal components, coloured by segment.
pub fn draw_segment_map_on(
    canvas: HtmlCanvasElement,
    ratio: f64,
    map: &SegmentMap,
    names: &[String],
    i18n: I18n,
) {
    let lang = i18n.lang.get();
    let axis = |index: usize| {
        i18n.t_args(
            "segments.map.axis",
            &[
                ("n", &format_count(index as u64 + 1, lang)),
                (
                    "percent",
                    &format_decimal(
                        100.0 * map.explained.get(index).copied().unwrap_or(0.0),
                        0,
                        lang,
                    ),
                ),
            ],
        )
    };
    let (x_label, y_label) = (axis(0), axis(1));
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let text = SegmentMapText {
        x_label: &x_label,
        y_label: &y_label,
        segment_names: names,
        format_value: &|v| format_decimal(v, 1, lang),
    };
    let _ = draw_segment_map(
        &backend.into_drawing_area(),
        &map.points,
        &map.segments,
        &text,
        &Palette::LIGHT,
        ratio,
    );
}

/// How customers moved between a snapshot's segments and today's.
pub fn draw_flow_on(
    canvas: HtmlCanvasElement,
    ratio: f64,
    movement: &Movement,
    (before_names, after_names): (&[String], &[String]),
    i18n: I18n,
) {
    let lang = i18n.lang.get();
    let (before_title, after_title) = (i18n.t("movement.then"), i18n.t("movement.now"));
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let text = FlowText {
        before_title: &before_title,
        after_title: &after_title,
        before_names,
        after_names,
        format_count: &|n| format_count(n, lang),
    };
    let _ = draw_flow(
        &backend.into_drawing_area(),
        movement,
        &text,
        &Palette::LIGHT,
        ratio,
    );
}
