//! The data quality report in words: repeated rows, conflicting customer
//! ids, missing values and their patterns, categories spelt several ways,
//! values a column's role rules out. Every value is shown as text.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{use_i18n, I18n};
use super::studio::Studio;
use crate::core::quality::{Fix, InvalidRule, QualityReport};
use crate::engine::{ColumnSummary, Request, Response};

/// Names joined with the language's list separator ("، " in Arabic script;
/// catalogue values are trimmed, so the space is added here).
fn list(i18n: I18n, items: &[String]) -> String {
    items.join(&format!("{} ", i18n.t("list.separator")))
}

/// Rows are shown 1-based, as in the preview.
fn row_number(i18n: I18n, row: usize) -> String {
    i18n.count(row + 1)
}

fn rule_key(rule: InvalidRule) -> &'static str {
    match rule {
        InvalidRule::AgeOutOfRange => "quality.rule.age",
        InvalidRule::NegativeOrAbsurdMoney => "quality.rule.money",
        InvalidRule::NegativeAmount => "quality.rule.negative_amount",
        InvalidRule::NpsOutOfRange => "quality.rule.nps",
        InvalidRule::MalformedEmail => "quality.rule.email",
        InvalidRule::MalformedPhone => "quality.rule.phone",
    }
}

#[component]
pub fn QualityPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let report = RwSignal::new(None::<QualityReport>);
    // The columns as the user confirmed them; a new table or a corrected
    // type or role asks for a fresh report.
    let kinds = Memo::new(move |_| {
        studio.loaded.with(|l| {
            l.as_ref().map(|l| {
                (
                    l.generation,
                    l.summary
                        .columns
                        .iter()
                        .map(ColumnSummary::kind)
                        .collect::<Vec<_>>(),
                )
            })
        })
    });
    Effect::new(move |_| {
        let Some((_, kinds)) = kinds.get() else {
            report.set(None);
            return;
        };
        spawn_local(async move {
            if let Response::Quality(found) = studio.ask(Request::Quality { kinds }).await {
                report.set(Some(*found));
            }
        });
    });
    let names = move || studio.column_names();
    let name_of = move |index: usize| names().get(index).cloned().unwrap_or_default();

    view! {
        <section class="quality" aria-labelledby="quality-title">
            <h2 id="quality-title">{move || i18n.t("quality.heading")}</h2>
            {move || {
                report
                    .get()
                    .map(|r| {
                        view! {
                            <ul class="findings">
                                <li>
                                    {duplicates_text(i18n, &r)}
                                    {(r.exact_duplicates.rows > 0)
                                        .then(|| fix_button(studio, i18n.t("quality.fix.drop"), Fix::DropDuplicateRows))}
                                </li>
                                {ids_text(i18n, &r, name_of).map(|text| view! { <li>{text}</li> })}
                                {likely_text(i18n, &r).map(|text| view! { <li>{text}</li> })}
                                <li>
                                    {i18n.t_count(
                                        "quality.complete_rows",
                                        r.rows,
                                        &[("complete", &i18n.count(r.missing.complete_rows))],
                                    )}
                                    <ul>
                                        {r.missing
                                            .patterns
                                            .iter()
                                            .map(|p| {
                                                let columns: Vec<String> = p.columns.iter().map(|&c| name_of(c)).collect();
                                                view! {
                                                    <li dir="auto">
                                                        {i18n.t_count("quality.pattern", p.rows, &[("columns", &list(i18n, &columns))])}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </li>
                                {r.variants
                                    .iter()
                                    .map(|found| {
                                        let column = name_of(found.column);
                                        view! {
                                            <li>
                                                {i18n.t_count("quality.variants", found.groups.len(), &[("column", &column)])}
                                                <ul>
                                                    {found
                                                        .groups
                                                        .iter()
                                                        .map(|g| {
                                                            let spellings: Vec<String> = g
                                                                .spellings
                                                                .iter()
                                                                .map(|(s, n)| format!("“{s}” ({})", i18n.count(*n)))
                                                                .collect();
                                                            let others: Vec<String> = g.spellings.iter().skip(1).map(|(s, _)| s.clone()).collect();
                                                            let fix = Fix::MergeSpellings {
                                                                column: column.clone(),
                                                                spellings: others,
                                                                into: g.suggested.clone(),
                                                            };
                                                            let label = i18n.t_args("quality.fix.merge", &[("into", &g.suggested)]);
                                                            view! {
                                                                <li dir="auto">
                                                                    {spellings.join(" · ")}
                                                                    {fix_button(studio, label, fix)}
                                                                </li>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </ul>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                                {r.invalid
                                    .iter()
                                    .map(|found| {
                                        let examples: Vec<String> = found
                                            .invalid
                                            .examples
                                            .iter()
                                            .map(|(row, value)| {
                                                i18n.t_args("quality.example", &[("value", value), ("row", &row_number(i18n, *row))])
                                            })
                                            .collect();
                                        view! {
                                            <li>
                                                {i18n.t_count(
                                                    rule_key(found.invalid.rule),
                                                    found.invalid.count,
                                                    &[("column", &name_of(found.column))],
                                                )}
                                                " "
                                                <span class="examples" dir="auto">{examples.join(" · ")}</span>
                                                {fix_button(
                                                    studio,
                                                    i18n.t("quality.fix.missing"),
                                                    Fix::InvalidToMissing {
                                                        column: name_of(found.column),
                                                        rule: found.invalid.rule,
                                                    },
                                                )}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                                {r.padded
                                    .iter()
                                    .map(|found| {
                                        let column = name_of(found.column);
                                        let text = i18n.t_count("quality.padded", found.count, &[("column", &column)]);
                                        view! {
                                            <li>
                                                {text}
                                                {fix_button(studio, i18n.t("quality.fix.trim"), Fix::Trim { column })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
            <AppliedFixes />
        </section>
    }
}

fn duplicates_text(i18n: I18n, report: &QualityReport) -> String {
    let found = &report.exact_duplicates;
    if found.rows == 0 {
        return i18n.t("quality.no_duplicates");
    }
    let examples: Vec<String> = found
        .examples
        .iter()
        .map(|(row, earlier)| {
            i18n.t_args(
                "quality.duplicate_example",
                &[
                    ("row", &row_number(i18n, *row)),
                    ("earlier", &row_number(i18n, *earlier)),
                ],
            )
        })
        .collect();
    format!(
        "{} {}",
        i18n.t_count("quality.duplicates", found.rows, &[]),
        examples.join(" · ")
    )
}

fn ids_text(
    i18n: I18n,
    report: &QualityReport,
    name_of: impl Fn(usize) -> String,
) -> Option<String> {
    let column = name_of(report.id_column?);
    let found = report.id_duplicates.as_ref()?;
    if found.conflicting_ids == 0 && found.repeated_ids == 0 {
        return Some(i18n.t_args("quality.ids_unique", &[("column", &column)]));
    }
    let examples: Vec<String> = found
        .examples
        .iter()
        .map(|conflict| {
            let rows: Vec<String> = conflict.rows.iter().map(|&r| row_number(i18n, r)).collect();
            let differing: Vec<String> = conflict
                .differing_columns
                .iter()
                .map(|&c| name_of(c))
                .collect();
            i18n.t_args(
                "quality.id_example",
                &[
                    ("id", &conflict.id),
                    ("rows", &list(i18n, &rows)),
                    ("columns", &list(i18n, &differing)),
                ],
            )
        })
        .collect();
    let mut text = i18n.t_count("quality.ids", found.conflicting_ids, &[("column", &column)]);
    if found.repeated_ids > 0 {
        text.push(' ');
        text.push_str(&i18n.t_count("quality.ids_repeated", found.repeated_ids, &[]));
    }
    Some(format!("{text} {}", examples.join(" · ")))
}

fn likely_text(i18n: I18n, report: &QualityReport) -> Option<String> {
    let found = report.likely_duplicates.as_ref()?;
    let examples: Vec<String> = found
        .examples
        .iter()
        .take(5)
        .map(|pair| {
            i18n.t_args(
                "quality.likely_example",
                &[
                    ("row", &row_number(i18n, pair.rows.0)),
                    ("other", &row_number(i18n, pair.rows.1)),
                    (
                        "percent",
                        &i18n.count((pair.score * 100.0).round() as usize),
                    ),
                ],
            )
        })
        .collect();
    Some(format!(
        "{} {}",
        i18n.t_count("quality.likely", found.pairs, &[]),
        examples.join(" · ")
    ))
}

/// A button that accepts one suggested fix.
fn fix_button(studio: Studio, label: String, fix: Fix) -> impl IntoView {
    view! {
        " "
        <button type="button" class="button secondary small" on:click=move |_| studio.accept_fix(fix.clone())>
            {label}
        </button>
    }
}

/// A fix in words.
fn describe_fix(i18n: I18n, fix: &Fix) -> String {
    match fix {
        Fix::DropDuplicateRows => i18n.t("fix.drop_duplicates"),
        Fix::MergeSpellings {
            column,
            spellings,
            into,
        } => {
            let quoted: Vec<String> = spellings.iter().map(|s| format!("“{s}”")).collect();
            i18n.t_args(
                "fix.merge",
                &[
                    ("column", column),
                    ("spellings", &list(i18n, &quoted)),
                    ("into", into),
                ],
            )
        }
        Fix::InvalidToMissing { column, .. } => {
            i18n.t_args("fix.invalid_to_missing", &[("column", column)])
        }
        Fix::Trim { column } => i18n.t_args("fix.trim", &[("column", column)]),
    }
}

/// The fixes accepted so far, each undoable, and the cleaned table to take away.
#[component]
fn AppliedFixes() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let fixes = Memo::new(move |_| studio.project.with(|p| p.fixes.clone()));
    let failed = RwSignal::new(false);
    let download = move |_| {
        spawn_local(async move {
            failed.set(!studio.download_cleaned().await);
        });
    };
    view! {
        <div class="applied-fixes">
            <Show when=move || !fixes.with(Vec::is_empty)>
                <h3>{move || i18n.t("fixes.heading")}</h3>
                <ol>
                    {move || {
                        fixes
                            .get()
                            .iter()
                            .enumerate()
                            .map(|(index, fix)| {
                                view! {
                                    <li dir="auto">
                                        {describe_fix(i18n, fix)}
                                        " "
                                        <button type="button" class="button secondary small" on:click=move |_| studio.undo_fix(index)>
                                            {move || i18n.t("fixes.undo")}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
            <p>
                <button type="button" class="button" on:click=download>{move || i18n.t("export.csv")}</button>
                {move || failed.get().then(|| view! { <span class="error">" " {i18n.t("export.failed")}</span> })}
            </p>
        </div>
    }
}
