//! The RFM grid: recency score across (1 to 5, left to right), the
//! frequency-monetary score up (1 at the bottom), each cell coloured by
//! its segment and labelled with its customers, a legend of the segments.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Palette;
use crate::core::segment::{GridCell, RfmSegment, MAX_SCORE, MIN_SCORE};

/// Cells no rule names.
const UNASSIGNED: RGBColor = RGBColor(209, 213, 219);

/// One colour per segment, warm for the valuable and recent, cool and grey
/// for the lapsing (the usual reading of an RFM grid).
pub fn segment_colour(segment: RfmSegment) -> RGBColor {
    match segment {
        RfmSegment::Champions => RGBColor(13, 110, 110),
        RfmSegment::Loyal => RGBColor(42, 157, 143),
        RfmSegment::PotentialLoyalists => RGBColor(138, 201, 38),
        RfmSegment::New => RGBColor(255, 202, 58),
        RfmSegment::Promising => RGBColor(244, 162, 97),
        RfmSegment::NeedAttention => RGBColor(231, 111, 81),
        RfmSegment::AboutToSleep => RGBColor(181, 131, 141),
        RfmSegment::AtRisk => RGBColor(190, 18, 60),
        RfmSegment::CantLoseThem => RGBColor(124, 58, 237),
        RfmSegment::Hibernating => RGBColor(100, 116, 139),
        RfmSegment::Lost => RGBColor(55, 65, 81),
    }
}

/// The chart's words, in the UI language.
pub struct RfmGridText<'a> {
    pub recency_label: &'a str,
    pub fm_label: &'a str,
    pub unassigned_label: &'a str,
    pub segment_name: &'a dyn Fn(RfmSegment) -> String,
    pub format_count: &'a dyn Fn(u64) -> String,
}

/// Draw `cells` (the 25 of an `RfmReport`) and a legend of `legend`'s
/// segments filling `area`. `scale` is the device pixel ratio.
pub fn draw_rfm_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cells: &[GridCell],
    legend: &[RfmSegment],
    text: &RfmGridText<'_>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let px = |css: f64| (css * scale).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let levels = i32::from(MAX_SCORE - MIN_SCORE + 1);
    let axis = px(40.0);
    let legend_width = px(170.0).min(width / 3);
    let cell = ((width - axis - legend_width - px(12.0)).min(height - axis - px(22.0)) / levels)
        .max(px(4.0));
    // Room above the grid for the FM axis name.
    let top = px(22.0);
    let font = |size: f64, colour: &RGBColor, h: HPos, v: VPos| {
        ("sans-serif", px(size).max(1) as u32)
            .into_font()
            .color(colour)
            .pos(Pos::new(h, v))
    };
    // Cell (r, fm): column r − 1 from the left, row 5 − fm from the top.
    let origin = |recency: u8, fm: u8| {
        (
            axis + i32::from(recency - MIN_SCORE) * cell,
            top + i32::from(MAX_SCORE - fm) * cell,
        )
    };
    for c in cells {
        if !(MIN_SCORE..=MAX_SCORE).contains(&c.recency) || !(MIN_SCORE..=MAX_SCORE).contains(&c.fm)
        {
            continue;
        }
        let (x0, y0) = origin(c.recency, c.fm);
        let fill = c.segment.map_or(UNASSIGNED, segment_colour);
        area.draw(&Rectangle::new(
            [(x0, y0), (x0 + cell - 2, y0 + cell - 2)],
            fill.filled(),
        ))?;
        let ink = if c.segment.is_some() {
            palette.background
        } else {
            palette.ink
        };
        area.draw(&Text::new(
            (text.format_count)(c.customers as u64),
            (x0 + cell / 2, y0 + cell / 2),
            font(13.0, &ink, HPos::Center, VPos::Center),
        ))?;
    }
    // Score numbers along both axes, then the axis names.
    for score in MIN_SCORE..=MAX_SCORE {
        let (x0, y0) = origin(score, score);
        let number = (text.format_count)(u64::from(score));
        area.draw(&Text::new(
            number.clone(),
            (x0 + cell / 2, top + levels * cell + px(4.0)),
            font(12.0, &palette.ink, HPos::Center, VPos::Top),
        ))?;
        area.draw(&Text::new(
            number,
            (axis - px(6.0), y0 + cell / 2),
            font(12.0, &palette.ink, HPos::Right, VPos::Center),
        ))?;
    }
    area.draw(&Text::new(
        text.recency_label.to_string(),
        (axis + levels * cell / 2, top + levels * cell + px(22.0)),
        font(12.0, &palette.ink, HPos::Center, VPos::Top),
    ))?;
    area.draw(&Text::new(
        text.fm_label.to_string(),
        (px(2.0), px(4.0)),
        font(12.0, &palette.ink, HPos::Left, VPos::Top),
    ))?;
    let unassigned = cells.iter().any(|c| c.segment.is_none());
    draw_legend(
        area,
        legend,
        unassigned,
        text,
        (axis + levels * cell + px(12.0), top),
        scale,
    )?;
    Ok(())
}

/// A swatch and a name per segment, one per line; then the unassigned
/// swatch when `unassigned` (some cell has no segment).
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    legend: &[RfmSegment],
    unassigned: bool,
    text: &RfmGridText<'_>,
    (x, y): (i32, i32),
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |css: f64| (css * scale).round() as i32;
    let line = px(18.0);
    let entries = legend
        .iter()
        .map(|s| (segment_colour(*s), (text.segment_name)(*s)))
        .chain(unassigned.then(|| (UNASSIGNED, text.unassigned_label.to_string())));
    for (i, (colour, name)) in entries.enumerate() {
        let y0 = y + i as i32 * line;
        area.draw(&Rectangle::new(
            [(x, y0 + px(3.0)), (x + px(12.0), y0 + px(15.0))],
            colour.filled(),
        ))?;
        let style = ("sans-serif", px(12.0).max(1) as u32)
            .into_font()
            .color(&Palette::LIGHT.ink)
            .pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(name, (x + px(18.0), y0 + px(9.0)), style))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::{rfm_segments, RfmRules};

    #[test]
    fn draws_25_cells_with_counts_and_a_legend_in_svg() {
        let rules = RfmRules::standard();
        let (report, _) = rfm_segments(&[], &rules);
        let mut cells = report.grid.clone();
        cells[24].customers = 12_345; // R 5, FM 5: Champions
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            let text = RfmGridText {
                recency_label: "Recency score",
                fm_label: "Frequency + money score",
                unassigned_label: "No segment",
                segment_name: &|s| format!("seg:{}", s.key()),
                format_count: &|n| format!("n={n}"),
            };
            draw_rfm_grid(
                &area,
                &cells,
                &rules.segments(),
                &text,
                &Palette::LIGHT,
                1.0,
            )
            .expect("draws");
        }
        // Background, 25 cells, 11 legend swatches (every cell named).
        assert_eq!(svg.matches("<rect").count(), 1 + 25 + 11, "{svg}");
        assert!(!svg.contains("No segment"));
        assert!(svg.contains("n=12345"));
        // 24 empty cells say 0 (the axis numbers are 1–5).
        let zeros = svg.split(['>', '<']).filter(|t| t.trim() == "n=0").count();
        assert_eq!(zeros, 24, "{svg}");
        assert!(svg.contains("seg:cant_lose_them"));
        assert!(svg.contains("Recency score"));
        // Champions' colour fills the top-right cell.
        assert!(svg.contains("#0D6E6E"), "{svg}");
    }

    #[test]
    fn uncovered_cells_are_grey_and_in_the_legend() {
        let mut rules = RfmRules::standard();
        rules.rules.retain(|r| r.segment != RfmSegment::Lost);
        let (report, _) = rfm_segments(&[], &rules);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            let text = RfmGridText {
                recency_label: "R",
                fm_label: "FM",
                unassigned_label: "No segment",
                segment_name: &|s| format!("seg:{}", s.key()),
                format_count: &|n| n.to_string(),
            };
            draw_rfm_grid(
                &area,
                &report.grid,
                &rules.segments(),
                &text,
                &Palette::LIGHT,
                1.0,
            )
            .expect("draws");
        }
        assert_eq!(svg.matches("<rect").count(), 1 + 25 + 10 + 1, "{svg}");
        assert!(svg.contains("No segment"));
        assert!(!svg.contains("seg:lost"));
        // Two grey cells and the grey swatch.
        assert_eq!(svg.matches("#D1D5DB").count(), 3, "{svg}");
    }
}
