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
pub mod letters;
mod plural;

pub use catalogue::{placeholders, Catalogue};
pub use describe::{
    describe_calendar, describe_column_type, describe_date_order, describe_delimiter,
    describe_ingest_error, describe_misfit, describe_misfits, describe_role, describe_warning,
};
pub use digits::{format_count, format_decimal, localize_digits};
pub use lang::{Direction, Lang};
pub use plural::{plural_of, Plural};

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
    let [en, ar, fa] = all;
    match lang {
        Lang::En => en,
        Lang::Ar => ar,
        Lang::Fa => fa,
    }
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

/// A message about `count` things, in the plural form `lang` wants for
/// it (`key.one`, `key.few`…, falling back to `key.other`, then `key`),
/// with `{count}` filled in the language's digits and the other
/// placeholders from `args`.
pub fn tr_count(lang: Lang, key: &str, count: u64, args: &[(&str, &str)]) -> String {
    let form = format!("{key}.{}", plural_of(lang, count).suffix());
    let other = format!("{key}.other");
    let chosen = [form.as_str(), other.as_str(), key]
        .into_iter()
        .find(|k| catalogue(lang).get(k).is_some() || catalogue(Lang::En).get(k).is_some())
        .unwrap_or(key);
    let counted = format_count(count, lang);
    let mut all: Vec<(&str, &str)> = vec![("count", counted.as_str())];
    all.extend_from_slice(args);
    tr_args(lang, chosen, &all)
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
    fn counts_pick_their_plural_form() {
        let rows = |lang, n| tr_count(lang, "quality.duplicates", n, &[]);
        assert_eq!(rows(Lang::En, 1), "1 row repeats an earlier row exactly.");
        assert_eq!(rows(Lang::En, 3), "3 rows repeat an earlier row exactly.");
        assert!(
            rows(Lang::Ar, 2).starts_with("صفّان"),
            "{}",
            rows(Lang::Ar, 2)
        );
        assert!(
            rows(Lang::Ar, 11).starts_with("١١ صفًا"),
            "{}",
            rows(Lang::Ar, 11)
        );
        assert!(
            rows(Lang::Fa, 4).starts_with("۴ سطر"),
            "{}",
            rows(Lang::Fa, 4)
        );
    }

    #[test]
    fn fills_placeholders() {
        let text = tr_args(Lang::En, "status.loading", &[("name", "a.csv")]);
        assert!(text.contains("a.csv"), "{text}");
        assert!(!text.contains('{'), "{text}");
    }
}
