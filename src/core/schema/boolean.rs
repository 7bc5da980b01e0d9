//! Yes/no answers.

use super::longest_word;
use super::trim::trim_cell;

/// Compared case-insensitively after trimming.
const LATIN_WORDS: [&str; 6] = ["true", "false", "yes", "no", "y", "n"];
/// Persian بله/بلی/خیر and Arabic نعم/لا, in both the Persian (ی) and the
/// Arabic (ي) spelling that different keyboards type.
const ARABIC_SCRIPT_WORDS: [&str; 7] = ["بله", "بلی", "بلي", "خیر", "خير", "نعم", "لا"];
/// A longer cell is no yes/no word, and most cells are longer.
const LONGEST_WORD: usize = {
    let (latin, arabic) = (
        longest_word(&LATIN_WORDS),
        longest_word(&ARABIC_SCRIPT_WORDS),
    );
    if latin > arabic {
        latin
    } else {
        arabic
    }
};

/// true/false, yes/no, y/n in any case, بله/خیر, نعم/لا; surrounding spaces
/// ignored. `0`/`1` are not words: see [`is_binary_digit`].
pub(crate) fn is_boolean_word(cell: &str) -> bool {
    let trimmed = trim_cell(cell);
    trimmed.len() <= LONGEST_WORD
        && (LATIN_WORDS
            .iter()
            .any(|word| trimmed.eq_ignore_ascii_case(word))
            || ARABIC_SCRIPT_WORDS.contains(&trimmed))
}

/// `0` or `1` in any digit script. Inference leaves an all-0/1 column
/// Integer — as a flag or as a count its mean is the same share, and the
/// header alone cannot tell "SeniorCitizen" from "Children" — but a column
/// the user declares Boolean accepts them.
pub(crate) fn is_binary_digit(cell: &str) -> bool {
    let mut chars = trim_cell(cell).chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => matches!(super::number::digit_value(c), Some(0 | 1)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_three_languages() {
        for cell in [
            "Yes", "no", " TRUE ", "false", "Y", "n", "بله", "خیر", "خير", "بلی", "نعم", "لا",
        ] {
            assert!(is_boolean_word(cell), "{cell:?}");
        }
        for cell in ["0", "1", "ok", "No phone service", "", "بلهه", "نه"] {
            assert!(!is_boolean_word(cell), "{cell:?}");
        }
    }

    #[test]
    fn binary_digits() {
        for cell in ["0", "1", " 1 ", "۰", "۱", "٠", "١"] {
            assert!(is_binary_digit(cell), "{cell:?}");
        }
        for cell in ["2", "10", "01", "", "yes", "1.0"] {
            assert!(!is_binary_digit(cell), "{cell:?}");
        }
    }
}
