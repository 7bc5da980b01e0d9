//! In the browser: mount the app on the page, or — when this same wasm is
//! loaded inside the engine's Web Worker or one of its helpers — wait for
//! `start_engine_worker` or `start_infer_helper`.
//! Natively: the command-line tool (`nimrokh inspect FILE`), which drives
//! the same engine.

#[cfg(target_arch = "wasm32")]
fn main() {
    // wasm-bindgen runs `main` when the module is initialised, in the page
    // and in the worker alike; only the page has a window to mount on.
    if web_sys::window().is_some() {
        nimrokh::app::mount();
    }
}

/// Called by `src/web/engine-worker.js` once the wasm is loaded in the
/// worker, with the messages that arrived meanwhile.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_engine_worker(queued: js_sys::Array) {
    console_error_panic_hook::set_once();
    nimrokh::worker::start_in_worker(queued);
}

/// Called by `src/web/infer-helper.js` once the wasm is loaded in a helper
/// of the engine's worker, with the messages that arrived meanwhile.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_infer_helper(queued: js_sys::Array) {
    console_error_panic_hook::set_once();
    nimrokh::worker::start_helper(queued);
}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args().skip(1).collect())
}
