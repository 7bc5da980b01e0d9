//! Charts as functions of a plotters `DrawingArea` of any backend: the app
//! draws them on a `<canvas>`, the tests through the SVG backend.

mod bars;
mod flow;
mod heatmap;
mod histogram;
mod k_chart;
mod palette;
mod rfm_grid;
mod segment_map;
mod timeline;

pub use bars::{draw_ranked_bars, BarsText};
pub use flow::{draw_flow, FlowText};
pub use heatmap::{draw_heatmap, heat_colour, HeatmapText};
pub use histogram::{draw_histogram, HistogramText};
pub use k_chart::{draw_k_chart, KChartText, KPoint};
pub use palette::Palette;
pub use rfm_grid::{draw_rfm_grid, segment_colour, RfmGridText};
pub use segment_map::{draw_segment_map, SegmentMapText};
pub use timeline::{draw_timeline, TimelineText};
