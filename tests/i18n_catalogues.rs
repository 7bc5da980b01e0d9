//! Every message exists in English, Arabic and Persian with the same
//! placeholders, and every key the code uses is defined.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use nimrokh::core::i18n::{catalogue_source, placeholders, Catalogue, Lang, Plural};

fn catalogues() -> Vec<(Lang, Catalogue)> {
    Lang::ALL
        .into_iter()
        .map(|lang| (lang, Catalogue::parse(catalogue_source(lang))))
        .collect()
}

/// `quality.duplicates.few` → Some(("quality.duplicates", Few)).
fn plural_form(key: &str) -> Option<(&str, Plural)> {
    let (base, suffix) = key.rsplit_once('.')?;
    Some((base, Plural::from_suffix(suffix)?))
}

/// Messages with plural forms: those with a `.one` form in some language
/// (so `role.other`, the role named "Other", is an ordinary key).
fn plural_bases(all: &[(Lang, Catalogue)]) -> BTreeSet<String> {
    all.iter()
        .flat_map(|(_, c)| c.keys())
        .filter_map(|key| key.strip_suffix(".one").map(str::to_string))
        .collect()
}

/// Plural messages: every language gives `.other` and the forms its
/// grammar needs (Arabic six, English and Persian two), each with English's
/// placeholders (a form may spell its number out instead of `{count}`:
/// "صفّان").
#[test]
fn plural_messages_have_every_form_each_language_needs() {
    let all = catalogues();
    let bases = plural_bases(&all);
    assert!(bases.contains("quality.duplicates"), "{bases:?}");
    let without_count = |text: &str| {
        let mut names = placeholders(text);
        names.remove("count");
        names
    };
    let mut problems = Vec::new();
    for base in &bases {
        let english = all[0].1.get(&format!("{base}.other")).unwrap_or_default();
        for (lang, catalogue) in &all {
            for form in Plural::required(*lang) {
                let key = format!("{base}.{}", form.suffix());
                match catalogue.get(&key) {
                    None => problems.push(format!("{key}: missing in {lang:?}")),
                    Some(text) if without_count(text) != without_count(english) => {
                        problems.push(format!("{key}: placeholders differ in {lang:?}"))
                    }
                    Some(_) => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_key_is_in_every_language_with_the_same_placeholders() {
    let all = catalogues();
    // Plural forms are checked above: languages need different ones.
    let bases = plural_bases(&all);
    let keys: BTreeSet<&str> = all
        .iter()
        .flat_map(|(_, c)| c.keys())
        .filter(|key| plural_form(key).is_none_or(|(base, _)| !bases.contains(base)))
        .collect();
    let mut problems = Vec::new();
    for (lang, catalogue) in &all {
        assert!(
            catalogue.duplicates().is_empty(),
            "{lang:?} duplicates {:?}",
            catalogue.duplicates()
        );
        assert!(
            catalogue.malformed_lines().is_empty(),
            "{lang:?} malformed lines {:?}",
            catalogue.malformed_lines()
        );
        for key in &keys {
            match catalogue.get(key) {
                None => problems.push(format!("{key}: missing in {lang:?}")),
                Some("") => problems.push(format!("{key}: empty in {lang:?}")),
                Some(text) => {
                    let english = all[0].1.get(key).unwrap_or_default();
                    if placeholders(text) != placeholders(english) {
                        problems.push(format!("{key}: placeholders differ in {lang:?}"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_notices_a_missing_translation() {
    let en = Catalogue::parse("a = A\nb = B\n");
    let fa = Catalogue::parse("a = الف\n");
    let missing: Vec<_> = en.keys().difference(&fa.keys()).copied().collect();
    assert_eq!(missing, ["b"]);
}

/// Key-shaped string literals (`"summary.rows"`) in the sources whose first
/// part is one of the catalogue's namespaces, so a typo in a key is caught
/// wherever the key is chosen (a direct call or a `match` arm).
fn keys_used_in(dir: &Path, namespaces: &BTreeSet<String>, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            keys_used_in(&path, namespaces, found);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("read");
        for literal in source.split('"').skip(1).step_by(2) {
            let Some((namespace, name)) = literal.split_once('.') else {
                continue;
            };
            let shaped = !name.is_empty()
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
            if shaped && namespaces.contains(namespace) {
                found.insert(literal.to_string());
            }
        }
    }
}

#[test]
fn every_key_used_in_the_code_is_defined() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let english = Catalogue::parse(catalogue_source(Lang::En));
    let namespaces: BTreeSet<String> = english
        .keys()
        .iter()
        .filter_map(|key| key.split_once('.').map(|(ns, _)| ns.to_string()))
        .collect();
    let mut used = BTreeSet::new();
    keys_used_in(&src.join("app"), &namespaces, &mut used);
    keys_used_in(&src.join("core/i18n"), &namespaces, &mut used);
    keys_used_in(&src.join("core/segment/compare"), &namespaces, &mut used);
    assert!(
        used.contains("summary.rows"),
        "the scan finds keys: {used:?}"
    );
    let undefined: Vec<_> = used
        .iter()
        .filter(|key| english.get(key).is_none() && english.get(&format!("{key}.other")).is_none())
        .collect();
    assert!(
        undefined.is_empty(),
        "keys used but not defined: {undefined:?}"
    );
}
