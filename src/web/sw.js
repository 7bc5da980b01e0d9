// The service worker that lets Nimrokh open without a network after the
// first visit. It caches the app's own files — every file of the build —
// and nothing else: no customer file ever passes through here (files are
// read from disk by the page and the engine worker, never fetched).
//
// The two lines below are rewritten in the built copy by the Trunk
// post_build hook (.ci/precache.mjs): BUILD becomes a hash of the build's
// files and FILES their paths relative to this script. A changed build is
// a changed sw.js, which is how the browser notices an update. Debug builds
// (`trunk serve`) keep FILES empty: nothing is cached, so a developer's
// reload always shows the latest build.
const BUILD = "unbuilt";
const FILES = [];

const PREFIX = "nimrokh-";
const CACHE = PREFIX + BUILD;
// This script sits at the site's root (also under a GitHub Pages sub-path),
// so its directory is the app's directory and the registration's scope.
const ROOT = new URL("./", self.location.href).href;
const INDEX = new URL("index.html", ROOT).href;
const PRECACHED = new Set(FILES.map((file) => new URL(file, ROOT).href));

self.addEventListener("install", (event) => {
  // All or nothing: addAll fails if any file fails, and the previous
  // build's worker stays in charge (the empty cache goes, so activate never
  // mistakes it for the previous build's). "reload" skips the HTTP cache,
  // so an index.html cached by the browser cannot be stored under this build.
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await cache.addAll([...PRECACHED].map((url) => new Request(url, { cache: "reload" })));
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Keep this build's cache and the one before it: a tab opened on the
      // previous build is taken over by this worker (skipWaiting, claim)
      // and may still ask for that build's hashed files. Older ones go.
      const ours = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      const previous = ours.at(-1); // caches.keys() lists in creation order
      await Promise.all(ours.filter((name) => name !== previous).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Only our own GETs. Anything cross-origin is left to the browser (the
  // CSP forbids it anyway); so is every URL that is not a build file.
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const key = cacheKey(url, request.mode);
  if (key) event.respondWith(cacheFirst(key, request));
});

// The cached entry answering `url`, or null. The query and the hash are
// ignored: the engine worker is loaded as engine-worker.js?js=…&wasm=…, and
// a link such as ./#demo=shop (its hash never reaches here) or ./?x is a
// navigation to the app's page.
function cacheKey(url, mode) {
  const bare = url.origin + url.pathname;
  if (PRECACHED.has(bare)) return bare;
  if (mode === "navigate" && bare === ROOT && PRECACHED.has(INDEX)) return INDEX;
  return null;
}

async function cacheFirst(key, request) {
  const options = { ignoreVary: true };
  const cache = await caches.open(CACHE);
  // This build's copy, else the previous build's (see activate), else the
  // network.
  const hit = (await cache.match(key, options)) ?? (await caches.match(key, options));
  if (!hit) return fetch(request);
  const url = new URL(request.url);
  if (hit.url === url.origin + url.pathname + url.search) return hit;
  // Answered from another URL (engine-worker.js?js=… from engine-worker.js,
  // ./ from index.html): a copy without a URL of its own, because a worker
  // takes its location from the response and the engine worker reads its
  // module URLs from that query.
  return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
}
