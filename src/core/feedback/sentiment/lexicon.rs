//! The sentiment lexicons: plain `word<TAB>score` files (−4..4, as VADER),
//! built into the binary with `include_str!` so scoring works offline and
//! anyone can read why a word counts. `#` starts a comment line. An entry
//! may be a phrase of up to [`MAX_PHRASE_WORDS`] words ("لا أنصح",
//! "پیشنهاد نمی‌کنم"); keys are normalised when loaded, so the files can be
//! written with whatever letters and marks are natural.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::normalise::{collapse_doubles, normalise};

/// The longest phrase a lexicon entry may be.
pub const MAX_PHRASE_WORDS: usize = 3;

#[derive(Debug, Default)]
pub struct Lexicon {
    entries: FxHashMap<String, f64>,
}

/// A line of a lexicon file that is not `word<TAB>number`.
#[derive(Debug, Clone, PartialEq)]
pub struct BadLine {
    pub line: usize,
    pub text: String,
}

impl Lexicon {
    /// Reads a lexicon file; malformed lines are returned, not fatal (the
    /// shipped files are checked by a test to have none).
    pub fn parse(text: &str) -> (Lexicon, Vec<BadLine>) {
        let mut lexicon = Lexicon::default();
        let mut bad = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            match parse_entry(line) {
                Some((key, score)) => {
                    lexicon.entries.insert(key, score);
                }
                None => bad.push(BadLine {
                    line: index + 1,
                    text: line.to_string(),
                }),
            }
        }
        (lexicon, bad)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The score of a normalised word or phrase, exactly as listed.
    pub fn get(&self, norm: &str) -> Option<f64> {
        self.entries.get(norm).copied()
    }
}

/// `word<TAB>score`: the key normalised word by word, the score a finite
/// number in −4..4.
fn parse_entry(line: &str) -> Option<(String, f64)> {
    let mut fields = line.split('\t');
    let word = fields.next()?.trim();
    let score: f64 = fields.next()?.trim().parse().ok()?;
    if word.is_empty() || !score.is_finite() || !(-4.0..=4.0).contains(&score) {
        return None;
    }
    let words: Vec<String> = word.split_whitespace().map(normalise).collect();
    if words.len() > MAX_PHRASE_WORDS {
        return None;
    }
    Some((words.join(" "), score))
}

/// Arabic clitics written onto a word: "و" (and), "ف", "ب" (with), "ل"
/// (for), "ک" (as, folded from ك) and the article "ال", longest first.
const ARABIC_PREFIXES: &[&str] = &["وال", "بال", "فال", "کال", "لل", "ال", "و", "ف", "ب", "ل"];

/// Persian endings on an adjective or noun in speech and writing: the
/// colloquial copula ("عالیه" = عالی است, "خوبه"), person endings
/// ("راضیم"), the indefinite "ی" ("خوبی"), plurals and comparatives, and
/// Arabic feminine/plural endings already folded ("ممتازه" from ممتازة) and
/// the accusative alef ("جيدا").
const SUFFIXES: &[&str] = &[
    "هایی", "های", "ها", "ترین", "تر", "یه", "ست", "اش", "ش", "یم", "ید", "ند", "م", "ه", "ی",
    "ات", "ین", "ون", "ان", "ا",
];

/// How a word may be taken apart when it is not listed as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Only doubled letters made single ("baad").
    Latin,
    /// Persian (or Arabic-script text of unknown language): endings, and
    /// doubled long vowels ("ضعییف").
    Persian,
    /// Arabic: also the clitics written before the word ("والجيد").
    Arabic,
}

/// A word's score in `lexicon`, trying the word as written, then without
/// Arabic prefixes and Persian/Arabic suffixes (never leaving fewer than
/// two letters), then with doubled letters made single ("ضعییف"). Returns
/// the score; `None` when nothing matches.
pub fn lookup_word(lexicon: &Lexicon, norm: &str, script: Script) -> Option<f64> {
    if let Some(score) = lexicon.get(norm) {
        return Some(score);
    }
    if script != Script::Latin {
        if let Some(score) = lookup_affixed(lexicon, norm, script) {
            return Some(score);
        }
    }
    let single = collapse_doubles(norm);
    if single != norm {
        if let Some(score) = lexicon.get(&single) {
            return Some(score);
        }
        if script != Script::Latin {
            return lookup_affixed(lexicon, &single, script);
        }
    }
    None
}

fn lookup_affixed(lexicon: &Lexicon, norm: &str, script: Script) -> Option<f64> {
    let mut stems: Vec<&str> = vec![norm];
    let prefixes = if script == Script::Arabic {
        ARABIC_PREFIXES
    } else {
        &[]
    };
    for prefix in prefixes {
        if let Some(rest) = norm.strip_prefix(prefix) {
            if long_enough(rest) {
                stems.push(rest);
            }
        }
    }
    for stem in &stems {
        if let Some(score) = lexicon.get(stem) {
            return Some(score);
        }
        for suffix in SUFFIXES {
            if let Some(rest) = stem.strip_suffix(suffix) {
                if long_enough(rest) {
                    if let Some(score) = lexicon.get(rest) {
                        return Some(score);
                    }
                }
            }
        }
    }
    None
}

fn long_enough(stem: &str) -> bool {
    stem.chars().count() >= 2
}

fn load(text: &'static str, cell: &'static OnceLock<Lexicon>) -> &'static Lexicon {
    cell.get_or_init(|| Lexicon::parse(text).0)
}

pub const ENGLISH_TEXT: &str = include_str!("lexicon_en.txt");
pub const ARABIC_TEXT: &str = include_str!("lexicon_ar.txt");
pub const PERSIAN_TEXT: &str = include_str!("lexicon_fa.txt");

pub fn english() -> &'static Lexicon {
    static CELL: OnceLock<Lexicon> = OnceLock::new();
    load(ENGLISH_TEXT, &CELL)
}

pub fn arabic() -> &'static Lexicon {
    static CELL: OnceLock<Lexicon> = OnceLock::new();
    load(ARABIC_TEXT, &CELL)
}

pub fn persian() -> &'static Lexicon {
    static CELL: OnceLock<Lexicon> = OnceLock::new();
    load(PERSIAN_TEXT, &CELL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicons_have_no_bad_lines() {
        for (name, text) in [
            ("en", ENGLISH_TEXT),
            ("ar", ARABIC_TEXT),
            ("fa", PERSIAN_TEXT),
        ] {
            let (lexicon, bad) = Lexicon::parse(text);
            assert!(bad.is_empty(), "{name}: {bad:?}");
            assert!(lexicon.len() > 200, "{name}: {} entries", lexicon.len());
        }
    }

    #[test]
    fn english_is_vader() {
        // Spot values from vader_lexicon.txt.
        assert_eq!(english().get("good"), Some(1.9));
        assert_eq!(english().get("horrible"), Some(-2.5));
        assert_eq!(english().get(":)"), Some(2.0));
    }

    #[test]
    fn bad_lines_reported_with_their_number() {
        let (lexicon, bad) =
            Lexicon::parse("# c\ngood\t2\nbad\n\nworse\tx\nworst\t9\na b c d\t1\nok \t 1 ");
        assert_eq!(lexicon.get("good"), Some(2.0));
        assert_eq!(lexicon.get("ok"), Some(1.0));
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, [3, 5, 6, 7]);
    }

    #[test]
    fn keys_are_normalised() {
        let (lexicon, _) = Lexicon::parse("ممتازة\t3\nلا  أنصح\t-2\n");
        assert_eq!(lexicon.get("ممتازه"), Some(3.0));
        assert_eq!(lexicon.get("لا انصح"), Some(-2.0));
    }

    #[test]
    fn affixes_and_doubles() {
        let (lexicon, _) = Lexicon::parse("عالی\t3\nجید\t2\nضعیف\t-2\nbad\t-2.5\n");
        assert_eq!(lookup_word(&lexicon, "عالیه", Script::Persian), Some(3.0));
        assert_eq!(lookup_word(&lexicon, "والجید", Script::Arabic), Some(2.0));
        assert_eq!(lookup_word(&lexicon, "والجید", Script::Persian), None);
        assert_eq!(lookup_word(&lexicon, "ضعییف", Script::Persian), Some(-2.0));
        assert_eq!(lookup_word(&lexicon, "baad", Script::Latin), Some(-2.5));
        // A Latin word is not stripped of "ه"-like endings.
        assert_eq!(lookup_word(&lexicon, "bads", Script::Latin), None);
        // Never strip down to one letter.
        let (short, _) = Lexicon::parse("ب\t1\n");
        assert_eq!(lookup_word(&short, "به", Script::Persian), None);
        // Only long vowels are undoubled in the Arabic script: "کننده"
        // (doer) is not "کنده" (slow).
        let (slow, _) = Lexicon::parse("کنده\t-1\n");
        assert_eq!(lookup_word(&slow, "کننده", Script::Persian), None);
    }
}
