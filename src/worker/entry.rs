//! A [`Host`] inside a dedicated Web Worker.
//!
//! `src/web/engine-worker.js` loads the app's wasm in the worker, queues
//! the messages that arrive meanwhile, and calls [`start_in_worker`] with
//! them. Messages are `{ call: "<json>", file?: File }`; replies are JSON
//! strings of [`Reply`].

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

use super::Host;
use crate::engine::{Call, Reply};

/// Take over the worker's messages, handle the ones queued during start-up,
/// and say so to the page.
pub fn start_in_worker(queued: js_sys::Array) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post_scope = scope.clone();
    let host = Host::new(move |reply: Reply| {
        if let Ok(json) = serde_json::to_string(&reply) {
            let _ = post_scope.post_message(&JsValue::from_str(&json));
        }
    });
    let handler_host = Rc::clone(&host);
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        dispatch(&handler_host, &event.data());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    host.start_helpers(&scope);
    for event in queued.iter() {
        if let Some(event) = event.dyn_ref::<MessageEvent>() {
            dispatch(&host, &event.data());
        }
    }
    if let Ok(json) = serde_json::to_string(&Reply::Ready) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}

/// One message from the page: a JSON call and maybe a file beside it.
/// Anything unreadable is ignored: only this app's page talks to the worker.
fn dispatch(host: &Rc<Host>, data: &JsValue) {
    let call = js_sys::Reflect::get(data, &JsValue::from_str("call"))
        .ok()
        .and_then(|json| json.as_string())
        .and_then(|json| serde_json::from_str::<Call>(&json).ok());
    let file = js_sys::Reflect::get(data, &JsValue::from_str("file"))
        .ok()
        .and_then(|file| file.dyn_into::<Blob>().ok());
    if let Some(call) = call {
        host.handle(call, file);
    }
}
