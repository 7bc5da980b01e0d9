//! Ranked horizontal bars: the top categories of a column (cities,
//! countries, plans) with their counts, largest first.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Palette;

/// How to write a bar's count (the UI language's digits) and its share.
pub struct BarsText<'a> {
    pub format_count: &'a dyn Fn(u64) -> String,
}

/// Draw `bars` (label, count), in the order given, as horizontal bars
/// filling `area`: labels at the start, counts after each bar. Labels are
/// cut to 18 characters. `scale` is the device pixel ratio.
pub fn draw_ranked_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[(String, u64)],
    text: &BarsText<'_>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let largest = bars.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if bars.is_empty() || largest == 0 {
        return Ok(());
    }
    let px = |css: f64| (css * scale).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let label_space = px(150.0);
    let count_space = px(70.0);
    let row = (height as i32 / bars.len() as i32).clamp(px(12.0), px(28.0));
    let bar_room = (width as i32 - label_space - count_space).max(px(20.0));
    let font = ("sans-serif", px(12.0).max(1) as u32)
        .into_font()
        .color(&palette.ink);
    for (i, (label, count)) in bars.iter().enumerate() {
        let top = i as i32 * row;
        let middle = top + row / 2;
        let cut: String = label.chars().take(18).collect();
        let shown = if cut.chars().count() < label.chars().count() {
            format!("{cut}…")
        } else {
            cut
        };
        area.draw(&Text::new(
            shown,
            (label_space - px(8.0), middle),
            font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        let length = ((*count as f64 / largest as f64) * bar_room as f64).round() as i32;
        let (y0, y1) = (top + row / 6, top + row - row / 6);
        area.draw(&Rectangle::new(
            [(label_space, y0), (label_space + length.max(1), y1)],
            palette.bar.filled(),
        ))?;
        area.draw(&Text::new(
            (text.format_count)(*count),
            (label_space + length + px(6.0), middle),
            font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_category_longest_for_the_largest() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (500, 200)).into_drawing_area();
            let bars = vec![
                ("Tehran".to_string(), 40),
                ("Shiraz".to_string(), 20),
                ("Yazd".to_string(), 10),
            ];
            let text = BarsText {
                format_count: &|n| n.to_string(),
            };
            draw_ranked_bars(&area, &bars, &text, &Palette::LIGHT, 1.0).expect("draws");
        }
        // Background + three bars.
        assert_eq!(svg.matches("<rect").count(), 4, "{svg}");
        let widths: Vec<f64> = svg
            .split("<rect")
            .skip(2)
            .filter_map(|r| r.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(widths.len(), 3, "{svg}");
        assert!(widths[0] > widths[1] && widths[1] > widths[2], "{widths:?}");
        // 40 : 20 → twice as long (±1 px rounding).
        assert!((widths[0] - 2.0 * widths[1]).abs() <= 2.0, "{widths:?}");
        assert!(svg.contains("Tehran"), "{svg}");
        assert!(svg.contains("\n40\n") || svg.contains(">40<"), "{svg}");
    }
}
