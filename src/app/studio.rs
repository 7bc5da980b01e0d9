//! The app's state and its top-level page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::chart_canvas::ChartSection;
use super::column_list::ColumnList;
use super::file_drop::FileDrop;
use super::file_summary::FileSummary;
use super::i18n::provide_i18n;
use super::language_switch::LanguageSwitch;
use super::notices::{Notice, Notices};
use super::preview::Preview;
use super::read_file::read_bytes;
use super::storage::{load_project, save_project};
use crate::core::ingest::IngestError;
use crate::core::project::{ColumnChoice, FileRef, ProjectState, Restored};
use crate::core::schema::{ColumnType, Role};
use crate::engine::{ColumnSummary, Engine, Request, Response, TableSummary};

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 20;

/// What the page shows about the file being read.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadStatus {
    Idle,
    Loading { name: String },
    Failed { name: String, error: LoadError },
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Ingest(IngestError),
    Browser,
}

/// A loaded table as the page knows it: a summary and the first rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub summary: TableSummary,
    pub preview: Vec<Vec<String>>,
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
    engine: StoredValue<Engine, LocalStorage>,
}

impl Studio {
    pub fn new(restored: Restored) -> Self {
        let (project, notices, can_save) = match restored {
            Restored::Fresh => (ProjectState::default(), vec![], true),
            Restored::Loaded(state) => {
                let notices = state
                    .file
                    .as_ref()
                    .map(|file| {
                        vec![Notice::FileMissing {
                            name: file.name.clone(),
                        }]
                    })
                    .unwrap_or_default();
                (state, notices, true)
            }
            Restored::Newer { found, state } => (state, vec![Notice::NewerFormat { found }], false),
            Restored::Corrupt { .. } => (ProjectState::default(), vec![Notice::Corrupt], true),
        };
        Studio {
            project: RwSignal::new(project),
            loaded: RwSignal::new(None),
            status: RwSignal::new(LoadStatus::Idle),
            notices: RwSignal::new(notices),
            can_save: RwSignal::new(can_save),
            engine: StoredValue::new_local(Engine::new()),
        }
    }

    /// Ask the engine something. (Synchronous here; the ingest issue moves
    /// the engine into a Web Worker behind the same messages.)
    pub fn ask(&self, request: Request) -> Response {
        self.engine
            .try_update_value(|engine| engine.handle(request))
            .unwrap_or(Response::NoTable)
    }

    pub fn open_file(self, file: File) {
        let name = file.name();
        let size = file.size() as u64;
        self.status.set(LoadStatus::Loading { name: name.clone() });
        spawn_local(async move {
            let Ok(bytes) = read_bytes(&file).await else {
                self.status.set(LoadStatus::Failed {
                    name,
                    error: LoadError::Browser,
                });
                return;
            };
            // Let the "Reading…" status paint before the parse blocks.
            yield_to_browser().await;
            self.finish_load(name, size, bytes);
        });
    }

    /// Re-apply the user's saved type and role corrections to a freshly
    /// loaded summary of the same file.
    fn apply_saved_choices(&self, summary: &mut TableSummary) {
        let choices = self.project.with_untracked(|p| p.columns.clone());
        for (index, column) in summary.columns.iter_mut().enumerate() {
            let Some(choice) = choices.get(&column.name) else {
                continue;
            };
            if let Some(column_type) = choice.column_type {
                if let Some(fresh) = self.column_as(index, column_type) {
                    *column = fresh;
                }
            }
            if let Some(role) = choice.role {
                column.role = role;
            }
        }
    }

    fn column_as(&self, index: usize, column_type: ColumnType) -> Option<ColumnSummary> {
        match self.ask(Request::Column {
            column: index,
            column_type: Some(column_type),
        }) {
            Response::Column { summary, .. } => Some(summary),
            _ => None,
        }
    }

    /// The user corrects a column's type: re-read it as that type (cells
    /// that don't fit are counted) and remember the choice.
    pub fn choose_type(self, index: usize, column_type: ColumnType) {
        let Some(mut fresh) = self.column_as(index, column_type) else {
            return;
        };
        self.loaded.update(|loaded| {
            if let Some(column) = loaded
                .as_mut()
                .and_then(|l| l.summary.columns.get_mut(index))
            {
                // The role stays as shown; only the type changed.
                fresh.role = column.role;
                *column = fresh.clone();
            }
        });
        self.remember(&fresh.name, |choice| choice.column_type = Some(column_type));
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

    fn finish_load(self, name: String, size: u64, bytes: Vec<u8>) {
        match self.ask(Request::Load {
            file_name: name.clone(),
            bytes,
        }) {
            Response::Loaded(mut summary) => {
                let same_file = self
                    .project
                    .with_untracked(|p| p.file.as_ref().is_some_and(|f| f.name == name));
                if same_file {
                    self.apply_saved_choices(&mut summary);
                } else {
                    self.project.update(|p| p.columns.clear());
                }
                let preview = match self.ask(Request::Rows {
                    start: 0,
                    end: PREVIEW_ROWS,
                }) {
                    Response::Rows { rows, .. } => rows,
                    _ => vec![],
                };
                self.project.update(|project| {
                    let same_file = project.file.as_ref().is_some_and(|f| f.name == name);
                    let kept = project
                        .chart_column
                        .take()
                        .filter(|col| same_file && summary.columns.iter().any(|c| &c.name == col));
                    project.chart_column = kept.or_else(|| default_chart_column(&summary));
                    project.file = Some(FileRef { name, size });
                });
                self.notices
                    .update(|n| n.retain(|notice| !matches!(notice, Notice::FileMissing { .. })));
                self.loaded.set(Some(Loaded { summary, preview }));
                self.status.set(LoadStatus::Idle);
            }
            Response::LoadFailed(error) => self.status.set(LoadStatus::Failed {
                name,
                error: LoadError::Ingest(error),
            }),
            _ => self.status.set(LoadStatus::Failed {
                name,
                error: LoadError::Browser,
            }),
        }
    }
}

fn default_chart_column(summary: &TableSummary) -> Option<String> {
    summary.suggested_chart_column().map(str::to_string)
}

async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[component]
pub fn App() -> impl IntoView {
    let studio = Studio::new(load_project());
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

    // Autosave the settings whenever they change.
    Effect::new(move |_| {
        let project = studio.project.get();
        if !studio.can_save.get_untracked() {
            return;
        }
        let failure = save_project(&project).err();
        studio.notices.update(|notices| {
            notices.retain(|n| !matches!(n, Notice::SaveFailed { .. }));
            if let Some(reason) = failure {
                notices.push(Notice::SaveFailed { reason });
            }
        });
    });

    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{move || i18n.t("app.title")}</h1>
                <p class="tagline">{move || i18n.t("app.tagline")}</p>
            </div>
            <LanguageSwitch />
        </header>
        <main id="main">
            <Notices />
            <FileDrop on_file=move |file| studio.open_file(file) />
            <Show when=move || studio.loaded.with(Option::is_some)>
                <FileSummary />
                <ChartSection />
                <ColumnList
                    columns=Signal::derive(move || {
                        studio.loaded.with(|l| l.as_ref().map(|l| l.summary.columns.clone()).unwrap_or_default())
                    })
                    on_type=Callback::new(move |(index, column_type)| studio.choose_type(index, column_type))
                    on_role=Callback::new(move |(index, role)| studio.choose_role(index, role))
                />
                <Preview
                    headers=Signal::derive(move || {
                        studio
                            .loaded
                            .with(|l| {
                                l.as_ref()
                                    .map(|l| l.summary.columns.iter().map(|c| c.name.clone()).collect())
                                    .unwrap_or_default()
                            })
                    })
                    rows=Signal::derive(move || {
                        studio.loaded.with(|l| l.as_ref().map(|l| l.preview.clone()).unwrap_or_default())
                    })
                    total=Signal::derive(move || studio.loaded.with(|l| l.as_ref().map_or(0, |l| l.summary.row_count())))
                />
            </Show>
        </main>
        <footer class="app-footer">
            <p>{move || i18n.t("footer.privacy")}</p>
        </footer>
    }
}
