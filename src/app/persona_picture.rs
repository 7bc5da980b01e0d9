//! A persona's picture from a local image: read through an object URL
//! into an `<img>`, drawn downscaled (at most 160 px a side) on a canvas
//! and kept as a JPEG data URL, so the project in localStorage stays
//! small. Nothing is uploaded.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, File, HtmlImageElement, Url};

use super::chart_canvas::new_canvas;

/// Longest side of a kept picture, in pixels.
pub const PICTURE_SIDE: u32 = 160;

/// The image is loaded, then `done` gets its downscaled data URL (None
/// when the browser cannot read it as an image).
pub fn downscale_picture(file: &File, done: impl FnOnce(Option<String>) + 'static) {
    let (Ok(url), Ok(image)) = (
        Url::create_object_url_with_blob(file),
        HtmlImageElement::new(),
    ) else {
        done(None);
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = std::rc::Rc::clone(&done);
        move |picture: Option<String>| {
            if let Some(done) = done.borrow_mut().take() {
                done(picture);
            }
        }
    };
    let loaded = {
        let image = image.clone();
        let url = url.clone();
        let finish = finish.clone();
        Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url);
            finish(draw_small(&image));
        })
    };
    let failed = {
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url);
            finish(None);
        })
    };
    image.set_onload(Some(loaded.unchecked_ref()));
    image.set_onerror(Some(failed.unchecked_ref()));
    image.set_src(&url);
}

/// The image on a canvas no larger than [`PICTURE_SIDE`], as JPEG.
fn draw_small(image: &HtmlImageElement) -> Option<String> {
    let (w, h) = (image.natural_width(), image.natural_height());
    if w == 0 || h == 0 {
        return None;
    }
    let scale = (f64::from(PICTURE_SIDE) / f64::from(w.max(h))).min(1.0);
    let (cw, ch) = (
        ((f64::from(w) * scale).round() as u32).max(1),
        ((f64::from(h) * scale).round() as u32).max(1),
    );
    let canvas = new_canvas(cw, ch)?;
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            image,
            0.0,
            0.0,
            f64::from(cw),
            f64::from(ch),
        )
        .ok()?;
    canvas
        .to_data_url_with_type_and_encoder_options(
            "image/jpeg",
            &wasm_bindgen::JsValue::from_f64(0.85),
        )
        .ok()
}
