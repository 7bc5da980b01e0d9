//! The same category spelt several ways: values whose folded keys
//! ([`super::category_key`]) are equal but whose text differs ("Tehran" / "tehran " / "TEHRAN",
//! "كرمان" / "کرمان"). Reported with counts so the user can merge them; never
//! merged silently, because folding is lossy (ة→ه is not always right).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::fold::category_key;
use crate::core::schema::is_missing;
use crate::core::table::TextColumn;

/// Groups reported per column, largest first.
pub const MAX_VARIANT_GROUPS: usize = 20;

/// One category and the spellings it appears under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantGroup {
    /// The spelling to merge into: the most frequent one (ties: the first in
    /// the file).
    pub suggested: String,
    /// Every spelling, as written, with its number of cells; most frequent
    /// first, ties in file order.
    pub spellings: Vec<(String, usize)>,
}

impl VariantGroup {
    /// Cells that would change if the group were merged into `suggested`.
    pub fn cells_to_change(&self) -> usize {
        self.spellings.iter().skip(1).map(|(_, n)| n).sum()
    }
}

/// The groups of a column with more than one spelling, largest (by cells)
/// first, at most [`MAX_VARIANT_GROUPS`].
pub fn spelling_variants(cells: &TextColumn) -> Vec<VariantGroup> {
    // Distinct spellings in file order, then grouped by key: folding runs
    // once per distinct value, not once per cell.
    let mut order: Vec<&str> = Vec::new();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for cell in cells.iter().filter(|cell| !is_missing(cell)) {
        let count = counts.entry(cell).or_insert(0);
        if *count == 0 {
            order.push(cell);
        }
        *count += 1;
    }
    let mut groups: Vec<Vec<(String, usize)>> = Vec::new();
    let mut group_of_key: HashMap<String, usize> = HashMap::new();
    for spelling in order {
        let count = counts.get(spelling).copied().unwrap_or(0);
        let key = category_key(spelling);
        let next = groups.len();
        let index = *group_of_key.entry(key).or_insert(next);
        if index == next {
            groups.push(Vec::new());
        }
        if let Some(group) = groups.get_mut(index) {
            group.push((spelling.to_string(), count));
        }
    }
    let mut variants: Vec<VariantGroup> = groups
        .into_iter()
        .filter(|spellings| spellings.len() > 1)
        .map(|mut spellings| {
            // Stable: equal counts keep file order.
            spellings.sort_by_key(|s| std::cmp::Reverse(s.1));
            VariantGroup {
                suggested: spellings.first().map(|s| s.0.clone()).unwrap_or_default(),
                spellings,
            }
        })
        .collect();
    variants
        .sort_by_key(|group| std::cmp::Reverse(group.spellings.iter().map(|s| s.1).sum::<usize>()));
    variants.truncate(MAX_VARIANT_GROUPS);
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_grouped_with_counts_and_a_suggestion() {
        let cells: TextColumn = [
            "Tehran", "tehran ", "Shiraz", "Tehran", "TEHRAN", "", "Shiraz",
        ]
        .into_iter()
        .collect();
        assert_eq!(
            spelling_variants(&cells),
            [VariantGroup {
                suggested: "Tehran".into(),
                spellings: vec![
                    ("Tehran".into(), 2),
                    ("tehran ".into(), 1),
                    ("TEHRAN".into(), 1)
                ],
            }]
        );
        assert_eq!(spelling_variants(&cells)[0].cells_to_change(), 2);
    }

    #[test]
    fn one_spelling_each_is_no_variant() {
        let cells: TextColumn = ["a", "b", "a"].into_iter().collect();
        assert!(spelling_variants(&cells).is_empty());
    }
}
