//! A reload brings back the project's settings and asks for the file again.

use crate::support::{fixture, Session};

#[tokio::test]
async fn reload_restores_language_file_and_chart_column() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    s.select("Column to chart", "UnitPrice").await;
    s.wait_until(
        "the chart to follow the choice",
        "document.querySelector(\"section.chart-section canvas[role='img']\")?.getAttribute('aria-label')?.startsWith('Histogram of UnitPrice')",
    )
    .await;
    // Correct a type and a role: both must survive the reload.
    s.choose("Role of Country", "region").await;
    s.choose("Type of StockCode", "text").await;
    assert_eq!(s.chosen("Role of Country").await, "Region");
    assert_eq!(s.chosen("Type of StockCode").await, "Text");
    s.select("Language", "fa").await;
    s.wait_until("Persian", "document.documentElement.lang === 'fa'")
        .await;

    s.reload().await;

    // Settings came back: the language, and the file is asked for by name.
    s.wait_until(
        "Persian after reload",
        "document.documentElement.lang === 'fa'",
    )
    .await;
    let notice = s.text_of("the missing-file notice", ".notice").await;
    assert!(notice.contains("online_retail_500.csv"), "{notice}");

    // Choosing the same file again restores the chosen chart column.
    s.choose_file("انتخاب فایل", &fixture("online_retail_500.csv"))
        .await;
    s.wait_until(
        "the restored chart column",
        "document.querySelector(\"section.chart-section canvas[role='img']\")?.getAttribute('aria-label')?.includes('UnitPrice')",
    )
    .await;
    assert_eq!(s.chosen("نقش Country").await, "استان/منطقه");
    assert_eq!(s.chosen("نوع StockCode").await, "متن");
    let notices = s.eval("document.querySelectorAll('.notice').length").await;
    assert_eq!(
        notices, 0,
        "the missing-file notice goes once the file is back"
    );
    s.close().await;
}

#[tokio::test]
async fn an_unreadable_save_is_set_aside_with_a_notice() {
    let s = Session::open().await;
    s.eval("(localStorage.setItem('nimrokh.project', '{\"format_version\":1,\"lang\":'), true)")
        .await;
    s.reload().await;
    let notice = s.text_of("the corrupt-save notice", ".notice").await;
    assert!(notice.contains("could not be read"), "{notice}");
    let kept = s
        .eval("localStorage.getItem('nimrokh.project.unreadable')")
        .await;
    assert_eq!(kept, "{\"format_version\":1,\"lang\":");
    s.close().await;
}
