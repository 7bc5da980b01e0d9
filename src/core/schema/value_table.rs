//! A column's distinct trimmed values as type inference meets them.
//!
//! Two ways of keeping them, neither storing a key:
//!
//! - **In order.** While every value met is greater than the one before
//!   (equal ones side by side), the values are a list in that order: a
//!   cell is either the last value again or a new one, and nothing is
//!   hashed or looked up. Ids numbered row by row and a log's timestamps
//!   come this way, and they are the columns with a value per row, where
//!   a hash table's cache misses were most of inference's time.
//! - **Hashed.** Once a value comes out of order, the list moves into a
//!   hash table whose entries are found again by the text of the cell at
//!   their first row. A `(&str, entry)` map spent 16 bytes a value on the
//!   key; the smaller the table, the fewer cache misses a lookup waits on.

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

/// How a text not met before is to be filed, as [`ValueTable::count_known`]
/// found out.
#[derive(Debug, Clone, Copy)]
pub(super) enum Filing {
    /// After the values in order (if it still comes after the last).
    InOrder,
    /// In the hash table, under this hash.
    Hashed(u64),
}

/// The distinct trimmed values of `cells`, each with a `V`.
pub(super) struct ValueTable<'a, V> {
    cells: &'a TextColumn,
    /// The values, while every value met came in ascending order (see
    /// [`ValueTable::is_ordered`]).
    in_order: Vec<Seen<V>>,
    /// The text of the last value in `in_order`.
    last: Option<&'a str>,
    table: HashTable<Seen<V>>,
}

impl<'a, V: Copy> ValueTable<'a, V> {
    pub fn new(cells: &'a TextColumn) -> Self {
        ValueTable {
            cells,
            in_order: Vec::new(),
            last: None,
            table: HashTable::new(),
        }
    }

    /// The value of a text met before, counted once more; if new, how to
    /// file it. Looking up a batch of cells this way first, one after
    /// another, lets the processor wait on several lookups' memory at
    /// once, where reading a new value in between would keep it busy.
    pub fn count_known(&mut self, trimmed: &'a str) -> Result<V, Filing> {
        if self.is_ordered() {
            match self.place_in_order(trimmed) {
                InOrder::Last(seen) => {
                    seen.cells = seen.cells.saturating_add(1);
                    return Ok(seen.value);
                }
                InOrder::After => return Err(Filing::InOrder),
                InOrder::Before => self.hash_the_values(),
            }
        }
        let filed_under = hash(trimmed);
        let cells = self.cells;
        let found = self.table.find_mut(filed_under, |seen| {
            text_at(cells, seen.first_row) == trimmed
        });
        match found {
            Some(seen) => {
                seen.cells = seen.cells.saturating_add(1);
                Ok(seen.value)
            }
            None => Err(Filing::Hashed(filed_under)),
        }
    }

    /// Count the cell at `row`, whose trimmed text is `trimmed`, filed as
    /// [`ValueTable::count_known`] said (values may have been met or come
    /// out of order since): its value once more, or a new one read by
    /// `read` the first time (the `bool` says which). `None` for a row past
    /// `u32::MAX`, which an entry cannot point back to.
    pub fn count_new(
        &mut self,
        trimmed: &'a str,
        filing: Filing,
        row: usize,
        read: impl FnOnce() -> V,
    ) -> Option<(V, bool)> {
        let first_row = u32::try_from(row).ok()?;
        if self.is_ordered() {
            match self.place_in_order(trimmed) {
                InOrder::Last(seen) => {
                    seen.cells = seen.cells.saturating_add(1);
                    return Some((seen.value, false));
                }
                InOrder::After => {
                    let value = read();
                    self.in_order.push(Seen {
                        first_row,
                        cells: 1,
                        value,
                    });
                    self.last = Some(trimmed);
                    return Some((value, true));
                }
                InOrder::Before => self.hash_the_values(),
            }
        }
        let filed_under = match filing {
            Filing::Hashed(filed_under) => filed_under,
            Filing::InOrder => hash(trimmed),
        };
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

    /// True while every value met came in ascending order. The hash table
    /// is filled only when a value leaves the order, and then with at
    /// least the one before it, so an empty table says exactly that.
    fn is_ordered(&self) -> bool {
        self.table.is_empty()
    }

    /// Where `trimmed` stands against the values in order.
    fn place_in_order(&mut self, trimmed: &str) -> InOrder<'_, V> {
        match self.last {
            Some(last) if trimmed == last => match self.in_order.last_mut() {
                Some(seen) => InOrder::Last(seen),
                None => InOrder::After,
            },
            Some(last) if trimmed < last => InOrder::Before,
            _ => InOrder::After,
        }
    }

    /// A value came out of order: from now on every value is hashed.
    fn hash_the_values(&mut self) {
        let cells = self.cells;
        let rehash = |seen: &Seen<V>| hash(text_at(cells, seen.first_row));
        // The list's capacity keeps any room reserved for the rest of the
        // column (see `reserve`), so the table need not grow again.
        self.table.reserve(self.in_order.capacity(), rehash);
        for seen in std::mem::take(&mut self.in_order) {
            self.table.insert_unique(rehash(&seen), seen, rehash);
        }
        self.last = None;
    }

    /// The entry of a trimmed text, if met.
    pub fn get(&self, trimmed: &str) -> Option<&Seen<V>> {
        let cells = self.cells;
        if self.is_ordered() {
            let at = self
                .in_order
                .binary_search_by(|seen| text_at(cells, seen.first_row).cmp(trimmed))
                .ok()?;
            return self.in_order.get(at);
        }
        self.table.find(hash(trimmed), |seen| {
            text_at(cells, seen.first_row) == trimmed
        })
    }

    pub fn entries(&self) -> impl Iterator<Item = &Seen<V>> + '_ {
        self.in_order.iter().chain(self.table.iter())
    }

    pub fn len(&self) -> usize {
        self.in_order.len() + self.table.len()
    }

    /// Room for `additional` more values without growing.
    pub fn reserve(&mut self, additional: usize) {
        if self.is_ordered() {
            self.in_order.reserve(additional);
        } else {
            let cells = self.cells;
            self.table
                .reserve(additional, |seen| hash(text_at(cells, seen.first_row)));
        }
    }
}

/// Where a text stands against the values met in order.
enum InOrder<'t, V> {
    /// The last value again.
    Last(&'t mut Seen<V>),
    /// After the last: a new value, still in order.
    After,
    /// Before the last: out of order.
    Before,
}

/// The hash the table files a trimmed text under.
fn hash(text: &str) -> u64 {
    FxBuildHasher.hash_one(text)
}

/// The trimmed text of the cell at `row` ("" past the end: never, for an
/// entry made from this column).
fn text_at(cells: &TextColumn, row: u32) -> &str {
    trim_cell(cells.get(row as usize).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// Count every cell the way inference does: a batch looked up first,
    /// then its new cells filed in row order. How many values were read.
    fn count_all<'a, V: Copy>(
        table: &mut ValueTable<'a, V>,
        column: &'a TextColumn,
        batch: usize,
        read: impl Fn(&str) -> V,
    ) -> usize {
        let mut reads = 0;
        let rows: Vec<(usize, &str)> = column.iter().enumerate().collect();
        for chunk in rows.chunks(batch) {
            let filings: Vec<Option<Filing>> = chunk
                .iter()
                .map(|(_, cell)| table.count_known(trim_cell(cell)).err())
                .collect();
            for (&(row, cell), filing) in chunk.iter().zip(filings) {
                if let Some(filing) = filing {
                    let trimmed = trim_cell(cell);
                    let (_, new) = table
                        .count_new(trimmed, filing, row, || read(trimmed))
                        .unwrap();
                    reads += usize::from(new);
                }
            }
        }
        reads
    }

    /// Each distinct trimmed text's first row and number of cells,
    /// counted plainly: the oracle.
    fn plain_counts(column: &TextColumn) -> HashMap<&str, (u32, u32)> {
        let mut counts: HashMap<&str, (u32, u32)> = HashMap::new();
        for (row, cell) in column.iter().enumerate() {
            counts.entry(trim_cell(cell)).or_insert((row as u32, 0)).1 += 1;
        }
        counts
    }

    fn assert_counts_match(table: &ValueTable<'_, usize>, column: &TextColumn) {
        let expected = plain_counts(column);
        assert_eq!(table.len(), expected.len());
        for (text, &(first_row, cells)) in &expected {
            let seen = table
                .get(text)
                .unwrap_or_else(|| panic!("{text:?} not found"));
            assert_eq!(
                (seen.first_row, seen.cells, seen.value),
                (first_row, cells, text.len()),
                "{text:?}"
            );
        }
        let total: u32 = table.entries().map(|s| s.cells).sum();
        assert_eq!(total as usize, column.len());
    }

    #[test]
    fn values_are_found_by_their_first_cell_and_counted() {
        let column: TextColumn = [" a", "b", "a ", "", "c", "b", "a"].into_iter().collect();
        let mut table = ValueTable::new(&column);
        let reads = count_all(&mut table, &column, 1, str::len);
        assert_eq!(reads, 4, "each distinct trimmed value read once");
        assert!(!table.is_ordered(), "b then a is out of order");
        let a = table.get("a").unwrap();
        assert_eq!((a.first_row, a.cells, a.value), (0, 3, 1));
        let b = table.get("b").unwrap();
        assert_eq!((b.first_row, b.cells), (1, 2));
        assert_eq!(table.get("").unwrap().first_row, 3);
        assert!(table.get("d").is_none());
        assert_counts_match(&table, &column);
    }

    #[test]
    fn values_in_ascending_order_are_never_hashed() {
        // Equal values side by side, as a log's timestamps repeat.
        let texts: Vec<String> = (0..10_000).map(|i| format!("T{:06}", i / 3)).collect();
        let column: TextColumn = texts.iter().map(String::as_str).collect();
        let mut table = ValueTable::new(&column);
        table.reserve(4_000);
        let reads = count_all(&mut table, &column, 32, str::len);
        assert_eq!(reads, 3_334);
        assert!(table.is_ordered());
        assert_eq!(table.table.len(), 0);
        assert_counts_match(&table, &column);
        assert!(table.get("T000000").is_some() && table.get("T9").is_none());
    }

    #[test]
    fn values_that_leave_their_order_are_all_hashed_and_kept() {
        // In order for a while, then out of it: at a batch's start, within
        // a batch's lookups, and between a batch's new values (both later
        // than the last in order, but not in order with each other).
        for (break_at, batch) in [(64, 32), (70, 32), (5_000, 32), (3, 1)] {
            let mut texts: Vec<String> = (0..break_at).map(|i| format!("id{i:05}")).collect();
            texts.extend(["zz".to_string(), "zy".to_string(), "id00001".to_string()]);
            texts.extend((0..3_000).map(|i| format!("id{:05}", (i * 7_919) % 6_000)));
            let column: TextColumn = texts.iter().map(String::as_str).collect();
            let mut table = ValueTable::new(&column);
            let reads = count_all(&mut table, &column, batch, str::len);
            assert!(!table.is_ordered());
            assert!(table.in_order.is_empty());
            assert_eq!(reads, plain_counts(&column).len(), "{break_at}");
            assert_counts_match(&table, &column);
        }
    }

    #[test]
    fn room_reserved_while_in_order_is_kept_when_hashing_begins() {
        let column: TextColumn = ["a", "b", "c", "a"].into_iter().collect();
        let mut table = ValueTable::new(&column);
        table.reserve(10_000);
        count_all(&mut table, &column, 1, str::len);
        assert!(!table.is_ordered());
        assert!(
            table.table.capacity() >= 10_000,
            "{}",
            table.table.capacity()
        );
    }

    #[test]
    fn growing_and_reserving_keep_every_value() {
        let texts: Vec<String> = (0..20_000).map(|i| format!("v{}", i % 7_000)).collect();
        let column: TextColumn = texts.iter().map(String::as_str).collect();
        let mut table = ValueTable::new(&column);
        let (head, tail): (Vec<_>, Vec<_>) =
            column.iter().enumerate().partition(|(row, _)| *row < 1_000);
        for rows in [head, tail] {
            for (row, cell) in rows {
                if let Err(filing) = table.count_known(cell) {
                    table.count_new(cell, filing, row, || cell.len()).unwrap();
                }
            }
            table.reserve(50_000);
        }
        assert_eq!(table.len(), 7_000);
        for i in [0, 1, 3_999, 6_999] {
            let seen = table.get(&format!("v{i}")).unwrap();
            assert_eq!((seen.first_row, seen.cells), (i, 3 - u32::from(i >= 6_000)));
        }
        assert_counts_match(&table, &column);
    }
}
