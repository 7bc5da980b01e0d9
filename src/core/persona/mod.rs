//! Personas (issue 7): each segment told as a person. From a table and
//! its segment labels, the figures a card needs ([`persona_facts`]), a
//! short name from the segment's most distinctive traits
//! ([`persona_names`]), a description whose every number is kept as data
//! beside the text ([`describe_persona`]), and an avatar drawn from the
//! traits ([`persona_avatar_svg`]).
//!
//! - `columns.rs`: what each column tells about a persona;
//! - `age.rs`: age bands and how old a band reads;
//! - `values.rs`: medians, NPS and revenue per segment;
//! - `facts.rs`: the figures of one segment against the base;
//! - `figure.rs`: a number as shown, kept as data;
//! - `words.rs`: the words in en/ar/fa (numbers, plurals, traits);
//! - `name.rs`, `describe.rs`, `avatar.rs`: the card's name, text, picture;
//! - `card.rs`: the card's figures; `data_url.rs`: the avatar as a URL;
//! - `edit.rs`: the user's edits, kept by segment;
//! - `report.rs`: every persona as one self-contained HTML report.

mod age;
mod avatar;
mod card;
mod columns;
mod data_url;
mod describe;
mod edit;
mod facts;
mod figure;
mod key_figures;
mod markup;
mod name;
mod report;
mod values;
mod words;

#[cfg(test)]
mod tests;

pub use age::{age_bands, band_of, tone_of_age, AgeBand, AgeTone};
pub use avatar::{avatar_seed, draw as draw_avatar, persona_avatar_svg, AvatarPalette, Rgb};
pub use card::{card_figures, CardFigures, CardLine};
pub use columns::{meaning_of, persona_input, Meaning, MeasureKind, PersonaColumn, PersonaInput};
pub use data_url::svg_data_url;
pub use describe::{describe_paragraph, describe_persona, Sentence, Topic, DESCRIBED_TRAITS};
pub use edit::{
    change_edit, edit_of, is_local_picture, PersonaEdit, PersonaKey, PersonaSegmentation,
    CHANGED_SHARE, MAX_PICTURE_CHARS,
};
pub use facts::{
    persona_facts, AgeFact, Distinct, LevelFact, MeasureFact, NpsFact, Numbers, PersonaFacts,
    RevenueFact, Source,
};
pub use figure::{Figure, FigureKind};
pub use key_figures::{figure_changes, key_figures, FigureChange, FigureName, KeyFigure};
pub use name::{persona_look, persona_name, persona_names, MIN_NAMED_EFFECT, NAMED_TRAITS};
pub use report::{persona_report_html, PersonaReport, ReportPersona};
pub use words::{gender_of, Gender};
