//! The table's rows, in a window that scrolls through all of them (a
//! million rows included) while only the visible rows exist in the page:
//! the engine is asked for each window as it comes into view.
//!
//! Every cell is rendered as a text node, so a cell holding markup shows
//! as the characters it is.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::use_i18n;
use super::studio::Studio;
use crate::engine::{Request, Response};

/// Rows visible at once.
pub const WINDOW_ROWS: usize = 15;
/// Height of one row in CSS pixels (fixed in style/main.css, `.row-window`).
const ROW_PX: f64 = 28.0;
/// Browsers stop laying out elements somewhere above 10⁷ px; beyond this
/// height the scrollbar maps proportionally onto the rows instead.
const MAX_SCROLL_PX: f64 = 4_000_000.0;

/// The preview wired to the engine: fetches the rows in view.
#[component]
pub fn Preview() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let headers = Signal::derive(move || studio.column_names());
    let total = Signal::derive(move || {
        studio
            .loaded
            .with(|l| l.as_ref().map_or(0, |l| l.summary.row_count()))
    });
    let generation = Memo::new(move |_| studio.loaded.with(|l| l.as_ref().map(|l| l.generation)));
    let page = RwSignal::new((0usize, Vec::<Vec<String>>::new()));
    let wanted = RwSignal::new((0usize, WINDOW_ROWS));
    // A new table starts at its top.
    Effect::new(move |_| {
        let _new_table = generation.get();
        wanted.set((0, WINDOW_ROWS));
    });
    Effect::new(move |_| {
        let _new_table = generation.get();
        let (start, count) = wanted.get();
        spawn_local(async move {
            let response = studio
                .ask(Request::Rows {
                    start,
                    end: start + count,
                })
                .await;
            // Only the latest window matters; earlier answers are dropped.
            if wanted.get_untracked().0 != start {
                return;
            }
            if let Response::Rows { start, rows } = response {
                page.set((start, rows));
            }
        });
    });
    view! {
        <RowWindow
            headers=headers
            total=total
            start=Signal::derive(move || page.with(|p| p.0))
            rows=Signal::derive(move || page.with(|p| p.1.clone()))
            on_window=Callback::new(move |window| wanted.set(window))
        />
    }
}

/// Which rows a scroll position shows: the scrollbar's fraction of the way
/// down, mapped onto the first rows of the last full window.
pub fn first_row_at(scroll_top: f64, scroll_range: f64, total: usize) -> usize {
    let last_start = total.saturating_sub(WINDOW_ROWS);
    if scroll_range <= 0.0 || last_start == 0 {
        return 0;
    }
    let fraction = (scroll_top / scroll_range).clamp(0.0, 1.0);
    ((fraction * last_start as f64).round() as usize).min(last_start)
}

/// The first of `total` rows in view in a `.row-window` scroller.
pub fn first_row_in_view(scroller: &web_sys::HtmlDivElement, total: usize) -> usize {
    let range = f64::from(scroller.scroll_height() - scroller.client_height());
    first_row_at(f64::from(scroller.scroll_top()), range, total)
}

/// The CSS height of a `.row-window-track` over `total` rows: one row
/// per row (capped) plus the header's.
pub fn track_height(total: usize) -> String {
    format!("{}px", (total as f64 * ROW_PX).min(MAX_SCROLL_PX) + ROW_PX)
}

/// A scrolling window over `total` rows showing `rows` (which start at row
/// `start`, 0-based); tells `on_window` which rows it should show next.
#[component]
pub fn RowWindow(
    #[prop(into)] headers: Signal<Vec<String>>,
    #[prop(into)] total: Signal<usize>,
    #[prop(into)] start: Signal<usize>,
    #[prop(into)] rows: Signal<Vec<Vec<String>>>,
    #[prop(optional)] on_window: Option<Callback<(usize, usize)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let scroller = NodeRef::<Div>::new();
    let on_scroll = move |_| {
        let Some(element) = scroller.get() else {
            return;
        };
        let first = first_row_in_view(&element, total.get_untracked());
        if let Some(callback) = on_window {
            callback.run((first, WINDOW_ROWS));
        }
    };
    let caption = move || {
        let shown = rows.with(Vec::len);
        let first = start.get();
        i18n.t_args(
            "preview.caption",
            &[
                ("first", &i18n.count(if shown == 0 { 0 } else { first + 1 })),
                ("last", &i18n.count(first + shown)),
                ("total", &i18n.count(total.get())),
            ],
        )
    };
    view! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{move || i18n.t("preview.heading")}</h2>
            <p class="preview-caption" id="preview-caption" aria-live="polite">{caption}</p>
            <div
                class="row-window"
                node_ref=scroller
                tabindex="0"
                role="region"
                aria-labelledby="preview-title preview-caption"
                on:scroll=on_scroll
            >
                <div class="row-window-track" style:height=move || track_height(total.get())>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("preview.row")}</th>
                                {move || {
                                    headers
                                        .get()
                                        .into_iter()
                                        .map(|h| view! { <th scope="col" dir="auto">{h}</th> })
                                        .collect_view()
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let first = start.get();
                                rows.get()
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, row)| {
                                        view! {
                                            <tr>
                                                <th scope="row" class="number">{i18n.count(first + i + 1)}</th>
                                                {row
                                                    .into_iter()
                                                    .map(|cell| view! { <td dir="auto">{cell}</td> })
                                                    .collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </div>
        </section>
    }
}
