//! Segmentation on a real file in the page: mall_customers.csv segmented
//! by annual income and spending score with automatic k (2–10), the k
//! chart and the segment map drawn, what sets the segments apart in
//! words, a segment named, the name still there after a reload (the
//! segmentation is made again from its saved settings and seed), and the
//! export carrying it.
//!
//! The oracle for the numbers is tests/kmeans_oracle.rs (scikit-learn):
//! on these two features its silhouette is highest at k = 5, the
//! well-known five groups of 81, 39, 35, 23 and 22 customers.

use crate::support::{find_mall_segments, real_file, Session, SEGMENT_SIZES};

#[tokio::test]
async fn auto_k_on_mall_customers_named_and_kept_after_reload() {
    let Some(path) = real_file("mall_customers.csv") else {
        return;
    };
    let s = Session::open().await;
    s.choose_file("Choose a file", &path).await;

    find_mall_segments(&s).await;

    let sizes = s.wait_until("the segments", SEGMENT_SIZES).await;
    assert_eq!(sizes, serde_json::json!(["81", "39", "35", "23", "22"]));
    let facts = s.text_of("the facts", ".segment-facts").await;
    assert!(
        facts.starts_with("200 customers in 5 segments")
            && facts.contains("5 segments is the suggestion")
            && facts.contains("Every customer took part in the fit"),
        "{facts}"
    );
    // Every k of the range scored, the suggestion in use.
    let ks = s
        .eval("[...document.querySelectorAll('.k-scores tbody th')].map(th => th.textContent)")
        .await;
    assert_eq!(
        ks,
        serde_json::json!(["2", "3", "4", "5", "6", "7", "8", "9", "10"])
    );
    s.wait_for_ink(
        "the k chart drawn",
        "document.querySelector('canvas.k-chart')",
        500,
    )
    .await;
    s.wait_for_ink(
        "the segment map drawn",
        "document.querySelector('canvas.segment-map')",
        500,
    )
    .await;
    let map = s
        .eval("document.querySelector('canvas.segment-map').getAttribute('aria-label')")
        .await;
    assert!(
        map.as_str()
            .unwrap_or_default()
            .starts_with("Segment map: 200 of 200 customers"),
        "{map}"
    );
    let stability = s.text_of("stability", ".segment-stability").await;
    assert!(
        stability.starts_with("Stability of the 5 segments"),
        "{stability}"
    );

    // What sets them apart: one card per segment, each with sentences.
    let cards = s
        .wait_until(
            "the segment cards",
            "(() => { const c = [...document.querySelectorAll('.segment-card')]; return c.length === 5 && c.every(a => a.querySelectorAll('li').length > 0) && c.length; })()",
        )
        .await;
    assert_eq!(cards, 5);
    let comparison = s
        .wait_until(
            "two segments compared",
            "(() => { const p = document.querySelector('.segment-comparison'); return p && p.textContent; })()",
        )
        .await;
    assert!(
        comparison
            .as_str()
            .unwrap_or_default()
            .starts_with("Segment 1 against Segment 2:"),
        "{comparison}"
    );
    s.wait_until(
        "the ideal customer profile",
        "(() => { const p = document.querySelector('.ideal-customers p'); return p && p.textContent; })()",
    )
    .await;

    // Name the largest segment and the segmentation.
    s.eval(
        "(() => { const i = document.querySelector('input[aria-label=\"Name of segment 1\"]'); i.value = 'Middle of the road'; i.dispatchEvent(new Event('change')); return true; })()",
    )
    .await;
    s.wait_until(
        "the new name in the cards",
        "(() => { const h = document.querySelector('.segment-card h4'); return h && h.textContent === 'Middle of the road'; })()",
    )
    .await;
    s.eval("(() => { document.querySelector('canvas.k-chart').scrollIntoView(); return true; })()")
        .await;
    s.screenshot("segments").await;
    s.eval(
        "(() => { document.querySelector('canvas.segment-map').scrollIntoView(); return true; })()",
    )
    .await;
    s.screenshot("segment_map").await;

    s.reload().await;
    s.choose_file("Choose a file", &path).await;
    let sizes = s.wait_until("the segments again", SEGMENT_SIZES).await;
    assert_eq!(sizes, serde_json::json!(["81", "39", "35", "23", "22"]));
    let name = s
        .wait_until(
            "the segment's name after the reload",
            "(() => { const i = document.querySelector('input[aria-label=\"Name of segment 1\"]'); return i && i.value; })()",
        )
        .await;
    assert_eq!(name, "Middle of the road");
    let saved = s
        .eval(
            "[...document.querySelectorAll('.saved-segmentations .chip')].map(b => b.textContent)",
        )
        .await;
    assert_eq!(saved, serde_json::json!(["Segmentation 1"]));

    // Export: every customer with their segment's name.
    s.by_text("button", "Export each customer's segment (CSV)")
        .await
        .click()
        .await
        .expect("export");
    let csv = String::from_utf8(s.downloaded("mall_customers-segments.csv").await).expect("utf-8");
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("customer_id,gender,age,annual_income_thousands,spending_score,Segment")
    );
    assert_eq!(lines.len(), 201);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.ends_with(",Middle of the road"))
            .count(),
        81
    );
    s.close().await;
}
