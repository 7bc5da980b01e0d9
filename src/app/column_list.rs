//! The columns found, with the first guess of each one's type.

use leptos::prelude::*;

use super::i18n::use_i18n;
use crate::core::i18n::{describe_column_type, describe_role};
use crate::engine::ColumnSummary;

#[component]
pub fn ColumnList(#[prop(into)] columns: Signal<Vec<ColumnSummary>>) -> impl IntoView {
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
                                .map(|column| {
                                    let examples = column.guess.examples.join(" · ");
                                    view! {
                                        <tr>
                                            <th scope="row" dir="auto">{column.name}</th>
                                            <td>{describe_column_type(lang, column.guess.column_type)}</td>
                                            <td>{describe_role(lang, column.role)}</td>
                                            <td class="number">{i18n.count(column.guess.missing)}</td>
                                            <td class="examples" dir="auto">{examples}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
