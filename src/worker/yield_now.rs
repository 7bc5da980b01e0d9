//! Giving the event loop a turn, so messages (a cancel) get handled
//! between steps of a long load.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `setTimeout` on whatever global this runs in (window or worker).
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, millis: i32) -> JsValue;
}

/// Resolve on a fresh macrotask: after pending messages are dispatched.
pub(crate) async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = set_timeout(resolve.unchecked_ref(), 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
