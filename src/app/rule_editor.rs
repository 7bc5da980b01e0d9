//! One rule segment in the builder: its name, how its conditions combine,
//! the conditions, its place in the order, and how many customers it
//! holds. Every field reads the project as it changes, so the rows stay
//! the same elements (and keep the focus) while the user types.

use std::collections::HashMap;

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::rule_condition::ConditionRow;
use super::rule_segments_panel::{edit_shown_rules, fresh_condition, shown_rules};
use super::studio::Studio;
use crate::core::segment::{Join, RuleSegment, RuleSegmentCounts};

#[component]
pub(super) fn RuleEditor(
    /// The segment's place in the order (0-based).
    index: usize,
    /// Segments in the rule segmentation.
    segments: Memo<usize>,
    counts: ReadSignal<Option<RuleSegmentCounts>>,
    /// Each category column's most frequent values, offered while typing.
    top_values: RwSignal<HashMap<String, Vec<String>>>,
) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let segment =
        Memo::new(move |_| shown_rules(studio).and_then(|s| s.segments.get(index).cloned()));
    let read = move |f: fn(&RuleSegment) -> String| {
        move || segment.with(|s| s.as_ref().map(f).unwrap_or_default())
    };
    let join = Memo::new(move |_| segment.with(|s| s.as_ref().map_or(Join::All, |s| s.rule.join)));
    let condition_count =
        Memo::new(move |_| segment.with(|s| s.as_ref().map_or(0, |s| s.rule.conditions.len())));
    let edit = move |change: Box<dyn FnOnce(&mut RuleSegment)>| {
        edit_shown_rules(studio, |set| {
            if let Some(segment) = set.segments.get_mut(index) {
                change(segment);
            }
        });
    };
    let swap_with = move |other: usize| {
        edit_shown_rules(studio, |set| {
            if other < set.segments.len() && index < set.segments.len() {
                set.segments.swap(index, other);
            }
        });
    };
    let add_condition = move |_| {
        let condition = fresh_condition(studio);
        edit(Box::new(move |s| s.rule.conditions.push(condition)));
    };
    let remove = move |_| {
        edit_shown_rules(studio, |set| {
            if index < set.segments.len() {
                set.segments.remove(index);
            }
        });
    };
    let number = move || i18n.count(index + 1);
    let tally = move || {
        counts.with(|c| {
            let c = c.as_ref()?;
            let found = c.segments.get(index)?;
            Some(match &found.alone {
                None => i18n.t("rules.incomplete"),
                Some(alone) => i18n.t_count(
                    "rules.segment_count",
                    found.assigned,
                    &[
                        (
                            "percent",
                            &i18n.decimal(100.0 * found.assigned as f64 / c.total.max(1) as f64, 1),
                        ),
                        ("alone", &i18n.count(alone.matching)),
                    ],
                ),
            })
        })
    };

    view! {
        <li class="rule-segment">
            <div class="rule-head">
                <label class="field">
                    <span>{move || i18n.t_args("rules.segment_name", &[("n", &number())])}</span>
                    <input
                        type="text"
                        prop:value=read(|s| s.name.clone())
                        placeholder=move || i18n.t_args("segments.segment_n", &[("n", &number())])
                        on:change=move |ev| {
                            let name = event_target_value(&ev);
                            edit(Box::new(move |s| s.name = name));
                        }
                    />
                </label>
                <label class="field">
                    <span>{move || i18n.t("rules.join")}</span>
                    <select on:change=move |ev| {
                        let join = if event_target_value(&ev) == "any" { Join::Any } else { Join::All };
                        edit(Box::new(move |s| s.rule.join = join));
                    }>
                        <option value="all" selected=move || join.get() == Join::All>{move || i18n.t("rules.join.all")}</option>
                        <option value="any" selected=move || join.get() == Join::Any>{move || i18n.t("rules.join.any")}</option>
                    </select>
                </label>
                <div class="rule-order">
                    <button
                        type="button"
                        class="button secondary"
                        disabled=move || index == 0
                        on:click=move |_| swap_with(index.wrapping_sub(1))
                    >{move || i18n.t("rules.move_up")}</button>
                    <button
                        type="button"
                        class="button secondary"
                        disabled=move || { index + 1 >= segments.get() }
                        on:click=move |_| swap_with(index + 1)
                    >{move || i18n.t("rules.move_down")}</button>
                    <button type="button" class="button secondary danger" on:click=remove>
                        {move || i18n.t("rules.remove_segment")}
                    </button>
                </div>
            </div>
            <ul class="rule-conditions">
                <For each=move || 0..condition_count.get() key=|position| *position let:position>
                    <ConditionRow
                        segment=index
                        position=position
                        conditions=condition_count
                        counts=counts
                        top_values=top_values
                    />
                </For>
            </ul>
            <button type="button" class="button secondary" on:click=add_condition>
                {move || i18n.t("rules.add_condition")}
            </button>
            <p class="rule-count" aria-live="polite">{tally}</p>
        </li>
    }
}
