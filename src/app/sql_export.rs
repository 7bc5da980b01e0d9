//! A segmentation's definition as SQL for the user's warehouse (DuckDB,
//! Spark SQL, BigQuery): the engine writes it from the model it holds
//! (`core::export::sql`); the page picks the dialect and the table's name
//! and hands over the file.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::download::download_text;
use super::i18n::use_i18n;
use super::studio::Studio;
use crate::core::export::sql::SqlDialect;
use crate::engine::{Request, Response, SqlSource};

#[component]
pub fn SqlExport(
    of: SqlSource,
    /// The segments' names as shown (k-means and rules).
    #[prop(into)]
    names: Signal<Vec<String>>,
) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let dialect = RwSignal::new(SqlDialect::DuckDb);
    let table = RwSignal::new("customers".to_string());
    let failed = RwSignal::new(false);
    let download = move |_| {
        let dialect = dialect.get_untracked();
        let table = table.get_untracked();
        let names = names.get_untracked();
        spawn_local(async move {
            let answer = studio
                .ask(Request::SegmentSql {
                    of,
                    dialect,
                    table: table.clone(),
                    names,
                })
                .await;
            let done = match answer {
                Response::Sql { text } => download_text(
                    &format!("{table}-segments-{}.sql", dialect.key()),
                    &text,
                    "application/sql;charset=utf-8",
                ),
                _ => false,
            };
            failed.set(!done);
        });
    };
    view! {
        <div class="sql-export" role="group" aria-label=move || i18n.t("sql.heading")>
            <label class="field">
                <span>{move || i18n.t("sql.dialect")}</span>
                <select on:change=move |ev| {
                    let key = event_target_value(&ev);
                    if let Some(d) = SqlDialect::ALL.into_iter().find(|d| d.key() == key) {
                        dialect.set(d);
                    }
                }>
                    {SqlDialect::ALL.map(|d| view! {
                        <option value=d.key() selected=move || dialect.get() == d>{d.name()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || i18n.t("sql.table")}</span>
                <input
                    type="text"
                    prop:value=move || table.get()
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        if !name.trim().is_empty() {
                            table.set(name.trim().to_string());
                        }
                    }
                />
            </label>
            <button type="button" class="button secondary" on:click=download>
                {move || i18n.t("sql.download")}
            </button>
            <Show when=move || failed.get()>
                <p class="load-status error" role="alert">{move || i18n.t("sql.failed")}</p>
            </Show>
        </div>
    }
}
