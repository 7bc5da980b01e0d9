// Starts the wasm app. Trunk's default loader is an inline <script>, which the
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's
// pattern_script instead emits a <script src="boot.js"> tag carrying the
// hashed file names, and this file loads them.
const tag = document.querySelector("script[data-nimrokh-js]");
const { default: init } = await import(tag.dataset.nimrokhJs);
await init({ module_or_path: tag.dataset.nimrokhWasm });
dispatchEvent(new CustomEvent("TrunkApplicationStarted"));

// Offline use: once the app runs (so it never delays the first start),
// register the service worker that caches this build's files (src/web/sw.js).
// Relative URL and scope: the app may live under a sub-path (GitHub Pages).
// Without it (an old browser, a private window that refuses it) the app
// works as before, online.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register("sw.js", { scope: "./" })
    .catch((error) => console.warn("Nimrokh: no offline use:", error));
}
