// The engine's Web Worker. It loads the same wasm as the page (module and
// wasm URLs come in the query string, set by the page from the hashed names
// Trunk wrote into index.html) and hands control to Rust. Messages that
// arrive while the wasm loads are queued and replayed by Rust.
const queued = [];
self.onmessage = (event) => queued.push(event);
const params = new URL(self.location.href).searchParams;
// Only load code from this site, whatever the query string says.
const sameOrigin = (url) => new URL(url, self.location.href).origin === self.location.origin;
const js = params.get("js");
const wasm = params.get("wasm");
if (!js || !wasm || !sameOrigin(js) || !sameOrigin(wasm)) {
  throw new Error("engine worker: missing or foreign module URL");
}
const bindings = await import(new URL(js, self.location.href).href);
await bindings.default({ module_or_path: new URL(wasm, self.location.href).href });
bindings.start_engine_worker(queued);
