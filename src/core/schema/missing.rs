//! Which cells mean "no value".

use super::longest_word;
use super::trim::trim_cell;

/// Spellings of "no value" that spreadsheets, pandas and databases write.
/// Compared case-insensitively after trimming.
const MISSING_MARKERS: [&str; 6] = ["na", "n/a", "null", "-", "#n/a", "nan"];
/// A longer cell is a value, and most cells are longer.
const LONGEST_MARKER: usize = longest_word(&MISSING_MARKERS);

/// True for an empty or whitespace-only cell and for the usual "no value"
/// markers: NA, N/A, null, NULL, -, #N/A, nan (case-insensitive). "None" is
/// not among them: it is a real answer in many surveys.
pub fn is_missing(cell: &str) -> bool {
    let trimmed = trim_cell(cell);
    trimmed.is_empty()
        || trimmed.len() <= LONGEST_MARKER
            && MISSING_MARKERS
                .iter()
                .any(|marker| trimmed.eq_ignore_ascii_case(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_and_markers_are_missing() {
        for cell in [
            "", " ", "\t", "NA", "n/a", "N/A", "null", "NULL", "-", "#N/A", "NaN", "nan",
        ] {
            assert!(is_missing(cell), "{cell:?}");
        }
    }

    #[test]
    fn values_are_not_missing() {
        for cell in ["0", "-1", "no", "N", "nana", "--", "x", "None"] {
            assert!(!is_missing(cell), "{cell:?}");
        }
    }
}
