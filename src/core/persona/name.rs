//! A persona's name from its most distinctive traits: "Young high
//! spenders in Riyadh", «عملاء شباب كثيرو الإنفاق في الرياض», «مشتریان
//! جوان پرخرج در ریاض».
//!
//! The traits are the segment's significant differences from the base,
//! the largest effect first (`Distinct`), skipping effects below
//! [`MIN_NAMED_EFFECT`]; a name takes the first [`NAMED_TRAITS`] that
//! give it words. Names of one segmentation are made distinct by adding
//! the next trait to the names that collide, then by numbering.

use super::age::{tone_of_age, AgeTone};
use super::columns::MeasureKind;
use super::facts::{PersonaFacts, Source};
use super::words::{gender_of, measure_words, tone_words, Gender, MeasureWords};
use crate::core::i18n::{format_count, Lang};

/// Cohen's "small" effect: a smaller difference is no trait to be named by.
pub const MIN_NAMED_EFFECT: f64 = 0.2;

/// Traits a name is built from before any is added to tell names apart.
pub const NAMED_TRAITS: usize = 3;

/// What a name says.
#[derive(Default)]
struct NameParts {
    tone: Option<AgeTone>,
    gender: Option<Gender>,
    measures: Vec<MeasureWords>,
    place: Option<String>,
    favourite: Option<String>,
    /// Traits that gave words.
    used: usize,
}

/// The name of one persona from its first [`NAMED_TRAITS`] traits.
pub fn persona_name(lang: Lang, facts: &PersonaFacts) -> String {
    render(lang, &name_parts(facts, NAMED_TRAITS))
}

/// The names of every persona of one segmentation, distinct: names that
/// collide take one more trait each round while any has one to add; the
/// names still alike are then numbered "(2)", "(3)"… in segment order.
pub fn persona_names(lang: Lang, all: &[PersonaFacts]) -> Vec<String> {
    let mut traits = vec![NAMED_TRAITS; all.len()];
    loop {
        let names = names_with(lang, all, &traits);
        let mut grew = false;
        for (i, facts) in all.iter().enumerate() {
            let Some(name) = names.get(i) else { continue };
            let collides = names
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && same(other, name));
            let now = traits.get(i).copied().unwrap_or(NAMED_TRAITS);
            if collides && name_parts(facts, now + 1).used > name_parts(facts, now).used {
                if let Some(t) = traits.get_mut(i) {
                    *t = now + 1;
                    grew = true;
                }
            }
        }
        if !grew {
            return numbered(lang, names);
        }
    }
}

fn names_with(lang: Lang, all: &[PersonaFacts], traits: &[usize]) -> Vec<String> {
    all.iter()
        .zip(traits)
        .map(|(facts, &n)| render(lang, &name_parts(facts, n)))
        .collect()
}

/// Names equal but for case.
fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// The second and later of equal names get " (2)", " (3)"….
fn numbered(lang: Lang, names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let earlier = names.iter().take(i).filter(|n| same(n, name)).count();
        if earlier == 0 {
            out.push(name.clone());
        } else {
            let ordinal = u64::try_from(earlier + 1).unwrap_or(u64::MAX);
            out.push(format!("{name} ({})", format_count(ordinal, lang)));
        }
    }
    out
}

/// The words of the first `traits` distinctions that give any.
fn name_parts(facts: &PersonaFacts, traits: usize) -> NameParts {
    let mut parts = NameParts::default();
    let mut measures_named: Vec<MeasureKind> = Vec::new();
    for d in &facts.distinctions {
        if parts.used >= traits {
            break;
        }
        if d.effect.abs() < MIN_NAMED_EFFECT {
            continue;
        }
        let level = d.level.as_ref().map(|l| l.level.clone());
        let over = d.effect > 0.0;
        let added = match d.source {
            Source::Age => {
                let mean = facts.age.as_ref().and_then(|a| a.years.mean);
                let tone = mean.filter(|m| m.is_finite()).map(tone_of_age);
                fill(&mut parts.tone, tone)
            }
            Source::Gender => {
                let gender = level.as_deref().filter(|_| over).and_then(gender_of);
                fill(&mut parts.gender, gender)
            }
            Source::Place(_) => fill(&mut parts.place, level.filter(|_| over)),
            Source::Favourite(_) => fill(&mut parts.favourite, level.filter(|_| over)),
            Source::Measure(i) => match facts.measures.get(i) {
                Some(m) if !measures_named.contains(&m.kind) || m.kind == MeasureKind::Other => {
                    measures_named.push(m.kind);
                    parts.measures.push(measure_words(m.kind, over, &m.name));
                    true
                }
                _ => false,
            },
        };
        if added {
            parts.used += 1;
        }
    }
    parts
}

/// Sets an empty slot; false when the slot was taken or nothing given.
fn fill<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    if slot.is_some() || value.is_none() {
        return false;
    }
    *slot = value;
    true
}

fn render(lang: Lang, parts: &NameParts) -> String {
    match lang {
        Lang::En => english(parts),
        Lang::Ar => arabic(parts),
        Lang::Fa => persian(parts),
    }
}

/// "Young female high spenders with high income in Riyadh who prefer web".
fn english(parts: &NameParts) -> String {
    let mut words: Vec<String> = Vec::new();
    if let Some(tone) = parts.tone {
        words.push(tone_words(tone).0.to_string());
    }
    let mut measures = parts.measures.iter();
    match (measures.next(), parts.gender) {
        (Some(first), gender) => {
            match gender {
                Some(Gender::Female) => words.push("female".into()),
                Some(Gender::Male) => words.push("male".into()),
                None => {}
            }
            words.push(first.en_noun.clone());
        }
        (None, Some(Gender::Female)) => words.push("women".into()),
        (None, Some(Gender::Male)) => words.push("men".into()),
        (None, None) => words.push("customers".into()),
    }
    let with: Vec<String> = measures.map(|m| m.en_with.clone()).collect();
    if let Some((last, rest)) = with.split_last() {
        words.push(if rest.is_empty() {
            last.clone()
        } else {
            format!("{} and {last}", rest.join(", "))
        });
    }
    if let Some(place) = &parts.place {
        words.push(format!("in {place}"));
    }
    if let Some(favourite) = &parts.favourite {
        words.push(format!("who prefer {favourite}"));
    }
    capitalised(&words.join(" "))
}

/// «نساء شابات كثيرات الإنفاق في الرياض يفضلن …»: the noun, then its
/// adjectives, agreeing with a female noun.
fn arabic(parts: &NameParts) -> String {
    let female = parts.gender == Some(Gender::Female);
    let mut words: Vec<String> = vec![match parts.gender {
        Some(Gender::Female) => "نساء".into(),
        Some(Gender::Male) => "رجال".into(),
        None => "عملاء".into(),
    }];
    if let Some(tone) = parts.tone {
        let (_, m, f, _) = tone_words(tone);
        words.push(if female { f } else { m }.into());
    }
    for measure in &parts.measures {
        words.push(if female { &measure.ar.1 } else { &measure.ar.0 }.clone());
    }
    if let Some(place) = &parts.place {
        words.push(format!("في {place}"));
    }
    if let Some(favourite) = &parts.favourite {
        let verb = if female { "يفضلن" } else { "يفضلون" };
        words.push(format!("{verb} {favourite}"));
    }
    words.join(" ")
}

/// «مشتریان زن جوان پرخرج در ریاض، دوستدار …»: the noun and its
/// adjectives (the ezafe is not written).
fn persian(parts: &NameParts) -> String {
    let mut words: Vec<String> = vec!["مشتریان".into()];
    match parts.gender {
        Some(Gender::Female) => words.push("زن".into()),
        Some(Gender::Male) => words.push("مرد".into()),
        None => {}
    }
    if let Some(tone) = parts.tone {
        words.push(tone_words(tone).3.into());
    }
    for measure in &parts.measures {
        words.push(measure.fa.clone());
    }
    if let Some(place) = &parts.place {
        words.push(format!("در {place}"));
    }
    if let Some(favourite) = &parts.favourite {
        words.push(format!("دوستدار {favourite}"));
    }
    words.join(" ")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How the persona looks, for its avatar: how old its customers read
/// (from their mean age) and their gender when 60% or more share one.
pub fn persona_look(facts: &PersonaFacts) -> (Option<AgeTone>, Option<Gender>) {
    let tone = facts
        .age
        .as_ref()
        .and_then(|a| a.years.mean)
        .filter(|m| m.is_finite())
        .map(tone_of_age);
    let gender = facts
        .gender
        .as_ref()
        .filter(|g| g.share >= 0.6)
        .and_then(|g| gender_of(&g.level));
    (tone, gender)
}
