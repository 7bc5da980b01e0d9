//! Small integer ids for the strings of a column (customer ids, invoice
//! numbers): a log of millions of lines holds one `u32` per line instead of
//! one `String`, and groups by integer comparisons.

use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

use rustc_hash::FxBuildHasher;

/// Hands out ids 0, 1, 2… in order of first appearance.
///
/// Looking names up is most of the time of reading a large log: a table of
/// a million names is far bigger than the processor's caches, and each
/// place a lookup reads waits on memory. So a name's hash is kept with it
/// (growing the table moves names without reading their text again), and a
/// short name's bytes are kept in the table itself (a match is confirmed
/// without reading the text, which lies at a random place in the table).
/// On the generator's 4 M-line log this read customer ids in 0.22 s instead
/// of 0.35 s and invoice numbers in 0.59 s instead of 0.85 s.
#[derive(Debug, Default)]
pub struct Interner<'t> {
    short: HashMap<ShortName, u32, KeptHashes>,
    long: HashMap<LongName<'t>, u32, KeptHashes>,
    names: Vec<&'t str>,
}

impl<'t> Interner<'t> {
    /// The id of `name`, a new one the first time it is seen; `None` only
    /// past `u32::MAX` distinct names (more than any table can hold).
    pub fn id(&mut self, name: &'t str) -> Option<u32> {
        let hash = FxBuildHasher.hash_one(name);
        match ShortName::of(name, hash) {
            Some(short) => match self.short.entry(short) {
                Entry::Occupied(seen) => Some(*seen.get()),
                Entry::Vacant(slot) => Some(*slot.insert(new_id(&mut self.names, name)?)),
            },
            None => match self.long.entry(LongName { hash, name }) {
                Entry::Occupied(seen) => Some(*seen.get()),
                Entry::Vacant(slot) => Some(*slot.insert(new_id(&mut self.names, name)?)),
            },
        }
    }

    /// The names in sorted order, and for each id in order of appearance
    /// its position in that order, so ids can be renumbered to sort as their
    /// names do.
    pub fn into_sorted(self) -> (Vec<String>, Vec<u32>) {
        // Sorting (prefix, name, id) triples rather than ids looked up in
        // `names` saves a hop per comparison, and the prefix (the first
        // eight bytes as a number) settles most comparisons without reading
        // the names' text, scattered over the table: 0.87 M generated
        // customer ids sort in 0.05 s (0.3 s comparing names). Names are
        // distinct, so the order is the names' order.
        let mut by_name: Vec<(u64, &str, u32)> = self
            .names
            .iter()
            .zip(0u32..)
            .map(|(&name, id)| (sort_prefix(name), name, id))
            .collect();
        by_name.sort_unstable_by(|a, b| by_prefix_then_name((a.0, a.1), (b.0, b.1)));
        let mut rank = vec![0u32; by_name.len()];
        for (position, &(_, _, id)) in (0u32..).zip(&by_name) {
            if let Some(slot) = rank.get_mut(id as usize) {
                *slot = position;
            }
        }
        let sorted = by_name
            .iter()
            .map(|(_, name, _)| name.to_string())
            .collect();
        (sorted, rank)
    }
}

/// The next id, `name` recorded as its name.
fn new_id<'t>(names: &mut Vec<&'t str>, name: &'t str) -> Option<u32> {
    let id = u32::try_from(names.len()).ok()?;
    names.push(name);
    Some(id)
}

/// Bytes of a name kept in the table (see [`ShortName`]).
const SHORT: usize = 15;

/// A name of at most [`SHORT`] bytes (customer ids and invoice numbers
/// nearly always are): its bytes padded with zeros, its length in the last
/// byte (so `"a"` and `"a\0"` differ), and its hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ShortName {
    hash: u64,
    bytes: [u64; 2],
}

impl ShortName {
    fn of(name: &str, hash: u64) -> Option<ShortName> {
        let text = name.as_bytes();
        let length = u8::try_from(text.len())
            .ok()
            .filter(|&length| usize::from(length) <= SHORT)?;
        let mut padded = [0u8; SHORT + 1];
        padded.get_mut(..text.len())?.copy_from_slice(text);
        *padded.get_mut(SHORT)? = length;
        let (low, high) = padded.split_at(8);
        Some(ShortName {
            hash,
            bytes: [
                u64::from_le_bytes(low.try_into().ok()?),
                u64::from_le_bytes(high.try_into().ok()?),
            ],
        })
    }
}

impl Hash for ShortName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// A longer name, by reference, and its hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LongName<'t> {
    hash: u64,
    name: &'t str,
}

impl Hash for LongName<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Tables keyed by names whose hash is already computed and kept.
type KeptHashes = BuildHasherDefault<KeptHash>;

/// Hands a kept hash (written as one `u64`) to the table unchanged.
#[derive(Debug, Default)]
struct KeptHash(u64);

impl Hasher for KeptHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }

    /// Not used by the keys above; any bytes still hash to something.
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }
}

/// The first eight bytes of `name`, padded with zeros, as a big-endian
/// number. Where two names' prefixes differ the names differ the same way:
/// at the first byte that differs either both names have a byte, or the
/// shorter has ended (its pad is zero, and a name that ends first sorts
/// first). Equal prefixes leave the names to decide.
fn sort_prefix(name: &str) -> u64 {
    let mut prefix = [0u8; 8];
    for (slot, &byte) in prefix.iter_mut().zip(name.as_bytes()) {
        *slot = byte;
    }
    u64::from_be_bytes(prefix)
}

/// `str` order, decided by the prefixes when they differ.
fn by_prefix_then_name(a: (u64, &str), b: (u64, &str)) -> Ordering {
    a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_first_appearance_and_ranks_follow_the_names() {
        let mut interner = Interner::default();
        let ids: Vec<_> = ["b", "a", "b", "c", "a"]
            .into_iter()
            .map(|name| interner.id(name))
            .collect();
        assert_eq!(ids, [Some(0), Some(1), Some(0), Some(2), Some(1)]);
        let (names, rank) = interner.into_sorted();
        assert_eq!(names, ["a", "b", "c"]);
        // b (id 0) sorts second, a (id 1) first, c (id 2) third.
        assert_eq!(rank, [1, 0, 2]);
    }

    /// Names of every length around the short names' and the prefixes'
    /// limits, with zero bytes, shared prefixes and non-ASCII text.
    fn awkward_names() -> Vec<String> {
        let mut names = Vec::new();
        for length in 0..=20 {
            names.push("x".repeat(length));
            names.push(format!("{}\0", "x".repeat(length)));
            names.push(format!("{}y", "x".repeat(length)));
            names.push(format!("C{length:0width$}", width = length));
        }
        names.extend(
            [
                "\0",
                "\0\0",
                "a\0b",
                "a",
                "ab",
                "abcdefgh",
                "abcdefgh\0",
                "abcdefgi",
                "é",
                "e",
                "ée",
                "17850",
                "1785",
                "178500",
                "۱۲۳",
                "customer@example.com",
                "customer@example.org",
                "CO-1042",
                "C536379",
            ]
            .map(String::from),
        );
        names
    }

    #[test]
    fn ids_and_order_are_those_of_a_plain_map_and_sort() {
        let names = awkward_names();
        // Every name twice, the second pass backwards.
        let stream: Vec<&str> = names
            .iter()
            .chain(names.iter().rev())
            .map(String::as_str)
            .collect();
        let mut interner = Interner::default();
        let mut plain: std::collections::HashMap<&str, u32> = Default::default();
        let mut first_seen: Vec<&str> = Vec::new();
        for &name in &stream {
            let expected = *plain.entry(name).or_insert_with(|| {
                first_seen.push(name);
                u32::try_from(first_seen.len() - 1).unwrap_or(u32::MAX)
            });
            assert_eq!(interner.id(name), Some(expected), "{name:?}");
        }
        let (sorted, rank) = interner.into_sorted();
        let mut expected_sorted: Vec<&str> = first_seen.clone();
        expected_sorted.sort_unstable();
        assert_eq!(sorted, expected_sorted);
        for (id, name) in first_seen.iter().enumerate() {
            let position = rank.get(id).map(|&p| p as usize);
            assert_eq!(
                sorted
                    .get(position.unwrap_or(usize::MAX))
                    .map(String::as_str),
                Some(*name)
            );
        }
    }

    #[test]
    fn prefixes_never_contradict_the_order_of_names() {
        let names = awkward_names();
        for a in &names {
            for b in &names {
                let by_prefix = by_prefix_then_name((sort_prefix(a), a), (sort_prefix(b), b));
                assert_eq!(by_prefix, a.as_str().cmp(b.as_str()), "{a:?} {b:?}");
            }
        }
    }
}
