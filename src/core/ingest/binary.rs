//! Telling binary files from text before trying to read them as CSV.

/// A zip archive's first local header: xlsx, ods, docx.
pub(crate) const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";
/// An OLE2 compound file: old .xls, .doc.
pub(crate) const OLE2_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// File signatures of things people drop by mistake instead of a CSV.
/// (Zip and OLE2 files reach here only from `decode` called directly:
/// `read_table` sends them to the workbook reader first.)
const BINARY_SIGNATURES: [&[u8]; 7] = [
    ZIP_SIGNATURE,
    OLE2_SIGNATURE,
    b"%PDF-",
    b"\x89PNG\r\n\x1A\n",
    b"\xFF\xD8\xFF", // JPEG
    b"GIF8",
    b"\x1F\x8B", // gzip
];

/// True for a known binary signature or any NUL byte. Callers check for a
/// UTF-16 BOM first: UTF-16 text is full of NUL bytes.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    BINARY_SIGNATURES
        .iter()
        .any(|signature| bytes.starts_with(signature))
        || bytes.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_and_nul_bytes_are_binary() {
        assert!(looks_binary(b"PK\x03\x04rest of an xlsx"));
        assert!(looks_binary(b"%PDF-1.7"));
        assert!(looks_binary(b"a,b\n1,\x002\n"));
        assert!(!looks_binary("a,b\n1,۲\n".as_bytes()));
        assert!(!looks_binary(b"PK,x\n"));
    }
}
