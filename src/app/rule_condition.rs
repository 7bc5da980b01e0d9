//! One condition of a rule: column, operator, the values the operator
//! reads, and how many customers it matches on its own (or why it cannot
//! be counted yet). A category column offers its most frequent values as
//! the user types.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{use_i18n, I18n};
use super::rule_segments_panel::{edit_shown_rules, shown_rules};
use super::studio::Studio;
use crate::core::segment::{is_categorical, Condition, Operator, RuleError, RuleSegmentCounts};
use crate::engine::{Request, Response};

/// Values offered per category column.
const OFFERED_VALUES: usize = 30;

/// Every operator, in the order the menu lists them.
const OPERATORS: [Operator; 10] = [
    Operator::Equals,
    Operator::NotEquals,
    Operator::Less,
    Operator::LessOrEqual,
    Operator::Greater,
    Operator::GreaterOrEqual,
    Operator::Between,
    Operator::Contains,
    Operator::IsEmpty,
    Operator::IsNotEmpty,
];

fn operator_key(operator: Operator) -> &'static str {
    match operator {
        Operator::Equals => "rules.op.equals",
        Operator::NotEquals => "rules.op.not_equals",
        Operator::Less => "rules.op.less",
        Operator::LessOrEqual => "rules.op.less_or_equal",
        Operator::Greater => "rules.op.greater",
        Operator::GreaterOrEqual => "rules.op.greater_or_equal",
        Operator::Between => "rules.op.between",
        Operator::Contains => "rules.op.contains",
        Operator::IsEmpty => "rules.op.is_empty",
        Operator::IsNotEmpty => "rules.op.is_not_empty",
    }
}

fn error_condition(error: &RuleError) -> usize {
    match error {
        RuleError::UnknownColumn { condition, .. }
        | RuleError::NotANumberOrDate { condition, .. }
        | RuleError::MissingValue { condition, .. } => *condition,
    }
}

/// What is wrong with a condition, in words.
fn describe_rule_error(i18n: I18n, error: &RuleError) -> String {
    match error {
        RuleError::UnknownColumn { column, .. } => {
            i18n.t_args("rules.error.unknown_column", &[("column", column)])
        }
        RuleError::NotANumberOrDate { value, .. } => {
            i18n.t_args("rules.error.not_readable", &[("value", value)])
        }
        RuleError::MissingValue { expected: 2, .. } => i18n.t("rules.error.missing_values"),
        RuleError::MissingValue { .. } => i18n.t("rules.error.missing_value"),
    }
}

/// The condition's count, or its error (true) in words.
fn condition_note(
    i18n: I18n,
    counts: Option<&RuleSegmentCounts>,
    segment: usize,
    position: usize,
) -> Option<(bool, String)> {
    let found = counts?.segments.get(segment)?;
    if let Some(error) = found.errors.iter().find(|e| error_condition(e) == position) {
        return Some((true, describe_rule_error(i18n, error)));
    }
    let matching = *found.alone.as_ref()?.per_condition.get(position)?;
    Some((false, i18n.t_count("rules.condition_count", matching, &[])))
}

#[component]
pub(super) fn ConditionRow(
    segment: usize,
    position: usize,
    /// Conditions in the rule.
    conditions: Memo<usize>,
    counts: ReadSignal<Option<RuleSegmentCounts>>,
    top_values: RwSignal<HashMap<String, Vec<String>>>,
) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let condition = Memo::new(move |_| {
        shown_rules(studio).and_then(|s| {
            s.segments
                .get(segment)?
                .rule
                .conditions
                .get(position)
                .cloned()
        })
    });
    let column = Memo::new(move |_| condition.with(|c| c.as_ref().map(|c| c.column.clone())));
    let operator = Memo::new(move |_| condition.with(|c| c.as_ref().map(|c| c.operator)));
    let value_count = Memo::new(move |_| operator.get().map_or(0, Operator::value_count));
    let edit = move |change: Box<dyn FnOnce(&mut Condition)>| {
        edit_shown_rules(studio, |set| {
            if let Some(condition) = set
                .segments
                .get_mut(segment)
                .and_then(|s| s.rule.conditions.get_mut(position))
            {
                change(condition);
            }
        });
    };
    let set_value = move |slot: usize, value: String| {
        edit(Box::new(move |c| {
            if c.values.len() <= slot {
                c.values.resize(slot + 1, String::new());
            }
            c.values[slot] = value;
        }));
    };
    let remove = move |_| {
        edit_shown_rules(studio, |set| {
            if let Some(s) = set.segments.get_mut(segment) {
                if position < s.rule.conditions.len() {
                    s.rule.conditions.remove(position);
                }
            }
        });
    };
    offer_top_values(studio, column, top_values);

    let list_id = format!("rule-values-{segment}-{position}");
    let number = move || i18n.count(position + 1);
    let value_input = move |slot: usize, label: &'static str| {
        let list = list_id.clone();
        view! {
            <input
                type="text"
                class="rule-value"
                list=list
                aria-label=move || i18n.t_args(label, &[("n", &number())])
                prop:value=move || condition.with(|c| {
                    c.as_ref().and_then(|c| c.values.get(slot).cloned()).unwrap_or_default()
                })
                on:input=move |ev| set_value(slot, event_target_value(&ev))
            />
        }
    };
    let offered = move || {
        let name = column.get()?;
        Some(top_values.with(|t| t.get(&name).cloned().unwrap_or_default()))
    };

    view! {
        <li class="rule-condition">
            <select
                aria-label=move || i18n.t_args("rules.column", &[("n", &number())])
                on:change=move |ev| {
                    let name = event_target_value(&ev);
                    edit(Box::new(move |c| c.column = name));
                }
            >
                {move || {
                    let chosen = column.get();
                    let mut names = studio.column_names();
                    // A column gone from the file stays listed, so the
                    // rule still says what it asked for.
                    if let Some(gone) = chosen.clone().filter(|c| !names.contains(c)) {
                        names.push(gone);
                    }
                    names.into_iter().map(|name| {
                        let selected = chosen.as_ref() == Some(&name);
                        let label = name.clone();
                        view! { <option value=name selected=selected>{label}</option> }
                    }).collect_view()
                }}
            </select>
            <select
                aria-label=move || i18n.t_args("rules.operator", &[("n", &number())])
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(&op) = OPERATORS.iter().find(|op| operator_key(**op) == chosen) {
                        edit(Box::new(move |c| c.operator = op));
                    }
                }
            >
                {OPERATORS.into_iter().map(|op| view! {
                    <option value=operator_key(op) selected=move || operator.get() == Some(op)>
                        {move || i18n.t(operator_key(op))}
                    </option>
                }).collect_view()}
            </select>
            {move || match value_count.get() {
                0 => ().into_any(),
                1 => value_input(0, "rules.value").into_any(),
                _ => view! {
                    {value_input(0, "rules.value_from")}
                    <span class="rule-and">{move || i18n.t("rules.and")}</span>
                    {value_input(1, "rules.value_to")}
                }.into_any(),
            }}
            <datalist id=format!("rule-values-{segment}-{position}")>
                {move || offered().unwrap_or_default().into_iter().map(|value| view! {
                    <option value=value></option>
                }).collect_view()}
            </datalist>
            {move || counts.with(|c| condition_note(i18n, c.as_ref(), segment, position)).map(|(error, note)| {
                let class = if error { "rule-note error" } else { "rule-note" };
                view! { <span class=class role=error.then_some("alert")>{note}</span> }
            })}
            <button
                type="button"
                class="button secondary"
                disabled=move || { conditions.get() <= 1 }
                on:click=remove
                aria-label=move || i18n.t_args("rules.remove_condition", &[("n", &number())])
            ><span aria-hidden="true">"×"</span></button>
        </li>
    }
}

/// Fetch the most frequent values of the condition's column once, when it
/// is a category column.
fn offer_top_values(
    studio: Studio,
    column: Memo<Option<String>>,
    top_values: RwSignal<HashMap<String, Vec<String>>>,
) {
    Effect::new(move |_| {
        let Some(name) = column.get() else {
            return;
        };
        if top_values.with_untracked(|t| t.contains_key(&name)) {
            return;
        }
        let columns = untrack(|| studio.columns());
        let Some(index) = columns
            .iter()
            .position(|c| c.name == name && is_categorical(c.guess.column_type))
        else {
            return;
        };
        top_values.update(|t| {
            t.insert(name.clone(), Vec::new());
        });
        spawn_local(async move {
            let asked = Request::TopValues {
                column: index,
                limit: OFFERED_VALUES,
            };
            if let Response::TopValues { top, .. } = studio.ask(asked).await {
                let values = top.values.into_iter().map(|(value, _)| value).collect();
                top_values.update(|t| {
                    t.insert(name, values);
                });
            }
        });
    });
}
