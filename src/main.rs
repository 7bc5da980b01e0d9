//! In the browser: mount the app. Natively: the command-line tool
//! (`nimrokh inspect FILE`), which drives the same engine.

#[cfg(target_arch = "wasm32")]
fn main() {
    nimrokh::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args().skip(1).collect())
}
