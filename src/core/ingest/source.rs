//! What kind of file the bytes are, told by their first bytes and never by
//! the file name: an .xlsx saved as "export.csv" is still a workbook.

use serde::{Deserialize, Serialize};

use super::binary::{OLE2_SIGNATURE, ZIP_SIGNATURE};

/// The kind of file a table was read from (see `IngestReport::format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Delimited text (CSV, TSV, `;` or `|` separated).
    #[default]
    Text,
    /// An Excel Office Open XML workbook (.xlsx, .xlsm).
    Xlsx,
}

impl SourceFormat {
    /// The name shown in reports ("text", "xlsx").
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Xlsx => "xlsx",
        }
    }
}

/// A zip archive: an .xlsx, but also .ods, .docx or any zip.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_SIGNATURE)
}

/// An OLE2 compound file: old .xls (and .doc, .ppt).
pub(crate) fn is_ole2(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE2_SIGNATURE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_decide() {
        assert!(is_zip(b"PK\x03\x04\x14\x00"));
        assert!(!is_zip(b"PK,x\n"));
        assert!(is_ole2(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"));
        assert!(!is_ole2(b"\xD0\xCF\x11"));
        assert_eq!(SourceFormat::default().label(), "text");
        assert_eq!(
            serde_json::to_value(SourceFormat::Xlsx).unwrap_or_default(),
            serde_json::json!("xlsx")
        );
    }
}
