//! Likely duplicate customers: different rows that are probably the same
//! person — the same email, the same phone number, or nearly the same name
//! ("Ali Rezaei" / "REZAEI, Ali" / "Ali Rezayi").
//!
//! Rows are only compared within blocks (same email, same phone, same name
//! prefix), so a million customers never means 10¹² comparisons; blocks
//! larger than [`MAX_BLOCK`] are skipped for name comparison and counted.

use std::borrow::Cow;
use std::hash::Hash;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use super::duplicates::rows_equal;
use super::fold::fold_key;
use super::repeated_keys::repeated_keys;
use crate::core::schema::{digit_value, is_missing};
use crate::core::table::Table;

/// Pairs kept as examples, highest score first; the count is exact.
pub const MAX_PAIR_EXAMPLES: usize = 20;
/// Name blocks larger than this are not compared pair by pair.
pub const MAX_BLOCK: usize = 500;
/// Jaro-Winkler similarity of folded names from which two names count as
/// "nearly the same".
pub const NAME_SIMILARITY: f64 = 0.93;
/// A name shared by more rows than this is common ("James Smith", "محمد
/// احمدی"): on its own it says nothing about being one person, so such
/// names are only used to support an email or phone match.
pub const MAX_NAME_FREQUENCY: usize = 2;

/// Why two rows look like one customer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MatchReason {
    SameEmail,
    SamePhone,
    /// Jaro-Winkler similarity of the folded names (1.0 = same after folding).
    SimilarName {
        similarity: f64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LikelyDuplicate {
    /// 0-based data rows, the earlier first.
    pub rows: (usize, usize),
    /// 0..=1: how sure. Evidence combines as independent signals:
    /// 1 − Π(1 − sᵢ) with s = 0.9 for the same email, 0.8 for the same phone
    /// and 0.7 × (similarity − 0.9) / 0.1 for a similar name.
    pub score: f64,
    pub reasons: Vec<MatchReason>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LikelyDuplicates {
    pub pairs: usize,
    pub examples: Vec<LikelyDuplicate>,
    /// Name pairs compared (the blocking's cost).
    pub comparisons: u64,
    /// Name blocks too large to compare, and rows in them.
    pub skipped_blocks: usize,
    pub skipped_rows: usize,
}

/// Which columns hold the name, email and phone (any may be absent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactColumns {
    pub name: Option<usize>,
    pub email: Option<usize>,
    pub phone: Option<usize>,
}

/// A name compared regardless of case, letter variants and word order
/// ("REZAEI, Ali" → "ali rezaei").
pub fn name_key(name: &str) -> String {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',' || c == '،')
        .map(fold_key)
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.join(" ")
}

/// An address compared regardless of case and surrounding spaces; most are
/// written in lower case already and are borrowed, not copied.
fn email_key(email: &str) -> Option<Cow<'_, str>> {
    let email = email.trim();
    let key = if email
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(email.to_lowercase())
    } else {
        Cow::Borrowed(email)
    };
    (key.contains('@') && !is_missing(&key)).then_some(key)
}

/// A phone number's last 9 digits (Arabic and Persian digits included), so
/// "+98 912 …" and "0912 …" meet; numbers with fewer than 7 digits are not
/// compared. The key is those digits as a number and how many there are
/// ("012345678" and "12345678" stay apart), so no text is made per cell.
fn phone_key(phone: &str) -> Option<u64> {
    let mut count = 0u64;
    let mut last_nine = 0u64;
    for digit in phone.chars().filter_map(digit_value) {
        count += 1;
        last_nine = (last_nine * 10 + u64::from(digit)) % 1_000_000_000;
    }
    (count >= 7).then(|| last_nine * 16 + count.min(9))
}

/// The cells of `column`, or none for every row when there is no such
/// column.
fn cells(table: &Table, column: Option<usize>) -> Vec<Option<&str>> {
    column
        .and_then(|c| table.columns.get(c))
        .map(|col| col.cells.iter().map(Some).collect())
        .unwrap_or_else(|| vec![None; table.row_count()])
}

/// Pairs of rows sharing a key (one block per key value).
fn pairs_sharing<K: Hash + Eq>(
    keys: &[Option<K>],
    found: &mut FxHashMap<(usize, usize), Vec<MatchReason>>,
    reason: MatchReason,
) {
    let keyed = keys
        .iter()
        .enumerate()
        .filter_map(|(row, key)| key.as_ref().map(|key| (row, key)));
    for (_, rows) in repeated_keys(keyed) {
        // A key shared by very many rows ("test@test.com") is noise, not
        // one customer; only its first rows are paired.
        for (i, &a) in rows.iter().enumerate().take(MAX_BLOCK) {
            for &b in rows.iter().skip(i + 1).take(MAX_BLOCK) {
                found.entry((a, b)).or_default().push(reason);
            }
        }
    }
}

/// Evidence from names alone.
fn is_name_only(reasons: &[MatchReason]) -> bool {
    reasons
        .iter()
        .all(|r| matches!(r, MatchReason::SimilarName { .. }))
}

/// Both rows have the key and it differs: two different email addresses
/// (or phones) speak against one person, and outweigh names that are
/// merely alike. Without it, names sharing a family name and a first name
/// ("أمل الشمري" / "أمل الشامسي", "Amal Alshammari" / "Amal Alshamsi")
/// read as one customer: Jaro-Winkler rewards the shared start.
fn keys_differ<K: Eq>(keys: &[Option<K>], a: usize, b: usize) -> bool {
    matches!((keys.get(a), keys.get(b)), (Some(Some(x)), Some(Some(y))) if x != y)
}

fn score(reasons: &[MatchReason]) -> f64 {
    let unlikely: f64 = reasons
        .iter()
        .map(|reason| match reason {
            MatchReason::SameEmail => 1.0 - 0.9,
            MatchReason::SamePhone => 1.0 - 0.8,
            MatchReason::SimilarName { similarity } => {
                1.0 - 0.7 * ((similarity - 0.9) / 0.1).clamp(0.0, 1.0)
            }
        })
        .product();
    1.0 - unlikely
}

/// Likely duplicate customers among the rows of `table`. Rows identical in
/// every cell are left out (they are exact duplicates, reported apart).
pub fn likely_duplicates(table: &Table, contacts: ContactColumns) -> LikelyDuplicates {
    let mut result = LikelyDuplicates::default();
    let mut found: FxHashMap<(usize, usize), Vec<MatchReason>> = FxHashMap::default();
    let emails: Vec<Option<Cow<str>>> = cells(table, contacts.email)
        .into_iter()
        .map(|c| c.and_then(email_key))
        .collect();
    pairs_sharing(&emails, &mut found, MatchReason::SameEmail);
    let phones: Vec<Option<u64>> = cells(table, contacts.phone)
        .into_iter()
        .map(|c| c.and_then(phone_key))
        .collect();
    pairs_sharing(&phones, &mut found, MatchReason::SamePhone);

    // Names: rare ones only (see MAX_NAME_FREQUENCY), blocked by the first
    // three characters of the sorted key, compared pair by pair per block.
    let names: Vec<Option<String>> = cells(table, contacts.name)
        .into_iter()
        .map(|c| {
            c.filter(|c| !is_missing(c))
                .map(name_key)
                .filter(|k| !k.is_empty())
        })
        .collect();
    let mut frequency: FxHashMap<&str, usize> = FxHashMap::default();
    for key in names.iter().flatten() {
        *frequency.entry(key).or_insert(0) += 1;
    }
    // Pairs found by email or phone also weigh their names, common or not.
    for ((a, b), reasons) in found.iter_mut() {
        if let (Some(Some(x)), Some(Some(y))) = (names.get(*a), names.get(*b)) {
            let similarity = strsim::jaro_winkler(x, y);
            if similarity >= NAME_SIMILARITY {
                reasons.push(MatchReason::SimilarName { similarity });
            }
        }
    }
    let mut blocks: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (row, key) in names.iter().enumerate() {
        let Some(key) = key else { continue };
        if frequency.get(key.as_str()).copied().unwrap_or(0) <= MAX_NAME_FREQUENCY {
            blocks
                .entry(key.chars().take(3).collect())
                .or_default()
                .push(row);
        }
    }
    for rows in blocks.values() {
        if rows.len() > MAX_BLOCK {
            result.skipped_blocks += 1;
            result.skipped_rows += rows.len();
            continue;
        }
        for (i, &a) in rows.iter().enumerate() {
            for &b in rows.iter().skip(i + 1) {
                result.comparisons += 1;
                let (Some(Some(x)), Some(Some(y))) = (names.get(a), names.get(b)) else {
                    continue;
                };
                let similarity = strsim::jaro_winkler(x, y);
                let pair = found.entry((a.min(b), a.max(b))).or_default();
                let weighed = pair
                    .iter()
                    .any(|r| matches!(r, MatchReason::SimilarName { .. }));
                if similarity >= NAME_SIMILARITY && !weighed {
                    pair.push(MatchReason::SimilarName { similarity });
                }
            }
        }
    }
    let mut pairs: Vec<LikelyDuplicate> = found
        .into_iter()
        .filter(|(_, reasons)| !reasons.is_empty())
        .filter(|((a, b), reasons)| {
            !(is_name_only(reasons)
                && (keys_differ(&emails, *a, *b) || keys_differ(&phones, *a, *b)))
        })
        .filter(|((a, b), _)| !rows_equal(table, *a, *b))
        .map(|(rows, reasons)| LikelyDuplicate {
            rows,
            score: score(&reasons),
            reasons,
        })
        .collect();
    result.pairs = pairs.len();
    pairs.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.rows.cmp(&y.rows)));
    pairs.truncate(MAX_PAIR_EXAMPLES);
    result.examples = pairs;
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::{Column, TextColumn};

    fn table(columns: &[(&str, &[&str])]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(name, cells)| Column {
                    name: name.to_string(),
                    cells: cells.iter().copied().collect::<TextColumn>(),
                })
                .collect(),
        }
    }

    #[test]
    fn phones_meet_whatever_digits_they_are_written_in() {
        // `char::to_digit` knows only ASCII digits: these met nothing
        // before, though the key was documented to read them.
        assert_eq!(phone_key("+98 ۹۱۲ ۳۴۵ ۶۷۸۹"), phone_key("0912 345 6789"));
        assert_eq!(phone_key("٠٥٠١٢٣٤٥٦٧"), phone_key("050 123 4567"));
        assert_ne!(phone_key("012345678"), phone_key("12345678"));
        assert_eq!(phone_key("۱۲۳۴۵۶"), None, "fewer than 7 digits");
    }

    #[test]
    fn names_meet_across_case_order_and_letters() {
        assert_eq!(name_key("REZAEI, Ali"), name_key("Ali Rezaei"));
        assert_eq!(name_key("علي رضايي"), name_key("رضایی علی"));
    }

    #[test]
    fn email_phone_and_name_evidence() {
        let t = table(&[
            (
                "name",
                &[
                    "Ali Rezaei",
                    "REZAEI, Ali",
                    "Sara Ahmadi",
                    "Sara Ahmady",
                    "Reza Karimi",
                    "Mina Jafari",
                ],
            ),
            (
                "email",
                &[
                    "ali@x.ir",
                    "ALI@x.ir ",
                    "s@x.ir",
                    "",
                    "reza@x.ir",
                    "mina@x.ir",
                ],
            ),
            (
                "phone",
                &[
                    "0912 345 6789",
                    "+98 912 345 6789",
                    "",
                    "",
                    "0935 111 2222",
                    "0935 111 2222",
                ],
            ),
        ]);
        let found = likely_duplicates(
            &t,
            ContactColumns {
                name: Some(0),
                email: Some(1),
                phone: Some(2),
            },
        );
        let pairs: Vec<(usize, usize)> = found.examples.iter().map(|p| p.rows).collect();
        // Email + phone + name, then a shared phone alone, then a near name.
        assert_eq!(pairs, [(0, 1), (4, 5), (2, 3)]);
        assert_eq!(found.pairs, 3);
        let first = &found.examples[0];
        assert!(first.reasons.contains(&MatchReason::SameEmail));
        assert!(first.reasons.contains(&MatchReason::SamePhone));
        // Email (0.9), phone (0.8), identical folded names (0.7): 1 − 0.1·0.2·0.3.
        assert!((first.score - 0.994).abs() < 1e-9, "{}", first.score);
        assert!((found.examples[1].score - 0.8).abs() < 1e-9);
        match found.examples[2].reasons.as_slice() {
            [MatchReason::SimilarName { similarity }] => {
                assert!(*similarity >= NAME_SIMILARITY && *similarity < 1.0)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn alike_names_with_different_emails_or_phones_are_two_customers() {
        let names: &[&str] = &["أمل الشمري", "أمل الشامسي", "هدى المطيري", "هدى المطيرى"];
        let contacts = ContactColumns {
            name: Some(0),
            email: Some(1),
            phone: Some(2),
        };
        let with = |emails: &[&str], phones: &[&str]| {
            likely_duplicates(
                &table(&[("name", names), ("email", emails), ("phone", phones)]),
                contacts,
            )
            .pairs
        };
        let no_phones: &[&str] = &["", "", "", ""];
        // Names alone: both pairs are alike enough to list (the first two
        // by Jaro-Winkler 0.94, the last two the same name once folded).
        assert_eq!(with(&["", "", "", ""], no_phones), 2);
        // Each with an address of her own: nobody to merge.
        assert_eq!(
            with(
                &["amal1@x.sa", "amal2@x.sa", "a@x.com", "b@x.com"],
                no_phones
            ),
            0
        );
        // Different phones speak the same way; one address missing does not.
        assert_eq!(
            with(
                &["amal1@x.sa", "", "", ""],
                &["0501234567", "0507654321", "", ""]
            ),
            1
        );
    }

    #[test]
    fn a_common_name_alone_is_no_evidence() {
        let t = table(&[(
            "name",
            &["James Smith", "James Smith", "James Smyth", "James Smith"],
        )]);
        let contacts = ContactColumns {
            name: Some(0),
            email: None,
            phone: None,
        };
        // "James Smith" ×3 is common; "James Smyth" has no rare partner.
        assert_eq!(likely_duplicates(&t, contacts).pairs, 0);
    }

    #[test]
    fn identical_rows_are_not_likely_duplicates() {
        let t = table(&[("name", &["Ali", "Ali"]), ("email", &["a@x.ir", "a@x.ir"])]);
        let found = likely_duplicates(
            &t,
            ContactColumns {
                name: Some(0),
                email: Some(1),
                phone: None,
            },
        );
        assert_eq!(found.pairs, 0);
    }
}
