// Reads the chosen file with three in-browser CSV readers and reports, for
// each, wall time, throughput, rows, main-thread long tasks and (ours)
// the worker's wasm memory. Bundled by esbuild in .ci/bench; driven by
// run_browser.py. Each reader's start-up (wasm download and compile) is
// excluded: the clock starts when it is ready to read.
//
// `nimrokh_rfm` and `duckdb_rfm` (`.ci/bench rfm`) read a transaction log
// and then compute per-customer recency, frequency and money: Nimrokh's
// customer base (Request::Customers) beside DuckDB's GROUP BY.
//
// `nimrokh_segments` (`.ci/bench segments`) loads the customers file and
// segments it (Request::Segment: auto-k 2–8, then k = 5 alone, then a
// segmentation cancelled mid-way), timing each, counting progress replies
// and watching the main thread.
import Papa from "papaparse";
import * as duckdb from "@duckdb/duckdb-wasm";

const chosenFile = () => document.getElementById("file").files[0];

let longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: "longtask" });

async function timed(read) {
  const file = chosenFile();
  longTasks = [];
  const started = performance.now();
  const extra = await read(file);
  const ms = performance.now() - started;
  // Let the long-task observer deliver what is still queued.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    ms,
    mb_per_s: file.size / 1e6 / (ms / 1000),
    long_tasks: longTasks.length,
    longest_task_ms: Math.max(0, ...longTasks),
    ...extra,
  };
}

// Nimrokh's own engine worker, ready for calls: `next(test)` waits for the
// first reply passing `test`.
async function startNimrokh() {
  const index = await (await fetch("index.html")).text();
  const tag = new DOMParser()
    .parseFromString(index, "text/html")
    .querySelector("script[data-nimrokh-js]");
  const url = new URL("engine-worker.js", location.href);
  url.searchParams.set("js", tag.dataset.nimrokhJs);
  url.searchParams.set("wasm", tag.dataset.nimrokhWasm);
  const worker = new Worker(url, { type: "module" });
  const replies = [];
  let wake = () => {};
  worker.onmessage = (event) => {
    // When each reply arrived, for the phases of a load (`loadPhases`).
    replies.push({ ...JSON.parse(event.data), arrived: performance.now() });
    wake();
  };
  const next = async (test) => {
    for (;;) {
      const index = replies.findIndex(test);
      if (index >= 0) return replies.splice(index, 1)[0];
      await new Promise((resolve) => (wake = resolve));
    }
  };
  next.replies = replies;
  await next((r) => r.reply === "ready");
  return { worker, next };
}

// The wasm memory of the worker and of its helper workers, which infer
// lent columns on other cores (peaks: wasm memory only grows).
// `wasm_memory_mb` counts them all.
async function wasmMemory(worker, next) {
  worker.postMessage({ call: JSON.stringify({ call: "memory", id: 2 }) });
  const memory = await next((r) => r.reply === "memory");
  return {
    wasm_memory_mb: (memory.bytes + memory.helpers_bytes) / 1048576,
    engine_memory_mb: memory.bytes / 1048576,
    helpers: memory.helpers,
    helpers_memory_mb: memory.helpers_bytes / 1048576,
  };
}

// Load the chosen file in a fresh Nimrokh worker (Call::Open): the worker,
// its reply queue, the `loaded` answer, when the load began and how long
// it took.
async function openInNimrokh() {
  const { worker, next } = await startNimrokh();
  const file = chosenFile();
  const started = performance.now();
  const open = { call: "open", id: 1, file_name: file.name, size: file.size, options: {} };
  worker.postMessage({ call: JSON.stringify(open), file });
  const loaded = (await next((r) => r.reply === "answer" && r.id === 1)).response;
  return { worker, next, loaded, started, load_ms: performance.now() - started };
}

// How long each phase of load `id` took, in ms from `started` to `ended`,
// from the progress replies still queued: a phase runs from its first
// report (the worker reports a phase as it begins) to the next phase's.
// `reading` is the file arriving in chunks and, for a plain UTF-8 file,
// parsing each chunk as it comes; `parsing` what is left after the last
// chunk; `inferring` the types and roles of the columns.
function loadPhases(next, id, started, ended) {
  const firsts = [];
  const phases = {};
  for (;;) {
    const index = next.replies.findIndex((r) => r.reply === "progress" && r.id === id);
    if (index < 0) break;
    const { progress, arrived } = next.replies.splice(index, 1)[0];
    const phase = typeof progress.phase === "string" ? progress.phase : Object.keys(progress.phase)[0];
    // A file read whole (not parsed as it came): every byte in the
    // worker's memory, before any of it is decoded.
    if (phase === "reading" && progress.done === progress.total) {
      phases.bytes_in_ms = Math.round(arrived - started);
    }
    if (!firsts.length || firsts[firsts.length - 1].phase !== phase) firsts.push({ phase, arrived });
  }
  firsts.forEach(({ phase, arrived }, i) => {
    const from = i === 0 ? started : arrived;
    const to = i + 1 < firsts.length ? firsts[i + 1].arrived : ended;
    phases[`${phase}_ms`] = Math.round(to - from);
  });
  return phases;
}

// Nimrokh: its own engine worker, spoken to in its own protocol.
async function nimrokh() {
  const { worker, next } = await startNimrokh();
  const result = await timed(async (file) => {
    const call = { call: "open", id: 1, file_name: file.name, size: file.size, options: {} };
    const started = performance.now();
    worker.postMessage({ call: JSON.stringify(call), file });
    const answer = await next((r) => r.reply === "answer" && r.id === 1);
    const response = answer.response;
    if (response.response !== "loaded") return { error: JSON.stringify(response) };
    const phases = loadPhases(next, 1, started, answer.arrived);
    return { rows: response.report.rows, columns: response.columns, phases };
  });
  // Profile: every column's statistics, as the page asks for them.
  const columns = result.columns || [];
  const numericTypes = ["integer", "decimal", "money", "percent"];
  const profileStarted = performance.now();
  for (const [index, column] of columns.entries()) {
    const call = {
      call: "ask",
      id: 10 + index,
      request: { request: "stats", column: index, numeric: numericTypes.includes(column.guess.column_type) },
    };
    worker.postMessage({ call: JSON.stringify(call) });
    await next((r) => r.reply === "answer" && r.id === 10 + index);
  }
  result.profile_ms = performance.now() - profileStarted;
  result.columns = columns.length;
  const memory = await wasmMemory(worker, next);
  worker.terminate();
  return { ...result, ...memory };
}

// Papa Parse with dynamicTyping on the main thread (its worker mode needs
// its own script URL, which a bundle does not have), keeping every row as
// Nimrokh does.
async function papaparse() {
  return timed(
    (file) =>
      new Promise((resolve) => {
        const rows = [];
        Papa.parse(file, {
          header: true,
          // Numbers and booleans converted, as the ingest issue specifies.
          dynamicTyping: true,
          skipEmptyLines: true,
          chunk: (results) => {
            for (const row of results.data) rows.push(row);
          },
          complete: () => resolve({ rows: rows.length }),
          error: (error) => resolve({ error: String(error) }),
        });
      }),
  );
}

// DuckDB-Wasm in its own worker, instantiated and connected.
async function startDuckdb() {
  const base = new URL("duckdb/", location.href).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: base + "duckdb-mvp.wasm", mainWorker: base + "duckdb-browser-mvp.worker.js" },
    eh: { mainModule: base + "duckdb-eh.wasm", mainWorker: base + "duckdb-browser-eh.worker.js" },
  });
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  return { db, conn };
}

// DuckDB-Wasm in its own worker: read_csv_auto into a table.
async function duckdbWasm() {
  const { db, conn } = await startDuckdb();
  const result = await timed(async (file) => {
    await db.registerFileHandle("input.csv", file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    try {
      await conn.query("CREATE TABLE t AS SELECT * FROM read_csv_auto('input.csv')");
      const count = await conn.query("SELECT count(*)::INTEGER AS n FROM t");
      // Profile: DuckDB's own per-column summary (min, max, distinct
      // estimate, mean, std, quartiles, null share).
      const profileStarted = performance.now();
      await conn.query("SUMMARIZE t");
      const profile_ms = performance.now() - profileStarted;
      return { rows: count.toArray()[0].n, profile_ms };
    } catch (error) {
      return { error: String(error.message || error).split("\n")[0] };
    }
  });
  await conn.close();
  await db.terminate();
  return result;
}

// The transaction log's columns, as the generator names them.
const LOG = { customer: "customer_id", date: "txn_ts", value: "amount" };

// Nimrokh on a transaction log: load it (Call::Open, as above), then build
// the customer base (Request::Customers: the log read, each customer's
// recency, frequency and money in weeks and days, BG/NBD and Gamma-Gamma
// fitted, a record per customer kept in the worker; the page gets a
// summary). Timed apart and together.
async function nimrokhRfm() {
  const { worker, next, loaded, started, load_ms } = await openInNimrokh();
  if (loaded.response !== "loaded") return { error: JSON.stringify(loaded).slice(0, 300) };
  const index = (name) => loaded.columns.findIndex((column) => column.name === name);
  const columns = { customer: index(LOG.customer), date: index(LOG.date), value: index(LOG.value) };
  const askStarted = performance.now();
  const ask = { call: "ask", id: 3, request: { request: "customers", columns, as_of: null } };
  worker.postMessage({ call: JSON.stringify(ask) });
  const base = (await next((r) => r.reply === "answer" && r.id === 3)).response;
  const rfm_ms = performance.now() - askStarted;
  const total_ms = performance.now() - started;
  const memory = await wasmMemory(worker, next);
  worker.terminate();
  if (base.response !== "customers") return { load_ms, error: JSON.stringify(base).slice(0, 300) };
  return {
    load_ms,
    rfm_ms,
    total_ms,
    rows: loaded.report.rows,
    lines_used: base.log.used,
    customers: base.customers,
    returns_only: base.returns_only,
    // Customers with a used line, as DuckDB's GROUP BY counts them.
    customers_with_a_line: base.customers + base.returns_only,
    model_fitted: "Fitted" in base.model,
    ...memory,
  };
}

// An SQL expression reading `column` as `type` when read_csv_auto did not
// (a few amounts are written `99.99 USD`, which makes the column text).
function readAs(column, sniffed, type) {
  const already = type === "DOUBLE" ? /DECIMAL|DOUBLE|FLOAT|INT/ : /^(TIMESTAMP|DATE)/;
  if (already.test(sniffed)) return column;
  // A trailing currency code dropped, only for the cells that are not
  // plain numbers: the fastest correct form of those tried (on 4 M cells a
  // regular expression on every cell took 1.7x as long, rtrim 8x).
  if (type === "DOUBLE") {
    const withoutCode = `regexp_replace(trim(${column}), '\\s*[A-Za-z]{3}$', '')`;
    return `coalesce(TRY_CAST(${column} AS DOUBLE), TRY_CAST(${withoutCode} AS DOUBLE))`;
  }
  return `TRY_CAST(${column} AS ${type})`;
}

// DuckDB-Wasm on the same log: read_csv_auto into a table, then recency
// (last purchase), frequency (lines) and money (sum) per customer, over
// the lines with a customer, a date and a value (Nimrokh's "used" lines),
// into a table of its own. Timed apart and together.
async function duckdbRfm() {
  const { db, conn } = await startDuckdb();
  const file = chosenFile();
  let load_ms;
  try {
    const started = performance.now();
    await db.registerFileHandle("input.csv", file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    await conn.query("CREATE TABLE t AS SELECT * FROM read_csv_auto('input.csv')");
    load_ms = performance.now() - started;
    // Untimed: the sniffed types, to read the columns as numbers and times.
    const types = Object.fromEntries(
      (await conn.query("DESCRIBE t")).toArray().map((row) => [row.column_name, row.column_type]),
    );
    const value = readAs(LOG.value, types[LOG.value], "DOUBLE");
    const date = readAs(LOG.date, types[LOG.date], "TIMESTAMP");
    const query = `CREATE TABLE rfm AS
      SELECT ${LOG.customer} AS customer, max(day) AS last_purchase, count(*) AS frequency, sum(value) AS monetary
      FROM (SELECT ${LOG.customer}, ${date} AS day, ${value} AS value FROM t)
      WHERE ${LOG.customer} IS NOT NULL AND day IS NOT NULL AND value IS NOT NULL
      GROUP BY ${LOG.customer}`;
    const queryStarted = performance.now();
    await conn.query(query);
    const rfm_ms = performance.now() - queryStarted;
    const total_ms = performance.now() - started;
    const counts = (
      await conn.query(
        "SELECT (SELECT count(*) FROM t)::INTEGER AS rows, count(*)::INTEGER AS customers, sum(frequency)::INTEGER AS lines FROM rfm",
      )
    ).toArray()[0];
    return {
      load_ms,
      rfm_ms,
      total_ms,
      rows: counts.rows,
      lines_used: counts.lines,
      customers_with_a_line: counts.customers,
      sniffed: { value: types[LOG.value], date: types[LOG.date] },
    };
  } catch (error) {
    return { load_ms, error: String(error.message || error).split("\n")[0] };
  } finally {
    await conn.close();
    await db.terminate();
  }
}

// The six segmentation features (as tests/segment_speed.rs and
// sklearn_segments.py): four numbers, income on a log scale, two categories.
const SEGMENT_FEATURES = [
  ["age", { numeric: { scaling: "standard", log1p: false, weight: 1.0 } }],
  ["annual_income", { numeric: { scaling: "standard", log1p: true, weight: 1.0 } }],
  ["nps_score", { numeric: { scaling: "standard", log1p: false, weight: 1.0 } }],
  ["satisfaction", { numeric: { scaling: "standard", log1p: false, weight: 1.0 } }],
  ["gender", { categorical: { weight: 1.0 } }],
  ["channel", { categorical: { weight: 1.0 } }],
];

// The main thread's own view while the worker segments: long tasks (from
// the observer above) and the largest gap between 10 ms timer ticks (how
// late the page could answer a click).
function watchMainThread() {
  longTasks = [];
  let last = performance.now();
  let worstGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, 10);
  return async () => {
    clearInterval(timer);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { long_tasks: longTasks.length, longest_task_ms: Math.max(0, ...longTasks), worst_timer_gap_ms: worstGap };
  };
}

// Post a segmentation and wait for its answer, recording its progress
// replies; `onProgress(reply)` may act on them (the cancel test does).
async function segmentAndWatch(worker, next, id, request, onProgress = () => {}) {
  const started = performance.now();
  worker.postMessage({ call: JSON.stringify({ call: "ask", id, request: { request: "segment", ...request } }) });
  const progress = [];
  for (;;) {
    const reply = await next((r) => r.id === id && (r.reply === "progress" || r.reply === "answer"));
    const at = performance.now() - started;
    if (reply.reply === "answer") return { ms: at, response: reply.response, progress };
    progress.push({ at, done: reply.progress.done, total: reply.progress.total, phase: reply.progress.phase });
    onProgress(reply, at);
  }
}

function progressFigures(progress) {
  const gaps = progress.slice(1).map((p, i) => p.at - progress[i].at);
  return {
    progress_replies: progress.length,
    first_progress_ms: progress.length ? progress[0].at : null,
    longest_progress_gap_ms: Math.max(0, ...gaps),
    progress_monotonic: progress.every((p, i) => i === 0 || p.done >= progress[i - 1].done),
    last_progress: progress.length ? `${progress.at(-1).done}/${progress.at(-1).total}` : null,
  };
}

// Nimrokh: load the customers file (Call::Open), then
// 1. auto-k 2–8 with the engine's defaults (fits on a 50,000 sample, 4
//    restarts per k, silhouette on 4,000, 5 bootstraps, every customer
//    assigned, the PCA map) — the "end to end";
// 2. k = 5 alone, 1 restart (k_min = k_max = 5: one fit on the sample plus
//    the same scoring, bootstraps, assignment and map);
// 3. auto-k again, cancelled after its first progress reply past 1 s:
//    how long until the worker answers `segment_cancelled`, and that a
//    fresh request still works afterwards is shown by 1 and 2 running in
//    the same worker.
async function nimrokhSegments() {
  const { worker, next, loaded, load_ms } = await openInNimrokh();
  if (loaded.response !== "loaded") return { error: JSON.stringify(loaded).slice(0, 300) };
  const features = SEGMENT_FEATURES.map(([name, kind]) => {
    const column = loaded.columns.findIndex((c) => c.name === name);
    return { column, kind };
  });
  if (features.some((f) => f.column < 0)) return { load_ms, error: "a feature column is missing" };
  const request = (k_min, k_max, restarts) => ({ features, k_min, k_max, k: null, seed: 42, restarts });

  let stop = watchMainThread();
  const auto = await segmentAndWatch(worker, next, 3, request(2, 8, 4));
  const autoMain = await stop();
  const found = auto.response;
  if (found.response !== "segmented") return { load_ms, error: JSON.stringify(found).slice(0, 300) };

  stop = watchMainThread();
  const single = await segmentAndWatch(worker, next, 4, request(5, 5, 1));
  const singleMain = await stop();

  let cancelPosted = null;
  const cancelled = await segmentAndWatch(worker, next, 5, request(2, 8, 4), (reply, at) => {
    if (cancelPosted === null && at > 1000) {
      cancelPosted = at;
      worker.postMessage({ call: JSON.stringify({ call: "cancel", id: 5 }) });
    }
  });
  const memory = await wasmMemory(worker, next);
  worker.terminate();
  return {
    load_ms,
    segment_ms: auto.ms,
    total_ms: load_ms + auto.ms,
    rows: loaded.report.rows,
    segmented: found.segmented,
    dim: found.features.outputs.length,
    outputs: found.features.outputs,
    suggested: found.suggested,
    fitted: found.fitted,
    silhouette_points: found.silhouette_points,
    restarts: found.request.restarts,
    stability_runs: found.stability ? found.stability.adjusted_rand.length : 0,
    mean_adjusted_rand: found.stability ? found.stability.mean_adjusted_rand : null,
    sizes: found.sizes,
    scores: found.scores.map((s) => ({ k: s.k, silhouette: s.silhouette, iterations: s.iterations })),
    ...progressFigures(auto.progress),
    main_thread: autoMain,
    k5_ms: single.ms,
    k5_response: single.response.response,
    k5_sizes: single.response.sizes,
    k5_main_thread: singleMain,
    cancel_after_ms: cancelPosted,
    cancel_answer: cancelled.response.response,
    cancel_latency_ms: cancelPosted === null ? null : cancelled.ms - cancelPosted,
    ...memory,
  };
}

window.bench = {
  nimrokh,
  papaparse,
  duckdb: duckdbWasm,
  nimrokh_rfm: nimrokhRfm,
  duckdb_rfm: duckdbRfm,
  nimrokh_segments: nimrokhSegments,
};
window.benchReady = true;
