//! The profile screens on a real file: associations in words and drawn.

use crate::support::{real_file, Session, TempFile};

#[tokio::test]
async fn mall_customers_show_how_columns_go_together() {
    let Some(path) = real_file("mall_customers.csv") else {
        return;
    };
    let s = Session::open().await;
    s.choose_file("Choose a file", &path).await;
    assert_eq!(s.fact("Rows").await, "200");
    // 112 of 200 are Female (pandas value_counts); the modal 10-year age band
    // of the 8-bin histogram is 30–40.
    let headline = s
        .wait_until(
            "the headline",
            "(() => { const t = document.querySelector('section.profile .headline')?.textContent; return t && t.includes('%') && t; })()",
        )
        .await;
    assert_eq!(headline, "Most customers are 30–40; 56% are Female.");
    let groups = s
        .eval("[...document.querySelectorAll('section.profile-group h3')].map(h => h.textContent)")
        .await;
    assert_eq!(groups, serde_json::json!(["Demographic", "Feedback"]));
    let bars = s
        .wait_until(
            "the gender bars described",
            "[...document.querySelectorAll('section.profile figcaption')].map(f => f.textContent).find(t => t.startsWith('gender:'))",
        )
        .await;
    assert_eq!(
        bars,
        "gender: 2 different values; most common Female 56%, Male 44%."
    );
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

#[tokio::test]
async fn nps_dates_and_places_get_their_own_charts() {
    let mut text = String::from("customer_id,city,signup_date,nps\n");
    let cities = ["Tehran", "Tehran", "Shiraz", "Tabriz"];
    for i in 0..40 {
        // NPS 10 for i % 4 == 0, 8 for 1, 3 for 2 and 3: 10 promoters,
        // 10 passives, 20 detractors → NPS = 25% − 50% = −25.
        let nps = [10, 8, 3, 3][i % 4];
        text.push_str(&format!(
            "C{i},{},2024-{:02}-15,{nps}\n",
            cities[i % 4],
            1 + i % 6
        ));
    }
    let file = TempFile::new("survey.csv", text);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;
    let figure = s
        .text_of("the NPS figure", "section.profile .nps-figure")
        .await;
    assert_eq!(figure, "NPS -25: 10 promoters, 10 passives, 20 detractors.");
    let captions = s
        .wait_until(
            "the timeline described",
            "(() => { const all = [...document.querySelectorAll('section.profile figcaption')].map(f => f.textContent); return all.some(t => t.startsWith('signup_date')) && all; })()",
        )
        .await;
    let captions: Vec<String> = serde_json::from_value(captions).unwrap_or_default();
    assert!(
        captions.contains(&"signup_date per month: 6 months, 2024-01 to 2024-06.".to_string()),
        "{captions:?}"
    );
    assert!(
        captions.contains(
            &"city: 3 different values; most common Tehran 50%, Shiraz 25%, Tabriz 25%."
                .to_string()
        ),
        "{captions:?}"
    );
    let headline = s.text_of("the headline", "section.profile .headline").await;
    assert_eq!(headline, "Most are in Tehran and Shiraz; the NPS is -25.");

    // A click on the first city bar (Tehran) narrows everything to Tehran:
    // its rows have NPS 10 and 8 only → 10 promoters, 10 passives → 50.
    s.eval(
        "(() => { const c = [...document.querySelectorAll('section.profile canvas.bars-canvas')][0]; \
           const r = c.getBoundingClientRect(); \
           c.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + 10 })); \
           return true; })()",
    )
    .await;
    let banner = s.text_of("the filter banner", ".filter-banner").await;
    assert_eq!(
        banner,
        "Showing only city = “Tehran”: 20 of 40 rows. Show everyone"
    );
    s.wait_until(
        "the NPS of Tehran",
        "document.querySelector('section.profile .nps-figure')?.textContent === 'NPS 50: 10 promoters, 10 passives, 0 detractors.'",
    )
    .await;
    s.by_text("button", "Show everyone")
        .await
        .click()
        .await
        .expect("clear");
    s.wait_until(
        "the NPS of everyone",
        "document.querySelector('section.profile .nps-figure')?.textContent === 'NPS -25: 10 promoters, 10 passives, 20 detractors.'",
    )
    .await;
    s.close().await;
}
