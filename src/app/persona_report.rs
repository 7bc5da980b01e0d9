//! Every persona of the gallery as one self-contained HTML report (see
//! `core::persona::report`), worded in the UI language and offered as a
//! download.

use leptos::prelude::*;

use super::download::download_text;
use super::i18n::I18n;
use super::persona_card::{changed_note, figure_groups, persona_texts, share_bars};
use super::persona_view::Persona;
use crate::core::persona::{persona_report_html, PersonaEdit, PersonaReport, ReportPersona};

/// Build the report of `personas` (in the order shown) and offer it as
/// `<file stem>-personas.html`; false if the browser refused.
pub fn save_report(
    i18n: I18n,
    personas: &[Persona],
    edits: &[PersonaEdit],
    file: &str,
    segmentation: &str,
) -> bool {
    let lang = i18n.lang.get_untracked();
    let report = PersonaReport {
        lang,
        title: i18n.t("personas.report_title"),
        subtitle: i18n.t_args(
            "personas.report_subtitle",
            &[("file", file), ("segmentation", segmentation)],
        ),
        personas: personas
            .iter()
            .map(|persona| {
                let shown = persona.shown(lang, edits);
                ReportPersona {
                    note: changed_note(i18n, persona, &shown),
                    bars: share_bars(i18n, persona),
                    groups: figure_groups(i18n, &shown),
                    texts: persona_texts(i18n, &shown),
                    quotes_title: i18n.t("personas.quotes"),
                    quotes: persona
                        .facts
                        .quotes
                        .iter()
                        .map(|q| q.text.clone())
                        .collect(),
                    name: shown.name,
                    picture: shown.picture,
                    description: shown.description,
                }
            })
            .collect(),
    };
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    download_text(
        &format!("{stem}-personas.html"),
        &persona_report_html(&report),
        "text/html;charset=utf-8",
    )
}
