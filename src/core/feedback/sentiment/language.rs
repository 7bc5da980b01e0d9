//! Which language a comment is in, told by its letters alone: Latin is
//! English; in the Arabic script, letters only Persian uses (پ چ ژ گ, and
//! the Persian forms of kaf and yeh) against letters only Arabic uses (ة,
//! the Arabic forms of yeh and kaf, hamza on alef).

use serde::{Deserialize, Serialize};

use crate::core::i18n::letters::is_arabic_script;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CommentLanguage {
    En,
    Ar,
    Fa,
    /// No letters, or Arabic script with nothing that tells Arabic from
    /// Persian ("ممتاز" is both). Such comments are scored with both
    /// Arabic-script lexicons.
    Unknown,
}

/// Letters counted towards each language.
#[derive(Debug, Default)]
struct LetterCounts {
    latin: usize,
    arabic_script: usize,
    persian_only: usize,
    arabic_only: usize,
}

impl LetterCounts {
    fn of(text: &str) -> Self {
        let mut counts = LetterCounts::default();
        for c in text.chars() {
            if c.is_ascii_alphabetic() || matches!(c, 'À'..='ɏ') {
                counts.latin += 1;
            } else if is_arabic_script(c) && c.is_alphabetic() {
                counts.arabic_script += 1;
                match c {
                    'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => counts.persian_only += 1,
                    'ة' | 'ي' | 'ك' | 'ى' | 'أ' | 'إ' => counts.arabic_only += 1,
                    _ => {}
                }
            }
        }
        counts
    }
}

/// The language of a comment, by its script.
pub fn detect_language(text: &str) -> CommentLanguage {
    let counts = LetterCounts::of(text);
    if counts.latin == 0 && counts.arabic_script == 0 {
        return CommentLanguage::Unknown;
    }
    if counts.latin > counts.arabic_script {
        return CommentLanguage::En;
    }
    match counts.persian_only.cmp(&counts.arabic_only) {
        std::cmp::Ordering::Greater => CommentLanguage::Fa,
        std::cmp::Ordering::Less => CommentLanguage::Ar,
        std::cmp::Ordering::Equal => CommentLanguage::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_script() {
        assert_eq!(detect_language("Great dress"), CommentLanguage::En);
        assert_eq!(detect_language("گوشی خوبیه"), CommentLanguage::Fa);
        assert_eq!(detect_language("الخدمة ممتازة"), CommentLanguage::Ar);
        assert_eq!(detect_language("منتج جيد"), CommentLanguage::Ar);
        assert_eq!(detect_language("ممتاز"), CommentLanguage::Unknown);
        assert_eq!(detect_language("12345 !!"), CommentLanguage::Unknown);
        assert_eq!(detect_language(""), CommentLanguage::Unknown);
    }

    #[test]
    fn majority_script_wins() {
        assert_eq!(
            detect_language("این گوشی Samsung خوبه"),
            CommentLanguage::Fa
        );
        assert_eq!(detect_language("Nice phone, خوب"), CommentLanguage::En);
    }
}
