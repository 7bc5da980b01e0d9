//! Pure Rust: no `leptos`, `web-sys`, `js-sys` or `gloo` (tests/core_purity.rs
//! enforces it). Everything here runs natively under `cargo test`.

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
pub mod persona;
pub mod project;
pub mod quality;
pub mod relate;
pub mod schema;
pub mod segment;
pub mod stats;
pub mod store;
pub mod table;
