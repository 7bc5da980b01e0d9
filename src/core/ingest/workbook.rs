//! Excel .xlsx workbooks to the same [`Ingested`] table as a CSV.
//!
//! 1. `zip_guard`: refuse zip bombs and non-workbook zips before anything
//!    is inflated;
//! 2. calamine opens the workbook (relationships, shared strings, styles,
//!    the 1900/1904 date system);
//! 3. the chosen sheet's `<dimension ref>` (read by calamine's streaming
//!    cell reader, which stops at `<sheetData>`) must be within
//!    [`MAX_SHEET_CELLS`];
//! 4. cells are streamed one by one and kept sparse, as text
//!    (`cell_text`); the extent of the cells actually present is checked
//!    against the same limit as they arrive, and their text against
//!    [`MAX_SHEET_TEXT_BYTES`];
//! 5. rows are laid out from the first row and column that hold data; the
//!    header is detected and named as for a CSV (`header`).
//!
//! Why not calamine's `worksheet_range`: in calamine 0.38 it only reserves
//! by the declared dimension when that is under 100,000 cells (guarded),
//! but then builds a dense `Range` over the bounding box of the cells
//! present (`Range::from_sparse`): two cells at A1 and XFD1048576 make it
//! allocate 17 billion cells. Streaming `XlsxCellReader::next_cell` avoids
//! any dense grid but ours, whose size is checked first.
//!
//! Row numbers in warnings are the sheet's own row numbers (Excel's, the
//! ones the user sees), so the header is row 1 when the data starts at A1.

use std::io::Cursor;

use calamine::{DataRef, Dimensions, Reader, SheetType, Xlsx, XlsxError};

use super::cell_text::push_cell_text;
use super::header::{header_names, looks_like_header, positional_name};
use super::report::WarningLog;
use super::source::{is_ole2, SourceFormat};
use super::{zip_guard, Delimiter, IngestError, IngestReport, Ingested, LoadOptions};
use crate::core::table::{Column, Table, TextColumn};

/// Rows × columns a sheet may span, counted over both its declared
/// `<dimension>` and the cells it really holds. 50 million cells: about the
/// largest table the browser tab can hold as text (each cell costs at least
/// an 8-byte offset, 400 MB here, in a 4 GB wasm32 address space); far
/// beyond real customer files; and far below the 17 billion of a sheet
/// claiming A1:XFD1048576.
pub const MAX_SHEET_CELLS: u64 = 50_000_000;

/// Bytes of cell text a sheet may produce. Shared strings make text
/// cheap to repeat (a 20-byte `<c t="s"><v>0</v></c>` can stand for a
/// megabyte-long string), so the text is limited as well as the cells.
/// 512 MiB: several times the largest CSV exports we expect.
pub const MAX_SHEET_TEXT_BYTES: u64 = 512 << 20;

/// How many rows after the first the header detection looks at, as the
/// CSV sniffer does.
const HEADER_SAMPLE_ROWS: usize = 50;

type Workbook<'a> = Xlsx<Cursor<&'a [u8]>>;

/// The worksheets of a workbook, in workbook order, for a sheet picker.
/// Chart sheets and macro sheets are left out: they hold no table.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, IngestError> {
    Ok(worksheet_names(&open(bytes)?))
}

/// Read one sheet of an .xlsx workbook: `options.sheet` by name, or by
/// default the first worksheet holding any data; the header row as
/// `options.has_header` says, or detected. Never panics on the bytes given;
/// hostile archives and sheets are refused before they are allocated (see
/// the module docs).
pub fn read_workbook(
    file_name: &str,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Ingested, IngestError> {
    let sheet = options.sheet.as_deref();
    let mut workbook = open(bytes)?;
    let sheets = worksheet_names(&workbook);
    let (name, cells) = match sheet {
        Some(wanted) => {
            if !sheets.iter().any(|name| name == wanted) {
                return Err(IngestError::NoSuchSheet {
                    name: wanted.to_string(),
                });
            }
            (wanted.to_string(), read_sheet(&mut workbook, wanted)?)
        }
        None => first_sheet_with_data(&mut workbook, &sheets)?,
    };
    let mut log = WarningLog::default();
    let laid_out = lay_out(cells, options.has_header, &mut log)?;
    let (warnings, warnings_total) = log.finish();
    let report = IngestReport {
        file_name: file_name.to_string(),
        encoding: SourceFormat::Xlsx.label().to_string(),
        delimiter: Delimiter::Comma,
        has_header: laid_out.has_header,
        rows: laid_out.rows,
        empty_rows_skipped: laid_out.empty_rows_skipped,
        warnings,
        warnings_total,
        format: SourceFormat::Xlsx,
        sheet: Some(name),
        sheets,
    };
    Ok(Ingested {
        table: laid_out.table,
        report,
    })
}

fn open(bytes: &[u8]) -> Result<Workbook<'_>, IngestError> {
    if is_ole2(bytes) {
        return Err(IngestError::XlsNotSupported);
    }
    zip_guard::check_archive(bytes)?;
    Xlsx::new(Cursor::new(bytes)).map_err(damaged)
}

fn worksheet_names(workbook: &Workbook<'_>) -> Vec<String> {
    workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .map(|sheet| sheet.name.clone())
        .collect()
}

fn first_sheet_with_data(
    workbook: &mut Workbook<'_>,
    sheets: &[String],
) -> Result<(String, SheetCells), IngestError> {
    for name in sheets {
        let cells = read_sheet(workbook, name)?;
        if cells.has_data() {
            return Ok((name.clone(), cells));
        }
    }
    Err(IngestError::Empty)
}

/// One cell with text, at its 0-based sheet position; its text is
/// `SheetCells::text[start..end]`.
#[derive(Debug, Clone, Copy)]
struct CellAt {
    row: u32,
    column: u32,
    start: usize,
    end: usize,
}

/// A sheet's cells with text, sparse, in one string buffer.
#[derive(Debug, Default)]
struct SheetCells {
    name: String,
    text: String,
    cells: Vec<CellAt>,
    /// First and last row holding any cell element, even a formatted empty
    /// one: the rows Excel itself counts as used.
    used_rows: Option<(u32, u32)>,
    /// Bounding box of the cells with text: rows, then columns.
    extent: Option<((u32, u32), (u32, u32))>,
}

impl SheetCells {
    fn has_data(&self) -> bool {
        self.cells
            .iter()
            .any(|cell| !self.cell_text(cell).trim().is_empty())
    }

    fn cell_text(&self, cell: &CellAt) -> &str {
        self.text.get(cell.start..cell.end).unwrap_or("")
    }

    /// Record one cell; refuse when the cells so far span too much.
    fn push(&mut self, row: u32, column: u32, value: &DataRef<'_>) -> Result<(), IngestError> {
        self.used_rows = Some(match self.used_rows {
            Some((first, last)) => (first.min(row), last.max(row)),
            None => (row, row),
        });
        let start = self.text.len();
        push_cell_text(&mut self.text, value);
        let end = self.text.len();
        if start == end {
            return Ok(());
        }
        if u64::try_from(end).unwrap_or(u64::MAX) > MAX_SHEET_TEXT_BYTES {
            return Err(IngestError::SheetTextTooLarge {
                sheet: self.name.clone(),
                allowed: MAX_SHEET_TEXT_BYTES,
            });
        }
        let ((top, bottom), (left, right)) = match self.extent {
            Some(((top, bottom), (left, right))) => (
                (top.min(row), bottom.max(row)),
                (left.min(column), right.max(column)),
            ),
            None => ((row, row), (column, column)),
        };
        check_cells(&self.name, (top, left), (bottom, right))?;
        self.extent = Some(((top, bottom), (left, right)));
        self.cells.push(CellAt {
            row,
            column,
            start,
            end,
        });
        Ok(())
    }
}

/// Stream a sheet's cells, checking its declared dimension first.
fn read_sheet(workbook: &mut Workbook<'_>, name: &str) -> Result<SheetCells, IngestError> {
    let mut reader = match workbook.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(SheetCells::default()),
        Err(error) => return Err(damaged(error)),
    };
    let Dimensions { start, end } = reader.dimensions();
    check_cells(name, start, end)?;
    let mut cells = SheetCells {
        name: name.to_string(),
        ..SheetCells::default()
    };
    while let Some(cell) = reader.next_cell().map_err(damaged)? {
        let (row, column) = cell.get_position();
        cells.push(row, column, cell.get_value())?;
    }
    Ok(cells)
}

/// Refuse a span of more than [`MAX_SHEET_CELLS`]; corners in either order.
fn check_cells(sheet: &str, start: (u32, u32), end: (u32, u32)) -> Result<(), IngestError> {
    let rows = u64::from(start.0.abs_diff(end.0)) + 1;
    let columns = u64::from(start.1.abs_diff(end.1)) + 1;
    if rows.saturating_mul(columns) > MAX_SHEET_CELLS {
        return Err(IngestError::SheetTooLarge {
            sheet: sheet.to_string(),
            rows,
            columns,
            allowed_cells: MAX_SHEET_CELLS,
        });
    }
    Ok(())
}

fn damaged(error: XlsxError) -> IngestError {
    IngestError::BadWorkbook {
        message: error.to_string(),
    }
}

/// The table laid out from a sheet's cells.
struct LaidOut {
    table: Table,
    has_header: bool,
    rows: usize,
    empty_rows_skipped: usize,
}

/// Rows from the first to the last used row; all-empty ones (no cell with
/// text other than whitespace, or no cell at all) are dropped and counted
/// in `empty_rows_skipped`. Columns from the first to the last column
/// holding text, so every row has the same width (a spreadsheet has no
/// ragged rows: a missing cell is an empty one).
fn lay_out(
    mut sheet: SheetCells,
    has_header: Option<bool>,
    log: &mut WarningLog,
) -> Result<LaidOut, IngestError> {
    let (Some((first_used, last_used)), Some((_, (left, right)))) = (sheet.used_rows, sheet.extent)
    else {
        return Err(IngestError::Empty);
    };
    let width = usize::try_from(right.abs_diff(left)).unwrap_or(0) + 1;
    let mut cells = std::mem::take(&mut sheet.cells);
    let sheet = &sheet;
    if !cells.is_sorted_by_key(|cell| (cell.row, cell.column)) {
        // Writers may emit rows out of order; a stable sort keeps the last
        // of two cells at one position last, so it wins as in Excel.
        cells.sort_by_key(|cell| (cell.row, cell.column));
    }
    let mut rows = cells
        .chunk_by(|a, b| a.row == b.row)
        .filter_map(|row_cells| row_of(sheet, row_cells, left, width));
    let Some((header_row, first)) = rows.next() else {
        return Err(IngestError::Empty);
    };
    let sample: Vec<(u32, Vec<String>)> = rows.by_ref().take(HEADER_SAMPLE_ROWS).collect();
    let body: Vec<Vec<String>> = sample.iter().map(|(_, row)| row.clone()).collect();
    let has_header = has_header.unwrap_or_else(|| looks_like_header(&first, &body));
    let names = if has_header {
        header_names(&first, u64::from(header_row) + 1, log)
    } else {
        (0..width).map(positional_name).collect()
    };
    let mut columns: Vec<TextColumn> = names.iter().map(|_| TextColumn::new()).collect();
    let data_rows = (!has_header)
        .then_some(first)
        .into_iter()
        .chain(sample.into_iter().map(|(_, row)| row))
        .chain(rows.map(|(_, row)| row));
    let mut row_count = 0;
    for row in data_rows {
        for (column, cell) in columns.iter_mut().zip(&row) {
            column.push(cell);
        }
        row_count += 1;
    }
    let used = usize::try_from(last_used.abs_diff(first_used)).unwrap_or(usize::MAX);
    let kept_rows = row_count + usize::from(has_header);
    Ok(LaidOut {
        table: Table {
            columns: names
                .into_iter()
                .zip(columns)
                .map(|(name, cells)| Column { name, cells })
                .collect(),
        },
        has_header,
        rows: row_count,
        empty_rows_skipped: used.saturating_add(1).saturating_sub(kept_rows),
    })
}

/// One sheet row as `width` cells from column `left`, or `None` when all
/// its cells are empty or whitespace.
fn row_of(
    sheet: &SheetCells,
    row_cells: &[CellAt],
    left: u32,
    width: usize,
) -> Option<(u32, Vec<String>)> {
    let first = row_cells.first()?;
    if row_cells
        .iter()
        .all(|cell| sheet.cell_text(cell).trim().is_empty())
    {
        return None;
    }
    let mut row = vec![String::new(); width];
    for cell in row_cells {
        let index = usize::try_from(cell.column.saturating_sub(left)).unwrap_or(usize::MAX);
        if let Some(slot) = row.get_mut(index) {
            sheet.cell_text(cell).clone_into(slot);
        }
    }
    Some((first.row, row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_counted_whichever_corner_comes_first() {
        assert!(check_cells("s", (0, 0), (1, 1)).is_ok());
        let whole_grid = check_cells("s", (1_048_575, 16_383), (0, 0));
        assert_eq!(
            whole_grid.err(),
            Some(IngestError::SheetTooLarge {
                sheet: "s".into(),
                rows: 1_048_576,
                columns: 16_384,
                allowed_cells: MAX_SHEET_CELLS,
            })
        );
        // Exactly at the limit is allowed.
        assert!(check_cells("s", (0, 0), (4_999_999, 9)).is_ok());
        assert!(check_cells("s", (0, 0), (5_000_000, 9)).is_err());
    }

    #[test]
    fn an_ole2_file_is_refused_as_old_excel() {
        let bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00";
        assert_eq!(
            read_workbook("old.xls", bytes, &LoadOptions::default()).err(),
            Some(IngestError::XlsNotSupported)
        );
    }
}
