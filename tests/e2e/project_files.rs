//! Several files in one project: a customers file and its purchase log
//! dropped together, each file's role and key guessed, the link between
//! them reported, one customer's page showing their details from the
//! customers file beside their purchases, and the project's files back in
//! their places after a reload (kept in IndexedDB). Every expected figure is counted by hand
//! from the two small files below.

use crate::support::Session;

/// Four customers; C4 is on two rows (a duplicate key); C3 and C4 never buy.
const PEOPLE: &str = "customer_id,name,age,city\\n\
    C1,Sara,34,Tehran\\n\
    C2,Ali,41,Yazd\\n\
    C3,Reza,29,Rasht\\n\
    C4,Mina,52,Shiraz\\n\
    C4,Mina,52,Shiraz\\n";

/// Seven lines: C1 buys three times, C2 twice; C9 is nobody in PEOPLE
/// (an orphan, row 4) and row 5 has no customer.
const ORDERS: &str = "invoice,customer_id,date,amount\\n\
    1,C1,2024-01-01,10\\n\
    2,C2,2024-01-02,5\\n\
    3,C1,2024-01-15,30\\n\
    4,C9,2024-01-20,7\\n\
    5,,2024-01-21,4\\n\
    6,C2,2024-02-01,8\\n\
    7,C1,2024-02-05,20\\n";

/// Drop both files on the zone in one drop, customers first.
async fn drop_both(s: &Session) {
    s.eval(&format!(
        "(() => {{ const dt = new DataTransfer(); \
           dt.items.add(new File(['{PEOPLE}'], 'people.csv', {{ type: 'text/csv' }})); \
           dt.items.add(new File(['{ORDERS}'], 'orders.csv', {{ type: 'text/csv' }})); \
           const zone = document.querySelector('section.drop-zone'); \
           zone.dispatchEvent(new DragEvent('drop', {{ dataTransfer: dt, bubbles: true, cancelable: true }})); \
           return true; }})()"
    ))
    .await;
}

const FILES_JS: &str = "[...document.querySelectorAll('.files-table tbody tr')].map(tr => [tr.querySelector('th').textContent.trim(), tr.children[1].textContent.trim(), tr.querySelectorAll('select')[0].selectedOptions[0].textContent, tr.querySelectorAll('select')[1].selectedOptions[0].textContent])";

const FINDINGS_JS: &str =
    "[...document.querySelectorAll('.link-findings li')].map(li => li.textContent)";

async fn link_report(s: &Session) -> (serde_json::Value, String, serde_json::Value) {
    let files = s
        .wait_until(
            "both files listed with their roles",
            &format!("(() => {{ const rows = {FILES_JS}; return rows.length === 2 && rows; }})()"),
        )
        .await;
    let customers = s
        .wait_until(
            "the customers of the link",
            "(() => { const p = document.querySelector('.link-customers'); return p && p.textContent.includes('from') && p.textContent; })()",
        )
        .await;
    let findings = s.eval(FINDINGS_JS).await;
    (
        files,
        customers.as_str().unwrap_or_default().to_string(),
        findings,
    )
}

#[tokio::test]
async fn a_customers_file_and_its_purchases_link_and_meet_on_one_page() {
    let s = Session::open().await;
    drop_both(&s).await;
    assert_eq!(s.fact("File name").await, "people.csv");

    let (files, customers, findings) = link_report(&s).await;
    assert_eq!(
        files,
        serde_json::json!([
            ["people.csv open", "5", "Customers", "customer_id"],
            ["orders.csv", "7", "Transactions", "customer_id"]
        ])
    );
    assert_eq!(customers, "4 customers, from people.csv.");
    assert_eq!(
        findings,
        serde_json::json!([
            "1 key is on several rows of people.csv (1 extra): C4 (rows 4, 5).",
            "orders.csv: 5 of its 7 rows belong to known customers (2 customers have rows here).",
            "1 row of orders.csv names a customer not in people.csv (distinct keys: 1): C9 (row 4).",
            "1 row of orders.csv has no customer key.",
            "2 customers have no rows in orders.csv, for example C3, C4."
        ])
    );

    s.eval("document.querySelector('section.project-files').scrollIntoView()")
        .await;
    s.screenshot("project_files_link").await;

    // The purchase log is the transactions file, though people.csv is open.
    let log = s
        .wait_until(
            "the purchase log picker",
            "(() => { const l = [...document.querySelectorAll('section.customers label.field')].find(l => l.textContent.startsWith('Purchase log')); return l && l.querySelector('select').selectedOptions[0].textContent; })()",
        )
        .await;
    assert_eq!(log, "orders.csv");
    let status = s
        .wait_until(
            "the customers headline",
            "(() => { const p = document.querySelector('section.customers .customers-status'); return p && p.textContent.includes('customers made') && p.textContent; })()",
        )
        .await;
    assert!(
        status
            .as_str()
            .unwrap_or_default()
            .starts_with("3 customers made 6 purchases"),
        "{status}"
    );
    s.by_text("button", "C1")
        .await
        .click()
        .await
        .expect("open C1");
    assert_eq!(
        s.text_of("the customer page", "#customer-page-title").await,
        "Customer C1"
    );
    let details = s
        .wait_until(
            "C1's details from people.csv",
            "(() => { const h = [...document.querySelectorAll('.customer-elsewhere h4')].map(h => h.textContent); const facts = [...document.querySelectorAll('.customer-details div')].map(d => d.children[0].textContent + '=' + d.children[1].textContent); return facts.length && [h, facts]; })()",
        )
        .await;
    assert_eq!(
        details,
        serde_json::json!([
            ["Details in people.csv"],
            ["customer_id=C1", "name=Sara", "age=34", "city=Tehran"]
        ])
    );
    assert_eq!(s.fact("Orders").await, "3");
    s.screenshot("project_files").await;

    // A correction is the user's: the role stays after a reload, which
    // brings both files back to their places from the browser's storage.
    s.choose("Role of orders.csv", "other").await;
    s.wait_until(
        "the role kept",
        &format!("(() => {{ const rows = {FILES_JS}; return rows.length === 2 && rows[1][2] === 'Other'; }})()"),
    )
    .await;
    s.reload().await;
    let files = s
        .wait_until(
            "the files back in their places",
            &format!("(() => {{ const rows = {FILES_JS}; return rows.length === 2 && rows[1][2] === 'Other' && rows; }})()"),
        )
        .await;
    assert_eq!(files[0][0], "people.csv open");
    assert_eq!(files[1][2], "Other");
    assert_eq!(
        s.eval("document.querySelectorAll('.notices .notice').length")
            .await,
        0
    );

    // Open the purchase log instead: people.csv stays in the project.
    s.by_text("button", "Open this file")
        .await
        .click()
        .await
        .expect("open orders.csv");
    let files = s
        .wait_until(
            "orders.csv open",
            &format!("(() => {{ const rows = {FILES_JS}; return rows.length === 2 && rows[0][0] === 'orders.csv open' && rows; }})()"),
        )
        .await;
    assert_eq!(files[1][0], "people.csv");
    assert_eq!(s.fact("File name").await, "orders.csv");
    assert_eq!(s.fact("Rows").await, "7");
    s.close().await;
}
