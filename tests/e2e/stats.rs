//! A column's statistics open from its row: numbers for a numeric column,
//! lengths and scripts for text. Figures checked against pandas on the
//! same file (commands in the comments).

use crate::support::{fixture, Session};

/// The statistics of the column named `column`, opened as a person would.
async fn open_stats(s: &Session, column: &str) -> String {
    let script = format!(
        "(() => {{ const row = [...document.querySelectorAll('section.column-list tbody tr')]
            .find(r => r.querySelector('th').textContent === {column:?});
          const d = row.querySelector('details.column-stats');
          d.querySelector('summary').click();
          return d.open; }})()"
    );
    s.eval(&script).await;
    let ready = format!(
        "(() => {{ const row = [...document.querySelectorAll('section.column-list tbody tr')]
            .find(r => r.querySelector('th').textContent === {column:?});
          const dl = row.querySelector('details.column-stats dl');
          return dl ? dl.innerText : false; }})()"
    );
    let text = s
        .wait_until(&format!("the statistics of {column}"), &ready)
        .await;
    text.as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn numeric_and_text_statistics() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");

    // pandas: q = pd.to_numeric(f.Quantity); q.min() -24, q.max() 432,
    // q.mean() 16.52, q.std() 38.65, q.quantile([.01 .5 .99]) -12, 6, 192.
    let quantity = open_stats(&s, "Quantity").await;
    for expected in [
        "Numbers\n499",
        "Smallest\n-24",
        "Largest\n432",
        "Mean\n16.52",
        "Standard deviation\n38.65",
        "1st percentile\n-12",
        "Median\n6",
        "99th percentile\n192",
    ] {
        assert!(quantity.contains(expected), "{expected:?} in {quantity}");
    }

    // pandas: d = f.Description.str.strip(); d.nunique() 339;
    // d.str.len(): min 7, max 35, mean 26.8.
    let description = open_stats(&s, "Description").await;
    for expected in [
        "Distinct values\n339",
        "7–35 characters, 26.8 on average",
        "Latin 100%",
    ] {
        assert!(
            description.contains(expected),
            "{expected:?} in {description}"
        );
    }
    s.close().await;
}
