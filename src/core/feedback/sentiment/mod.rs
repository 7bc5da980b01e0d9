//! The sentiment of customers' free-text comments in English, Arabic and
//! Persian: offline, and inspectable (every score comes with the words that
//! made it).
//!
//! Method: a lexicon of scored words and phrases (VADER's for English,
//! curated lists for Arabic and Persian), VADER's rules for intensifiers,
//! negation and "but" (`score.rs`), after folding the letter variants of
//! the Arabic script (`normalise.rs`). Measured accuracy on labelled
//! comments is in tests/sentiment_accuracy.rs.
//!
//! Pipeline of [`score_text`]: language by script → tokens (as written and
//! normalised) → Persian "می"/"نمی" joined to their verb → lexicon units
//! (phrases first) → each unit's valence with its modifiers → "but"
//! weighting → sum → compound score in −1..1 → label (±0.05, as VADER).

mod by_group;
mod language;
mod lexicon;
mod normalise;
mod report;
mod rules;
mod score;
mod summary;
mod tokenise;
mod units;
mod words;

use serde::{Deserialize, Serialize};

pub use by_group::{sentiment_by_group, GroupSentiment};
pub use language::{detect_language, CommentLanguage};
pub use normalise::normalise;
pub use report::{sentiment_report, Quote, SentimentReport};
pub use summary::{sentiment_summary, summarise_scores, SentimentSummary, EXAMPLES_PER_LABEL};

use rules::{rules_for, Rules};
use score::{compound, punctuation_emphasis, Comment};
use tokenise::{tokenise, Token};
use units::find_units;

/// VADER's thresholds: compound ≥ 0.05 is positive, ≤ −0.05 negative.
pub const LABEL_THRESHOLD: f64 = 0.05;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SentimentLabel {
    Positive,
    Neutral,
    Negative,
}

impl SentimentLabel {
    pub fn of_score(score: f64) -> Self {
        if score >= LABEL_THRESHOLD {
            SentimentLabel::Positive
        } else if score <= -LABEL_THRESHOLD {
            SentimentLabel::Negative
        } else {
            SentimentLabel::Neutral
        }
    }
}

/// One comment's sentiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentiment {
    /// VADER's compound score, −1 (most negative) to 1.
    pub score: f64,
    pub label: SentimentLabel,
    pub language: CommentLanguage,
    /// The words and phrases that counted, as written, with what each
    /// contributed (after negation, intensifiers and "but"), in order.
    pub matched: Vec<(String, f64)>,
}

impl Sentiment {
    fn neutral(language: CommentLanguage) -> Self {
        Sentiment {
            score: 0.0,
            label: SentimentLabel::Neutral,
            language,
            matched: Vec::new(),
        }
    }
}

/// The sentiment of one comment. Any text is accepted: empty, emoji-only
/// or wordless text is Neutral with nothing matched.
pub fn score_text(text: &str) -> Sentiment {
    let language = detect_language(text);
    let tokens = join_persian_verb_prefixes(tokenise(text), language);
    if tokens.is_empty() {
        return Sentiment::neutral(language);
    }
    let rules: Vec<Rules> = tokens.iter().map(|t| rules_for(t, language)).collect();
    let units = find_units(&tokens, &rules);
    let comment = Comment::new(&tokens, &rules, &units);
    let mut sum = 0.0;
    let mut matched = Vec::with_capacity(units.len());
    for unit in &units {
        let valence = comment.modified_valence(unit) * comment.contrast_weight(unit);
        sum += valence;
        if valence != 0.0 {
            matched.push((written(&tokens, unit.start, unit.len), valence));
        }
    }
    let score = compound(sum, punctuation_emphasis(text));
    Sentiment {
        score,
        label: SentimentLabel::of_score(score),
        language,
        matched,
    }
}

/// A unit's words as the customer wrote them.
fn written(tokens: &[Token], start: usize, len: usize) -> String {
    tokens
        .iter()
        .skip(start)
        .take(len)
        .map(|t| t.written.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Persian writes the verb prefixes "می" and "نمی" joined, with a ZWNJ, or
/// with a space ("نمی کنم"); the last is joined here so all three are one
/// word. Not in Arabic, where "مي" is not a prefix.
fn join_persian_verb_prefixes(tokens: Vec<Token>, language: CommentLanguage) -> Vec<Token> {
    if language == CommentLanguage::Ar {
        return tokens;
    }
    let mut joined: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut pending: Option<Token> = None;
    for token in tokens {
        if let Some(prefix) = pending.take() {
            if token.arabic_script {
                joined.push(Token {
                    written: format!("{} {}", prefix.written, token.written),
                    norm: format!("{}{}", prefix.norm, token.norm),
                    arabic_script: true,
                    all_caps: false,
                });
                continue;
            }
            joined.push(prefix);
        }
        if token.norm == "می" || token.norm == "نمی" {
            pending = Some(token);
        } else {
            joined.push(token);
        }
    }
    joined.extend(pending);
    joined
}

#[cfg(test)]
mod tests;
