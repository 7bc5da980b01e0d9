//! The profile dashboard: the columns grouped the way marketers think —
//! demographic, geographic, behavioural, psychographic, technographic,
//! feedback, firmographic — each drawn with the chart that suits it, and a
//! headline in plain words.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::canvas_chart::CanvasChart;
use super::chart_canvas::HistogramChart;
use super::chart_draw::{draw_bars_on, draw_periods_on};
use super::feedback_cards::{scale_card, NpsByGroup};
use super::i18n::{use_i18n, I18n};
use super::sentiment_card::SentimentCard;
use super::studio::Studio;
use crate::core::feedback::Nps;
use crate::core::i18n::{describe_role, format_count};
use crate::core::schema::{ColumnType, DateOrder, Role, RoleGroup};
use crate::core::stats::{Histogram, MonthCounts, TopValues};
use crate::engine::{Request, Response};

/// Sections, in the order they are shown.
const GROUPS: [RoleGroup; 7] = [
    RoleGroup::Demographic,
    RoleGroup::Geographic,
    RoleGroup::Behavioural,
    RoleGroup::Psychographic,
    RoleGroup::Technographic,
    RoleGroup::Feedback,
    RoleGroup::Firmographic,
];
/// Categories shown as ranked bars.
const TOP_BARS: usize = 10;
/// The height of one ranked bar's row, in CSS pixels (as the chart draws
/// it when given this much room).
const BAR_ROW_PX: usize = 28;
const HISTOGRAM_BINS: usize = 20;

fn group_key(group: RoleGroup) -> &'static str {
    match group {
        RoleGroup::Demographic => "group.demographic",
        RoleGroup::Geographic => "group.geographic",
        RoleGroup::Behavioural => "group.behavioural",
        RoleGroup::Psychographic => "group.psychographic",
        RoleGroup::Technographic => "group.technographic",
        RoleGroup::Feedback => "group.feedback",
        RoleGroup::Firmographic => "group.firmographic",
        RoleGroup::Identifier | RoleGroup::Pii | RoleGroup::Other => "group.other",
    }
}

/// One column as the dashboard needs it.
#[derive(Debug, Clone, PartialEq)]
struct ProfiledColumn {
    index: usize,
    name: String,
    column_type: ColumnType,
    role: Role,
    /// Day/month order of `a/b/yyyy` dates, as shown in the column list.
    date_order: Option<DateOrder>,
}

/// The chart a column gets.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ChartKind {
    Histogram,
    Nps,
    /// Satisfaction or effort answers on a rating scale.
    Scale,
    Sentiment,
    Timeline,
    RankedBars,
}

fn chart_kind(column: &ProfiledColumn) -> Option<ChartKind> {
    if column.role == Role::Nps {
        return Some(ChartKind::Nps);
    }
    if column.role == Role::ReviewText {
        return Some(ChartKind::Sentiment);
    }
    if matches!(column.role, Role::Satisfaction | Role::Effort) && column.column_type.is_numeric() {
        return Some(ChartKind::Scale);
    }
    match column.column_type {
        t if t.is_numeric() => Some(ChartKind::Histogram),
        ColumnType::Date | ColumnType::DateTime => Some(ChartKind::Timeline),
        ColumnType::Category | ColumnType::Boolean => Some(ChartKind::RankedBars),
        _ => None,
    }
}

#[component]
pub fn ProfileDashboard() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let columns = Memo::new(move |_| {
        studio.loaded.with(|l| {
            l.as_ref().map(|l| {
                let columns: Vec<ProfiledColumn> = l
                    .summary
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(index, c)| ProfiledColumn {
                        index,
                        name: c.name.clone(),
                        column_type: c.guess.column_type,
                        role: c.role,
                        date_order: c.guess.date_order,
                    })
                    .collect();
                (l.generation, columns)
            })
        })
    });
    let headline = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some((_, columns)) = columns.get() else {
            return;
        };
        let lang = i18n.lang.get();
        spawn_local(async move {
            let text = compose_headline(studio, i18n, &columns).await;
            if i18n.lang.get_untracked() == lang {
                headline.set(text);
            }
        });
    });
    let sections = move || {
        let (generation, all) = columns.get()?;
        let views: Vec<_> = GROUPS
            .into_iter()
            .filter_map(|group| {
                let members: Vec<ProfiledColumn> = all
                    .iter()
                    .filter(|c| c.role.group() == group && chart_kind(c).is_some())
                    .cloned()
                    .collect();
                (!members.is_empty()).then(|| {
                    view! {
                        <section class="profile-group">
                            <h3>{move || i18n.t(group_key(group))}</h3>
                            <div class="cards">
                                {members
                                    .into_iter()
                                    .map(|column| view! { <ProfileCard column=column generation=generation /> })
                                    .collect_view()}
                            </div>
                        </section>
                    }
                })
            })
            .collect();
        Some(views)
    };
    view! {
        <section class="profile" aria-labelledby="profile-title">
            <h2 id="profile-title">{move || i18n.t("profile.heading")}</h2>
            <FilterBanner />
            <p class="headline" dir="auto">{move || headline.get()}</p>
            {sections}
        </section>
    }
}

#[component]
fn ProfileCard(column: ProfiledColumn, generation: u32) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let kind = chart_kind(&column);
    let title = {
        let name = column.name.clone();
        let role = column.role;
        move || format!("{name} · {}", describe_role(i18n.lang.get(), role))
    };
    let body = match kind {
        Some(ChartKind::Histogram) => histogram_card(studio, &column, generation).into_any(),
        Some(ChartKind::Nps) => nps_card(studio, i18n, &column).into_any(),
        Some(ChartKind::Scale) => scale_card(studio, i18n, column.index, column.role).into_any(),
        Some(ChartKind::Sentiment) => view! { <SentimentCard column=column.index /> }.into_any(),
        Some(ChartKind::Timeline) => timeline_card(studio, i18n, &column).into_any(),
        Some(ChartKind::RankedBars) => bars_card(studio, i18n, &column).into_any(),
        None => ().into_any(),
    };
    view! {
        <article class="card">
            <h4 dir="auto">{title}</h4>
            {body}
        </article>
    }
}

fn histogram_card(studio: Studio, column: &ProfiledColumn, _generation: u32) -> impl IntoView {
    let histogram = RwSignal::new(None::<Histogram>);
    let index = column.index;
    spawn_local(async move {
        if let Response::Histogram { histogram: h, .. } = studio
            .ask(Request::Histogram {
                column: index,
                target_bins: HISTOGRAM_BINS,
            })
            .await
        {
            histogram.set(Some(h));
        }
    });
    let name = column.name.clone();
    view! { <HistogramChart histogram=Signal::derive(move || histogram.get()) label=name /> }
}

fn bars_card(studio: Studio, i18n: I18n, column: &ProfiledColumn) -> impl IntoView {
    let top = RwSignal::new(None::<TopValues>);
    let index = column.index;
    spawn_local(async move {
        if let Response::TopValues { top: found, .. } = studio
            .ask(Request::TopValues {
                column: index,
                limit: TOP_BARS,
            })
            .await
        {
            top.set(Some(found));
        }
    });
    let name = column.name.clone();
    let draw = Callback::new(move |(canvas, ratio): (web_sys::HtmlCanvasElement, f64)| {
        let Some(found) = top.get() else { return };
        draw_bars_on(canvas, ratio, &found.values, i18n);
    });
    let description = Signal::derive(move || {
        let Some(found) = top.get() else {
            return String::new();
        };
        let listed: Vec<String> = found
            .values
            .iter()
            .take(3)
            .map(|(value, n)| {
                i18n.t_args(
                    "profile.share",
                    &[
                        ("value", value),
                        ("percent", &i18n.decimal(100.0 * found.share(*n), 0)),
                    ],
                )
            })
            .collect();
        i18n.t_args(
            "profile.bars",
            &[
                ("column", &name),
                ("distinct", &i18n.count(found.distinct as usize)),
                (
                    "top",
                    &listed.join(&format!("{} ", i18n.t("list.separator"))),
                ),
            ],
        )
    });
    // One 28px row per bar, like the chart draws them.
    let block_size = Signal::derive(move || {
        let bars = top.with(|t| t.as_ref().map_or(1, |t| t.values.len().max(1)));
        format!("{}px", bars * BAR_ROW_PX + 8)
    });
    // A click on a bar narrows the whole dashboard to that group.
    let column_name = column.name.clone();
    let on_click = Callback::new(move |(_, y): (f64, f64)| {
        let row = (y / BAR_ROW_PX as f64).floor() as usize;
        let value = top.with_untracked(|t| {
            t.as_ref()
                .and_then(|t| t.values.get(row))
                .map(|v| v.0.clone())
        });
        if let Some(value) = value {
            studio.filter_to(Some((index, column_name.clone(), value)));
        }
    });
    view! {
        <CanvasChart
            draw=draw
            description=description
            class="bars-canvas"
            block_size=block_size
            on_click=on_click
        />
    }
}

fn timeline_card(studio: Studio, i18n: I18n, column: &ProfiledColumn) -> impl IntoView {
    let counts = RwSignal::new(None::<MonthCounts>);
    let (index, order) = (column.index, column.date_order);
    spawn_local(async move {
        if let Response::Months { counts: found, .. } = studio
            .ask(Request::Months {
                column: index,
                order,
            })
            .await
        {
            counts.set(Some(found));
        }
    });
    let name = column.name.clone();
    let draw = Callback::new(move |(canvas, ratio): (web_sys::HtmlCanvasElement, f64)| {
        let Some(found) = counts.get() else { return };
        draw_periods_on(canvas, ratio, &found.months, i18n);
    });
    let description = Signal::derive(move || {
        let Some(found) = counts.get() else {
            return String::new();
        };
        let first = found
            .months
            .first()
            .map(|m| m.0.clone())
            .unwrap_or_default();
        let last = found.months.last().map(|m| m.0.clone()).unwrap_or_default();
        i18n.t_count(
            "profile.timeline",
            found.months.len(),
            &[("column", &name), ("first", &first), ("last", &last)],
        )
    });
    view! { <CanvasChart draw=draw description=description class="timeline-canvas" /> }
}

fn nps_card(studio: Studio, i18n: I18n, column: &ProfiledColumn) -> impl IntoView {
    let found = RwSignal::new(None::<Nps>);
    let index = column.index;
    spawn_local(async move {
        if let Response::Nps { nps, .. } = studio.ask(Request::Nps { column: index }).await {
            found.set(Some(nps));
        }
    });
    let draw = Callback::new(move |(canvas, ratio): (web_sys::HtmlCanvasElement, f64)| {
        let lang = i18n.lang.get();
        let Some(nps) = found.get() else { return };
        let scores: Vec<(String, u64)> = nps
            .distribution
            .iter()
            .enumerate()
            .map(|(score, n)| (format_count(score as u64, lang), *n))
            .collect();
        draw_periods_on(canvas, ratio, &scores, i18n);
    });
    let figure = move || {
        let nps = found.get()?;
        let score = nps.score()?;
        Some(i18n.t_args(
            "profile.nps",
            &[
                ("score", &i18n.decimal(score, 0)),
                ("promoters", &i18n.count(nps.promoters as usize)),
                ("passives", &i18n.count(nps.passives as usize)),
                ("detractors", &i18n.count(nps.detractors as usize)),
            ],
        ))
    };
    let description = Signal::derive(move || figure().unwrap_or_default());
    view! {
        <p class="nps-figure">{figure}</p>
        <CanvasChart draw=draw description=description class="timeline-canvas" />
        <NpsByGroup column=index />
    }
}

/// "Most customers are 25–34; most live in Riyadh and Jeddah; NPS is 12."
async fn compose_headline(studio: Studio, i18n: I18n, columns: &[ProfiledColumn]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let find = |role: Role| columns.iter().find(|c| c.role == role);
    if let Some(age) = find(Role::Age) {
        if let Response::Histogram { histogram, .. } = studio
            .ask(Request::Histogram {
                column: age.index,
                target_bins: 8,
            })
            .await
        {
            let modal = histogram
                .counts
                .iter()
                .enumerate()
                .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))
                .map(|(i, _)| i);
            if let Some((low, high)) =
                modal.and_then(|i| Some((*histogram.edges.get(i)?, *histogram.edges.get(i + 1)?)))
            {
                parts.push(i18n.t_args(
                    "headline.age",
                    &[
                        ("low", &i18n.decimal(low, 0)),
                        ("high", &i18n.decimal(high, 0)),
                    ],
                ));
            }
        }
    }
    for role in [Role::City, Role::Country, Role::Region] {
        let Some(place) = find(role) else { continue };
        if let Response::TopValues { top, .. } = studio
            .ask(Request::TopValues {
                column: place.index,
                limit: 2,
            })
            .await
        {
            match top.values.as_slice() {
                [(a, _), (b, _), ..] => {
                    parts.push(i18n.t_args("headline.places", &[("first", a), ("second", b)]))
                }
                [(a, _)] => parts.push(i18n.t_args("headline.place", &[("first", a)])),
                [] => {}
            }
        }
        break;
    }
    if let Some(gender) = find(Role::Gender) {
        if let Response::TopValues { top, .. } = studio
            .ask(Request::TopValues {
                column: gender.index,
                limit: 1,
            })
            .await
        {
            if let Some((value, n)) = top.values.first() {
                parts.push(i18n.t_args(
                    "headline.gender",
                    &[
                        ("percent", &i18n.decimal(100.0 * top.share(*n), 0)),
                        ("value", value),
                    ],
                ));
            }
        }
    }
    if let Some(nps) = find(Role::Nps) {
        if let Response::Nps { nps, .. } = studio.ask(Request::Nps { column: nps.index }).await {
            if let Some(score) = nps.score() {
                parts.push(i18n.t_args("headline.nps", &[("score", &i18n.decimal(score, 0))]));
            }
        }
    }
    if parts.is_empty() {
        return String::new();
    }
    // Catalogue values are trimmed, so the space after the separator is added here.
    let separator = format!("{} ", i18n.t("headline.separator"));
    let sentence = format!("{}{}", parts.join(&separator), i18n.t("headline.end"));
    // The first part may be one that reads as a continuation ("most are
    // in…"); a sentence starts with a capital where the script has them.
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => sentence,
    }
}

/// "Showing only city = Tehran: 120 of 500 rows." with a way back.
#[component]
fn FilterBanner() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let text = move || {
        let filter = studio.view_filter.get()?;
        let total = studio
            .loaded
            .with(|l| l.as_ref().map_or(0, |l| l.summary.row_count()));
        Some(i18n.t_args(
            "profile.filtered",
            &[
                ("column", &filter.name),
                ("value", &filter.value),
                ("rows", &i18n.count(filter.rows)),
                ("total", &i18n.count(total)),
            ],
        ))
    };
    view! {
        {move || {
            text()
                .map(|line| {
                    view! {
                        <p class="filter-banner" role="status" dir="auto">
                            {line}
                            " "
                            <button type="button" class="button secondary small" on:click=move |_| studio.filter_to(None)>
                                {move || i18n.t("profile.show_everyone")}
                            </button>
                        </p>
                    }
                })
        }}
    }
}
