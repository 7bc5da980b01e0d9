//! Which customers the segment map draws. A canvas of a million dots is
//! slow and says no more than a few thousand, so the map draws a seeded
//! sample, stratified by segment:
//! - each segment keeps its share of the drawn points (a segment of 30%
//!   of customers is about 30% of the dots), so the picture's densities
//!   are the data's;
//! - but every segment keeps at least min(its size, `min_per_segment`)
//!   points, so a segment of 0.1% is still visible and its colour can be
//!   found. Those points are taken from the large segments' quotas,
//!   which shifts their shares by a little.
//!
//! The quotas are filled by water-filling: segments whose proportional
//! quota is under their floor get the floor; the remaining budget is
//! shared in proportion among the others; repeat until nothing changes.
//! Fractions are rounded by largest remainder (ties to the lower
//! segment), so the quotas add up to exactly the budget. Within a
//! segment the rows are a seeded simple random sample.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rng::SplitMix64;

/// The map's usual budget of points.
pub const DEFAULT_MAP_POINTS: usize = 4_000;
/// The fewest points a segment is drawn with (unless it is smaller).
pub const DEFAULT_MIN_PER_SEGMENT: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MapSampleOptions {
    /// At most this many points in all.
    pub max_points: usize,
    /// Each segment keeps at least min(size, this) points; when the
    /// segments are so many that the floors exceed `max_points`, the floor
    /// is lowered to max_points / segments.
    pub min_per_segment: usize,
    pub seed: u64,
}

impl Default for MapSampleOptions {
    fn default() -> Self {
        MapSampleOptions {
            max_points: DEFAULT_MAP_POINTS,
            min_per_segment: DEFAULT_MIN_PER_SEGMENT,
            seed: 0,
        }
    }
}

/// One segment's part of the sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentDrawn {
    pub segment: usize,
    /// Customers in the segment.
    pub size: usize,
    /// Of them, points drawn.
    pub drawn: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapSample {
    /// Indices into the labels (matrix rows), ascending.
    pub rows: Vec<usize>,
    /// Per segment, ascending segment number.
    pub segments: Vec<SegmentDrawn>,
    /// Customers in all (the labels' length).
    pub customers: usize,
}

/// The rows to draw for customers labelled `labels` (one segment number
/// per customer). Every customer is drawn when there are at most
/// `max_points`.
pub fn sample_for_map(labels: &[usize], options: &MapSampleOptions) -> MapSample {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (row, &label) in labels.iter().enumerate() {
        members.entry(label).or_default().push(row);
    }
    let sizes: Vec<usize> = members.values().map(Vec::len).collect();
    let quotas = quotas(&sizes, options.max_points, options.min_per_segment);
    let mut rng = SplitMix64::new(options.seed);
    let mut rows = Vec::with_capacity(quotas.iter().sum());
    let mut segments = Vec::with_capacity(members.len());
    for ((&segment, member_rows), &quota) in members.iter().zip(&quotas) {
        let picked = rng.sample_indices(member_rows.len(), quota);
        rows.extend(picked.iter().filter_map(|&i| member_rows.get(i).copied()));
        segments.push(SegmentDrawn {
            segment,
            size: member_rows.len(),
            drawn: picked.len(),
        });
    }
    rows.sort_unstable();
    MapSample {
        rows,
        segments,
        customers: labels.len(),
    }
}

/// Points per segment (see the module docs); sums to min(budget, Σ sizes).
fn quotas(sizes: &[usize], budget: usize, min_per_segment: usize) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    if total <= budget {
        return sizes.to_vec();
    }
    let segments = sizes.iter().filter(|&&s| s > 0).count().max(1);
    let floor_size = min_per_segment.min(budget / segments);
    let floors: Vec<usize> = sizes.iter().map(|&s| s.min(floor_size)).collect();

    // Water-filling: `fixed` segments sit at their floor; the others share
    // what is left in proportion to their sizes.
    let mut fixed = vec![false; sizes.len()];
    let shares = loop {
        let fixed_points: usize = floors
            .iter()
            .zip(&fixed)
            .filter(|(_, &f)| f)
            .map(|(&f, _)| f)
            .sum();
        let free_size: usize = sizes
            .iter()
            .zip(&fixed)
            .filter(|(_, &f)| !f)
            .map(|(&s, _)| s)
            .sum();
        let rest = budget.saturating_sub(fixed_points) as f64;
        let shares: Vec<f64> = sizes
            .iter()
            .zip(&floors)
            .zip(&fixed)
            .map(|((&size, &floor), &is_fixed)| {
                if is_fixed || free_size == 0 {
                    floor as f64
                } else {
                    rest * size as f64 / free_size as f64
                }
            })
            .collect();
        let mut changed = false;
        for ((share, &floor), is_fixed) in shares.iter().zip(&floors).zip(fixed.iter_mut()) {
            if !*is_fixed && *share < floor as f64 {
                *is_fixed = true;
                changed = true;
            }
        }
        if !changed {
            break shares;
        }
    };
    largest_remainder(&shares, sizes, budget)
}

/// Whole numbers from fractional shares summing to `budget`: each share's
/// floor, then one more to the largest remainders (ties: lower segment),
/// never above a segment's size.
fn largest_remainder(shares: &[f64], sizes: &[usize], budget: usize) -> Vec<usize> {
    let mut quotas: Vec<usize> = shares
        .iter()
        .zip(sizes)
        .map(|(&share, &size)| (share.floor().max(0.0) as usize).min(size))
        .collect();
    let mut left = budget.saturating_sub(quotas.iter().sum());
    let mut order: Vec<usize> = (0..shares.len()).collect();
    let remainder = |i: usize| shares.get(i).map_or(0.0, |s| s - s.floor());
    order.sort_by(|&a, &b| remainder(b).total_cmp(&remainder(a)).then(a.cmp(&b)));
    // Normally one round; more only if a size cap blocked a segment.
    while left > 0 {
        let before = left;
        for &i in &order {
            if left == 0 {
                break;
            }
            if let (Some(q), Some(&size)) = (quotas.get_mut(i), sizes.get(i)) {
                if *q < size {
                    *q += 1;
                    left -= 1;
                }
            }
        }
        if left == before {
            break;
        }
    }
    quotas
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(sizes: &[usize]) -> Vec<usize> {
        // Interleaved, as real labels are.
        let mut out = Vec::new();
        let mut left = sizes.to_vec();
        while left.iter().any(|&l| l > 0) {
            for (segment, l) in left.iter_mut().enumerate() {
                if *l > 0 {
                    out.push(segment);
                    *l -= 1;
                }
            }
        }
        out
    }

    fn drawn(sample: &MapSample) -> Vec<usize> {
        sample.segments.iter().map(|s| s.drawn).collect()
    }

    #[test]
    fn small_data_is_drawn_whole() {
        let l = labels(&[10, 5]);
        let sample = sample_for_map(&l, &MapSampleOptions::default());
        assert_eq!(sample.rows, (0..15).collect::<Vec<_>>());
        assert_eq!(drawn(&sample), vec![10, 5]);
    }

    #[test]
    fn shares_are_kept_when_no_floor_binds() {
        // 60,000 / 30,000 / 10,000 into 4,000: exactly 2,400 / 1,200 / 400.
        let l = labels(&[60_000, 30_000, 10_000]);
        let sample = sample_for_map(&l, &MapSampleOptions::default());
        assert_eq!(drawn(&sample), vec![2_400, 1_200, 400]);
        assert_eq!(sample.rows.len(), 4_000);
        assert!(sample.rows.windows(2).all(|w| w[0] < w[1]));
        for &row in &sample.rows {
            assert!(row < l.len());
        }
        // Each drawn row belongs to the segment it was counted in.
        let per_segment = |s: usize| sample.rows.iter().filter(|&&r| l[r] == s).count();
        assert_eq!(per_segment(2), 400);
    }

    #[test]
    fn a_small_segment_keeps_its_floor() {
        // A million customers, one segment of 100 (0.01%: 0.4 of a point
        // by share) and one of 20 (all of it kept).
        let sizes = [700_000, 299_880, 100, 20];
        let sample = sample_for_map(&labels(&sizes), &MapSampleOptions::default());
        let d = drawn(&sample);
        assert_eq!(d[2], 50);
        assert_eq!(d[3], 20);
        assert_eq!(d.iter().sum::<usize>(), 4_000);
        // The other two share the remaining 3,930 in proportion:
        // 3,930 · 700,000 / 999,880 = 2,751.33 and 1,178.67 → 2,751 and 1,179.
        assert_eq!((d[0], d[1]), (2_751, 1_179));
    }

    #[test]
    fn too_many_segments_lower_the_floor() {
        // 100 segments, one huge: floors of 50 would need 5,000 > 4,000,
        // so the floor is 40 for each of the 99 small ones.
        let mut sizes = vec![1_000; 100];
        sizes[0] = 1_000_000;
        let sample = sample_for_map(&labels(&sizes), &MapSampleOptions::default());
        let d = drawn(&sample);
        assert_eq!(d.iter().sum::<usize>(), 4_000);
        assert!(d[1..].iter().all(|&n| n == 40), "{d:?}");
        assert_eq!(d[0], 4_000 - 99 * 40);
    }

    #[test]
    fn seeded_and_segment_numbers_kept() {
        let l: Vec<usize> = (0..20_000).map(|i| [3, 7, 7, 9][i % 4]).collect();
        let options = MapSampleOptions {
            max_points: 1_000,
            ..MapSampleOptions::default()
        };
        let a = sample_for_map(&l, &options);
        assert_eq!(a, sample_for_map(&l, &options));
        let other = sample_for_map(&l, &MapSampleOptions { seed: 1, ..options });
        assert_ne!(a.rows, other.rows);
        let segments: Vec<(usize, usize, usize)> = a
            .segments
            .iter()
            .map(|s| (s.segment, s.size, s.drawn))
            .collect();
        assert_eq!(
            segments,
            vec![(3, 5_000, 250), (7, 10_000, 500), (9, 5_000, 250)]
        );
        assert_eq!(a.customers, 20_000);
    }

    #[test]
    fn empty_and_zero_budget() {
        let none = sample_for_map(&[], &MapSampleOptions::default());
        assert!(none.rows.is_empty() && none.segments.is_empty());
        let zero = sample_for_map(
            &labels(&[10, 10]),
            &MapSampleOptions {
                max_points: 0,
                ..MapSampleOptions::default()
            },
        );
        assert!(zero.rows.is_empty());
    }
}
