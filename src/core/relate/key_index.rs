//! Customer keys interned once: each distinct compared key (see
//! `key_text`) gets a small number, so matching a file of millions of rows
//! is one hash lookup per row and per-customer facts live in plain vectors
//! indexed by that number.

use rustc_hash::FxHashMap;

use super::key_text::comparison_key_into;
use crate::core::table::TextColumn;

/// Distinct keys, numbered in order of first appearance.
#[derive(Debug, Clone, Default)]
pub struct KeyIndex {
    numbers: FxHashMap<Box<str>, u32>,
    /// 0-based data row where each key first appeared.
    first_rows: Vec<usize>,
}

impl KeyIndex {
    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.first_rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first_rows.is_empty()
    }

    /// The number of an already compared key, if it is known.
    pub fn number_of(&self, compared: &str) -> Option<u32> {
        self.numbers.get(compared).copied()
    }

    /// The row where key `number` first appeared.
    pub fn first_row(&self, number: u32) -> Option<usize> {
        self.first_rows.get(number as usize).copied()
    }

    /// The number of a compared key, numbering it if it is new. None only
    /// past 4 billion distinct keys, which no file that fits in memory has.
    pub fn intern(&mut self, compared: &str, row: usize) -> Option<u32> {
        if let Some(&number) = self.numbers.get(compared) {
            return Some(number);
        }
        let number = u32::try_from(self.first_rows.len()).ok()?;
        self.numbers.insert(compared.into(), number);
        self.first_rows.push(row);
        Some(number)
    }
}

/// A key column read once: the index of its distinct keys and, per row,
/// the key's number (None for a blank key).
#[derive(Debug, Clone, Default)]
pub struct InternedColumn {
    pub index: KeyIndex,
    pub numbers: Vec<Option<u32>>,
}

impl InternedColumn {
    pub fn read(cells: &TextColumn) -> Self {
        let mut index = KeyIndex::default();
        let mut numbers = Vec::with_capacity(cells.len());
        let mut compared = String::new();
        for (row, cell) in cells.iter().enumerate() {
            let number = if comparison_key_into(cell, &mut compared) {
                index.intern(&compared, row)
            } else {
                None
            };
            numbers.push(number);
        }
        InternedColumn { index, numbers }
    }

    /// Rows with a key (not blank).
    pub fn present_rows(&self) -> usize {
        self.numbers.iter().filter(|n| n.is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_share_a_number() {
        let cells: TextColumn = ["17", " 17.0", "", "C2", "c2", "NA"].into_iter().collect();
        let column = InternedColumn::read(&cells);
        assert_eq!(column.index.len(), 2);
        assert_eq!(
            column.numbers,
            vec![Some(0), Some(0), None, Some(1), Some(1), None]
        );
        assert_eq!(column.present_rows(), 4);
        assert_eq!(column.index.first_row(1), Some(3));
        assert_eq!(column.index.number_of("c2"), Some(1));
        assert_eq!(column.index.number_of("C2"), None);
    }
}
