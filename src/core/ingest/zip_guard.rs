//! Refusing hostile zip archives before anything is inflated into memory.
//!
//! An .xlsx is a zip of XML files, and calamine inflates them as it reads
//! (the shared strings all at once). A few KB of deflate can declare, or
//! really produce, gigabytes. So before calamine sees the bytes:
//!
//! 1. the central directory (names and declared sizes only, read by the
//!    zip crate without inflating anything) must name `xl/workbook.xml`,
//!    declare at most [`MAX_UNCOMPRESSED_BYTES`] in all, and no large entry
//!    may claim more than [`MAX_COMPRESSION_RATIO`]:1;
//! 2. every entry is then inflated into a sink (nothing kept) to check it
//!    is no larger than declared: the zip crate does not enforce declared
//!    sizes on its own (zip 9.8 applies a size limit only when the caller
//!    asks for one, and calamine does not), so a lying header would
//!    otherwise pass step 1. This costs one extra inflate pass, no memory.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::IngestError;

/// Sum of the entries' declared uncompressed sizes. 1 GiB: a workbook whose
/// XML is that large holds tens of millions of cells, past what the
/// browser tab can hold as a table anyway (see `workbook::MAX_SHEET_CELLS`).
pub const MAX_UNCOMPRESSED_BYTES: u64 = 1 << 30;

/// Declared uncompressed : compressed size of one entry. Real sheet XML
/// compresses about 13-15:1 (measured on openpyxl workbooks of 200,000
/// identical rows and of 1,000,000 formatted empty cells: 13.2 and 14.7),
/// because every cell carries its own reference; deflate's ceiling is about
/// 1032:1, which is what bombs use. 200:1 leaves a margin of more than ten.
pub const MAX_COMPRESSION_RATIO: u64 = 200;

/// Entries smaller than this are not ratio-checked: a tiny entry with a
/// high ratio (a blank styles part) cannot hurt, and the total limit still
/// applies to it.
pub const RATIO_CHECKED_ABOVE: u64 = 4 << 20;

/// The part every .xlsx has; a zip without it (.ods, .docx, .xlsb, a plain
/// archive) is not a workbook we read.
const WORKBOOK_PART: &str = "xl/workbook.xml";

/// Check the archive; `Ok` means calamine may open it.
pub(crate) fn check_archive(bytes: &[u8]) -> Result<(), IngestError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if archive.index_for_name(WORKBOOK_PART).is_none() {
        return Err(IngestError::NotAWorkbook);
    }
    check_declared_sizes(&archive)?;
    for index in 0..archive.len() {
        check_inflated_size(&mut archive, index)?;
    }
    Ok(())
}

/// Step 1: the central directory's figures, nothing inflated.
fn check_declared_sizes(archive: &ZipArchive<Cursor<&[u8]>>) -> Result<(), IngestError> {
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index_data(index).map_err(damaged)?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNCOMPRESSED_BYTES {
        return Err(IngestError::WorkbookTooLarge {
            uncompressed: total,
            allowed: MAX_UNCOMPRESSED_BYTES,
        });
    }
    for index in 0..archive.len() {
        let entry = archive.by_index_data(index).map_err(damaged)?;
        let ratio = entry.size() / entry.compressed_size().max(1);
        if entry.size() > RATIO_CHECKED_ABOVE && ratio > MAX_COMPRESSION_RATIO {
            return Err(IngestError::SuspiciousCompression {
                entry: String::from_utf8_lossy(entry.name_raw()).into_owned(),
                ratio,
                allowed: MAX_COMPRESSION_RATIO,
            });
        }
    }
    Ok(())
}

/// Step 2: inflate one entry into a sink, stopping one byte past its
/// declared size. Also checks its CRC when it is read to the end.
fn check_inflated_size(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    index: usize,
) -> Result<(), IngestError> {
    let entry = archive.by_index(index).map_err(damaged)?;
    let declared = entry.size();
    let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
    let mut limited = entry.take(declared.saturating_add(1));
    let inflated = std::io::copy(&mut limited, &mut std::io::sink()).map_err(|error| {
        IngestError::BadWorkbook {
            message: format!("{name}: {error}"),
        }
    })?;
    if inflated > declared {
        return Err(IngestError::BadWorkbook {
            message: format!("{name} inflates to more than the {declared} bytes it declares"),
        });
    }
    Ok(())
}

fn damaged(error: zip::result::ZipError) -> IngestError {
    IngestError::BadWorkbook {
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_after_the_signature_is_a_damaged_workbook() {
        let result = check_archive(b"PK\x03\x04 not really a zip");
        assert!(
            matches!(result, Err(IngestError::BadWorkbook { .. })),
            "{result:?}"
        );
    }
}
