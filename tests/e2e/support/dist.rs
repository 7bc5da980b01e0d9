//! The built app the tests open: `$NIMROKH_DIST`, or `dist/`, built with
//! Trunk first if it is missing (.ci/test always builds it fresh).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

pub fn dist_dir() -> PathBuf {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| {
        let dir = std::env::var_os("NIMROKH_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
        if !dir.join("index.html").exists() {
            eprintln!(
                "e2e: {} has no build; running `trunk build --release`",
                dir.display()
            );
            let status = Command::new("trunk")
                .args(["build", "--release", "--dist"])
                .arg(&dir)
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("trunk must be installed (.ci/setup installs it)");
            assert!(status.success(), "trunk build failed");
        }
        dir
    })
    .clone()
}
