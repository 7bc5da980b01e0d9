//! Finding a quoted field that never closes.
//!
//! csv_core reads an unclosed quote to the end of the input as one
//! field and reports no error, which would silently swallow the rest of the
//! file into one cell. This scanner follows the same rules as the csv
//! reader (csv-core's state machine with its defaults: `"` quotes only at
//! the start of a field, `""` is an escaped quote, CR, LF and CRLF end a
//! record, blank lines are not records) so its record numbers agree with
//! the reader's.

/// Where we are in the input, as in csv-core's reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    InField,
    InQuotedField,
    /// A quote inside a quoted field: either the closing quote or the first
    /// half of `""`.
    QuoteInQuotedField,
}

/// The 1-based record number and column where a quoted field starts that
/// is still open at the end of `text`, if any.
pub(crate) fn find_unclosed_quote(text: &str, delimiter: u8) -> Option<(u64, usize)> {
    let mut state = State::StartRecord;
    let mut record: u64 = 0;
    let mut field: usize = 0;
    let mut quote_start = (0, 0);
    for &byte in text.as_bytes() {
        let is_terminator = byte == b'\n' || byte == b'\r';
        if state == State::StartRecord {
            if is_terminator {
                continue;
            }
            record = record.saturating_add(1);
            field = 0;
            state = State::StartField;
        }
        state = match state {
            State::StartRecord | State::StartField if byte == b'"' => {
                quote_start = (record, field.saturating_add(1));
                State::InQuotedField
            }
            State::InQuotedField if byte == b'"' => State::QuoteInQuotedField,
            State::InQuotedField => State::InQuotedField,
            State::QuoteInQuotedField if byte == b'"' => State::InQuotedField,
            _ if byte == delimiter => {
                field = field.saturating_add(1);
                State::StartField
            }
            _ if is_terminator => State::StartRecord,
            _ => State::InField,
        };
    }
    (state == State::InQuotedField).then_some(quote_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_quotes_are_fine() {
        for text in [
            "a,b\n1,\"x,y\"\n",
            "a\n\"multi\nline\"\n",
            "a,b\n1,\"say \"\"hi\"\"\"",
            "a,b\n1,x\"y\n",
            "\"\"",
        ] {
            assert_eq!(find_unclosed_quote(text, b','), None, "{text:?}");
        }
    }

    #[test]
    fn unclosed_quote_names_record_and_column() {
        assert_eq!(find_unclosed_quote("a,b\n\"1,2\n", b','), Some((2, 1)));
        assert_eq!(
            find_unclosed_quote("a,b,c\n\n1,2,\"open\n3,4,5\n", b','),
            Some((2, 3))
        );
        assert_eq!(
            find_unclosed_quote("a;b\r1;2\r3;\"x\"\"\r", b';'),
            Some((3, 2))
        );
    }

    #[test]
    fn blank_lines_are_not_records() {
        assert_eq!(
            find_unclosed_quote("\r\n\r\na\r\n\r\nb,\"c", b','),
            Some((2, 2))
        );
    }
}
