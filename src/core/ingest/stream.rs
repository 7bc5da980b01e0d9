//! A UTF-8 text file read while it arrives.
//!
//! The worker reads a file in chunks. A plain UTF-8 delimited file is
//! parsed chunk by chunk as they arrive, and its text is let go once read,
//! so the whole file is never held at once: on the 1 M-customer benchmark
//! file the worker's peak memory went from 301 to 234 MB. It is not
//! faster in Chromium: the load took as long as before, so reading the
//! next chunk there does not overlap parsing this one.
//!
//! Only the usual file is read this way. Everything that needs the whole
//! file to be read right stays with [`super::Reading::start`]: a workbook,
//! UTF-16, a legacy code page, a user's chosen encoding, whitespace-aligned
//! columns, and a first chunk too short for the sniffer to see what it
//! sees in the whole file. If a later chunk turns out not to be plain
//! UTF-8 text (a NUL byte, bytes that are not UTF-8), the file must be read
//! again whole ([`TextStream::push`] says so), so it is decoded, replaced
//! and counted exactly as before.

use super::binary::looks_binary;
use super::decode::{Encoding, UTF8_BOM};
use super::sniff::SNIFF_BYTES;
use super::{IngestError, LoadOptions, Reading, TextReading};

/// A delimited UTF-8 text being parsed as its bytes arrive.
pub struct TextStream {
    reading: TextReading,
    /// The first bytes of a character cut by the end of the last chunk.
    cut: Vec<u8>,
    /// Bytes of the file taken so far.
    received: u64,
    total_bytes: u64,
}

impl TextStream {
    /// Start on the first chunk of a file of `total_bytes`, if the file can
    /// be read as it arrives (see the module docs); `None` if it is to be
    /// read whole.
    pub fn start(
        file_name: &str,
        first: &[u8],
        total_bytes: u64,
        options: &LoadOptions,
    ) -> Option<TextStream> {
        let whole = u64::try_from(first.len()).ok()? >= total_bytes;
        let too_short = first.len() < SNIFF_BYTES + UTF8_BOM.len() + 4;
        // As in `decode::plain_utf8`: the binary signatures include a
        // workbook's (zip, OLE2), and a UTF-16 BOM is never UTF-8, so it
        // fails the check below.
        if whole || too_short || options.encoding.is_some() || looks_binary(first) {
            return None;
        }
        let (encoding, body) = match first.strip_prefix(UTF8_BOM) {
            Some(body) => (Encoding::Utf8Bom, body),
            None => (Encoding::Utf8, first),
        };
        let (text, cut) = split_at_cut_character(body)?;
        let bom = first.len() - body.len();
        let expected_len = usize::try_from(total_bytes).ok()?.saturating_sub(bom);
        let reading =
            TextReading::streaming(file_name, text.to_string(), encoding, options, expected_len)?;
        Some(TextStream {
            reading,
            cut: cut.to_vec(),
            received: first.len() as u64,
            total_bytes,
        })
    }

    /// Take the next chunk of the file. False if it is not plain UTF-8
    /// text: the file must then be read again whole.
    pub fn push(&mut self, chunk: &[u8]) -> bool {
        if chunk.contains(&0) {
            return false;
        }
        let joined;
        let bytes = if self.cut.is_empty() {
            chunk
        } else {
            joined = [self.cut.as_slice(), chunk].concat();
            &joined
        };
        let Some((text, cut)) = split_at_cut_character(bytes) else {
            return false;
        };
        self.reading.append(text);
        self.cut = cut.to_vec();
        self.received += chunk.len() as u64;
        true
    }

    /// Bytes of the file taken so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// Whether every byte of the file has been taken.
    pub fn has_every_byte(&self) -> bool {
        self.received >= self.total_bytes
    }

    /// Parse up to `max_records` of the records that have arrived whole.
    pub fn step(&mut self, max_records: usize) -> Result<(), IngestError> {
        self.reading.step(max_records).map(|_| ())
    }

    /// Whether every record that has arrived whole is parsed.
    pub fn waiting(&self) -> bool {
        self.reading.waiting()
    }

    /// Once every byte is taken, the rest of the text to read as usual.
    /// `None` if the file ends inside a character: it is not plain UTF-8
    /// and must be read again whole, where the damage is counted.
    pub fn finish(mut self) -> Option<Reading> {
        if !self.cut.is_empty() {
            return None;
        }
        self.reading.end_of_text();
        Some(Reading::Text(self.reading))
    }
}

/// `bytes` as UTF-8 text up to a character its end cuts, and that cut
/// character's first bytes; `None` if the bytes are not UTF-8.
fn split_at_cut_character(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let (whole, cut) = bytes.split_at(whole_characters_len(bytes));
    std::str::from_utf8(whole).ok().map(|text| (text, cut))
}

/// How many of `bytes` come before a character cut short at their end:
/// all of them unless one of the last three starts a longer character.
fn whole_characters_len(bytes: &[u8]) -> usize {
    let len = bytes.len();
    for (back, &byte) in bytes.iter().rev().take(3).enumerate() {
        let back = back + 1;
        if byte & 0xC0 != 0x80 {
            let width = match byte {
                0xF0.. => 4,
                0xE0.. => 3,
                0xC0.. => 2,
                _ => 1,
            };
            return if width > back { len - back } else { len };
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_cut_by_the_chunk_end_waits_for_the_next_chunk() {
        let text = "aé€😀";
        let bytes = text.as_bytes();
        assert_eq!(whole_characters_len(bytes), bytes.len());
        for cut in 1..bytes.len() {
            let whole = whole_characters_len(&bytes[..cut]);
            assert!(std::str::from_utf8(&bytes[..whole]).is_ok(), "{cut}");
            assert!(cut - whole < 4 && (cut == whole) == text.is_char_boundary(cut));
        }
        assert_eq!(split_at_cut_character(b"ab\xFFc"), None);
    }
}
