//! Feedback figures in the dashboard: CSAT read on the scale its answers
//! fit, and NPS per group of a category column. Every figure is worked out
//! by hand from the six answers below.

use crate::support::{Session, TempFile};

/// Satisfaction 5, 4, 2, 3, 1, 5: three of six are 4 or more (CSAT 50%),
/// mean 20 / 6 = 3.33. NPS: Tehran 10, 9, 3 → (2 − 1) / 3 = 33; Yazd 8, 6
/// → (0 − 1) / 2 = −50; Rasht 10 → 100.
/// Comments: Tehran one positive, one negative, one neutral; Yazd one
/// negative and one blank; Rasht one positive.
const SURVEY: &str = "customer_id,city,nps,satisfaction,comment\n\
    1,Tehran,10,5,\"Great quality, I love it!\"\n\
    2,Tehran,9,4,\"Terrible, it broke after a day.\"\n\
    3,Tehran,3,2,The parcel arrived on Tuesday.\n\
    4,Yazd,8,3,\"Awful service, very slow delivery.\"\n\
    5,Yazd,6,1,\n\
    6,Rasht,10,5,\"Excellent, the best shop in town.\"\n";

#[tokio::test]
async fn csat_nps_and_comments_by_group_come_out_as_counted_by_hand() {
    let file = TempFile::new("survey.csv", SURVEY);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;
    let csat = s
        .wait_until(
            "the CSAT figure",
            "(() => { const p = document.querySelector('.scale-figure'); return p && p.textContent; })()",
        )
        .await;
    assert_eq!(
        csat,
        "CSAT 50%: 3 of 6 answers are 4 or more on a 1–5 scale (mean 3.33)."
    );
    s.select("NPS by", "1").await;
    let groups = s
        .wait_until(
            "NPS per city",
            "(() => { const rows = [...document.querySelectorAll('.nps-groups tbody tr')].map(tr => [...tr.children].map(c => c.textContent)); return rows.length && rows; })()",
        )
        .await;
    assert_eq!(
        groups,
        serde_json::json!([
            ["Tehran", "3", "33", "67%", "33%"],
            ["Yazd", "2", "-50", "0%", "50%"],
            ["Rasht", "1", "100", "100%", "0%"]
        ])
    );
    s.select("Comments by", "1").await;
    let comments = s
        .wait_until(
            "comments per city",
            "(() => { const rows = [...document.querySelectorAll('.comment-groups tbody tr')].map(tr => [...tr.children].map(c => c.textContent)); return rows.length && rows; })()",
        )
        .await;
    assert_eq!(
        comments,
        serde_json::json!([
            [
                "Tehran",
                "3",
                "33%",
                "33%",
                "Great quality, I love it!",
                "Terrible, it broke after a day."
            ],
            [
                "Rasht",
                "1",
                "100%",
                "0%",
                "Excellent, the best shop in town.",
                ""
            ],
            [
                "Yazd",
                "1",
                "0%",
                "100%",
                "",
                "Awful service, very slow delivery."
            ]
        ])
    );
    s.close().await;
}
