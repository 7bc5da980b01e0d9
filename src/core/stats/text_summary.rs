//! How long a column's texts are and which scripts they are written in.

use crate::core::i18n::letters::is_arabic_script;
use serde::{Deserialize, Serialize};

use super::value_counts::ValueCounts;
use crate::core::table::TextColumn;

/// The writing of one value, from its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Latin letters only.
    Latin,
    /// Arabic script with a letter only Persian uses (پ چ ژ گ ی ک).
    Persian,
    /// Arabic script with a letter only Arabic uses (ي ك ة ى).
    Arabic,
    /// Arabic script with letters both languages share.
    ArabicScript,
    /// Letters of two scripts (Latin and Arabic script).
    Mixed,
    /// Letters of any other script (Cyrillic, Greek, CJK…).
    Other,
    /// No letters at all: digits, signs, emoji.
    NoLetters,
}

/// Lengths (in characters, of the trimmed text) and scripts of a column's
/// non-missing values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextSummary {
    pub values: usize,
    pub shortest: usize,
    pub longest: usize,
    pub mean_length: f64,
    /// Values per script, most common first.
    pub scripts: Vec<(Script, usize)>,
}

/// The summary of a column's texts; None when every cell is missing.
pub fn text_summary(cells: &TextColumn) -> Option<TextSummary> {
    text_summary_of(&ValueCounts::of(cells))
}

/// [`text_summary`] from a column's value counts: each distinct value is
/// measured once.
pub fn text_summary_of(counts: &ValueCounts<'_>) -> Option<TextSummary> {
    let (mut values, mut total) = (0, 0);
    let (mut shortest, mut longest) = (usize::MAX, 0);
    let mut scripts = [0usize; 7];
    for &(text, n) in &counts.values {
        let length = text.chars().count();
        values += n;
        total += length * n;
        shortest = shortest.min(length);
        longest = longest.max(length);
        if let Some(slot) = scripts.get_mut(script_of(text) as usize) {
            *slot += n;
        }
    }
    if values == 0 {
        return None;
    }
    let mut mix: Vec<(Script, usize)> = ALL_SCRIPTS
        .iter()
        .zip(scripts)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| (*s, n))
        .collect();
    mix.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Some(TextSummary {
        values,
        shortest,
        longest,
        mean_length: total as f64 / values as f64,
        scripts: mix,
    })
}

/// In the order of the enum's discriminants.
const ALL_SCRIPTS: [Script; 7] = [
    Script::Latin,
    Script::Persian,
    Script::Arabic,
    Script::ArabicScript,
    Script::Mixed,
    Script::Other,
    Script::NoLetters,
];

/// The script of a text: its letters decide; Persian and Arabic are told
/// apart by the letters only one of them uses.
pub fn script_of(text: &str) -> Script {
    let (mut latin, mut arabic_script, mut other) = (false, false, false);
    let (mut persian_only, mut arabic_only) = (false, false);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => persian_only = true,
            'ي' | 'ك' | 'ة' | 'ى' => arabic_only = true,
            _ => {}
        }
        if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin = true;
        } else if is_arabic_script(c) {
            arabic_script = true;
        } else {
            other = true;
        }
    }
    match (latin, arabic_script, other) {
        (false, false, false) => Script::NoLetters,
        (true, false, false) => Script::Latin,
        (false, true, false) if persian_only && !arabic_only => Script::Persian,
        (false, true, false) if arabic_only && !persian_only => Script::Arabic,
        (false, true, false) => Script::ArabicScript,
        (true, true, _) => Script::Mixed,
        _ => Script::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_values() {
        assert_eq!(script_of("Riyadh"), Script::Latin);
        assert_eq!(script_of("Köln"), Script::Latin);
        assert_eq!(script_of("خیلی خوب بود"), Script::Persian);
        assert_eq!(script_of("جيد جدا"), Script::Arabic);
        assert_eq!(script_of("تهران"), Script::ArabicScript);
        assert_eq!(script_of("محمد Núñez"), Script::Mixed);
        assert_eq!(script_of("Москва"), Script::Other);
        assert_eq!(script_of("12-34 😀"), Script::NoLetters);
    }

    #[test]
    fn lengths_in_characters_and_the_mix() {
        let cells: TextColumn = ["  علی ", "Ali", "", "N/A", "Zoë", "سارة"]
            .into_iter()
            .collect();
        let s = text_summary(&cells).expect("texts");
        assert_eq!((s.values, s.shortest, s.longest), (4, 3, 4));
        assert!((s.mean_length - 13.0 / 4.0).abs() < 1e-12);
        assert_eq!(
            s.scripts,
            // "علی" ends in the Persian ی; "سارة" has the Arabic ة.
            [
                (Script::Latin, 2),
                (Script::Persian, 1),
                (Script::Arabic, 1)
            ]
        );
    }
}
