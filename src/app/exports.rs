//! Handing over what the studio made: the cleaned table and each
//! customer's segment as CSV (formula-safe, `core::export`), charts as PNG.
//! Used by the panels that make them and by the Exports section, which
//! gathers them in one place.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::download::{download_canvas_png, download_text};
use super::studio::Studio;
use crate::engine::{Request, Response, SegmentSource};

impl Studio {
    /// The open file's name without its extension ("customers").
    pub fn file_stem(&self) -> String {
        let name = self
            .project
            .with_untracked(|p| p.file.as_ref().map(|f| f.name.clone()))
            .unwrap_or_default();
        name.rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem)
            .to_string()
    }

    /// The table with the accepted fixes, as CSV; false if nothing was
    /// offered.
    pub async fn download_cleaned(self) -> bool {
        match self.export_csv().await {
            Some(text) => download_text(
                &format!("{} (cleaned).csv", self.file_stem()),
                &text,
                "text/csv;charset=utf-8",
            ),
            None => false,
        }
    }

    /// Each customer's segment of the kept segmentation `of`, the segments
    /// named `names`, the segment column headed `header`.
    pub async fn download_segments(
        self,
        of: SegmentSource,
        names: Vec<String>,
        header: String,
    ) -> bool {
        let suffix = match of {
            SegmentSource::KMeans => "segments",
            SegmentSource::Rules => "rule-segments",
        };
        match self
            .ask(Request::ExportSegments { names, header, of })
            .await
        {
            Response::Csv { text } => download_text(
                &format!("{}-{suffix}.csv", self.file_stem()),
                &text,
                "text/csv;charset=utf-8",
            ),
            _ => false,
        }
    }
}

/// A chart's canvas as a PNG file named after `label`.
pub fn download_chart(canvas: &HtmlCanvasElement, label: &str) {
    let mut name: String = label
        .chars()
        .take(60)
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    name = name.trim_matches('-').to_string();
    if name.is_empty() {
        name = "chart".to_string();
    }
    download_canvas_png(canvas, format!("{name}.png"), |_| {});
}

/// The charts on the page now, with their descriptions.
pub fn charts_on_page() -> Vec<(HtmlCanvasElement, String)> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Ok(found) = document.query_selector_all("canvas[role='img']") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<HtmlCanvasElement>().ok())
        .filter(|c| c.width() > 0)
        .map(|c| {
            let label = c.get_attribute("aria-label").unwrap_or_default();
            (c, label)
        })
        .collect()
}
