// Reads the chosen file with three in-browser CSV readers and reports, for
// each, wall time, throughput, rows, main-thread long tasks and (ours)
// the worker's wasm memory. Bundled by esbuild in .ci/bench; driven by
// run_browser.py. Each reader's start-up (wasm download and compile) is
// excluded: the clock starts when it is ready to read.
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

// Nimrokh: its own engine worker, spoken to in its own protocol.
async function nimrokh() {
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
    replies.push(JSON.parse(event.data));
    wake();
  };
  const next = async (test) => {
    for (;;) {
      const index = replies.findIndex(test);
      if (index >= 0) return replies.splice(index, 1)[0];
      await new Promise((resolve) => (wake = resolve));
    }
  };
  await next((r) => r.reply === "ready");
  const result = await timed(async (file) => {
    const call = { call: "open", id: 1, file_name: file.name, size: file.size, options: {} };
    worker.postMessage({ call: JSON.stringify(call), file });
    const answer = await next((r) => r.reply === "answer" && r.id === 1);
    const response = answer.response;
    if (response.response !== "loaded") return { error: JSON.stringify(response) };
    return { rows: response.report.rows, columns: response.columns };
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
  worker.postMessage({ call: JSON.stringify({ call: "memory", id: 2 }) });
  const memory = await next((r) => r.reply === "memory");
  worker.terminate();
  return { ...result, wasm_memory_mb: memory.bytes / 1048576 };
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

// DuckDB-Wasm in its own worker: read_csv_auto into a table.
async function duckdbWasm() {
  const base = new URL("duckdb/", location.href).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: base + "duckdb-mvp.wasm", mainWorker: base + "duckdb-browser-mvp.worker.js" },
    eh: { mainModule: base + "duckdb-eh.wasm", mainWorker: base + "duckdb-browser-eh.worker.js" },
  });
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
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

window.bench = { nimrokh, papaparse, duckdb: duckdbWasm };
window.benchReady = true;
