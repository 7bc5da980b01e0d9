//! A reload brings back the whole project: its settings and, from
//! IndexedDB, its file, opened as it was. A file the browser no longer
//! has is asked for by name, and choosing it again restores its settings.

use crate::support::{fixture, Session};

const CHART_IS_UNIT_PRICE: &str = "document.querySelector(\"section.chart-section canvas[role='img']\")?.getAttribute('aria-label')?.includes('UnitPrice')";

#[tokio::test]
async fn reload_restores_the_file_and_its_settings() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    s.select("Column to chart", "UnitPrice").await;
    s.wait_until("the chart to follow the choice", CHART_IS_UNIT_PRICE)
        .await;
    // Correct a type and a role: both must survive the reload.
    s.choose("Role of Country", "region").await;
    s.choose("Type of StockCode", "text").await;
    assert_eq!(s.chosen("Role of Country").await, "Region");
    s.select("Language", "fa").await;
    s.wait_until("Persian", "document.documentElement.lang === 'fa'")
        .await;
    // The file is kept once read.
    s.wait_until(
        "the file kept in IndexedDB",
        "(async () => { const db = await new Promise(r => { const o = indexedDB.open('nimrokh'); o.onsuccess = () => r(o.result); }); \
          const n = await new Promise(r => { const q = db.transaction('files').objectStore('files').count(); q.onsuccess = () => r(q.result); }); \
          db.close(); window.__kept = n; })(), window.__kept === 1",
    )
    .await;

    s.reload().await;

    // Everything came back without choosing the file again.
    s.wait_until(
        "Persian after reload",
        "document.documentElement.lang === 'fa'",
    )
    .await;
    assert_eq!(s.fact("سطرها").await, "۴۹۹");
    s.wait_until("the restored chart column", CHART_IS_UNIT_PRICE)
        .await;
    assert_eq!(s.chosen("نقش Country").await, "استان/منطقه");
    assert_eq!(s.chosen("نوع StockCode").await, "متن");
    assert_eq!(s.notice_count().await, 0);

    // Without the kept file (storage cleared by the browser), the file is
    // asked for by name and its settings wait for it.
    s.eval("(indexedDB.deleteDatabase('nimrokh'), true)").await;
    s.wait_until(
        "the database gone",
        "(async () => { window.__dbs = (await indexedDB.databases()).map(d => d.name); })(), window.__dbs && !window.__dbs.includes('nimrokh')",
    )
    .await;
    s.reload().await;
    let notice = s.text_of("the missing-file notice", ".notice").await;
    assert!(notice.contains("online_retail_500.csv"), "{notice}");
    s.choose_file("انتخاب فایل", &fixture("online_retail_500.csv"))
        .await;
    s.wait_until("the restored chart column", CHART_IS_UNIT_PRICE)
        .await;
    assert_eq!(s.chosen("نقش Country").await, "استان/منطقه");
    assert_eq!(
        s.notice_count().await,
        0,
        "the missing-file notice goes once the file is back"
    );
    s.close().await;
}

#[tokio::test]
async fn an_unreadable_old_save_is_set_aside_with_a_notice() {
    let s = Session::open().await;
    s.eval("(localStorage.setItem('nimrokh.project', '{\"format_version\":1,\"lang\":'), true)")
        .await;
    s.reload().await;
    let notice = s.text_of("the corrupt-save notice", ".notice").await;
    assert!(notice.contains("could not be read"), "{notice}");
    let kept = s
        .eval("localStorage.getItem('nimrokh.project.1.unreadable')")
        .await;
    assert_eq!(kept, "{\"format_version\":1,\"lang\":");
    s.close().await;
}
