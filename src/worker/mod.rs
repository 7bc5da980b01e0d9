//! The engine's home in the browser: a Web Worker (wasm32 only).
//!
//! [`Host`] runs [`crate::engine`] calls: answers requests, and loads files
//! in chunks with progress and cancel. `entry` puts a host inside a
//! dedicated worker; the page talks to it through `app::engine_client`,
//! which can also run a host on the page itself when no worker can start
//! (component tests, or a browser that refuses module workers).

mod entry;
mod host;
mod yield_now;

pub use entry::start_in_worker;
pub use host::Host;
