// A helper of the engine's worker: it infers the types of the columns the
// engine lends it, on another core (src/worker/helpers.rs). The engine
// starts it with the wasm-bindgen module's URL in the query string and
// sends the compiled wasm module as the first message, so the wasm is not
// downloaded or compiled again. Columns that arrive while the wasm loads
// are queued and answered by Rust.
const queued = [];
let receiveModule;
const moduleArrived = new Promise((resolve) => (receiveModule = resolve));
self.onmessage = (event) => {
  if (event.data && event.data.module instanceof WebAssembly.Module) {
    receiveModule(event.data.module);
  } else {
    queued.push(event);
  }
};
const js = new URL(self.location.href).searchParams.get("js");
// Only load code from this site, whatever the query string says.
if (!js || new URL(js, self.location.href).origin !== self.location.origin) {
  throw new Error("infer helper: missing or foreign module URL");
}
const bindings = await import(new URL(js, self.location.href).href);
await bindings.default({ module_or_path: await moduleArrived });
bindings.start_infer_helper(queued);
