//! What every end-to-end test needs: the built app served on 127.0.0.1, a
//! chromedriver of its own, and a fresh Chromium profile. All are stopped
//! when the [`Session`] is dropped.

mod browser;
mod dist;
mod segmenting;
mod server;

pub use browser::Session;
pub use dist::dist_dir;
pub use segmenting::{find_mall_segments, open_mall_segments, SEGMENT_SIZES};
pub use server::StaticServer;

use std::path::PathBuf;

/// The preview cell in the first row, second column of the file (the
/// row-number header cell is the first child).
pub const PREVIEW_ROW1_COLUMN2: &str = "section.preview tbody tr:nth-child(1) td:nth-child(3)";

/// A fixture file's absolute path (file inputs want absolute paths).
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The real file `name` of ../shared/data/real, absolute; None (saying
/// why the test skips) without ../shared.
pub fn real_file(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/real")
        .join(name);
    let found = path.canonicalize().ok();
    if found.is_none() {
        eprintln!("skipping: ../shared not found");
    }
    found
}

/// Where end-to-end artifacts (screenshots) go: target/e2e-artifacts.
pub fn artifacts_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-artifacts");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// A file a test writes for the page to open, in a directory of its own
/// that is removed when dropped.
pub struct TempFile {
    dir: PathBuf,
    pub path: PathBuf,
}

impl TempFile {
    pub fn new(name: &str, contents: impl AsRef<[u8]>) -> TempFile {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("nimrokh-e2e-file-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("write the test file");
        TempFile { dir, path }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
