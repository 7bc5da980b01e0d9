//! The list of the user's projects and which one is open.

use serde::{Deserialize, Serialize};

/// The catalogue format this build writes.
pub const CATALOG_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectEntry {
    pub id: u32,
    pub name: String,
    /// Milliseconds since 1970.
    pub created_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub format: u32,
    pub projects: Vec<ProjectEntry>,
    /// The open project's id.
    pub current: u32,
    /// The id the next new project gets (ids are never reused, so a
    /// deleted project's leftovers can never be mistaken for a new one's).
    pub next_id: u32,
}

impl Catalog {
    /// A catalogue of one project.
    pub fn with_first(name: &str, now_ms: f64) -> Self {
        Catalog {
            format: CATALOG_FORMAT,
            projects: vec![ProjectEntry {
                id: 1,
                name: name.to_string(),
                created_ms: now_ms,
            }],
            current: 1,
            next_id: 2,
        }
    }

    pub fn entry(&self, id: u32) -> Option<&ProjectEntry> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// Add a project; answers its id.
    pub fn add(&mut self, name: &str, now_ms: f64) -> u32 {
        let id = self
            .next_id
            .max(self.projects.iter().map(|p| p.id + 1).max().unwrap_or(1));
        self.next_id = id + 1;
        self.projects.push(ProjectEntry {
            id,
            name: name.to_string(),
            created_ms: now_ms,
        });
        id
    }

    /// Whether the catalogue holds together: at least one project, the open
    /// one among them, ids unique.
    pub fn is_whole(&self) -> bool {
        let mut ids: Vec<u32> = self.projects.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len() == self.projects.len() && self.entry(self.current).is_some()
    }
}

/// What reading the catalogue found.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ReadCatalog {
    Missing,
    Found(Catalog),
    /// Written by a newer build: used as far as understood, never written.
    Newer(Catalog),
    Unreadable,
}

pub(super) fn read(text: Option<&str>) -> ReadCatalog {
    let Some(text) = text else {
        return ReadCatalog::Missing;
    };
    match serde_json::from_str::<Catalog>(text) {
        Ok(catalog) if !catalog.is_whole() => ReadCatalog::Unreadable,
        Ok(catalog) if catalog.format > CATALOG_FORMAT => ReadCatalog::Newer(catalog),
        Ok(catalog) => ReadCatalog::Found(catalog),
        Err(_) => ReadCatalog::Unreadable,
    }
}

pub(super) fn encode(catalog: &Catalog) -> String {
    // Plain strings and numbers: serialising cannot fail.
    serde_json::to_string(catalog).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_reused() {
        let mut catalog = Catalog::with_first("One", 0.0);
        let two = catalog.add("Two", 1.0);
        catalog.projects.retain(|p| p.id != two);
        assert_eq!(catalog.add("Three", 2.0), 3);
    }

    #[test]
    fn reads_every_case() {
        let catalog = Catalog::with_first("One", 5.0);
        let text = encode(&catalog);
        assert_eq!(read(Some(&text)), ReadCatalog::Found(catalog.clone()));
        assert_eq!(read(None), ReadCatalog::Missing);
        assert_eq!(read(Some("{\"format\":1,")), ReadCatalog::Unreadable);
        let mut newer = catalog.clone();
        newer.format = CATALOG_FORMAT + 1;
        assert_eq!(read(Some(&encode(&newer))), ReadCatalog::Newer(newer));
        let mut dangling = catalog;
        dangling.current = 9;
        assert_eq!(read(Some(&encode(&dangling))), ReadCatalog::Unreadable);
    }
}
