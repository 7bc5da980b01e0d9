//! How alike two partitions of the same points are, whatever the cluster
//! numbers: the adjusted Rand index (Hubert & Arabie 1985), 1 for the same
//! partition and about 0 for chance agreement; and the share of pairs one
//! partition keeps together that the other keeps together too.

use std::collections::BTreeMap;

/// Counts per (a, b) label pair, with the row and column totals.
struct Contingency {
    cells: Vec<u64>,
    rows: Vec<u64>,
    columns: Vec<u64>,
    n: u64,
}

fn dense(labels: &[usize]) -> (Vec<usize>, usize) {
    let mut ids = BTreeMap::new();
    let dense = labels
        .iter()
        .map(|l| {
            let next = ids.len();
            *ids.entry(*l).or_insert(next)
        })
        .collect();
    (dense, ids.len())
}

fn contingency(a: &[usize], b: &[usize]) -> Contingency {
    let (a, ka) = dense(a);
    let (b, kb) = dense(b);
    let mut cells = vec![0u64; ka * kb];
    let mut rows = vec![0u64; ka];
    let mut columns = vec![0u64; kb];
    for (&i, &j) in a.iter().zip(&b) {
        if let Some(c) = cells.get_mut(i * kb + j) {
            *c += 1;
        }
        if let Some(r) = rows.get_mut(i) {
            *r += 1;
        }
        if let Some(c) = columns.get_mut(j) {
            *c += 1;
        }
    }
    Contingency {
        cells,
        rows,
        columns,
        n: a.len().min(b.len()) as u64,
    }
}

/// Pairs among `count` items, exact in u64 for any count below 2³².
fn pairs(count: u64) -> u64 {
    count * count.saturating_sub(1) / 2
}

fn pair_sum(counts: &[u64]) -> u64 {
    counts.iter().map(|&c| pairs(c)).sum()
}

/// The adjusted Rand index of two labelings of the same points (compared
/// over the shorter length): (index − expected) / (max − expected), with
/// the pair counts of their contingency table. Two trivial partitions
/// that agree (one cluster each, or singletons each) give 1, as
/// scikit-learn's `adjusted_rand_score`.
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    let table = contingency(a, b);
    let index = pair_sum(&table.cells) as f64;
    let sum_a = pair_sum(&table.rows) as f64;
    let sum_b = pair_sum(&table.columns) as f64;
    let all = pairs(table.n) as f64;
    if all == 0.0 {
        return 1.0;
    }
    let expected = sum_a * sum_b / all;
    let max = (sum_a + sum_b) / 2.0;
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// Of the pairs of points `reference` puts in one cluster, the share that
/// `other` also puts in one cluster ("how often customers stay together");
/// 1 when the reference has no such pairs.
pub fn pairs_kept_together(reference: &[usize], other: &[usize]) -> f64 {
    let table = contingency(reference, other);
    let together = pair_sum(&table.rows);
    if together == 0 {
        return 1.0;
    }
    pair_sum(&table.cells) as f64 / together as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_partition_with_other_numbers_is_one() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1, 2], &[5, 5, 3, 3, 9]), 1.0);
        assert_eq!(adjusted_rand_index(&[0, 0, 0], &[1, 1, 1]), 1.0);
        assert_eq!(adjusted_rand_index(&[0, 1, 2], &[2, 1, 0]), 1.0);
    }

    #[test]
    fn by_hand() {
        // a = {0,1,2}{3,4,5}, b = {0,1}{2,3}{4,5}.
        // Contingency [[2,1,0],[0,1,2]]: index = 1 + 1 = 2;
        // rows 3,3 → 3+3 = 6; columns 2,2,2 → 3; all = 15.
        // expected = 6·3/15 = 1.2, max = 4.5, ARI = 0.8/3.3 = 8/33.
        let a = [0, 0, 0, 1, 1, 1];
        let b = [0, 0, 1, 1, 2, 2];
        assert!((adjusted_rand_index(&a, &b) - 8.0 / 33.0).abs() < 1e-15);
        // sklearn.metrics.adjusted_rand_score gives 0.24242424242424243.
        assert!((adjusted_rand_index(&a, &b) - 0.242_424_242_424_242_43).abs() < 1e-15);
        // a keeps 6 pairs together, b keeps 2 of them.
        assert!((pairs_kept_together(&a, &b) - 2.0 / 6.0).abs() < 1e-15);
        assert_eq!(pairs_kept_together(&b, &b), 1.0);
    }
}
