//! Bytes to text: BOMs, UTF-16, UTF-8, and legacy code pages (Windows-1256
//! from Arabic/Persian Excel, Windows-1252 from European ones) detected by
//! chardetng and decoded by encoding_rs.

use std::borrow::Cow;

use super::binary::looks_binary;
use super::IngestError;

pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// How the file's bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// A legacy single- or multi-byte code page, e.g. windows-1256.
    Legacy(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// The name shown in the report: WHATWG names ("windows-1256").
    pub(crate) fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Legacy(encoding) => encoding.name(),
        }
    }
}

/// Whether the bytes hold at least one valid multi-byte UTF-8 character,
/// the sign of a UTF-8 file rather than a legacy code page (whose
/// non-ASCII bytes almost never form valid UTF-8 sequences).
fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    let prefix = bytes.get(..DETECTOR_PREFIX).unwrap_or(bytes);
    prefix.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
}

/// How much of a file the code-page detector reads: enough text for its
/// statistics, without scanning a 100 MB file twice.
const DETECTOR_PREFIX: usize = 1 << 20;

/// The most likely legacy code page of bytes that are not valid UTF-8.
fn detect_code_page(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    let prefix = bytes.get(..DETECTOR_PREFIX).unwrap_or(bytes);
    detector.feed(prefix, prefix.len() == bytes.len());
    detector.guess(None, false)
}

fn decode_code_page<'a>(
    bytes: &'a [u8],
    encoding: &'static encoding_rs::Encoding,
) -> (Cow<'a, str>, usize) {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let replaced = if had_errors {
        text.chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count()
    } else {
        0
    };
    (text, replaced)
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
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        let (text, replaced) = decode_utf8(rest);
        return Ok(Decoded {
            text,
            encoding: Encoding::Utf8Bom,
            replaced,
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
            replaced: 0,
        });
    }
    if has_utf8_multibyte(bytes) {
        // Real UTF-8 with a few damaged bytes (a truncated copy, a bad
        // join): keep it UTF-8, replace and count the damage.
        let (text, replaced) = decode_utf8(bytes);
        return Ok(Decoded {
            text,
            encoding: Encoding::Utf8,
            replaced,
        });
    }
    // No UTF-8 anywhere: a legacy code page.
    let code_page = detect_code_page(bytes);
    let (text, replaced) = decode_code_page(bytes, code_page);
    Ok(Decoded {
        text,
        encoding: Encoding::Legacy(code_page),
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

/// A file's text, owned, ready to outlive its bytes.
#[derive(Debug)]
pub(crate) struct DecodedText {
    pub text: String,
    pub encoding: Encoding,
    pub replaced: usize,
}

/// [`decode`] (or, with `forced`, decoding as the encoding the user chose),
/// taking the bytes so that a valid UTF-8 file becomes its `String` without
/// a copy: a 100 MB file must not need 200 MB.
pub(crate) fn decode_owned(
    mut bytes: Vec<u8>,
    forced: Option<&str>,
) -> Result<DecodedText, IngestError> {
    if forced.is_none() {
        match plain_utf8(bytes) {
            Ok(decoded) => return Ok(decoded),
            Err(returned) => bytes = returned,
        }
    }
    let decoded = match forced {
        Some(label) => decode_as(&bytes, label)?,
        None => decode(&bytes)?,
    };
    let (encoding, replaced) = (decoded.encoding, decoded.replaced);
    let borrowed = match decoded.text {
        Cow::Owned(text) => {
            return Ok(DecodedText {
                text,
                encoding,
                replaced,
            })
        }
        // Where the text sits in the bytes (after a BOM, if any).
        Cow::Borrowed(text) => (
            (text.as_ptr() as usize).saturating_sub(bytes.as_ptr() as usize),
            text.len(),
        ),
    };
    let (offset, len) = borrowed;
    bytes.drain(..offset.min(bytes.len()));
    bytes.truncate(len);
    let text = String::from_utf8(bytes).map_err(|error| IngestError::Unreadable {
        row: 0,
        message: error.to_string(),
    })?;
    Ok(DecodedText {
        text,
        encoding,
        replaced,
    })
}

/// The usual file, UTF-8 with or without a BOM, as its own `String`: its
/// bytes checked once, where [`decode`] and then `String::from_utf8` each
/// checked all of them. Anything else (empty, binary,
/// UTF-16, whose BOM is never UTF-8, damaged or legacy) comes back for
/// [`decode`] to tell apart.
fn plain_utf8(bytes: Vec<u8>) -> Result<DecodedText, Vec<u8>> {
    if bytes.is_empty() || looks_binary(&bytes) {
        return Err(bytes);
    }
    let mut text = String::from_utf8(bytes).map_err(std::string::FromUtf8Error::into_bytes)?;
    let encoding = if text.starts_with('\u{feff}') {
        text.drain(..UTF8_BOM.len());
        Encoding::Utf8Bom
    } else {
        Encoding::Utf8
    };
    Ok(DecodedText {
        text,
        encoding,
        replaced: 0,
    })
}

/// Decode as the encoding the user chose: "utf-8", "utf-16le", "utf-16be"
/// or any WHATWG label encoding_rs knows ("windows-1256", "iso-8859-6"…).
/// A BOM of the chosen encoding is skipped; invalid bytes are replaced and
/// counted, as in automatic decoding.
pub(crate) fn decode_as<'a>(bytes: &'a [u8], label: &str) -> Result<Decoded<'a>, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let unknown = || IngestError::UnknownEncoding {
        label: label.to_string(),
    };
    let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(unknown)?;
    if encoding == encoding_rs::UTF_16LE {
        let rest = bytes.strip_prefix(UTF16LE_BOM).unwrap_or(bytes);
        return Ok(decode_utf16(rest, u16::from_le_bytes, Encoding::Utf16Le));
    }
    if encoding == encoding_rs::UTF_16BE {
        let rest = bytes.strip_prefix(UTF16BE_BOM).unwrap_or(bytes);
        return Ok(decode_utf16(rest, u16::from_be_bytes, Encoding::Utf16Be));
    }
    if encoding == encoding_rs::UTF_8 {
        let (rest, kind) = match bytes.strip_prefix(UTF8_BOM) {
            Some(rest) => (rest, Encoding::Utf8Bom),
            None => (bytes, Encoding::Utf8),
        };
        let (text, replaced) = decode_utf8(rest);
        return Ok(Decoded {
            text,
            encoding: kind,
            replaced,
        });
    }
    if encoding == encoding_rs::REPLACEMENT || encoding == encoding_rs::X_USER_DEFINED {
        return Err(unknown());
    }
    let (text, replaced) = decode_code_page(bytes, encoding);
    Ok(Decoded {
        text,
        encoding: Encoding::Legacy(encoding),
        replaced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_detected_with_its_accents() {
        let text =
            "name;city;note\nJosé;Zürich;très bien\nRenée;Málaga;¿qué tal?\nFrançois;Köln;grüße\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(std::str::from_utf8(&bytes).is_err());
        let decoded = decode(&bytes).expect("decodes");
        assert_eq!(decoded.encoding.label(), "windows-1252");
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.replaced, 0);
    }

    #[test]
    fn windows_1256_is_detected_for_arabic_and_persian() {
        let text = "الاسم;المدينة;المبلغ\nعلي;الرياض;1250,5\nسارة;جدة;980\nکيان;تهران;15000,75\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let decoded = decode(&bytes).expect("decodes");
        assert_eq!(decoded.encoding.label(), "windows-1256");
        assert_eq!(decoded.text, text);
    }

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
    fn damaged_utf8_is_replaced_and_counted() {
        let mut bytes = "café,".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xFF\xFE!\n");
        assert_eq!(
            text_of(&bytes),
            Some(("café,\u{FFFD}\u{FFFD}!\n".into(), "utf-8", 2))
        );
    }

    #[test]
    fn bytes_with_no_utf8_at_all_are_a_code_page_not_damage() {
        let decoded = decode(b"caf\xE9,na\xEFve\n").expect("decodes");
        assert!(
            matches!(decoded.encoding, Encoding::Legacy(_)),
            "{decoded:?}"
        );
        assert_eq!(decoded.replaced, 0);
        assert!(decoded.text.starts_with("caf\u{e9}"), "{}", decoded.text);
    }

    #[test]
    fn owned_utf8_keeps_its_text_without_the_bom() {
        let decoded = decode_owned(b"\xEF\xBB\xBFname\nAli\n".to_vec(), None).expect("decodes");
        assert_eq!(decoded.text, "name\nAli\n");
        assert_eq!(decoded.encoding.label(), "utf-8-bom");
    }

    #[test]
    fn a_chosen_encoding_overrides_detection() {
        // Windows-1252 bytes that chardetng would also call 1252, read as
        // the user says: Windows-1256 maps 0xC7 to alef, 1252 to "Ç".
        let decoded = decode_owned(b"caf\xC7\n".to_vec(), Some("windows-1256")).expect("decodes");
        assert_eq!(decoded.encoding.label(), "windows-1256");
        assert_eq!(decoded.text, "caf\u{0627}\n");
        let utf16 = decode_owned(b"a\x00,\x00b\x00".to_vec(), Some("utf-16le")).expect("decodes");
        assert_eq!(utf16.text, "a,b");
        assert_eq!(
            decode_owned(b"a".to_vec(), Some("klingon")).err(),
            Some(IngestError::UnknownEncoding {
                label: "klingon".into()
            })
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

    #[test]
    fn owning_the_text_decodes_every_kind_of_file_as_decode_does() {
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode("علي;الرياض\nسارة;جدة\n");
        let files: [&[u8]; 9] = [
            b"",
            b"a,b\n1,2\n",
            b"\xEF\xBB\xBFname\nAli\n",
            b"\xEF\xBB\xBFname\n\xC3\xA9\xFF\n",
            b"caf\xC3\xA9,\xE9\n",
            b"a\x00b",
            b"PK\x03\x04\x14\x00",
            &utf16le("a,b\n"),
            &cp1256,
        ];
        for bytes in files {
            let owned = decode_owned(bytes.to_vec(), None)
                .map(|d| (d.text, d.encoding.label(), d.replaced));
            let borrowed =
                decode(bytes).map(|d| (d.text.into_owned(), d.encoding.label(), d.replaced));
            assert_eq!(owned, borrowed, "{bytes:?}");
        }
    }
}
