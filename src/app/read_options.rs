//! The user's overrides of how a file is read: encoding, delimiter and
//! header row for text; the sheet and header row for a workbook. Changing
//! one reads the file again in the engine.

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::studio::Studio;
use crate::core::i18n::describe_delimiter;
use crate::core::ingest::{Delimiter, LoadOptions};

/// Encodings offered, as WHATWG labels (the engine decodes any of them).
/// Arabic and Persian files come as UTF-8, UTF-16 ("Unicode text") or
/// Windows-1256; the others cover the rest of a typical CRM's exports.
const ENCODINGS: [&str; 9] = [
    "utf-8",
    "utf-16le",
    "utf-16be",
    "windows-1256",
    "iso-8859-6",
    "windows-1252",
    "windows-1250",
    "windows-1251",
    "windows-1254",
];

/// The translation key naming an encoding label ("windows-1256" →
/// "encoding.windows_1256").
fn encoding_key(label: &str) -> String {
    format!("encoding.{}", label.replace('-', "_"))
}

#[component]
pub fn ReadOptions() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let options = Memo::new(move |_| studio.project.with(|p| p.load_options.clone()));
    let change = move |edit: &dyn Fn(&mut LoadOptions)| {
        let mut next = options.get_untracked();
        edit(&mut next);
        studio.reopen(next);
    };
    let on_encoding = move |ev| {
        let value = event_target_value(&ev);
        change(&|o| o.encoding = (!value.is_empty()).then(|| value.clone()));
    };
    let on_delimiter = move |ev| {
        let value = event_target_value(&ev);
        change(&|o| o.delimiter = Delimiter::from_key(&value));
    };
    let on_header = move |ev| {
        let value = event_target_value(&ev);
        change(&|o| {
            o.has_header = match value.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            }
        });
    };
    let on_sheet = move |ev| {
        let value = event_target_value(&ev);
        change(&|o| o.sheet = Some(value.clone()));
    };
    let is_workbook = move || studio.showing_workbook();
    let auto = move || i18n.t("override.auto");
    // A workbook has sheets, not an encoding or a delimiter.
    let sheet_picker = move || {
        let (sheets, shown) = studio.loaded.with(|l| {
            let report = &l.as_ref()?.summary.report;
            report.is_workbook().then(|| {
                (
                    report.sheets.clone(),
                    report.sheet.clone().unwrap_or_default(),
                )
            })
        })?;
        Some(view! {
            <label class="field">
                <span>{move || i18n.t("override.sheet")}</span>
                <select on:change=on_sheet>
                    {sheets
                        .into_iter()
                        .map(|name| {
                            let selected = name == shown;
                            let value = name.clone();
                            view! {
                                <option value=value selected=selected prop:selected=selected>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        })
    };
    view! {
        <fieldset class="read-options">
            <legend>{move || i18n.t("override.heading")}</legend>
            <p class="hint">{move || i18n.t("override.hint")}</p>
            {sheet_picker}
            <Show when=move || !is_workbook()>
            <label class="field">
                <span>{move || i18n.t("override.encoding")}</span>
                <select
                    on:change=on_encoding
                    prop:value=move || options.with(|o| o.encoding.clone().unwrap_or_default())
                >
                    <option value="">{auto}</option>
                    {ENCODINGS
                        .into_iter()
                        .map(|label| view! { <option value=label>{move || i18n.t(&encoding_key(label))}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || i18n.t("override.delimiter")}</span>
                <select
                    on:change=on_delimiter
                    prop:value=move || options.with(|o| o.delimiter.map(Delimiter::key).unwrap_or_default())
                >
                    <option value="">{auto}</option>
                    {Delimiter::ALL
                        .into_iter()
                        .map(|d| {
                            view! {
                                <option value=d.key()>{move || describe_delimiter(i18n.lang.get(), d)}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            </Show>
            <label class="field">
                <span>{move || i18n.t("override.header")}</span>
                <select
                    on:change=on_header
                    prop:value=move || {
                        options
                            .with(|o| match o.has_header {
                                Some(true) => "yes",
                                Some(false) => "no",
                                None => "",
                            })
                    }
                >
                    <option value="">{auto}</option>
                    <option value="yes">{move || i18n.t("override.header_yes")}</option>
                    <option value="no">{move || i18n.t("override.header_no")}</option>
                </select>
            </label>
        </fieldset>
    }
}
