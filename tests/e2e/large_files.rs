//! Big files: the engine runs in a Web Worker, a load shows its progress
//! and can be cancelled, and the preview scrolls through a million rows.

use std::fmt::Write;
use std::time::Duration;

use serde_json::json;

use crate::support::{fixture, Session, TempFile};

/// A CSV of `rows` customers whose `id` equals their 1-based row number.
fn numbered_customers(rows: usize) -> String {
    let mut text = String::with_capacity(rows * 48);
    text.push_str("id,name,city,amount\n");
    for id in 1..=rows {
        let _ = writeln!(
            text,
            "{id},Customer {id},City {},{}.{:02}",
            id % 97,
            id % 5000,
            id % 100
        );
    }
    text
}

/// The engine answers from the worker, not the page.
async fn assert_engine_in_worker(s: &Session) {
    let home = s
        .wait_until(
            "the engine to start in its worker",
            "document.querySelector('main')?.dataset.engine === 'worker' && 'worker'",
        )
        .await;
    assert_eq!(home, "worker");
}

#[tokio::test]
async fn a_big_load_shows_progress_and_cancel_keeps_the_open_file() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("Rows").await, "499");
    assert_engine_in_worker(&s).await;

    let big = TempFile::new("big customers.csv", numbered_customers(2_000_000));
    s.choose_file("Choose a file", &big.path).await;
    // The bar appears and moves while the worker reads.
    let moving = s
        .wait_until(
            "the progress bar to move",
            "(() => { const p = document.querySelector('.load-progress progress'); return p && p.value > 0; })()",
        )
        .await;
    assert_eq!(moving, true);
    s.by_text("button", "Cancel")
        .await
        .click()
        .await
        .expect("click Cancel");
    let status = s.text_of("the cancelled status", ".load-status").await;
    assert_eq!(
        status,
        "Loading “big customers.csv” was cancelled. Nothing else changed."
    );
    assert_eq!(
        s.eval("document.querySelector('.load-progress') === null")
            .await,
        true
    );
    // The file open before is still the one shown, rows and all.
    assert_eq!(s.fact("File name").await, "online_retail_500.csv");
    assert_eq!(s.fact("Rows").await, "499");
    let first_row = s
        .text_of(
            "the preview's first row",
            // The row number is the first cell, the Description the fourth.
            "section.preview tbody tr:nth-child(1) td:nth-child(4)",
        )
        .await;
    assert_eq!(first_row, "WHITE HANGING HEART T-LIGHT HOLDER");
    s.close().await;
}

/// Every row the preview shows: (row number shown, id cell), as text.
const SHOWN_ROWS: &str = "[...document.querySelectorAll('section.preview tbody tr')]\
    .map(tr => [tr.querySelector('th').textContent, tr.querySelector('td').textContent])";

#[tokio::test]
async fn a_million_rows_load_off_the_page_and_scroll_to_the_last() {
    let s = Session::open().await;
    assert_engine_in_worker(&s).await;
    // Record the page's long tasks during the load (figures printed, not
    // asserted: speed is measured by the benchmark, not by tests).
    s.eval(
        "(() => { window.longTasks = []; new PerformanceObserver(list => \
           window.longTasks.push(...list.getEntries().map(e => e.duration))\
         ).observe({ type: 'longtask' }); return true; })()",
    )
    .await;
    let file = TempFile::new("million.csv", numbered_customers(1_000_000));
    let started = std::time::Instant::now();
    s.choose_file("Choose a file", &file.path).await;
    s.wait_until_within(
        "a million rows loaded",
        "[...document.querySelectorAll('dt')].some(dt => dt.textContent === 'Rows' && dt.nextElementSibling.textContent === '1,000,000')",
        Duration::from_secs(180),
    )
    .await;
    let long_tasks = s.eval("window.longTasks").await;
    let durations: Vec<f64> = long_tasks
        .as_array()
        .map(|all| all.iter().filter_map(|d| d.as_f64()).collect())
        .unwrap_or_default();
    eprintln!(
        "figures: 1,000,000 rows ({} MB) loaded in {:.1} s; main-thread long tasks: {} (longest {:.0} ms)",
        std::fs::metadata(&file.path).map(|m| m.len() / 1_000_000).unwrap_or(0),
        started.elapsed().as_secs_f64(),
        durations.len(),
        durations.iter().copied().fold(0.0, f64::max),
    );

    // The first window, then the last: row numbers match the ids in the file.
    let top = s
        .wait_until(
            "the first rows",
            &format!("(() => {{ const r = {SHOWN_ROWS}; return r.length && r; }})()"),
        )
        .await;
    assert_eq!(top[0], json!(["1", "1"]));
    s.eval(
        "(() => { const w = document.querySelector('.row-window'); w.scrollTop = w.scrollHeight; return true; })()",
    )
    .await;
    let bottom = s
        .wait_until(
            "the last row in view",
            &format!("(() => {{ const r = {SHOWN_ROWS}; return r.length && r[r.length - 1][0] === '1,000,000' && r; }})()"),
        )
        .await;
    for row in bottom.as_array().expect("rows") {
        let number = row[0].as_str().unwrap_or_default().replace(',', "");
        assert_eq!(number, row[1].as_str().unwrap_or_default(), "{row}");
    }
    assert_eq!(
        bottom[bottom.as_array().map_or(0, Vec::len) - 1],
        json!(["1,000,000", "1000000"])
    );

    // Halfway down shows rows from the middle, still numbered right.
    s.eval(
        "(() => { const w = document.querySelector('.row-window'); w.scrollTop = (w.scrollHeight - w.clientHeight) / 2; return true; })()",
    )
    .await;
    let middle = s
        .wait_until(
            "rows from the middle",
            &format!("(() => {{ const r = {SHOWN_ROWS}; const n = Number(r[0][0].replaceAll(',', '')); return n > 400000 && n < 600000 && r; }})()"),
        )
        .await;
    for row in middle.as_array().expect("rows") {
        let number = row[0].as_str().unwrap_or_default().replace(',', "");
        assert_eq!(number, row[1].as_str().unwrap_or_default(), "{row}");
    }
    s.close().await;
}

/// A CSV of `rows` customers with a column of each common kind.
fn varied_customers(rows: usize) -> String {
    let mut text = String::with_capacity(rows * 64);
    text.push_str("customer_id,city,amount,joined,nps,note\n");
    let cities = ["Tehran", "شیراز", "Rasht", "", "Mashhad", "تبریز"];
    for id in 1..=rows {
        let city = cities[id % cities.len()];
        let amount = if id % 50 == 0 {
            "n/a".to_string()
        } else {
            format!("{}.{:02}", id % 900, id % 100)
        };
        let joined = format!("2024-{:02}-{:02}", id % 12 + 1, id % 28 + 1);
        let note = if id % 3 == 0 {
            format!("order {}", id % 700)
        } else {
            String::new()
        };
        let _ = writeln!(text, "{id},{city},{amount},{joined},{},{note}", id % 11);
    }
    text
}

/// Start an engine worker of the page's build as the page does, wait for
/// one of its helpers to be ready, load `input`'s file in it, and leave
/// `{ columns, helpers, helpers_bytes, cores }` in `window.probe`.
const PROBE: &str = r#"(async () => {
  const url = new URL("engine-worker.js", location.href);
  const tag = document.querySelector("script[data-nimrokh-js]");
  url.searchParams.set("js", tag.dataset.nimrokhJs);
  url.searchParams.set("wasm", tag.dataset.nimrokhWasm);
  const worker = new Worker(url, { type: "module" });
  const replies = [];
  let wake = () => {};
  worker.onmessage = (event) => { replies.push(JSON.parse(event.data)); wake(); };
  const next = async (test) => {
    for (;;) {
      const index = replies.findIndex(test);
      if (index >= 0) return replies.splice(index, 1)[0];
      await new Promise((resolve) => (wake = resolve));
    }
  };
  const post = (call, file) => worker.postMessage({ call: JSON.stringify(call), file });
  await next((r) => r.reply === "ready");
  const cores = navigator.hardwareConcurrency;
  let memory;
  for (let id = 100; ; id++) {
    post({ call: "memory", id });
    memory = await next((r) => r.reply === "memory" && r.id === id);
    if (memory.helpers > 0 || cores < 2 || id > 200) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const file = document.getElementById("probe-file").files[0];
  post({ call: "open", id: 1, file_name: file.name, size: file.size, options: {} }, file);
  const answer = await next((r) => r.reply === "answer" && r.id === 1);
  post({ call: "memory", id: 2 });
  memory = await next((r) => r.reply === "memory" && r.id === 2);
  worker.terminate();
  window.probe = { answer: answer.response, helpers: memory.helpers, helpers_bytes: memory.helpers_bytes, cores };
})()"#;

#[tokio::test]
async fn columns_inferred_on_helper_workers_are_what_the_engine_infers() {
    let s = Session::open().await;
    let text = varied_customers(120_000);
    let file = TempFile::new("varied.csv", &text);
    s.eval(
        "(() => { const input = document.createElement('input'); input.type = 'file'; \
           input.id = 'probe-file'; document.body.prepend(input); return true; })()",
    )
    .await;
    let input = s.wait_for(fantoccini::Locator::Id("probe-file")).await;
    input
        .send_keys(&file.path.display().to_string())
        .await
        .expect("choose the file");
    s.eval(&format!(
        "(window.probe = null, {PROBE}.catch((e) => (window.probe = {{ error: String(e) }})), true)"
    ))
    .await;
    let probe = s
        .wait_until_within("the probe's load", "window.probe", Duration::from_secs(60))
        .await;
    let answer = &probe["answer"];
    assert_eq!(answer["response"], "loaded", "{answer}");
    let in_browser: Vec<nimrokh::engine::ColumnSummary> =
        serde_json::from_value(answer["columns"].clone()).expect("column summaries");
    let native = nimrokh::engine::inspect("varied.csv", text.as_bytes()).expect("loads natively");
    assert_eq!(in_browser, native.columns);
    // The columns were shared: a helper was ready and answered (it reports
    // its memory with each answer). One core has no helper to share with.
    let cores = probe["cores"].as_u64().unwrap_or(0);
    eprintln!(
        "figures: {cores} cores, {} helpers, {:.1} MB of helper wasm memory",
        probe["helpers"],
        probe["helpers_bytes"].as_f64().unwrap_or(0.0) / 1048576.0
    );
    if cores >= 2 {
        assert!(probe["helpers"].as_u64() >= Some(1), "{probe}");
        assert!(probe["helpers_bytes"].as_f64() > Some(0.0), "{probe}");
    }
}
