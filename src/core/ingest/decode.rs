//! Bytes to text: BOMs, UTF-16 and (for now, lossy) UTF-8.
//!
//! A later step adds a detector for legacy code pages (Windows-1256); this
//! module is the only place that will need to change.

use std::borrow::Cow;

use super::binary::looks_binary;
use super::IngestError;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// How the file's bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    /// The name shown in the report.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }
}

/// A file's text, without its BOM.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
    /// Invalid sequences replaced by U+FFFD.
    pub replaced: usize,
}

/// Decode a file: UTF-16 by its BOM, otherwise UTF-8 (BOM stripped; invalid
/// sequences replaced and counted). Binary data is refused.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        return Ok(decode_utf16(rest, u16::from_le_bytes, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        return Ok(decode_utf16(rest, u16::from_be_bytes, Encoding::Utf16Be));
    }
    if looks_binary(bytes) {
        return Err(IngestError::NotText);
    }
    let (body, encoding) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, Encoding::Utf8Bom),
        None => (bytes, Encoding::Utf8),
    };
    let (text, replaced) = decode_utf8(body);
    Ok(Decoded {
        text,
        encoding,
        replaced,
    })
}

fn decode_utf8(bytes: &[u8]) -> (Cow<'_, str>, usize) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), 0);
    }
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            replaced += 1;
        }
    }
    (Cow::Owned(text), replaced)
}

fn decode_utf16(bytes: &[u8], to_unit: fn([u8; 2]) -> u16, encoding: Encoding) -> Decoded<'static> {
    let units = bytes.chunks_exact(2).map(|pair| match pair {
        [a, b] => to_unit([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut replaced = 0;
    for decoded in char::decode_utf16(units) {
        text.push(decoded.unwrap_or_else(|_| {
            replaced += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    // An odd trailing byte is half a character.
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
        replaced += 1;
    }
    Decoded {
        text: Cow::Owned(text),
        encoding,
        replaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = UTF16LE_BOM.to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    fn utf16be(text: &str) -> Vec<u8> {
        let mut bytes = UTF16BE_BOM.to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    }

    fn text_of(bytes: &[u8]) -> Option<(String, &'static str, usize)> {
        decode(bytes)
            .ok()
            .map(|d| (d.text.into_owned(), d.encoding.label(), d.replaced))
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text_of(b"a,b\n"), Some(("a,b\n".into(), "utf-8", 0)));
        assert_eq!(
            text_of(b"\xEF\xBB\xBFname\n"),
            Some(("name\n".into(), "utf-8-bom", 0))
        );
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "نام\tAmount\r\nAli\t42\r\n";
        assert_eq!(text_of(&utf16le(text)), Some((text.into(), "utf-16le", 0)));
        assert_eq!(text_of(&utf16be(text)), Some((text.into(), "utf-16be", 0)));
    }

    #[test]
    fn bad_utf16_is_replaced_and_counted() {
        let mut bytes = utf16le("a");
        bytes.extend([0x00, 0xD8]); // lone high surrogate
        bytes.extend(u16::to_le_bytes(b'b'.into()));
        bytes.push(b'c'); // odd trailing byte
        assert_eq!(
            text_of(&bytes),
            Some(("a\u{FFFD}b\u{FFFD}".into(), "utf-16le", 2))
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        assert_eq!(
            text_of(b"caf\xE9,\xFF\xFE!\n"),
            Some(("caf\u{FFFD},\u{FFFD}\u{FFFD}!\n".into(), "utf-8", 3))
        );
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b"").err(), Some(IngestError::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x14\x00").err(),
            Some(IngestError::NotText)
        );
        assert_eq!(decode(b"a\x00b").err(), Some(IngestError::NotText));
    }
}
