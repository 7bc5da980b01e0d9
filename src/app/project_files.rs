//! The project's files side by side: what each is (customers, transactions,
//! feedback), which column holds its customer key (guessed, editable), and
//! how they link: matched rows, orphans, blank and duplicate keys.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::file_drop::chosen_files;
use super::i18n::{use_i18n, I18n};
use super::studio::Studio;
use crate::core::relate::{CustomersSource, FileLink, FileRole, KeyRows, LinkReport};
use crate::engine::{LinkChoice, LinkedFile, ProjectLink, Request, Response};

const ROLES: [(FileRole, &str); 4] = [
    (FileRole::Customers, "files.role.customers"),
    (FileRole::Transactions, "files.role.transactions"),
    (FileRole::Feedback, "files.role.feedback"),
    (FileRole::Other, "files.role.other"),
];

fn role_value(role: FileRole) -> &'static str {
    match role {
        FileRole::Customers => "customers",
        FileRole::Transactions => "transactions",
        FileRole::Feedback => "feedback",
        FileRole::Other => "other",
    }
}

fn role_of_value(value: &str) -> Option<FileRole> {
    ROLES
        .iter()
        .map(|(role, _)| *role)
        .find(|role| role_value(*role) == value)
}

#[component]
pub fn ProjectFiles() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let table_generation =
        Memo::new(move |_| studio.loaded.with(|l| l.as_ref().map(|l| l.generation)));
    let choices = Memo::new(move |_| studio.project.with(|p| p.links.clone()));
    // Link again whenever a file, a choice, or the open table changes.
    Effect::new(move |_| {
        let _files = studio.files_generation.get();
        let _table = table_generation.get();
        let asked: Vec<LinkChoice> = choices
            .get()
            .into_iter()
            .map(|(file, setting)| LinkChoice {
                file,
                role: setting.role,
                key: setting.key,
            })
            .collect();
        spawn_local(async move {
            if let Response::Link(link) = studio.ask(Request::Link { choices: asked }).await {
                studio.link.set(Some(*link));
            }
        });
    });
    let files = move || {
        studio
            .link
            .with(|l| l.as_ref().map(|l| l.files.clone()).unwrap_or_default())
    };
    let on_add = move |ev: web_sys::Event| {
        let files = chosen_files(&ev);
        if !files.is_empty() {
            studio.add_files(files);
        }
    };
    view! {
        <section class="project-files" aria-labelledby="files-heading">
            <h2 id="files-heading">{move || i18n.t("files.heading")}</h2>
            <p class="hint">{move || i18n.t("files.intro")}</p>
            <table class="files-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("files.col.file")}</th>
                        <th scope="col">{move || i18n.t("files.col.rows")}</th>
                        <th scope="col">{move || i18n.t("files.col.role")}</th>
                        <th scope="col">{move || i18n.t("files.col.key")}</th>
                        <th scope="col">{move || i18n.t("files.col.actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || files().into_iter().map(|file| file_row(studio, i18n, file)).collect_view()}
                </tbody>
            </table>
            <p>
                <label for="add-file-input" class="button">{move || i18n.t("files.add")}</label>
                <input id="add-file-input" class="visually-hidden" type="file" multiple
                    accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    on:change=on_add />
            </p>
            <div class="link-report" role="status" aria-live="polite">
                {move || studio.link.with(|link| link.as_ref().map(|link| link_report_view(i18n, link)))}
            </div>
        </section>
    }
}

/// One file's row: name, size, role and key pickers, and what can be done.
fn file_row(studio: Studio, i18n: I18n, file: LinkedFile) -> impl IntoView {
    let name = file.file.clone();
    let chosen_role = {
        let name = name.clone();
        move || {
            studio
                .project
                .with(|p| p.links.get(&name).and_then(|s| s.role).is_some())
        }
    };
    let on_role = {
        let name = name.clone();
        move |ev: web_sys::Event| {
            let role = role_of_value(&event_target_value(&ev));
            studio
                .project
                .update(|p| p.links.entry(name.clone()).or_default().role = role);
        }
    };
    let on_key = {
        let name = name.clone();
        move |ev: web_sys::Event| {
            let key = event_target_value(&ev);
            studio.project.update(|p| {
                p.links.entry(name.clone()).or_default().key = (!key.is_empty()).then_some(key)
            });
        }
    };
    let key_name = file.key.and_then(|k| file.columns.get(k).cloned());
    let role = file.role;
    let label_role = {
        let name = name.clone();
        move || i18n.t_args("files.role_of", &[("file", &name)])
    };
    let label_key = {
        let name = name.clone();
        move || i18n.t_args("files.key_of", &[("file", &name)])
    };
    let actions = (!file.open).then(|| {
        let (open_name, remove_name) = (name.clone(), name.clone());
        view! {
            <button type="button" class="button small" on:click=move |_| studio.open_beside_file(open_name.clone())>
                {move || i18n.t("files.open")}
            </button>
            " "
            <button type="button" class="button small secondary" on:click=move |_| studio.remove_beside_file(remove_name.clone())>
                {move || i18n.t("files.remove")}
            </button>
        }
    });
    view! {
        <tr class:open-file=file.open>
            <th scope="row">
                <bdi>{name.clone()}</bdi>
                {file.open.then(|| view! { " " <span class="tag">{move || i18n.t("files.is_open")}</span> })}
            </th>
            <td class="number">{move || i18n.count(file.rows)}</td>
            <td>
                <select aria-label=label_role on:change=on_role>
                    {ROLES.iter().map(|(option, key)| view! {
                        <option value=role_value(*option) selected=*option == role>{move || i18n.t(key)}</option>
                    }).collect_view()}
                </select>
                {move || (!chosen_role()).then(|| view! { " " <span class="hint">{i18n.t("files.guessed")}</span> })}
            </td>
            <td>
                <select aria-label=label_key on:change=on_key>
                    {key_name.is_none().then(|| view! { <option value="" selected>{move || i18n.t("files.no_key")}</option> })}
                    {file.columns.iter().map(|column| {
                        let selected = key_name.as_deref() == Some(column.as_str());
                        view! { <option value=column.clone() selected=selected>{column.clone()}</option> }
                    }).collect_view()}
                </select>
            </td>
            <td>{actions}</td>
        </tr>
    }
}

/// Keys with their rows, as the page shows a few examples: "C9 (rows 4, 7)".
fn examples(i18n: I18n, keys: &[KeyRows]) -> String {
    keys.iter()
        .map(|key| {
            let rows: Vec<String> = key.rows.iter().map(|row| i18n.count(row + 1)).collect();
            i18n.t_count(
                "files.example",
                key.rows.len(),
                &[("key", &key.key), ("rows", &rows.join(", "))],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The link report in sentences.
fn link_report_view(i18n: I18n, link: &ProjectLink) -> impl IntoView {
    let Some(report) = &link.report else {
        return view! { <p class="link-customers">{i18n.t("files.nothing_linked")}</p> }.into_any();
    };
    let customers_file = customers_file_name(report);
    let findings: Vec<String> = customers_findings(i18n, report)
        .into_iter()
        .chain(
            report
                .files
                .iter()
                .flat_map(|file| file_findings(i18n, file, &customers_file)),
        )
        .collect();
    view! {
        <p class="link-customers">{customers_sentence(i18n, report)}</p>
        <ul class="link-findings">
            {findings.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

fn customers_file_name(report: &LinkReport) -> String {
    match &report.source {
        CustomersSource::Table { file, .. } => file.clone(),
        CustomersSource::Derived { files } => files.join(", "),
    }
}

fn customers_sentence(i18n: I18n, report: &LinkReport) -> String {
    match &report.source {
        CustomersSource::Table { file, .. } => {
            i18n.t_count("files.customers.table", report.customers, &[("file", file)])
        }
        CustomersSource::Derived { files } => i18n.t_count(
            "files.customers.derived",
            report.customers,
            &[("files", &files.join(", "))],
        ),
    }
}

/// Blank and repeated keys in the customers file.
fn customers_findings(i18n: I18n, report: &LinkReport) -> Vec<String> {
    let CustomersSource::Table {
        file,
        blank_keys,
        duplicates,
        ..
    } = &report.source
    else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    if *blank_keys > 0 {
        findings.push(i18n.t_count("files.customers.blank", *blank_keys, &[("file", file)]));
    }
    if duplicates.keys > 0 {
        findings.push(i18n.t_count(
            "files.customers.duplicates",
            duplicates.keys,
            &[
                ("file", file),
                ("extra", &i18n.count(duplicates.extra_rows)),
                ("examples", &examples(i18n, &duplicates.examples)),
            ],
        ));
    }
    findings
}

/// How one file meets the customers.
fn file_findings(i18n: I18n, file: &FileLink, customers_file: &str) -> Vec<String> {
    let mut findings = vec![i18n.t_count(
        "files.link.matched",
        file.rows,
        &[
            ("file", &file.file),
            ("matched", &i18n.count(file.matched_rows)),
            ("customers", &i18n.count(file.customers_with_rows)),
        ],
    )];
    if file.orphan_rows > 0 {
        findings.push(i18n.t_count(
            "files.link.orphans",
            file.orphan_rows,
            &[
                ("file", &file.file),
                ("customers_file", customers_file),
                ("keys", &i18n.count(file.orphan_keys)),
                ("examples", &examples(i18n, &file.orphan_examples)),
            ],
        ));
    }
    if file.blank_key_rows > 0 {
        findings.push(i18n.t_count(
            "files.link.blank",
            file.blank_key_rows,
            &[("file", &file.file)],
        ));
    }
    if file.customers_without_rows > 0 {
        findings.push(i18n.t_count(
            "files.link.without",
            file.customers_without_rows,
            &[
                ("file", &file.file),
                ("examples", &file.without_rows_examples.join(", ")),
            ],
        ));
    }
    findings
}
