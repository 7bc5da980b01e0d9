//! A comparison key under which spellings of the same category meet:
//! "Tehran" / "tehran " / "TEHRAN", and Persian typed on an Arabic keyboard
//! (ي for ی, ك for ک), with tatweel, ZWNJ or a space inside a word, ة for ه,
//! ۀ for هٔ. Lossy on purpose: it only *suggests* which values are the same;
//! the user decides (see `variants`).

/// The folded form of a value; equal keys are candidate spellings of one
/// category.
pub fn fold_key(value: &str) -> String {
    let mut key = String::with_capacity(value.len());
    for c in value.chars() {
        match fold_char(c) {
            Folded::Drop => {}
            Folded::One(c) => key.extend(c.to_lowercase()),
            Folded::Two(a, b) => {
                key.push(a);
                key.push(b);
            }
        }
    }
    key
}

/// Words that name the same category in different ways, folded. Only the
/// categories customer files group by all the time (gender, the countries
/// exports abbreviate), so a suggestion is never a guess about meaning.
const SYNONYMS: [(&str, &[&str]); 5] = [
    ("male", &["m", "man", "mr", "مرد", "آقا", "ذکر"]),
    (
        "female",
        &["f", "woman", "mrs", "ms", "زن", "خانم", "انثی", "أنثی"],
    ),
    (
        "unitedstates",
        &["us", "usa", "unitedstatesofamerica", "america"],
    ),
    ("unitedkingdom", &["uk", "gb", "greatbritain"]),
    ("unitedarabemirates", &["uae", "امارات", "الامارات"]),
];

/// [`fold_key`], with known synonyms ("M", "Male", "مرد") meeting too.
pub fn category_key(value: &str) -> String {
    let key = fold_key(value);
    SYNONYMS
        .iter()
        .find(|(canonical, others)| key == *canonical || others.contains(&key.as_str()))
        .map(|(canonical, _)| canonical.to_string())
        .unwrap_or(key)
}

enum Folded {
    Drop,
    One(char),
    Two(char, char),
}

fn fold_char(c: char) -> Folded {
    match c {
        // Spaces, ZWNJ/ZWJ, tatweel, bidi marks and BOM: not part of the word;
        // nor the dots of abbreviations ("U.S." / "US").
        c if c.is_whitespace() => Folded::Drop,
        '.' => Folded::Drop,
        '\u{200C}' | '\u{200D}' | '\u{0640}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        | '\u{FEFF}' => Folded::Drop,
        // Arabic keyboard letters to their Persian forms.
        '\u{064A}' | '\u{0649}' => Folded::One('\u{06CC}'), // ي ى → ی
        '\u{0643}' => Folded::One('\u{06A9}'),              // ك → ک
        '\u{0629}' => Folded::One('\u{0647}'),              // ة → ه
        // ۀ (heh with yeh above) is not canonically heh + hamza, so NFC
        // alone would keep "خانۀ" and "خانهٔ" apart.
        '\u{06C0}' => Folded::Two('\u{0647}', '\u{0654}'),
        // Arabic-Indic and Persian digits to ASCII.
        '\u{0660}'..='\u{0669}' => Folded::One(shift(c, 0x0660)),
        '\u{06F0}'..='\u{06F9}' => Folded::One(shift(c, 0x06F0)),
        c => Folded::One(c),
    }
}

fn shift(c: char, zero: u32) -> char {
    char::from_digit(u32::from(c) - zero, 10).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_of_gender_and_countries() {
        for (a, b) in [
            ("M", "Male"),
            ("female", "F"),
            ("U.S.", "United States"),
            ("USA", "us"),
            ("مرد", "male"),
        ] {
            assert_eq!(category_key(a), category_key(b), "{a} {b}");
        }
        assert_ne!(category_key("M"), category_key("F"));
        assert_eq!(category_key("Tehran"), "tehran");
    }

    #[test]
    fn latin_case_and_spaces() {
        assert_eq!(fold_key(" Tehran "), fold_key("TEHRAN"));
        assert_eq!(fold_key("New York"), "newyork");
    }

    #[test]
    fn persian_letter_variants_meet() {
        assert_eq!(fold_key("كرمان"), fold_key("کرمان"));
        assert_eq!(fold_key("كـرمان"), fold_key("کرمان"));
        assert_eq!(fold_key("تهراني"), fold_key("تهرانی"));
        assert_eq!(fold_key("تهرانى"), fold_key("تهرانی"));
        assert_eq!(fold_key("می\u{200C}خرد"), fold_key("مي خرد"));
        assert_eq!(fold_key("خانۀ"), fold_key("خانهٔ"));
        assert_eq!(fold_key("مدرسة"), fold_key("مدرسه"));
        assert_eq!(fold_key("۱۲"), fold_key("١٢"));
        assert_ne!(fold_key("کرمان"), fold_key("تهران"));
    }
}
