//! Core's charts drawn on a canvas in the UI language: the counts in its
//! digits, the axis named in its words. Read inside a `CanvasChart` draw
//! callback, so a change of language redraws.

use leptos::prelude::Get;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::i18n::I18n;
use crate::core::charts::{draw_ranked_bars, draw_timeline, BarsText, Palette, TimelineText};
use crate::core::i18n::format_count;

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
