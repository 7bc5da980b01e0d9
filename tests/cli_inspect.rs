//! `nimrokh inspect FILE`: the engine without a browser, as JSON.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn inspect(path: &std::path::Path) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_nimrokh"))
        .arg("inspect")
        .arg(path)
        .output()
        .expect("run nimrokh");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn prints_the_ingest_result_as_json() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/online_retail_500.csv");
    let (ok, stdout, stderr) = inspect(&fixture);
    assert!(ok, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json["encoding"], "utf-8");
    assert_eq!(json["delimiter"], ",");
    assert_eq!(json["has_header"], true);
    assert_eq!(json["rows"], 499);
    assert_eq!(json["empty_rows_skipped"], 0);
    assert!(json["warnings"].is_array());
    let columns = json["columns"].as_array().expect("columns");
    assert_eq!(columns.len(), 9);
    let date = &columns[4];
    assert_eq!(date["name"], "InvoiceDate");
    assert_eq!(date["type"], "date_time");
    assert_eq!(date["role"], "purchase_date");
    assert_eq!(date["missing"], 0);
    assert_eq!(date["invalid"], 0);
    assert_eq!(columns[6]["role"], "customer_id");
}

#[test]
fn a_broken_file_fails_with_row_and_column() {
    let dir = std::env::temp_dir().join(format!("nimrokh-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("broken.csv");
    std::fs::write(&path, "a,b\n1,2\n\"3,4\n").expect("write");
    let (ok, _, stderr) = inspect(&path);
    assert!(!ok);
    assert!(
        stderr.contains("broken.csv") && stderr.contains("row 3"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
