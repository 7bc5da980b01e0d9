//! Whitespace-aligned columns: fixed-width-looking exports such as CDNOW's
//! ` 00001 19970101  1   11.77`, where runs of spaces or tabs separate the
//! fields and nothing is quoted.

/// The records of aligned text: one per non-blank line (CR, LF or CRLF
/// end a line, as in the csv reader), each split on runs of spaces and tabs
/// with leading and trailing runs ignored. Also reports where each record
/// ends, for progress.
pub(crate) struct AlignedRecords<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> AlignedRecords<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        AlignedRecords::starting_at(text, 0)
    }

    /// Continue from a position an earlier reader reached.
    pub(crate) fn starting_at(text: &'a str, position: usize) -> Self {
        AlignedRecords { text, position }
    }

    /// Bytes of the text consumed so far.
    pub(crate) fn position(&self) -> usize {
        self.position
    }
}

impl<'a> Iterator for AlignedRecords<'a> {
    type Item = Vec<&'a str>;

    fn next(&mut self) -> Option<Vec<&'a str>> {
        loop {
            let rest = self.text.get(self.position..)?;
            if rest.is_empty() {
                return None;
            }
            let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
            let line = rest.get(..end).unwrap_or("");
            let after = rest.get(end..).unwrap_or("");
            let terminator = if after.starts_with("\r\n") {
                2
            } else {
                usize::from(!after.is_empty())
            };
            self.position += end + terminator;
            let fields = split_aligned(line);
            if !fields.is_empty() {
                return Some(fields);
            }
        }
    }
}

/// A line's fields: the non-empty pieces between runs of spaces and tabs.
pub(crate) fn split_aligned(line: &str) -> Vec<&str> {
    line.split([' ', '\t'])
        .filter(|field| !field.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_spaces_split_and_blank_lines_are_not_records() {
        let text = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n\r\n 00002\t19970112  5   77.00";
        let records: Vec<Vec<&str>> = AlignedRecords::new(text).collect();
        assert_eq!(
            records,
            [
                vec!["customer_id", "date", "number_of_cds", "dollar_value"],
                vec!["00001", "19970101", "1", "11.77"],
                vec!["00002", "19970112", "5", "77.00"],
            ]
        );
    }

    #[test]
    fn position_reaches_the_end_with_any_line_ending() {
        let text = "a b\rc d\ne f\r\n";
        let mut records = AlignedRecords::new(text);
        assert_eq!(records.by_ref().count(), 3);
        assert_eq!(records.position(), text.len());
    }
}
