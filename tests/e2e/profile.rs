//! The profile screens on a real file: associations in words and drawn.

use std::path::PathBuf;

use crate::support::Session;

#[tokio::test]
async fn mall_customers_show_how_columns_go_together() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/real/mall_customers.csv");
    let Ok(path) = path.canonicalize() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let s = Session::open().await;
    s.choose_file("Choose a file", &path).await;
    assert_eq!(s.fact("Rows").await, "200");
    let text = s
        .wait_until(
            "the associations in words",
            "document.querySelector('section.associations .findings')?.textContent",
        )
        .await;
    let text = text.as_str().unwrap_or_default();
    // pandas: r = -0.327, Spearman -0.345 (tests/fixtures/associations_oracle.json).
    assert!(
        text.contains("age and spending_score: a moderate negative relation — one falls as the other rises (r = -0.33, Spearman ρ = -0.34)."),
        "{text}"
    );
    let inked = s
        .wait_until(
            "heatmap squares drawn",
            "(() => { const c = document.querySelector('canvas.heatmap-canvas'); if (!c || !c.width) return 0; \
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; \
              for (let i = 0; i < d.length; i += 4) { if (d[i] === 13 && d[i+1] === 110 && d[i+2] === 110) n++; } \
              return n; })()",
        )
        .await;
    assert!(inked.as_u64().unwrap_or(0) > 100, "{inked}");
    s.close().await;
}
