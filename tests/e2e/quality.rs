//! The data quality report in the page: repeated rows, conflicting ids,
//! missing patterns, spellings and impossible values, in words.

use crate::support::{Session, TempFile};

#[tokio::test]
async fn the_quality_report_names_each_problem_and_where() {
    let mut text = String::from(
        "customer_id,name,city,age,email\n\
         C1,Ali,Tehran,34,ali@example.com\n\
         C2,Sara,tehran ,150,sara@\n\
         C1,Ali,Tehran,34,ali@example.com\n\
         C3,Reza,کرمان,41,\n\
         C3,Reza,كرمان,41,\n\
         C4,<b>Mina</b>,Shiraz,,\n",
    );
    // Enough ordinary customers that one bad age or email is an error in
    // an age or email column, not a sign the column is something else.
    for i in 5..30 {
        text.push_str(&format!(
            "C{i},Customer {i},Yazd,{},c{i}@example.com\n",
            20 + i % 40
        ));
    }
    let file = TempFile::new("customers.csv", text);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;
    assert_eq!(s.fact("Rows").await, "31");
    let text = s
        .wait_until(
            "the quality report",
            "document.querySelector('section.quality .findings')?.textContent",
        )
        .await;
    let text = text.as_str().unwrap_or_default();
    for expected in [
        "1 row repeats an earlier row exactly. row 3 = row 1",
        "customer_id: 1 id appears on several rows with different details. 1 id appears on several identical rows. C3 (rows 4, 5: city differ)",
        "28 of 31 rows have every value.",
        "1 pair of rows looks like the same customer (same email, phone or nearly the same name). rows 4 and 5 (70% sure)",
        "2 rows are missing only: email",
        "1 row is missing only: age, email",
        "city: 2 values are written in more than one way.",
        "“Tehran” (2) · “tehran ” (1)",
        "“کرمان” (1) · “كرمان” (1)",
        "age: 1 age is not a whole number from 0 to 120. “150” in row 2",
        "email: 1 value is not an email address. “sara@” in row 2",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text:?}");
    }
    // Markup in a cell stays text here too.
    assert_eq!(
        s.eval("document.querySelectorAll('section.quality b').length")
            .await,
        0
    );
    s.close().await;
}

#[tokio::test]
async fn fixes_are_applied_undone_kept_after_a_reload_and_exported() {
    let mut text = String::from("customer_id,city,age,note\n");
    text.push_str("C1,Tehran,34,ok\nC1,Tehran,34,ok\nC2,tehran ,150,=HYPERLINK(\"http://x\")\n");
    for i in 3..30 {
        text.push_str(&format!("C{i},Yazd,{},fine\n", 20 + i));
    }
    let file = TempFile::new("crm.csv", text);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;
    assert_eq!(s.fact("Rows").await, "30");

    s.by_text("button", "Drop the repeated rows")
        .await
        .click()
        .await
        .expect("click");
    s.wait_until(
        "29 rows after dropping the repeat",
        "[...document.querySelectorAll('dt')].some(dt => dt.textContent === 'Rows' && dt.nextElementSibling.textContent === '29')",
    )
    .await;
    s.by_text("button", "Write all as “Tehran”")
        .await
        .click()
        .await
        .expect("click");
    let applied = s
        .wait_until(
            "two fixes listed",
            "(() => { const li = [...document.querySelectorAll('.applied-fixes li')].map(l => l.textContent); return li.length === 2 && li; })()",
        )
        .await;
    assert_eq!(
        applied,
        serde_json::json!([
            "Dropped the rows that repeat an earlier row. Undo",
            "city: wrote “tehran ” as “Tehran”. Undo"
        ])
    );

    // The fixes are part of the project: after a reload, choosing the same
    // file applies them again.
    s.reload().await;
    s.choose_file("Choose a file", &file.path).await;
    s.wait_until(
        "29 rows after the reload",
        "[...document.querySelectorAll('dt')].some(dt => dt.textContent === 'Rows' && dt.nextElementSibling.textContent === '29')",
    )
    .await;
    assert_eq!(
        s.eval("document.querySelectorAll('.applied-fixes li').length")
            .await,
        2
    );

    // Undo the first: the repeated row is back, the merge stays.
    s.by_text("button", "Undo")
        .await
        .click()
        .await
        .expect("undo");
    s.wait_until(
        "30 rows after the undo",
        "[...document.querySelectorAll('dt')].some(dt => dt.textContent === 'Rows' && dt.nextElementSibling.textContent === '30')",
    )
    .await;

    // The cleaned table as CSV: BOM, merged city, formula neutralised.
    s.by_text("button", "Download the cleaned table (CSV)")
        .await
        .click()
        .await
        .expect("download");
    let bytes = s.downloaded("crm (cleaned).csv").await;
    let csv = String::from_utf8(bytes).expect("utf-8");
    assert!(
        csv.starts_with("\u{FEFF}customer_id,city,age,note\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("C2,Tehran,150,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"),
        "{csv}"
    );
    assert_eq!(csv.matches("C1,Tehran,34,ok").count(), 2, "{csv}");
    s.close().await;
}
