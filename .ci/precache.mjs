// Trunk post_build hook (Trunk.toml [[hooks]]): writes the build's file list
// and a hash of the build into the staged sw.js, so the service worker
// precaches exactly this build (the wasm and JS names carry a hash that
// changes with every build) under a cache named after it.
//
// Run by Trunk with TRUNK_STAGING_DIR (the build about to become dist/) and
// TRUNK_PROFILE. Node only (no packages): Node is already needed for
// wasm-opt (.ci/setup), locally, in .ci and in .github/workflows/pages.yml.
//
// Release builds list every file; debug builds (`trunk serve`) list none,
// so nothing is cached while developing (see src/web/sw.js).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("precache: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)");
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === "release";
const worker = join(staging, "sw.js");

// Every file under `dir`, as URL paths relative to it, in a fixed order.
// Dot files (.nojekyll) are not the app's.
function filesUnder(dir) {
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return found.sort();
}

const all = filesUnder(staging);
if (!all.includes("sw.js") || !all.includes("index.html")) {
  console.error(`precache: ${staging} has no sw.js or index.html (index.html copies src/web/sw.js)`);
  process.exit(1);
}

// The build's hash: every file's name and bytes (the service worker's own
// template included, so a change to it alone also renames the cache).
const hash = createHash("sha256");
for (const file of all) {
  hash.update(file + "\0");
  hash.update(readFileSync(join(staging, file)));
  hash.update("\0");
}
const build = hash.digest("hex").slice(0, 16);
const precached = release ? all.filter((file) => file !== "sw.js") : [];

const template = readFileSync(worker, "utf8");
let replaced = 0;
const written = template
  .replace(/^const BUILD = .*;$/m, () => (replaced++, `const BUILD = ${JSON.stringify(build)};`))
  .replace(/^const FILES = .*;$/m, () => (replaced++, `const FILES = ${JSON.stringify(precached)};`));
if (replaced !== 2) {
  console.error("precache: sw.js lacks the `const BUILD = …;` and `const FILES = …;` lines to fill in");
  process.exit(1);
}
writeFileSync(worker, written);
console.log(`precache: build ${build}, ${precached.length} files for the service worker`);
