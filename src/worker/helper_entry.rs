//! Inside a helper worker: infer the columns the engine lends.
//!
//! `src/web/infer-helper.js` loads this wasm with the module the engine's
//! worker sent, queues the messages that arrive meanwhile, and calls
//! [`start_helper`] with them. Each message is a column `{ task, name,
//! text: Uint8Array, ends: Uint32Array }`; each answer is `{ task, memory,
//! summary?, values?, missing? }` (see `worker::helpers`), with no
//! `summary` when the column could not be inferred.

use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::helpers::BLOCK;
use super::host::wasm_memory_bytes;
use crate::engine::{infer_lent_column, InferenceParts};

/// Answer the columns queued during start-up and every one after, then
/// say the helper is ready.
pub fn start_helper(queued: Array) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_scope = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        answer(&answer_scope, &event.data());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the helper.
    on_message.forget();
    for event in queued.iter() {
        if let Some(event) = event.dyn_ref::<MessageEvent>() {
            answer(&scope, &event.data());
        }
    }
    let ready = Object::new();
    if Reflect::set(&ready, &"ready".into(), &JsValue::TRUE).is_ok() {
        let _ = scope.post_message(&ready);
    }
}

/// Infer the column in `data` and post the answer. A message without a
/// task number is not the engine's and is ignored.
fn answer(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let get = |key: &str| Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let task = get("task");
    if task.as_f64().is_none() {
        return;
    }
    let parts = infer(&get);
    let reply = Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&reply, &key.into(), value);
    };
    set("task", &task);
    set("memory", &JsValue::from_f64(wasm_memory_bytes() as f64));
    let mut transfer = Array::new();
    if let Some(InferenceParts { summary, distinct }) = parts {
        set("summary", &summary.into());
        if let Some(distinct) = distinct {
            let values = words_of(&distinct.values);
            set("values", &values);
            set("missing", &JsValue::from_f64(distinct.missing as f64));
            transfer = Array::of1(&values.buffer());
        }
    }
    let _ = scope.post_message_with_transfer(&reply, &transfer);
}

/// The inference of the column in a message, if it holds one.
fn infer(get: &impl Fn(&str) -> JsValue) -> Option<InferenceParts> {
    let name = get("name").as_string()?;
    let text = get("text").dyn_into::<Uint8Array>().ok()?.to_vec();
    let text = String::from_utf8(text).ok()?;
    let ends = ends_from(&get("ends").dyn_into::<Uint32Array>().ok()?);
    infer_lent_column(name, text, ends)
}

/// Distinct values as `[first row, cells, first row, cells, …]`, copied
/// in a block at a time.
fn words_of(values: &[(u32, u32)]) -> Uint32Array {
    let words = Uint32Array::new_with_length((values.len() * 2) as u32);
    let mut block: Vec<u32> = Vec::with_capacity(BLOCK.min(values.len() * 2));
    for (number, piece) in values.chunks(BLOCK / 2).enumerate() {
        block.clear();
        block.extend(
            piece
                .iter()
                .flat_map(|&(first_row, cells)| [first_row, cells]),
        );
        let start = (number * BLOCK) as u32;
        words
            .subarray(start, start + block.len() as u32)
            .copy_from(&block);
    }
    words
}

/// Cell ends copied out a block at a time: a column's ends as a `Vec<u32>`
/// and then a `Vec<usize>` would hold two copies at once.
fn ends_from(array: &Uint32Array) -> Vec<usize> {
    let len = array.length();
    let mut ends = Vec::with_capacity(len as usize);
    let mut block = vec![0u32; BLOCK.min(len as usize)];
    let mut start = 0;
    while start < len {
        let end = len.min(start + BLOCK as u32);
        let piece = block.get_mut(..(end - start) as usize).unwrap_or_default();
        array.subarray(start, end).copy_to(piece);
        // A wasm32 u32 is a usize.
        ends.extend(piece.iter().map(|&end| end as usize));
        start = end;
    }
    ends
}
