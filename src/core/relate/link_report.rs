//! How the files of a project link through the customer key: the
//! customers (from the customers table, or derived from the transaction
//! log when there is none, as with CDNOW or Online Retail), the keys that
//! repeat in the customers table, and per linked file the rows that match,
//! the orphans (a key no customer has), the blank keys and the customers
//! the file never mentions.
//!
//! Keys are compared in their folded form (`key_text`) and interned once
//! (`key_index`): a million customers and four million transactions link
//! with one hash lookup per row. Rows are 0-based data rows, like the
//! quality report's.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::file_role::FileRole;
use super::key_index::{InternedColumn, KeyIndex};
use super::key_text::comparison_key_into;
use crate::core::table::{Table, TextColumn};

/// Examples kept per finding; the counts are always exact.
pub const MAX_EXAMPLES: usize = 5;
/// Rows listed per example key.
pub const MAX_EXAMPLE_ROWS: usize = 5;

/// A file named by the user, with the column chosen as its customer key.
#[derive(Debug, Clone, Copy)]
pub struct Keyed<'a> {
    name: &'a str,
    table: &'a Table,
    key_column: usize,
    /// The key column's cells, found once in `new`.
    cells: &'a TextColumn,
    role: FileRole,
}

/// A key column that is not in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RelateError {
    NoSuchColumn {
        file: String,
        column: usize,
        columns: usize,
    },
}

impl std::fmt::Display for RelateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RelateError::NoSuchColumn {
                file,
                column,
                columns,
            } => write!(
                f,
                "{file}: no column {} as the customer key (it has {columns})",
                column.saturating_add(1)
            ),
        }
    }
}

impl<'a> Keyed<'a> {
    /// `key_column` is 0-based; an error names the file when it has no such column.
    pub fn new(
        name: &'a str,
        table: &'a Table,
        key_column: usize,
        role: FileRole,
    ) -> Result<Self, RelateError> {
        let Some(column) = table.columns.get(key_column) else {
            return Err(RelateError::NoSuchColumn {
                file: name.to_string(),
                column: key_column,
                columns: table.column_count(),
            });
        };
        Ok(Keyed {
            name,
            table,
            key_column,
            cells: &column.cells,
            role,
        })
    }

    pub fn name(&self) -> &str {
        self.name
    }

    pub fn key_column(&self) -> usize {
        self.key_column
    }

    fn cells(&self) -> &'a TextColumn {
        self.cells
    }
}

/// A key as written (its first occurrence, trimmed) and the rows carrying it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRows {
    pub key: String,
    /// All rows with the key.
    pub row_count: usize,
    /// The first [`MAX_EXAMPLE_ROWS`] of them.
    pub rows: Vec<usize>,
}

impl KeyRows {
    fn new(key: &str, row: usize) -> Self {
        KeyRows {
            key: key.trim().to_string(),
            row_count: 1,
            rows: vec![row],
        }
    }

    fn add_row(&mut self, row: usize) {
        self.row_count += 1;
        if self.rows.len() < MAX_EXAMPLE_ROWS {
            self.rows.push(row);
        }
    }
}

/// Keys on more than one row of the customers table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateKeys {
    /// Distinct keys on several rows.
    pub keys: usize,
    /// Rows beyond each key's first.
    pub extra_rows: usize,
    pub examples: Vec<KeyRows>,
}

/// Where the customers come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CustomersSource {
    /// A customers table.
    Table {
        file: String,
        key_column: usize,
        rows: usize,
        /// Rows whose key is blank: customers no other file can name.
        blank_keys: usize,
        duplicates: DuplicateKeys,
    },
    /// No customers table: the customers are the distinct keys of these
    /// files (the transaction logs, or every file when none is one).
    Derived { files: Vec<String> },
}

/// How one file links to the customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileLink {
    pub file: String,
    pub role: FileRole,
    pub key_column: usize,
    pub rows: usize,
    /// Rows whose key is a customer's.
    pub matched_rows: usize,
    /// Rows whose key is not blank but no customer's.
    pub orphan_rows: usize,
    /// Distinct keys of the orphan rows.
    pub orphan_keys: usize,
    pub orphan_examples: Vec<KeyRows>,
    pub blank_key_rows: usize,
    /// Customers with at least one row here.
    pub customers_with_rows: usize,
    /// Customers with none.
    pub customers_without_rows: usize,
    /// A few of those customers' keys, as written in the customers' source.
    pub without_rows_examples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkReport {
    /// Distinct customers (non-blank keys).
    pub customers: usize,
    pub source: CustomersSource,
    pub files: Vec<FileLink>,
}

/// The customers: their key index, and each key as first written.
struct Customers {
    index: KeyIndex,
    /// Key number → (file among the sources, row), to show the key as written.
    written_at: Vec<(usize, usize)>,
}

impl Customers {
    fn written(&self, number: usize, sources: &[Keyed]) -> String {
        self.written_at
            .get(number)
            .and_then(|&(file, row)| sources.get(file)?.cells().get(row))
            .unwrap_or("")
            .trim()
            .to_string()
    }
}

/// Keys on several rows of the customers table, counted from its interned column.
fn duplicate_keys(interned: &InternedColumn, cells: &TextColumn) -> DuplicateKeys {
    let mut row_counts = vec![0usize; interned.index.len()];
    for number in interned.numbers.iter().flatten() {
        if let Some(count) = row_counts.get_mut(*number as usize) {
            *count += 1;
        }
    }
    let mut duplicates = DuplicateKeys::default();
    // Examples: the first repeated keys, in the order they first appear.
    let mut examples: FxHashMap<u32, usize> = FxHashMap::default();
    for (row, number) in interned.numbers.iter().enumerate() {
        let Some(number) = *number else { continue };
        let count = row_counts.get(number as usize).copied().unwrap_or(0);
        if count < 2 {
            continue;
        }
        if let Some(&at) = examples.get(&number) {
            if let Some(example) = duplicates.examples.get_mut(at) {
                example.add_row(row);
            }
        } else if duplicates.examples.len() < MAX_EXAMPLES {
            examples.insert(number, duplicates.examples.len());
            duplicates
                .examples
                .push(KeyRows::new(cells.get(row).unwrap_or(""), row));
        }
    }
    for count in row_counts.into_iter().filter(|&count| count > 1) {
        duplicates.keys += 1;
        duplicates.extra_rows += count - 1;
    }
    duplicates
}

/// The customers table's keys and what is wrong with them.
fn customers_from_table(keyed: &Keyed) -> (Customers, CustomersSource) {
    let interned = InternedColumn::read(keyed.cells());
    let written_at = (0..interned.index.len())
        .map(|number| {
            let row = u32::try_from(number)
                .ok()
                .and_then(|n| interned.index.first_row(n))
                .unwrap_or(0);
            (0, row)
        })
        .collect();
    let source = CustomersSource::Table {
        file: keyed.name.to_string(),
        key_column: keyed.key_column,
        rows: keyed.table.row_count(),
        blank_keys: interned.numbers.len() - interned.present_rows(),
        duplicates: duplicate_keys(&interned, keyed.cells()),
    };
    let customers = Customers {
        index: interned.index,
        written_at,
    };
    (customers, source)
}

/// Customers derived from the distinct keys of the transaction logs (or of
/// every file, when none is a transaction log).
fn customers_derived(others: &[Keyed]) -> (Customers, CustomersSource) {
    let any_log = others.iter().any(|k| k.role == FileRole::Transactions);
    let mut customers = Customers {
        index: KeyIndex::default(),
        written_at: Vec::new(),
    };
    let mut files = Vec::new();
    let mut compared = String::new();
    for (file, keyed) in others.iter().enumerate() {
        if any_log && keyed.role != FileRole::Transactions {
            continue;
        }
        files.push(keyed.name.to_string());
        for (row, cell) in keyed.cells().iter().enumerate() {
            if !comparison_key_into(cell, &mut compared) {
                continue;
            }
            let known = customers.index.len();
            if customers.index.intern(&compared, row).is_some() && customers.index.len() > known {
                customers.written_at.push((file, row));
            }
        }
    }
    (customers, CustomersSource::Derived { files })
}

/// Orphan keys of one file: counted exactly, a few kept as examples.
#[derive(Default)]
struct Orphans {
    rows: usize,
    /// Compared key → index into `examples`, or None past the examples.
    keys: FxHashMap<Box<str>, Option<usize>>,
    examples: Vec<KeyRows>,
}

impl Orphans {
    fn add(&mut self, compared: &str, cell: &str, row: usize) {
        self.rows += 1;
        if let Some(slot) = self.keys.get(compared) {
            if let Some(example) = slot.and_then(|at| self.examples.get_mut(at)) {
                example.add_row(row);
            }
            return;
        }
        let slot = (self.examples.len() < MAX_EXAMPLES).then(|| {
            self.examples.push(KeyRows::new(cell, row));
            self.examples.len() - 1
        });
        self.keys.insert(compared.into(), slot);
    }
}

/// One file against the customers.
fn link_file(keyed: &Keyed, customers: &Customers, sources: &[Keyed]) -> FileLink {
    let mut seen = vec![false; customers.index.len()];
    let (mut matched_rows, mut blank_key_rows, mut customers_with_rows) = (0, 0, 0);
    let mut orphans = Orphans::default();
    let mut compared = String::new();
    for (row, cell) in keyed.cells().iter().enumerate() {
        if !comparison_key_into(cell, &mut compared) {
            blank_key_rows += 1;
            continue;
        }
        match customers.index.number_of(&compared) {
            Some(number) => {
                matched_rows += 1;
                if let Some(flag) = seen.get_mut(number as usize) {
                    if !*flag {
                        *flag = true;
                        customers_with_rows += 1;
                    }
                }
            }
            None => orphans.add(&compared, cell, row),
        }
    }
    let without_rows_examples = seen
        .iter()
        .enumerate()
        .filter(|(_, seen)| !**seen)
        .take(MAX_EXAMPLES)
        .map(|(number, _)| customers.written(number, sources))
        .collect();
    FileLink {
        file: keyed.name.to_string(),
        role: keyed.role,
        key_column: keyed.key_column,
        rows: keyed.table.row_count(),
        matched_rows,
        orphan_rows: orphans.rows,
        orphan_keys: orphans.keys.len(),
        orphan_examples: orphans.examples,
        blank_key_rows,
        customers_with_rows,
        customers_without_rows: customers.index.len() - customers_with_rows,
        without_rows_examples,
    }
}

/// Link `others` to the customers table, or, without one, to the customers
/// their transaction logs name.
pub fn link(customers: Option<Keyed>, others: &[Keyed]) -> LinkReport {
    let (found, source, sources) = match customers {
        Some(table) => {
            let (found, source) = customers_from_table(&table);
            (found, source, vec![table])
        }
        None => {
            let (found, source) = customers_derived(others);
            (found, source, others.to_vec())
        }
    };
    let files = others
        .iter()
        .map(|keyed| link_file(keyed, &found, &sources))
        .collect();
    LinkReport {
        customers: found.index.len(),
        source,
        files,
    }
}
