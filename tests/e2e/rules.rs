//! Rule segments on a real file in the page: mall_customers.csv split by
//! "age between 25 and 34 and gender is Female", then "spending score at
//! least 80" for the customers left, with the counts checked against the
//! file read here (the oracle), a bad value reported at its condition, what
//! sets the segments apart, the rules and names still there after a
//! reload, and the export carrying each customer's rule segment.

use fantoccini::{elements::Element, Locator};

use crate::support::{real_file, Session};

/// The file's rows as (gender, age, spending score).
fn customers(path: &std::path::Path) -> Vec<(String, u32, u32)> {
    let mut reader = csv::Reader::from_path(path).expect("mall_customers.csv");
    reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            (
                r[1].to_string(),
                r[2].parse().expect("age"),
                r[4].parse().expect("score"),
            )
        })
        .collect()
}

/// The `<n>`th rule segment's element (1-based).
fn segment(n: usize) -> String {
    format!(".rule-list > li.rule-segment:nth-child({n})")
}

/// Condition `c` of segment `n` (both 1-based).
fn condition(n: usize, c: usize) -> String {
    format!("{} .rule-condition:nth-child({c})", segment(n))
}

async fn find(s: &Session, css: &str) -> Element {
    s.wait_for(Locator::Css(css)).await
}

/// Pick `value` in the `which`th select (1: column, 2: test) of a condition.
async fn pick(s: &Session, condition: &str, which: usize, value: &str) {
    find(s, &format!("{condition} select:nth-of-type({which})"))
        .await
        .select_by_value(value)
        .await
        .expect("select");
}

/// Type `text` into the `slot`th value box (1-based) of a condition.
async fn type_value(s: &Session, condition: &str, slot: usize, text: &str) {
    let input = find(
        s,
        &format!("{condition} input.rule-value:nth-of-type({slot})"),
    )
    .await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("type");
}

/// Wait until the text of `css` is `expected`.
async fn wait_text(s: &Session, what: &str, css: &str, expected: &str) {
    s.wait_until(
        what,
        &format!(
            "(() => {{ const e = document.querySelector({css:?}); return e && e.textContent.trim() === {expected:?}; }})()"
        ),
    )
    .await;
}

#[tokio::test]
async fn rule_segments_on_mall_customers_counted_kept_and_exported() {
    let Some(path) = real_file("mall_customers.csv") else {
        return;
    };
    let rows = customers(&path);
    let aged = |(_, age, _): &&(String, u32, u32)| (25..=34).contains(age);
    let young = rows.iter().filter(aged).count();
    let young_women = rows
        .iter()
        .filter(aged)
        .filter(|(gender, _, _)| gender == "Female")
        .count();
    let big_spenders = rows.iter().filter(|(_, _, score)| *score >= 80).count();
    let big_spenders_left = rows
        .iter()
        .filter(|row| row.2 >= 80 && !(aged(row) && row.0 == "Female"))
        .count();
    let rest = rows.len() - young_women - big_spenders_left;
    let percent = |n: usize| format!("{:.1}", 100.0 * n as f64 / rows.len() as f64);

    let s = Session::open().await;
    s.choose_file("Choose a file", &path).await;
    s.by_text("button", "New rule segmentation")
        .await
        .click()
        .await
        .expect("new rules");

    // Segment 1: age between 25 and 34, and gender is Female.
    let first = condition(1, 1);
    pick(&s, &first, 1, "age").await;
    pick(&s, &first, 2, "rules.op.between").await;
    type_value(&s, &first, 1, "25").await;
    type_value(&s, &first, 2, "34").await;
    wait_text(
        &s,
        "the age condition counted",
        &format!("{first} .rule-note"),
        &format!("{young} customers match this condition"),
    )
    .await;
    find(&s, &format!("{} > button.secondary", segment(1)))
        .await
        .click()
        .await
        .expect("add a condition");
    let second = condition(1, 2);
    pick(&s, &second, 1, "gender").await;
    type_value(&s, &second, 1, "female").await;
    wait_text(
        &s,
        "the first segment counted",
        &format!("{} .rule-count", segment(1)),
        &format!(
            "{young_women} customers in this segment ({}%); {young_women} match its rule on its own.",
            percent(young_women)
        ),
    )
    .await;
    let name = find(&s, &format!("{} .rule-head input", segment(1))).await;
    name.send_keys("Young women\n").await.expect("name");
    s.eval(&format!(
        "(() => {{ const i = document.querySelector('{} .rule-head input'); i.dispatchEvent(new Event('change')); return true; }})()",
        segment(1)
    ))
    .await;

    // Segment 2: spending score at least 80, first with a value that is
    // not a number (the error is shown at its condition).
    s.by_text("button", "Add a segment")
        .await
        .click()
        .await
        .expect("add a segment");
    let third = condition(2, 1);
    pick(&s, &third, 1, "spending_score").await;
    pick(&s, &third, 2, "rules.op.greater_or_equal").await;
    type_value(&s, &third, 1, "lots").await;
    wait_text(
        &s,
        "the bad value reported",
        &format!("{third} .rule-note.error"),
        "“lots” is not a number or a date, so it cannot be compared.",
    )
    .await;
    type_value(&s, &third, 1, "80").await;
    wait_text(
        &s,
        "the second segment counted",
        &format!("{} .rule-count", segment(2)),
        &format!(
            "{big_spenders_left} customers in this segment ({}%); {big_spenders} match its rule on its own.",
            percent(big_spenders_left)
        ),
    )
    .await;
    wait_text(
        &s,
        "everyone else counted",
        ".rule-rest p",
        &format!("{rest} customers ({}%) match no rule.", percent(rest)),
    )
    .await;

    // What sets each apart: a card for each rule and everyone else.
    let cards = s
        .wait_until(
            "the rule segments' cards",
            "(() => { const c = [...document.querySelectorAll('.rule-set .segment-card h4')].map(h => h.textContent); return c.length === 3 && c; })()",
        )
        .await;
    assert_eq!(
        cards,
        serde_json::json!(["Young women", "Segment 2", "Everyone else"])
    );
    find(&s, ".rule-list").await;
    s.eval("(() => { document.querySelector('.rule-segments').scrollIntoView(); return true; })()")
        .await;
    s.screenshot("rule_segments").await;

    // Reload: the rules, their names and counts come back with the file.
    s.reload().await;
    s.choose_file("Choose a file", &path).await;
    wait_text(
        &s,
        "the first segment counted again",
        &format!("{} .rule-count", segment(1)),
        &format!(
            "{young_women} customers in this segment ({}%); {young_women} match its rule on its own.",
            percent(young_women)
        ),
    )
    .await;
    let saved = s
        .eval("[...document.querySelectorAll('.rule-segments .saved-segmentations .chip')].map(b => b.textContent)")
        .await;
    assert_eq!(saved, serde_json::json!(["Rules 1"]));
    let name = s
        .eval(&format!(
            "document.querySelector('{} .rule-head input').value",
            segment(1)
        ))
        .await;
    assert_eq!(name, "Young women");
    let value = s
        .eval(&format!(
            "document.querySelector('{} input.rule-value').value",
            condition(2, 1)
        ))
        .await;
    assert_eq!(value, "80");

    // Export: every customer with their rule segment.
    s.by_text("button", "Export each customer's rule segment (CSV)")
        .await
        .click()
        .await
        .expect("export");
    let csv =
        String::from_utf8(s.downloaded("mall_customers-rule-segments.csv").await).expect("utf-8");
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines.len(), rows.len() + 1);
    let ending = |suffix: &str| lines.iter().filter(|l| l.ends_with(suffix)).count();
    assert_eq!(ending(",Young women"), young_women);
    assert_eq!(ending(",Segment 2"), big_spenders_left);
    assert_eq!(ending(",Everyone else"), rest);
    s.close().await;
}
