//! Pure Rust: no `leptos`, `web-sys`, `js-sys` or `gloo` (tests/core_purity.rs
//! enforces it). Everything here runs natively under `cargo test`.

// User data must never panic the app: no indexing, unwrap or expect
// outside tests, in every module of core (one place, so a new module
// cannot forget it).
#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

pub mod associations;
pub mod calendar;
pub mod charts;
pub mod clv;
pub mod customer_base;
pub mod customers;
pub mod demo;
pub mod export;
pub mod feedback;
pub mod i18n;
pub mod ingest;
pub mod pause;
pub mod persona;
pub mod project;
pub mod quality;
pub mod relate;
pub mod schema;
pub mod segment;
pub mod stats;
pub mod store;
pub mod table;
