//! Where the tests find `../shared/data` (real third-party files and the
//! i18n samples). Tests that need it print why they skip and pass when it
//! is absent, so the project's own tests run without it.

use std::path::{Path, PathBuf};

/// `../shared/data/<sub>` when it exists; otherwise says so and gives None.
pub fn shared_data(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data")).join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared not found");
        None
    }
}

/// `../shared/data/real`, the real customer files.
#[allow(dead_code)] // not every test file that includes this module uses both
pub fn real_dir() -> Option<PathBuf> {
    shared_data("real")
}
