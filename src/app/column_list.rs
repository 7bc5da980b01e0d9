//! The columns found, each with its type and role: guessed first, and
//! correctable by the user when the list is given `on_type`/`on_role`.

use leptos::prelude::*;

use super::i18n::use_i18n;
use crate::core::i18n::{describe_column_type, describe_role, Lang};
use crate::core::schema::{ColumnType, Role};
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
                                .map(|(index, column)| column_row(lang, index, column, on_type, on_role))
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn column_row(
    lang: Lang,
    index: usize,
    column: ColumnSummary,
    on_type: Option<Callback<(usize, ColumnType)>>,
    on_role: Option<Callback<(usize, Role)>>,
) -> impl IntoView {
    let i18n = use_i18n();
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
            <td class="examples" dir="auto">{examples}</td>
        </tr>
    }
}

/// A labelled `<select>` over (value, text, selected) options.
fn picker(
    label: String,
    options: Vec<(&'static str, String, bool)>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <select aria-label=label on:change=move |ev| on_pick(event_target_value(&ev))>
            {options
                .into_iter()
                .map(|(value, text, selected)| view! { <option value=value selected=selected>{text}</option> })
                .collect_view()}
        </select>
    }
}
