//! `read_table` end to end on small inputs.

use super::*;

fn read(text: &str) -> Ingested {
    match read_table("t.csv", text.as_bytes()) {
        Ok(ingested) => ingested,
        Err(error) => panic!("{text:?}: {error}"),
    }
}

fn names(table: &Table) -> Vec<&str> {
    table.columns.iter().map(|c| c.name.as_str()).collect()
}

fn all_rows(table: &Table) -> Vec<Vec<String>> {
    table.rows(0, usize::MAX)
}

#[test]
fn unclosed_quote_is_an_error_naming_row_and_column() {
    let result = read_table(
        "t.csv",
        b"name,note\nAli,ok\nSara,\"never closed\nReza,fine\n",
    );
    assert_eq!(
        result.err(),
        Some(IngestError::UnclosedQuote { row: 3, column: 2 })
    );
    let result = read_table("t.csv", b"a,b\n\"1,2\n");
    assert_eq!(
        result.err(),
        Some(IngestError::UnclosedQuote { row: 2, column: 1 })
    );
}

#[test]
fn an_unclosed_quote_after_many_records_is_found_where_it_opens() {
    let mut text = String::from("id,name,note\n");
    for row in 0..5000 {
        text.push_str(&format!("{row},\"Name, {row}\",\"said \"\"hi\"\"\"\r\n\n"));
    }
    text.push_str("5000,Ali,\"never closed\n5001,Reza,fine\n\n");
    let result = read_table("t.csv", text.as_bytes());
    assert_eq!(
        result.err(),
        Some(IngestError::UnclosedQuote {
            row: 5002,
            column: 3
        })
    );
    // Closed, the same text reads whole.
    let closed = text.replace("never closed", "closed\"");
    assert_eq!(
        read_table("t.csv", closed.as_bytes()).map(|i| i.report.rows),
        Ok(5002)
    );
}

#[test]
fn ragged_rows_warn_and_lose_nothing() {
    let ingested = read("a,b,c\n1,2\n3,4,5,6\n");
    assert_eq!(names(&ingested.table), ["a", "b", "c", "column 4"]);
    assert_eq!(
        all_rows(&ingested.table),
        [["1", "2", "", ""], ["3", "4", "5", "6"]]
    );
    let kinds: Vec<(u64, Option<usize>, &WarningKind)> = ingested
        .report
        .warnings
        .iter()
        .map(|w| (w.row, w.column, &w.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                2,
                Some(3),
                &WarningKind::RaggedRow {
                    expected: 3,
                    found: 2
                }
            ),
            (
                3,
                Some(4),
                &WarningKind::RaggedRow {
                    expected: 3,
                    found: 4
                }
            ),
        ]
    );
    assert_eq!(ingested.report.warnings_total, 2);
}

#[test]
fn warnings_are_capped_but_counted() {
    let mut text = String::from("a,b\n");
    for i in 0..1_000 {
        text.push_str(&format!("{i}\n"));
    }
    let report = read(&text).report;
    assert_eq!(report.warnings.len(), MAX_KEPT_WARNINGS);
    assert_eq!(report.warnings_total, 1_000);
    assert_eq!(report.rows, 1_000);
}

#[test]
fn every_line_ending_reads_the_same() {
    let expected = vec![vec!["1", "x"], vec!["2", "y"]];
    for text in [
        "n,v\n1,x\n2,y\n",
        "n,v\r\n1,x\r\n2,y\r\n",
        "n,v\r1,x\r2,y\r",
        "n,v\r\n1,x\r2,y\n",
        "n,v\n1,x\n2,y",
    ] {
        let ingested = read(text);
        assert_eq!(names(&ingested.table), ["n", "v"], "{text:?}");
        assert_eq!(all_rows(&ingested.table), expected, "{text:?}");
        assert!(ingested.report.warnings.is_empty(), "{text:?}");
    }
}

#[test]
fn quoted_fields_keep_delimiters_quotes_and_newlines() {
    let ingested = read("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n");
    let notes: Vec<&str> = ingested.table.columns[1].cells.iter().collect();
    assert_eq!(notes, ["a, b", "say \"hi\"", "two\r\nlines"]);
}

#[test]
fn utf8_bom_is_removed() {
    let ingested = read("\u{FEFF}name,age\nAli,30\n");
    assert_eq!(names(&ingested.table), ["name", "age"]);
    assert_eq!(ingested.report.encoding, "utf-8-bom");
}

#[test]
fn utf16le_with_bom_is_decoded() {
    let text = "Name\tNote\r\nAli\t\"tab\there\"\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let ingested = match read_table("t.txt", &bytes) {
        Ok(ingested) => ingested,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(ingested.report.encoding, "utf-16le");
    assert_eq!(ingested.report.delimiter, Delimiter::Tab);
    assert_eq!(all_rows(&ingested.table), [["Ali", "tab\there"]]);
}

#[test]
fn damaged_utf8_is_read_with_a_warning() {
    let mut bytes = "name;amount\nسارا;980\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xE4\xC7\xE3;1250,50\n");
    let ingested = match read_table("t.csv", &bytes) {
        Ok(ingested) => ingested,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(ingested.report.delimiter, Delimiter::Semicolon);
    assert_eq!(
        ingested.report.warnings.first().map(|w| &w.kind),
        Some(&WarningKind::InvalidUtf8 { replaced: 3 })
    );
}

#[test]
fn trailing_empty_rows_are_counted_not_kept() {
    let ingested = read("a,b,c\n1,2,3\n,,\n,,\n , ,\n");
    assert_eq!(ingested.report.rows, 1);
    assert_eq!(ingested.report.empty_rows_skipped, 3);
    assert_eq!(ingested.table.row_count(), 1);
}

#[test]
fn each_delimiter_is_sniffed() {
    for (text, delimiter) in [
        ("a,b\n1,2\n", Delimiter::Comma),
        ("a;b\n1;2,5\n", Delimiter::Semicolon),
        ("a\tb\n1\t2\n", Delimiter::Tab),
        ("a|b\n1|2\n", Delimiter::Pipe),
    ] {
        let ingested = read(text);
        assert_eq!(ingested.report.delimiter, delimiter, "{text:?}");
        assert_eq!(ingested.table.column_count(), 2, "{text:?}");
    }
}

#[test]
fn header_or_not() {
    let with = read("name,age\nAli,30\nSara,41\n");
    assert!(with.report.has_header);
    assert_eq!(with.report.rows, 2);
    let without = read("Ali,30\nSara,41\n");
    assert!(!without.report.has_header);
    assert_eq!(without.report.rows, 2);
    assert_eq!(names(&without.table), ["column 1", "column 2"]);
    assert_eq!(all_rows(&without.table)[0], ["Ali", "30"]);
}

#[test]
fn duplicate_and_empty_headers_are_renamed() {
    let ingested = read(",Name,Name\n1,a,b\n");
    assert_eq!(names(&ingested.table), ["column 1", "Name", "Name (2)"]);
    assert_eq!(ingested.report.warnings_total, 2);
}

#[test]
fn empty_and_binary_inputs_are_errors() {
    assert_eq!(read_table("t.csv", b"").err(), Some(IngestError::Empty));
    assert_eq!(
        read_table("t.csv", b"\xEF\xBB\xBF").err(),
        Some(IngestError::Empty)
    );
    assert_eq!(
        read_table("t.csv", b"\n\r\n  \n").err(),
        Some(IngestError::Empty)
    );
    assert_eq!(
        read_table("t.csv", b",,,\n,,\n").err(),
        Some(IngestError::Empty)
    );
    // Zip bytes go to the workbook reader, which finds this one cut short.
    assert!(matches!(
        read_table("t.xlsx", b"PK\x03\x04\x14\x00\x06\x00"),
        Err(IngestError::BadWorkbook { .. })
    ));
    assert_eq!(
        read_table("t.csv", b"a,b\n1,\x00\n").err(),
        Some(IngestError::NotText)
    );
}

#[test]
fn header_only_file_has_no_rows() {
    let ingested = read("a,b,c\n");
    assert_eq!(
        (ingested.report.rows, ingested.table.column_count()),
        (0, 3)
    );
}

/// A tiny deterministic generator (Knuth's MMIX LCG) so the test needs no crate.
struct Lcg(u64);

impl Lcg {
    fn next_byte(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 56) as u8
    }
}

#[test]
fn never_panics_on_arbitrary_bytes() {
    // Bytes drawn mostly from CSV's special characters, so the parser's
    // corners (quotes, delimiters, line ends, BOMs, UTF-16) get exercised.
    const ALPHABET: &[u8] = b",;\t|\"\r\n a1.\xEF\xBB\xBF\xFF\xFE\x00\xD8\xC3";
    let mut rng = Lcg(42);
    let (mut ok, mut err) = (0, 0);
    for iteration in 0..2_000 {
        let len = usize::from(rng.next_byte()) % 200;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let byte = rng.next_byte();
                if iteration % 3 == 0 {
                    byte
                } else {
                    ALPHABET[usize::from(byte) % ALPHABET.len()]
                }
            })
            .collect();
        match read_table("fuzz.csv", &bytes) {
            Ok(ingested) => {
                ok += 1;
                let widths: Vec<usize> = ingested
                    .table
                    .columns
                    .iter()
                    .map(|c| c.cells.len())
                    .collect();
                assert!(
                    widths.iter().all(|w| *w == ingested.report.rows),
                    "{bytes:?}"
                );
            }
            Err(_) => err += 1,
        }
    }
    assert!(ok > 100 && err > 100, "ok {ok}, err {err}");
}
