//! The engine's home in the browser: a Web Worker (wasm32 only).
//!
//! [`Host`] runs [`crate::engine`] calls: answers requests, and loads files
//! in chunks with progress and cancel. `entry` puts a host inside a
//! dedicated worker; the page talks to it through `app::engine_client`,
//! which can also run a host on the page itself when no worker can start
//! (component tests, or a browser that refuses module workers). The worker
//! starts `helpers`, workers that infer the columns of a large load on
//! other cores; `helper_entry` is what runs inside them.

mod entry;
mod helper_entry;
mod helpers;
mod host;
mod yield_now;

pub use entry::start_in_worker;
pub use helper_entry::start_helper;
pub use host::Host;
