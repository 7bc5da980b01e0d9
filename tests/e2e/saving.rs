//! What the browser does to saved work, in the browser: a damaged newest
//! save, older and newer formats, a full localStorage, two tabs, and no
//! IndexedDB. Each time the user is told, and nothing saved is lost.

use fantoccini::wd::WindowHandle;
use fantoccini::Locator;

use crate::support::{fixture, Session};

/// The project's newest saved copy, parsed: `{revision, project, …}`.
const NEWEST_COPY: &str = "(() => { const c = ['a','b'].map(s => localStorage.getItem('nimrokh.project.1.' + s)).filter(Boolean).map(t => { try { return JSON.parse(t); } catch (e) { return null; } }).filter(Boolean); c.sort((x, y) => y.revision - x.revision); return c[0] || null; })()";

/// Switch the page's language (a change to the saved settings), whatever
/// the language shown.
pub async fn set_language(s: &Session, lang: &str) {
    s.wait_for(Locator::Css("header.app-header select"))
        .await
        .select_by_value(lang)
        .await
        .expect("choose the language");
    s.wait_until(lang, &format!("document.documentElement.lang === '{lang}'"))
        .await;
}

#[tokio::test]
async fn a_damaged_newest_save_falls_back_to_the_one_before() {
    let s = Session::open().await;
    set_language(&s, "fa").await;
    set_language(&s, "ar").await;
    s.wait_until(
        "the Arabic save",
        &format!("{NEWEST_COPY}?.project.lang === 'ar'"),
    )
    .await;
    // Cut the newest copy in half, as a crash during the write would.
    s.eval(
        "(() => { const keys = ['a','b'].map(s => 'nimrokh.project.1.' + s); \
          const rev = k => { try { return JSON.parse(localStorage.getItem(k)).revision; } catch (e) { return -1; } }; \
          const newest = rev(keys[0]) > rev(keys[1]) ? keys[0] : keys[1]; const t = localStorage.getItem(newest); \
          localStorage.setItem(newest, t.slice(0, t.length >> 1)); return true; })()",
    )
    .await;
    s.reload().await;
    // The save before it (Persian) is open, and the user is told when it is from.
    s.wait_until("Persian again", "document.documentElement.lang === 'fa'")
        .await;
    let notice = s.text_of("the fall-back notice", ".notice").await;
    assert!(notice.contains("خوانده نشد"), "{notice}");
    assert!(
        s.eval("localStorage.getItem('nimrokh.project.1.unreadable') !== null")
            .await
            .as_bool()
            .unwrap(),
        "the damaged copy is kept aside"
    );
    s.close().await;
}

#[tokio::test]
async fn every_older_format_opens_and_a_newer_one_is_not_written_over() {
    let s = Session::open().await;
    for (sample, lang) in [
        ("project_v1.json", "ar"),
        ("project_v2.json", "fa"),
        ("project_v3.json", "fa"),
    ] {
        let text = std::fs::read_to_string(fixture(&format!("saved/{sample}"))).unwrap();
        s.eval(&format!(
            "(localStorage.clear(), localStorage.setItem('nimrokh.project', {}), true)",
            serde_json::json!(text.trim_end())
        ))
        .await;
        s.reload().await;
        s.wait_until(
            sample,
            &format!("document.documentElement.lang === '{lang}'"),
        )
        .await;
        assert!(
            s.eval("localStorage.getItem('nimrokh.project') === null && localStorage.getItem('nimrokh.projects') !== null")
                .await
                .as_bool()
                .unwrap(),
            "{sample} moved into the projects"
        );
        let notice = s.text_of("the missing-file notice", ".notice").await;
        assert!(notice.contains(".csv"), "{sample}: {notice}");
    }
    // A save from a newer build: shown, said, and never written over.
    let newer = r#"{"format":1,"revision":4,"saved_ms":1,"tab":"t","project":{"format_version":99,"lang":"fa","file":null,"chart_column":null,"hologram":true}}"#;
    s.eval(&format!(
        "(localStorage.clear(), localStorage.setItem('nimrokh.project.1.a', {}), true)",
        serde_json::json!(newer)
    ))
    .await;
    s.reload().await;
    s.wait_until(
        "the newer save's language",
        "document.documentElement.lang === 'fa'",
    )
    .await;
    let notice = s.text_of("the newer-format notice", ".notice").await;
    assert!(notice.contains("۹۹"), "{notice}");
    set_language(&s, "en").await;
    assert_eq!(
        s.eval("localStorage.getItem('nimrokh.project.1.a')").await,
        newer
    );
    assert!(s
        .eval("localStorage.getItem('nimrokh.project.1.b')")
        .await
        .is_null());
    s.close().await;
}

#[tokio::test]
async fn a_full_local_storage_is_said_and_loses_nothing() {
    let s = Session::open().await;
    set_language(&s, "fa").await;
    // Fill what is left of localStorage.
    s.eval(
        "(() => { let chunk = 'x'.repeat(1 << 20), i = 0; \
          while (chunk.length > 8) { try { localStorage.setItem('filler.' + i++, chunk); } catch (e) { chunk = chunk.slice(chunk.length >> 1); } } return i; })()",
    )
    .await;
    set_language(&s, "en").await;
    let notice = s.text_of("the save-failed notice", ".notice").await;
    assert!(notice.contains("could not be saved"), "{notice}");
    assert!(notice.contains("Quota"), "the browser's reason: {notice}");
    // What was saved before is still there.
    s.reload().await;
    s.wait_until(
        "the last good save",
        "document.documentElement.lang === 'fa'",
    )
    .await;
    // Room again: the next change saves.
    s.eval("(Object.keys(localStorage).filter(k => k.startsWith('filler.')).forEach(k => localStorage.removeItem(k)), true)")
        .await;
    set_language(&s, "ar").await;
    s.wait_until(
        "the Arabic save",
        &format!("{NEWEST_COPY}?.project.lang === 'ar'"),
    )
    .await;
    assert_eq!(s.notice_count().await, 0);
    s.close().await;
}

#[tokio::test]
async fn two_tabs_do_not_overwrite_each_other_blindly() {
    let s = Session::open().await;
    set_language(&s, "fa").await;
    let first: WindowHandle = s.client.window().await.unwrap();
    let second = s.client.new_window(true).await.unwrap().handle;
    s.client.switch_to_window(second.clone()).await.unwrap();
    s.goto("/").await;
    s.wait_until(
        "the saved language in the second tab",
        "document.documentElement.lang === 'fa'",
    )
    .await;
    set_language(&s, "ar").await;
    s.wait_until(
        "the second tab's save",
        &format!("{NEWEST_COPY}?.project.lang === 'ar'"),
    )
    .await;

    // The first tab is told at once, and its next change does not write.
    s.client.switch_to_window(first).await.unwrap();
    let notice = s.text_of("the other-tab notice", ".notice").await;
    assert!(notice.contains("زبانهٔ دیگری"), "{notice}");
    set_language(&s, "en").await;
    assert_eq!(s.eval(&format!("{NEWEST_COPY}.project.lang")).await, "ar");
    // The user keeps this tab's version on purpose.
    s.by_text("button", "Keep this tab’s version")
        .await
        .click()
        .await
        .unwrap();
    s.wait_until(
        "this tab's save",
        &format!("{NEWEST_COPY}?.project.lang === 'en'"),
    )
    .await;
    assert_eq!(s.notice_count().await, 0);
    s.close().await;
}

#[tokio::test]
async fn without_indexeddb_the_file_stays_open_and_the_user_is_told() {
    let s = Session::open().await;
    // As in a browser mode without IndexedDB.
    s.eval("(Object.defineProperty(window, 'indexedDB', { get() { return undefined; } }), true)")
        .await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    let notice = s.text_of("the not-kept notice", ".notice").await;
    assert!(notice.contains("online_retail_500.csv"), "{notice}");
    assert!(notice.contains("Your settings are saved"), "{notice}");
    assert!(
        s.eval(&format!(
            "{NEWEST_COPY}?.project.file?.name === 'online_retail_500.csv'"
        ))
        .await
        .as_bool()
        .unwrap(),
        "the settings were saved all the same"
    );
    s.close().await;
}

#[tokio::test]
async fn an_indexeddb_refusing_the_file_keeps_it_open_and_says_so() {
    let s = Session::open().await;
    // As when the site's quota is used up: every write to IndexedDB is
    // refused with the browser's QuotaExceededError. (Chromium's DevTools
    // quota override did not limit IndexedDB here, so the refusal is made
    // in the page.)
    s.eval(
        "(IDBObjectStore.prototype.put = function () { \
           throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }, true)",
    )
    .await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    let notice = s.text_of("the not-kept notice", ".notice").await;
    assert!(notice.contains("online_retail_500.csv"), "{notice}");
    assert!(
        notice.contains("QuotaExceededError"),
        "the browser's reason: {notice}"
    );
    // The settings are saved all the same, and a reload asks for the file.
    s.reload().await;
    let notice = s.text_of("the missing-file notice", ".notice").await;
    assert!(notice.contains("Choose it again"), "{notice}");
    s.close().await;
}

#[tokio::test]
async fn with_local_storage_switched_off_the_page_works_and_says_nothing_is_saved() {
    let s = Session::open().await;
    // As in a private mode that refuses storage: reading localStorage
    // throws, from the very start of the page.
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });" }),
    )
    .await;
    s.reload().await;
    // The app starts, reads a file, and says its settings cannot be kept.
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    let notice = s.text_of("the save-failed notice", ".notice").await;
    assert!(notice.contains("could not be saved"), "{notice}");
    assert!(notice.contains("localStorage is not available"), "{notice}");
    s.close().await;
}
