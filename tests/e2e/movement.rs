//! Segments over time: the generator's customers (seed 1) split by a rule
//! ("age under 35"), a snapshot taken, then a newer export of the same
//! file (seed 2, same customer ids) opened, the rule counted again and
//! compared with the snapshot. The movement matrix must equal the one
//! computed here from both files (ids matched, a repeated id counted once
//! at its first row), its rows adding up to the snapshot and its columns
//! to the segments now; the snapshot survives a reload (IndexedDB).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use fantoccini::Locator;

use crate::support::Session;

/// Make the generator's customers for `seed` as `dir/customers.csv`.
fn generate(seed: u32, dir: &Path) -> Option<PathBuf> {
    let generator =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/gen_customers.py");
    if !generator.exists() {
        return None;
    }
    std::fs::create_dir_all(dir).expect("data dir");
    let made = Command::new("python3")
        .arg(&generator)
        .args(["--customers", "400", "--no-transactions", "--tag", "t"])
        .args(["--seed", &seed.to_string()])
        .arg("--out")
        .arg(dir)
        .status()
        .expect("run the generator (python3 with numpy and pandas: .ci/setup installs them)");
    assert!(made.success(), "the generator failed");
    let path = dir.join("customers.csv");
    std::fs::rename(dir.join("customers_t.csv"), &path).expect("rename");
    Some(path)
}

/// Each customer's segment (0: under 35, 1: everyone else), first row of
/// a repeated id only (a blank age is not under 35), and how many rows
/// are under 35 (the rule's own count is of rows).
fn segments(path: &Path) -> (HashMap<String, usize>, usize) {
    let mut reader = csv::Reader::from_path(path).expect("customers.csv");
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (id, age) = (column("customer_id"), column("age"));
    let mut found = HashMap::new();
    let mut young_rows = 0;
    for record in reader.records() {
        let record = record.expect("record");
        let young = record[age]
            .trim()
            .parse::<f64>()
            .is_ok_and(|age| age < 35.0);
        young_rows += usize::from(young);
        found
            .entry(record[id].trim().to_string())
            .or_insert(usize::from(!young));
    }
    (found, young_rows)
}

/// Open `path`, and wait until the rule's segment has been counted on it
/// (`young_rows` rows). Any count would not do: after a reload the page
/// first restores the file open before, and counts the rule on that.
/// Records, at every change of the page, whether a load is under way and
/// whether a "Compare with now" button is enabled meanwhile.
const WATCH_COMPARE_DURING_LOAD: &str = r#"(() => {
    const seen = { loading_seen: false, enabled_while_loading: 0 };
    window.compareDuringLoad = seen;
    const loading = () => document.querySelector('section.load-progress') !== null;
    // The buttons are judged once the page has settled after a change (the
    // section and the button are updated by separate effects)…
    const check = () => {
        if (!loading()) return;
        const buttons = [...document.querySelectorAll('.snapshots button')]
            .filter(b => b.textContent === 'Compare with now');
        seen.enabled_while_loading += buttons.filter(b => !b.disabled).length;
    };
    // …but the load itself is noted at once: a small file can be open
    // again before a timer runs.
    new MutationObserver(() => {
        if (loading()) seen.loading_seen = true;
        setTimeout(check, 0);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    return true;
})()"#;

async fn open_and_count(s: &Session, path: &Path, young_rows: usize) {
    s.choose_file("Choose a file", path).await;
    s.wait_until(
        "the rule counted on the file just opened",
        &format!(
            "(() => {{ const p = document.querySelector('.rule-segment .rule-count'); return p && p.textContent.startsWith('{young_rows} customers in this segment'); }})()"
        ),
    )
    .await;
}

#[tokio::test]
async fn snapshot_then_newer_data_gives_a_movement_matrix_adding_up_to_both() {
    let work = std::env::temp_dir().join(format!("nimrokh-movement-{}", std::process::id()));
    let (Some(older), Some(newer)) = (
        generate(1, &work.join("older")),
        generate(2, &work.join("newer")),
    ) else {
        eprintln!("skipping: ../shared/tools/gen_customers.py not found");
        return;
    };
    let (before, young_rows) = segments(&older);
    let (after, young_rows_now) = segments(&newer);
    assert_ne!(
        young_rows, young_rows_now,
        "the two exports must differ for the waits below to tell them apart"
    );
    let rows = |path: &Path| csv::Reader::from_path(path).expect("csv").records().count();
    let (rows_then, rows_now) = (rows(&older), rows(&newer));
    let mut expected = [[0usize; 2]; 2];
    let mut left = [0usize; 2];
    for (id, &b) in &before {
        match after.get(id) {
            Some(&a) => expected[b][a] += 1,
            None => left[b] += 1,
        }
    }
    let mut joined = [0usize; 2];
    for (id, &a) in &after {
        if !before.contains_key(id) {
            joined[a] += 1;
        }
    }

    let s = Session::open().await;
    s.choose_file("Choose a file", &older).await;
    s.by_text("button", "New rule segmentation")
        .await
        .click()
        .await
        .expect("new rules");
    let condition = ".rule-segment .rule-condition";
    s.wait_for(Locator::Css(&format!("{condition} select")))
        .await
        .select_by_value("age")
        .await
        .expect("age");
    s.wait_for(Locator::Css(&format!("{condition} select:nth-of-type(2)")))
        .await
        .select_by_value("rules.op.less")
        .await
        .expect("less");
    s.wait_for(Locator::Css(&format!("{condition} input.rule-value")))
        .await
        .send_keys("35")
        .await
        .expect("35");
    s.wait_until(
        "the rule counted on the older data",
        &format!(
            "(() => {{ const p = document.querySelector('.rule-segment .rule-count'); return p && p.textContent.startsWith('{young_rows} customers in this segment'); }})()"
        ),
    )
    .await;

    s.by_text("button", "Take a snapshot")
        .await
        .click()
        .await
        .expect("snapshot");
    let taken = s
        .wait_until(
            "the snapshot kept",
            "(() => { const p = document.querySelector('.movement p[role=status]'); return p && p.textContent; })()",
        )
        .await;
    assert_eq!(
        taken,
        format!(
            "Snapshot of “Rules 1” kept in this browser: {} customers.",
            before.len()
        )
    );

    // A newer export of the same file: the rules apply to it again.
    s.reload().await;
    open_and_count(&s, &newer, young_rows_now).await;
    s.by_text("button", "Compare with now")
        .await
        .click()
        .await
        .expect("compare");
    let matrix = s
        .wait_until(
            "the movement matrix",
            "(() => { const rows = [...document.querySelectorAll('.movement-matrix tbody tr')]; return rows.length === 4 && rows.map(r => [...r.querySelectorAll('td')].map(td => td.textContent)); })()",
        )
        .await;
    let cells = |row: &[usize]| row.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let young_then = before.values().filter(|&&s| s == 0).count();
    let then_sizes = [young_then, before.len() - young_then];
    let now_sizes = [
        after.values().filter(|&&s| s == 0).count(),
        after.values().filter(|&&s| s == 1).count(),
    ];
    let with_totals = |b: usize| {
        let mut row = cells(&expected[b]);
        row.extend(cells(&[left[b], then_sizes[b]]));
        row
    };
    let mut joined_row = cells(&joined);
    joined_row.extend([String::new(), String::new()]);
    let mut totals_row = cells(&now_sizes);
    totals_row.extend([String::new(), String::new()]);
    assert_eq!(
        matrix,
        serde_json::json!([with_totals(0), with_totals(1), joined_row, totals_row])
    );
    // Rows add up to the snapshot, columns to now.
    for b in 0..2 {
        assert_eq!(expected[b][0] + expected[b][1] + left[b], then_sizes[b]);
    }
    for a in 0..2 {
        assert_eq!(expected[0][a] + expected[1][a] + joined[a], now_sizes[a]);
    }
    // Each persona's figures then and now: the rule's share of the rows.
    let share = |part: usize, whole: usize| format!("{:.1}%", 100.0 * part as f64 / whole as f64);
    let figures = s
        .wait_until(
            "the first persona's figures then and now",
            "(() => { const r = document.querySelector('.persona-change .figure-changes tbody tr'); return r && [...r.children].map(c => c.textContent); })()",
        )
        .await;
    assert_eq!(
        figures,
        serde_json::json!([
            "Share of customers",
            share(young_rows, rows_then),
            share(young_rows_now, rows_now)
        ])
    );
    s.wait_for_ink(
        "the flow chart drawn",
        "document.querySelector('canvas.flow-canvas')",
        500,
    )
    .await;
    s.eval(
        "(() => { document.querySelector('.movement-result').scrollIntoView(); return true; })()",
    )
    .await;
    s.screenshot("movement").await;

    // Opening another file: while it loads, Compare cannot be clicked (it
    // would compare the table still open), and once it is open the
    // comparison of the table before is gone. Watched from inside the
    // page, so even a short load is seen.
    s.eval(WATCH_COMPARE_DURING_LOAD).await;
    open_and_count(&s, &older, young_rows).await;
    let watched = s.eval("window.compareDuringLoad").await;
    assert_eq!(
        watched["loading_seen"], true,
        "the load was never seen: {watched}"
    );
    assert_eq!(
        watched["enabled_while_loading"], 0,
        "Compare was clickable during the load: {watched}"
    );
    assert_eq!(
        s.eval("document.querySelector('.movement-result') === null")
            .await,
        true,
        "the comparison of the table before stayed on screen"
    );

    // The snapshot is still there after a reload.
    s.reload().await;
    open_and_count(&s, &newer, young_rows_now).await;
    let listed = s
        .wait_until(
            "the snapshot listed after a reload",
            "(() => { const r = [...document.querySelectorAll('.snapshots tbody th')].map(th => th.textContent); return r.length && r; })()",
        )
        .await;
    assert_eq!(listed, serde_json::json!(["Rules 1"]));
    s.close().await;
    let _ = std::fs::remove_dir_all(&work);
}
