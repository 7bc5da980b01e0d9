//! The segment map: customers as dots on the first two principal
//! components, coloured by segment, with a legend naming the segments.
//! The caller passes the sampled points (`segment::sample_for_map`,
//! projected by `segment::Pca`) and the words, already translated; the
//! axis titles say how much of the variance each axis shows.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Palette;

/// The words around the map and how to write its numbers.
pub struct SegmentMapText<'a> {
    /// E.g. "PC1 (42% of variance)".
    pub x_label: &'a str,
    pub y_label: &'a str,
    /// Name of each segment, by segment number; a segment without a name
    /// is labelled with its number + 1.
    pub segment_names: &'a [String],
    pub format_value: &'a dyn Fn(f64) -> String,
}

/// Draw `points` (PC1, PC2) filling `area`, point i in the colour of
/// segment `segments[i]`. Segments are drawn in number order (k-means
/// numbers them by size, so small segments lie on top) and listed in
/// the legend in that order. `scale` is the device pixel ratio. No
/// points draws only the background.
pub fn draw_segment_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[[f64; 2]],
    segments: &[usize],
    text: &SegmentMapText<'_>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let finite: Vec<(usize, [f64; 2])> = segments
        .iter()
        .zip(points)
        .filter(|(_, p)| p.iter().all(|v| v.is_finite()))
        .map(|(&s, &p)| (s, p))
        .collect();
    if finite.is_empty() {
        return Ok(());
    }
    let px = |css: f64| (css * scale).round().max(1.0) as u32;
    let x_range = padded_range(finite.iter().map(|(_, p)| p[0]));
    let y_range = padded_range(finite.iter().map(|(_, p)| p[1]));

    let font = ("sans-serif", px(12.0)).into_font().color(&palette.ink);
    // The legend beside the plot, not on it: a corner box hides the dots
    // of whichever segment lies there.
    let (width, _) = area.dim_in_pixel();
    let legend_width = px(170.0).min(width / 3);
    let (plot, legend) = area.split_horizontally(width.saturating_sub(legend_width));
    let mut chart = ChartBuilder::on(&plot)
        .margin(px(12.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d(x_range, y_range)?;
    chart
        .configure_mesh()
        .light_line_style(palette.grid)
        .bold_line_style(palette.grid)
        .axis_style(palette.ink)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| (text.format_value)(*v))
        .y_label_formatter(&|v| (text.format_value)(*v))
        .x_desc(text.x_label)
        .y_desc(text.y_label)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()?;

    let mut present: Vec<usize> = finite.iter().map(|(s, _)| *s).collect();
    present.sort_unstable();
    present.dedup();
    let radius = px(2.5);
    let legend_radius = px(4.0) as i32;
    let line = px(18.0) as i32;
    for (row, &segment) in present.iter().enumerate() {
        let colour = palette.segment(segment);
        let style = colour.mix(0.75).filled();
        chart.draw_series(
            finite
                .iter()
                .filter(|(s, _)| *s == segment)
                .map(|(_, p)| Circle::new((p[0], p[1]), radius, style)),
        )?;
        let name = text
            .segment_names
            .get(segment)
            .cloned()
            .unwrap_or_else(|| (segment + 1).to_string());
        let y = px(16.0) as i32 + line * row as i32;
        let x = px(10.0) as i32;
        legend.draw(&Circle::new((x, y), legend_radius, colour.filled()))?;
        legend.draw(&Text::new(
            name,
            (x + px(10.0) as i32, y),
            font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    area.present()
}

/// min..max of the values with 5% either side; a single value (one
/// component only: every PC2 is 0) gets ±1 so the axis is not empty.
fn padded_range(values: impl Iterator<Item = f64>) -> std::ops::Range<f64> {
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    // No values leave low = ∞ above high = −∞; one value, low = high.
    if high.partial_cmp(&low) != Some(std::cmp::Ordering::Greater) {
        let centre = if low.is_finite() { low } else { 0.0 };
        return centre - 1.0..centre + 1.0;
    }
    let pad = (high - low) * 0.05;
    low - pad..high + pad
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(points: &[[f64; 2]], segments: &[usize], names: &[String]) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 480)).into_drawing_area();
            let text = SegmentMapText {
                x_label: "PC1 (44% of variance)",
                y_label: "PC2 (33% of variance)",
                segment_names: names,
                format_value: &|v| format!("{v:.1}"),
            };
            draw_segment_map(&area, points, segments, &text, &Palette::LIGHT, 1.0).expect("draws");
        }
        svg
    }

    /// Circles filled with a segment's colour (the points and its legend
    /// mark).
    fn circles_of(svg: &str, segment: usize) -> usize {
        let RGBColor(r, g, b) = Palette::LIGHT.segment(segment);
        let fill = format!("fill=\"#{r:02X}{g:02X}{b:02X}\"");
        svg.lines()
            .filter(|line| line.starts_with("<circle") && line.contains(&fill))
            .count()
    }

    #[test]
    fn dots_per_segment_axis_titles_and_legend() {
        let points: Vec<[f64; 2]> = (0..30)
            .map(|i| [f64::from(i), f64::from(i % 7) - 3.0])
            .collect();
        let segments: Vec<usize> = (0..30).map(|i| usize::from(i >= 20)).collect();
        let names = vec!["Young savers".to_string(), "نیم‌رخ".to_string()];
        let svg = render(&points, &segments, &names);
        // 20 + 10 dots, plus one legend mark each.
        assert_eq!(circles_of(&svg, 0), 21, "{svg}");
        assert_eq!(circles_of(&svg, 1), 11, "{svg}");
        assert!(svg.contains(">\nPC1 (44% of variance)\n</text>"), "{svg}");
        assert!(svg.contains(">\nPC2 (33% of variance)\n</text>"), "{svg}");
        assert!(svg.contains(">\nYoung savers\n</text>"), "{svg}");
        assert!(svg.contains(">\nنیم‌رخ\n</text>"), "{svg}");
    }

    #[test]
    fn one_component_and_unnamed_segments() {
        // Every PC2 is 0 (a single feature): the map still draws.
        let points = [[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]];
        let svg = render(&points, &[0, 0, 2], &[]);
        assert_eq!(circles_of(&svg, 0), 3);
        assert_eq!(circles_of(&svg, 2), 2);
        assert!(svg.contains(">\n3\n</text>"), "{svg}");
    }

    #[test]
    fn nothing_to_draw() {
        let svg = render(&[], &[], &[]);
        assert!(!svg.contains("<circle"));
        let svg = render(&[[f64::NAN, 1.0]], &[0], &[]);
        assert!(!svg.contains("<circle"));
    }
}
