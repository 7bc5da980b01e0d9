//! Arabic and Persian files read right in the page, and the reading
//! options (encoding, header) that re-read a file and are remembered.

use std::path::PathBuf;

use crate::support::{Session, TempFile, PREVIEW_ROW1_COLUMN2};

/// The real Persian reviews file, when ../shared is there.
fn shared_file(path: &str) -> Option<PathBuf> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(path);
    match file.canonicalize() {
        // File inputs want a canonical path.
        Ok(path) => Some(path),
        Err(_) => {
            eprintln!("skipping: {} not found", file.display());
            None
        }
    }
}

#[tokio::test]
async fn persian_reviews_show_their_text_and_scores_as_numbers() {
    let Some(path) = shared_file("real/digikala_comments_fa.csv") else {
        return;
    };
    // The oracle: the first review as the csv crate reads it.
    let mut reader = csv::Reader::from_path(&path).expect("open the reviews");
    let first = reader
        .records()
        .next()
        .expect("a first review")
        .expect("readable");
    let s = Session::open().await;
    s.choose_file("Choose a file", &path).await;
    assert_eq!(s.fact("Rows").await, "3,261");
    assert_eq!(s.chosen("Type of Score").await, "Whole number");
    assert_eq!(s.chosen("Role of Text").await, "Review text");
    let text = s
        .text_of(
            "the first review",
            "section.preview tbody tr:nth-child(1) td:nth-child(2)",
        )
        .await;
    assert_eq!(text, &first[0]);
    let score = s.text_of("the first score", PREVIEW_ROW1_COLUMN2).await;
    assert_eq!(score, &first[1]);
    s.close().await;
}

#[tokio::test]
async fn persian_digits_are_numbers_and_get_a_chart() {
    let mut text = String::from("نام,سن,مبلغ\n");
    let digits = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];
    let persian = |n: u32| -> String {
        n.to_string()
            .chars()
            .map(|c| digits[c.to_digit(10).unwrap_or(0) as usize])
            .collect()
    };
    for i in 0..30u32 {
        text.push_str(&format!(
            "مشتری {},{},{}٬{}\n",
            persian(i),
            // Ages repeat, as in any real customer list.
            persian(20 + i % 12),
            persian(1 + i % 9),
            persian(100 + i)
        ));
    }
    let file = TempFile::new("مشتریان.csv", text);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;
    assert_eq!(s.fact("Rows").await, "30");
    assert_eq!(s.chosen("Type of سن").await, "Whole number");
    assert_eq!(s.chosen("Type of مبلغ").await, "Whole number");
    let label = s
        .wait_until(
            "a histogram of age",
            "document.querySelector(\"section.chart-section canvas[role='img']\")?.getAttribute('aria-label')",
        )
        .await;
    assert!(
        label
            .as_str()
            .unwrap_or_default()
            .starts_with("Histogram of سن"),
        "{label}"
    );
    s.close().await;
}

#[tokio::test]
async fn reading_options_re_read_the_file_and_are_remembered() {
    let text = "الاسم;المدينة;المبلغ\r\nعلي رضايي;كرمان;1250,50\r\nزهرا كريمي;شيراز;980,00\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    let file = TempFile::new("orders.csv", &bytes);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;
    assert_eq!(s.fact("Encoding").await, "windows-1256");
    assert_eq!(s.text_of("the city", PREVIEW_ROW1_COLUMN2).await, "كرمان");

    // Read as Windows-1252 instead: the same bytes become Latin letters.
    s.select("Encoding", "windows-1252").await;
    s.wait_until(
        "the file read as windows-1252",
        "[...document.querySelectorAll('dd')].some(dd => dd.textContent === 'windows-1252')",
    )
    .await;
    let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    let expected_city = expected
        .lines()
        .nth(1)
        .and_then(|line| line.split(';').nth(1))
        .unwrap_or_default()
        .to_string();
    s.wait_until(
        "the city read as windows-1252",
        &format!(
            "document.querySelector({:?})?.textContent === {:?}",
            PREVIEW_ROW1_COLUMN2, expected_city
        ),
    )
    .await;

    // No header row: the first line becomes data.
    s.select("First row is a header", "no").await;
    s.wait_until(
        "three rows",
        "[...document.querySelectorAll('dt')].some(dt => dt.textContent === 'Rows' && dt.nextElementSibling.textContent === '3')",
    )
    .await;

    // Both choices are saved with the project and used for the same file.
    s.reload().await;
    s.choose_file("Choose a file", &file.path).await;
    assert_eq!(s.fact("Rows").await, "3");
    assert_eq!(s.fact("Encoding").await, "windows-1252");

    // Back to automatic: Arabic again.
    s.select("Encoding", "").await;
    s.select("First row is a header", "").await;
    s.wait_until(
        "the file read automatically",
        "[...document.querySelectorAll('dd')].some(dd => dd.textContent === 'windows-1256')",
    )
    .await;
    s.wait_until(
        "two rows",
        "[...document.querySelectorAll('dt')].some(dt => dt.textContent === 'Rows' && dt.nextElementSibling.textContent === '2')",
    )
    .await;
    s.wait_until(
        "the city in Arabic again",
        &format!(
            "document.querySelector({:?})?.textContent === 'كرمان'",
            PREVIEW_ROW1_COLUMN2
        ),
    )
    .await;
    s.close().await;
}
