//! What sets each segment apart, in words: its most distinguishing traits
//! against the whole base (tested, many tests accounted for), two segments
//! side by side, and the ideal customer profile (the top tenth by a value
//! column against everyone else).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{use_i18n, I18n};
use super::segment_results::segment_label;
use super::studio::Studio;
use crate::core::schema::{ColumnType, Role};
use crate::core::segment::compare::{
    describe_distinguishing_traits, describe_method, describe_size, GroupProfile, TraitChoice,
    TraitKind,
};
use crate::core::segment::{is_categorical, is_numeric};
use crate::engine::{Request, Response, SegmentSource};

/// Sentences per group.
const TRAITS_SHOWN: usize = 4;
/// The ideal customer profile's share: the top decile.
const TOP_SHARE: f64 = 0.1;

/// Every column a trait can be read from: numbers by their mean,
/// categories by their shares (identifiers and free text say nothing about
/// a group).
fn traits(studio: Studio) -> Vec<TraitChoice> {
    studio
        .columns()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.role != Role::CustomerId)
        .filter_map(|(column, c)| {
            let t = c.guess.column_type;
            let kind = if is_numeric(t) {
                TraitKind::Numeric
            } else if is_categorical(t) {
                TraitKind::Categorical
            } else {
                return None;
            };
            Some(TraitChoice { column, kind })
        })
        .collect()
}

/// The numeric columns, money first: what "most valuable" can be judged by.
fn value_columns(studio: Studio) -> Vec<(usize, String)> {
    let mut columns: Vec<(usize, String, bool)> = studio
        .columns()
        .iter()
        .enumerate()
        .filter(|(_, c)| is_numeric(c.guess.column_type) && c.role != Role::CustomerId)
        .map(|(i, c)| {
            let money = c.guess.column_type == ColumnType::Money
                || matches!(c.role, Role::Amount | Role::Revenue | Role::Income);
            (i, c.name.clone(), money)
        })
        .collect();
    columns.sort_by_key(|(_, _, money)| !money);
    columns.into_iter().map(|(i, name, _)| (i, name)).collect()
}

fn sentences(i18n: I18n, profile: &GroupProfile, other: &str) -> impl IntoView {
    let lang = i18n.lang.get();
    let lines = describe_distinguishing_traits(lang, profile, TRAITS_SHOWN, other);
    if lines.is_empty() {
        return view! { <p class="hint">{i18n.t("segments.traits.none")}</p> }.into_any();
    }
    view! {
        <ul class="trait-sentences">
            {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub(super) fn SegmentTraits(
    /// Segments in the shown segmentation.
    k: usize,
    names: Memo<Vec<String>>,
    /// Which kept segmentation of the engine it describes.
    #[prop(optional)]
    of: SegmentSource,
    /// Show the ideal customer profile too (it is the same for every
    /// segmentation of a table, so one place is enough).
    #[prop(default = true)]
    ideal_profile: bool,
) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let profiles = RwSignal::new(None::<Vec<GroupProfile>>);
    let pair = RwSignal::new((0usize, 1usize.min(k.saturating_sub(1))));
    let compared = RwSignal::new(None::<GroupProfile>);
    let value_columns = Memo::new(move |_| value_columns(studio));
    let value_column = RwSignal::new(None::<usize>);
    let ideal = RwSignal::new(None::<(GroupProfile, usize, f64)>);

    spawn_local(async move {
        let traits = untrack(|| traits(studio));
        if let Response::SegmentProfiles(found) =
            studio.ask(Request::SegmentProfiles { traits, of }).await
        {
            profiles.set(Some(found.segments));
        }
    });
    Effect::new(move |_| {
        let (a, b) = pair.get();
        if a == b {
            compared.set(None);
            return;
        }
        spawn_local(async move {
            let traits = untrack(|| traits(studio));
            if let Response::SegmentComparison(found) = studio
                .ask(Request::CompareSegments { a, b, traits, of })
                .await
            {
                compared.set(Some(*found));
            }
        });
    });
    Effect::new(move |_| {
        if !ideal_profile {
            return;
        }
        let column = value_column
            .get()
            .or_else(|| value_columns.with(|c| c.first().map(|(i, _)| *i)));
        let Some(column) = column else {
            return;
        };
        spawn_local(async move {
            let traits = untrack(|| traits(studio));
            let asked = Request::IdealCustomers {
                column,
                share: TOP_SHARE,
                traits,
            };
            ideal.set(match studio.ask(asked).await {
                Response::IdealCustomers(found) => {
                    Some((found.profile, found.group.top, found.group.cut))
                }
                _ => None,
            });
        });
    });

    let name = move |index: usize| segment_label(i18n, &names.get(), index);
    let heading_id = match of {
        SegmentSource::KMeans => "segment-traits-heading",
        SegmentSource::Rules => "rule-traits-heading",
    }
    .to_string();
    let labelled_by = heading_id.clone();
    let picker = move |label: &'static str,
                       get: fn((usize, usize)) -> usize,
                       set: fn(&mut (usize, usize), usize)| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <select on:change=move |ev| {
                    if let Ok(index) = event_target_value(&ev).parse() {
                        pair.update(|p| set(p, index));
                    }
                }>
                    {move || (0..k).map(|index| view! {
                        <option value=index.to_string() selected=move || get(pair.get()) == index>{name(index)}</option>
                    }).collect_view()}
                </select>
            </label>
        }
    };

    view! {
        <section class="segment-traits" aria-labelledby=labelled_by>
            <h3 id=heading_id>{move || i18n.t("segments.traits.heading")}</h3>
            <p class="hint">{move || describe_method(i18n.lang.get())}</p>
            {move || profiles.get().map(|found| found.into_iter().map(|profile| {
                let index = profile.segment;
                view! {
                    <article class="segment-card">
                        <h4>{name(index)}</h4>
                        <p>{describe_size(i18n.lang.get(), &profile)}</p>
                        {sentences(i18n, &profile, "")}
                    </article>
                }
            }).collect_view())}
            <Show when=move || { k > 1 }>
                <h3>{move || i18n.t("segments.compare.heading")}</h3>
                <div class="segment-pair">
                    {picker("segments.compare.a", |p| p.0, |p, v| p.0 = v)}
                    {picker("segments.compare.b", |p| p.1, |p, v| p.1 = v)}
                </div>
                {move || {
                    let (a, b) = pair.get();
                    if a == b {
                        return view! { <p class="hint">{i18n.t("segments.compare.same")}</p> }.into_any();
                    }
                    compared.get().map(|profile| view! {
                        <div class="segment-comparison">
                            <p>{i18n.t_args("segments.compare.sentence", &[("a", &name(a)), ("b", &name(b))])}</p>
                            {sentences(i18n, &profile, &name(b))}
                        </div>
                    }).into_any()
                }}
            </Show>
            <Show when=move || ideal_profile && !value_columns.with(Vec::is_empty)>
                <h3>{move || i18n.t("segments.ideal.heading")}</h3>
                <label class="field">
                    <span>{move || i18n.t("segments.ideal.by")}</span>
                    <select on:change=move |ev| value_column.set(event_target_value(&ev).parse().ok())>
                        {move || value_columns.get().into_iter().map(|(i, column)| view! {
                            <option value=i.to_string()>{column}</option>
                        }).collect_view()}
                    </select>
                </label>
                {move || ideal.get().map(|(profile, top, cut)| view! {
                    <div class="ideal-customers">
                        <p>{i18n.t_count("segments.ideal.top", top, &[("cut", &i18n.decimal(cut, 2))])}</p>
                        {sentences(i18n, &profile, "")}
                    </div>
                })}
            </Show>
        </section>
    }
}
