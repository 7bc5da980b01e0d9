//! The sentiment-bearing units of a comment: lexicon words and phrases,
//! longest phrase first, with the Persian verb forms whose negation is
//! written onto the word itself.

use super::lexicon::{lookup_word, Script, MAX_PHRASE_WORDS};
use super::rules::Rules;
use super::tokenise::Token;
use super::words::is_persian_negated_verb;

/// VADER's empirically derived factor for a negated word.
pub const NEGATION: f64 = -0.74;

#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// First token of the unit.
    pub start: usize,
    /// Number of tokens (more than one for a phrase).
    pub len: usize,
    /// The lexicon score, before modifiers.
    pub valence: f64,
    /// The unit carries its own negation ("لا أنصح", "نمی‌ارزه"), so a
    /// negator nearby only emphasises it (negative concord) and does not
    /// flip it back.
    pub self_negated: bool,
}

impl Unit {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// Every unit, left to right, never overlapping.
pub fn find_units(tokens: &[Token], rules: &[Rules]) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        match unit_at(tokens, rules, start) {
            Some(unit) => {
                start = unit.end();
                units.push(unit);
            }
            None => start += 1,
        }
    }
    units
}

fn unit_at(tokens: &[Token], rules: &[Rules], start: usize) -> Option<Unit> {
    let first = tokens.get(start)?;
    let rule = rules.get(start)?;
    if first.arabic_script {
        for len in (2..=MAX_PHRASE_WORDS).rev() {
            if let Some(unit) = phrase_at(tokens, rule, start, len) {
                return Some(unit);
            }
        }
    }
    // VADER: a degree word is a modifier even where the lexicon scores it
    // ("total", "incredible"); and "kind" of "kind of" is not kindness.
    if rule.english
        && (rule.lists.booster(&first.norm).is_some()
            || (first.norm == "kind" && tokens.get(start + 1).is_some_and(|t| t.norm == "of")))
    {
        return None;
    }
    // A negator or intensifier only modifies its neighbours, even when an
    // ending stripped off would leave a lexicon word ("کاملا" → "کامل").
    if !rule.english && is_function_word(first, rule) {
        return None;
    }
    if let Some(valence) = word_score(first, rule) {
        return Some(Unit {
            start,
            len: 1,
            valence,
            self_negated: false,
        });
    }
    if rule.persian {
        return negated_verb_at(first, rule, start);
    }
    None
}

/// `len` Arabic-script tokens from `start` listed together as a phrase.
fn phrase_at(tokens: &[Token], rule: &Rules, start: usize, len: usize) -> Option<Unit> {
    let window = tokens.get(start..start + len)?;
    if !window.iter().all(|t| t.arabic_script) {
        return None;
    }
    let key = window
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let valence = rule
        .lexicons
        .iter()
        .find_map(|lexicon| lexicon().get(&key))?;
    let self_negated = window.iter().any(|t| {
        rule.lists.is_negator(&t.norm)
            || (rule.persian && is_persian_negated_verb(rule.lists, &t.norm))
    });
    Some(Unit {
        start,
        len,
        valence,
        self_negated,
    })
}

fn is_function_word(token: &Token, rule: &Rules) -> bool {
    rule.lists.is_negator(&token.norm)
        || rule.lists.booster(&token.norm).is_some()
        || rule.lists.contrast.contains(&token.norm)
}

fn word_score(token: &Token, rule: &Rules) -> Option<f64> {
    let script = script_of(token, rule);
    rule.lexicons
        .iter()
        .find_map(|lexicon| lookup_word(lexicon(), &token.norm, script))
}

fn script_of(token: &Token, rule: &Rules) -> Script {
    match (token.arabic_script, rule.arabic_clitics) {
        (false, _) => Script::Latin,
        (true, false) => Script::Persian,
        (true, true) => Script::Arabic,
    }
}

/// A Persian verb negated by its "ن" prefix whose positive form is in the
/// lexicon: "نمی‌ارزه" (is not worth it) from "می‌ارزه", "نپسندیدم" from
/// "پسندیدم". The stem must keep three letters, so short words that merely
/// start with "ن" ("نو", "نرم") are not read as verbs.
fn negated_verb_at(token: &Token, rule: &Rules, start: usize) -> Option<Unit> {
    let stem = token.norm.strip_prefix('ن')?;
    if stem.chars().count() < 3 {
        return None;
    }
    let valence = rule
        .lexicons
        .iter()
        .find_map(|lexicon| lookup_word(lexicon(), stem, Script::Persian))?;
    Some(Unit {
        start,
        len: 1,
        valence: valence * NEGATION,
        self_negated: true,
    })
}
