//! Words of a comment, each kept as written (for the UI's "why") and in
//! its normalised form (for the lexicon).

use super::normalise::normalise;
use crate::core::i18n::letters::is_arabic_script;

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The word as the customer wrote it.
    pub written: String,
    /// [`normalise`]d: what the lexicons and word lists are keyed by.
    pub norm: String,
    /// Whether the word is written in the Arabic script.
    pub arabic_script: bool,
    /// Upper case as Python's `str.isupper` says (some cased letter, no
    /// lower-case one): VADER's emphasis, and its "some but not all" test.
    pub all_caps: bool,
}

impl Token {
    pub fn new(written: &str) -> Self {
        let arabic_script = written.chars().any(is_arabic_script);
        let all_caps =
            written.chars().any(char::is_uppercase) && !written.chars().any(char::is_lowercase);
        Token {
            written: written.to_string(),
            norm: normalise(written),
            arabic_script,
            all_caps,
        }
    }
}

/// Split on white space, then on punctuation (Latin and Arabic: `، ؛ ؟ « »`
/// are not word characters). A chunk with no letter at all (":)", ":-(",
/// "<3") is kept whole, since VADER's lexicon scores such emoticons.
pub fn tokenise(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for chunk in text.split_whitespace() {
        if is_emoticon_like(chunk) {
            tokens.push(Token::new(chunk));
            continue;
        }
        for piece in chunk.split(|c: char| !is_word_char(c)) {
            let word = piece.trim_matches(|c: char| is_joiner_punctuation(c));
            if word.chars().any(|c| c.is_alphanumeric()) {
                tokens.push(Token::new(word));
            }
        }
    }
    tokens
}

/// Letters, digits, and what lives inside words: Arabic combining marks,
/// tatweel, the zero-width joiners, apostrophes (don't) and hyphens
/// (kind-of); the last two are trimmed from the ends of a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
        )
        || is_joiner_punctuation(c)
}

fn is_joiner_punctuation(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

/// Two or more characters, none a letter, some punctuation: an emoticon.
fn is_emoticon_like(chunk: &str) -> bool {
    chunk.chars().count() >= 2
        && !chunk.chars().any(char::is_alphabetic)
        && chunk.chars().any(|c| c.is_ascii_punctuation())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenise(text).into_iter().map(|t| t.written).collect()
    }

    #[test]
    fn splits_on_latin_and_arabic_punctuation() {
        assert_eq!(
            words("خوب بود،ولی؛گران«بود»؟ نه!"),
            ["خوب", "بود", "ولی", "گران", "بود", "نه"]
        );
        assert_eq!(words("Great, really great."), ["Great", "really", "great"]);
    }

    #[test]
    fn keeps_contractions_and_emoticons() {
        assert_eq!(
            words("I don't like it :("),
            ["I", "don't", "like", "it", ":("]
        );
        assert_eq!(words("'quoted' -dash-"), ["quoted", "dash"]);
    }

    #[test]
    fn keeps_zwnj_and_marks_inside_words() {
        let tokens = tokenise("نمی\u{200C}کنم جِدًّا");
        assert_eq!(tokens.len(), 2);
        assert_eq!(tokens[0].norm, "نمیکنم");
        assert_eq!(tokens[1].norm, "جدا");
        assert!(tokens[0].arabic_script);
    }

    #[test]
    fn caps() {
        let tokens = tokenise("VERY good I :D خوب");
        let caps: Vec<bool> = tokens.iter().map(|t| t.all_caps).collect();
        assert_eq!(caps, [true, false, true, true, false]);
    }

    #[test]
    fn nothing_to_split() {
        assert!(tokenise("").is_empty());
        assert!(tokenise("  \t\n ").is_empty());
        assert!(tokenise("😀🎉 👍").is_empty());
        assert_eq!(words("😀 ..."), ["..."]);
    }
}
