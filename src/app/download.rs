//! Handing the user a file: a Blob, an object URL and a click on a
//! temporary `<a download>`. Nothing leaves the browser.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

/// Offer `text` as a download named `file_name`. False if the browser
/// refused (the caller says so).
pub fn download_text(file_name: &str, text: &str, mime: &str) -> bool {
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    download_blob(file_name, &blob)
}

/// Offer a Blob (a PNG drawn on a canvas) as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &Blob) -> bool {
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let clicked = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
        .map(|anchor| {
            anchor.set_href(&url);
            anchor.set_download(file_name);
            anchor.click();
        })
        .is_some();
    let _ = Url::revoke_object_url(&url);
    clicked
}

/// Offer what a canvas shows as a PNG named `file_name`; `done` hears
/// whether it was offered. (On an encoding error the browser never calls
/// back: nothing was offered.)
pub fn download_canvas_png(
    canvas: &HtmlCanvasElement,
    file_name: String,
    done: impl FnOnce(bool) + 'static,
) {
    let saved = Closure::once_into_js(move |blob: Option<Blob>| {
        done(blob.is_some_and(|b| download_blob(&file_name, &b)));
    });
    let _ = canvas.to_blob(saved.unchecked_ref());
}
