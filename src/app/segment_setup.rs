//! The settings of a segmentation: which columns, how each is scaled, the
//! range of k to try, the seed and the restarts. Suggested from the
//! columns' roles; every choice is the user's to change.

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::studio::Studio;
use crate::core::segment::{
    is_categorical, is_numeric, suggested_kind, CategoricalOptions, FeatureKind, FeatureSetting,
    NumericOptions, SavedSegmentation, Scaling,
};
use crate::engine::{DEFAULT_RESTARTS, MAX_K};

/// The form's state before it is run.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Draft {
    pub features: Vec<FeatureSetting>,
    pub k_min: usize,
    pub k_max: usize,
    pub seed: u64,
    pub restarts: usize,
}

impl Draft {
    pub fn new(features: Vec<FeatureSetting>) -> Self {
        Draft {
            features,
            k_min: 2,
            k_max: 10,
            seed: 1,
            restarts: DEFAULT_RESTARTS,
        }
    }

    pub fn of_saved(saved: &SavedSegmentation) -> Self {
        Draft {
            features: saved.features.clone(),
            k_min: saved.k_min,
            k_max: saved.k_max,
            seed: saved.seed,
            restarts: saved.restarts,
        }
    }

    /// Whether `saved` was made with these settings (so its segments, and
    /// their names, are these).
    pub fn same_settings(&self, saved: &SavedSegmentation) -> bool {
        *self == Draft::of_saved(saved)
    }

    pub fn apply(&self, saved: &mut SavedSegmentation) {
        saved.features = self.features.clone();
        saved.k_min = self.k_min;
        saved.k_max = self.k_max;
        saved.seed = self.seed;
        saved.restarts = self.restarts;
    }

    fn feature(&self, column: &str) -> Option<FeatureKind> {
        self.features
            .iter()
            .find(|f| f.column == column)
            .map(|f| f.kind)
    }

    /// Use `column` as `kind`, or not at all (`None`); order follows the
    /// table's.
    fn set_feature(&mut self, column: &str, kind: Option<FeatureKind>, order: &[String]) {
        self.features.retain(|f| f.column != column);
        if let Some(kind) = kind {
            self.features.push(FeatureSetting {
                column: column.to_string(),
                kind,
            });
        }
        let at = |name: &str| order.iter().position(|n| n == name).unwrap_or(usize::MAX);
        self.features.sort_by_key(|f| at(&f.column));
    }
}

/// A column that can be a feature, and how it reads when ticked.
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    name: String,
    numeric: bool,
    /// How it is read when ticked (the suggestion's options, if any).
    default: FeatureKind,
}

fn candidates(studio: Studio) -> Vec<Candidate> {
    studio
        .columns()
        .iter()
        .filter_map(|c| {
            let kind = c.kind();
            let numeric = is_numeric(kind.column_type);
            let default = suggested_kind(&kind).unwrap_or(if numeric {
                FeatureKind::Numeric(NumericOptions::default())
            } else {
                FeatureKind::Categorical(CategoricalOptions::default())
            });
            (numeric || is_categorical(kind.column_type)).then(|| Candidate {
                name: c.name.clone(),
                numeric,
                default,
            })
        })
        .collect()
}

#[component]
pub(super) fn SegmentSetup(draft: RwSignal<Draft>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let candidates = Memo::new(move |_| candidates(studio));
    let order = Memo::new(move |_| studio.column_names());
    let number_field = move |label: &'static str,
                             get: fn(&Draft) -> u64,
                             set: fn(&mut Draft, u64),
                             min: u64,
                             max: u64| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input
                    type="number"
                    min=min.to_string()
                    max=max.to_string()
                    prop:value=move || draft.with(|d| get(d).to_string())
                    on:change=move |ev| {
                        if let Ok(value) = event_target_value(&ev).trim().parse::<u64>() {
                            draft.update(|d| set(d, value.clamp(min, max)));
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <fieldset class="segment-setup">
            <legend>{move || i18n.t("segments.features")}</legend>
            <table class="segment-features">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("segments.feature.column")}</th>
                        <th scope="col">{move || i18n.t("segments.feature.read_as")}</th>
                        <th scope="col">{move || i18n.t("segments.feature.scaling")}</th>
                        <th scope="col">{move || i18n.t("segments.feature.log")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || candidates.get().into_iter().map(|candidate| {
                        feature_row(draft, candidate, order)
                    }).collect_view()}
                </tbody>
            </table>
            <div class="segment-numbers">
                {number_field("segments.k_min", |d| d.k_min as u64, |d, v| {
                    d.k_min = v as usize;
                    d.k_max = d.k_max.max(d.k_min);
                }, 2, MAX_K as u64)}
                {number_field("segments.k_max", |d| d.k_max as u64, |d, v| {
                    d.k_max = v as usize;
                    d.k_min = d.k_min.min(d.k_max);
                }, 2, MAX_K as u64)}
                {number_field("segments.seed", |d| d.seed, |d, v| d.seed = v, 0, u32::MAX as u64)}
                {number_field("segments.restarts", |d| d.restarts as u64, |d, v| d.restarts = v as usize, 1, 50)}
            </div>
        </fieldset>
    }
}

/// One column's row: use it or not, and (numbers) its scaling and log.
fn feature_row(
    draft: RwSignal<Draft>,
    candidate: Candidate,
    order: Memo<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = StoredValue::new(candidate.name.clone());
    let chosen = move || draft.with(|d| name.with_value(|n| d.feature(n)));
    let set = move |kind: Option<FeatureKind>| {
        name.with_value(|n| draft.update(|d| d.set_feature(n, kind, &order.get_untracked())));
    };
    let numeric_options = move || match chosen() {
        Some(FeatureKind::Numeric(options)) => Some(options),
        _ => None,
    };
    let default = candidate.default;
    let column = candidate.name.clone();
    view! {
        <tr>
            <td>
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || chosen().is_some()
                        on:change=move |ev| set(event_target_checked(&ev).then_some(default))
                    />
                    " "
                    <span>{column.clone()}</span>
                </label>
            </td>
            <td>{move || i18n.t(if candidate.numeric { "segments.feature.number" } else { "segments.feature.category" })}</td>
            <td>
                {candidate.numeric.then(|| view! {
                    <select
                        aria-label=move || i18n.t_args("segments.feature.scaling_of", &[("column", &name.get_value())])
                        disabled=move || numeric_options().is_none()
                        on:change=move |ev| {
                            let scaling = if event_target_value(&ev) == "robust" { Scaling::Robust } else { Scaling::Standard };
                            if let Some(options) = numeric_options() {
                                set(Some(FeatureKind::Numeric(NumericOptions { scaling, ..options })));
                            }
                        }
                    >
                        <option value="standard" selected=move || numeric_options().is_none_or(|o| o.scaling == Scaling::Standard)>
                            {move || i18n.t("segments.scaling.standard")}
                        </option>
                        <option value="robust" selected=move || numeric_options().is_some_and(|o| o.scaling == Scaling::Robust)>
                            {move || i18n.t("segments.scaling.robust")}
                        </option>
                    </select>
                })}
            </td>
            <td>
                {candidate.numeric.then(|| view! {
                    <input
                        type="checkbox"
                        aria-label=move || i18n.t_args("segments.feature.log_of", &[("column", &name.get_value())])
                        disabled=move || numeric_options().is_none()
                        prop:checked=move || numeric_options().is_some_and(|o| o.log1p)
                        on:change=move |ev| {
                            if let Some(options) = numeric_options() {
                                set(Some(FeatureKind::Numeric(NumericOptions { log1p: event_target_checked(&ev), ..options })));
                            }
                        }
                    />
                })}
            </td>
        </tr>
    }
}
