//! What the CLI and the app's Load request do with a file: decode, parse,
//! then infer every column's type and role. Never panics, whatever the
//! bytes, and each column's guess stays within its documented bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nimrokh::engine::inspect;

fuzz_target!(|data: &[u8]| {
    let Ok(summary) = inspect("fuzz.csv", data) else {
        return;
    };
    let rows = summary.report.rows;
    for column in &summary.columns {
        let guess = &column.guess;
        assert!(
            (0.0..=1.0).contains(&guess.confidence),
            "confidence {} of {:?}",
            guess.confidence,
            column.name
        );
        assert!(
            guess.missing + guess.invalid <= rows,
            "{:?}: {guess:?}",
            column.name
        );
        assert!(guess.examples.len() <= 3, "{:?}: {guess:?}", column.name);
    }
});
