//! Feedback cards: NPS and comments per group (any category column), and
//! satisfaction (CSAT) or effort answers on their scale.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::canvas_chart::CanvasChart;
use super::chart_draw::draw_periods_on;
use super::i18n::{use_i18n, I18n};
use super::studio::Studio;
use crate::core::feedback::{GroupSentiment, Nps, Quote, ScaleAnswers};
use crate::core::i18n::format_count;
use crate::core::schema::{ColumnType, Role};
use crate::engine::{Request, Response};

/// A share of `n` in `total` as a whole percentage.
pub(super) fn percent(i18n: I18n, n: u64, total: u64) -> String {
    let share = if total == 0 {
        0.0
    } else {
        100.0 * n as f64 / total as f64
    };
    i18n.decimal(share, 0)
}

/// The open table's category columns other than `except`, as (index,
/// name): what answers can be grouped by.
fn category_columns(studio: Studio, except: usize) -> Memo<Vec<(usize, String)>> {
    Memo::new(move |_| {
        studio.loaded.with(|l| {
            l.as_ref()
                .map(|l| {
                    l.summary
                        .columns
                        .iter()
                        .enumerate()
                        .filter(|(i, c)| {
                            *i != except
                                && matches!(
                                    c.guess.column_type,
                                    ColumnType::Category | ColumnType::Boolean
                                )
                        })
                        .map(|(i, c)| (i, c.name.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

/// A "by which column" picker: `None` until the user picks one.
fn group_picker(
    i18n: I18n,
    label: &'static str,
    categories: Memo<Vec<(usize, String)>>,
    group: RwSignal<Option<usize>>,
) -> impl IntoView {
    view! {
        <label class="field by-group">
            <span>{move || i18n.t(label)}</span>
            <select on:change=move |ev| group.set(event_target_value(&ev).parse().ok())>
                <option value="" selected>{move || i18n.t("profile.nps_by.none")}</option>
                {move || categories.get().into_iter().map(|(i, name)| view! {
                    <option value=i.to_string()>{name}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The sentiment of comment column `column` per value of a category
/// column the user picks, with each group's clearest comments.
#[component]
pub fn CommentsByGroup(column: usize) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let categories = category_columns(studio, column);
    let group = RwSignal::new(None::<usize>);
    let found = RwSignal::new(None::<(Vec<GroupSentiment>, usize)>);
    Effect::new(move |_| {
        let Some(group) = group.get() else {
            found.set(None);
            return;
        };
        spawn_local(async move {
            if let Response::SentimentByGroup {
                groups,
                more_groups,
                ..
            } = studio
                .ask(Request::SentimentByGroup { column, group })
                .await
            {
                found.set(Some((groups, more_groups)));
            }
        });
    });
    view! {
        <Show when=move || categories.with(|c| !c.is_empty())>
            {group_picker(i18n, "sentiment.by", categories, group)}
            {move || found.get().map(|(groups, more)| comments_table(i18n, groups, more))}
        </Show>
    }
}

fn quote_cell(quote: Option<Quote>) -> impl IntoView {
    quote.map(|q| view! { <blockquote dir="auto">{q.text}</blockquote> })
}

fn comments_table(i18n: I18n, groups: Vec<GroupSentiment>, more: usize) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="comment-groups">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("profile.nps_by.group")}</th>
                        <th scope="col">{move || i18n.t("sentiment.by.comments")}</th>
                        <th scope="col">{move || i18n.t("sentiment.positive")}</th>
                        <th scope="col">{move || i18n.t("sentiment.negative")}</th>
                        <th scope="col">{move || i18n.t("sentiment.quotes.positive")}</th>
                        <th scope="col">{move || i18n.t("sentiment.quotes.negative")}</th>
                    </tr>
                </thead>
                <tbody>
                    {groups.into_iter().map(|g| {
                        let s = g.summary.clone();
                        view! {
                            <tr>
                                <th scope="row" dir="auto">{g.group}</th>
                                <td class="number">{move || i18n.count(s.comments as usize)}</td>
                                <td class="number">{move || format!("{}%", percent(i18n, s.positive, s.comments))}</td>
                                <td class="number">{move || format!("{}%", percent(i18n, s.negative, s.comments))}</td>
                                <td>{quote_cell(g.most_positive)}</td>
                                <td>{quote_cell(g.most_negative)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(more > 0).then(|| view! {
            <p class="hint">{move || i18n.t_count("profile.nps_by.more", more, &[])}</p>
        })}
    }
}

/// The NPS of `column` per value of a category column the user picks.
#[component]
pub fn NpsByGroup(column: usize) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let categories = category_columns(studio, column);
    let group = RwSignal::new(None::<usize>);
    let found = RwSignal::new(None::<(Vec<(String, Nps)>, usize)>);
    Effect::new(move |_| {
        let Some(group) = group.get() else {
            found.set(None);
            return;
        };
        spawn_local(async move {
            if let Response::NpsByGroup {
                groups,
                more_groups,
                ..
            } = studio.ask(Request::NpsByGroup { column, group }).await
            {
                found.set(Some((groups, more_groups)));
            }
        });
    });
    view! {
        <Show when=move || categories.with(|c| !c.is_empty())>
            {group_picker(i18n, "profile.nps_by", categories, group)}
            {move || found.get().map(|(groups, more)| nps_table(i18n, groups, more))}
        </Show>
    }
}

fn nps_table(i18n: I18n, groups: Vec<(String, Nps)>, more: usize) -> impl IntoView {
    view! {
        <table class="nps-groups">
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("profile.nps_by.group")}</th>
                    <th scope="col">{move || i18n.t("profile.nps_by.answers")}</th>
                    <th scope="col">{move || i18n.t("profile.nps_by.score")}</th>
                    <th scope="col">{move || i18n.t("profile.nps_by.promoters")}</th>
                    <th scope="col">{move || i18n.t("profile.nps_by.detractors")}</th>
                </tr>
            </thead>
            <tbody>
                {groups.into_iter().map(|(name, nps)| {
                    let answers = nps.answers();
                    let (score, promoters, detractors) = (nps.score(), nps.promoters, nps.detractors);
                    view! {
                        <tr>
                            <th scope="row" dir="auto">{name}</th>
                            <td class="number">{move || i18n.count(answers as usize)}</td>
                            <td class="number">{move || score.map(|s| i18n.decimal(s, 0)).unwrap_or_default()}</td>
                            <td class="number">{move || format!("{}%", percent(i18n, promoters, answers))}</td>
                            <td class="number">{move || format!("{}%", percent(i18n, detractors, answers))}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {(more > 0).then(|| view! {
            <p class="hint">{move || i18n.t_count("profile.nps_by.more", more, &[])}</p>
        })}
    }
}

/// Satisfaction or effort answers: the figure in words and the answers per
/// point of the scale.
pub fn scale_card(studio: Studio, i18n: I18n, column: usize, role: Role) -> impl IntoView {
    let found = RwSignal::new(None::<ScaleAnswers>);
    spawn_local(async move {
        if let Response::Scale { answers, .. } = studio.ask(Request::Scale { column }).await {
            found.set(Some(answers));
        }
    });
    let draw = Callback::new(move |(canvas, ratio): (web_sys::HtmlCanvasElement, f64)| {
        let lang = i18n.lang.get();
        let Some(answers) = found.get() else { return };
        let Some(scale) = answers.scale else { return };
        let points: Vec<(String, u64)> = answers
            .distribution
            .iter()
            .enumerate()
            .map(|(i, n)| (format_count(u64::from(scale.low) + i as u64, lang), *n))
            .collect();
        draw_periods_on(canvas, ratio, &points, i18n);
    });
    let figure = move || {
        let answers = found.get()?;
        let scale = answers.scale?;
        let args = [
            ("answers", i18n.count(answers.answers as usize)),
            ("low", i18n.count(scale.low as usize)),
            ("high", i18n.count(scale.high as usize)),
            ("from", i18n.count(scale.satisfied_from() as usize)),
            ("satisfied", i18n.count(answers.satisfied as usize)),
            ("csat", i18n.decimal(answers.csat()?, 0)),
            ("mean", i18n.decimal(answers.mean?, 2)),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let key = if role == Role::Effort {
            "profile.effort"
        } else {
            "profile.csat"
        };
        Some(i18n.t_args(key, &args))
    };
    let description = Signal::derive(move || figure().unwrap_or_default());
    view! {
        <p class="nps-figure scale-figure">{figure}</p>
        <CanvasChart draw=draw description=description class="timeline-canvas" />
    }
}
