//! `nimrokh inspect FILE`: the ingest result as JSON; `nimrokh quality
//! FILE`: the data quality report as JSON, with its time on stderr. For
//! people, benchmarks and tests that want the engine without a browser.

use std::process::ExitCode;

use nimrokh::core::quality::ColumnKind;
use nimrokh::engine::{inspect, Engine, Request, Response, TableSummary};
use serde_json::json;

const USAGE: &str = "usage: nimrokh inspect FILE | nimrokh quality FILE";

pub fn run(args: Vec<String>) -> ExitCode {
    match args.as_slice() {
        [command, path] if command == "inspect" => inspect_file(path),
        [command, path] if command == "quality" => quality_of_file(path),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The quality report judged by the inferred types and roles.
fn quality_of_file(path: &str) -> ExitCode {
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("nimrokh: cannot read {path}");
        return ExitCode::from(1);
    };
    let mut engine = Engine::new();
    let loaded = engine.handle(Request::Load {
        file_name: path.to_string(),
        bytes,
        options: Default::default(),
        place: nimrokh::engine::FilePlace::Open,
    });
    let Response::Loaded(summary) = loaded else {
        eprintln!("nimrokh: {path}: {loaded:?}");
        return ExitCode::from(1);
    };
    let kinds = summary
        .columns
        .iter()
        .map(|c| ColumnKind {
            column_type: c.guess.column_type,
            role: c.role,
        })
        .collect();
    let started = std::time::Instant::now();
    let report = engine.handle(Request::Quality { kinds });
    eprintln!(
        "quality report: {} rows in {:.2} s",
        summary.report.rows,
        started.elapsed().as_secs_f64()
    );
    match report {
        Response::Quality(report) => {
            println!("{:#}", json!(report));
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("nimrokh: {path}: {other:?}");
            ExitCode::from(1)
        }
    }
}

fn inspect_file(path: &str) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("nimrokh: cannot read {path}: {err}");
            return ExitCode::from(1);
        }
    };
    let name = std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    match inspect(&name, &bytes) {
        Ok(summary) => {
            println!("{:#}", summary_json(&summary));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("nimrokh: {name}: {err}");
            ExitCode::from(1)
        }
    }
}

fn summary_json(summary: &TableSummary) -> serde_json::Value {
    let report = &summary.report;
    let columns: Vec<_> = summary
        .columns
        .iter()
        .map(|column| {
            json!({
                "name": column.name,
                "type": column.guess.column_type,
                "role": column.role,
                "role_group": column.role.group(),
                "confidence": column.guess.confidence,
                "missing": column.guess.missing,
                "invalid": column.guess.invalid,
                "examples": column.guess.examples,
                "misfits": column.guess.misfits,
                "date_order": column.guess.date_order,
                "calendar": column.guess.calendar,
            })
        })
        .collect();
    json!({
        "file": report.file_name,
        "encoding": report.encoding,
        // The separator itself (",", ";", "\t", "|"), or "whitespace" for
        // aligned columns, as the data manifests write it.
        "delimiter": match report.delimiter.as_byte() {
            Some(_) => report.delimiter.as_char().to_string(),
            None => report.delimiter.key().to_string(),
        },
        "has_header": report.has_header,
        "rows": report.rows,
        "empty_rows_skipped": report.empty_rows_skipped,
        "warnings": report.warnings,
        "columns": columns,
    })
}
