//! A recipe link carries settings only. Every place the project can hold
//! customer data (file names, fix values, rule values, segment and persona
//! names, notes, pictures, the as-of date) is filled with a marked value;
//! none may reach the recipe, and every text the recipe holds must be a
//! header name or a word of the format itself.

#[path = "helpers/mod.rs"]
mod helpers;

use helpers::{is_format_word, json_strings};
use nimrokh::core::project::ProjectState;
use nimrokh::core::store::{apply_recipe, read_recipe, recipe_of, recipe_text};

const HEADERS: [&str; 4] = ["Age", "City", "Income", "Gender"];

fn laden_project() -> ProjectState {
    let json = r#"{
      "format_version": 3, "lang": "fa",
      "file": {"name": "SECRET-acme-clients.csv", "size": 1},
      "chart_column": "Age",
      "columns": {"City": {"role": "city"}, "Income": {"column_type": "money"}},
      "fixes": [
        {"fix": "merge_spellings", "column": "City", "spellings": ["SECRET-tehran ", "SECRET-TEHRAN"], "into": "SECRET-Tehran"},
        {"fix": "trim", "column": "City"}
      ],
      "customers": {"file": "SECRET-orders.csv", "customer": "Age", "date": "City", "as_of": 20111},
      "beside": [{"file": {"name": "SECRET-orders.csv", "size": 2}, "chart_column": null}],
      "links": {"SECRET-orders.csv": {"role": "transactions", "key": "Age"}},
      "segmentations": [
        {"id": 3, "name": "SECRET segmentation name", "file": "SECRET-acme-clients.csv",
         "features": [{"column": "Age", "kind": {"numeric": {"scaling": "robust", "log1p": false, "weight": 1.0}}},
                      {"column": "Gender", "kind": {"categorical": {"weight": 0.5}}}],
         "k_min": 2, "k_max": 9, "k": 4, "seed": 77, "restarts": 6,
         "segment_names": ["SECRET segment one", "SECRET segment two"]},
        {"id": 4, "name": "SECRET other file", "file": "SECRET-orders.csv",
         "features": [{"column": "Income", "kind": {"numeric": {"scaling": "standard", "log1p": true, "weight": 1.0}}}],
         "k_min": 2, "k_max": 10, "seed": 1, "restarts": 4}
      ],
      "shown_segmentation": 3,
      "rule_segmentations": [{"id": 1, "name": "SECRET rules", "file": "SECRET-acme-clients.csv",
        "segments": [{"name": "SECRET young", "rule": {"join": "all", "conditions": [{"column": "City", "operator": "equals", "values": ["SECRET-Tehran"]}]}}]}],
      "shown_rule_segmentation": 1,
      "persona_edits": [{"key": {"segmentation": "k_means", "id": 3, "segment": 0}, "size_at_edit": 12,
        "name": "SECRET persona", "description": "SECRET description", "goals": "SECRET goals",
        "pain_points": "SECRET pains", "notes": "SECRET notes", "picture": "data:image/jpeg;base64,SECRET"}]
    }"#;
    serde_json::from_str(json).expect("a project of every field")
}

#[test]
fn no_data_value_reaches_the_recipe() {
    let state = laden_project();
    let text = recipe_text(&recipe_of(&state));
    assert!(!text.contains("SECRET"), "{text}");
    assert!(
        !text.contains("20111"),
        "the as-of day is the data's: {text}"
    );
    for s in json_strings(&serde_json::from_str(&text).unwrap()) {
        let is_header = HEADERS.contains(&s.as_str());
        assert!(
            is_header || is_format_word(&s),
            "unexpected text {s:?} in {text}"
        );
    }
}

#[test]
fn the_recipe_reproduces_the_settings_on_another_file() {
    let state = laden_project();
    let recipe = read_recipe(&recipe_text(&recipe_of(&state))).unwrap();
    // Only the open file's segmentation travels.
    assert_eq!(recipe.segmentations.len(), 1);
    let headers: Vec<String> = HEADERS.map(String::from).to_vec();
    let mut fresh = ProjectState::default();
    let missing = apply_recipe(&recipe, &mut fresh, "their-copy.csv", &headers);
    assert!(missing.is_empty());
    let made = &fresh.segmentations[0];
    let original = &state.segmentations[0];
    assert_eq!(made.features, original.features);
    assert_eq!((made.k_min, made.k_max, made.k), (2, 9, Some(4)));
    assert_eq!((made.seed, made.restarts), (77, 6));
    assert_eq!(made.file, "their-copy.csv");
    assert_eq!(fresh.shown_segmentation, Some(made.id));
    assert_eq!(fresh.columns, state.columns);
    assert_eq!(fresh.lang, state.lang);
}

#[test]
fn a_file_without_the_columns_is_told_which() {
    let recipe = recipe_of(&laden_project());
    let mut fresh = ProjectState::default();
    let headers = vec!["Age".to_string(), "City".to_string()];
    let missing = apply_recipe(&recipe, &mut fresh, "x.csv", &headers);
    assert_eq!(missing, ["Gender", "Income"]);
    assert!(fresh.segmentations.is_empty(), "no half segmentation");
}

#[test]
fn a_newer_or_damaged_recipe_is_refused() {
    assert!(read_recipe("{\"format\":7,\"lang\":\"en\"}").is_err());
    assert!(read_recipe("{\"format\":1,").is_err());
}
