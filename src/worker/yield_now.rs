//! Giving the event loop a turn, so messages (a cancel) get handled
//! between steps of a long load.
//!
//! The turn is a message to itself through a fresh `MessageChannel`, not a
//! `setTimeout(0)`: browsers hold a timeout nested in timeouts back to
//! 4 ms, and a job yields every 40 ms of work, so timers could leave the
//! worker idle up to a tenth of the time. The channel's message is queued behind
//! the messages already waiting (the page's calls, a cancel), so those are
//! still handled first.

use wasm_bindgen::JsValue;
use web_sys::MessageChannel;

/// Resolve on a fresh task: after pending messages are dispatched.
pub(crate) async fn yield_now() {
    let Ok(channel) = MessageChannel::new() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&JsValue::UNDEFINED);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    channel.port1().close();
}
