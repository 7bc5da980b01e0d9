//! RFM segments of the built customer base: the R × FM grid chart, the
//! segments' figures, what each score stands for, and the segment rules,
//! editable and saved in the project (a reload keeps them).

use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use super::canvas_chart::CanvasChart;
use super::i18n::{use_i18n, I18n};
use super::sql_export::SqlExport;
use super::studio::Studio;
use crate::core::charts::{draw_rfm_grid, segment_colour, Palette, RfmGridText};
use crate::core::i18n::format_count;
use crate::core::segment::{
    RfmReport, RfmRule, RfmRules, RfmSegment, RuleProblem, ScoreRange, ScoreThresholds,
};
use crate::engine::{Request, Response, SqlSource};

/// The segment's name in the UI language.
fn segment_name(i18n: I18n, segment: RfmSegment) -> String {
    i18n.t(&format!("rfm.segment.{}", segment.key()))
}

/// Shown once the customers panel has a base: asks the engine whenever the
/// saved rules change (and once on mount, for a freshly built base).
#[component]
pub fn RfmPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let rules = Memo::new(move |_| studio.project.with(|p| p.rfm_rules.clone()));
    let report = RwSignal::new(None::<RfmReport>);
    Effect::new(move |_| {
        let asked = rules.get();
        spawn_local(async move {
            let answer = studio
                .ask(Request::Rfm {
                    rules: asked.clone(),
                })
                .await;
            // Rules edited meanwhile: a later answer is on its way.
            if rules.get_untracked() != asked {
                return;
            }
            if let Response::Rfm(answer) = answer {
                report.set(Some(*answer));
                studio.segments_ready.update(|n| *n = n.wrapping_add(1));
            }
        });
    });
    let shown = move || {
        report.get().map(|report| {
            view! {
                {grid_chart(i18n, &report)}
                {segments_table(i18n, &report)}
                {thresholds_table(i18n, &report)}
                {rules_editor(studio, i18n, &report)}
                <SqlExport of=SqlSource::Rfm names=Signal::stored(Vec::new()) />
            }
        })
    };
    view! {
        <section class="rfm" aria-labelledby="rfm-title">
            <h3 id="rfm-title">{move || i18n.t("rfm.heading")}</h3>
            <p class="hint">{move || i18n.t("rfm.intro")}</p>
            {move || {
                report
                    .with(Option::is_none)
                    .then(|| view! { <p role="status">{move || i18n.t("rfm.computing")}</p> })
            }}
            {shown}
        </section>
    }
}

fn grid_chart(i18n: I18n, report: &RfmReport) -> impl IntoView {
    let cells = report.grid.clone();
    let legend = report.rules.segments();
    let customers = report.customers;
    let draw = Callback::new(move |(canvas, ratio): (web_sys::HtmlCanvasElement, f64)| {
        let lang = i18n.lang.get();
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            return;
        };
        let (recency, fm, unassigned) = (
            i18n.t("rfm.chart.recency"),
            i18n.t("rfm.chart.fm"),
            i18n.t("rfm.chart.unassigned"),
        );
        let text = RfmGridText {
            recency_label: &recency,
            fm_label: &fm,
            unassigned_label: &unassigned,
            segment_name: &|s| segment_name(i18n, s),
            format_count: &|n| format_count(n, lang),
        };
        let _ = draw_rfm_grid(
            &backend.into_drawing_area(),
            &cells,
            &legend,
            &text,
            &Palette::LIGHT,
            ratio,
        );
    });
    let description = Signal::derive(move || {
        i18n.t_args(
            "rfm.chart.description",
            &[("count", &i18n.count(customers))],
        )
    });
    view! { <CanvasChart draw=draw description=description class="rfm-canvas" /> }
}

fn segments_table(i18n: I18n, report: &RfmReport) -> impl IntoView {
    let segments = report.segments.clone();
    let unassigned = report.unassigned;
    let optional = move |value: Option<f64>, places: usize| {
        value.map_or_else(|| i18n.t("rfm.none"), |v| i18n.decimal(v, places))
    };
    let percent = move |share: f64| format!("{}%", i18n.decimal(100.0 * share, 1));
    let header = |key: &'static str| view! { <th scope="col">{move || i18n.t(key)}</th> };
    view! {
        <table class="rfm-segments">
            <thead>
                <tr>
                    {[
                        "rfm.table.segment",
                        "rfm.table.customers",
                        "rfm.table.share",
                        "rfm.table.mean_days",
                        "rfm.table.mean_orders",
                        "rfm.table.mean_spend",
                        "rfm.table.total_spend",
                        "rfm.table.revenue_share",
                    ]
                        .into_iter()
                        .map(header)
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {segments
                    .into_iter()
                    .map(|s| {
                        let colour = segment_colour(s.segment);
                        // Set through the CSSOM: the CSP forbids style attributes.
                        let swatch = format!(
                            "rgb({}, {}, {})",
                            colour.0,
                            colour.1,
                            colour.2,
                        );
                        view! {
                            <tr data-segment=s.segment.key()>
                                <th scope="row">
                                    <span class="swatch" style:background-color=swatch></span>
                                    {move || segment_name(i18n, s.segment)}
                                </th>
                                <td>{move || i18n.count(s.customers)}</td>
                                <td>{move || percent(s.share)}</td>
                                <td>{move || optional(s.mean_days_since_last, 1)}</td>
                                <td>{move || optional(s.mean_orders, 2)}</td>
                                <td>{move || optional(s.mean_spend, 2)}</td>
                                <td>{move || i18n.decimal(s.total_spend, 2)}</td>
                                <td>{move || percent(s.revenue_share)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {(unassigned > 0)
            .then(|| {
                view! {
                    <p class="rfm-unassigned" role="status">
                        {move || i18n.t_args("rfm.unassigned", &[("count", &i18n.count(unassigned))])}
                    </p>
                }
            })}
    }
}

fn thresholds_table(i18n: I18n, report: &RfmReport) -> impl IntoView {
    let measures: [(&'static str, ScoreThresholds, usize); 3] = [
        ("rfm.thresholds.recency", report.recency.clone(), 0),
        ("rfm.thresholds.frequency", report.frequency.clone(), 0),
        ("rfm.thresholds.monetary", report.monetary.clone(), 2),
    ];
    let range = move |t: &ScoreThresholds, score: usize, places: usize| {
        let level = t.levels.get(score);
        match level.and_then(|l| l.min.zip(l.max)) {
            Some((min, max)) if min == max => i18n.decimal(min, places),
            Some((min, max)) => format!(
                "{}–{}",
                i18n.decimal(min, places),
                i18n.decimal(max, places)
            ),
            None => i18n.t("rfm.none"),
        }
    };
    let head = measures.clone();
    view! {
        <h4>{move || i18n.t("rfm.thresholds.heading")}</h4>
        <table class="rfm-thresholds">
            <caption>{move || i18n.t("rfm.thresholds.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("rfm.thresholds.score")}</th>
                    {head
                        .into_iter()
                        .map(|(key, _, _)| view! { <th scope="col">{move || i18n.t(key)}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {(0..5usize)
                    .rev()
                    .map(|score| {
                        let measures = measures.clone();
                        view! {
                            <tr>
                                <th scope="row">{move || i18n.count(score + 1)}</th>
                                {measures
                                    .into_iter()
                                    .map(|(_, t, places)| {
                                        view! { <td>{move || range(&t, score, places)}</td> }
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// One number input of a rule: which bound, read and written.
#[derive(Clone, Copy)]
struct Bound {
    label: &'static str,
    get: fn(&RfmRule) -> u8,
    set: fn(&mut RfmRule, u8),
}

const BOUNDS: [Bound; 4] = [
    Bound {
        label: "rfm.rules.r_min",
        get: |r| r.recency.min,
        set: |r, v| r.recency = ScoreRange::new(v, r.recency.max),
    },
    Bound {
        label: "rfm.rules.r_max",
        get: |r| r.recency.max,
        set: |r, v| r.recency = ScoreRange::new(r.recency.min, v),
    },
    Bound {
        label: "rfm.rules.fm_min",
        get: |r| r.fm.min,
        set: |r, v| r.fm = ScoreRange::new(v, r.fm.max),
    },
    Bound {
        label: "rfm.rules.fm_max",
        get: |r| r.fm.max,
        set: |r, v| r.fm = ScoreRange::new(r.fm.min, v),
    },
];

fn rules_editor(studio: Studio, i18n: I18n, report: &RfmReport) -> impl IntoView {
    let rules = report.rules.clone();
    let problems = report.problems.clone();
    let uncovered = report.uncovered.clone();
    let edit = move |index: usize, bound: Bound, value: u8| {
        studio.project.update(|p| {
            let mut edited = p.rfm_rules.clone().unwrap_or_default();
            if let Some(rule) = edited.rules.get_mut(index) {
                (bound.set)(rule, value);
            }
            p.rfm_rules = Some(edited);
        });
    };
    let rows = rules
        .rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            let rule = *rule;
            let inputs = BOUNDS
                .into_iter()
                .map(|bound| {
                    let on_change = move |ev| {
                        // Out-of-range numbers are kept and reported, not
                        // silently clamped; unreadable ones are ignored.
                        if let Ok(value) = event_target_value(&ev).trim().parse::<u8>() {
                            edit(index, bound, value);
                        }
                    };
                    view! {
                        <td>
                            <input
                                type="number"
                                min="1"
                                max="5"
                                step="1"
                                aria-label=move || {
                                    format!(
                                        "{} {}",
                                        segment_name(i18n, rule.segment),
                                        i18n.t(bound.label),
                                    )
                                }
                                prop:value=(bound.get)(&rule).to_string()
                                on:change=on_change
                            />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr data-segment=rule.segment.key()>
                    <th scope="row">{move || segment_name(i18n, rule.segment)}</th>
                    {inputs}
                </tr>
            }
        })
        .collect_view();
    let problem_lines = move || {
        let mut lines: Vec<String> = problems
            .iter()
            .map(|problem| problem_text(i18n, &rules, problem))
            .collect();
        if !uncovered.is_empty() {
            let cells: Vec<String> = uncovered
                .iter()
                .map(|(r, fm)| {
                    format!(
                        "({}, {})",
                        i18n.count(usize::from(*r)),
                        i18n.count(usize::from(*fm))
                    )
                })
                .collect();
            lines.push(i18n.t_args("rfm.rules.uncovered", &[("cells", &cells.join(", "))]));
        }
        lines
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    let reset = move |_| studio.project.update(|p| p.rfm_rules = None);
    view! {
        <h4>{move || i18n.t("rfm.rules.heading")}</h4>
        <p class="hint">{move || i18n.t("rfm.rules.caption")}</p>
        <ul class="findings rfm-problems">{problem_lines}</ul>
        <table class="rfm-rules">
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("rfm.table.segment")}</th>
                    {BOUNDS
                        .into_iter()
                        .map(|b| view! { <th scope="col">{move || i18n.t(b.label)}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <button type="button" class="rfm-reset" on:click=reset>
            {move || i18n.t("rfm.rules.reset")}
        </button>
    }
}

fn problem_text(i18n: I18n, rules: &RfmRules, problem: &RuleProblem) -> String {
    let (key, index) = match problem {
        RuleProblem::OutOfRange { rule } => ("rfm.rules.out_of_range", *rule),
        RuleProblem::Reversed { rule } => ("rfm.rules.reversed", *rule),
    };
    let segment = rules
        .rules
        .get(index)
        .map(|r| segment_name(i18n, r.segment))
        .unwrap_or_default();
    i18n.t_args(
        key,
        &[("rule", &i18n.count(index + 1)), ("segment", &segment)],
    )
}
