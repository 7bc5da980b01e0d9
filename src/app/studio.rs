//! The app's state and its top-level page.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::associations_panel::AssociationsPanel;
use super::chart_canvas::ChartSection;
use super::column_list::ColumnList;
use super::customers_panel::CustomersPanel;
use super::engine_client::{EngineClient, EngineHome, Started};
use super::exports_panel::ExportsPanel;
use super::file_drop::FileDrop;
use super::file_summary::FileSummary;
use super::i18n::provide_i18n;
use super::language_switch::LanguageSwitch;
use super::load_progress::LoadProgress;
use super::movement_panel::MovementPanel;
use super::notices::{Notice, Notices};
use super::personas_panel::PersonasPanel;
use super::preview::Preview;
use super::profile_dashboard::ProfileDashboard;
use super::project_files::ProjectFiles;
use super::projects_panel::ProjectsPanel;
use super::quality_panel::QualityPanel;
use super::rule_segments_panel::RuleSegmentsPanel;
use super::saving::start_autosave;
use super::segments_panel::SegmentsPanel;
use super::storage::{open_projects, Projects};
use crate::core::ingest::{IngestError, LoadOptions};
use crate::core::project::{ColumnChoice, FileRef, ProjectState, Restored};
use crate::core::quality::Fix;
use crate::core::schema::{ColumnType, DateOrder, Role};
use crate::core::store::{Catalog, Opened, Recipe};
use crate::engine::{
    ColumnSummary, FilePlace, Progress, ProjectLink, Request, Response, RowFilter, TableSummary,
};

/// What the page shows about the file being read.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadStatus {
    Idle,
    Loading {
        name: String,
        /// The engine's id for this load, to cancel it.
        id: u32,
        progress: Option<Progress>,
    },
    Cancelled {
        name: String,
    },
    Failed {
        name: String,
        error: LoadError,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Ingest(IngestError),
    Browser,
}

/// A loaded table as the page knows it: its summary, never its rows (the
/// preview asks the engine for the rows it shows).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub summary: TableSummary,
    /// Counts loads, so views fetching rows know the table changed.
    pub generation: u32,
}

/// The dashboard's view narrowed to one group ("city is Tehran").
#[derive(Debug, Clone, PartialEq)]
pub struct ViewFilter {
    pub column: usize,
    pub name: String,
    pub value: String,
    /// Rows in view.
    pub rows: usize,
}

/// A file of the project loaded beside the open one.
#[derive(Debug, Clone, PartialEq)]
pub struct BesideFile {
    pub name: String,
    pub summary: TableSummary,
}

/// The whole app state, shared through context. Copyable handles only.
#[derive(Clone, Copy)]
pub struct Studio {
    pub project: RwSignal<ProjectState>,
    pub loaded: RwSignal<Option<Loaded>>,
    pub status: RwSignal<LoadStatus>,
    pub notices: RwSignal<Vec<Notice>>,
    /// False when the saved project came from a newer build.
    pub can_save: RwSignal<bool>,
    /// Where the engine runs (a Web Worker, normally).
    pub engine_home: RwSignal<EngineHome>,
    /// The group the dashboard is narrowed to, if any (not saved).
    pub view_filter: RwSignal<Option<ViewFilter>>,
    /// The project's other files, loaded in the engine beside the open one.
    pub beside: RwSignal<Vec<BesideFile>>,
    /// Counts changes to the project's files (added, opened, removed), so
    /// the link between them is worked out again.
    pub files_generation: RwSignal<u32>,
    /// The files' roles, keys and link report, as last worked out.
    pub link: RwSignal<Option<ProjectLink>>,
    /// Counts segmentations the engine finished (k-means, rules, RFM), so
    /// personas waiting for one are made.
    pub segments_ready: RwSignal<u32>,
    engine: StoredValue<EngineClient, LocalStorage>,
    /// The saved projects (localStorage) and this page's place in them.
    pub(super) projects: StoredValue<Projects, LocalStorage>,
    /// The open project's id (fixed for the page's life: opening another
    /// project opens the page again).
    pub project_id: u32,
    /// The projects, as listed.
    pub catalog: RwSignal<Catalog>,
    /// The newest revision of the project this tab has read or written.
    pub(super) revision: StoredValue<u64>,
    /// Files already kept in IndexedDB (name, size, date), so a file read
    /// back from there is not written again.
    pub(super) kept_files: StoredValue<Vec<(String, u64, f64)>>,
    /// A recipe link's settings, waiting for the file they are for.
    pub(super) pending_recipe: StoredValue<Option<Recipe>>,
    /// The open file's handle, to read it again with other options.
    pub(super) file: StoredValue<Option<File>, LocalStorage>,
    /// The handles of the files beside it, to open one of them later.
    pub(super) beside_handles: StoredValue<Vec<File>, LocalStorage>,
}

impl Studio {
    /// The open table's column names, in order; none without a table
    /// (reactive).
    pub fn column_names(&self) -> Vec<String> {
        self.loaded.with(|l| {
            l.as_ref()
                .map(|l| l.summary.columns.iter().map(|c| c.name.clone()).collect())
                .unwrap_or_default()
        })
    }

    /// The open table's columns as summarised; none without a table
    /// (reactive).
    pub fn columns(&self) -> Vec<ColumnSummary> {
        self.loaded.with(|l| {
            l.as_ref()
                .map(|l| l.summary.columns.clone())
                .unwrap_or_default()
        })
    }

    /// Whether the open table came from a workbook (reactive).
    pub fn showing_workbook(&self) -> bool {
        self.loaded
            .with(|l| l.as_ref().is_some_and(|l| l.summary.report.is_workbook()))
    }

    pub fn new(projects: Projects, opened: Opened) -> Self {
        let (project, mut notices, can_save) = match opened.project.restored {
            Restored::Fresh => (ProjectState::default(), vec![], true),
            // Its files come back from IndexedDB (kept_files.rs); those
            // that do not are asked for.
            Restored::Loaded(state) => (state, vec![], true),
            Restored::Newer { found, state } => (state, vec![Notice::NewerFormat { found }], false),
            Restored::Corrupt { .. } => (ProjectState::default(), vec![Notice::Corrupt], true),
        };
        if let Some(saved_ms) = opened.project.fell_back_to {
            notices.push(Notice::FellBack { saved_ms });
        }
        if opened.catalog_rebuilt {
            notices.push(Notice::CatalogRebuilt);
        }
        if opened.catalog_newer {
            notices.push(Notice::CatalogNewer);
        }
        let catalog = projects.catalog().clone();
        let engine_home = RwSignal::new(EngineHome::Starting);
        Studio {
            engine_home,
            view_filter: RwSignal::new(None),
            engine: StoredValue::new_local(EngineClient::start(move |home| engine_home.set(home))),
            project: RwSignal::new(project),
            loaded: RwSignal::new(None),
            status: RwSignal::new(LoadStatus::Idle),
            notices: RwSignal::new(notices),
            can_save: RwSignal::new(can_save),
            file: StoredValue::new_local(None),
            beside: RwSignal::new(Vec::new()),
            files_generation: RwSignal::new(0),
            link: RwSignal::new(None),
            segments_ready: RwSignal::new(0),
            beside_handles: StoredValue::new_local(Vec::new()),
            projects: StoredValue::new_local(projects),
            project_id: opened.project.id,
            catalog: RwSignal::new(catalog),
            revision: StoredValue::new(opened.project.revision),
            kept_files: StoredValue::new(Vec::new()),
            pending_recipe: StoredValue::new(None),
        }
    }

    /// Ask the engine something.
    pub async fn ask(&self, request: Request) -> Response {
        let client = self.engine.get_value();
        client.ask(request).await
    }

    /// Ask something the engine answers in steps (a segmentation), hearing
    /// its progress.
    pub fn ask_in_steps(
        &self,
        request: Request,
        on_progress: impl Fn(Progress) + 'static,
    ) -> Started {
        self.engine
            .with_value(|engine| engine.ask_in_steps(request, on_progress))
    }

    /// Stop a job started by [`Studio::ask_in_steps`] between two steps.
    pub fn cancel_job(&self, id: u32) {
        self.engine.with_value(|engine| engine.cancel(id));
    }

    /// Files the user dropped or chose, read one after the other. A file
    /// the project already has (by name) goes back to its place with the
    /// options saved for it; of the new ones, the first replaces the open
    /// file and the others join the project beside it.
    pub fn open_files(self, files: Vec<File>) {
        spawn_local(async move {
            let mut opened_new = false;
            for file in files {
                let (place, options) = self.known_place(&file).unwrap_or_else(|| {
                    let place = if std::mem::replace(&mut opened_new, true) {
                        FilePlace::Beside
                    } else {
                        FilePlace::Open
                    };
                    (place, LoadOptions::default())
                });
                if !self.load(file, options, place).await {
                    break;
                }
            }
        });
    }

    /// Where a file the project already has (by name) goes back to, with
    /// the options saved for it (when it is the same size); `None` for a
    /// new file.
    pub(super) fn known_place(&self, file: &File) -> Option<(FilePlace, LoadOptions)> {
        let (name, size) = (file.name(), file.size() as u64);
        self.project.with_untracked(|p| {
            let saved = |reference: &FileRef, options: &LoadOptions| {
                if reference.size == size {
                    options.clone()
                } else {
                    LoadOptions::default()
                }
            };
            if let Some(open) = p.file.as_ref().filter(|f| f.name == name) {
                return Some((FilePlace::Open, saved(open, &p.load_options)));
            }
            let beside = p.beside.iter().find(|f| f.file.name == name)?;
            Some((FilePlace::Beside, saved(&beside.file, &beside.load_options)))
        })
    }

    /// Read the open file again, as the user says (encoding, delimiter,
    /// header).
    pub fn reopen(self, options: LoadOptions) {
        if let Some(file) = self.file.get_value() {
            spawn_local(async move {
                self.load(file, options, FilePlace::Open).await;
            });
        }
    }

    /// Stop the load in progress; the table open before stays open.
    pub fn cancel_load(self) {
        if let LoadStatus::Loading { id, .. } = self.status.get_untracked() {
            self.engine.with_value(|engine| engine.cancel(id));
        }
    }

    /// Read one file into its place; true when it loaded.
    pub(super) async fn load(self, file: File, options: LoadOptions, place: FilePlace) -> bool {
        let name = file.name();
        let status = self.status;
        let this_load = Rc::new(Cell::new(0));
        let load = {
            let this_load = Rc::clone(&this_load);
            self.engine.with_value(|engine| {
                engine.open(&file, options.clone(), place, move |progress| {
                    status.update(|status| {
                        if let LoadStatus::Loading {
                            id,
                            progress: shown,
                            ..
                        } = status
                        {
                            if *id == this_load.get() {
                                *shown = Some(progress);
                            }
                        }
                    })
                })
            })
        };
        this_load.set(load.id);
        let id = load.id;
        status.set(LoadStatus::Loading {
            name: name.clone(),
            id,
            progress: None,
        });
        let response = load.answer.await.unwrap_or(Response::NoTable);
        // A newer load replaced this one: its answer is for nobody.
        if !self.is_current_load(id) {
            return false;
        }
        match (place, response) {
            (FilePlace::Beside, Response::Loaded(summary)) => {
                self.finish_beside(file, options, summary);
                true
            }
            (_, response) => self.finish_load(id, file, options, response).await,
        }
    }

    /// Whether load `id` is still the one the page waits for: a file
    /// chosen while another is read (say, while a reload restores the
    /// project) replaces it, in the engine as on the page.
    fn is_current_load(&self, id: u32) -> bool {
        matches!(self.status.get_untracked(), LoadStatus::Loading { id: current, .. } if current == id)
    }

    /// Show what load `id` read; true when it loaded and is still the
    /// current load once the project's fixes and choices are applied.
    async fn finish_load(
        self,
        id: u32,
        file: File,
        options: LoadOptions,
        response: Response,
    ) -> bool {
        let name = file.name();
        let size = file.size() as u64;
        match response {
            Response::Loaded(mut summary) => {
                let same_file = self
                    .project
                    .with_untracked(|p| p.file.as_ref().is_some_and(|f| f.name == name));
                if same_file {
                    self.sync_fixes(&mut summary, true).await;
                    self.apply_saved_choices(&mut summary).await;
                    // Another file was chosen meanwhile: the engine holds
                    // that one now, so this summary describes nothing.
                    if !self.is_current_load(id) {
                        return false;
                    }
                } else {
                    let mut replaced = None;
                    self.project.update(|p| {
                        p.columns.clear();
                        p.fixes.clear();
                        // The file it replaces has left the project.
                        if let Some(previous) = &p.file {
                            p.links.remove(&previous.name);
                            replaced = Some(previous.name.clone());
                        }
                    });
                    if let Some(replaced) = replaced {
                        self.unkeep_file(replaced);
                    }
                }
                self.project.update(|project| {
                    let kept = project
                        .chart_column
                        .take()
                        .filter(|col| same_file && summary.columns.iter().any(|c| &c.name == col));
                    project.chart_column = kept.or_else(|| default_chart_column(&summary));
                    project.file = Some(FileRef {
                        name: name.clone(),
                        size,
                    });
                    project.load_options = options;
                });
                let headers: Vec<String> = summary.columns.iter().map(|c| c.name.clone()).collect();
                if self.apply_pending_recipe(&headers) {
                    self.apply_saved_choices(&mut summary).await;
                    if !self.is_current_load(id) {
                        return false;
                    }
                }
                self.forget_missing(&name);
                self.keep_file(&file);
                self.file.set_value(Some(file));
                self.show_open(summary);
                self.status.set(LoadStatus::Idle);
                true
            }
            Response::LoadFailed(error) => {
                self.status.set(LoadStatus::Failed {
                    name,
                    error: LoadError::Ingest(error),
                });
                false
            }
            Response::LoadCancelled => {
                self.status.set(LoadStatus::Cancelled { name });
                false
            }
            _ => {
                self.status.set(LoadStatus::Failed {
                    name,
                    error: LoadError::Browser,
                });
                false
            }
        }
    }

    /// Show a newly opened table: every view asks again, and shows everyone
    /// (a newly opened file has no filter).
    pub(super) fn show_open(&self, summary: TableSummary) {
        let generation = self
            .loaded
            .with_untracked(|l| l.as_ref().map_or(0, |l| l.generation.wrapping_add(1)));
        self.view_filter.set(None);
        self.loaded.set(Some(Loaded {
            summary,
            generation,
        }));
        self.files_generation.update(|g| *g = g.wrapping_add(1));
    }

    /// Have the engine apply the project's accepted fixes (all of them, to
    /// the table as loaded) and take the fixed table's shape. Right after a
    /// load with no fixes there is nothing to do.
    pub(super) async fn sync_fixes(&self, summary: &mut TableSummary, after_load: bool) {
        let fixes = self.project.with_untracked(|p| p.fixes.clone());
        if after_load && fixes.is_empty() {
            return;
        }
        if let Response::Fixed { rows, columns, .. } = self.ask(Request::SetFixes { fixes }).await {
            summary.report.rows = rows;
            summary.columns = columns;
        }
    }

    /// The user accepts a suggested fix: it joins the project's list and the
    /// engine re-applies the whole list to the table as loaded.
    pub fn accept_fix(self, fix: Fix) {
        self.project.update(|p| {
            if !p.fixes.contains(&fix) {
                p.fixes.push(fix);
            }
        });
        self.refresh_fixes();
    }

    /// Undo one accepted fix (the others stay).
    pub fn undo_fix(self, index: usize) {
        self.project.update(|p| {
            if index < p.fixes.len() {
                p.fixes.remove(index);
            }
        });
        self.refresh_fixes();
    }

    fn refresh_fixes(self) {
        spawn_local(async move {
            let Some(mut summary) = self
                .loaded
                .with_untracked(|l| l.as_ref().map(|l| l.summary.clone()))
            else {
                return;
            };
            self.sync_fixes(&mut summary, false).await;
            self.apply_saved_choices(&mut summary).await;
            self.loaded.update(|loaded| {
                if let Some(loaded) = loaded {
                    loaded.summary = summary;
                    loaded.generation = loaded.generation.wrapping_add(1);
                }
            });
        });
    }

    /// Narrow every view to the rows whose `column` is `value` (a click on
    /// a bar), or show everyone again with `None`.
    pub fn filter_to(self, target: Option<(usize, String, String)>) {
        spawn_local(async move {
            let filter = target.as_ref().map(|(column, _, value)| RowFilter {
                column: *column,
                value: value.clone(),
            });
            let Response::Filtered { rows } = self.ask(Request::SetFilter { filter }).await else {
                return;
            };
            self.view_filter
                .set(target.map(|(column, name, value)| ViewFilter {
                    column,
                    name,
                    value,
                    rows,
                }));
            self.loaded.update(|loaded| {
                if let Some(loaded) = loaded {
                    loaded.generation = loaded.generation.wrapping_add(1);
                }
            });
        });
    }

    /// Rows the views show: the filtered ones, or all.
    pub fn rows_in_view(&self) -> usize {
        self.view_filter
            .with(|f| f.as_ref().map(|f| f.rows))
            .unwrap_or_else(|| {
                self.loaded
                    .with(|l| l.as_ref().map_or(0, |l| l.summary.row_count()))
            })
    }

    /// The current table (fixes applied) as CSV text, for a download.
    pub async fn export_csv(&self) -> Option<String> {
        match self.ask(Request::ExportCsv).await {
            Response::Csv { text } => Some(text),
            _ => None,
        }
    }

    /// Re-apply the user's saved type and role corrections to a freshly
    /// loaded summary of the same file.
    pub(super) async fn apply_saved_choices(&self, summary: &mut TableSummary) {
        let choices = self.project.with_untracked(|p| p.columns.clone());
        for (index, column) in summary.columns.iter_mut().enumerate() {
            let Some(choice) = choices.get(&column.name) else {
                continue;
            };
            let column_type = choice.column_type.or_else(|| {
                // A date order alone re-reads the column as the type shown.
                choice.date_order.map(|_| column.guess.column_type)
            });
            if let Some(column_type) = column_type {
                if let Some(fresh) = self.column_as(index, column_type, choice.date_order).await {
                    *column = fresh;
                }
            }
            if let Some(role) = choice.role {
                column.role = role;
            }
        }
    }

    async fn column_as(
        &self,
        index: usize,
        column_type: ColumnType,
        date_order: Option<DateOrder>,
    ) -> Option<ColumnSummary> {
        match self
            .ask(Request::Column {
                column: index,
                column_type: Some(column_type),
                date_order,
            })
            .await
        {
            Response::Column { summary, .. } => Some(summary),
            _ => None,
        }
    }

    /// The user corrects a column's type: re-read it as that type (cells
    /// that don't fit are counted) and remember the choice.
    pub fn choose_type(self, index: usize, column_type: ColumnType) {
        let date_order = self.chosen_date_order(index);
        spawn_local(async move {
            if let Some(fresh) = self.reread(index, column_type, date_order).await {
                self.remember(&fresh, |choice| choice.column_type = Some(column_type));
            }
        });
    }

    /// The user says which field of the column's `a/b/yyyy` dates is the
    /// day: re-read the column in that order and remember it.
    pub fn choose_date_order(self, index: usize, order: DateOrder) {
        let Some(column_type) = self.loaded.with_untracked(|l| {
            l.as_ref()
                .and_then(|l| l.summary.columns.get(index))
                .map(|c| c.guess.column_type)
        }) else {
            return;
        };
        spawn_local(async move {
            if let Some(fresh) = self.reread(index, column_type, Some(order)).await {
                self.remember(&fresh, |choice| choice.date_order = Some(order));
            }
        });
    }

    /// The date order the user chose for a column, if any.
    fn chosen_date_order(&self, index: usize) -> Option<DateOrder> {
        let name = self.loaded.with_untracked(|l| {
            l.as_ref()
                .and_then(|l| l.summary.columns.get(index))
                .map(|c| c.name.clone())
        })?;
        self.project
            .with_untracked(|p| p.columns.get(&name).and_then(|c| c.date_order))
    }

    /// Re-read a column as `column_type` and show it, keeping its role;
    /// answers the column's name.
    async fn reread(
        &self,
        index: usize,
        column_type: ColumnType,
        date_order: Option<DateOrder>,
    ) -> Option<String> {
        let mut fresh = self.column_as(index, column_type, date_order).await?;
        self.loaded.update(|loaded| {
            if let Some(loaded) = loaded.as_mut() {
                if let Some(column) = loaded.summary.columns.get_mut(index) {
                    // The role stays as shown; only the reading changed.
                    fresh.role = column.role;
                    *column = fresh.clone();
                }
                // Views that read the column (the timeline) ask again.
                loaded.generation = loaded.generation.wrapping_add(1);
            }
        });
        Some(fresh.name)
    }

    /// The user corrects a column's role.
    pub fn choose_role(self, index: usize, role: Role) {
        let mut name = None;
        self.loaded.update(|loaded| {
            if let Some(column) = loaded
                .as_mut()
                .and_then(|l| l.summary.columns.get_mut(index))
            {
                column.role = role;
                name = Some(column.name.clone());
            }
        });
        if let Some(name) = name {
            self.remember(&name, |choice| choice.role = Some(role));
        }
    }

    fn remember(&self, column: &str, change: impl FnOnce(&mut ColumnChoice)) {
        self.project
            .update(|p| change(p.columns.entry(column.to_string()).or_default()));
    }
}

pub(super) fn default_chart_column(summary: &TableSummary) -> Option<String> {
    summary.suggested_chart_column().map(str::to_string)
}

#[component]
pub fn App() -> impl IntoView {
    let (projects, opened) = open_projects("");
    let studio = Studio::new(projects, opened);
    provide_context(studio);
    let lang = Signal::derive(move || studio.project.with(|p| p.lang));
    let i18n = provide_i18n(lang);

    // <html lang dir> and the title follow the language.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("dir", lang.direction().as_str());
        }
        document().set_title(&i18n.t("app.title"));
    });

    start_autosave(studio);
    studio.follow_link(true);
    // A link pasted into the address bar of the open page changes only the
    // hash.
    let on_hash =
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || studio.follow_link(false));
    let _ = window().add_event_listener_with_callback(
        "hashchange",
        wasm_bindgen::JsCast::unchecked_ref(on_hash.as_ref()),
    );
    on_hash.forget();

    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{move || i18n.t("app.title")}</h1>
                <p class="tagline">{move || i18n.t("app.tagline")}</p>
            </div>
            <LanguageSwitch />
        </header>
        <main id="main" data-engine=move || studio.engine_home.get().as_str()>
            <Notices />
            <ProjectsPanel />
            <FileDrop on_files=move |files| studio.open_files(files) />
            <LoadProgress />
            <Show when=move || studio.loaded.with(Option::is_some)>
                <FileSummary />
                <ProfileDashboard />
                <ChartSection />
                <ColumnList
                    columns=Signal::derive(move || {
                        studio.loaded.with(|l| l.as_ref().map(|l| l.summary.columns.clone()).unwrap_or_default())
                    })
                    on_type=Callback::new(move |(index, column_type)| studio.choose_type(index, column_type))
                    on_role=Callback::new(move |(index, role)| studio.choose_role(index, role))
                    on_date_order=Callback::new(move |(index, order)| studio.choose_date_order(index, order))
                />
                <QualityPanel />
                <ProjectFiles />
                <CustomersPanel />
                <SegmentsPanel />
                <RuleSegmentsPanel />
                <PersonasPanel />
                <MovementPanel />
                <AssociationsPanel />
                <Preview />
                <ExportsPanel />
            </Show>
        </main>
        <footer class="app-footer">
            <p>{move || i18n.t("footer.privacy")}</p>
        </footer>
    }
}
