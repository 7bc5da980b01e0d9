//! Charts as functions of a plotters `DrawingArea` of any backend: the app
//! draws them on a `<canvas>`, the tests through the SVG backend.

mod histogram;
mod palette;

pub use histogram::{draw_histogram, HistogramText};
pub use palette::Palette;
