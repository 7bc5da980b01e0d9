//! Jalali (Solar Hijri) dates: conversion checked against jdatetime (an
//! independent implementation; fixture made by
//! tests/fixtures/make_jalali_fixture.py, command in its first line), and
//! the i18n/06 sample read as a whole column, against its manifest.

use std::path::{Path, PathBuf};

use nimrokh::core::ingest::read_table;
use nimrokh::core::schema::{
    gregorian_date_of, gregorian_to_jalali, guess_as, is_jalali_leap_year, jalali_to_gregorian,
    Calendar, ColumnType,
};

fn fixture() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jalali_jdatetime.csv"),
    )
    .expect("fixture present")
}

fn ymd(text: &str) -> (i32, u32, u32) {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        panic!("{text}")
    };
    (y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap())
}

#[test]
fn conversion_matches_jdatetime() {
    let text = fixture();
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split(',').collect();
        let [jalali, gregorian, leap] = fields.as_slice() else {
            panic!("{line}")
        };
        let (jy, jm, jd) = ymd(jalali);
        assert_eq!(is_jalali_leap_year(jy), Some(*leap == "1"), "{jy} leap");
        if *gregorian == "INVALID" {
            assert_eq!(jalali_to_gregorian(jy, jm, jd), None, "{jalali}");
        } else {
            let expected = ymd(gregorian);
            assert_eq!(jalali_to_gregorian(jy, jm, jd), Some(expected), "{jalali}");
            assert_eq!(
                gregorian_to_jalali(expected.0, expected.1, expected.2),
                Some((jy, jm, jd)),
                "{gregorian}"
            );
        }
        checked += 1;
    }
    assert!(checked > 1500, "only {checked} fixture rows");
}

fn shared_i18n() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/i18n");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared/data/i18n not found");
        None
    }
}

/// Every row of 06_jalali_dates.csv: the converted date, INVALID refused,
/// AMBIGUOUS_ORDER (12/05/1402) not given a date on its own, and 1445/01/01
/// (more likely Lunar Hijri) refused rather than guessed.
#[test]
fn sample_column_converts_as_its_manifest_says() {
    let Some(dir) = shared_i18n() else { return };
    let bytes = std::fs::read(dir.join("06_jalali_dates.csv")).unwrap();
    let table = read_table("06_jalali_dates.csv", &bytes).unwrap().table;
    let raw = &table.columns[0].cells;
    let expected = &table.columns[1].cells;
    for (cell, want) in raw.iter().zip(expected.iter()) {
        let got = gregorian_date_of(cell, None).map(|d| d.to_string());
        if want.starts_with("INVALID") || want.starts_with("AMBIGUOUS") {
            assert_eq!(got, None, "{cell} ({want})");
        } else {
            assert_eq!(got.as_deref(), Some(want), "{cell}");
        }
    }
    // A third of this sample is deliberately broken, too much for
    // inference to call it a date column on its own; the user says it is.
    let guess = guess_as(raw, ColumnType::Date);
    assert_eq!(guess.calendar, Some(Calendar::Jalali));
    assert_eq!(guess.invalid, 4);
    // The three INVALID rows and the 1445 year do not fit; they are listed.
    let misfits: Vec<&str> = guess.misfits.iter().map(|m| m.value.as_str()).collect();
    for bad in ["1402/12/30", "1402/07/31", "1402/13/01", "1445/01/01"] {
        assert!(misfits.contains(&bad), "{bad} not in {misfits:?}");
    }
}

/// A clean Jalali column is inferred as dates on its own.
#[test]
fn clean_jalali_column_is_inferred() {
    let owned: Vec<String> = (1..=28).map(|day| format!("۱۴۰۲/۰۵/{day:02}")).collect();
    let cells: nimrokh::core::table::TextColumn = owned.iter().map(String::as_str).collect();
    let guess = nimrokh::core::schema::infer_column(&cells);
    assert_eq!(guess.column_type, ColumnType::Date);
    assert_eq!(guess.calendar, Some(Calendar::Jalali));
    assert_eq!(guess.invalid, 0);
}
