//! The chart colours, shared with style/main.css (keep them in step).

use plotters::style::RGBColor;

#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub grid: RGBColor,
    pub bar: RGBColor,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        ink: RGBColor(31, 41, 55),
        grid: RGBColor(229, 231, 235),
        bar: RGBColor(13, 110, 110),
    };
}
