//! The columns found, each with its type and role: guessed first, and
//! correctable by the user when the list is given `on_type`/`on_role`.
//! Under each column's examples: the calendar and day/month order of its
//! dates (a choice when the data leaves it open) and the values that do
//! not fit its type, listed with their rows.

use leptos::prelude::*;

use super::column_stats::ColumnStatsDetails;
use super::i18n::use_i18n;
use crate::core::i18n::{
    describe_calendar, describe_column_type, describe_date_order, describe_misfit,
    describe_misfits, describe_role, Lang,
};
use crate::core::schema::{Calendar, ColumnGuess, ColumnType, DateOrder, Role};
use crate::engine::ColumnSummary;

#[component]
pub fn ColumnList(
    #[prop(into)] columns: Signal<Vec<ColumnSummary>>,
    /// Called with (column index, chosen type) when the user changes a type.
    #[prop(optional)]
    on_type: Option<Callback<(usize, ColumnType)>>,
    /// Called with (column index, chosen role) when the user changes a role.
    #[prop(optional)]
    on_role: Option<Callback<(usize, Role)>>,
    /// Called with (column index, order) when the user says which field of
    /// a column's `a/b/yyyy` dates is the day.
    #[prop(optional)]
    on_date_order: Option<Callback<(usize, DateOrder)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="column-list" aria-labelledby="columns-title">
            <h2 id="columns-title">{move || i18n.t("columns.heading")}</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("columns.name")}</th>
                            <th scope="col">{move || i18n.t("columns.type")}</th>
                            <th scope="col">{move || i18n.t("columns.role")}</th>
                            <th scope="col">{move || i18n.t("columns.missing")}</th>
                            <th scope="col">{move || i18n.t("columns.examples")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = i18n.lang.get();
                            columns
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(index, column)| {
                                    let edits = Edits { on_type, on_role, on_date_order };
                                    column_row(lang, index, column, edits)
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// What the user may change in a row, when the list is editable.
#[derive(Clone, Copy)]
struct Edits {
    on_type: Option<Callback<(usize, ColumnType)>>,
    on_role: Option<Callback<(usize, Role)>>,
    on_date_order: Option<Callback<(usize, DateOrder)>>,
}

fn column_row(lang: Lang, index: usize, column: ColumnSummary, edits: Edits) -> impl IntoView {
    let Edits {
        on_type,
        on_role,
        on_date_order,
    } = edits;
    let i18n = use_i18n();
    let notes = column_notes(lang, index, &column.name, &column.guess, on_date_order);
    let examples = column.guess.examples.join(" · ");
    let name = column.name.clone();
    let chosen_type = column.guess.column_type;
    let type_cell = match on_type {
        Some(callback) => {
            let label = i18n.t_args("columns.type_of", &[("column", &name)]);
            let options = ColumnType::ALL
                .into_iter()
                .map(|t| (t.key(), describe_column_type(lang, t), t == chosen_type))
                .collect::<Vec<_>>();
            picker(label, options, move |key| {
                if let Some(t) = ColumnType::from_key(&key) {
                    callback.run((index, t));
                }
            })
            .into_any()
        }
        None => describe_column_type(lang, chosen_type).into_any(),
    };
    let role_cell = match on_role {
        Some(callback) => {
            let label = i18n.t_args("columns.role_of", &[("column", &name)]);
            let options = Role::all()
                .map(|r| (r.key(), describe_role(lang, r), r == column.role))
                .collect::<Vec<_>>();
            picker(label, options, move |key| {
                if let Some(role) = Role::from_key(&key) {
                    callback.run((index, role));
                }
            })
            .into_any()
        }
        None => describe_role(lang, column.role).into_any(),
    };
    view! {
        <tr>
            <th scope="row" dir="auto">{name}</th>
            <td>{type_cell}</td>
            <td>{role_cell}</td>
            <td class="number">{i18n.count(column.guess.missing)}</td>
            <td class="examples">
                <span dir="auto">{examples}</span>
                {notes}
                <ColumnStatsDetails index=index numeric=chosen_type.is_numeric() />
            </td>
        </tr>
    }
}

/// A labelled `<select>` over (value, text, selected) options.
fn picker(
    label: String,
    options: Vec<(&'static str, String, bool)>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    // `prop:selected` as well as the attribute: a select the user already
    // changed ignores the attribute on options it is handed later.
    view! {
        <select aria-label=label on:change=move |ev| on_pick(event_target_value(&ev))>
            {options
                .into_iter()
                .map(|(value, text, selected)| view! { <option value=value selected=selected prop:selected=selected>{text}</option> })
                .collect_view()}
        </select>
    }
}

/// The calendar and day/month order of a date column, and the values that
/// don't fit the column's type.
fn column_notes(
    lang: Lang,
    index: usize,
    name: &str,
    guess: &ColumnGuess,
    on_date_order: Option<Callback<(usize, DateOrder)>>,
) -> impl IntoView {
    let calendar = (guess.calendar == Some(Calendar::Jalali))
        .then(|| view! { <p class="column-note">{describe_calendar(lang, Calendar::Jalali)}</p> });
    let order = guess
        .date_order
        .map(|order| date_order_note(lang, index, name, order, on_date_order));
    let misfits = describe_misfits(lang, guess).map(|summary| misfit_list(lang, summary, guess));
    view! { {calendar} {order} {misfits} }
}

/// The order as decided, with a picker when the list is editable; an
/// ambiguous order is flagged and asks to be chosen.
fn date_order_note(
    lang: Lang,
    index: usize,
    name: &str,
    order: DateOrder,
    on_date_order: Option<Callback<(usize, DateOrder)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ambiguous = order == DateOrder::Ambiguous;
    let flag = ambiguous.then(|| {
        view! { <p class="column-note flag" role="note">{describe_date_order(lang, order)}</p> }
    });
    let control = match on_date_order {
        Some(callback) => {
            let label = i18n.t_args("date_order.label", &[("column", name)]);
            let mut options: Vec<(&'static str, String, bool)> = Vec::new();
            if ambiguous {
                options.push(("ambiguous", "…".to_string(), true));
            }
            for choice in [DateOrder::DayFirst, DateOrder::MonthFirst] {
                options.push((
                    date_order_key(choice),
                    describe_date_order(lang, choice),
                    choice == order,
                ));
            }
            picker(label, options, move |key| {
                let chosen = [DateOrder::DayFirst, DateOrder::MonthFirst]
                    .into_iter()
                    .find(|o| date_order_key(*o) == key);
                if let Some(chosen) = chosen {
                    callback.run((index, chosen));
                }
            })
            .into_any()
        }
        None if ambiguous => ().into_any(),
        None => view! { <p class="column-note">{describe_date_order(lang, order)}</p> }.into_any(),
    };
    view! { {flag} <div class="date-order">{control}</div> }
}

fn date_order_key(order: DateOrder) -> &'static str {
    match order {
        DateOrder::DayFirst => "day_first",
        DateOrder::MonthFirst => "month_first",
        DateOrder::Ambiguous => "ambiguous",
    }
}

/// "12 values do not fit “Date”", opening to the first of them with their
/// rows — shown as text, whatever they contain.
fn misfit_list(lang: Lang, summary: String, guess: &ColumnGuess) -> impl IntoView {
    let i18n = use_i18n();
    let items = guess
        .misfits
        .iter()
        .map(|m| view! { <li dir="auto">{describe_misfit(lang, m)}</li> })
        .collect_view();
    let more = (guess.invalid > guess.misfits.len()).then(|| {
        let shown = i18n.count(guess.misfits.len());
        view! { <p class="column-note">{i18n.t_args("misfits.more", &[("shown", &shown)])}</p> }
    });
    view! {
        <details class="misfits">
            <summary>{summary}</summary>
            <ul>{items}</ul>
            {more}
        </details>
    }
}
