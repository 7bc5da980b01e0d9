//! One word written several ways meets one lexicon entry: letters folded
//! (`core::i18n::letters`), Latin lower-cased, and stretched words
//! ("خیلیییی", "soooo") collapsed.

use crate::core::i18n::letters::{fold_char, is_arabic_script};

/// The canonical form of one word (or a whole text): letters folded,
/// Latin lower-cased, elongations collapsed.
pub fn normalise(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().filter_map(fold_char) {
        folded.extend(c.to_lowercase());
    }
    collapse_elongation(&folded)
}

/// A letter repeated three times or more is elongation, never spelling:
/// in the Arabic script it becomes one letter ("خیلیییی" → "خیلی"; real
/// doubled letters such as "ممنون" are only two); in Latin it becomes two,
/// as VADER's authors advise ("soooo" → "soo", "gooood" → "good").
fn collapse_elongation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut run = 1;
        while chars.peek() == Some(&c) {
            chars.next();
            run += 1;
        }
        let keep = match (run, c.is_alphabetic(), is_arabic_script(c)) {
            (3.., true, true) => 1,
            (3.., true, false) => 2,
            _ => run,
        };
        out.extend(std::iter::repeat_n(c, keep));
    }
    out
}

/// Doubled letters made single: a last resort when a stretched word
/// ("ضعییف", "baad") is still not found after [`normalise`]. In the Arabic
/// script only the long vowels and heh, which writers stretch; consonants
/// double in real words ("کننده").
pub fn collapse_doubles(word: &str) -> String {
    let stretchable =
        |c: char| c.is_alphabetic() && (!is_arabic_script(c) || matches!(c, 'ا' | 'و' | 'ی' | 'ه'));
    let mut out = String::with_capacity(word.len());
    let mut previous = None;
    for c in word.chars() {
        if previous != Some(c) || !stretchable(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yeh_and_kaf_variants_meet() {
        // Arabic yeh, alef maksura, yeh with hamza; Arabic kaf.
        assert_eq!(normalise("علي"), "علی");
        assert_eq!(normalise("على"), "علی");
        assert_eq!(normalise("سئ"), "سی");
        assert_eq!(normalise("كتاب"), normalise("کتاب"));
        assert_eq!(normalise("كتاب"), "کتاب");
    }

    #[test]
    fn teh_marbuta_hamza_and_alef_variants() {
        assert_eq!(normalise("ممتازة"), "ممتازه");
        assert_eq!(normalise("همۀ"), "همه");
        for alef in ["أ", "إ", "آ", "ٱ"] {
            assert_eq!(normalise(alef), "ا", "{alef}");
        }
        assert_eq!(normalise("مؤسسة"), "موسسه");
    }

    #[test]
    fn tatweel_and_harakat_removed() {
        assert_eq!(normalise("جميـــل"), "جمیل");
        // fatha, damma, kasra, shadda, sukun, tanween fath, superscript alef.
        assert_eq!(normalise("جِدًّا"), "جدا");
        assert_eq!(normalise("رَائِعٌ"), "رایع");
        assert_eq!(normalise("هٰذا"), "هذا");
    }

    #[test]
    fn zwnj_joins() {
        assert_eq!(normalise("نمی\u{200C}کنم"), "نمیکنم");
        assert_eq!(normalise("نمی\u{200C}کنم"), normalise("نمیکنم"));
    }

    #[test]
    fn digits_to_ascii() {
        assert_eq!(normalise("۱۴۰۲"), "1402");
        assert_eq!(normalise("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(normalise("۵ ستاره"), "5 ستاره");
    }

    #[test]
    fn latin_lower_cased() {
        assert_eq!(normalise("GREAT Phone"), "great phone");
    }

    #[test]
    fn elongation_collapsed() {
        assert_eq!(normalise("خیلیییی"), "خیلی");
        assert_eq!(normalise("soooo"), "soo");
        assert_eq!(normalise("goooood"), "good");
        // Real doubles and numbers are left alone.
        assert_eq!(normalise("ممنون"), "ممنون");
        assert_eq!(normalise("good"), "good");
        assert_eq!(normalise("1000"), "1000");
    }

    #[test]
    fn doubles_collapsed_on_request() {
        assert_eq!(collapse_doubles("ضعییف"), "ضعیف");
        assert_eq!(collapse_doubles("baad"), "bad");
    }
}
