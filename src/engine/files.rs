//! The files of a project: one is open (the page profiles it, fixes and
//! filters it), the others stay loaded beside it so they can be linked
//! through the customer key and read for one customer's story. Each keeps
//! its own table as loaded, its fixes and the table those make.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Engine, Loaded, Response, RowFilter, TableSummary};
use crate::core::quality::{apply_fixes, Fix, FixOutcome};
use crate::core::schema::DistinctValues;
use crate::core::table::Table;

/// Where a newly loaded file goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilePlace {
    /// It becomes the open file, replacing the one open before (the
    /// project's other files stay).
    #[default]
    Open,
    /// It joins the project beside the open file (replacing a file of the
    /// same name).
    Beside,
}

/// One loaded file of the project.
#[derive(Debug)]
pub(super) struct ProjectFile {
    pub name: String,
    /// What the load found (shown again when the file is opened later).
    pub summary: TableSummary,
    /// The table as loaded; never changed. Tables are shared, never
    /// changed in place (a fix or filter makes a new one), so a job that
    /// runs while other requests are answered (reading customers) keeps
    /// reading the table it started on.
    pub loaded: Arc<Table>,
    pub fixes: Vec<Fix>,
    /// Only the open file is ever filtered.
    pub filter: Option<RowFilter>,
    /// The loaded table with the fixes applied and the filter kept to, when
    /// there is any fix or filter.
    pub derived: Option<Arc<Table>>,
    /// Each loaded column's distinct values, met by its type inference.
    pub distinct: Vec<Option<DistinctValues>>,
}

impl ProjectFile {
    pub fn new(name: String, loaded: Loaded) -> Self {
        ProjectFile {
            name,
            summary: loaded.summary,
            loaded: Arc::new(loaded.table),
            fixes: Vec::new(),
            filter: None,
            derived: None,
            distinct: loaded.distinct,
        }
    }

    /// Column `column`'s distinct values while the table is as loaded; None
    /// once a fix or filter has changed it, or when they were not kept.
    pub fn distinct_values(&self, column: usize) -> Option<&DistinctValues> {
        if self.derived.is_some() {
            return None;
        }
        self.distinct.get(column)?.as_ref()
    }

    /// The table requests read: loaded, fixed, filtered.
    pub fn table(&self) -> &Table {
        self.shared_table()
    }

    /// The same table, to keep beside the engine while it changes.
    pub fn shared_table(&self) -> &Arc<Table> {
        self.derived.as_ref().unwrap_or(&self.loaded)
    }

    /// Rebuild the derived table from the loaded one, the fixes and the
    /// filter; what each fix did.
    pub fn derive(&mut self) -> Vec<FixOutcome> {
        self.derived = None;
        let (fixed, outcomes) = if self.fixes.is_empty() {
            (None, Vec::new())
        } else {
            let (fixed, outcomes) = apply_fixes(&self.loaded, &self.fixes);
            (Some(fixed), outcomes)
        };
        let derived = match &self.filter {
            Some(filter) => Some(filter.keep(fixed.as_ref().unwrap_or(&self.loaded))),
            None => fixed,
        };
        self.derived = derived.map(Arc::new);
        outcomes
    }

    /// The same file, no longer open: every row in view again.
    fn unfiltered(mut self) -> Self {
        if self.filter.take().is_some() {
            self.derive();
        }
        self
    }
}

impl Engine {
    /// Put a loaded file in its place in the project.
    pub(super) fn place_file(&mut self, file: ProjectFile, place: FilePlace) {
        self.others.retain(|other| other.name != file.name);
        self.forget_customers_of(&file.name);
        match place {
            FilePlace::Open => {
                self.open_generation += 1;
                if let Some(previous) = self.open.replace(file) {
                    self.forget_customers_of(&previous.name);
                }
            }
            FilePlace::Beside => {
                if self
                    .open
                    .as_ref()
                    .is_some_and(|open| open.name == file.name)
                {
                    self.open_generation += 1;
                    self.open = Some(file);
                } else {
                    self.others.push(file);
                }
            }
        }
    }

    /// Make the project's file `name` the open one; the file open before
    /// stays in the project beside it.
    pub(super) fn open_project_file(&mut self, name: &str) -> Response {
        if self.open.as_ref().is_some_and(|open| open.name == name) {
            return self.open_summary();
        }
        let Some(at) = self.others.iter().position(|other| other.name == name) else {
            return Response::NoSuchFile {
                file: name.to_string(),
            };
        };
        let chosen = self.others.remove(at);
        self.open_generation += 1;
        if let Some(previous) = self.open.replace(chosen) {
            self.others.push(previous.unfiltered());
        }
        self.open_summary()
    }

    /// The open file as it was loaded, for the page to lay its choices on.
    fn open_summary(&self) -> Response {
        match &self.open {
            Some(open) => Response::Loaded(open.summary.clone()),
            None => Response::NoTable,
        }
    }

    /// Take file `name` out of the project (the open file included).
    pub(super) fn remove_file(&mut self, name: &str) -> Response {
        let before = self.others.len();
        self.others.retain(|other| other.name != name);
        let was_open = self.open.as_ref().is_some_and(|open| open.name == name);
        if was_open {
            self.open_generation += 1;
            self.open = None;
        }
        if !was_open && before == self.others.len() {
            return Response::NoSuchFile {
                file: name.to_string(),
            };
        }
        self.forget_customers_of(name);
        self.links.retain(|link| link.file != name);
        Response::Removed {
            file: name.to_string(),
        }
    }

    /// The project's file called `name` (open or not), as requests read it.
    pub(super) fn project_table(&self, name: Option<&str>) -> Option<&Table> {
        self.project_file(name).map(ProjectFile::table)
    }

    /// `None` names the open file.
    pub(super) fn project_file(&self, name: Option<&str>) -> Option<&ProjectFile> {
        let open = self.open.as_ref();
        match name {
            None => open,
            Some(name) => open
                .filter(|open| open.name == name)
                .or_else(|| self.others.iter().find(|other| other.name == name)),
        }
    }

    /// Every file of the project, the open one first.
    pub(super) fn project_files(&self) -> impl Iterator<Item = &ProjectFile> {
        self.open.iter().chain(self.others.iter())
    }
}
