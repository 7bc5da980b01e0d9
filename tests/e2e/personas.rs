//! Personas on a real file in the page: mall_customers.csv segmented by
//! annual income and spending score (the five groups of 81, 39, 35, 23
//! and 22 customers; see tests/e2e/segments.rs and tests/kmeans_oracle.rs),
//! one persona card per segment whose description counts the segment's
//! customers, one persona renamed and given goals, the edit still there
//! after a reload, the card saved as a PNG, every persona saved as an HTML
//! report that opens from disk with no network request, and the cards in
//! Persian right to left with Persian digits.

use crate::support::{artifacts_dir, find_mall_segments, real_file, Session, SEGMENT_SIZES};

/// Each card's description's first sentence's count, in gallery order.
const CARD_COUNTS: &str =
    "(() => { const c = [...document.querySelectorAll('.persona-card .persona-description')]; \
    return c.length === 5 && c.map(p => p.textContent.split(' ')[0]); })()";

/// Set the first card's editor field labelled `label` and fire `change`.
fn set_field(label: &str, value: &str) -> String {
    format!(
        "(() => {{ const f = [...document.querySelectorAll('.persona-card')][0].querySelectorAll('.persona-field'); \
          const l = [...f].find(l => l.querySelector('span').textContent === {label:?}); if (!l) return false; \
          const i = l.querySelector('input, textarea'); i.value = {value:?}; i.dispatchEvent(new Event('change')); return true; }})()"
    )
}

async fn segment_and_generate(s: &Session, path: &std::path::Path, first_time: bool) {
    s.choose_file("Choose a file", path).await;
    if first_time {
        find_mall_segments(s).await;
    }
    let sizes = s.wait_until("the segments", SEGMENT_SIZES).await;
    assert_eq!(sizes, serde_json::json!(["81", "39", "35", "23", "22"]));
    s.by_text("button", "Generate personas")
        .await
        .click()
        .await
        .expect("generate personas");
    // Sorted by size: the description counts are the segment sizes.
    let counts = s.wait_until("the persona cards", CARD_COUNTS).await;
    assert_eq!(counts, sizes);
}

#[tokio::test]
async fn personas_from_mall_customers_edited_kept_exported_and_in_persian() {
    let Some(path) = real_file("mall_customers.csv") else {
        return;
    };
    let s = Session::open().await;
    segment_and_generate(&s, &path, true).await;
    let first = s
        .text_of(
            "the first description",
            ".persona-card .persona-description",
        )
        .await;
    assert!(
        first.starts_with("81 customers, ") && first.contains("% of all customers."),
        "{first}"
    );
    let avatars = s
        .eval("[...document.querySelectorAll('.persona-card img.persona-avatar')].filter(i => i.src.startsWith('data:image/svg+xml') && i.complete && i.naturalWidth > 0).length")
        .await;
    assert_eq!(avatars, 5);
    let segment = s
        .eval("document.querySelector('.persona-card').dataset.segment")
        .await;
    let segment = segment.as_str().unwrap_or("1").to_string();

    // Edit the largest persona: a name and goals.
    s.eval("[...document.querySelectorAll('.persona-card')][0].querySelector('.persona-actions button').click()")
        .await;
    s.wait_until(
        "the editor",
        "document.querySelector('.persona-editor') !== null",
    )
    .await;
    assert_eq!(s.eval(&set_field("Persona name", "Steady Sam")).await, true);
    assert_eq!(
        s.eval(&set_field("Goals", "Good value without fuss")).await,
        true
    );
    s.wait_until(
        "the new name on the card",
        "(() => { const c = document.querySelector('.persona-card'); return c.querySelector('.persona-name').textContent === 'Steady Sam' && c.textContent.includes('Good value without fuss'); })()",
    )
    .await;
    s.screenshot("personas").await;

    // Reload: the file chosen again, the segmentation made again, the
    // personas generated again, the edit still there.
    s.reload().await;
    segment_and_generate(&s, &path, false).await;
    let card = s
        .wait_until(
            "the edit after the reload",
            "(() => { const c = document.querySelector('.persona-card'); return c && c.querySelector('.persona-name').textContent === 'Steady Sam' && c.textContent.includes('Good value without fuss') && c.dataset.segment; })()",
        )
        .await;
    assert_eq!(card, serde_json::json!(segment));

    // The card as a PNG.
    s.eval("[...document.querySelectorAll('.persona-card')][0].querySelectorAll('.persona-actions button')[1].click()")
        .await;
    let png = s
        .downloaded(&format!(
            "mall_customers-persona-{}.png",
            segment.parse::<usize>().unwrap_or(0) + 1
        ))
        .await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png.len() > 10_000, "a PNG of {} bytes", png.len());
    let _ = std::fs::write(artifacts_dir().join("persona_card.png"), &png);

    // Every persona as one HTML report.
    s.by_text("button", "Save all as an HTML report")
        .await
        .click()
        .await
        .expect("report");
    let html =
        String::from_utf8(s.downloaded("mall_customers-personas.html").await).expect("utf-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert_eq!(html.matches("<article class=\"persona\">").count(), 5);
    assert!(html.contains("Steady Sam") && html.contains("Good value without fuss"));
    // (The SVG avatars name their namespace, http://www.w3.org/2000/svg,
    // inside their data: URLs: a name, not a request.)
    assert!(!html.contains("src=\"http") && !html.contains("<link") && !html.contains("<script"));
    let report = artifacts_dir().join("personas_report.html");
    std::fs::write(&report, &html).expect("save the report");

    // Persian: right to left, Persian digits.
    s.select("Language", "fa").await;
    let persian = s
        .wait_until(
            "the cards in Persian",
            "(() => { const c = document.querySelector('.persona-card'); return c && c.getAttribute('dir') === 'rtl' && getComputedStyle(c).direction === 'rtl' && c.querySelector('.persona-description').textContent; })()",
        )
        .await;
    let persian = persian.as_str().unwrap_or_default().to_string();
    assert!(persian.starts_with("۸۱"), "{persian}");
    assert!(!persian.chars().any(|c| c.is_ascii_digit()), "{persian}");
    s.screenshot("personas_fa").await;

    // The report opens from disk, shows every persona and fetches nothing.
    let before = s.server.requests();
    s.client
        .goto(&format!("file://{}", report.display()))
        .await
        .expect("open the report");
    let shown = s
        .wait_until(
            "the report",
            "(() => { const a = document.querySelectorAll('article.persona'); return a.length === 5 && [...a].every(x => x.querySelector('img').complete && x.querySelector('img').naturalWidth > 0) && [...a].map(x => x.querySelector('h2').textContent); })()",
        )
        .await;
    assert_eq!(shown.as_array().map(Vec::len), Some(5));
    assert_eq!(shown[0], "Steady Sam");
    let fetched = s
        .eval("performance.getEntriesByType('resource').length")
        .await;
    assert_eq!(fetched, 0);
    assert_eq!(
        s.server.requests(),
        before,
        "the report asked the app's server"
    );
    s.screenshot("personas_report").await;
    s.close().await;
}
