//! The customer database in the page: a purchase log read as customers,
//! the rows left out named, the table sorted, searched and filtered, one
//! customer's page, and the setup kept after a reload. Every expected
//! figure is worked out by hand from the seven-line log below.

use crate::support::{Session, TempFile};

/// 2024-01-01 is a Monday, so the weeks (Monday to Sunday, as lifetimes
/// counts them) are easy to follow. A buys in weeks 0, 2 and 5 (10 + 30 +
/// 20 = 60; repeat weeks 2; returns 10 once); B buys once (5). Row 5 has
/// no customer, row 6 no readable amount.
const LOG: &str = "invoice,customer,date,amount\n\
    1,A,2024-01-01,10\n\
    2,B,2024-01-02,5\n\
    3,A,2024-01-15,30\n\
    C4,A,2024-01-20,-10\n\
    5,,2024-01-21,7\n\
    6,C,2024-02-01,oops\n\
    7,A,2024-02-05,20\n";

const ROWS_JS: &str = "[...document.querySelectorAll('.customers-table tbody tr')].map(tr => [...tr.children].map(c => c.textContent.trim()))";

/// The table's rows once it shows `n` of them.
async fn table_rows(s: &Session, n: usize) -> serde_json::Value {
    s.wait_until(
        &format!("{n} customers in the table"),
        &format!("(() => {{ const rows = {ROWS_JS}; return rows.length === {n} && rows; }})()"),
    )
    .await
}

/// The customers section's status text once `holds` (a JavaScript test
/// of `t`, the text) is true of it.
async fn status_when(s: &Session, what: &str, holds: &str) -> String {
    let script = format!(
        "(() => {{ const p = document.querySelector('section.customers .customers-status'); \
         const t = p && p.textContent; return t && ({holds}) && t; }})()"
    );
    let text = s.wait_until(what, &script).await;
    text.as_str().unwrap_or_default().to_string()
}

fn column(rows: &serde_json::Value, index: usize) -> Vec<String> {
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| r[index].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn a_purchase_log_becomes_customers_with_their_own_pages() {
    let file = TempFile::new("orders.csv", LOG);
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;

    let status = status_when(&s, "the customers headline", "t.includes('customers made')").await;
    assert_eq!(
        status,
        "2 customers made 4 purchases from 2024-01-01 to 2024-02-05 (figures as of 2024-02-06); 1 came back; together they spent 65.00."
    );
    let findings = s
        .eval("[...document.querySelectorAll('.customers-findings li')].map(li => li.textContent)")
        .await;
    assert_eq!(
        findings,
        serde_json::json!([
            "1 row has no customer and is left out (row 5).",
            "1 row has no readable amount and is left out (row 6).",
            "1 row is a return or cancellation: counted as a return, not a purchase (0 customers only returned things)."
        ])
    );
    // Two customers cannot fit a model; the page says so instead of
    // showing empty prediction columns.
    let note = s.text_of("the model note", ".model-note").await;
    assert!(
        note.starts_with("No predicted value or churn risk:"),
        "{note}"
    );
    assert_eq!(
        s.eval("[...document.querySelectorAll('.customers-table th')].some(th => th.textContent.includes('Churn risk'))")
            .await,
        false
    );

    // Biggest spender first; the columns as the record has them.
    let rows = table_rows(&s, 2).await;
    assert_eq!(column(&rows, 0), ["A", "B"]);
    let headers = s
        .eval("[...document.querySelectorAll('.customers-table thead th')].map(th => th.textContent.trim())")
        .await;
    let header = |name: &str| {
        headers
            .as_array()
            .expect("headers")
            .iter()
            .position(|h| h.as_str().unwrap_or_default().starts_with(name))
            .unwrap_or_else(|| panic!("no {name} column in {headers}"))
    };
    let a = |name: &str| {
        rows[0][header(name)]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(a("Total spent"), "60.00");
    assert_eq!(a("Orders"), "3");
    assert_eq!(a("Average order"), "20.00");
    assert_eq!(a("Repeat weeks"), "2");
    assert_eq!(a("Recency (weeks)"), "5");
    assert_eq!(a("Customer for (weeks)"), "5");
    assert_eq!(a("Mean repeat spend"), "25.00");
    assert_eq!(a("Days since last"), "1");
    assert_eq!(a("Returns"), "1");
    assert_eq!(a("First purchase"), "2024-01-01");

    // Sort by days since the last purchase: B (35 days) first.
    s.by_text("button", "Days since last")
        .await
        .click()
        .await
        .expect("sort");
    let rows = s
        .wait_until(
            "B first",
            &format!("(() => {{ const rows = {ROWS_JS}; return rows.length === 2 && rows[0][0] === 'B' && rows; }})()"),
        )
        .await;
    assert_eq!(rows[0][header("Days since last")], "35");
    assert_eq!(
        s.eval("document.querySelector('.customers-table th[aria-sort=descending]').textContent.trim()")
            .await,
        "Days since last ▼"
    );

    // Filter: two orders or more keeps A only.
    s.select("Filter by", "customers.field.orders").await;
    let from = s
        .wait_for(fantoccini::Locator::XPath(
            "//label[span[normalize-space()='From']]//input",
        ))
        .await;
    from.send_keys("2\u{E007}").await.expect("type");
    s.eval("document.querySelector('.customers-table input[inputmode=decimal]').dispatchEvent(new Event('change'))")
        .await;
    let rows = table_rows(&s, 1).await;
    assert_eq!(column(&rows, 0), ["A"]);

    // A's page: figures, rhythm, monthly chart, and every row of theirs.
    s.by_text("button", "A")
        .await
        .click()
        .await
        .expect("open A");
    let title = s.text_of("the customer page", "#customer-page-title").await;
    assert_eq!(title, "Customer A");
    assert_eq!(s.fact("Total spent").await, "60.00");
    let churn = s.text_of("the rhythm", ".churn-note").await;
    assert!(churn.starts_with("Buys about every "), "{churn}");
    assert_eq!(
        s.text_of("rows caption", ".customer-page .preview-caption")
            .await,
        "Showing 4 of 4 rows."
    );
    let own_rows = s
        .eval("[...document.querySelectorAll('.customer-rows tbody tr')].map(tr => tr.children[0].textContent + ':' + tr.children[1].textContent)")
        .await;
    assert_eq!(own_rows, serde_json::json!(["1:1", "3:3", "4:C4", "7:7"]));
    assert_eq!(
        s.eval("document.querySelector('.customer-page canvas').getAttribute('aria-label')")
            .await,
        "4 rows by month, 2024-01 to 2024-02."
    );
    let inked = s
        .wait_for_ink(
            "the timeline drawn",
            "document.querySelector('.customer-page canvas')",
            100,
        )
        .await;
    assert!(inked > 100);
    s.screenshot("customer_page").await;

    // The setup is the user's: no amount column is an error that says what
    // to do, and it is still the setup after a reload.
    s.select("Amount column", "").await;
    let error = s
        .text_of(
            "the setup error",
            "section.customers .customers-status.error",
        )
        .await;
    assert_eq!(
        error,
        "Choose an amount column, or both a quantity and a unit price column."
    );
    s.reload().await;
    s.choose_file("Choose a file", &file.path).await;
    let error = s
        .text_of(
            "the setup error after a reload",
            "section.customers .customers-status.error",
        )
        .await;
    assert!(error.starts_with("Choose an amount column"), "{error}");
    s.select("Amount column", "amount").await;
    table_rows(&s, 2).await;
    s.close().await;
}

/// A seeded log of 120,000 customers who each buy at their own rhythm
/// until they stop (about half a million lines): big enough that fitting
/// the purchase model takes a while in the browser.
fn big_log() -> String {
    use std::fmt::Write;
    let mut state: u64 = 42;
    let mut next = move |below: u64| {
        // SplitMix64, as the engine's seeded samples use.
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % below
    };
    let mut text = String::from("customer_id,date,amount\n");
    for who in 0..120_000 {
        let first = next(300);
        let gap = 2 + next(60);
        let last = (first + next(400)).min(364);
        let spend = 5 + next(150);
        let mut day = first;
        while day <= last {
            let (month, day_of_month) = (1 + (day / 31).min(11), 1 + day % 28);
            let _ = writeln!(
                text,
                "k{who},2023-{month:02}-{day_of_month:02},{}.{:02}",
                spend + next(40),
                next(100)
            );
            day += 1 + next(2 * gap);
        }
    }
    text
}

/// Watches the customers section's status from inside the page: every
/// text it shows is kept in `window.statusesSeen` (with the milliseconds
/// since the watch began), and Stop is clicked the moment a progress
/// report first shows. Clicking from here, not from the test's polling,
/// is what makes the test sure to stop the work midway: polling every
/// 100 ms can miss a phase that the worker gets through quicker.
const STOP_AT_FIRST_PROGRESS: &str = r#"(() => {
    window.statusesSeen = [];
    window.stopClicked = false;
    const progress = /^(Reading the purchase log: [\d,]+ of [\d,]+ rows|Fitting the purchase model \(BG\/NBD\): step [\d,]+|Fitting the spend model \(Gamma-Gamma\): step [\d,]+|Predicting each customer's value: [\d,]+ of [\d,]+ customers)$/;
    const began = performance.now();
    window.longTasks = [];
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks.push([Math.round(e.startTime - began), Math.round(e.duration)]);
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
        const p = document.querySelector('section.customers .customers-status');
        const t = p && p.textContent;
        const seen = window.statusesSeen;
        if (!t || (seen.length && seen[seen.length - 1][0] === t)) return;
        seen.push([t, Math.round(performance.now() - began)]);
        if (!window.stopClicked && progress.test(t)) {
            window.stopClicked = true;
            document.querySelector('section.customers .customers-cancel').click();
        }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    return true;
})()"#;

#[tokio::test]
async fn working_out_customers_shows_progress_and_can_be_stopped() {
    let file = TempFile::new("big log.csv", big_log());
    let s = Session::open().await;
    s.eval(STOP_AT_FIRST_PROGRESS).await;
    s.choose_file("Choose a file", &file.path).await;
    // The panel says what the worker is doing while it works (Stop is
    // clicked on its first report)…
    s.wait_until(
        "a progress report in the customers panel",
        "window.stopClicked",
    )
    .await;
    // …and stops when asked: nothing is kept, and it says so.
    let stopped = status_when(&s, "the stopped status", "t.startsWith('Stopped')").await;
    assert_eq!(
        stopped,
        "Stopped before every customer's figures were worked out; nothing was kept."
    );
    let seen = s.eval("window.statusesSeen").await;
    eprintln!("the statuses shown, with milliseconds since the watch began: {seen}");
    let long = s.eval("window.longTasks").await;
    eprintln!("main-thread tasks over 50 ms (start, duration): {long}");
    assert!(
        !seen.to_string().contains("customers made"),
        "the work finished before Stop was seen: {seen}"
    );
    assert_eq!(
        s.eval("document.querySelector('.customers-table') === null")
            .await,
        true
    );
    // Asked again, it finishes.
    s.by_text("button", "Work them out again")
        .await
        .click()
        .await
        .expect("click again");
    let headline = status_when(&s, "the customers headline", "t.includes('customers made')").await;
    assert!(headline.starts_with("120,000 customers made"), "{headline}");
    s.close().await;
}
