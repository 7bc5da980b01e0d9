//! The customer database of a transaction log: which columns make it one
//! (found from the roles, editable), what became of its rows, the models'
//! verdict, the customers table, and one customer's page.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::customer_page::CustomerPage;
use super::customers_table::CustomersTable;
use super::i18n::{use_i18n, I18n};
use super::load_progress::{describe_customers, known_fraction};
use super::rfm_panel::RfmPanel;
use super::studio::Studio;
use crate::core::calendar::{iso_date, parse_day};
use crate::core::clv::{Unavailable, ValueModel};
use crate::core::customer_base::{suggest_transaction_columns, BaseError, CustomerBaseSummary};
use crate::core::customers::{ColumnsError, RowProblem, TransactionColumns};
use crate::core::i18n::localize_digits;
use crate::core::project::CustomerSetup;
use crate::core::quality::ColumnKind;
use crate::core::relate::FileRole;
use crate::engine::{ColumnSummary, LoadPhase, Progress, Request, Response};

/// What the engine answered for the current setup.
#[derive(Debug, Clone, PartialEq)]
enum BaseState {
    /// Engine call `id` is building the base; how far it got.
    Building {
        id: u32,
        progress: Option<Progress>,
    },
    /// The user stopped the build.
    Cancelled,
    Built(Box<CustomerBaseSummary>),
    Failed(BaseError),
}

/// One column picker: its label, which column it shows, how a choice is
/// saved, and whether "none" is a choice.
#[derive(Clone, Copy)]
struct Picker {
    label: &'static str,
    shown: fn(&TransactionColumns) -> Option<usize>,
    set: fn(&mut CustomerSetup, Option<String>),
    optional: bool,
}

const PICKERS: [Picker; 6] = [
    Picker {
        label: "customers.setup.customer",
        shown: |c| Some(c.customer),
        set: |s, v| s.customer = v.unwrap_or_default(),
        optional: false,
    },
    Picker {
        label: "customers.setup.date",
        shown: |c| Some(c.date),
        set: |s, v| s.date = v.unwrap_or_default(),
        optional: false,
    },
    Picker {
        label: "customers.setup.value",
        shown: |c| c.value,
        set: |s, v| s.value = v,
        optional: true,
    },
    Picker {
        label: "customers.setup.quantity",
        shown: |c| c.quantity,
        set: |s, v| s.quantity = v,
        optional: true,
    },
    Picker {
        label: "customers.setup.unit_price",
        shown: |c| c.unit_price,
        set: |s, v| s.unit_price = v,
        optional: true,
    },
    Picker {
        label: "customers.setup.invoice",
        shown: |c| c.invoice,
        set: |s, v| s.invoice = v,
        optional: true,
    },
];

#[component]
pub fn CustomersPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let log_file = Memo::new(move |_| log_file(studio));
    let log_columns = Memo::new(move |_| log_file.get().map(|name| file_columns(studio, &name)));
    let names = Memo::new(move |_| {
        log_columns
            .with(|c| {
                c.as_ref()
                    .map(|c| c.iter().map(|c| c.name.clone()).collect())
            })
            .unwrap_or_default()
    });
    // The user's columns when they chose (and they still exist), else
    // those the roles suggest.
    let setup = Memo::new(move |_| {
        let names: Vec<String> = names.get();
        let chosen = studio.project.with(|p| p.customers.clone());
        if let Some(chosen) = chosen {
            if let Some(columns) = chosen.columns(&names) {
                return Some((columns, chosen.as_of));
            }
        }
        let kinds: Vec<ColumnKind> = log_columns.with(|c| {
            c.as_ref()
                .map(|c| c.iter().map(ColumnSummary::kind).collect())
                .unwrap_or_default()
        });
        suggest_transaction_columns(&names, &kinds).map(|columns| (columns, None))
    });
    let generation = Memo::new(move |_| studio.loaded.with(|l| l.as_ref().map(|l| l.generation)));
    let state = RwSignal::new(None::<BaseState>);
    let selected = RwSignal::new(None::<String>);
    // "Work them out again" after a cancel.
    let again = RwSignal::new(0u32);
    Effect::new(move |_| {
        let _table_changed = generation.get();
        let _files_changed = studio.files_generation.get();
        let _asked_again = again.get();
        let file = log_file.get();
        let Some((columns, as_of)) = setup.get() else {
            state.set(None);
            return;
        };
        selected.set(None);
        // A build still running is for an older setup: the engine stops it
        // when this one starts (one build at a time).
        build(studio, state, columns, as_of, file);
    });
    let cancel = move |_| {
        if let Some(BaseState::Building { id, .. }) = state.get_untracked() {
            studio.cancel_job(id);
        }
    };

    // A change of column or day is the user's setup from then on.
    let choose = move |change: &dyn Fn(&mut CustomerSetup)| {
        let Some((columns, as_of)) = setup.get_untracked() else {
            return;
        };
        let mut chosen = CustomerSetup::of_columns(&columns, &names.get_untracked(), as_of);
        chosen.file = log_file.get_untracked();
        change(&mut chosen);
        studio.project.update(|p| p.customers = Some(chosen));
    };
    let picker = move |picker: Picker| {
        view! {
            <label class="field">
                <span>{move || i18n.t(picker.label)}</span>
                <select on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    let picked = (!picked.is_empty()).then_some(picked);
                    choose(&|s| (picker.set)(s, picked.clone()));
                }>
                    {move || {
                        let shown = setup.get().and_then(|(c, _)| (picker.shown)(&c));
                        let none = picker
                            .optional
                            .then(|| {
                                view! {
                                    <option value="" selected=shown.is_none() prop:selected=shown.is_none()>
                                        {i18n.t("customers.setup.none")}
                                    </option>
                                }
                            });
                        let columns = names
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, name)| {
                                let selected = shown == Some(i);
                                let label = name.clone();
                                view! {
                                    <option value=name selected=selected prop:selected=selected>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view();
                        (none, columns)
                    }}
                </select>
            </label>
        }
    };
    let as_of_value = move || match state.get() {
        Some(BaseState::Built(summary)) => iso_date(summary.as_of),
        _ => String::new(),
    };
    let on_as_of = move |ev| {
        let text = event_target_value(&ev);
        let day = parse_day(&text, None);
        choose(&|s| s.as_of = day);
    };

    view! {
        <Show when=move || setup.with(Option::is_some)>
            <section class="customers" aria-labelledby="customers-title">
                <h2 id="customers-title">{move || i18n.t("customers.heading")}</h2>
                <p class="hint">{move || i18n.t("customers.intro")}</p>
                <div class="customer-setup">
                    {move || log_picker(studio, i18n, log_file.get())}
                    {PICKERS.into_iter().map(picker).collect_view()}
                    <label class="field">
                        <span>{move || i18n.t("customers.setup.as_of")}</span>
                        <input type="date" prop:value=as_of_value on:change=on_as_of />
                    </label>
                </div>
                {move || match state.get() {
                    Some(BaseState::Building { progress, .. }) => {
                        building(i18n, progress, cancel).into_any()
                    }
                    Some(BaseState::Cancelled) => {
                        view! {
                            <div class="customers-progress" role="status">
                                <p class="customers-status">{move || i18n.t("customers.cancelled")}</p>
                                <button
                                    type="button"
                                    class="button secondary customers-again"
                                    on:click=move |_| again.update(|n| *n += 1)
                                >
                                    {move || i18n.t("customers.again")}
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                    Some(BaseState::Failed(error)) => {
                        view! {
                            <p class="customers-status error" role="alert">
                                {move || failure_text(i18n, &error)}
                            </p>
                        }
                            .into_any()
                    }
                    Some(BaseState::Built(summary)) => {
                        built(i18n, &summary, selected).into_any()
                    }
                    None => ().into_any(),
                }}
            </section>
        </Show>
    }
}

/// The file read as the purchase log: the user's choice while the project
/// has it, else the first file linked as transactions, else the open file.
fn log_file(studio: Studio) -> Option<String> {
    let open = studio
        .project
        .with(|p| p.file.as_ref().map(|f| f.name.clone()));
    let in_project = |name: &str| {
        open.as_deref() == Some(name) || studio.beside.with(|b| b.iter().any(|f| f.name == name))
    };
    let chosen = studio
        .project
        .with(|p| p.customers.as_ref().map(|c| c.file.clone()));
    match chosen {
        // Format 2 saved no file: the log was the open file.
        Some(None) => return open,
        Some(Some(name)) if in_project(&name) => return Some(name),
        _ => {}
    }
    let linked = studio.link.with(|link| {
        link.as_ref().and_then(|link| {
            link.files
                .iter()
                .find(|f| f.role == FileRole::Transactions)
                .map(|f| f.file.clone())
        })
    });
    linked.filter(|name| in_project(name)).or(open)
}

/// A file's columns as the page knows them (the open file's with the
/// user's corrections).
fn file_columns(studio: Studio, name: &str) -> Vec<ColumnSummary> {
    let open = studio
        .project
        .with(|p| p.file.as_ref().is_some_and(|f| f.name == name));
    if open {
        return studio.loaded.with(|l| {
            l.as_ref()
                .map(|l| l.summary.columns.clone())
                .unwrap_or_default()
        });
    }
    studio.beside.with(|beside| {
        beside
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.summary.columns.clone())
            .unwrap_or_default()
    })
}

/// Which of the project's files is the purchase log (when it has several).
fn log_picker(studio: Studio, i18n: I18n, current: Option<String>) -> impl IntoView {
    let names = studio.project.with(|p| p.file_names());
    (names.len() > 1).then(|| {
        let on_change = move |ev| {
            let file = event_target_value(&ev);
            studio.project.update(|p| {
                p.customers = Some(CustomerSetup {
                    file: Some(file.clone()),
                    ..CustomerSetup::default()
                })
            });
        };
        view! {
            <label class="field">
                <span>{move || i18n.t("customers.setup.file")}</span>
                <select on:change=on_change>
                    {names
                        .into_iter()
                        .map(|name| {
                            let selected = current.as_deref() == Some(name.as_str());
                            view! { <option value=name.clone() selected=selected prop:selected=selected>{name.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        }
    })
}

fn built(
    i18n: I18n,
    summary: &CustomerBaseSummary,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let summary = summary.clone();
    let found = summary.clone();
    let model = summary.model.clone();
    let fitted = matches!(summary.model, ValueModel::Fitted { .. });
    // Texts are closures so a change of language re-words them without
    // rebuilding the table under them.
    let headline = move || {
        let day = |d: i32| localize_digits(&iso_date(d), i18n.lang.get());
        i18n.t_count(
            "customers.summary",
            summary.customers,
            &[
                ("transactions", &i18n.count(summary.purchase_lines as usize)),
                ("first", &day(summary.first_day)),
                ("last", &day(summary.last_day)),
                ("as_of", &day(summary.as_of)),
                ("repeat", &i18n.count(summary.repeat_customers)),
                ("total", &i18n.decimal(summary.total_value, 2)),
            ],
        )
    };
    view! {
        <p class="customers-status" role="status">{headline}</p>
        <ul class="findings customers-findings">
            {move || {
                findings(i18n, &found)
                    .into_iter()
                    .map(|text| view! { <li>{text}</li> })
                    .collect_view()
            }}
        </ul>
        <p class="model-note">{move || model_text(i18n, &model)}</p>
        <CustomersTable
            fitted=fitted
            on_open=Callback::new(move |id| selected.set(Some(id)))
        />
        <CustomerPage id=selected />
        <RfmPanel />
    }
}

/// The rows no figure counts, and the returns set apart, by reason (only
/// the reasons that occurred), with the first row numbers.
fn findings(i18n: I18n, summary: &CustomerBaseSummary) -> Vec<String> {
    let log = &summary.log;
    let mut lines: Vec<String> = [
        ("customers.left.no_customer", &log.orphans),
        ("customers.left.bad_date", &log.bad_date),
        ("customers.left.bad_value", &log.bad_value),
    ]
    .into_iter()
    .filter(|(_, problem)| problem.count > 0)
    .map(|(key, problem)| i18n.t_count(key, problem.count, &[("rows", &row_list(i18n, problem))]))
    .collect();
    if summary.after_as_of > 0 {
        lines.push(i18n.t_count("customers.left.after_as_of", summary.after_as_of, &[]));
    }
    if log.return_lines > 0 {
        lines.push(i18n.t_count(
            "customers.returns",
            log.return_lines,
            &[("customers", &i18n.count(summary.returns_only))],
        ));
    }
    lines
}

/// "4, 17, 230…": the first rows of a problem, as the preview numbers them.
fn row_list(i18n: I18n, problem: &RowProblem) -> String {
    let mut rows: Vec<String> = problem.first_rows.iter().map(|&r| i18n.count(r)).collect();
    if problem.count > problem.first_rows.len() {
        rows.push("…".into());
    }
    rows.join(", ")
}

/// The models' verdict: their parameters when they fitted, why not otherwise.
fn model_text(i18n: I18n, model: &ValueModel) -> String {
    match model {
        ValueModel::Fitted { purchases, spend } => i18n.t_args(
            "customers.model.fitted",
            &[
                ("r", &i18n.decimal(purchases.params.r, 3)),
                ("alpha", &i18n.decimal(purchases.params.alpha, 3)),
                ("a", &i18n.decimal(purchases.params.a, 3)),
                ("b", &i18n.decimal(purchases.params.b, 3)),
                ("p", &i18n.decimal(spend.params.p, 3)),
                ("q", &i18n.decimal(spend.params.q, 3)),
                ("gamma", &i18n.decimal(spend.params.v, 3)),
                (
                    "iterations",
                    &i18n.count(purchases.iterations + spend.iterations),
                ),
            ],
        ),
        ValueModel::Unavailable { reason } => i18n.t_args(
            "customers.model.unavailable",
            &[("reason", &i18n.t(unavailable_key(reason)))],
        ),
    }
}

fn unavailable_key(reason: &Unavailable) -> &'static str {
    match reason {
        Unavailable::PurchaseModel(_) => "customers.model.why.purchase_refused",
        Unavailable::PurchaseModelDidNotConverge { .. } => "customers.model.why.purchase_no_fit",
        Unavailable::SpendModel(_) => "customers.model.why.spend_refused",
        Unavailable::SpendModelDidNotConverge { .. } => "customers.model.why.spend_no_fit",
        Unavailable::SpendMeanInfinite { .. } => "customers.model.why.spend_infinite",
        Unavailable::BadHistory(_) | Unavailable::PredictionFailed => "customers.model.why.history",
    }
}

/// Ask the engine for the customer base, showing its progress in `state`
/// until it answers (an answer for an older request is not shown).
fn build(
    studio: Studio,
    state: RwSignal<Option<BaseState>>,
    columns: TransactionColumns,
    as_of: Option<i32>,
    file: Option<String>,
) {
    let asked = Request::Customers {
        columns,
        as_of,
        file,
    };
    let job = studio.ask_in_steps(asked, move |heard| {
        state.update(|s| {
            if let Some(BaseState::Building { progress, .. }) = s {
                *progress = Some(heard);
            }
        });
    });
    let id = job.id;
    state.set(Some(BaseState::Building { id, progress: None }));
    spawn_local(async move {
        let response = job.answer.await.unwrap_or(Response::CustomersCancelled);
        let still_asked = matches!(state.get_untracked(), Some(BaseState::Building { id: running, .. }) if running == id);
        if !still_asked {
            return;
        }
        state.set(Some(match response {
            Response::Customers(summary) => BaseState::Built(summary),
            Response::CustomersFailed(error) => BaseState::Failed(error),
            _ => BaseState::Cancelled,
        }));
    });
}

/// The build's progress bar (without a value while a model's search runs:
/// it stops when it converges, not at a known step) and its stop button.
fn building(
    i18n: I18n,
    progress: Option<Progress>,
    cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let text = move || match progress {
        Some(
            p @ Progress {
                phase: LoadPhase::Customers(phase),
                ..
            },
        ) => describe_customers(i18n, phase, p),
        _ => i18n.t("customers.building"),
    };
    let bar = match progress.map_or(Some(0.0), known_fraction) {
        Some(value) => view! {
            <progress max="1" prop:value=value aria-label=move || i18n.t("customers.progress.label")></progress>
        }
            .into_any(),
        None => view! { <progress aria-label=move || i18n.t("customers.progress.label")></progress> }
            .into_any(),
    };
    view! {
        <div class="customers-progress" aria-live="polite">
            {bar}
            <p class="customers-status" role="status">{text}</p>
            <button type="button" class="button secondary customers-cancel" on:click=cancel>
                {move || i18n.t("customers.cancel")}
            </button>
        </div>
    }
}

fn failure_text(i18n: I18n, error: &BaseError) -> String {
    match error {
        BaseError::Columns {
            problem: ColumnsError::NoValue,
        } => i18n.t("customers.failed.no_value"),
        BaseError::Columns {
            problem: ColumnsError::NoSuchColumn { index, .. },
        } => i18n.t_args(
            "customers.failed.column",
            &[("column", &i18n.count(index + 1))],
        ),
        BaseError::NoTransactions { log, .. } => i18n.t_count(
            "customers.failed.none",
            log.rows,
            &[
                ("no_customer", &i18n.count(log.orphans.count)),
                ("bad_date", &i18n.count(log.bad_date.count)),
                ("bad_value", &i18n.count(log.bad_value.count)),
            ],
        ),
    }
}
