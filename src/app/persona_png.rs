//! A persona card as a PNG: drawn on a canvas (the picture from its
//! `data:` URL through an `<img>`, the name, the description wrapped to
//! the card's width, the figures), then `toBlob` and a download. Right to
//! left languages are drawn from the right edge.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

use super::chart_canvas::new_canvas;
use super::download::download_canvas_png;

/// What the PNG shows, already worded.
#[derive(Debug, Clone, PartialEq)]
pub struct PngCard {
    pub name: String,
    /// A `data:image/…` URL.
    pub picture: String,
    pub description: String,
    /// "Label: value" lines.
    pub lines: Vec<String>,
    pub rtl: bool,
}

const WIDTH: f64 = 720.0;
const MARGIN: f64 = 32.0;
const AVATAR: f64 = 120.0;
const LINE: f64 = 24.0;
const FONT: &str = "16px system-ui, sans-serif";
const TITLE_FONT: &str = "bold 26px system-ui, sans-serif";

/// Draw `card` and offer it as `file_name`; `done(false)` if the browser
/// refused.
pub fn save_card_png(file_name: String, card: PngCard, done: impl FnOnce(bool) + 'static) {
    let Ok(image) = HtmlImageElement::new() else {
        done(false);
        return;
    };
    let picture = card.picture.clone();
    // Drawn once: with the picture when it loads, without it if it fails.
    let job = Rc::new(RefCell::new(Some((card, file_name, done))));
    let finish = move |image: Option<&HtmlImageElement>| {
        if let Some((card, file_name, done)) = job.borrow_mut().take() {
            match draw(&card, image) {
                Some(canvas) => download_canvas_png(&canvas, file_name, done),
                None => done(false),
            }
        }
    };
    let loaded = {
        let image = image.clone();
        let finish = finish.clone();
        Closure::once_into_js(move || finish(Some(&image)))
    };
    let failed = Closure::once_into_js(move || finish(None));
    image.set_onload(Some(loaded.unchecked_ref()));
    image.set_onerror(Some(failed.unchecked_ref()));
    image.set_src(&picture);
}

/// The card on a canvas as tall as its text needs.
fn draw(card: &PngCard, image: Option<&HtmlImageElement>) -> Option<HtmlCanvasElement> {
    let canvas = new_canvas(WIDTH as u32, 10)?;
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let text_width = WIDTH - 2.0 * MARGIN;
    context.set_font(FONT);
    let description = wrap(&context, &card.description, text_width);
    let lines: Vec<String> = card
        .lines
        .iter()
        .flat_map(|l| wrap(&context, l, text_width))
        .collect();
    let height = MARGIN * 3.0 + AVATAR + LINE * (description.len() + lines.len()) as f64 + LINE;
    canvas.set_height(height.ceil() as u32);
    // Resizing resets the context's state.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, WIDTH, height);
    let (start, align) = if card.rtl {
        (WIDTH - MARGIN, "right")
    } else {
        (MARGIN, "left")
    };
    if let Some(image) = image {
        let x = if card.rtl {
            WIDTH - MARGIN - AVATAR
        } else {
            MARGIN
        };
        let _ = context
            .draw_image_with_html_image_element_and_dw_and_dh(image, x, MARGIN, AVATAR, AVATAR);
    }
    context.set_text_align(align);
    context.set_text_baseline("middle");
    context.set_fill_style_str("#111827");
    context.set_font(TITLE_FONT);
    let name_x = if card.rtl {
        start - AVATAR - 20.0
    } else {
        start + AVATAR + 20.0
    };
    let _ = context.fill_text(&card.name, name_x, MARGIN + AVATAR / 2.0);
    context.set_font(FONT);
    let mut y = MARGIN * 2.0 + AVATAR;
    for line in &description {
        let _ = context.fill_text(line, start, y);
        y += LINE;
    }
    y += LINE / 2.0;
    context.set_fill_style_str("#374151");
    for line in &lines {
        let _ = context.fill_text(line, start, y);
        y += LINE;
    }
    Some(canvas)
}

/// `text` in lines no wider than `width` (words kept whole).
fn wrap(context: &CanvasRenderingContext2d, text: &str, width: f64) -> Vec<String> {
    let fits = |s: &str| context.measure_text(s).map_or(true, |m| m.width() <= width);
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}
