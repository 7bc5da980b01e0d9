//! Messages about the project itself: a restored file that must be chosen
//! again, an unreadable or newer save, a save that failed.

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::studio::Studio;

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    FileMissing { name: String },
    Corrupt,
    NewerFormat { found: u32 },
    SaveFailed { reason: String },
}

#[component]
pub fn Notices() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let i18n = use_i18n();
    let text = move |notice: &Notice| match notice {
        Notice::FileMissing { name } => i18n.t_args("restore.missing", &[("name", name)]),
        Notice::Corrupt => i18n.t("restore.corrupt"),
        Notice::NewerFormat { found } => {
            i18n.t_args("restore.newer", &[("found", &i18n.count(*found as usize))])
        }
        Notice::SaveFailed { reason } => i18n.t_args("restore.save_failed", &[("reason", reason)]),
    };
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || {
                studio
                    .notices
                    .get()
                    .iter()
                    .map(|notice| view! { <p class="notice">{text(notice)}</p> })
                    .collect_view()
            }}
        </div>
    }
}
