//! Nimrokh: a customer profiling studio that runs entirely in the browser.
//!
//! Layers (see ARCHITECTURE.md):
//! - [`core`]: pure Rust — ingest, schema, statistics, charts, project state,
//!   translations. No DOM types; tested natively.
//! - [`engine`]: the request/response boundary in front of core. It owns the
//!   loaded tables; callers only ever get summaries and pages of rows.
//! - `worker`: the engine's home in the browser, a Web Worker (wasm32 only).
//! - `app`: the thin Leptos layer (wasm32 only).

pub mod core;
pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod worker;
