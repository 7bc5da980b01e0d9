//! The chart colours, shared with style/main.css (keep them in step).

use plotters::style::RGBColor;

#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub grid: RGBColor,
    pub bar: RGBColor,
}

/// Segment colours, in segment order: Tableau 10, chosen to stay apart
/// for the common colour-vision deficiencies and on white. Choosing k
/// goes up to 10 by default; beyond, colours repeat (the legend still
/// names each segment).
const SEGMENT_COLOURS: [RGBColor; 10] = [
    RGBColor(78, 121, 167),
    RGBColor(242, 142, 43),
    RGBColor(225, 87, 89),
    RGBColor(118, 183, 178),
    RGBColor(89, 161, 79),
    RGBColor(237, 201, 72),
    RGBColor(176, 122, 161),
    RGBColor(255, 157, 167),
    RGBColor(156, 117, 95),
    RGBColor(186, 176, 172),
];

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        ink: RGBColor(31, 41, 55),
        grid: RGBColor(229, 231, 235),
        bar: RGBColor(13, 110, 110),
    };

    /// The colour of segment `index` (0-based), also used for a chart's
    /// second series.
    pub fn segment(&self, index: usize) -> RGBColor {
        SEGMENT_COLOURS
            .get(index % SEGMENT_COLOURS.len())
            .copied()
            .unwrap_or(self.bar)
    }
}
