//! What was found in the file: name, size of the table, how it was read, and
//! any warnings with their rows and columns.

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::read_options::ReadOptions;
use super::studio::Studio;
use crate::core::i18n::{describe_delimiter, describe_warning};

/// Warnings listed before "…and N more".
const SHOWN_WARNINGS: usize = 10;

#[component]
pub fn FileSummary() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let report = move || {
        studio
            .loaded
            .with(|l| l.as_ref().map(|l| l.summary.report.clone()))
    };
    let columns = move || {
        studio
            .loaded
            .with(|l| l.as_ref().map_or(0, |l| l.summary.columns.len()))
    };

    let is_workbook = move || studio.showing_workbook();

    let item = move |key: &'static str, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div class="fact">
                <dt>{move || i18n.t(key)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };

    view! {
        <section class="file-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{move || i18n.t("summary.heading")}</h2>
            <dl class="facts">
                {item("summary.file", Box::new(move || report().map(|r| r.file_name).unwrap_or_default()))}
                {item("summary.rows", Box::new(move || i18n.count(report().map_or(0, |r| r.rows))))}
                {item("summary.columns", Box::new(move || i18n.count(columns())))}
                {move || {
                    if is_workbook() {
                        view! {
                            {item("summary.format", Box::new(move || i18n.t("summary.format_xlsx")))}
                            {item("summary.sheet", Box::new(move || report().and_then(|r| r.sheet).unwrap_or_default()))}
                        }
                            .into_any()
                    } else {
                        view! {
                            {item("summary.encoding", Box::new(move || report().map(|r| r.encoding).unwrap_or_default()))}
                            {item(
                                "summary.delimiter",
                                Box::new(move || {
                                    report()
                                        .map(|r| describe_delimiter(i18n.lang.get(), r.delimiter))
                                        .unwrap_or_default()
                                }),
                            )}
                        }
                            .into_any()
                    }
                }}
                {item(
                    "summary.header",
                    Box::new(move || {
                        let has = report().is_some_and(|r| r.has_header);
                        i18n.t(if has { "summary.yes" } else { "summary.no" })
                    }),
                )}
                {item(
                    "summary.empty_rows",
                    Box::new(move || i18n.count(report().map_or(0, |r| r.empty_rows_skipped))),
                )}
            </dl>
            <ReadOptions />
            <Warnings />
        </section>
    }
}

#[component]
fn Warnings() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let warnings = move || {
        studio.loaded.with(|l| {
            l.as_ref()
                .map(|l| l.summary.report.warnings.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !warnings().is_empty()>
            <h3>{move || i18n.t("warnings.heading")}</h3>
            <ul class="warnings">
                {move || {
                    let all = warnings();
                    let lang = i18n.lang.get();
                    let mut items: Vec<_> = all
                        .iter()
                        .take(SHOWN_WARNINGS)
                        .map(|w| view! { <li>{describe_warning(lang, w)}</li> }.into_any())
                        .collect();
                    if all.len() > SHOWN_WARNINGS {
                        let more = i18n.count(all.len() - SHOWN_WARNINGS);
                        items.push(view! { <li>{i18n.t_args("warnings.more", &[("count", &more)])}</li> }.into_any());
                    }
                    items
                }}
            </ul>
        </Show>
    }
}
