//! Privacy by construction: a whole session loads nothing from any other
//! origin, and the page cannot send anything to one.

use crate::support::{fixture, Session, StaticServer, TempFile, PREVIEW_ROW1_COLUMN2};

#[tokio::test]
async fn a_session_touches_only_its_own_origin_and_cannot_reach_another() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    s.select("Column to chart", "UnitPrice").await;
    s.select("Language", "ar").await;
    s.wait_until("Arabic", "document.documentElement.lang === 'ar'")
        .await;

    let origin = s.origin();
    let foreign = s
        .eval(
            "performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')) \
             .map(e => e.name).filter(n => new URL(n).origin !== location.origin)",
        )
        .await;
    assert_eq!(
        foreign,
        serde_json::json!([]),
        "requests to other origins from {origin}"
    );
    let loaded = s
        .eval("performance.getEntriesByType('resource').length")
        .await;
    assert!(
        loaded.as_u64().unwrap_or(0) >= 3,
        "the app's own files: {loaded}"
    );

    // Another origin that really listens: the CSP must stop the request
    // before it leaves, so that server never sees it.
    let other = StaticServer::start(s.server.root());
    let script = format!(
        "(async () => {{ \
           const violations = []; \
           document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective)); \
           let outcome; \
           try {{ await fetch('{}/index.html'); outcome = 'fetched'; }} catch (e) {{ outcome = 'refused'; }} \
           await new Promise(r => setTimeout(r, 100)); \
           return outcome + ':' + violations.join(','); }})()",
        other.origin()
    );
    let outcome = s.eval(&script).await;
    assert_eq!(outcome, "refused:connect-src");
    assert_eq!(other.requests(), 0, "the other origin received a request");

    // A cell holding markup is shown as text, never parsed as HTML.
    let injected = s
        .eval("document.querySelectorAll('main img, main script').length")
        .await;
    assert_eq!(injected, 0);
    s.close().await;
}

#[tokio::test]
async fn markup_in_a_file_is_shown_as_text_and_never_runs() {
    let s = Session::open().await;
    let payload = "<img src=x onerror=\"document.title='owned'\">";
    let hostile = TempFile::new(
        "hostile.csv",
        format!(
            "name,note\nAli,\"{}\"\nSara,<script>document.title='owned'</script>\n",
            payload.replace('"', "\"\"")
        ),
    );
    s.choose_file("Choose a file", &hostile.path).await;
    assert_eq!(s.fact("Rows").await, "2");
    let shown = s.text_of("the hostile cell", PREVIEW_ROW1_COLUMN2).await;
    assert_eq!(shown, payload);
    let elements = s
        .eval("document.querySelectorAll('main img, main script').length")
        .await;
    assert_eq!(elements, 0);
    assert_eq!(s.eval("document.title").await, "Nimrokh");
    s.close().await;
}
