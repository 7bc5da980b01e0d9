//! Every message exists in English, Arabic and Persian with the same
//! placeholders, and every key the code uses is defined.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use nimrokh::core::i18n::{catalogue_source, placeholders, Catalogue, Lang};

fn catalogues() -> Vec<(Lang, Catalogue)> {
    Lang::ALL
        .into_iter()
        .map(|lang| (lang, Catalogue::parse(catalogue_source(lang))))
        .collect()
}

#[test]
fn every_key_is_in_every_language_with_the_same_placeholders() {
    let all = catalogues();
    let keys: BTreeSet<&str> = all.iter().flat_map(|(_, c)| c.keys()).collect();
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
    assert!(
        used.contains("summary.rows"),
        "the scan finds keys: {used:?}"
    );
    let undefined: Vec<_> = used
        .iter()
        .filter(|key| english.get(key).is_none())
        .collect();
    assert!(
        undefined.is_empty(),
        "keys used but not defined: {undefined:?}"
    );
}
