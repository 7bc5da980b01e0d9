//! A column's distinct trimmed values as type inference meets them, in a
//! hash table that keeps no key: an entry is found again by the text of
//! the cell at its first row. A `(&str, entry)` map spent 16 bytes a value
//! on the key; on a column with a value per row (ids, timestamps) the table
//! is the largest thing inference allocates, and the smaller it is, the
//! fewer cache misses each lookup waits on.

use std::hash::BuildHasher;

use hashbrown::hash_table::Entry;
use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::trim::trim_cell;
use crate::core::table::TextColumn;

/// One distinct value: the row of its first cell, its number of cells and
/// what the caller read from it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seen<V> {
    pub first_row: u32,
    pub cells: u32,
    pub value: V,
}

/// The distinct trimmed values of `cells`, each with a `V`.
pub(super) struct ValueTable<'a, V> {
    cells: &'a TextColumn,
    table: HashTable<Seen<V>>,
}

impl<'a, V: Copy> ValueTable<'a, V> {
    pub fn new(cells: &'a TextColumn) -> Self {
        ValueTable {
            cells,
            table: HashTable::new(),
        }
    }

    /// The value of a text met before (`hash` its [`hash`]), counted once
    /// more; `None` if new. Looking up a batch of cells this way first, one
    /// after another, lets the processor wait on several lookups' memory
    /// at once, where reading a new value in between would keep it busy.
    pub fn count_known(&mut self, trimmed: &str, filed_under: u64) -> Option<V> {
        let cells = self.cells;
        let seen = self.table.find_mut(filed_under, |seen| {
            text_at(cells, seen.first_row) == trimmed
        })?;
        seen.cells = seen.cells.saturating_add(1);
        Some(seen.value)
    }

    /// Count the cell at `row`, whose trimmed text is `trimmed`, filed
    /// under `filed_under` (its [`hash`]): its value once more, or a new one
    /// read by `read` the first time (the `bool` says which). `None` for a
    /// row past `u32::MAX`, which an entry cannot point back to.
    pub fn count_hashed(
        &mut self,
        trimmed: &str,
        filed_under: u64,
        row: usize,
        read: impl FnOnce() -> V,
    ) -> Option<(V, bool)> {
        let first_row = u32::try_from(row).ok()?;
        let cells = self.cells;
        let found = self.table.entry(
            filed_under,
            |seen| text_at(cells, seen.first_row) == trimmed,
            |seen| hash(text_at(cells, seen.first_row)),
        );
        Some(match found {
            Entry::Occupied(mut seen) => {
                let seen = seen.get_mut();
                seen.cells = seen.cells.saturating_add(1);
                (seen.value, false)
            }
            Entry::Vacant(place) => {
                let value = read();
                place.insert(Seen {
                    first_row,
                    cells: 1,
                    value,
                });
                (value, true)
            }
        })
    }

    /// The entry of a trimmed text, if met.
    pub fn get(&self, trimmed: &str) -> Option<&Seen<V>> {
        let cells = self.cells;
        self.table.find(hash(trimmed), |seen| {
            text_at(cells, seen.first_row) == trimmed
        })
    }

    pub fn entries(&self) -> impl Iterator<Item = &Seen<V>> + '_ {
        self.table.iter()
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Room for `additional` more values without growing.
    pub fn reserve(&mut self, additional: usize) {
        let cells = self.cells;
        self.table
            .reserve(additional, |seen| hash(text_at(cells, seen.first_row)));
    }
}

/// The hash the table files a trimmed text under.
pub(super) fn hash(text: &str) -> u64 {
    FxBuildHasher.hash_one(text)
}

/// The trimmed text of the cell at `row` ("" past the end: never, for an
/// entry made from this column).
fn text_at(cells: &TextColumn, row: u32) -> &str {
    trim_cell(cells.get(row as usize).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_by_their_first_cell_and_counted() {
        let column: TextColumn = [" a", "b", "a ", "", "c", "b", "a"].into_iter().collect();
        let mut table = ValueTable::new(&column);
        let mut reads = 0;
        for (row, cell) in column.iter().enumerate() {
            let read = || {
                reads += 1;
                trim_cell(cell).len()
            };
            let trimmed = trim_cell(cell);
            table
                .count_hashed(trimmed, hash(trimmed), row, read)
                .unwrap();
        }
        assert_eq!(reads, 4, "each distinct trimmed value read once");
        assert_eq!(table.len(), 4);
        let a = table.get("a").unwrap();
        assert_eq!((a.first_row, a.cells, a.value), (0, 3, 1));
        let b = table.get("b").unwrap();
        assert_eq!((b.first_row, b.cells), (1, 2));
        assert_eq!(table.get("").unwrap().first_row, 3);
        assert!(table.get("d").is_none());
        assert_eq!(table.entries().map(|s| s.cells).sum::<u32>(), 7);
    }

    #[test]
    fn growing_and_reserving_keep_every_value() {
        let texts: Vec<String> = (0..20_000).map(|i| format!("v{}", i % 7_000)).collect();
        let column: TextColumn = texts.iter().map(String::as_str).collect();
        let mut table = ValueTable::new(&column);
        for (row, cell) in column.iter().enumerate() {
            if row == 1_000 {
                table.reserve(50_000);
            }
            table.count_hashed(cell, hash(cell), row, || ()).unwrap();
        }
        assert_eq!(table.len(), 7_000);
        for i in [0, 1, 3_999, 6_999] {
            let seen = table.get(&format!("v{i}")).unwrap();
            assert_eq!((seen.first_row, seen.cells), (i, 3 - u32::from(i >= 6_000)));
        }
    }
}
