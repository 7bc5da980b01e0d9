//! The layering rule, enforced: `src/core` and `src/engine` are pure Rust and
//! never reach for the DOM or the browser. A file that imports leptos,
//! web-sys, js-sys, gloo or wasm-bindgen there fails this test.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 6] = [
    "leptos",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "plotters_canvas",
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read source dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Lines that name a forbidden crate as a path (`leptos::…`, `use gloo_storage`,
/// `extern crate web_sys`), ignoring comments.
fn violations(source: &str) -> Vec<(usize, String)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .filter(|(_, line)| {
            FORBIDDEN.iter().any(|krate| {
                line.match_indices(krate).any(|(at, _)| {
                    let before = line[..at].chars().next_back();
                    let after = &line[at + krate.len()..];
                    let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                    let rest = after.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
                    starts_word
                        && (rest.starts_with("::")
                            || line.trim_start().starts_with("use ")
                            || line.contains("extern crate"))
                })
            })
        })
        .map(|(n, line)| (n + 1, line.trim().to_string()))
        .collect()
}

#[test]
fn core_and_engine_import_no_dom_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("core"), &mut files);
    rust_files(&root.join("engine"), &mut files);
    assert!(files.len() > 5, "found the sources: {files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("read source");
        for (line, text) in violations(&source) {
            problems.push(format!("{}:{line}: {text}", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "DOM crates in the pure layers:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_catches_each_form_of_import() {
    assert_eq!(violations("use leptos::prelude::*;").len(), 1);
    assert_eq!(violations("let w = web_sys::window();").len(), 1);
    assert_eq!(violations("use gloo_storage::LocalStorage;").len(), 1);
    assert_eq!(violations("extern crate js_sys;").len(), 1);
    assert!(violations("// leptos::mount is the app's job").is_empty());
    assert!(violations("let my_leptos_count = 1;").is_empty());
}
