//! Every saved format still opens, and the store's promises hold: a
//! half-written or damaged save falls back to the last good copy, a newer
//! build's save is never written over, a full store loses nothing, and two
//! tabs never overwrite each other blindly. Samples of each format are in
//! tests/fixtures/saved (see its README).

use std::cell::RefCell;
use std::rc::Rc;

use nimrokh::core::i18n::Lang;
use nimrokh::core::project::{ProjectState, Restored, FORMAT_VERSION};
use nimrokh::core::schema::Role;
use nimrokh::core::store::{KeyValue, MemoryStore, ProjectStore, SaveError};

fn sample(name: &str) -> String {
    let path = format!("{}/tests/fixtures/saved/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .trim_end()
        .to_string()
}

/// One store seen by several tabs, as localStorage is.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<MemoryStore>>);

impl KeyValue for Shared {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.0.borrow().keys()
    }
}

fn store_with(entries: &[(&str, String)]) -> MemoryStore {
    let mut store = MemoryStore::default();
    for (key, value) in entries {
        store.set(key, value).unwrap();
    }
    store
}

fn loaded(restored: &Restored) -> &ProjectState {
    match restored {
        Restored::Loaded(state) => state,
        other => panic!("expected a loaded project, got {other:?}"),
    }
}

#[test]
fn each_single_key_format_becomes_project_one() {
    for (file, lang) in [
        ("project_v1.json", Lang::Ar),
        ("project_v2.json", Lang::Fa),
        ("project_v3.json", Lang::Fa),
    ] {
        let store = store_with(&[("nimrokh.project", sample(file))]);
        let (mut projects, opened) = ProjectStore::open(store, "tab", "My project", 1.0);
        let state = loaded(&opened.project.restored).clone();
        assert_eq!(state.lang, lang, "{file}");
        assert_eq!(state.format_version, FORMAT_VERSION, "{file}");
        assert_eq!(opened.project.id, 1);
        assert_eq!(projects.catalog().projects[0].name, "My project");
        assert!(
            projects.store.get("nimrokh.project").is_none(),
            "{file}: the old key goes once moved"
        );
        // Saved again in the new layout, it opens the same.
        projects
            .save(1, &state, opened.project.revision, false, 2.0)
            .unwrap();
        let (_, again) = ProjectStore::open(projects.store, "tab", "x", 3.0);
        assert_eq!(loaded(&again.project.restored), &state, "{file}");
    }
}

#[test]
fn the_richest_old_sample_keeps_every_setting() {
    let store = store_with(&[("nimrokh.project", sample("project_v3.json"))]);
    let (_, opened) = ProjectStore::open(store, "tab", "p", 1.0);
    let state = loaded(&opened.project.restored);
    assert_eq!(state.columns["City"].role, Some(Role::City));
    assert_eq!(state.beside.len(), 1);
    assert_eq!(state.segmentations[0].k, Some(4));
    assert_eq!(state.file_names().len(), 2);
    let v2 = store_with(&[("nimrokh.project", sample("project_v2.json"))]);
    let (_, opened) = ProjectStore::open(v2, "tab", "p", 1.0);
    assert_eq!(
        loaded(&opened.project.restored).columns["سن"].role,
        Some(Role::Age)
    );
}

#[test]
fn the_catalogue_format_opens() {
    let store = store_with(&[
        ("nimrokh.projects", sample("catalog_v1.json")),
        ("nimrokh.project.2.a", sample("copy_v1.json")),
    ]);
    let (projects, opened) = ProjectStore::open(store, "tab", "p", 1.0);
    assert_eq!(opened.project.id, 2);
    let names: Vec<&str> = projects
        .catalog()
        .projects
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Shop", "مشتریان"]);
    assert_eq!(loaded(&opened.project.restored).lang, Lang::Fa);
    assert_eq!(opened.project.revision, 7);
}

fn saved_twice() -> (ProjectStore<MemoryStore>, ProjectState, ProjectState) {
    let (mut projects, opened) = ProjectStore::open(MemoryStore::default(), "tab", "p", 0.0);
    let first = ProjectState {
        chart_column: Some("first".into()),
        ..ProjectState::default()
    };
    let second = ProjectState {
        chart_column: Some("second".into()),
        ..ProjectState::default()
    };
    let r1 = projects
        .save(opened.project.id, &first, 0, false, 100.0)
        .unwrap();
    projects
        .save(opened.project.id, &second, r1, false, 200.0)
        .unwrap();
    (projects, first, second)
}

#[test]
fn a_half_written_newest_copy_falls_back_to_the_one_before() {
    let (mut projects, first, _) = saved_twice();
    // Revision 2 went to copy b; cut it in half as a crash would.
    let newest = projects.store.get("nimrokh.project.1.b").unwrap();
    let half = &newest[..newest.len() / 2];
    projects.store.set("nimrokh.project.1.b", half).unwrap();
    let (mut projects, opened) = ProjectStore::open(projects.store, "tab", "p", 300.0);
    assert_eq!(loaded(&opened.project.restored), &first);
    assert_eq!(opened.project.fell_back_to, Some(100.0));
    assert_eq!(
        projects
            .store
            .get("nimrokh.project.1.unreadable")
            .as_deref(),
        Some(half),
        "the damaged copy is kept aside"
    );
    // The next save writes over the damaged copy, never the good one.
    projects
        .save(1, &first, opened.project.revision, false, 400.0)
        .unwrap();
    let good_before = projects.store.get("nimrokh.project.1.a");
    let (_, again) = ProjectStore::open(projects.store, "tab", "p", 500.0);
    assert_eq!(loaded(&again.project.restored), &first);
    assert_eq!(again.project.fell_back_to, None);
    assert!(good_before.is_some());
}

#[test]
fn damage_to_both_copies_is_said_not_hidden() {
    let (mut projects, _, _) = saved_twice();
    projects
        .store
        .set("nimrokh.project.1.a", "{\"revision\":1,")
        .unwrap();
    projects
        .store
        .set("nimrokh.project.1.b", "{\"format\":1,\"revision\":2,\"saved_ms\":1,\"tab\":\"t\",\"project\":{\"lang\":\"fa\"}}")
        .unwrap();
    let (projects, opened) = ProjectStore::open(projects.store, "tab", "p", 1.0);
    assert!(matches!(opened.project.restored, Restored::Corrupt { .. }));
    assert!(projects.store.get("nimrokh.project.1.unreadable").is_some());
}

#[test]
fn a_newer_builds_save_opens_read_only() {
    let newer_copy = r#"{"format":1,"revision":3,"saved_ms":5,"tab":"t","project":{"format_version":99,"lang":"ar","file":null,"chart_column":null,"hologram":true}}"#;
    let store = store_with(&[
        (
            "nimrokh.projects",
            sample("catalog_v1.json").replace("\"current\":2", "\"current\":1"),
        ),
        ("nimrokh.project.1.a", newer_copy.to_string()),
    ]);
    let (_, opened) = ProjectStore::open(store, "tab", "p", 1.0);
    match opened.project.restored {
        Restored::Newer { found, state } => {
            assert_eq!(found, 99);
            assert_eq!(state.lang, Lang::Ar);
        }
        other => panic!("expected Newer, got {other:?}"),
    }
    let newer_catalog = sample("catalog_v1.json").replace("\"format\":1", "\"format\":9");
    let store = store_with(&[("nimrokh.projects", newer_catalog.clone())]);
    let (mut projects, opened) = ProjectStore::open(store, "tab", "p", 1.0);
    assert!(opened.catalog_newer);
    assert_eq!(
        projects.save(2, &ProjectState::default(), 0, false, 1.0),
        Err(SaveError::ReadOnly)
    );
    assert_eq!(
        projects.create("x", &ProjectState::default(), 1.0),
        Err(SaveError::ReadOnly)
    );
    assert_eq!(projects.store.get("nimrokh.projects"), Some(newer_catalog));
}

#[test]
fn a_full_store_refuses_and_loses_nothing() {
    let (mut projects, _, second) = saved_twice();
    let used: usize = projects
        .store
        .entries
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum();
    projects.store.capacity = Some(used + 10);
    let big = ProjectState {
        chart_column: Some("x".repeat(5_000)),
        ..ProjectState::default()
    };
    let known = projects.stored_revision(1);
    match projects.save(1, &big, known, false, 900.0) {
        Err(SaveError::Refused(reason)) => assert!(reason.contains("Quota"), "{reason}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let (_, opened) = ProjectStore::open(projects.store, "tab", "p", 1.0);
    assert_eq!(loaded(&opened.project.restored), &second);
}

#[test]
fn two_tabs_do_not_overwrite_each_other_blindly() {
    let shared = Shared::default();
    let (mut tab_a, a) = ProjectStore::open(shared.clone(), "a", "p", 0.0);
    let (mut tab_b, b) = ProjectStore::open(shared.clone(), "b", "p", 0.0);
    let mine = ProjectState {
        chart_column: Some("from a".into()),
        ..ProjectState::default()
    };
    let theirs = ProjectState {
        chart_column: Some("from b".into()),
        ..ProjectState::default()
    };
    let a_rev = tab_a
        .save(1, &mine, a.project.revision, false, 10.0)
        .unwrap();
    // Tab b still knows the project as it opened it.
    assert_eq!(
        tab_b.save(1, &theirs, b.project.revision, false, 20.0),
        Err(SaveError::OtherTab { saved_ms: 10.0 })
    );
    assert_eq!(tab_b.stored_revision(1), a_rev);
    // Told, the user of tab b keeps their version on purpose.
    let b_rev = tab_b
        .save(1, &theirs, b.project.revision, true, 30.0)
        .unwrap();
    assert!(b_rev > a_rev);
    // Now tab a is the one behind.
    assert!(matches!(
        tab_a.save(1, &mine, a_rev, false, 40.0),
        Err(SaveError::OtherTab { .. })
    ));
    let (_, opened) = ProjectStore::open(shared, "c", "p", 50.0);
    assert_eq!(loaded(&opened.project.restored), &theirs);
}

#[test]
fn projects_are_added_renamed_switched_and_removed() {
    let (mut projects, opened) = ProjectStore::open(MemoryStore::default(), "t", "First", 0.0);
    projects
        .save(opened.project.id, &ProjectState::default(), 0, false, 1.0)
        .unwrap();
    let fa = ProjectState {
        lang: Lang::Fa,
        ..ProjectState::default()
    };
    let second = projects.create("Second", &fa, 2.0).unwrap();
    assert_eq!(projects.catalog().current, second);
    projects.rename(second, "دوم").unwrap();
    projects.switch(1).unwrap();
    let (mut projects, opened) = ProjectStore::open(projects.store, "t", "x", 3.0);
    assert_eq!(opened.project.id, 1);
    assert_eq!(projects.catalog().entry(second).unwrap().name, "دوم");
    assert_eq!(
        loaded(&projects.open_project(second).restored).lang,
        Lang::Fa
    );
    assert_eq!(projects.delete(second), Ok(true));
    assert!(projects
        .store
        .keys()
        .iter()
        .all(|k| !k.starts_with("nimrokh.project.2.")));
    assert_eq!(projects.delete(1), Ok(false), "the last project stays");
}

#[test]
fn an_unreadable_catalogue_is_made_again_from_the_projects_found() {
    let (mut projects, _, second) = saved_twice();
    projects
        .store
        .set("nimrokh.projects", "{\"format\":")
        .unwrap();
    let (projects, opened) = ProjectStore::open(projects.store, "t", "Project", 1.0);
    assert!(opened.catalog_rebuilt);
    assert_eq!(loaded(&opened.project.restored), &second);
    assert_eq!(projects.catalog().projects[0].name, "Project");
    assert_eq!(
        projects.store.get("nimrokh.projects.unreadable").as_deref(),
        Some("{\"format\":")
    );
}

#[test]
fn forgetting_everything_leaves_other_keys_alone() {
    let (mut projects, _, _) = saved_twice();
    projects.store.set("someone.else", "kept").unwrap();
    projects.forget_everything();
    assert_eq!(projects.store.keys(), ["someone.else"]);
}

#[test]
fn a_fresh_store_writes_nothing_until_a_save() {
    let (projects, opened) = ProjectStore::open(MemoryStore::default(), "t", "p", 0.0);
    assert_eq!(opened.project.restored, Restored::Fresh);
    assert!(projects.store.keys().is_empty());
}

#[test]
fn a_project_made_on_a_first_visit_replaces_the_unsaved_one() {
    let (mut projects, _) = ProjectStore::open(MemoryStore::default(), "t", "", 0.0);
    let demo = projects
        .create("Demo shop", &ProjectState::default(), 1.0)
        .unwrap();
    let names: Vec<&str> = projects
        .catalog()
        .projects
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Demo shop"]);
    assert_eq!(projects.catalog().current, demo);
    // Once there is saved work, a new project stands beside it.
    projects
        .create("Second", &ProjectState::default(), 2.0)
        .unwrap();
    assert_eq!(projects.catalog().projects.len(), 2);
}
