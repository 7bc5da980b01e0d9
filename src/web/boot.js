// Starts the wasm app. Trunk's default loader is an inline <script>, which the
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's
// pattern_script instead emits a <script src="boot.js"> tag carrying the
// hashed file names, and this file loads them.
const tag = document.querySelector("script[data-nimrokh-js]");
const { default: init } = await import(tag.dataset.nimrokhJs);
await init({ module_or_path: tag.dataset.nimrokhWasm });
dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
