//! One customer's page: every figure, their churn risk in words, their
//! purchases per month on canvas, every row of theirs in the purchase log,
//! and their rows in the project's other files: their details, their
//! feedback (all rendered as text).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::canvas_chart::CanvasChart;
use super::chart_draw::draw_periods_on;
use super::i18n::{use_i18n, I18n};
use super::studio::Studio;
use crate::core::customer_base::{CustomerField, CustomerRecord, CustomerStory, RelatedRows};
use crate::core::relate::FileRole;
use crate::engine::{Request, Response};

/// Shown while `id` is set; closing sets it back to `None`.
#[component]
pub fn CustomerPage(id: RwSignal<Option<String>>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let story = RwSignal::new(None::<Box<CustomerStory>>);
    Effect::new(move |_| {
        let Some(wanted) = id.get() else {
            story.set(None);
            return;
        };
        spawn_local(async move {
            let answer = studio.ask(Request::Customer { id: wanted.clone() }).await;
            if id.get_untracked().as_deref() != Some(wanted.as_str()) {
                return;
            }
            match answer {
                Response::CustomerStory(found) => {
                    story.set(Some(found));
                    scroll_into_view();
                }
                _ => story.set(None),
            }
        });
    });
    move || {
        story.get().map(|story| {
            let story = *story;
            view! {
                <article class="customer-page" id="customer-page" aria-labelledby="customer-page-title">
                    <header class="customer-page-head">
                        <h3 id="customer-page-title" dir="auto">
                            {move || i18n.t("customers.page.heading")}
                            " "
                            <bdi>{story.record.id.clone()}</bdi>
                        </h3>
                        <button type="button" on:click=move |_| id.set(None)>
                            {move || i18n.t("customers.page.close")}
                        </button>
                    </header>
                    {figures(i18n, story.record.clone())}
                    <p class="churn-note">{churn_text(i18n, story.record.clone())}</p>
                    {elsewhere(i18n, story.elsewhere.clone())}
                    {timeline(i18n, story.months.clone())}
                    {rows(i18n, &story)}
                </article>
            }
        })
    }
}

fn scroll_into_view() {
    // After the page is drawn: the next frame.
    request_animation_frame(|| {
        if let Some(page) = document().get_element_by_id("customer-page") {
            page.scroll_into_view();
        }
    });
}

fn figures(i18n: I18n, record: CustomerRecord) -> impl IntoView {
    let shown: Vec<CustomerField> = CustomerField::ALL
        .into_iter()
        .filter(|f| *f != CustomerField::Id && (!f.needs_model() || record.p_alive.is_some()))
        .collect();
    view! {
        <dl class="customer-figures">
            {shown
                .into_iter()
                .map(|field| {
                    let record = record.clone();
                    view! {
                        <div>
                            <dt>{move || i18n.t(field.key())}</dt>
                            <dd>{move || field.display(&record, i18n.lang.get())}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// "Probably still a customer (83%). Buys about every 40 days; 2.5 of those
/// gaps have passed since the last purchase."
fn churn_text(i18n: I18n, record: CustomerRecord) -> impl Fn() -> String {
    move || {
        let mut parts = Vec::new();
        if let Some(p) = record.p_alive {
            parts.push(i18n.t_args(
                "customers.page.alive",
                &[("percent", &i18n.decimal(100.0 * p, 0))],
            ));
        }
        match (record.mean_interval_days, record.intervals_overdue()) {
            (Some(interval), Some(overdue)) => parts.push(i18n.t_args(
                "customers.page.rhythm",
                &[
                    ("days", &i18n.decimal(interval, 0)),
                    ("gaps", &i18n.decimal(overdue, 1)),
                ],
            )),
            _ => parts.push(i18n.t("customers.page.one_purchase")),
        }
        parts.join(" ")
    }
}

fn timeline(i18n: I18n, months: Vec<(String, u64)>) -> impl IntoView {
    let described = months.clone();
    let draw = Callback::new(move |(canvas, ratio): (web_sys::HtmlCanvasElement, f64)| {
        draw_periods_on(canvas, ratio, &months, i18n);
    });
    let description = Signal::derive(move || {
        let first = described.first().map(|m| m.0.clone()).unwrap_or_default();
        let last = described.last().map(|m| m.0.clone()).unwrap_or_default();
        i18n.t_count(
            "customers.page.timeline",
            described.iter().map(|m| m.1 as usize).sum(),
            &[("first", &first), ("last", &last)],
        )
    });
    view! { <CanvasChart draw=draw description=description class="timeline-canvas" /> }
}

fn rows(i18n: I18n, story: &CustomerStory) -> impl IntoView {
    let headers = story.headers.clone();
    let lines = story.rows.clone();
    let (shown, total) = (story.rows.len(), story.total_rows);
    view! {
        <h4>{move || i18n.t("customers.page.rows")}</h4>
        <p class="preview-caption">
            {move || {
                i18n.t_args(
                    "customers.page.rows_caption",
                    &[("shown", &i18n.count(shown)), ("total", &i18n.count(total))],
                )
            }}
        </p>
        {row_table(i18n, headers, lines)}
    }
}

/// Rows of a file as a table, each with its row number.
fn row_table(i18n: I18n, headers: Vec<String>, lines: Vec<(usize, Vec<String>)>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="customer-rows">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("preview.row")}</th>
                        {headers
                            .into_iter()
                            .map(|h| view! { <th scope="col" dir="auto">{h}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {lines
                        .into_iter()
                        .map(|(row, cells)| {
                            view! {
                                <tr>
                                    <th scope="row" class="number">{move || i18n.count(row + 1)}</th>
                                    {cells
                                        .into_iter()
                                        .map(|cell| view! { <td dir="auto">{cell}</td> })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The customer's rows in the other files: a single row (their details)
/// as a list of facts, several as a table.
fn elsewhere(i18n: I18n, related: Vec<RelatedRows>) -> impl IntoView {
    related
        .into_iter()
        .map(|found| {
            let heading_key = match found.role {
                FileRole::Customers => "customers.page.details",
                FileRole::Feedback => "customers.page.feedback",
                FileRole::Transactions | FileRole::Other => "customers.page.elsewhere",
            };
            let file = found.file.clone();
            let (shown, total) = (found.rows.len(), found.total_rows);
            let body = match found.rows.as_slice() {
                [(_, cells)] => facts(found.headers.clone(), cells.clone()).into_any(),
                _ => row_table(i18n, found.headers.clone(), found.rows.clone()).into_any(),
            };
            view! {
                <section class="customer-elsewhere">
                    <h4>{move || i18n.t_args(heading_key, &[("file", &file)])}</h4>
                    {(total > shown).then(|| view! {
                        <p class="preview-caption">
                            {move || i18n.t_args(
                                "customers.page.rows_caption",
                                &[("shown", &i18n.count(shown)), ("total", &i18n.count(total))],
                            )}
                        </p>
                    })}
                    {body}
                </section>
            }
        })
        .collect_view()
}

/// One row as "header: value" facts.
fn facts(headers: Vec<String>, cells: Vec<String>) -> impl IntoView {
    view! {
        <dl class="customer-figures customer-details">
            {headers
                .into_iter()
                .zip(cells)
                .map(|(header, cell)| view! {
                    <div>
                        <dt dir="auto">{header}</dt>
                        <dd dir="auto">{cell}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
    }
}
