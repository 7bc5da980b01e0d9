//! A histogram: bars over nice bin edges, counts on the y axis.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::Palette;
use crate::core::stats::Histogram;

/// The words around a histogram, already translated, and how to write the
/// numbers on its axes (the UI language's digits).
pub struct HistogramText<'a> {
    pub x_label: &'a str,
    pub y_label: &'a str,
    pub format_value: &'a dyn Fn(f64) -> String,
    pub format_count: &'a dyn Fn(u64) -> String,
}

/// Draw `histogram` filling `area`. `scale` is the device pixel ratio: sizes
/// are given in CSS pixels and multiplied, so the chart is sharp on HiDPI
/// screens. An empty histogram draws only the background.
pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    histogram: &Histogram,
    text: &HistogramText<'_>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let (Some(&low), Some(&high)) = (histogram.edges.first(), histogram.edges.last()) else {
        return Ok(());
    };
    // NaN edges compare false and land here too.
    if histogram.counts.is_empty() || high.partial_cmp(&low) != Some(std::cmp::Ordering::Greater) {
        return Ok(());
    }
    let px = |css: f64| (css * scale).round().max(1.0) as u32;
    let tallest = histogram.counts.iter().copied().max().unwrap_or(0);
    let y_top = tallest + (tallest / 10).max(1);

    let font = ("sans-serif", px(12.0)).into_font().color(&palette.ink);
    let mut chart = ChartBuilder::on(area)
        .margin(px(12.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d(low..high, 0u64..y_top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(palette.grid)
        .bold_line_style(palette.grid)
        .axis_style(palette.ink)
        .x_labels(6)
        .y_labels(5)
        .x_label_formatter(&|v| (text.format_value)(*v))
        .y_label_formatter(&|v| (text.format_count)(*v))
        .x_desc(text.x_label)
        .y_desc(text.y_label)
        .label_style(font.clone())
        .axis_desc_style(font)
        .draw()?;

    let bar_style = palette.bar.filled();
    chart.draw_series(
        histogram
            .edges
            .iter()
            .zip(histogram.edges.iter().skip(1))
            .zip(&histogram.counts)
            .map(|((&low, &high), &count)| Rectangle::new([(low, 0), (high, count)], bar_style)),
    )?;
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> HistogramText<'static> {
        HistogramText {
            x_label: "Age",
            y_label: "Count",
            format_value: &|v| format!("{v}"),
            format_count: &|c| format!("{c}"),
        }
    }

    fn render(histogram: &Histogram) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 320)).into_drawing_area();
            draw_histogram(&area, histogram, &text(), &Palette::LIGHT, 1.0).expect("draws");
        }
        svg
    }

    fn bars(svg: &str) -> usize {
        // Bars are the only rectangles filled with the bar colour.
        svg.matches("fill=\"#0D6E6E\"").count()
    }

    #[test]
    fn draws_one_bar_per_bin_with_labels() {
        let histogram = Histogram {
            edges: vec![0.0, 10.0, 20.0, 30.0],
            counts: vec![3, 7, 1],
            missing: 0,
            invalid: 0,
        };
        let svg = render(&histogram);
        assert_eq!(bars(&svg), 3, "{svg}");
        // plotters' SVG backend writes each text on its own line.
        assert!(svg.contains(">\nAge\n</text>"), "{svg}");
        assert!(svg.contains(">\nCount\n</text>"), "{svg}");
    }

    #[test]
    fn empty_histogram_draws_no_bars() {
        let histogram = Histogram {
            edges: vec![],
            counts: vec![],
            missing: 4,
            invalid: 0,
        };
        assert_eq!(bars(&render(&histogram)), 0);
    }
}
