//! Counts over time: one bar per period (a month, a weekday), in order,
//! for purchase dates, sign-up dates and the like.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::Palette;

/// The words and number formats around a timeline.
pub struct TimelineText<'a> {
    pub y_label: &'a str,
    pub format_count: &'a dyn Fn(u64) -> String,
}

/// Draw one bar per (period label, count), in the order given. At most
/// about 12 period labels are written under the axis, evenly spaced.
/// `scale` is the device pixel ratio.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    periods: &[(String, u64)],
    text: &TimelineText<'_>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    if periods.is_empty() {
        return Ok(());
    }
    let px = |css: f64| (css * scale).round().max(1.0) as u32;
    let tallest = periods.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let y_top = tallest + (tallest / 10).max(1);
    let n = periods.len();
    let font = ("sans-serif", px(12.0)).into_font().color(&palette.ink);
    let mut chart = ChartBuilder::on(area)
        .margin(px(12.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d(0.0..n as f64, 0u64..y_top)?;
    let label_of = |x: &f64| {
        let index = x.floor() as usize;
        periods
            .get(index)
            .map(|(label, _)| label.clone())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(palette.grid)
        .bold_line_style(palette.grid)
        .axis_style(palette.ink)
        .x_labels(n.min(12))
        .y_labels(5)
        .x_label_formatter(&|x| label_of(&(x + 0.5)))
        .y_label_formatter(&|v| (text.format_count)(*v))
        .y_desc(text.y_label)
        .label_style(font.clone())
        .axis_desc_style(font)
        .draw()?;
    chart.draw_series(periods.iter().enumerate().map(|(i, (_, count))| {
        let x = i as f64;
        Rectangle::new([(x + 0.1, 0), (x + 0.9, *count)], palette.bar.filled())
    }))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_per_period() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            let periods: Vec<(String, u64)> =
                (1..=6).map(|m| (format!("2024-{m:02}"), m * 10)).collect();
            let text = TimelineText {
                y_label: "Count",
                format_count: &|n| n.to_string(),
            };
            draw_timeline(&area, &periods, &text, &Palette::LIGHT, 1.0).expect("draws");
        }
        let filled = svg.matches("fill=\"#0D6E6E\"").count();
        assert_eq!(filled, 6, "{svg}");
        assert!(svg.contains("2024-01"), "{svg}");
    }
}
