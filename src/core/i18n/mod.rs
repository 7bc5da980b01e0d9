//! The translation layer. Every visible string is a message key looked up
//! here; the catalogues are plain `key = text` files (one per language) so a
//! translator can edit them without touching Rust.
//!
//! `tests/i18n_catalogues.rs` fails when a key lacks any language, when the
//! placeholders differ between languages, or when the app uses a key that no
//! catalogue defines.

mod catalogue;
mod describe;
mod digits;
mod lang;

pub use catalogue::{placeholders, Catalogue};
pub use describe::{
    describe_column_type, describe_delimiter, describe_ingest_error, describe_role,
    describe_warning,
};
pub use digits::{format_count, format_decimal, localize_digits};
pub use lang::{Direction, Lang};

use std::sync::OnceLock;

const EN: &str = include_str!("en.txt");
const AR: &str = include_str!("ar.txt");
const FA: &str = include_str!("fa.txt");

/// The raw catalogue text of a language, for tests and tooling.
pub fn catalogue_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::Ar => AR,
        Lang::Fa => FA,
    }
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static CATALOGUES: OnceLock<[Catalogue; 3]> = OnceLock::new();
    let all = CATALOGUES.get_or_init(|| {
        [
            Catalogue::parse(EN),
            Catalogue::parse(AR),
            Catalogue::parse(FA),
        ]
    });
    &all[lang.index()]
}

/// The text of `key` in `lang`. A key missing from `lang` falls back to
/// English, then to the key itself, so a gap shows up as a visible key rather
/// than an empty label (and the catalogue test catches it first).
pub fn tr(lang: Lang, key: &str) -> String {
    catalogue(lang)
        .get(key)
        .or_else(|| catalogue(Lang::En).get(key))
        .unwrap_or(key)
        .to_string()
}

/// `tr` with `{name}` placeholders replaced by the given values, in order of
/// the arguments. Values are inserted as given: callers localise numbers first
/// (see [`format_count`]).
pub fn tr_args(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = tr(lang, key);
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_each_language() {
        assert_eq!(tr(Lang::En, "app.title"), "Nimrokh");
        assert_eq!(tr(Lang::Fa, "app.title"), "نیم‌رخ");
        assert_eq!(tr(Lang::Ar, "app.title"), "نيم‌رخ");
    }

    #[test]
    fn unknown_key_shows_the_key() {
        assert_eq!(tr(Lang::Ar, "no.such.key"), "no.such.key");
    }

    #[test]
    fn fills_placeholders() {
        let text = tr_args(Lang::En, "status.loading", &[("name", "a.csv")]);
        assert!(text.contains("a.csv"), "{text}");
        assert!(!text.contains('{'), "{text}");
    }
}
