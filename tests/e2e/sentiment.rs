//! Comments in the dashboard: a review column gets a sentiment card with
//! the shares, how they were measured, and quotes in the customers' own
//! words, shown as text.

use crate::support::{Session, TempFile};

/// Ten comments a person labels at a glance: five positive (English,
/// Persian, Arabic), two neutral, three negative (one with markup).
const REVIEWS: &str = "id,review\n\
    1,I love this dress and the quality is excellent.\n\
    2,\"Great service, fast delivery, very happy with it.\"\n\
    3,خیلی عالی بود و از خریدم راضی هستم\n\
    4,المنتج ممتاز وجميل جدا\n\
    5,Beautiful colour and a perfect fit.\n\
    6,The parcel arrived on Tuesday afternoon.\n\
    7,I ordered the blue one in size M.\n\
    8,Terrible fabric: it tore after one wash.\n\
    9,\"Awful customer service, I am very disappointed.\"\n\
    10,<img src=x onerror=alert(1)> horrible and ugly\n";

#[tokio::test]
async fn a_review_column_gets_its_sentiment_and_quotes() {
    let file = TempFile::new("reviews.csv", REVIEWS);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;
    let figure = s.text_of("the sentiment figure", ".sentiment-figure").await;
    assert!(
        figure.starts_with("10 comments: 50% positive, 20% neutral, 30% negative"),
        "{figure}"
    );
    let method = s
        .eval("document.querySelector('.sentiment-figure').parentElement.querySelector('.hint').textContent")
        .await;
    assert!(
        method
            .as_str()
            .unwrap_or_default()
            .contains("83% of held-out Persian"),
        "{method}"
    );
    let negative = s
        .eval("(() => { const h = [...document.querySelectorAll('h5')].find(h => h.textContent === 'Most negative'); return [...h.nextElementSibling.querySelectorAll('blockquote')].map(b => b.textContent); })()")
        .await;
    let negative: Vec<String> = serde_json::from_value(negative).expect("quotes");
    assert_eq!(negative.len(), 3, "{negative:?}");
    assert!(negative.contains(&"<img src=x onerror=alert(1)> horrible and ugly".to_string()));
    // The markup is shown, not run.
    assert_eq!(
        s.eval("document.querySelectorAll('.quotes img').length")
            .await,
        0
    );
    let inked = s
        .wait_for_ink(
            "the sentiment bars drawn",
            "document.querySelector('.sentiment-figure').parentElement.querySelector('canvas')",
            100,
        )
        .await;
    assert!(inked > 100);
    s.close().await;
}
