//! The k chart: how good each number of segments is, by two measures
//! that disagree in scale. The silhouette (−1..1, higher is better) is on
//! the left axis; Calinski–Harabasz (0..∞, higher is better) on its own
//! right-hand axis, so both curves use the full height and neither is
//! flattened. The suggested k is a dashed line, the chosen k (the user's
//! override, or the suggestion) a solid one with its points ringed.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Palette;
use crate::core::segment::KFigures;

/// One k's scores, as the chart needs them (KFigures without the labels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KPoint {
    pub k: usize,
    pub silhouette: Option<f64>,
    pub calinski_harabasz: Option<f64>,
}

impl From<&KFigures> for KPoint {
    fn from(figures: &KFigures) -> Self {
        KPoint {
            k: figures.k,
            silhouette: figures.silhouette,
            calinski_harabasz: figures.calinski_harabasz,
        }
    }
}

/// The words around the k chart, already translated, and number formats.
pub struct KChartText<'a> {
    /// E.g. "Number of segments (k)".
    pub x_label: &'a str,
    /// Left axis and legend, e.g. "Silhouette".
    pub silhouette_label: &'a str,
    /// Right axis and legend, e.g. "Calinski–Harabasz".
    pub calinski_harabasz_label: &'a str,
    /// Written by the marks, e.g. "suggested" and "chosen".
    pub suggested_label: &'a str,
    pub chosen_label: &'a str,
    pub format_k: &'a dyn Fn(usize) -> String,
    pub format_value: &'a dyn Fn(f64) -> String,
}

/// Draw the silhouette and CH of each k filling `area`, and mark
/// `suggested` and `chosen` (either may be None; when they are the same k
/// one solid line carries both words). `scale` is the device pixel ratio.
/// No points draws only the background.
pub fn draw_k_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[KPoint],
    suggested: Option<usize>,
    chosen: Option<usize>,
    text: &KChartText<'_>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let (Some(k_min), Some(k_max)) = (
        points.iter().map(|p| p.k).min(),
        points.iter().map(|p| p.k).max(),
    ) else {
        return Ok(());
    };
    let px = |css: f64| (css * scale).round().max(1.0) as u32;
    let x_range = k_min as f64 - 0.5..k_max as f64 + 0.5;
    let silhouettes: Vec<(f64, f64)> = series(points, |p| p.silhouette);
    let ch: Vec<(f64, f64)> = series(points, |p| p.calinski_harabasz);
    let s_range = silhouette_range(&silhouettes);
    let ch_top = ch.iter().map(|p| p.1).fold(0.0, f64::max);
    let ch_range = 0.0..if ch_top > 0.0 { ch_top * 1.1 } else { 1.0 };

    let silhouette_colour = palette.bar;
    let ch_colour = palette.segment(1);
    let font = ("sans-serif", px(12.0)).into_font().color(&palette.ink);
    let mut chart = ChartBuilder::on(area)
        .margin(px(12.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(56.0))
        .right_y_label_area_size(px(64.0))
        .build_cartesian_2d(x_range.clone(), s_range.clone())?
        .set_secondary_coord(x_range, ch_range.clone());
    let whole_k = |x: &f64| {
        let k = x.round();
        if (x - k).abs() < 1e-9 && k >= 0.0 {
            (text.format_k)(k as usize)
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(palette.grid)
        .bold_line_style(palette.grid)
        .axis_style(palette.ink)
        .x_labels(k_max - k_min + 1)
        .y_labels(6)
        .x_label_formatter(&whole_k)
        .y_label_formatter(&|v| (text.format_value)(*v))
        .x_desc(text.x_label)
        .y_desc(text.silhouette_label)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()?;
    chart
        .configure_secondary_axes()
        .axis_style(palette.ink)
        .y_labels(6)
        .y_label_formatter(&|v| (text.format_value)(*v))
        .y_desc(text.calinski_harabasz_label)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()?;

    // The marks first, so the curves are drawn over them.
    let marks = marks(suggested, chosen, text);
    for (k, words, solid) in &marks {
        let x = *k as f64;
        let line = [(x, s_range.start), (x, s_range.end)];
        if *solid {
            chart.draw_series(LineSeries::new(line, palette.ink.stroke_width(px(1.5))))?;
        } else {
            chart.draw_series(DashedLineSeries::new(
                line,
                px(5.0),
                px(4.0),
                palette.ink.stroke_width(px(1.0)),
            ))?;
        }
        let style = font.clone().pos(Pos::new(HPos::Left, VPos::Top));
        chart.draw_series(std::iter::once(Text::new(
            words.clone(),
            (x + 0.08, s_range.end),
            style,
        )))?;
    }

    let radius = px(3.5);
    let ring = px(7.0);
    let chosen_k = chosen.map(|k| k as f64);
    chart
        .draw_series(LineSeries::new(
            silhouettes.iter().copied(),
            silhouette_colour.stroke_width(px(2.0)),
        ))?
        .label(text.silhouette_label)
        .legend(move |(x, y)| Circle::new((x, y), radius, silhouette_colour.filled()));
    chart.draw_series(
        silhouettes
            .iter()
            .map(|&p| Circle::new(p, radius, silhouette_colour.filled())),
    )?;
    chart
        .draw_secondary_series(LineSeries::new(
            ch.iter().copied(),
            ch_colour.stroke_width(px(2.0)),
        ))?
        .label(text.calinski_harabasz_label)
        .legend(move |(x, y)| Circle::new((x, y), radius, ch_colour.filled()));
    chart.draw_secondary_series(
        ch.iter()
            .map(|&p| Circle::new(p, radius, ch_colour.filled())),
    )?;
    // Ring the chosen k's points.
    chart.draw_series(
        silhouettes
            .iter()
            .filter(|p| Some(p.0) == chosen_k)
            .map(|&p| Circle::new(p, ring, palette.ink.stroke_width(px(1.5)))),
    )?;
    chart.draw_secondary_series(
        ch.iter()
            .filter(|p| Some(p.0) == chosen_k)
            .map(|&p| Circle::new(p, ring, palette.ink.stroke_width(px(1.5)))),
    )?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(palette.background.mix(0.85))
        .border_style(palette.grid)
        .label_font(font)
        .margin(px(6.0))
        .draw()?;
    area.present()
}

/// (k, value) for the ks where the value exists.
fn series(points: &[KPoint], value: impl Fn(&KPoint) -> Option<f64>) -> Vec<(f64, f64)> {
    points
        .iter()
        .filter_map(|p| value(p).filter(|v| v.is_finite()).map(|v| (p.k as f64, v)))
        .collect()
}

/// The silhouettes' span with room above for the marks' words, within
/// −1..1 and always including 0 (so a weak structure looks weak).
fn silhouette_range(points: &[(f64, f64)]) -> std::ops::Range<f64> {
    let low = points.iter().map(|p| p.1).fold(0.0, f64::min);
    let high = points.iter().map(|p| p.1).fold(0.0, f64::max);
    let span = (high - low).max(0.1);
    (low - 0.05 * span).max(-1.0)..(high + 0.2 * span).min(1.0)
}

/// (k, words, solid) for each mark: one solid line for the chosen k
/// (with both words when it is also the suggestion), a dashed one for a
/// different suggestion.
fn marks(
    suggested: Option<usize>,
    chosen: Option<usize>,
    text: &KChartText<'_>,
) -> Vec<(usize, String, bool)> {
    match (suggested, chosen) {
        (Some(s), Some(c)) if s == c => vec![(
            c,
            format!("{} · {}", text.chosen_label, text.suggested_label),
            true,
        )],
        (s, c) => s
            .map(|s| (s, text.suggested_label.to_string(), false))
            .into_iter()
            .chain(c.map(|c| (c, text.chosen_label.to_string(), true)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points() -> Vec<KPoint> {
        // Silhouette peaks at k = 5; CH is highest at 6.
        [
            (2, 0.30, 90.0),
            (3, 0.42, 150.0),
            (4, 0.49, 170.0),
            (5, 0.55, 240.0),
            (6, 0.53, 250.0),
        ]
        .iter()
        .map(|&(k, s, ch)| KPoint {
            k,
            silhouette: Some(s),
            calinski_harabasz: Some(ch),
        })
        .collect()
    }

    fn render(points: &[KPoint], suggested: Option<usize>, chosen: Option<usize>) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            let text = KChartText {
                x_label: "Number of segments (k)",
                silhouette_label: "Silhouette",
                calinski_harabasz_label: "Calinski–Harabasz",
                suggested_label: "suggested",
                chosen_label: "chosen",
                format_k: &|k| format!("k{k}"),
                format_value: &|v| format!("{v:.2}"),
            };
            draw_k_chart(
                &area,
                points,
                suggested,
                chosen,
                &text,
                &Palette::LIGHT,
                1.0,
            )
            .expect("draws");
        }
        svg
    }

    fn hex(colour: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
    }

    fn count(svg: &str, starts: &str, contains: &str) -> usize {
        svg.lines()
            .filter(|l| l.starts_with(starts) && l.contains(contains))
            .count()
    }

    #[test]
    fn two_series_two_axes_and_the_marks() {
        let svg = render(&points(), Some(5), Some(4));
        let p = Palette::LIGHT;
        // Each series: one polyline and 5 dots (+ 1 legend mark).
        let s_stroke = format!("stroke=\"{}\"", hex(p.bar));
        let ch_stroke = format!("stroke=\"{}\"", hex(p.segment(1)));
        assert_eq!(count(&svg, "<polyline", &s_stroke), 1, "{svg}");
        assert_eq!(count(&svg, "<polyline", &ch_stroke), 1, "{svg}");
        assert_eq!(
            count(&svg, "<circle", &format!("fill=\"{}\"", hex(p.bar))),
            6
        );
        assert_eq!(
            count(&svg, "<circle", &format!("fill=\"{}\"", hex(p.segment(1)))),
            6
        );
        // The chosen k's two points are ringed.
        assert_eq!(count(&svg, "<circle", "fill=\"none\""), 2, "{svg}");
        // Dashed suggestion: several short ink segments; solid chosen line.
        for words in [
            "Number of segments (k)",
            "Silhouette",
            "Calinski–Harabasz",
            "suggested",
            "chosen",
            "k2",
            "k6",
        ] {
            assert!(
                svg.contains(&format!(">\n{words}\n</text>")),
                "{words}: {svg}"
            );
        }
        assert!(!svg.contains(">\nk2.5\n</text>"));
    }

    #[test]
    fn chosen_equal_to_suggested_is_one_mark() {
        let svg = render(&points(), Some(5), Some(5));
        assert!(svg.contains(">\nchosen · suggested\n</text>"), "{svg}");
        assert!(!svg.contains(">\nsuggested\n</text>"));
    }

    #[test]
    fn missing_scores_and_no_points() {
        let mut p = points();
        p[0].silhouette = None;
        p[1].calinski_harabasz = Some(f64::NAN);
        let svg = render(&p, None, None);
        assert_eq!(
            count(
                &svg,
                "<circle",
                &format!("fill=\"{}\"", hex(Palette::LIGHT.bar))
            ),
            5
        );
        assert!(!svg.contains("chosen"));
        let empty = render(&[], Some(3), Some(3));
        assert!(!empty.contains("<polyline") && !empty.contains("chosen"));
    }
}
