//! The Exports section gathers what the studio hands over. On a real file
//! the k-means segments are downloaded as CSV and as DuckDB SQL from the
//! page, and DuckDB, running that SQL on the same file, gives every
//! customer the segment the page gave them.

use std::collections::HashMap;
use std::process::Command;

use fantoccini::Locator;

use crate::helpers::duckdb_python;
use crate::support::{open_mall_segments, real_file, Session, TempFile};

/// Each customer's segment name in the page's CSV export.
fn segments_in_csv(csv: &[u8]) -> HashMap<String, String> {
    let text = String::from_utf8(csv.to_vec()).unwrap();
    let text = text.trim_start_matches('\u{FEFF}');
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let id = header.iter().position(|h| *h == "customer_id").unwrap();
    let segment = header.iter().position(|h| *h == "Segment").unwrap();
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[id].to_string(), cells[segment].to_string())
        })
        .collect()
}

#[tokio::test]
async fn the_pages_sql_gives_every_customer_the_pages_segment() {
    let Some(mall) = real_file("mall_customers.csv") else {
        return;
    };
    let s = Session::open().await;
    open_mall_segments(&s, &mall).await;

    let exports = s.wait_for(Locator::Css("section.exports")).await;
    exports
        .find(Locator::XPath(
            ".//button[normalize-space()=\"Export each customer's segment (CSV)\"]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let csv = s.downloaded("mall_customers-segments.csv").await;
    assert!(csv.starts_with("\u{FEFF}".as_bytes()), "UTF-8 with a BOM");
    let page = segments_in_csv(&csv);
    assert_eq!(page.len(), 200);

    exports
        .find(Locator::XPath(
            ".//button[normalize-space()='Download SQL']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let sql = s.downloaded("customers-segments-duckdb.sql").await;
    let query = TempFile::new("segments.sql", &sql);
    let output = Command::new(duckdb_python())
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sql_export_run.py"
        ))
        .arg(&mall)
        .arg("customers")
        .arg(&query.path)
        .arg("customer_id")
        .arg("segment_name")
        .output()
        .expect("run DuckDB");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = String::from_utf8(output.stdout).unwrap();
    let mut agree = 0;
    for line in rows.lines() {
        let (id, segment) = line.split_once('\t').unwrap();
        assert_eq!(
            page.get(id).map(String::as_str),
            Some(segment),
            "customer {id}"
        );
        agree += 1;
    }
    assert_eq!(agree, 200, "every customer");

    // The cleaned table and a chart, from the same place.
    exports
        .find(Locator::XPath(
            ".//button[normalize-space()='Download the cleaned table (CSV)']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let cleaned = s.downloaded("mall_customers (cleaned).csv").await;
    assert!(cleaned.starts_with("\u{FEFF}customer_id,gender".as_bytes()));
    let select = exports
        .find(Locator::Css(".chart-export select"))
        .await
        .unwrap();
    select.click().await.unwrap();
    let label = s
        .wait_until(
            "the charts listed",
            "document.querySelector('.chart-export select option')?.textContent.length > 12 && document.querySelector('.chart-export select option').textContent",
        )
        .await;
    let slug: String = label
        .as_str()
        .unwrap()
        .chars()
        .take(60)
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    exports
        .find(Locator::XPath(
            ".//button[normalize-space()='Save the chart as PNG']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let png = s
        .downloaded(&format!("{}.png", slug.trim_matches('-')))
        .await;
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    s.close().await;
}
