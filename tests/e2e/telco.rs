//! The profile issue's end-to-end check on a real file: telco customers
//! dropped into the page, the dashboard's sections and charts drawn (a
//! screenshot is kept in target/e2e-artifacts), a fix accepted, and the fix
//! still applied after a reload.

use crate::support::{real_file, Session};

const PADDED: &str = "TotalCharges: 11 cells have spaces around their value or are only spaces.";

/// Whether the quality findings list `text`, once the report is in.
fn finding_listed(text: &str) -> String {
    format!(
        "(() => {{ const f = document.querySelector('section.quality .findings'); \
          return f ? f.textContent.includes({text:?}) : null; }})()"
    )
}

#[tokio::test]
async fn telco_dashboard_fix_and_reload() {
    let Some(path) = real_file("telco_customer_churn.csv") else {
        return;
    };
    let s = Session::open().await;
    s.choose_file("Choose a file", &path).await;
    assert_eq!(s.fact("Rows").await, "7,043");

    // The dashboard: sections by role group, each chart drawn on canvas.
    let groups = s
        .wait_until(
            "the dashboard sections",
            "(() => { const h = [...document.querySelectorAll('section.profile-group h3')].map(h => h.textContent); return h.length > 0 && h; })()",
        )
        .await;
    assert_eq!(
        groups,
        serde_json::json!(["Demographic", "Behavioural", "Technographic"])
    );
    let drawn = s
        .wait_until(
            "every dashboard chart inked",
            "(() => { const cs = [...document.querySelectorAll('section.profile canvas')]; \
              const inked = cs.filter(c => { if (!c.width) return false; \
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
                for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true; return false; }); \
              return cs.length >= 5 && inked.length === cs.length && inked.length; })()",
        )
        .await;
    assert!(drawn.as_u64().unwrap_or(0) >= 5, "{drawn}");
    let captions = s
        .eval(
            "[...document.querySelectorAll('section.profile figcaption')].map(f => f.textContent)",
        )
        .await;
    let captions = captions.to_string();
    // pandas: value_counts(normalize=True) Male 0.505, Female 0.495.
    assert!(
        captions.contains("gender: 2 different values; most common Male 50%, Female 50%."),
        "{captions}"
    );
    assert!(captions.contains("Histogram of tenure"), "{captions}");
    s.eval("(document.querySelector('section.profile').scrollIntoView(), true)")
        .await;
    s.screenshot("telco-dashboard").await;

    // The 11 blank TotalCharges are single spaces: a fix trims them.
    s.wait_until("the padded cells found", &finding_listed(PADDED))
        .await;
    s.by_text("button", "Trim the spaces")
        .await
        .click()
        .await
        .expect("click");
    s.wait_until(
        "the trim listed as applied",
        "[...document.querySelectorAll('.applied-fixes li')].some(li => li.textContent.startsWith('TotalCharges: removed spaces around values.'))",
    )
    .await;
    s.wait_until(
        "the finding gone once fixed",
        &format!("{} === false", finding_listed(PADDED)),
    )
    .await;

    // After a reload the same file opens with the fix still applied.
    s.reload().await;
    s.choose_file("Choose a file", &path).await;
    s.wait_until(
        "the fix restored",
        "[...document.querySelectorAll('.applied-fixes li')].some(li => li.textContent.startsWith('TotalCharges: removed spaces around values.'))",
    )
    .await;
    s.wait_until(
        "no padded cells after the reload",
        &format!("{} === false", finding_listed(PADDED)),
    )
    .await;
    s.close().await;
}
