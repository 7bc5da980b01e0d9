#![cfg(not(target_arch = "wasm32"))]
//! A file parsed as its chunks arrive (as the worker reads it) loads
//! exactly as the same file handed over whole: the same table, summary and
//! distinct values, or the same error. Synthetic files put every awkward
//! thing on a chunk boundary; the real files under ../shared/data are
//! loaded in several chunk sizes.

mod shared_data;

use nimrokh::core::ingest::{IngestError, LoadOptions};
use nimrokh::engine::{LoadJob, Loaded, Taken};

/// What a load came to, comparable.
type Outcome = Result<(String, Loaded), IngestError>;

fn outcome(result: Result<Loaded, IngestError>) -> Outcome {
    result.map(|loaded| {
        let summary = serde_json::to_string(&loaded.summary).expect("summary to JSON");
        (summary, loaded)
    })
}

fn whole(name: &str, bytes: &[u8]) -> Outcome {
    let mut job = LoadJob::new(name, bytes.len() as u64, LoadOptions::default())?;
    job.push_chunk(bytes)?;
    outcome(job.run())
}

/// Loaded in chunks of `chunk` bytes, parsing what arrived after each, as
/// the worker does; also how many chunks had records ready to parse on
/// arrival and how many times the file had to be read again.
fn in_chunks(name: &str, bytes: &[u8], chunk: usize) -> (Outcome, usize, usize) {
    let mut job = match LoadJob::new(name, bytes.len() as u64, LoadOptions::default()) {
        Ok(job) => job,
        Err(error) => return (Err(error), 0, 0),
    };
    let (mut offset, mut parsed_on_arrival, mut read_again) = (0, 0, 0);
    while offset < bytes.len() {
        let end = bytes.len().min(offset + chunk);
        match job.push_chunk(&bytes[offset..end]) {
            Ok(Taken::Kept) => offset = end,
            Ok(Taken::ReadAgain) => {
                offset = 0;
                read_again += 1;
            }
            Err(error) => return (Err(error), parsed_on_arrival, read_again),
        }
        parsed_on_arrival += usize::from(job.can_step_while_receiving());
        while job.can_step_while_receiving() {
            if let Some(result) = job.step() {
                return (outcome(result), parsed_on_arrival, read_again);
            }
        }
    }
    (outcome(job.run()), parsed_on_arrival, read_again)
}

fn assert_same(name: &str, bytes: &[u8], chunk: usize) -> (usize, usize) {
    let expected = whole(name, bytes);
    let (streamed, parsed_on_arrival, read_again) = in_chunks(name, bytes, chunk);
    match (&streamed, &expected) {
        (Ok((summary, loaded)), Ok((want_summary, want))) => {
            assert_eq!(
                summary, want_summary,
                "{name} in chunks of {chunk}: summary"
            );
            assert!(
                loaded.table == want.table,
                "{name} in chunks of {chunk}: table"
            );
            assert!(
                loaded.distinct == want.distinct,
                "{name} in chunks of {chunk}: distinct values"
            );
        }
        (Err(error), Err(want)) => assert_eq!(error, want, "{name} in chunks of {chunk}"),
        _ => panic!(
            "{name} in chunks of {chunk}: {:?} against {:?}",
            streamed.as_ref().err(),
            expected.as_ref().err()
        ),
    }
    (parsed_on_arrival, read_again)
}

/// A delimited file of `rows` rows whose cells have quotes, commas and line
/// ends inside quotes, Persian and Arabic letters (two-byte characters),
/// an emoji (four bytes), CRLF line ends and blank lines, so that chunk
/// boundaries fall inside all of them.
fn awkward_file(rows: usize, bom: bool) -> Vec<u8> {
    let mut text = String::new();
    if bom {
        text.push('\u{feff}');
    }
    text.push_str("id,name,comment,amount\r\n");
    for row in 0..rows {
        let comment = match row % 5 {
            0 => "\"خوب بود, ممنون\"".to_string(),
            1 => "\"said \"\"fine\"\"\r\nthen left\"".to_string(),
            2 => "😀 ok".to_string(),
            3 => String::new(),
            _ => "ممتاز".to_string(),
        };
        let line_end = if row % 7 == 0 { "\r\n\r\n" } else { "\n" };
        text.push_str(&format!(
            "C{row:06},علی {row},{comment},{}.{:02}{line_end}",
            row % 997,
            row % 100
        ));
    }
    text.into_bytes()
}

#[test]
fn awkward_text_streams_into_the_same_load_whatever_the_chunks() {
    for bom in [false, true] {
        let bytes = awkward_file(6_000, bom);
        for chunk in [65_600, 70_001, 99_991, 131_072] {
            let (parsed_on_arrival, read_again) = assert_same("awkward.csv", &bytes, chunk);
            assert!(parsed_on_arrival > 0, "chunks of {chunk}: never streamed");
            assert_eq!(read_again, 0);
        }
    }
}

#[test]
fn bytes_that_are_not_plain_utf8_further_on_make_the_file_read_again_whole() {
    let clean = awkward_file(6_000, false);
    let far = clean.len() - 1_000;
    let damaged = |bytes: &[u8]| [&clean[..far], bytes, &clean[far..]].concat();
    let cases = [
        ("latin-1 byte", damaged(b"\xE9")),
        ("a NUL", damaged(b"\x00")),
        (
            "cut at the end",
            [&clean[..], "é".as_bytes()[..1].as_ref()].concat(),
        ),
    ];
    for (what, bytes) in cases {
        let (_, read_again) = assert_same(what, &bytes, 70_001);
        assert_eq!(read_again, 1, "{what}");
    }
}

#[test]
fn utf16_and_workbook_bytes_are_never_streamed() {
    let text = String::from_utf8(awkward_file(6_000, false)).expect("utf-8");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend_from_slice(&awkward_file(6_000, false));
    for (what, bytes) in [("utf-16", utf16), ("zip", zip)] {
        let (parsed_on_arrival, read_again) = assert_same(what, &bytes, 70_001);
        assert_eq!((parsed_on_arrival, read_again), (0, 0), "{what}");
    }
}

#[test]
fn an_unclosed_quote_in_the_last_record_is_the_same_error() {
    let mut bytes = awkward_file(6_000, false);
    bytes.extend_from_slice(b"C999999,x,\"never closed,1.00\n");
    let (outcome, _, _) = in_chunks("open.csv", &bytes, 70_001);
    assert!(matches!(outcome, Err(IngestError::UnclosedQuote { .. })));
    assert_same("open.csv", &bytes, 70_001);
}

#[test]
fn every_real_file_streams_into_the_same_load() {
    for dir in ["real", "i18n"] {
        let Some(dir) = shared_data::shared_data(dir) else {
            return;
        };
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("list")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| {
                !path
                    .extension()
                    .is_some_and(|e| e == "md" || e == "json" || e == "py")
            })
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("read");
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            for chunk in [65_600, 250_000, 1 << 20] {
                assert_same(&name, &bytes, chunk);
            }
        }
    }
}
