//! VADER's valence rules (Hutto & Gilbert 2014; vaderSentiment 3.3.2), for
//! English as published and carried over to Arabic and Persian:
//!
//! - a unit's lexicon score is raised or lowered by intensifiers up to
//!   three words before it (×0.95 at two words, ×0.9 at three);
//! - a negator up to three words before flips it (×−0.74); Persian also
//!   negates after the predicate ("راضی نیستم") and Arabic-script
//!   intensifiers also follow ("جيد جدا");
//! - after the first "but", units weigh ×1.5 and before it ×0.5;
//! - `!` and repeated `?` push the sum away from zero;
//! - the sum is squashed to −1..1 by x / √(x² + 15).

use super::rules::Rules;
use super::tokenise::Token;
use super::units::{Unit, NEGATION};
use super::words::is_persian_negated_verb;

/// VADER's boost of a word in ALL CAPS among words that are not.
const CAPS_BOOST: f64 = 0.733;
/// Normalisation constant: x / √(x² + α).
const ALPHA: f64 = 15.0;

/// A tokenised comment with what every unit's rules look up: which tokens
/// are inside a lexicon unit, and whether capitals are emphasis here.
pub struct Comment<'a> {
    pub tokens: &'a [Token],
    pub rules: &'a [Rules],
    covered: Vec<bool>,
    cap_differential: bool,
    /// Index of the first contrastive word ("but", "ولی", "لكن").
    pivot: Option<usize>,
}

impl<'a> Comment<'a> {
    pub fn new(tokens: &'a [Token], rules: &'a [Rules], units: &[Unit]) -> Self {
        let mut covered = vec![false; tokens.len()];
        for unit in units {
            for slot in covered.iter_mut().skip(unit.start).take(unit.len) {
                *slot = true;
            }
        }
        // VADER counts a word as "in the lexicon" by membership, even when
        // it is a degree word and so scored nothing ("incredible").
        for ((slot, token), rule) in covered.iter_mut().zip(tokens).zip(rules) {
            if rule.english && super::lexicon::english().get(&token.norm).is_some() {
                *slot = true;
            }
        }
        let pivot = tokens
            .iter()
            .zip(rules)
            .position(|(t, r)| r.lists.contrast.contains(&t.norm));
        Comment {
            tokens,
            rules,
            covered,
            cap_differential: some_but_not_all_caps(tokens),
            pivot,
        }
    }

    fn in_unit(&self, index: usize) -> bool {
        self.covered.get(index).copied().unwrap_or(false)
    }

    fn norm(&self, index: usize) -> &str {
        self.tokens.get(index).map_or("", |t| t.norm.as_str())
    }

    /// The unit's valence after intensifiers, negation and emphasis;
    /// before the "but" weighting.
    pub fn modified_valence(&self, unit: &Unit) -> f64 {
        let Some(rule) = self.rules.get(unit.start) else {
            return 0.0;
        };
        let arabic_script = self.tokens.get(unit.start).is_some_and(|t| t.arabic_script);
        let mut valence = unit.valence;
        if rule.english {
            valence = self.english_no_rule(unit, valence);
            if self.cap_differential && self.tokens.get(unit.start).is_some_and(|t| t.all_caps) {
                valence += CAPS_BOOST.copysign(valence_sign(valence));
            }
        }
        let mut negated = false;
        for distance in 1..=3 {
            let Some(index) = unit.start.checked_sub(distance) else {
                break;
            };
            let Some(token) = self.tokens.get(index) else {
                break;
            };
            if self.in_unit(index) || token.arabic_script != arabic_script {
                continue;
            }
            valence +=
                booster(rule, token, valence, self.cap_differential) * distance_damping(distance);
            if rule.english {
                valence = self.english_negation(valence, unit.start, distance);
            } else if rule.lists.is_negator(&token.norm) {
                negated = true;
            }
        }
        if !rule.english {
            for distance in 1..=2 {
                let index = unit.end() + distance - 1;
                let Some(token) = self.tokens.get(index) else {
                    break;
                };
                if self.in_unit(index) || !token.arabic_script {
                    continue;
                }
                if rule.boosters_after {
                    valence += booster(rule, token, valence, false) * distance_damping(distance);
                }
                if rule.persian && is_persian_negated_verb(rule.lists, &token.norm) {
                    negated = true;
                }
            }
            if negated && !unit.self_negated {
                valence *= NEGATION;
            }
        }
        valence
    }

    /// VADER's English negation window, as published (including its
    /// "never so/this" emphasis and its rule that "so"/"this" just before
    /// a word at three words' reach also emphasises it).
    fn english_negation(&self, valence: f64, at: usize, distance: usize) -> f64 {
        let word = |back: usize| at.checked_sub(back).map_or("", |i| self.norm(i));
        let so_or_this = |w: &str| w == "so" || w == "this";
        match distance {
            1 if english_negated(word(1)) => valence * NEGATION,
            2 if word(2) == "never" && so_or_this(word(1)) => valence * 1.25,
            2 if word(2) == "without" && word(1) == "doubt" => valence,
            2 if english_negated(word(2)) => valence * NEGATION,
            3 if (word(3) == "never" && so_or_this(word(2))) || so_or_this(word(1)) => {
                valence * 1.25
            }
            3 if word(3) == "without" && (word(2) == "doubt" || word(1) == "doubt") => valence,
            3 if english_negated(word(3)) => valence * NEGATION,
            _ => valence,
        }
    }

    /// VADER's "no": itself negative, but nothing when a lexicon word
    /// follows ("no problem" is about the problem); and it negates a
    /// lexicon word up to two words after it (three across "or"/"nor").
    fn english_no_rule(&self, unit: &Unit, valence: f64) -> f64 {
        let at = unit.start;
        let mut valence = valence;
        if self.norm(at) == "no" && self.in_unit(at + 1) {
            valence = 0.0;
        }
        let back = |k: usize| at.checked_sub(k).map_or("", |i| self.norm(i));
        if back(1) == "no"
            || back(2) == "no"
            || (back(3) == "no" && matches!(back(1), "or" | "nor"))
        {
            valence = unit.valence * NEGATION;
        }
        valence
    }

    /// VADER's "but": the first contrastive word splits the comment; units
    /// before it count half, units after it one and a half.
    pub fn contrast_weight(&self, unit: &Unit) -> f64 {
        match self.pivot {
            Some(p) if unit.start < p => 0.5,
            Some(p) if unit.start > p => 1.5,
            _ => 1.0,
        }
    }
}

/// VADER: a degree word before a lexicon word pushes it further from zero
/// (or nearer, for dampeners), more if written in capitals.
fn booster(rule: &Rules, token: &Token, valence: f64, cap_differential: bool) -> f64 {
    let Some(mut scalar) = rule.lists.booster(&token.norm) else {
        return 0.0;
    };
    if valence < 0.0 {
        scalar = -scalar;
    }
    if rule.english && token.all_caps && cap_differential {
        scalar += CAPS_BOOST.copysign(valence_sign(valence));
    }
    scalar
}

/// VADER adds the caps boost upwards for a positive valence and downwards
/// otherwise (zero included).
fn valence_sign(valence: f64) -> f64 {
    if valence > 0.0 {
        1.0
    } else {
        -1.0
    }
}

fn distance_damping(distance: usize) -> f64 {
    match distance {
        2 => 0.95,
        3 => 0.9,
        _ => 1.0,
    }
}

fn english_negated(word: &str) -> bool {
    super::words::english().is_negator(word) || word.contains("n't")
}

/// VADER's ALL CAPS test: emphasis counts only when some words, not all,
/// are in capitals.
fn some_but_not_all_caps(tokens: &[Token]) -> bool {
    let caps = tokens.iter().filter(|t| t.all_caps).count();
    caps > 0 && caps < tokens.len()
}

/// `!` (up to four) and more than one `?` (Latin or Arabic) add emphasis
/// in the direction of the sum, as VADER.
pub fn punctuation_emphasis(text: &str) -> f64 {
    let exclamations = text.chars().filter(|c| *c == '!').count().min(4);
    let questions = text.chars().filter(|c| matches!(c, '?' | '؟')).count();
    let question_boost = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * 0.18,
        _ => 0.96,
    };
    exclamations as f64 * 0.292 + question_boost
}

/// The sum of valences, emphasised, squashed to −1..1.
pub fn compound(sum: f64, emphasis: f64) -> f64 {
    let emphasised = if sum > 0.0 {
        sum + emphasis
    } else if sum < 0.0 {
        sum - emphasis
    } else {
        sum
    };
    (emphasised / (emphasised * emphasised + ALPHA).sqrt()).clamp(-1.0, 1.0)
}
