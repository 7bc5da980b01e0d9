//! End-to-end tests: the release build in real headless Chromium, driven
//! through WebDriver the way a person uses it (by visible labels and text).
//! Native only; run by `.ci/test` after `trunk build --release`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../helpers/mod.rs"]
mod helpers;
mod support;

mod customers;
mod exports;
mod feedback;
mod first_slice;
mod large_files;
mod links;
mod movement;
mod offline;
mod personas;
mod privacy;
mod profile;
mod project_files;
mod projects;
mod quality;
mod reading;
mod restore;
mod rfm;
mod rtl;
mod rules;
mod saving;
mod segments;
mod sentiment;
mod stats;
mod telco;
mod types;
mod workbook;
