//! Segmenting mall_customers.csv in the page the way a person does: the
//! two features of the well-known five groups (annual income and spending
//! score, no log) ticked, then "Find segments". Shared by the tests that
//! need those segments (segmentation itself, personas).

use super::Session;

/// Tick (or untick) the feature checkbox of `column`.
fn tick(column: &str, on: bool) -> String {
    format!(
        "(() => {{ const l = [...document.querySelectorAll('.segment-features label')].find(l => l.textContent.trim() === {column:?}); \
          if (!l) return false; const i = l.querySelector('input'); if (i.checked !== {on}) i.click(); return i.checked === {on}; }})()"
    )
}

/// The segment list's sizes, once there are any.
pub const SEGMENT_SIZES: &str = "(() => { const r = [...document.querySelectorAll('.segment-list tbody tr')].map(tr => tr.children[1].textContent); return r.length && r; })()";

/// With mall_customers.csv open: segment by income and spending score.
pub async fn find_mall_segments(s: &Session) {
    // Suggested from the roles: gender, age, income (logged), score.
    s.wait_until("the suggested features", &tick("age", true))
        .await;
    for (column, on) in [
        ("gender", false),
        ("age", false),
        ("annual_income_thousands", true),
        ("spending_score", true),
    ] {
        assert_eq!(s.eval(&tick(column, on)).await, true, "{column}");
    }
    s.eval(
        "(() => { const i = document.querySelector('input[aria-label=\"Take the log of annual_income_thousands\"]'); if (i.checked) i.click(); return !i.checked; })()",
    )
    .await;
    s.by_text("button", "Find segments")
        .await
        .click()
        .await
        .expect("find segments");
}

/// Open mall_customers.csv (at `path`) and segment it as above; the
/// segment list's sizes.
pub async fn open_mall_segments(s: &Session, path: &std::path::Path) -> serde_json::Value {
    s.choose_file("Choose a file", path).await;
    assert_eq!(s.fact("Rows").await, "200");
    find_mall_segments(s).await;
    s.wait_until("the segments", SEGMENT_SIZES).await
}
