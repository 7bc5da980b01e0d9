//! Rule segments: segments the user describes with conditions on the
//! columns ("age 25–34 and city Tehran and NPS ≥ 9"), counted while they
//! are edited and kept in the project as they are typed. Each customer
//! joins the first rule they match; the rest are "everyone else" (see
//! `core::segment::rule_segments`). The engine keeps the last counted
//! rules, so what sets each segment apart and the export read the rules
//! on the page.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{use_i18n, I18n};
use super::rule_editor::RuleEditor;
use super::saved_chips::SavedChips;
use super::segment_results::segment_label;
use super::segment_traits::SegmentTraits;
use super::segments_panel::open_file;
use super::sql_export::SqlExport;
use super::studio::Studio;
use crate::core::schema::Role;
use crate::core::segment::{
    Condition, Join, Operator, Rule, RuleSegment, RuleSegmentCounts, SavedRuleSegmentation,
    MAX_RULE_SEGMENTS,
};
use crate::engine::{Request, Response, SegmentSource, SqlSource};

/// How long typing must pause before the rules are counted again: counts
/// follow the user without a pass over a million rows per keystroke.
const COUNT_DELAY: Duration = Duration::from_millis(250);

/// The shown rule segmentation of the open file (reactive).
pub(super) fn shown_rules(studio: Studio) -> Option<SavedRuleSegmentation> {
    let file = open_file(studio)?;
    studio.project.with(|p| {
        let id = p.shown_rule_segmentation?;
        p.rule_segmentations
            .iter()
            .find(|s| s.id == id && s.file == file)
            .cloned()
    })
}

/// Change the shown rule segmentation in the project (saved at once).
pub(super) fn edit_shown_rules(studio: Studio, change: impl FnOnce(&mut SavedRuleSegmentation)) {
    let Some(file) = untrack(|| open_file(studio)) else {
        return;
    };
    studio.project.update(|p| {
        let id = p.shown_rule_segmentation;
        if let Some(set) = p
            .rule_segmentations
            .iter_mut()
            .find(|s| Some(s.id) == id && s.file == file)
        {
            change(set);
        }
    });
}

/// A new condition: the first column that describes customers, `is`,
/// and a value still to write.
pub(super) fn fresh_condition(studio: Studio) -> Condition {
    let columns = untrack(|| studio.columns());
    let column = columns
        .iter()
        .find(|c| c.role != Role::CustomerId)
        .or(columns.first())
        .map(|c| c.name.clone())
        .unwrap_or_default();
    Condition {
        column,
        operator: Operator::Equals,
        values: vec![String::new()],
    }
}

fn fresh_segment(studio: Studio) -> RuleSegment {
    RuleSegment {
        name: String::new(),
        rule: Rule {
            join: Join::All,
            conditions: vec![fresh_condition(studio)],
        },
    }
}

/// Segment names as shown: the user's, else "Segment n"; the last is
/// everyone else.
pub(super) fn shown_names(i18n: I18n, set: Option<&SavedRuleSegmentation>) -> Vec<String> {
    let names: Vec<String> = set
        .map(|s| s.segments.iter().map(|seg| seg.name.clone()).collect())
        .unwrap_or_default();
    let mut shown: Vec<String> = (0..names.len())
        .map(|i| segment_label(i18n, &names, i))
        .collect();
    shown.push(i18n.t("rules.everyone_else"));
    shown
}

fn percent(i18n: I18n, part: usize, whole: usize) -> String {
    i18n.decimal(100.0 * part as f64 / whole.max(1) as f64, 1)
}

#[component]
pub fn RuleSegmentsPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let shown = Memo::new(move |_| shown_rules(studio));
    let shown_id = Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.id)));
    let saved_here = Memo::new(move |_| {
        let file = open_file(studio);
        studio.project.with(|p| {
            p.rule_segmentations
                .iter()
                .filter(|s| Some(&s.file) == file.as_ref())
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });

    let new_rules = move |()| {
        let Some(file) = open_file(studio) else {
            return;
        };
        // Worded before the update: the language is read from the project.
        let count = saved_here.with_untracked(Vec::len);
        let name = i18n.t_args("rules.default_name", &[("n", &i18n.count(count + 1))]);
        let segment = fresh_segment(studio);
        studio.project.update(|p| {
            let id = p.rule_segmentations.iter().map(|s| s.id).max().unwrap_or(0) + 1;
            p.rule_segmentations.push(SavedRuleSegmentation {
                id,
                name,
                file,
                segments: vec![segment],
            });
            p.shown_rule_segmentation = Some(id);
        });
    };

    view! {
        <section class="rule-segments" aria-labelledby="rule-segments-heading">
            <h2 id="rule-segments-heading">{move || i18n.t("rules.heading")}</h2>
            <p class="hint">{move || i18n.t("rules.intro")}</p>
            <SavedChips
                saved=saved_here
                shown=shown_id
                on_pick=Callback::new(move |id| studio.project.update(|p| p.shown_rule_segmentation = Some(id)))
                on_new=Callback::new(new_rules)
                label="rules.saved"
                new_label="rules.new"
            />
            {move || shown_id.get().map(|_| view! { <RuleSetEditor shown=shown /> })}
        </section>
    }
}

/// The shown rule segmentation: its name, its rules in order, everyone
/// else, the export and what sets the segments apart.
#[component]
fn RuleSetEditor(shown: Memo<Option<SavedRuleSegmentation>>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let counts = RwSignal::new(None::<RuleSegmentCounts>);
    // Bumped when fresh counts arrive, so the traits are read again.
    let revision = RwSignal::new(0u32);
    let top_values = RwSignal::new(HashMap::<String, Vec<String>>::new());
    let segment_count =
        Memo::new(move |_| shown.with(|s| s.as_ref().map_or(0, |s| s.segments.len())));
    let rules = Memo::new(move |_| {
        shown.with(|s| {
            s.as_ref().map(|s| {
                s.segments
                    .iter()
                    .map(|seg| seg.rule.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let names = Memo::new(move |_| shown.with(|s| shown_names(i18n, s.as_ref())));
    let generation = Memo::new(move |_| studio.loaded.with(|l| l.as_ref().map(|l| l.generation)));
    let asked = StoredValue::new(0u64);

    // Count again when the rules (or the table) change, once typing pauses.
    Effect::new(move |_| {
        let _table = generation.get();
        let Some(rules) = rules.get() else {
            return;
        };
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        set_timeout(
            move || {
                if asked.get_value() != ticket {
                    return;
                }
                spawn_local(async move {
                    let response = studio.ask(Request::RuleSegments { rules }).await;
                    if asked.get_value() != ticket {
                        return;
                    }
                    if let Response::RuleSegments(found) = response {
                        counts.set(Some(*found));
                        revision.update(|r| *r += 1);
                        studio.segments_ready.update(|n| *n = n.wrapping_add(1));
                    }
                });
            },
            COUNT_DELAY,
        );
    });

    let add_segment = move |_: leptos::ev::MouseEvent| {
        let segment = fresh_segment(studio);
        edit_shown_rules(studio, |set| set.segments.push(segment));
    };
    let delete = move |_: leptos::ev::MouseEvent| {
        studio.project.update(|p| {
            if let Some(id) = p.shown_rule_segmentation.take() {
                p.rule_segmentations.retain(|s| s.id != id);
            }
        });
    };
    let export = move |_: leptos::ev::MouseEvent| {
        let header = i18n.t("segments.export.header");
        let names = names.get_untracked();
        spawn_local(async move {
            studio
                .download_segments(SegmentSource::Rules, names, header)
                .await;
        });
    };
    let rest = move || {
        counts.with(|c| {
            c.as_ref().map(|c| {
                i18n.t_count(
                    "rules.rest",
                    c.rest,
                    &[("percent", &percent(i18n, c.rest, c.total))],
                )
            })
        })
    };

    view! {
        <div class="rule-set">
            <label class="field segmentation-name">
                <span>{move || i18n.t("rules.name")}</span>
                <input
                    type="text"
                    prop:value=move || shown.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default())
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        edit_shown_rules(studio, |set| set.name = name);
                    }
                />
            </label>
            <ol class="rule-list">
                <For each=move || 0..segment_count.get() key=|index| *index let:index>
                    <RuleEditor
                        index=index
                        segments=segment_count
                        counts=counts.read_only()
                        top_values=top_values
                    />
                </For>
                <li class="rule-rest">
                    <h3>{move || i18n.t("rules.everyone_else")}</h3>
                    <p aria-live="polite">{rest}</p>
                </li>
            </ol>
            <div class="rule-actions">
                <button
                    type="button"
                    class="button secondary"
                    disabled=move || { segment_count.get() >= MAX_RULE_SEGMENTS }
                    on:click=add_segment
                >
                    {move || i18n.t("rules.add_segment")}
                </button>
                <button type="button" class="button secondary" on:click=export disabled=move || counts.with(Option::is_none)>
                    {move || i18n.t("rules.export")}
                </button>
                <button type="button" class="button secondary danger" on:click=delete>
                    {move || i18n.t("rules.delete")}
                </button>
            </div>
            <Show when=move || counts.with(Option::is_some)>
                <SqlExport of=SqlSource::Rules names=names />
            </Show>
            {move || {
                revision.get();
                let k = untrack(|| counts.with(|c| c.as_ref().map(|c| c.segments.len() + 1)))?;
                Some(view! {
                    <SegmentTraits k=k names=names of=SegmentSource::Rules ideal_profile=false />
                })
            }}
        </div>
    }
}
