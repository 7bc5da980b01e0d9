//! A heatmap of associations: one square per pair of columns, teal for a
//! positive relation, amber for a negative one, paler when weaker.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Palette;

/// Colour for a value in −1..=1 (V and η are 0..=1, so never amber).
pub fn heat_colour(value: f64, palette: &Palette) -> RGBColor {
    const NEGATIVE: RGBColor = RGBColor(180, 83, 9);
    let strength = value.abs().clamp(0.0, 1.0);
    let target = if value < 0.0 { NEGATIVE } else { palette.bar };
    let mix = |from: u8, to: u8| {
        (f64::from(from) + (f64::from(to) - f64::from(from)) * strength).round() as u8
    };
    let RGBColor(r, g, b) = palette.background;
    RGBColor(mix(r, target.0), mix(g, target.1), mix(b, target.2))
}

/// How to write the heatmap's numbers in the UI language.
pub struct HeatmapText<'a> {
    pub format_value: &'a dyn Fn(f64) -> String,
    /// Column numbers: row i is labelled "i+1 name", column i "i+1".
    pub format_index: &'a dyn Fn(usize) -> String,
}

/// Draw a `labels.len()`² heatmap filling `area`; `value(i, j)` is the
/// association of columns i and j (None: not comparable, left blank).
/// Labels are cut to 14 characters. `scale` is the device pixel ratio.
pub fn draw_heatmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    labels: &[String],
    value: &dyn Fn(usize, usize) -> Option<f64>,
    text: &HeatmapText<'_>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let n = labels.len();
    if n == 0 {
        return Ok(());
    }
    let px = |css: f64| (css * scale).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let label_space = px(120.0);
    // Squares between 8 and 64 CSS pixels: a 4-column map stays readable
    // without filling the screen.
    let cell = ((width as i32 - label_space).min(height as i32 - px(24.0)) / n as i32)
        .clamp(px(8.0), px(64.0));
    let short = |label: &String| {
        let cut: String = label.chars().take(14).collect();
        if cut.chars().count() < label.chars().count() {
            format!("{cut}…")
        } else {
            cut
        }
    };
    let font = ("sans-serif", px(12.0).max(1) as u32)
        .into_font()
        .color(&palette.ink);
    for (i, label) in labels.iter().enumerate() {
        let y = i as i32 * cell + cell / 2;
        let style = font.clone().pos(Pos::new(HPos::Right, VPos::Center));
        let numbered = format!("{} {}", (text.format_index)(i + 1), short(label));
        area.draw(&Text::new(numbered, (label_space - px(6.0), y), style))?;
        for j in 0..n {
            let (x0, y0) = (label_space + j as i32 * cell, i as i32 * cell);
            let Some(v) = (if i == j { Some(1.0) } else { value(i, j) }) else {
                continue;
            };
            let fill = heat_colour(v, palette);
            area.draw(&Rectangle::new(
                [(x0, y0), (x0 + cell - 1, y0 + cell - 1)],
                fill.filled(),
            ))?;
            if cell >= px(30.0) && i != j {
                let ink = if v.abs() > 0.55 {
                    palette.background
                } else {
                    palette.ink
                };
                let style = ("sans-serif", px(11.0).max(1) as u32)
                    .into_font()
                    .color(&ink)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                area.draw(&Text::new(
                    (text.format_value)(v),
                    (x0 + cell / 2, y0 + cell / 2),
                    style,
                ))?;
            }
        }
    }
    // Column numbers under the grid, matching the row order.
    for j in 0..n {
        let style = font.clone().pos(Pos::new(HPos::Center, VPos::Top));
        let x = label_space + j as i32 * cell + cell / 2;
        area.draw(&Text::new(
            (text.format_index)(j + 1),
            (x, n as i32 * cell + px(4.0)),
            style,
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_run_from_paper_to_teal_or_amber() {
        let p = Palette::LIGHT;
        assert_eq!(heat_colour(0.0, &p), p.background);
        assert_eq!(heat_colour(1.0, &p), p.bar);
        assert_eq!(heat_colour(-1.0, &p), RGBColor(180, 83, 9));
    }

    #[test]
    fn draws_a_square_per_pair_in_svg() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            let labels = vec!["age".to_string(), "income".to_string(), "score".to_string()];
            let value = |i: usize, j: usize| if i + j == 1 { Some(-0.5) } else { Some(0.2) };
            let text = HeatmapText {
                format_value: &|v| format!("{v:.2}"),
                format_index: &|i| i.to_string(),
            };
            draw_heatmap(&area, &labels, &value, &text, &Palette::LIGHT, 1.0).expect("draws");
        }
        assert_eq!(svg.matches("<rect").count(), 1 + 9, "{svg}");
        assert!(svg.contains("2 income"));
        assert!(svg.contains("-0.50"));
    }
}
