//! Several projects; a project exported as one file and imported in a
//! fresh browser profile, identical; "forget everything" empties both
//! stores.

use fantoccini::Locator;

use crate::saving::set_language;
use crate::support::{fixture, Session, TempFile};

/// The open project's newest saved settings, as JSON text with its files'
/// settings (the part that must survive a move).
const NEWEST_PROJECT: &str = "(() => { const id = JSON.parse(localStorage.getItem('nimrokh.projects')).current; \
  const c = ['a','b'].map(s => localStorage.getItem('nimrokh.project.' + id + '.' + s)).filter(Boolean).map(t => JSON.parse(t)); \
  c.sort((x, y) => y.revision - x.revision); return JSON.stringify(c[0].project); })()";

async fn open_more(s: &Session) {
    s.wait_for(Locator::Css("details.project-more summary"))
        .await
        .click()
        .await
        .unwrap();
}

/// Click `button` in the project's "more" section and confirm.
async fn confirm(s: &Session, button: &str) {
    open_more(s).await;
    s.by_text("button", button).await.click().await.unwrap();
    s.by_text("button", "Yes").await.click().await.unwrap();
}

async fn name_project(s: &Session, name: &str) {
    let input = s
        .wait_for(Locator::Css(".project-bar input[type=text]"))
        .await;
    input.clear().await.unwrap();
    input.send_keys(&format!("{name}\n")).await.unwrap();
    // `change` fires on leaving the field.
    s.eval("(document.activeElement.blur(), true)").await;
}

#[tokio::test]
async fn projects_are_kept_apart_and_switched() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    name_project(&s, "Retail").await;
    s.by_text("button", "New project")
        .await
        .click()
        .await
        .unwrap();
    // A new, empty project opens.
    s.wait_until(
        "the new project",
        "document.querySelector('.project-bar input[type=text]')?.placeholder === 'Project 2' && !document.querySelector('section.file-summary')",
    )
    .await;
    s.choose_file("Choose a file", &fixture("customers_link600.csv"))
        .await;
    s.wait_until(
        "the second file",
        "document.body.textContent.includes('customers_link600.csv')",
    )
    .await;
    // Back to the first: its own file, restored.
    s.wait_for(Locator::XPath(
        "//label[contains(., 'Open another')]//select",
    ))
    .await
    .select_by_value("1")
    .await
    .unwrap();
    s.wait_until(
        "the first project",
        "document.querySelector('.project-bar input[type=text]')?.value === 'Retail'",
    )
    .await;
    assert_eq!(s.fact("Rows").await, "499");
    // Deleting it opens the other, and its files go with it.
    confirm(&s, "Delete this project").await;
    s.wait_until(
        "the other project",
        "document.querySelector('.project-bar input[type=text]')?.placeholder === 'Project 2' && document.body.textContent.includes('customers_link600.csv')",
    )
    .await;
    let listed = s
        .eval("JSON.parse(localStorage.getItem('nimrokh.projects')).projects.map(p => p.id)")
        .await;
    assert_eq!(listed, serde_json::json!([2]));
    s.close().await;
}

#[tokio::test]
async fn an_exported_project_imports_identically_in_a_fresh_profile() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    s.choose("Role of Country", "region").await;
    set_language(&s, "fa").await;
    name_project(&s, "فروشگاه").await;
    let before = s.eval(NEWEST_PROJECT).await;
    open_more(&s).await;
    s.by_text("button", "خروجی گرفتن از پروژه")
        .await
        .click()
        .await
        .unwrap();
    let bundle = s.downloaded("فروشگاه.nimrokh").await;
    assert!(bundle.starts_with(b"NIMROKH-PROJECT\n"));
    s.close().await;

    // Another machine: a fresh profile that has never seen the project.
    let file = TempFile::new("فروشگاه.nimrokh", &bundle);
    let s = Session::open().await;
    open_more(&s).await;
    s.choose_file("Import a project", &file.path).await;
    s.wait_until(
        "the imported project",
        "document.documentElement.lang === 'fa'",
    )
    .await;
    assert_eq!(s.fact("سطرها").await, "۴۹۹");
    assert_eq!(s.chosen("نقش Country").await, "استان/منطقه");
    assert_eq!(
        s.eval("document.querySelector('.project-bar input[type=text]').value")
            .await,
        "فروشگاه"
    );
    assert_eq!(s.eval(NEWEST_PROJECT).await, before, "identical settings");
    assert_eq!(s.notice_count().await, 0);
    s.close().await;
}

#[tokio::test]
async fn a_file_that_is_not_a_project_is_named_in_the_message() {
    let s = Session::open().await;
    open_more(&s).await;
    s.choose_file("Import a project", &fixture("online_retail_500.csv"))
        .await;
    let error = s
        .text_of("the import error", ".project-file [role=alert]")
        .await;
    assert!(
        error.contains("online_retail_500.csv") && error.contains("not a Nimrokh project"),
        "{error}"
    );
    assert!(
        s.eval("localStorage.getItem('nimrokh.projects') === null")
            .await
            .as_bool()
            .unwrap(),
        "nothing was made of it"
    );
    s.close().await;
}

#[tokio::test]
async fn forgetting_everything_empties_both_stores() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    s.wait_until(
        "the file kept",
        "(async () => { window.__dbs = (await indexedDB.databases()).map(d => d.name); })(), window.__dbs?.includes('nimrokh')",
    )
    .await;
    confirm(&s, "Forget everything").await;
    // The page opens again, empty, and writes nothing until asked to.
    s.wait_until(
        "a fresh page",
        "!document.querySelector('section.file-summary') && document.querySelector('.drop-zone')",
    )
    .await;
    s.wait_until(
        "both stores empty",
        "(async () => { window.__dbs2 = (await indexedDB.databases()).map(d => d.name); })(), \
         window.__dbs2 && !window.__dbs2.includes('nimrokh') && Object.keys(localStorage).filter(k => k.startsWith('nimrokh.')).length === 0",
    )
    .await;
    s.close().await;
}
