//! Drop a real customer file; see its size, columns, preview and chart.

use fantoccini::Locator;

use crate::support::{fixture, Session, TempFile, PREVIEW_ROW1_COLUMN2};

#[tokio::test]
async fn a_real_file_shows_rows_columns_preview_and_a_sharp_chart() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;

    assert_eq!(s.fact("File name").await, "online_retail_500.csv");
    assert_eq!(s.fact("Rows").await, "499");
    assert_eq!(s.fact("Columns").await, "9");
    assert_eq!(s.fact("Delimiter").await, "Comma");

    // The column list names every header with a type guess.
    let column_rows = s
        .client
        .find_all(Locator::Css("section.column-list tbody tr"))
        .await
        .expect("column rows");
    assert_eq!(column_rows.len(), 9);
    assert_eq!(s.chosen("Type of InvoiceDate").await, "Date and time");
    assert_eq!(s.chosen("Role of InvoiceDate").await, "Purchase date");
    assert_eq!(s.chosen("Role of CustomerID").await, "Customer ID");

    // The preview shows the file's own first rows.
    let first_description = s
        .wait_for(Locator::XPath(
            "//section[contains(@class,'preview')]//tbody/tr[1]/td[3]",
        ))
        .await;
    assert_eq!(
        first_description.text().await.expect("cell"),
        "WHITE HANGING HEART T-LIGHT HOLDER"
    );

    // The chart: a canvas described in words, its backing store sized for the
    // device pixel ratio (the test browser runs at 2×), with bars drawn.
    let canvas = s
        .wait_for(Locator::Css("section.chart-section canvas[role='img']"))
        .await;
    let label = canvas
        .attr("aria-label")
        .await
        .expect("label")
        .unwrap_or_default();
    assert!(label.starts_with("Histogram of Quantity"), "{label}");
    let sharp = s
        .wait_until(
            "a canvas sized for devicePixelRatio",
            "(() => { const c = document.querySelector(\"section.chart-section canvas[role='img']\"); \
              const r = c.getBoundingClientRect(); \
              return devicePixelRatio === 2 && c.width === Math.round(r.width * 2) && c.height === Math.round(r.height * 2) && c.width > 0; })()",
        )
        .await;
    assert_eq!(sharp, true);
    let inked = s
        .wait_until(
            "bars drawn in the chart colour",
            "(() => { const c = document.querySelector(\"section.chart-section canvas[role='img']\"); \
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; \
              for (let i = 0; i < d.length; i += 4) { if (d[i] === 13 && d[i+1] === 110 && d[i+2] === 110) n++; } \
              return n > 1000 ? n : 0; })()",
        )
        .await;
    assert!(inked.as_u64().unwrap_or(0) > 1000);
    s.screenshot("first_slice").await;
    s.close().await;
}

#[tokio::test]
async fn a_broken_file_says_what_and_where() {
    let s = Session::open().await;
    let broken = TempFile::new(
        "broken.csv",
        "name,city\nAli,Tehran\n\"Sara,Shiraz\nReza,Tabriz\n",
    );
    s.choose_file("Choose a file", &broken.path).await;
    let status = s.text_of("an error message", ".load-status.error").await;
    assert!(status.contains("broken.csv"), "{status}");
    assert!(
        status.contains("row 3") && status.contains("column 1"),
        "{status}"
    );
    s.close().await;
}

#[tokio::test]
async fn a_file_dropped_on_the_page_opens() {
    let s = Session::open().await;
    // WebDriver cannot drag from the desktop, so the test builds the same
    // DataTransfer a drop carries and dispatches the drop on the zone.
    s.eval(
        "(() => { const dt = new DataTransfer(); \
           dt.items.add(new File(['name,age\\nAli,31\\nSara,42\\nReza,27\\n'], 'dropped.csv', { type: 'text/csv' })); \
           const zone = document.querySelector('section.drop-zone'); \
           zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true })); \
           zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })); \
           return true; })()",
    )
    .await;
    assert_eq!(s.fact("File name").await, "dropped.csv");
    assert_eq!(s.fact("Rows").await, "3");
    let label = s
        .wait_until(
            "the age chart",
            "document.querySelector(\"section.chart-section canvas[role='img']\")?.getAttribute('aria-label')",
        )
        .await;
    assert!(
        label
            .as_str()
            .unwrap_or_default()
            .starts_with("Histogram of age"),
        "{label}"
    );
    s.close().await;
}

#[tokio::test]
async fn an_arabic_windows_1256_export_shows_its_text() {
    let s = Session::open().await;
    let text = "الاسم;المدينة;المبلغ\r\nعلي رضايي;كرمان;1250,50\r\nزهرا كريمي;شيراز;980,00\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!unmappable);
    let file = TempFile::new("عملاء.csv", &bytes);
    s.choose_file("Choose a file", &file.path).await;
    assert_eq!(s.fact("Encoding").await, "windows-1256");
    assert_eq!(s.fact("Delimiter").await, "Semicolon");
    assert_eq!(s.fact("Rows").await, "2");
    let city = s.text_of("the first city", PREVIEW_ROW1_COLUMN2).await;
    assert_eq!(city, "كرمان");
    s.close().await;
}
