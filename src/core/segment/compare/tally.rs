//! One pass over a trait's cells: per segment, the moments of its numbers
//! or the counts of its levels, and the cells left out. Every comparison
//! (a segment against the base, against the rest, against another
//! segment) is then a merge of these per-segment tallies.

use super::moments::Moments;
use super::traits::{read_levels, read_numbers, Number, TraitKind};
use crate::core::table::TextColumn;

/// A numeric trait, per segment.
pub(super) struct NumericTally {
    pub moments: Vec<Moments>,
    /// Missing or unreadable cells (excluded).
    pub missing: Vec<usize>,
    /// Of `missing`, cells written but not numbers.
    pub unreadable: Vec<usize>,
}

/// A categorical trait, per segment.
pub(super) struct CategoricalTally {
    /// `counts[segment][slot]`; the last slot is "other".
    pub counts: Vec<Vec<usize>>,
    pub missing: Vec<usize>,
    pub levels: Vec<String>,
    pub other_levels: usize,
}

pub(super) enum Tally {
    Numeric(NumericTally),
    Categorical(CategoricalTally),
}

/// The tally of one column over the labelled rows (`labels[row]` is the
/// row's segment, below `segments`; validated by the caller).
pub(super) fn tally(
    cells: &TextColumn,
    labels: &[Option<usize>],
    segments: usize,
    kind: TraitKind,
) -> Tally {
    let rows = labels.len();
    let segment_of = |row: usize| labels.get(row).copied().flatten().filter(|&s| s < segments);
    match kind {
        TraitKind::Numeric => {
            let mut values: Vec<Vec<f64>> = vec![Vec::new(); segments];
            let mut missing = vec![0; segments];
            let mut unreadable = vec![0; segments];
            for (row, number) in read_numbers(cells, rows).into_iter().enumerate() {
                let Some(segment) = segment_of(row) else {
                    continue;
                };
                match number {
                    Number::Value(v) => push(&mut values, segment, v),
                    Number::Missing => add(&mut missing, segment),
                    Number::Unreadable => {
                        add(&mut missing, segment);
                        add(&mut unreadable, segment);
                    }
                }
            }
            Tally::Numeric(NumericTally {
                moments: values.iter().map(|v| Moments::of(v)).collect(),
                missing,
                unreadable,
            })
        }
        TraitKind::Categorical => {
            let levels = read_levels(cells, rows, |row| segment_of(row).is_some());
            let slots = levels.levels.len() + 1;
            let mut counts = vec![vec![0; slots]; segments];
            let mut missing = vec![0; segments];
            for (row, slot) in levels.slots.iter().enumerate() {
                let Some(segment) = segment_of(row) else {
                    continue;
                };
                match slot {
                    Some(slot) => {
                        if let Some(count) = counts.get_mut(segment).and_then(|c| c.get_mut(*slot))
                        {
                            *count += 1;
                        }
                    }
                    None => add(&mut missing, segment),
                }
            }
            Tally::Categorical(CategoricalTally {
                counts,
                missing,
                levels: levels.levels,
                other_levels: levels.other_levels,
            })
        }
    }
}

fn push(values: &mut [Vec<f64>], segment: usize, value: f64) {
    if let Some(v) = values.get_mut(segment) {
        v.push(value);
    }
}

fn add(counts: &mut [usize], segment: usize) {
    if let Some(c) = counts.get_mut(segment) {
        *c += 1;
    }
}

impl NumericTally {
    /// The merged moments and missing counts of the segments `side` picks.
    pub fn side(&self, side: &impl Fn(usize) -> bool) -> (Moments, usize, usize) {
        let mut moments = Moments::default();
        let (mut missing, mut unreadable) = (0, 0);
        for (segment, m) in self.moments.iter().enumerate() {
            if side(segment) {
                moments = moments.merge(*m);
                missing += self.missing.get(segment).copied().unwrap_or(0);
                unreadable += self.unreadable.get(segment).copied().unwrap_or(0);
            }
        }
        (moments, missing, unreadable)
    }
}

impl CategoricalTally {
    /// Per slot counts, answered cells and missing cells of the segments
    /// `side` picks.
    pub fn side(&self, side: &impl Fn(usize) -> bool) -> (Vec<usize>, usize, usize) {
        let slots = self.levels.len() + 1;
        let mut counts = vec![0; slots];
        let mut missing = 0;
        for (segment, segment_counts) in self.counts.iter().enumerate() {
            if side(segment) {
                for (total, count) in counts.iter_mut().zip(segment_counts) {
                    *total += count;
                }
                missing += self.missing.get(segment).copied().unwrap_or(0);
            }
        }
        let answered = counts.iter().sum();
        (counts, answered, missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_levels_per_segment() {
        let numbers: TextColumn = ["1", "2", "", "x", "5", "7"].into_iter().collect();
        let labels = [Some(0), Some(0), Some(1), Some(1), None, Some(1)];
        let Tally::Numeric(t) = tally(&numbers, &labels, 2, TraitKind::Numeric) else {
            panic!("numeric")
        };
        assert_eq!(t.moments[0].count, 2);
        assert_eq!(t.moments[0].mean, 1.5);
        assert_eq!(t.moments[1].count, 1);
        assert_eq!(
            (t.missing.clone(), t.unreadable.clone()),
            (vec![0, 2], vec![0, 1])
        );
        let (all, missing, unreadable) = t.side(&|_| true);
        assert_eq!((all.count, missing, unreadable), (3, 2, 1));
        assert!((all.mean - 10.0 / 3.0).abs() < 1e-15);

        let words: TextColumn = ["a", "B", "b", "", "a", "b"].into_iter().collect();
        let Tally::Categorical(c) = tally(&words, &labels, 2, TraitKind::Categorical) else {
            panic!("categorical")
        };
        // Base (labelled rows): b ×3, a ×1; row 4's "a" is unlabelled.
        assert_eq!(c.levels, ["b", "a"]);
        assert_eq!(c.counts, [vec![1, 1, 0], vec![2, 0, 0]]);
        assert_eq!(c.missing, [0, 1]);
        assert_eq!(c.side(&|s| s == 1), (vec![2, 0, 0], 2, 1));
    }
}
