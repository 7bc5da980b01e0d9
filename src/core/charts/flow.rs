//! The movement flow chart: the snapshot's segments stacked on the left,
//! the new data's on the right, and a band from each old segment to each
//! new one as wide as the customers who moved that way. Customers who
//! left (only in the snapshot) and joined (only in the new data) are the
//! grey ends of the bars, so each bar is its segment's whole size.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Palette;
use crate::core::segment::Movement;

/// The grey of customers who left or joined.
const OUTSIDE: RGBColor = RGBColor(209, 213, 219);
/// Points along each band edge (a smooth S between the bars).
const BAND_STEPS: usize = 24;

/// The chart's words, in the UI language.
pub struct FlowText<'a> {
    pub before_title: &'a str,
    pub after_title: &'a str,
    pub before_names: &'a [String],
    pub after_names: &'a [String],
    pub format_count: &'a dyn Fn(u64) -> String,
}

/// Each segment's bar: its top and height.
type Stack = [(i32, i32)];

/// Where the bars stand and how tall a customer is.
struct Layout {
    left_x: i32,
    right_x: i32,
    bar: i32,
    top: i32,
    gap: i32,
    per_customer: f64,
}

impl Layout {
    /// The top of each segment's bar and its height, stacked with gaps.
    fn stack(&self, sizes: &[usize]) -> Vec<(i32, i32)> {
        let mut y = self.top;
        sizes
            .iter()
            .map(|&size| {
                let height = (size as f64 * self.per_customer).round() as i32;
                let slot = (y, height);
                y += height + self.gap;
                slot
            })
            .collect()
    }
}

/// Draw `movement` filling `area`. `scale` is the device pixel ratio.
pub fn draw_flow<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    movement: &Movement,
    text: &FlowText<'_>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let px = |css: f64| (css * scale).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let font = |size: f64, h: HPos, v: VPos| {
        ("sans-serif", px(size).max(1) as u32)
            .into_font()
            .color(&palette.ink)
            .pos(Pos::new(h, v))
    };
    let label_room = px(150.0).min(width / 4);
    let top = px(26.0);
    let gap = px(6.0);
    let segments = movement.before_sizes.len().max(movement.after_sizes.len());
    let total = movement
        .before_sizes
        .iter()
        .sum::<usize>()
        .max(movement.after_sizes.iter().sum());
    let room = (height - top - px(4.0) - gap * segments.saturating_sub(1) as i32).max(1);
    let layout = Layout {
        left_x: label_room,
        right_x: width - label_room - px(16.0),
        bar: px(16.0),
        top,
        gap,
        per_customer: f64::from(room) / total.max(1) as f64,
    };
    area.draw(&Text::new(
        text.before_title.to_string(),
        (layout.left_x + layout.bar, px(4.0)),
        font(13.0, HPos::Right, VPos::Top),
    ))?;
    area.draw(&Text::new(
        text.after_title.to_string(),
        (layout.right_x, px(4.0)),
        font(13.0, HPos::Left, VPos::Top),
    ))?;
    let before = layout.stack(&movement.before_sizes);
    let after = layout.stack(&movement.after_sizes);
    draw_bands(area, movement, &layout, (&before, &after), palette)?;
    for (index, &(y, h)) in before.iter().enumerate() {
        let left = movement.left.get(index).copied().unwrap_or(0);
        draw_bar(
            area,
            (layout.left_x, y, layout.bar, h),
            left,
            &layout,
            palette.segment(index),
        )?;
        let name = text.before_names.get(index).cloned().unwrap_or_default();
        let size = movement.before_sizes.get(index).copied().unwrap_or(0);
        area.draw(&Text::new(
            format!("{name} ({})", (text.format_count)(size as u64)),
            (layout.left_x - px(6.0), y + h / 2),
            font(12.0, HPos::Right, VPos::Center),
        ))?;
    }
    for (index, &(y, h)) in after.iter().enumerate() {
        let joined = movement.joined.get(index).copied().unwrap_or(0);
        draw_bar(
            area,
            (layout.right_x, y, layout.bar, h),
            joined,
            &layout,
            palette.segment(index),
        )?;
        let name = text.after_names.get(index).cloned().unwrap_or_default();
        let size = movement.after_sizes.get(index).copied().unwrap_or(0);
        area.draw(&Text::new(
            format!("{name} ({})", (text.format_count)(size as u64)),
            (layout.right_x + layout.bar + px(6.0), y + h / 2),
            font(12.0, HPos::Left, VPos::Center),
        ))?;
    }
    Ok(())
}

/// A segment's bar: its colour, with the customers outside the other side
/// (left or joined) in grey at its bottom.
fn draw_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y, width, height): (i32, i32, i32, i32),
    outside: usize,
    layout: &Layout,
    colour: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let grey = ((outside as f64 * layout.per_customer).round() as i32).min(height);
    area.draw(&Rectangle::new(
        [(x, y), (x + width, y + height - grey)],
        colour.filled(),
    ))?;
    if grey > 0 {
        area.draw(&Rectangle::new(
            [(x, y + height - grey), (x + width, y + height)],
            OUTSIDE.filled(),
        ))?;
    }
    Ok(())
}

/// One band per (old, new) pair with customers: it leaves the old bar
/// below the bands before it and reaches the new bar below the bands that
/// came from earlier old segments.
fn draw_bands<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    movement: &Movement,
    layout: &Layout,
    (before, after): (&Stack, &Stack),
    palette: &Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut leaving: Vec<f64> = before.iter().map(|&(y, _)| f64::from(y)).collect();
    let mut arriving: Vec<f64> = after.iter().map(|&(y, _)| f64::from(y)).collect();
    let from_x = f64::from(layout.left_x + layout.bar);
    let to_x = f64::from(layout.right_x);
    for (b, row) in movement.counts.iter().enumerate() {
        for (a, &count) in row.iter().enumerate() {
            let (Some(start), Some(end)) = (leaving.get(b).copied(), arriving.get(a).copied())
            else {
                continue;
            };
            if count == 0 {
                continue;
            }
            let thickness = count as f64 * layout.per_customer;
            let edge = |offset: f64, t: f64| {
                // Smoothstep between the two heights: flat at both bars.
                let s = t * t * (3.0 - 2.0 * t);
                let x = from_x + (to_x - from_x) * t;
                let y = start + offset + (end - start) * s;
                (x.round() as i32, y.round() as i32)
            };
            let steps = (0..=BAND_STEPS).map(|i| i as f64 / BAND_STEPS as f64);
            let mut outline: Vec<(i32, i32)> = steps.clone().map(|t| edge(0.0, t)).collect();
            outline.extend(steps.rev().map(|t| edge(thickness, t)));
            area.draw(&Polygon::new(
                outline,
                palette.segment(b).mix(0.45).filled(),
            ))?;
            if let Some(y) = leaving.get_mut(b) {
                *y += thickness;
            }
            if let Some(y) = arriving.get_mut(a) {
                *y += thickness;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::{movement, Members};

    fn render(found: &Movement) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            let names = |n: usize| (1..=n).map(|i| format!("Segment {i}")).collect::<Vec<_>>();
            let before_names = names(found.before_sizes.len());
            let after_names = names(found.after_sizes.len());
            let text = FlowText {
                before_title: "Then",
                after_title: "Now",
                before_names: &before_names,
                after_names: &after_names,
                format_count: &|n| n.to_string(),
            };
            draw_flow(&area, found, &text, &Palette::LIGHT, 1.0).expect("draws");
        }
        svg
    }

    #[test]
    fn a_band_for_each_move_and_bars_labelled_with_sizes() {
        let before = Members {
            ids: ["a", "b", "c", "d"].map(String::from).to_vec(),
            segments: vec![0, 0, 1, 1],
            repeated: 0,
        };
        let after = Members {
            ids: ["a", "b", "c", "e"].map(String::from).to_vec(),
            segments: vec![0, 1, 1, 1],
            repeated: 0,
        };
        let found = movement(&before, 2, &after, 2);
        let svg = render(&found);
        // Moves (0→0), (0→1), (1→1): three bands.
        assert_eq!(svg.matches("<polygon").count(), 3, "{svg}");
        assert!(
            svg.contains("Segment 1 (2)") && svg.contains("Segment 2 (3)"),
            "{svg}"
        );
        assert!(
            svg.contains(">\nThen\n<") && svg.contains(">\nNow\n<"),
            "{svg}"
        );
    }

    #[test]
    fn nothing_to_draw_is_not_an_error() {
        let found = movement(&Members::default(), 0, &Members::default(), 0);
        assert!(!render(&found).contains("<polygon"));
    }
}
