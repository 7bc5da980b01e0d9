//! The dashboard card of a comment column: how many comments read
//! positive, neutral and negative, how that was measured, and a few
//! comments of each kind in the customers' own words (as text only).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::canvas_chart::CanvasChart;
use super::chart_draw::draw_bars_on;
use super::feedback_cards::{percent, CommentsByGroup};
use super::i18n::{use_i18n, I18n};
use super::studio::Studio;
use crate::core::feedback::{Quote, SentimentReport};
use crate::engine::{Request, Response};

#[component]
pub fn SentimentCard(column: usize) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let report = RwSignal::new(None::<SentimentReport>);
    spawn_local(async move {
        if let Response::Sentiment { report: found, .. } =
            studio.ask(Request::Sentiment { column }).await
        {
            report.set(Some(*found));
        }
    });
    let bars = move || {
        report.with(|r| {
            r.as_ref().map(|r| {
                vec![
                    (i18n.t("sentiment.positive"), r.summary.positive),
                    (i18n.t("sentiment.neutral"), r.summary.neutral),
                    (i18n.t("sentiment.negative"), r.summary.negative),
                ]
            })
        })
    };
    let draw = Callback::new(move |(canvas, ratio): (web_sys::HtmlCanvasElement, f64)| {
        let Some(bars) = bars() else { return };
        draw_bars_on(canvas, ratio, &bars, i18n);
    });
    let figure = Signal::derive(move || report.with(|r| r.as_ref().map(|r| figure_text(i18n, r))));
    let description = Signal::derive(move || figure.get().unwrap_or_default());
    view! {
        <p class="sentiment-figure">{move || figure.get()}</p>
        <CanvasChart
            draw=draw
            description=description
            class="bars-canvas"
            block_size=Signal::derive(|| "7rem".to_string())
        />
        <p class="hint">{move || i18n.t("sentiment.method")}</p>
        {move || {
            report
                .get()
                .map(|r| {
                    view! {
                        {quotes(i18n, "sentiment.quotes.positive", r.positive)}
                        {quotes(i18n, "sentiment.quotes.neutral", r.neutral)}
                        {quotes(i18n, "sentiment.quotes.negative", r.negative)}
                    }
                })
        }}
        <CommentsByGroup column=column />
    }
}

/// "62% positive, 21% neutral, 17% negative across 3,261 comments."
fn figure_text(i18n: I18n, report: &SentimentReport) -> String {
    let s = &report.summary;
    let share = |n: u64| percent(i18n, n, s.comments);
    i18n.t_count(
        "sentiment.figure",
        s.comments as usize,
        &[
            ("positive", &share(s.positive)),
            ("neutral", &share(s.neutral)),
            ("negative", &share(s.negative)),
            ("mean", &i18n.decimal(s.mean_score.unwrap_or(0.0), 2)),
        ],
    )
}

fn quotes(i18n: I18n, heading: &'static str, quotes: Vec<Quote>) -> Option<impl IntoView> {
    (!quotes.is_empty()).then(|| {
        view! {
            <h5>{move || i18n.t(heading)}</h5>
            <ul class="quotes">
                {quotes
                    .into_iter()
                    .map(|q| {
                        let row = q.row;
                        view! {
                            <li>
                                <blockquote dir="auto">{q.text}</blockquote>
                                <span class="quote-row">
                                    {move || {
                                        i18n.t_args(
                                            "sentiment.quote_row",
                                            &[("row", &i18n.count(row + 1))],
                                        )
                                    }}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
