//! Opening, saving, adding and forgetting projects over a [`KeyValue`].

use super::catalog::{self, Catalog, ReadCatalog};
use super::copies::{self, ReadCopy, SavedCopy};
use super::keys;
use super::KeyValue;
use crate::core::project::{ProjectState, Restored};

/// The projects in a store, as one open tab sees them.
pub struct ProjectStore<S: KeyValue> {
    pub store: S,
    /// This tab's name in the copies it writes.
    tab: String,
    catalog: Catalog,
    /// False when the catalogue came from a newer build: it is not written.
    catalog_writable: bool,
}

/// What opening the store found.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub project: OpenedProject,
    /// The catalogue did not read and was made again from the projects
    /// found (their names lost).
    pub catalog_rebuilt: bool,
    /// The catalogue came from a newer build: projects cannot be added,
    /// renamed or removed here.
    pub catalog_newer: bool,
}

/// One project as opened.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedProject {
    pub id: u32,
    pub restored: Restored,
    /// The newest revision stored when it was opened: a save finding a
    /// newer one knows another tab saved in between.
    pub revision: u64,
    /// The newest copy did not read; this is when the copy opened instead
    /// was saved.
    pub fell_back_to: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Another tab saved the project since this one last read or wrote it.
    OtherTab { saved_ms: f64 },
    /// The browser refused the write (storage full, private mode…), with
    /// its reason. What was saved before is untouched.
    Refused(String),
    /// The project or catalogue is from a newer build: never written.
    ReadOnly,
}

impl<S: KeyValue> ProjectStore<S> {
    /// Open the store: the catalogue (made from an older build's single
    /// project when there is one) and its open project. `first_name` names
    /// a project this build has to make up.
    pub fn open(store: S, tab: &str, first_name: &str, now_ms: f64) -> (Self, Opened) {
        let mut this = ProjectStore {
            store,
            tab: tab.to_string(),
            catalog: Catalog::with_first(first_name, now_ms),
            catalog_writable: true,
        };
        let mut catalog_rebuilt = false;
        let mut catalog_newer = false;
        let mut legacy = None;
        match catalog::read(this.store.get(keys::CATALOG).as_deref()) {
            ReadCatalog::Found(found) => this.catalog = found,
            ReadCatalog::Newer(found) => {
                this.catalog = found;
                this.catalog_writable = false;
                catalog_newer = true;
            }
            ReadCatalog::Missing => legacy = this.store.get(keys::LEGACY_PROJECT),
            ReadCatalog::Unreadable => {
                this.rebuild_catalog(first_name, now_ms);
                catalog_rebuilt = true;
            }
        }
        let project = match legacy {
            Some(text) => this.migrate_legacy(&text, now_ms),
            None => this.open_project(this.catalog.current),
        };
        let opened = Opened {
            project,
            catalog_rebuilt,
            catalog_newer,
        };
        (this, opened)
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Open project `id`: its newest copy that reads.
    pub fn open_project(&mut self, id: u32) -> OpenedProject {
        let read = [0, 1].map(|slot| self.read_copy(id, slot));
        let revision = read.iter().map(ReadCopy::revision).max().unwrap_or(0);
        // The newer copy; between equals, one that holds something. A copy
        // too damaged to show its revision is taken as the newer: it is
        // the one a save was writing when it broke.
        let rank = |r: &ReadCopy| match r {
            ReadCopy::Bad { revision: None, .. } => (u64::MAX, true),
            r => (r.revision(), !matches!(r, ReadCopy::Empty)),
        };
        let [a, b] = &read;
        let b_is_newer = rank(b) > rank(a);
        let (newest, newest_copy, older) = if b_is_newer { (1, b, a) } else { (0, a, b) };
        let opened = |restored, fell_back_to| OpenedProject {
            id,
            restored,
            revision,
            fell_back_to,
        };
        match (newest_copy, older) {
            (ReadCopy::Good(good), _) => opened(good.1.clone(), None),
            (ReadCopy::Bad { reason, .. }, other) => {
                // Kept aside before anything can write over it.
                if let Some(text) = self.store.get(&keys::copy(id, newest)) {
                    let _ = self.store.set(&keys::unreadable(id), &text);
                }
                match other {
                    ReadCopy::Good(good) => opened(good.1.clone(), Some(good.0.saved_ms)),
                    _ => opened(
                        Restored::Corrupt {
                            reason: reason.clone(),
                        },
                        None,
                    ),
                }
            }
            (ReadCopy::Empty, _) => opened(Restored::Fresh, None),
        }
    }

    fn read_copy(&self, id: u32, slot: usize) -> ReadCopy {
        copies::read(self.store.get(&keys::copy(id, slot)).as_deref())
    }

    /// Save project `id`'s settings. `known_revision` is the newest this tab
    /// has seen (opened or written); a newer one stored means another tab
    /// saved meanwhile, and nothing is written unless `over_other_tab`.
    /// Answers the revision written.
    pub fn save(
        &mut self,
        id: u32,
        state: &ProjectState,
        known_revision: u64,
        over_other_tab: bool,
        now_ms: f64,
    ) -> Result<u64, SaveError> {
        if !self.catalog_writable {
            return Err(SaveError::ReadOnly);
        }
        let read = [0, 1].map(|slot| self.read_copy(id, slot));
        let stored = read.iter().map(ReadCopy::revision).max().unwrap_or(0);
        if stored > known_revision && !over_other_tab {
            let saved_ms = read
                .iter()
                .filter_map(|r| match r {
                    ReadCopy::Good(good) if good.0.revision == stored => Some(good.0.saved_ms),
                    _ => None,
                })
                .next()
                .unwrap_or(0.0);
            return Err(SaveError::OtherTab { saved_ms });
        }
        let revision = stored + 1;
        let copy = SavedCopy::new(state, revision, now_ms, &self.tab);
        let slot = slot_to_write(&read);
        self.store
            .set(&keys::copy(id, slot), &copy.encode())
            .map_err(SaveError::Refused)?;
        self.store_catalog()?;
        Ok(revision)
    }

    /// Write the catalogue if the store does not hold this one already.
    fn store_catalog(&mut self) -> Result<(), SaveError> {
        let text = catalog::encode(&self.catalog);
        if self.store.get(keys::CATALOG).as_deref() == Some(&text) {
            return Ok(());
        }
        self.store
            .set(keys::CATALOG, &text)
            .map_err(SaveError::Refused)
    }

    /// Re-read the catalogue before changing it: another tab may have
    /// added or renamed a project.
    fn refresh_catalog(&mut self) -> Result<(), SaveError> {
        match catalog::read(self.store.get(keys::CATALOG).as_deref()) {
            ReadCatalog::Found(found) => self.catalog = found,
            ReadCatalog::Newer(_) => {
                self.catalog_writable = false;
                return Err(SaveError::ReadOnly);
            }
            ReadCatalog::Missing | ReadCatalog::Unreadable => {}
        }
        if self.catalog_writable {
            Ok(())
        } else {
            Err(SaveError::ReadOnly)
        }
    }

    /// Add a project holding `state` and make it the open one; answers its
    /// id.
    pub fn create(
        &mut self,
        name: &str,
        state: &ProjectState,
        now_ms: f64,
    ) -> Result<u32, SaveError> {
        self.refresh_catalog()?;
        let before = self.catalog.clone();
        // A first visit's project that was never saved is nobody's work:
        // the new one takes its place instead of standing beside it.
        let current = self.catalog.current;
        if self.store.get(keys::CATALOG).is_none() && self.stored_revision(current) == 0 {
            self.catalog.projects.retain(|p| p.id != current);
        }
        let id = self.catalog.add(name, now_ms);
        self.catalog.current = id;
        if let Err(err) = self.save(id, state, 0, false, now_ms) {
            self.catalog = before;
            for key in keys::of_project(id) {
                self.store.remove(&key);
            }
            return Err(err);
        }
        Ok(id)
    }

    /// Make project `id` the one opened next time.
    pub fn switch(&mut self, id: u32) -> Result<(), SaveError> {
        self.refresh_catalog()?;
        if self.catalog.entry(id).is_none() {
            return Ok(());
        }
        self.catalog.current = id;
        self.store_catalog()
    }

    pub fn rename(&mut self, id: u32, name: &str) -> Result<(), SaveError> {
        self.refresh_catalog()?;
        if let Some(entry) = self.catalog.projects.iter_mut().find(|p| p.id == id) {
            entry.name = name.to_string();
        }
        self.store_catalog()
    }

    /// Remove project `id` and its settings. The last project cannot be
    /// removed (there is always one to work in); answers whether it was.
    pub fn delete(&mut self, id: u32) -> Result<bool, SaveError> {
        self.refresh_catalog()?;
        if self.catalog.projects.len() < 2 || self.catalog.entry(id).is_none() {
            return Ok(false);
        }
        self.catalog.projects.retain(|p| p.id != id);
        if self.catalog.current == id {
            if let Some(first) = self.catalog.projects.first() {
                self.catalog.current = first.id;
            }
        }
        self.store_catalog()?;
        for key in keys::of_project(id) {
            self.store.remove(&key);
        }
        Ok(true)
    }

    /// The newest revision stored for project `id` (to notice another tab's
    /// save).
    pub fn stored_revision(&self, id: u32) -> u64 {
        [0, 1]
            .map(|slot| self.read_copy(id, slot).revision())
            .into_iter()
            .max()
            .unwrap_or(0)
    }

    /// Remove every key of ours, and nothing else.
    pub fn forget_everything(&mut self) {
        for key in self.store.keys() {
            if keys::is_ours(&key) {
                self.store.remove(&key);
            }
        }
    }

    /// An older build kept one project under one key: it becomes project 1.
    /// The old key goes only once the new layout is written.
    fn migrate_legacy(&mut self, text: &str, now_ms: f64) -> OpenedProject {
        let id = self.catalog.current;
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
            let _ = self.store.set(&keys::unreadable(id), text);
            self.store.remove(keys::LEGACY_PROJECT);
            return OpenedProject {
                id,
                restored: crate::core::project::decode(Some(text)),
                revision: 0,
                fell_back_to: None,
            };
        };
        let copy = SavedCopy {
            format: copies::COPY_FORMAT,
            revision: 1,
            saved_ms: now_ms,
            tab: self.tab.clone(),
            project: value,
        };
        let moved = self.store.set(&keys::copy(id, 0), &copy.encode()).is_ok()
            && self.store_catalog().is_ok();
        if moved {
            self.store.remove(keys::LEGACY_PROJECT);
            return self.open_project(id);
        }
        // Storage refused: work from the old key, which stays as it was.
        OpenedProject {
            id,
            restored: crate::core::project::decode(Some(text)),
            revision: 0,
            fell_back_to: None,
        }
    }

    /// Make a catalogue from the projects whose copies are in the store;
    /// their names are lost, so each gets `name`.
    fn rebuild_catalog(&mut self, name: &str, now_ms: f64) {
        if let Some(text) = self.store.get(keys::CATALOG) {
            let _ = self.store.set("nimrokh.projects.unreadable", &text);
        }
        let mut ids: Vec<u32> = self
            .store
            .keys()
            .iter()
            .filter_map(|k| keys::project_id(k))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let Some(&first) = ids.first() else {
            return;
        };
        self.catalog = Catalog {
            format: catalog::CATALOG_FORMAT,
            projects: ids
                .iter()
                .map(|&id| super::ProjectEntry {
                    id,
                    name: name.to_string(),
                    created_ms: now_ms,
                })
                .collect(),
            current: first,
            next_id: ids.last().map_or(1, |last| last + 1),
        };
        let _ = self.store_catalog();
    }
}

/// The copy to write over: never the newest one that reads.
fn slot_to_write(read: &[ReadCopy; 2]) -> usize {
    let good = |r: &ReadCopy| matches!(r, ReadCopy::Good(..));
    match (good(&read[0]), good(&read[1])) {
        (true, false) => 1,
        (false, true) => 0,
        _ => usize::from(read[1].revision() < read[0].revision()),
    }
}
