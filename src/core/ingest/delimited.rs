//! Delimited text split into records where it lies.
//!
//! Most records of a real export have no quoted field. Such a record is
//! cut at its delimiters and line end (memchr) and its cells are borrowed
//! from the text: nothing is copied or checked for UTF-8 again. The text is
//! UTF-8 already and the bytes cut at are ASCII, so every cut falls on a
//! character boundary. A record with a field that starts with a quote goes
//! to csv_core, the csv crate's own parser, which unquotes it.
//!
//! Both read as the csv crate's reader does, which is what this replaced
//! (its buffered copy of the text, a second copy per record and a second
//! UTF-8 check were half the parsing time in the browser): blank lines are
//! not records; CR, LF and CRLF all end a record; only a quote that opens a
//! field quotes it. The tests compare the two on random text.
//!
//! The text may also arrive in pieces ([`DelimitedRecords::streaming`]):
//! then a record is read only once its line end has arrived, the text
//! already read is let go as more comes, and the rest is read as a whole
//! once [`DelimitedRecords::end_of_text`] says nothing more will come.

use std::ops::Range;
use std::str::Utf8Error;

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// The records of one delimited text, read front to back.
pub(crate) struct DelimitedRecords {
    /// The text from the first record not yet read (all of it, unless it
    /// arrives in pieces).
    text: String,
    /// Bytes of the whole text before `text`, already read and let go.
    let_go: usize,
    /// Whether `text` runs to the end of the whole text.
    complete: bool,
    delimiter: u8,
    /// Where the next record may start in `text`.
    position: usize,
    /// csv_core's parser, for records with a quoted field.
    parser: Reader,
    /// A quoted record's cells, unquoted, one after another.
    unquoted: Vec<u8>,
    /// Where each of those cells ends in `unquoted`.
    ends: Vec<usize>,
    /// The cells of the record read last.
    cells: Vec<Range<usize>>,
}

/// One record: its cells, where it started, and its text.
pub(crate) struct Record<'r> {
    text: &'r str,
    cells: &'r [Range<usize>],
    /// Byte offset of the record's first byte in the whole text.
    pub start: usize,
}

/// What reading a record found.
pub(crate) enum Next<'r> {
    Record(Record<'r>),
    /// The text read so far ends inside a record: more must arrive first.
    Wait,
    /// No more records.
    End,
}

impl<'r> Record<'r> {
    pub(crate) fn len(&self) -> usize {
        self.cells.len()
    }

    pub(crate) fn cells(&self) -> impl Iterator<Item = &'r str> + Clone + 'r {
        let text = self.text;
        // Every range was cut at an ASCII byte of valid UTF-8.
        self.cells
            .iter()
            .map(move |range| text.get(range.clone()).unwrap_or_default())
    }
}

impl DelimitedRecords {
    /// Records of the whole `text` separated by `delimiter`, which is never
    /// a quote or a line end.
    pub(crate) fn new(text: String, delimiter: u8) -> Self {
        DelimitedRecords {
            text,
            let_go: 0,
            complete: true,
            delimiter,
            position: 0,
            parser: ReaderBuilder::new().delimiter(delimiter).build(),
            unquoted: vec![0; 1024],
            ends: vec![0; 64],
            cells: Vec::new(),
        }
    }

    /// Records of a text whose first piece is `first`; the rest comes by
    /// [`DelimitedRecords::append`].
    pub(crate) fn streaming(first: String, delimiter: u8) -> Self {
        DelimitedRecords {
            complete: false,
            ..DelimitedRecords::new(first, delimiter)
        }
    }

    /// The next piece of the text. What was read already is let go; the
    /// start of a record still waiting for its line end is kept.
    pub(crate) fn append(&mut self, more: &str) {
        // Records end at ASCII bytes, so this is always a boundary; if it
        // were not, keeping the text would cost memory, not correctness.
        if self.text.is_char_boundary(self.position) {
            self.text.drain(..self.position);
            self.let_go += self.position;
            self.position = 0;
        }
        self.text.push_str(more);
    }

    /// Nothing more will be appended: the text kept is read to its end.
    pub(crate) fn end_of_text(&mut self) {
        self.complete = true;
    }

    /// The whole text from byte `start` on, as far as it is still kept.
    pub(crate) fn text_from(&self, start: usize) -> &str {
        self.text
            .get(start.saturating_sub(self.let_go)..)
            .unwrap_or(&self.text)
    }

    /// Bytes of the whole text arrived so far.
    pub(crate) fn whole_len(&self) -> usize {
        self.let_go + self.text.len()
    }

    /// Bytes of the whole text read so far.
    pub(crate) fn position(&self) -> usize {
        self.let_go + self.position
    }

    /// The next record. An error only if unquoting broke the text's UTF-8,
    /// which removing ASCII quotes from valid UTF-8 cannot do.
    pub(crate) fn next_record(&mut self) -> Result<Next<'_>, Utf8Error> {
        let bytes = self.text.as_bytes();
        // Blank lines are not records (the csv crate skips them too).
        while let Some(b'\r' | b'\n') = bytes.get(self.position) {
            self.position += 1;
        }
        let start = self.position;
        if start >= bytes.len() {
            return Ok(if self.complete { Next::End } else { Next::Wait });
        }
        let whole_start = self.let_go + start;
        if let Some(plain) = self.split_in_place(start) {
            if !plain {
                return Ok(Next::Wait);
            }
            return Ok(Next::Record(Record {
                text: &self.text,
                cells: &self.cells,
                start: whole_start,
            }));
        }
        let Some(end) = self.unquote(start) else {
            return Ok(Next::Wait);
        };
        let text = std::str::from_utf8(self.unquoted.get(..end).unwrap_or_default())?;
        Ok(Next::Record(Record {
            text,
            cells: &self.cells,
            start: whole_start,
        }))
    }

    /// Cut the record at `start` into `cells` if none of its fields starts
    /// with a quote, and move past it: `Some(true)`. `Some(false)` if its
    /// line end has not arrived yet, `None` for a quoted record; nothing
    /// moves in either case.
    fn split_in_place(&mut self, start: usize) -> Option<bool> {
        let bytes = self.text.as_bytes();
        self.cells.clear();
        let mut field = start;
        loop {
            if bytes.get(field) == Some(&b'"') {
                return None;
            }
            let rest = bytes.get(field..).unwrap_or_default();
            match memchr::memchr3(self.delimiter, b'\r', b'\n', rest) {
                Some(found) => {
                    let end = field + found;
                    self.cells.push(field..end);
                    if bytes.get(end) != Some(&self.delimiter) {
                        // The line end; a CRLF's LF is skipped as a blank
                        // line by the next call.
                        self.position = end + 1;
                        return Some(true);
                    }
                    field = end + 1;
                }
                None if !self.complete => return Some(false),
                None => {
                    self.cells.push(field..bytes.len());
                    self.position = bytes.len();
                    return Some(true);
                }
            }
        }
    }

    /// Read the record at `start` with csv_core into `unquoted`, its cells'
    /// ranges into `cells`, and move past it. Returns the length of its
    /// unquoted text, or `None` (nothing moved) if the text kept ends
    /// inside it and more is to come.
    fn unquote(&mut self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        self.parser.reset();
        let mut input = bytes.get(start..).unwrap_or_default();
        let (mut written, mut ended) = (0, 0);
        loop {
            let (result, read, wrote, ends) = self.parser.read_record(
                input,
                self.unquoted.get_mut(written..).unwrap_or_default(),
                self.ends.get_mut(ended..).unwrap_or_default(),
            );
            input = input.get(read..).unwrap_or_default();
            written += wrote;
            ended += ends;
            match result {
                ReadRecordResult::InputEmpty if !self.complete => return None,
                // The text ended inside the record: the next call, with no
                // input, finishes it.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    self.unquoted.resize(self.unquoted.len() * 2, 0);
                }
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        self.position = bytes.len() - input.len();
        self.cells.clear();
        let mut from = 0;
        for &end in self.ends.get(..ended).unwrap_or_default() {
            self.cells.push(from..end);
            from = end;
        }
        Some(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::SplitMix64;

    fn records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let mut reader = DelimitedRecords::new(text.to_string(), delimiter);
        let mut all = Vec::new();
        while let Next::Record(record) = reader.next_record().expect("utf-8") {
            assert_eq!(record.len(), record.cells().count());
            all.push(record.cells().map(str::to_string).collect());
        }
        assert_eq!(reader.position(), text.len());
        all
    }

    /// The same text arriving in pieces cut at the given character counts
    /// (cycled), with records read after each piece.
    fn records_in_pieces(text: &str, delimiter: u8, cuts: &[usize]) -> Vec<Vec<String>> {
        let chars: Vec<char> = text.chars().collect();
        let mut pieces = Vec::new();
        let mut at = 0;
        for &cut in cuts.iter().cycle() {
            if at >= chars.len() {
                break;
            }
            let end = (at + cut.max(1)).min(chars.len());
            pieces.push(chars[at..end].iter().collect::<String>());
            at = end;
        }
        let mut pieces = pieces.into_iter();
        let mut reader = DelimitedRecords::streaming(pieces.next().unwrap_or_default(), delimiter);
        let mut all = Vec::new();
        loop {
            match reader.next_record().expect("utf-8") {
                Next::Record(record) => all.push(record.cells().map(str::to_string).collect()),
                Next::Wait => match pieces.next() {
                    Some(piece) => reader.append(&piece),
                    None => reader.end_of_text(),
                },
                Next::End => break,
            }
        }
        assert_eq!(reader.position(), text.len());
        all
    }

    /// What the csv crate's reader made of the same text, as it was set up
    /// before: no header, rows of any length.
    fn csv_crate_records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        reader
            .records()
            .map(|record| {
                record
                    .expect("valid text")
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn plain_and_quoted_records_and_every_line_end() {
        let text = "id,name\r\n1,\"Ali, Reza\"\n\n2,Sara\r3,\"say \"\"hi\"\"\"\r\n4,";
        assert_eq!(
            records(text, b','),
            [
                vec!["id", "name"],
                vec!["1", "Ali, Reza"],
                vec!["2", "Sara"],
                vec!["3", "say \"hi\""],
                vec!["4", ""],
            ]
        );
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_is_text() {
        assert_eq!(records("a\"b,c\n", b','), [vec!["a\"b", "c"]]);
    }

    #[test]
    fn a_quoted_field_may_hold_line_ends_and_a_long_record_grows_the_buffers() {
        let long = "x".repeat(5000);
        let fields = vec!["f"; 200].join(";");
        let text = format!("\"a\nb\";\"{long}\";{fields}\n");
        let read = records(&text, b';');
        assert_eq!(read.len(), 1);
        assert_eq!(read[0][0], "a\nb");
        assert_eq!(read[0][1], long);
        assert_eq!(read[0].len(), 202);
    }

    #[test]
    fn a_record_waits_for_its_line_end_and_what_was_read_is_let_go() {
        let mut reader = DelimitedRecords::streaming("a,b\nc,\"d".to_string(), b',');
        assert!(matches!(reader.next_record(), Ok(Next::Record(r)) if r.start == 0));
        assert!(matches!(reader.next_record(), Ok(Next::Wait)));
        reader.append("\ne\"\nf");
        assert_eq!(reader.text_from(4), "c,\"d\ne\"\nf");
        assert!(
            matches!(reader.next_record(), Ok(Next::Record(r)) if r.start == 4
                && r.cells().collect::<Vec<_>>() == ["c", "d\ne"])
        );
        assert!(matches!(reader.next_record(), Ok(Next::Wait)));
        reader.end_of_text();
        assert!(matches!(reader.next_record(), Ok(Next::Record(r)) if r.start == 12));
        assert!(matches!(reader.next_record(), Ok(Next::End)));
        assert_eq!(reader.position(), 13);
    }

    #[test]
    fn nothing_but_blank_lines_is_no_record() {
        assert!(records("\r\n\n\r", b',').is_empty());
        assert!(records("", b',').is_empty());
    }

    #[test]
    fn reads_random_text_as_the_csv_crate_does() {
        const ALPHABET: [&str; 10] = ["a", "b", ",", ";", "\"", "\r", "\n", " ", "é", "؛"];
        let mut random = SplitMix64::new(0x5eed);
        for case in 0..4_000 {
            let length = (random.next_u64() % 40) as usize;
            let text: String = (0..length)
                .map(|_| ALPHABET[(random.next_u64() % ALPHABET.len() as u64) as usize])
                .collect();
            let cuts = [1 + (random.next_u64() % 7) as usize, 1, 3];
            for delimiter in [b',', b';'] {
                let expected = csv_crate_records(&text, delimiter);
                assert_eq!(records(&text, delimiter), expected, "case {case}: {text:?}");
                assert_eq!(
                    records_in_pieces(&text, delimiter, &cuts),
                    expected,
                    "case {case} in pieces {cuts:?}: {text:?}"
                );
            }
        }
    }
}
