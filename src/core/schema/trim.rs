//! Trimming a cell, the way every reader of values does it.

/// `cell.trim()`, answered at once for the usual cell that starts and ends
/// with a visible ASCII character. Inference trims every cell of every
/// column, and the general trim decodes a character at each end and asks
/// Unicode about it each time, which was a fifth of reading an id column.
pub(crate) fn trim_cell(cell: &str) -> &str {
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(&first), Some(&last)) if is_visible_ascii(first) && is_visible_ascii(last) => cell,
        _ => cell.trim(),
    }
}

/// A byte that is a whole ASCII character and not whitespace: no
/// whitespace character, ASCII or not, starts or ends with one.
fn is_visible_ascii(byte: u8) -> bool {
    byte > b' ' && byte < 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_exactly_as_str_trim_does() {
        for cell in [
            "",
            " ",
            "abc",
            " abc",
            "abc\t",
            "\r\n12\u{b}",
            "\u{a0}12\u{a0}",
            "\u{2003}x",
            "x\u{3000}",
            "\u{200f}سلام",
            "سلام",
            "۱۲",
            "a b",
            "\u{1c}a\u{1f}",
            "\u{7f}",
            "\u{85}x\u{85}",
        ] {
            assert_eq!(trim_cell(cell), cell.trim(), "{cell:?}");
        }
    }
}
