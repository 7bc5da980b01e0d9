//! Segments: k-means over the columns the user picks, with k chosen from
//! the data. The project keeps each segmentation's settings (not its
//! result): the same data, settings and seed give the same segments, so
//! after a reload the shown segmentation is made again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{use_i18n, I18n};
use super::saved_chips::SavedChips;
use super::segment_results::SegmentResults;
use super::segment_setup::{Draft, SegmentSetup};
use super::studio::Studio;
use crate::core::segment::{feature_choices, suggest_features, SavedSegmentation};
use crate::engine::{
    ColumnSummary, Progress, Request, Response, SegmentError, SegmentRequest, SegmentationSummary,
};

/// Where the shown segmentation is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum RunState {
    Idle,
    Running {
        id: u32,
        progress: Option<Progress>,
    },
    Done(Box<SegmentationSummary>),
    Failed(SegmentError),
    /// A saved segmentation names a column the file no longer has.
    ColumnsGone,
    Cancelled,
}

/// The open file's name (reactive).
pub(super) fn open_file(studio: Studio) -> Option<String> {
    studio
        .project
        .with(|p| p.file.as_ref().map(|f| f.name.clone()))
}

/// The shown k-means segmentation of the open file (reactive).
pub(super) fn shown(studio: Studio) -> Option<SavedSegmentation> {
    let file = open_file(studio)?;
    studio.project.with(|p| {
        let id = p.shown_segmentation?;
        p.segmentations
            .iter()
            .find(|s| s.id == id && s.file == file)
            .cloned()
    })
}

/// The draft a new segmentation starts from: the suggested features.
fn fresh_draft(studio: Studio) -> Draft {
    let columns = studio.columns();
    let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let kinds: Vec<_> = columns.iter().map(ColumnSummary::kind).collect();
    Draft::new(suggest_features(&names, &kinds))
}

#[component]
pub fn SegmentsPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let run = RwSignal::new(RunState::Idle);
    Effect::new(move |_| {
        if run.with(|r| matches!(r, RunState::Done(_))) {
            studio.segments_ready.update(|n| *n = n.wrapping_add(1));
        }
    });
    let draft = RwSignal::new(fresh_draft(studio));
    let generation = Memo::new(move |_| studio.loaded.with(|l| l.as_ref().map(|l| l.generation)));
    let shown_id = Memo::new(move |_| shown(studio).map(|s| s.id));
    let saved_here = Memo::new(move |_| {
        let file = open_file(studio);
        studio.project.with(|p| {
            p.segmentations
                .iter()
                .filter(|s| Some(&s.file) == file.as_ref())
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });

    // A new table, or another segmentation shown: show what the engine
    // kept, or make the saved one again.
    Effect::new(move |_| {
        let _table = generation.get();
        let _shown = shown_id.get();
        spawn_local(async move {
            match untrack(|| shown(studio)) {
                // "Find segments" saved it and is making it already.
                Some(saved) if matches!(run.get_untracked(), RunState::Running { .. }) => {
                    draft.set(Draft::of_saved(&saved));
                }
                Some(saved) => {
                    draft.set(Draft::of_saved(&saved));
                    restore(studio, run, saved).await;
                }
                None => {
                    draft.set(untrack(|| fresh_draft(studio)));
                    run.set(RunState::Idle);
                }
            }
        });
    });

    let start = move |_| {
        let Some(saved) = save_draft(studio, i18n, draft.get_untracked()) else {
            run.set(RunState::ColumnsGone);
            return;
        };
        segment(studio, run, &saved);
    };
    let cancel = move |_| {
        if let RunState::Running { id, .. } = run.get_untracked() {
            studio.cancel_job(id);
        }
    };
    let new_segmentation = move |()| {
        studio.project.update(|p| p.shown_segmentation = None);
    };

    view! {
        <section class="segments" aria-labelledby="segments-heading">
            <h2 id="segments-heading">{move || i18n.t("segments.heading")}</h2>
            <p class="hint">{move || i18n.t("segments.intro")}</p>
            <Show when=move || !saved_here.with(Vec::is_empty)>
                <SavedChips
                    saved=saved_here
                    shown=shown_id
                    on_pick=Callback::new(move |id| studio.project.update(|p| p.shown_segmentation = Some(id)))
                    on_new=Callback::new(new_segmentation)
                    label="segments.saved"
                    new_label="segments.new"
                />
            </Show>
            <SegmentSetup draft=draft />
            <div class="segment-run">
                <button
                    type="button"
                    class="button"
                    disabled=move || matches!(run.get(), RunState::Running { .. }) || draft.with(|d| d.features.is_empty())
                    on:click=start
                >
                    {move || i18n.t("segments.run")}
                </button>
                {move || match run.get() {
                    RunState::Running { progress, .. } => {
                        let value = progress.map_or(0.0, |p| p.done as f64 / p.total.max(1) as f64);
                        view! {
                            <div class="segment-progress" aria-live="polite">
                                <progress max="1" prop:value=value aria-label=move || i18n.t("segments.progress")></progress>
                                <span>{progress.map(|p| i18n.t_args("segments.steps", &[
                                    ("done", &i18n.count(p.done as usize)),
                                    ("total", &i18n.count(p.total as usize)),
                                ]))}</span>
                                <button type="button" class="button secondary" on:click=cancel>
                                    {move || i18n.t("segments.cancel")}
                                </button>
                            </div>
                        }.into_any()
                    }
                    RunState::Failed(error) => view! {
                        <p class="error" role="alert">{describe_error(i18n, &error)}</p>
                    }.into_any(),
                    RunState::ColumnsGone => view! {
                        <p class="error" role="alert">{i18n.t("segments.error.columns_gone")}</p>
                    }.into_any(),
                    RunState::Cancelled => view! {
                        <p class="hint" role="status">{i18n.t("segments.cancelled")}</p>
                    }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
            {move || match run.get() {
                RunState::Done(summary) => view! { <SegmentResults summary=*summary run=run /> }.into_any(),
                _ => ().into_any(),
            }}
        </section>
    }
}

/// Save the draft as the shown segmentation (a new one when none is
/// shown); `None` when a feature's column is gone.
fn save_draft(studio: Studio, i18n: I18n, draft: Draft) -> Option<SavedSegmentation> {
    let file = untrack(|| open_file(studio))?;
    let names: Vec<String> = untrack(|| studio.columns())
        .into_iter()
        .map(|c| c.name)
        .collect();
    feature_choices(&draft.features, &names)?;
    // Worded before the update: the language is read from the project,
    // which is borrowed while it is updated.
    let count = studio
        .project
        .with_untracked(|p| p.segmentations.iter().filter(|s| s.file == file).count());
    let default_name =
        untrack(|| i18n.t_args("segments.default_name", &[("n", &i18n.count(count + 1))]));
    let mut saved = None;
    studio.project.update(|p| {
        let shown = p.shown_segmentation.and_then(|id| {
            p.segmentations
                .iter_mut()
                .find(|s| s.id == id && s.file == file)
        });
        let entry = match shown {
            Some(entry) => {
                // New settings make new segments: the old names and k
                // described the old ones.
                if !draft.same_settings(entry) {
                    entry.segment_names.clear();
                    entry.k = None;
                }
                draft.apply(entry);
                entry.clone()
            }
            None => {
                let id = p.segmentations.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                let mut entry = SavedSegmentation {
                    id,
                    name: default_name.clone(),
                    file: file.clone(),
                    features: Vec::new(),
                    k_min: 2,
                    k_max: 2,
                    k: None,
                    seed: 0,
                    restarts: 1,
                    segment_names: Vec::new(),
                };
                draft.apply(&mut entry);
                p.segmentations.push(entry.clone());
                p.shown_segmentation = Some(id);
                entry
            }
        };
        saved = Some(entry);
    });
    saved
}

/// Show the engine's kept segmentation if it is this one, else make it.
async fn restore(studio: Studio, run: RwSignal<RunState>, saved: SavedSegmentation) {
    let wanted = request_of(studio, &saved);
    if let Response::Segmented(summary) = studio.ask(Request::Segmentation).await {
        if wanted.as_ref() == Some(&summary.request) {
            run.set(RunState::Done(summary));
            return;
        }
    }
    segment(studio, run, &saved);
}

/// The engine request that makes `saved` on the open table.
fn request_of(studio: Studio, saved: &SavedSegmentation) -> Option<SegmentRequest> {
    let names: Vec<String> = untrack(|| studio.columns())
        .into_iter()
        .map(|c| c.name)
        .collect();
    Some(SegmentRequest {
        features: feature_choices(&saved.features, &names)?,
        k_min: saved.k_min,
        k_max: saved.k_max,
        k: saved.k,
        seed: saved.seed,
        restarts: saved.restarts,
    })
}

/// Make `saved` in the engine, showing progress.
fn segment(studio: Studio, run: RwSignal<RunState>, saved: &SavedSegmentation) {
    if let RunState::Running { id, .. } = run.get_untracked() {
        studio.cancel_job(id);
    }
    let Some(request) = request_of(studio, saved) else {
        run.set(RunState::ColumnsGone);
        return;
    };
    let job = studio.ask_in_steps(Request::Segment(request), move |progress| {
        run.update(|state| {
            if let RunState::Running {
                progress: shown, ..
            } = state
            {
                *shown = Some(progress);
            }
        });
    });
    let id = job.id;
    run.set(RunState::Running { id, progress: None });
    spawn_local(async move {
        let response = job.answer.await.unwrap_or(Response::SegmentCancelled);
        // A later run replaced this one: its answer is not for the page.
        if !matches!(run.get_untracked(), RunState::Running { id: running, .. } if running == id) {
            return;
        }
        run.set(match response {
            Response::Segmented(summary) => RunState::Done(summary),
            Response::SegmentFailed(error) => RunState::Failed(error),
            Response::SegmentCancelled => RunState::Cancelled,
            _ => RunState::Failed(SegmentError::NoSegmentation),
        });
    });
}

/// Why no segments, in words.
pub(super) fn describe_error(i18n: I18n, error: &SegmentError) -> String {
    use crate::core::segment::{FeatureError, KMeansError};
    match error {
        SegmentError::Features(FeatureError::NoFeatures) => i18n.t("segments.error.no_features"),
        SegmentError::Features(FeatureError::NoSuchColumn(_)) => {
            i18n.t("segments.error.columns_gone")
        }
        SegmentError::Features(FeatureError::NoRows) => i18n.t("segments.error.no_rows"),
        SegmentError::KMeans(KMeansError::TooFewPoints { points, k }) => i18n.t_args(
            "segments.error.too_few",
            &[("points", &i18n.count(*points)), ("k", &i18n.count(*k))],
        ),
        SegmentError::KMeans(KMeansError::NoClusters) | SegmentError::BadRange { .. } => i18n
            .t_args(
                "segments.error.range",
                &[
                    ("min", &i18n.count(2)),
                    ("max", &i18n.count(crate::engine::MAX_K)),
                ],
            ),
        SegmentError::TableChanged | SegmentError::NoSegmentation => {
            i18n.t("segments.error.changed")
        }
        SegmentError::Compare(_) | SegmentError::Ideal(_) | SegmentError::NoSuchColumn { .. } => {
            i18n.t("segments.error.compare")
        }
        SegmentError::TooManyRules { max, .. } => {
            i18n.t_args("rules.error.too_many", &[("max", &i18n.count(*max))])
        }
        SegmentError::NotScanned { k } => {
            i18n.t_args("segments.error.not_scanned", &[("k", &i18n.count(*k))])
        }
    }
}
