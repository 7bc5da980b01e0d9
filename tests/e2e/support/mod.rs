//! What every end-to-end test needs: the built app served on 127.0.0.1, a
//! chromedriver of its own, and a fresh Chromium profile. All are stopped
//! when the [`Session`] is dropped.

mod browser;
mod dist;
mod server;

pub use browser::Session;
pub use server::StaticServer;

use std::path::PathBuf;

/// A fixture file's absolute path (file inputs want absolute paths).
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Where end-to-end artifacts (screenshots) go: target/e2e-artifacts.
pub fn artifacts_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-artifacts");
    let _ = std::fs::create_dir_all(&dir);
    dir
}
