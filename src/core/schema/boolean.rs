//! Yes/no answers.

const BOOLEAN_WORDS: [&str; 6] = ["true", "false", "yes", "no", "y", "n"];

/// true/false, yes/no, y/n in any case, surrounding spaces ignored.
/// `0`/`1` are deliberately not booleans: a 0/1 column stays Integer.
pub(crate) fn is_boolean_word(cell: &str) -> bool {
    let trimmed = cell.trim();
    BOOLEAN_WORDS
        .iter()
        .any(|word| trimmed.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_not_digits() {
        for cell in ["Yes", "no", " TRUE ", "false", "Y", "n"] {
            assert!(is_boolean_word(cell), "{cell:?}");
        }
        for cell in ["0", "1", "ok", "No phone service", ""] {
            assert!(!is_boolean_word(cell), "{cell:?}");
        }
    }
}
