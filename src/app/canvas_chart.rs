//! A chart on a `<canvas>` sized for devicePixelRatio, redrawn when its
//! data, the language or the window size changes, and described in words
//! for screen readers.

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart_canvas::size_canvas_for_dpr;

/// `draw` gets the canvas and the device pixel ratio; whatever signals it
/// reads make the chart redraw when they change.
#[component]
pub fn CanvasChart(
    draw: Callback<(HtmlCanvasElement, f64)>,
    #[prop(into)] description: Signal<String>,
    #[prop(into)] class: String,
    /// A CSS block size when the chart's height depends on its data (one
    /// row per bar); otherwise the stylesheet's aspect ratio holds.
    #[prop(optional, into)]
    block_size: Option<Signal<String>>,
    /// A click on the chart, at (x, y) in CSS pixels from its top left.
    #[prop(optional)]
    on_click: Option<Callback<(f64, f64)>>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        resized.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let ratio = size_canvas_for_dpr(&canvas);
        draw.run((canvas, ratio));
    });
    view! {
        <figure class="chart">
            // Drawn left to right whatever the page direction: plotters
            // positions text itself, and an RTL canvas would mirror it.
            <canvas
                node_ref=canvas_ref
                class=class
                dir="ltr"
                role="img"
                aria-label=description
                style:block-size=move || block_size.map(|size| size.get())
                style:aspect-ratio=move || block_size.map(|_| "auto")
                class:clickable=on_click.is_some()
                on:click=move |ev: web_sys::MouseEvent| {
                    if let Some(callback) = on_click {
                        callback.run((f64::from(ev.offset_x()), f64::from(ev.offset_y())));
                    }
                }
            ></canvas>
            <figcaption>{description}</figcaption>
        </figure>
    }
}
