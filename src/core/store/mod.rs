//! Where projects are kept: a catalogue of projects and, for each, its
//! settings in two copies, behind a small key–value interface. The browser
//! gives localStorage (`app/storage.rs`); tests give [`MemoryStore`]. All the
//! rules about versions, half-written saves, other tabs and full storage
//! live here, so they are tested natively.

mod bundle;
mod catalog;
mod copies;
mod keys;
mod memory;
mod projects;
mod recipe;

pub use bundle::{
    encode_header, read_header, Bundle, BundleError, BundleFile, BUNDLE_FORMAT, MAX_HEADER,
};
pub use catalog::{Catalog, ProjectEntry, CATALOG_FORMAT};
pub use copies::{SavedCopy, COPY_FORMAT};
pub use keys::{is_copy_of, is_ours};
pub use memory::MemoryStore;
pub use projects::{Opened, OpenedProject, ProjectStore, SaveError};
pub use recipe::{
    apply_recipe, needed_columns, read_recipe, recipe_of, recipe_text, Recipe, RecipeError,
    RecipeSegmentation, RECIPE_FORMAT,
};

/// A key–value store of text (localStorage's shape). Writes may be refused
/// (storage full, private mode); a refused write leaves the old value.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&mut self, key: &str);
    /// Every key in the store.
    fn keys(&self) -> Vec<String>;
}
