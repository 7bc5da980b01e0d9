//! Rows grouped by a key, keeping only the keys met on more than one row:
//! what id duplicates and likely duplicates (same email, same phone) both
//! ask of a column.

use std::collections::hash_map::Entry;
use std::hash::Hash;

use rustc_hash::FxHashMap;

/// Each key met on several rows with all its rows (ascending), keys in the
/// order of their first row.
///
/// Why not a map from key to list: most keys of a customer table are met
/// once, and a list per key was a million small allocations on a
/// million-row file. Here a key's later rows get a list only when there
/// are some.
pub(super) fn repeated_keys<K: Hash + Eq + Copy>(
    keyed_rows: impl Iterator<Item = (usize, K)>,
) -> Vec<(K, Vec<usize>)> {
    let mut slot_of: FxHashMap<K, usize> = FxHashMap::default();
    let mut firsts: Vec<(K, usize, Vec<usize>)> = Vec::new();
    for (row, key) in keyed_rows {
        match slot_of.entry(key) {
            Entry::Occupied(slot) => {
                if let Some((_, _, later)) = firsts.get_mut(*slot.get()) {
                    later.push(row);
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(firsts.len());
                firsts.push((key, row, Vec::new()));
            }
        }
    }
    firsts
        .into_iter()
        .filter(|(_, _, later)| !later.is_empty())
        .map(|(key, first, later)| {
            let rows = std::iter::once(first).chain(later).collect();
            (key, rows)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_met_again_with_every_row_in_order() {
        let keys = ["a", "b", "a", "c", "b", "a"];
        let found = repeated_keys(keys.iter().copied().enumerate());
        assert_eq!(found, vec![("a", vec![0, 2, 5]), ("b", vec![1, 4])]);
    }
}
