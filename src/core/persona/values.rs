//! The raw numbers behind a persona's medians, NPS and revenue share, per
//! segment: what `segment::compare` does not keep (it keeps moments, and
//! a median needs the values).

use crate::core::feedback::{nps_by_group, Nps};
use crate::core::schema::{is_missing, parse_measure};
use crate::core::stats::quantile;
use crate::core::table::TextColumn;

/// A column's numbers split by segment (labelled rows only), each sorted.
pub(super) struct SegmentValues {
    pub per_segment: Vec<Vec<f64>>,
    /// Every labelled row's number: the base.
    pub base: Vec<f64>,
}

/// The finite numbers of `cells` per segment; missing and unreadable
/// cells are left out, as `segment::compare` leaves them out.
pub(super) fn segment_values(
    cells: &TextColumn,
    labels: &[Option<usize>],
    segments: usize,
) -> SegmentValues {
    let mut per_segment: Vec<Vec<f64>> = vec![Vec::new(); segments];
    let mut base = Vec::new();
    for (row, label) in labels.iter().enumerate() {
        let Some(values) = label.and_then(|s| per_segment.get_mut(s)) else {
            continue;
        };
        let Some(value) = number_at(cells, row) else {
            continue;
        };
        values.push(value);
        base.push(value);
    }
    for values in per_segment.iter_mut() {
        values.sort_unstable_by(f64::total_cmp);
    }
    base.sort_unstable_by(f64::total_cmp);
    SegmentValues { per_segment, base }
}

/// The number in a cell, if it holds a finite one.
pub(super) fn number_at(cells: &TextColumn, row: usize) -> Option<f64> {
    let text = cells.get(row)?;
    if is_missing(text) {
        return None;
    }
    parse_measure(text).filter(|v| v.is_finite())
}

/// The median of ascending values (numpy's), None without any.
pub(super) fn median(sorted: &[f64]) -> Option<f64> {
    (!sorted.is_empty()).then(|| quantile(sorted, 0.5))
}

/// The NPS of each segment and of the base, through `feedback::nps_by_group`
/// with the segment number as the group.
pub(super) fn segment_nps(
    cells: &TextColumn,
    labels: &[Option<usize>],
    segments: usize,
) -> (Vec<Nps>, Nps) {
    let by_segment = nps_by_group(cells, &label_column(labels, segments, |s| s.to_string()));
    let per_segment = (0..segments)
        .map(|s| by_segment.get(&s.to_string()).cloned().unwrap_or_default())
        .collect();
    let base = nps_by_group(
        cells,
        &label_column(labels, segments, |_| "base".to_string()),
    )
    .remove("base")
    .unwrap_or_default();
    (per_segment, base)
}

/// A group column for `nps_by_group`: each labelled row's group name,
/// empty (left out) for the rest.
fn label_column(
    labels: &[Option<usize>],
    segments: usize,
    name: impl Fn(usize) -> String,
) -> TextColumn {
    let mut column = TextColumn::new();
    for label in labels {
        column.push(
            &label
                .filter(|&s| s < segments)
                .map(&name)
                .unwrap_or_default(),
        );
    }
    column
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_per_segment_sorted_with_medians() {
        let cells: TextColumn = ["5", "1", "", "x", "3", "9"].into_iter().collect();
        let labels = [Some(0), Some(0), Some(1), Some(1), None, Some(1)];
        let values = segment_values(&cells, &labels, 2);
        assert_eq!(values.per_segment, [vec![1.0, 5.0], vec![9.0]]);
        assert_eq!(values.base, [1.0, 5.0, 9.0]);
        assert_eq!(median(&values.per_segment[0]), Some(3.0));
        assert_eq!(median(&values.base), Some(5.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn nps_per_segment_and_base() {
        // Segment 0: 10, 9, 3 → (2 − 1)/3; segment 1: 7 → 0; row 4 unlabelled.
        let cells: TextColumn = ["10", "9", "3", "7", "0"].into_iter().collect();
        let labels = [Some(0), Some(0), Some(0), Some(1), None];
        let (per_segment, base) = segment_nps(&cells, &labels, 3);
        assert!((per_segment[0].score().unwrap() - 100.0 / 3.0).abs() < 1e-12);
        assert_eq!(per_segment[1].score(), Some(0.0));
        assert_eq!(per_segment[2].score(), None);
        // Base: 2 promoters, 1 passive, 1 detractor of 4 → 25.
        assert_eq!(base.score(), Some(25.0));
    }
}
