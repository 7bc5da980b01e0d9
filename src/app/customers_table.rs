//! The customers table: every customer of the base in a scrolling window
//! (only the rows in view exist in the page, the engine sends each window),
//! sorted by any column, searched by id, filtered by a range on any figure.
//! A click on a customer opens their page.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{use_i18n, I18n};
use super::preview::{first_row_in_view, track_height, WINDOW_ROWS};
use super::studio::Studio;
use crate::core::customer_base::{CustomerField, CustomerQuery, CustomerRecord, FieldRange};
use crate::core::schema::parse_number;
use crate::engine::{Request, Response};

/// `fitted`: whether the model columns have figures (hidden otherwise).
/// The panel mounts a new table for each base the engine builds.
#[component]
pub fn CustomersTable(fitted: bool, on_open: Callback<String>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let fields: Vec<CustomerField> = CustomerField::ALL
        .into_iter()
        .filter(|f| fitted || !f.needs_model())
        .collect();
    let search = RwSignal::new(String::new());
    let sort = RwSignal::new((CustomerField::Total, true));
    let range_field = RwSignal::new(CustomerField::Total);
    let range_min = RwSignal::new(String::new());
    let range_max = RwSignal::new(String::new());
    let query = Memo::new(move |_| {
        let (sort_by, descending) = sort.get();
        let field = range_field.get();
        // Shares are typed as percentages, as the table shows them.
        let scale = match field {
            CustomerField::PAlive | CustomerField::ChurnRisk => 0.01,
            _ => 1.0,
        };
        let bound = |text: String| parse_number(text.trim()).map(|n| n * scale);
        let (min, max) = (bound(range_min.get()), bound(range_max.get()));
        CustomerQuery {
            search: search.get(),
            ranges: (min.is_some() || max.is_some())
                .then_some(FieldRange { field, min, max })
                .into_iter()
                .collect(),
            sort_by,
            descending,
        }
    });
    let first = RwSignal::new(0usize);
    let page = RwSignal::new((0usize, 0usize, Vec::<CustomerRecord>::new()));
    let scroller = NodeRef::<Div>::new();
    // A new query starts at the top.
    Effect::new(move |_| {
        let _ = query.get();
        first.set(0);
        if let Some(element) = scroller.get_untracked() {
            element.set_scroll_top(0);
        }
    });
    Effect::new(move |_| {
        let query = query.get();
        let start = first.get();
        spawn_local(async move {
            let answer = studio
                .ask(Request::CustomerPage {
                    query,
                    start,
                    end: start + WINDOW_ROWS,
                })
                .await;
            if first.get_untracked() != start {
                return;
            }
            if let Response::CustomerPage {
                matching,
                start,
                records,
            } = answer
            {
                page.set((start, matching, records));
            }
        });
    });
    let matching = move || page.with(|p| p.1);
    let on_scroll = move |_| {
        let Some(element) = scroller.get() else {
            return;
        };
        first.set(first_row_in_view(&element, matching()));
    };
    let caption = move || {
        let (start, matching, records) = page.get();
        let shown = records.len();
        i18n.t_args(
            "customers.table.caption",
            &[
                ("first", &i18n.count(if shown == 0 { 0 } else { start + 1 })),
                ("last", &i18n.count(start + shown)),
                ("total", &i18n.count(matching)),
            ],
        )
    };
    let header_fields = fields.clone();
    let headers = move || {
        header_fields
            .iter()
            .map(|&field| {
                let sorted = move || sort.with(|(by, desc)| (*by == field).then_some(*desc));
                let aria = move || match sorted() {
                    Some(true) => "descending",
                    Some(false) => "ascending",
                    None => "none",
                };
                let arrow = move || match sorted() {
                    Some(true) => " ▼",
                    Some(false) => " ▲",
                    None => "",
                };
                let on_click = move |_| {
                    sort.update(|(by, desc)| {
                        if *by == field {
                            *desc = !*desc;
                        } else {
                            // Ids read best A→Z; figures biggest first.
                            *by = field;
                            *desc = field != CustomerField::Id;
                        }
                    })
                };
                view! {
                    <th scope="col" aria-sort=aria>
                        <button type="button" class="sort" on:click=on_click>
                            {move || i18n.t(field.key())}
                            {arrow}
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    let row_fields = fields.clone();
    let rows = move || {
        let lang = i18n.lang.get();
        page.get()
            .2
            .into_iter()
            .map(|record| {
                let id = record.id.clone();
                let cells = row_fields
                    .iter()
                    .skip(1)
                    .map(|field| {
                        view! { <td class="number">{field.display(&record, lang)}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row" dir="auto">
                            <button
                                type="button"
                                class="link"
                                on:click=move |_| on_open.run(id.clone())
                            >
                                {record.id.clone()}
                            </button>
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let filter_fields = fields.clone();
    view! {
        <div class="customers-table">
            <div class="table-controls">
                <label class="field">
                    <span>{move || i18n.t("customers.table.search")}</span>
                    <input
                        type="search"
                        prop:value=search
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                </label>
                <label class="field">
                    <span>{move || i18n.t("customers.table.filter")}</span>
                    <select on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(field) = CustomerField::ALL
                            .into_iter()
                            .find(|f| f.key() == picked)
                        {
                            range_field.set(field);
                        }
                    }>
                        {filter_fields
                            .iter()
                            .filter(|f| **f != CustomerField::Id && !f.is_day())
                            .map(|&field| {
                                let selected = move || range_field.get() == field;
                                view! {
                                    <option value=field.key() selected=selected prop:selected=selected>
                                        {move || i18n.t(field.key())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                {bound_input(i18n, "customers.table.min", range_min)}
                {bound_input(i18n, "customers.table.max", range_max)}
            </div>
            <p class="preview-caption" id="customers-caption" aria-live="polite">{caption}</p>
            <div
                class="row-window"
                node_ref=scroller
                tabindex="0"
                role="region"
                aria-labelledby="customers-title customers-caption"
                on:scroll=on_scroll
            >
                <div class="row-window-track" style:height=move || track_height(matching())>
                    <table>
                        <thead>
                            <tr>{headers}</tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        </div>
    }
}

/// One end of the range filter, as typed (read as a number on change).
fn bound_input(i18n: I18n, label: &'static str, bound: RwSignal<String>) -> impl IntoView {
    view! {
        <label class="field narrow">
            <span>{move || i18n.t(label)}</span>
            <input
                type="text"
                inputmode="decimal"
                prop:value=bound
                on:change=move |ev| bound.set(event_target_value(&ev))
            />
        </label>
    }
}
