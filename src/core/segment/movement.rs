//! How customers moved between segments: a snapshot of who was in which
//! segment, matched by customer id against a segmentation of newer data.
//! The movement matrix counts customers by (segment then, segment now);
//! customers only in the snapshot "left", customers only in the new data
//! "joined", so each row adds up to the snapshot's segment and each column
//! to the new one.
//!
//! Ids are matched trimmed and exactly as written otherwise (an id is a
//! key, not text to fold). A repeated id counts once, at its first row,
//! and the repeats are reported: a customer cannot be in two places.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Who was in which segment: ids and segments side by side (the compact
/// shape that crosses the worker boundary and goes into storage).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Members {
    pub ids: Vec<String>,
    /// Segment of each id (0-based).
    pub segments: Vec<u16>,
    /// Rows left out by [`Members::from_rows`] because their id came
    /// earlier.
    #[serde(default)]
    pub repeated: usize,
}

impl Members {
    /// Pairs of (id, segment) from rows: `None` segments and blank ids are
    /// left out (not segmented, or not a customer one can find again), and
    /// a repeated id keeps its first row (counted in `repeated`).
    pub fn from_rows<'a>(
        ids: impl IntoIterator<Item = &'a str>,
        segments: impl IntoIterator<Item = Option<usize>>,
    ) -> Members {
        let mut members = Members::default();
        let mut seen = std::collections::HashSet::new();
        for (id, segment) in ids.into_iter().zip(segments) {
            let id = id.trim();
            let Some(segment) = segment.and_then(|s| u16::try_from(s).ok()) else {
                continue;
            };
            if id.is_empty() {
                continue;
            }
            if !seen.insert(id) {
                members.repeated += 1;
                continue;
            }
            members.ids.push(id.to_string());
            members.segments.push(segment);
        }
        members
    }

    pub fn len(&self) -> usize {
        self.ids.len().min(self.segments.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The movement between a snapshot (`before`) and newer data (`after`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    /// `counts[b][a]`: customers in segment `b` then and `a` now.
    pub counts: Vec<Vec<usize>>,
    /// Per segment then: customers not in the new data.
    pub left: Vec<usize>,
    /// Per segment now: customers not in the snapshot.
    pub joined: Vec<usize>,
    /// Customers per segment then and now (each id once).
    pub before_sizes: Vec<usize>,
    pub after_sizes: Vec<usize>,
    /// Repeated ids left out, in the snapshot and in the new data.
    pub repeated_before: usize,
    pub repeated_after: usize,
}

impl Movement {
    /// Customers in both, in the same segment number (meaningful when the
    /// segments are the same rules, or a refit kept their order).
    pub fn stayed(&self) -> usize {
        (0..self.counts.len())
            .filter_map(|s| self.counts.get(s)?.get(s))
            .sum()
    }

    /// Customers found in both.
    pub fn matched(&self) -> usize {
        self.counts.iter().flatten().sum()
    }
}

/// Each id's first segment, and how many repeats were left out.
fn first_segments(members: &Members) -> (HashMap<&str, usize>, usize) {
    let mut first = HashMap::with_capacity(members.len());
    let mut repeated = 0;
    for (id, &segment) in members.ids.iter().zip(&members.segments) {
        match first.entry(id.as_str()) {
            Entry::Occupied(_) => repeated += 1,
            Entry::Vacant(slot) => {
                slot.insert(usize::from(segment));
            }
        }
    }
    (first, repeated)
}

/// Sizes per segment, at least `k` of them, growing for a segment number
/// beyond (the snapshot says how many segments it had, but trust the data).
fn sizes(segments: impl Iterator<Item = usize>, k: usize) -> Vec<usize> {
    let mut sizes = vec![0; k];
    for segment in segments {
        if sizes.len() <= segment {
            sizes.resize(segment + 1, 0);
        }
        if let Some(size) = sizes.get_mut(segment) {
            *size += 1;
        }
    }
    sizes
}

/// The movement from `before` (of `before_k` segments) to `after` (of
/// `after_k`).
pub fn movement(before: &Members, before_k: usize, after: &Members, after_k: usize) -> Movement {
    let (then, repeated_before) = first_segments(before);
    let (now, repeated_after) = first_segments(after);
    let before_sizes = sizes(then.values().copied(), before_k);
    let after_sizes = sizes(now.values().copied(), after_k);
    let mut counts = vec![vec![0; after_sizes.len()]; before_sizes.len()];
    let mut left = vec![0; before_sizes.len()];
    let mut joined = vec![0; after_sizes.len()];
    for (id, &b) in &then {
        match now.get(id) {
            Some(&a) => {
                if let Some(cell) = counts.get_mut(b).and_then(|row| row.get_mut(a)) {
                    *cell += 1;
                }
            }
            None => {
                if let Some(slot) = left.get_mut(b) {
                    *slot += 1;
                }
            }
        }
    }
    for (id, &a) in &now {
        if !then.contains_key(id) {
            if let Some(slot) = joined.get_mut(a) {
                *slot += 1;
            }
        }
    }
    Movement {
        counts,
        left,
        joined,
        before_sizes,
        after_sizes,
        repeated_before,
        repeated_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(pairs: &[(&str, u16)]) -> Members {
        Members {
            ids: pairs.iter().map(|(id, _)| id.to_string()).collect(),
            segments: pairs.iter().map(|&(_, s)| s).collect(),
            repeated: 0,
        }
    }

    #[test]
    fn rows_and_columns_add_up_to_both_snapshots() {
        let before = members(&[("a", 0), ("b", 0), ("c", 1), ("d", 1), ("e", 1)]);
        let after = members(&[("a", 1), ("b", 0), ("c", 1), ("e", 2), ("f", 0), ("g", 2)]);
        let found = movement(&before, 2, &after, 3);
        assert_eq!(found.counts, vec![vec![1, 1, 0], vec![0, 1, 1]]);
        assert_eq!(found.left, vec![0, 1], "d is gone");
        assert_eq!(found.joined, vec![1, 0, 1], "f and g are new");
        for (b, row) in found.counts.iter().enumerate() {
            assert_eq!(
                row.iter().sum::<usize>() + found.left[b],
                found.before_sizes[b]
            );
        }
        for a in 0..3 {
            let column: usize = found.counts.iter().map(|row| row[a]).sum();
            assert_eq!(column + found.joined[a], found.after_sizes[a]);
        }
        assert_eq!(found.before_sizes, vec![2, 3]);
        assert_eq!(found.after_sizes, vec![2, 2, 2]);
        assert_eq!((found.matched(), found.stayed()), (4, 2));
    }

    #[test]
    fn a_repeated_id_counts_once_at_its_first_row() {
        let before = members(&[("a", 0), ("a", 1), ("b", 1)]);
        let after = members(&[("a", 1), ("b", 1), ("b", 0)]);
        let found = movement(&before, 2, &after, 2);
        assert_eq!((found.repeated_before, found.repeated_after), (1, 1));
        assert_eq!(found.counts, vec![vec![0, 1], vec![0, 1]]);
        assert_eq!(found.before_sizes, vec![1, 1]);
    }

    #[test]
    fn members_skip_blank_ids_and_rows_in_no_segment() {
        let found = Members::from_rows(
            [" 7 ", "", "9", "10", "7"],
            [Some(1), Some(0), None, Some(2), Some(0)],
        );
        assert_eq!(found.ids, vec!["7", "10"]);
        assert_eq!(found.segments, vec![1, 2]);
        assert_eq!(found.repeated, 1, "the second 7");
    }

    #[test]
    fn segments_beyond_k_are_counted_not_dropped() {
        let found = movement(&members(&[("a", 3)]), 2, &members(&[("a", 0)]), 1);
        assert_eq!(found.before_sizes, vec![0, 0, 0, 1]);
        assert_eq!(found.counts[3], vec![1]);
    }
}
