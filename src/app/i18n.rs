//! The UI language as a reactive context over core's translation layer.

use leptos::prelude::*;

use crate::core::i18n::{format_count, format_decimal, tr, tr_args, tr_count, Lang};

/// Translations that follow the chosen language. Cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Signal<Lang>,
}

impl I18n {
    /// The text of `key` in the current language (reactive when read inside
    /// a view closure or effect).
    pub fn t(&self, key: &str) -> String {
        tr(self.lang.get(), key)
    }

    pub fn t_args(&self, key: &str, args: &[(&str, &str)]) -> String {
        tr_args(self.lang.get(), key, args)
    }

    /// A message about `count` things in its plural form (`{count}` filled).
    pub fn t_count(&self, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        tr_count(self.lang.get(), key, count as u64, args)
    }

    /// A count in the current language's digits.
    pub fn count(&self, n: usize) -> String {
        format_count(n as u64, self.lang.get())
    }

    /// A number with `places` decimals in the current language's digits.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        format_decimal(value, places, self.lang.get())
    }
}

pub fn provide_i18n(lang: Signal<Lang>) -> I18n {
    let i18n = I18n { lang };
    provide_context(i18n);
    i18n
}

/// The translations provided by an ancestor, or English when a component is
/// mounted alone (as in component tests).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n {
        lang: Signal::stored(Lang::En),
    })
}
