//! The open file's saved segmentations as chips (the shown one pressed)
//! and a button to start a new one: the same list for k-means and rule
//! segmentations.

use leptos::prelude::*;

use super::i18n::use_i18n;

#[component]
pub(super) fn SavedChips(
    /// (id, name) of each saved segmentation.
    saved: Memo<Vec<(u32, String)>>,
    shown: Memo<Option<u32>>,
    on_pick: Callback<u32>,
    on_new: Callback<()>,
    /// Translation keys: the list's name and the new button's label.
    label: &'static str,
    new_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="saved-segmentations" aria-label=move || i18n.t(label)>
            {move || saved.get().into_iter().map(|(id, name)| view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || (shown.get() == Some(id)).to_string()
                    on:click=move |_| on_pick.run(id)
                >{name}</button>
            }).collect_view()}
            <button type="button" class="button secondary" on:click=move |_| on_new.run(())>
                {move || i18n.t(new_label)}
            </button>
        </nav>
    }
}
