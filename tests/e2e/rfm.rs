//! RFM segments in the page: five customers scored and named as worked out
//! by hand below, the grid drawn, a rule edited, and the edit kept after a
//! reload.

use crate::support::{Session, TempFile};

/// As of 2024-03-11 (the day after the last purchase). Five customers, so
/// rank r of 5 scores r (qcut of ranks 1..5 into fifths):
///
/// | customer | days since last | orders | spent | R | F | M | FM = ⌈(F+M)/2⌉ | segment |
/// |---|---|---|---|---|---|---|---|---|
/// | A | 1  | 5 | 500 | 5 | 5 | 5 | 5 | Champions (R 5, FM 4–5) |
/// | B | 20 | 4 | 400 | 3 | 4 | 4 | 4 | Loyal (R 3–4, FM 4–5) |
/// | C | 3  | 3 | 30  | 4 | 3 | 2 | 3 | Potential loyalists (R 4–5, FM 2–3) |
/// | D | 40 | 2 | 300 | 2 | 2 | 3 | 3 | At risk (R 1–2, FM 3–4) |
/// | E | 60 | 1 | 10  | 1 | 1 | 1 | 1 | Lost (R 1, FM 1–2) |
const LOG: &str = "invoice,customer,date,amount\n\
    1,A,2024-03-06,100\n\
    2,A,2024-03-07,100\n\
    3,A,2024-03-08,100\n\
    4,A,2024-03-09,100\n\
    5,A,2024-03-10,100\n\
    6,B,2024-02-17,100\n\
    7,B,2024-02-18,100\n\
    8,B,2024-02-19,100\n\
    9,B,2024-02-20,100\n\
    10,C,2024-03-06,10\n\
    11,C,2024-03-07,10\n\
    12,C,2024-03-08,10\n\
    13,D,2024-01-30,150\n\
    14,D,2024-01-31,150\n\
    15,E,2024-01-11,10\n";

/// (segment key, customers) per row of the segments table, once Champions
/// has `champions` customers.
async fn segment_counts(s: &Session, champions: &str) -> serde_json::Value {
    s.wait_until(
        &format!("{champions} champions in the RFM table"),
        &format!(
            "(() => {{ const rows = [...document.querySelectorAll('.rfm-segments tbody tr')].map(tr => [tr.dataset.segment, tr.children[1].textContent.trim()]); const c = rows.find(r => r[0] === 'champions'); return c && c[1] === '{champions}' && rows; }})()"
        ),
    )
    .await
}

fn count(rows: &serde_json::Value, segment: &str) -> String {
    rows.as_array()
        .expect("rows")
        .iter()
        .find(|r| r[0] == segment)
        .and_then(|r| r[1].as_str())
        .unwrap_or_else(|| panic!("no {segment} row in {rows}"))
        .to_string()
}

const CHAMPIONS_R_FROM: &str =
    "document.querySelector('.rfm-rules tr[data-segment=champions] input')";

#[tokio::test]
async fn rfm_segments_are_named_drawn_and_their_rules_kept() {
    let file = TempFile::new("rfm_orders.csv", LOG);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;

    let rows = segment_counts(&s, "1").await;
    for (segment, n) in [
        ("champions", "1"),
        ("loyal", "1"),
        ("potential_loyalists", "1"),
        ("at_risk", "1"),
        ("lost", "1"),
        ("new", "0"),
        ("promising", "0"),
        ("need_attention", "0"),
        ("about_to_sleep", "0"),
        ("cant_lose_them", "0"),
        ("hibernating", "0"),
    ] {
        assert_eq!(count(&rows, segment), n, "{segment}");
    }
    // Champions' row: A spent 500 of 1,240 (40.3% of revenue).
    let champions = s
        .eval("[...document.querySelector('.rfm-segments tr[data-segment=champions]').children].map(c => c.textContent.trim())")
        .await;
    assert_eq!(
        champions,
        serde_json::json!([
            "Champions",
            "1",
            "20.0%",
            "1.0",
            "5.00",
            "500.00",
            "500.00",
            "40.3%"
        ])
    );
    // Thresholds: score 5 of recency is 1 day, of money 500.
    let top = s
        .eval("[...document.querySelector('.rfm-thresholds tbody tr').children].map(c => c.textContent.trim())")
        .await;
    assert_eq!(top, serde_json::json!(["5", "1", "5", "500.00"]));
    let label = s
        .eval("document.querySelector('.rfm canvas').getAttribute('aria-label')")
        .await;
    assert!(
        label
            .as_str()
            .unwrap_or_default()
            .starts_with("RFM grid of 5 customers"),
        "{label}"
    );
    let inked = s
        .wait_for_ink(
            "the RFM grid drawn",
            "document.querySelector('.rfm canvas')",
            1000,
        )
        .await;
    assert!(inked > 1000);

    // Champions from R 3: B (R 3, FM 4) is a Champion now, Loyal empty.
    s.eval(&format!(
        "(() => {{ const i = {CHAMPIONS_R_FROM}; i.value = '3'; i.dispatchEvent(new Event('change')); return true; }})()"
    ))
    .await;
    let rows = segment_counts(&s, "2").await;
    assert_eq!(count(&rows, "loyal"), "0");
    s.eval("(() => { document.querySelector('.rfm canvas').scrollIntoView(); return true; })()")
        .await;
    s.screenshot("rfm_segments").await;

    s.reload().await;
    s.choose_file("Choose a file", &file.path).await;
    let rows = segment_counts(&s, "2").await;
    assert_eq!(count(&rows, "loyal"), "0");
    assert_eq!(s.eval(&format!("{CHAMPIONS_R_FROM}.value")).await, "3");

    // Back to the standard map.
    s.by_text("button", "Reset to standard")
        .await
        .click()
        .await
        .expect("reset");
    let rows = segment_counts(&s, "1").await;
    assert_eq!(count(&rows, "loyal"), "1");

    // The five RFM segments with a customer told as personas, each named
    // by its segment and counting its one customer.
    s.by_text("span", "The RFM segments of the customer base")
        .await
        .click()
        .await
        .expect("choose the RFM segments");
    s.by_text("button", "Generate personas")
        .await
        .click()
        .await
        .expect("generate personas");
    let cards = s
        .wait_until(
            "the RFM personas",
            "(() => { const c = [...document.querySelectorAll('.persona-card')]; return c.length === 5 && c.map(card => [card.querySelector('.persona-name').textContent.split(':')[0], card.querySelector('.persona-description').textContent.split(' ')[0]]); })()",
        )
        .await;
    let mut named: Vec<(String, String)> = cards
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| {
            (
                c[0].as_str().unwrap_or_default().to_string(),
                c[1].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    named.sort();
    let mut want: Vec<(String, String)> = [
        "At risk",
        "Champions",
        "Loyal",
        "Lost",
        "Potential loyalists",
    ]
    .iter()
    .map(|n| (n.to_string(), "1".to_string()))
    .collect();
    want.sort();
    assert_eq!(named, want);
    s.close().await;
}
