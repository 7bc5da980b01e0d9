//! Reading a user's `File` into bytes.

use wasm_bindgen_futures::JsFuture;
use web_sys::File;

/// The whole file's bytes. (The ingest issue replaces this with chunked
/// `Blob.slice` reads inside the worker.)
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, ()> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| ())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
