//! Installable and offline (issue 8, part 8): the manifest is served and
//! names installable icons; after the first visit the service worker holds
//! every file of the build, so with the server gone the app opens, starts
//! its engine in the Web Worker and reads a file.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::{dist_dir, Session, TempFile};

/// The manifest as the page links it, with each icon drawn to learn its
/// real size.
const MANIFEST: &str = "(async () => { \
    const link = document.querySelector('link[rel=manifest]'); \
    const response = await fetch(link.href); \
    const m = await response.json(); \
    const icons = await Promise.all(m.icons.map(async (icon) => { \
      const img = new Image(); img.src = new URL(icon.src, response.url).href; await img.decode(); \
      return [icon.sizes, icon.purpose, img.naturalWidth + 'x' + img.naturalHeight]; })); \
    return { type: response.headers.get('content-type'), name: m.name, short_name: m.short_name, \
      start_url: new URL(m.start_url, response.url).href, scope: new URL(m.scope, response.url).href, \
      display: m.display, theme: m.theme_color, icons, \
      theme_meta: document.querySelector('meta[name=theme-color]')?.content }; })()";

/// The URLs (paths) in this origin's service-worker caches.
const CACHED: &str = "(async () => { const paths = []; \
    for (const name of await caches.keys()) \
      for (const request of await (await caches.open(name)).keys()) paths.push(name + ' ' + new URL(request.url).pathname); \
    return paths; })()";

#[tokio::test]
async fn after_the_first_visit_the_app_opens_and_works_without_a_network() {
    let s = Session::open().await;
    let started = Instant::now();
    let origin = s.origin();

    let manifest = s.eval(MANIFEST).await;
    assert_eq!(
        manifest,
        json!({
            "type": "application/manifest+json",
            "name": "Nimrokh",
            "short_name": "Nimrokh",
            "start_url": format!("{origin}/"),
            "scope": format!("{origin}/"),
            "display": "standalone",
            "theme": "#0d6e6e",
            "theme_meta": "#0d6e6e",
            "icons": [
                ["192x192", "any", "192x192"],
                ["512x512", "any", "512x512"],
                ["512x512", "maskable", "512x512"],
            ],
        })
    );

    // Chromium's own judgement: the manifest parses and nothing stops
    // installing the app (icons, display, start URL, service worker).
    wait_for_the_service_worker(&s).await;
    let controlled_after = started.elapsed();
    let manifest = s.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    assert_eq!(manifest["url"], format!("{origin}/manifest.webmanifest"));
    let installability = s.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        installability["installabilityErrors"],
        json!([]),
        "{installability}"
    );

    // Every file of the build is cached under the build's name (the hook
    // wrote the list into sw.js), and nothing else.
    let cached = s.eval(CACHED).await;
    let cached: Vec<&str> = cached
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let caches: BTreeSet<&str> = cached.iter().filter_map(|e| e.split(' ').next()).collect();
    assert_eq!(caches.len(), 1, "one cache for one build: {caches:?}");
    let cache = caches.first().expect("a cache");
    assert!(
        cache.starts_with("nimrokh-") && cache.len() == "nimrokh-".len() + 16,
        "{cache}"
    );
    let paths: BTreeSet<String> = cached
        .iter()
        .filter_map(|e| e.split_once(' ').map(|(_, path)| path.to_string()))
        .collect();
    assert_eq!(paths, build_files(s.server.root()));
    let bytes: u64 = paths
        .iter()
        .filter_map(|path| std::fs::metadata(s.server.root().join(&path[1..])).ok())
        .map(|meta| meta.len())
        .sum();
    eprintln!(
        "offline: {} files, {} KiB cached; the service worker in charge at most {} ms after the app showed",
        paths.len(),
        bytes / 1024,
        controlled_after.as_millis()
    );

    // Cut the network: the server stops listening.
    s.server.stop();
    let probe = s
        .eval("fetch('not-in-the-build.txt').then(() => 'reached', () => 'refused')")
        .await;
    assert_eq!(probe, "refused", "the server still answers");

    // The app opens from the cache, its engine in the worker (the worker
    // script and its wasm also came from the cache)…
    s.reload().await;
    assert_engine_in_worker(&s).await;
    s.by_text("label", "Choose a file").await;
    assert!(
        s.eval("!!document.querySelector('section.drop-zone')")
            .await
            .as_bool()
            .unwrap_or(false),
        "the file drop"
    );
    // …and works: a file is read and summarised.
    let csv = TempFile::new(
        "offline.csv",
        "customer,city,spend\nA-1,Shiraz,12.50\nA-2,Tabriz,8.00\nA-3,Yazd,20.25\n",
    );
    s.choose_file("Choose a file", &csv.path).await;
    assert_eq!(s.fact("File name").await, "offline.csv");
    assert_eq!(s.fact("Rows").await, "3");
    assert_eq!(s.fact("Columns").await, "3");

    // A demo link opens offline too, from a fresh navigation rather than
    // a same-page hash change: the page (its hash is never sent) and the
    // demo's files come from the cache.
    s.client.goto("about:blank").await.expect("leave the app");
    s.goto("/#demo=shop").await;
    assert_engine_in_worker(&s).await;
    assert_the_demo_opened(&s).await;
    s.screenshot("offline").await;
    s.close().await;
}

#[tokio::test]
async fn a_new_build_takes_over_and_the_build_before_last_is_dropped() {
    // A copy of the build whose service worker the test replaces, as a
    // deploy would (a new build is a new sw.js: a new hash, new files).
    let site = SiteCopy::of(&dist_dir(), "");
    let s = Session::open_serving(&site.root, "/").await;
    wait_for_the_service_worker(&s).await;
    let first = cache_names(&s).await;
    assert_eq!(first.len(), 1, "{first:?}");

    let mut names = first.clone();
    for build in ["b000000000000001", "b000000000000002"] {
        site.deploy(build);
        s.eval("navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)")
            .await;
        let expected = format!("nimrokh-{build}");
        s.wait_until(
            "the new build's worker in charge",
            &format!(
                "caches.keys().then(k => k.includes({expected:?}) && navigator.serviceWorker.controller?.state === 'activated'                  && navigator.serviceWorker.getRegistration().then(r => !r.installing && !r.waiting && r.active === navigator.serviceWorker.controller))"
            ),
        )
        .await;
        names.push(expected);
        // This build and the one before (a tab opened on it may still ask
        // for its files); older ones are gone.
        let kept = names[names.len() - 2..].to_vec();
        s.wait_until(
            "the build before last dropped",
            &format!(
                "caches.keys().then(k => JSON.stringify(k) === {:?})",
                json!(kept).to_string()
            ),
        )
        .await;
    }
    // The page still opens and starts its engine under the newest worker.
    s.reload().await;
    assert_engine_in_worker(&s).await;
    s.close().await;
}

#[tokio::test]
async fn under_a_sub_path_it_works_offline_too() {
    // As on GitHub Pages: https://<user>.github.io/<repo>/.
    let site = SiteCopy::of(&dist_dir(), "nimrokh");
    let s = Session::open_serving(&site.root, "/nimrokh/").await;
    wait_for_the_service_worker(&s).await;
    let scope = s
        .eval("navigator.serviceWorker.getRegistration().then(r => r.scope)")
        .await;
    assert_eq!(scope, format!("{}/nimrokh/", s.origin()));
    let manifest = s.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    let installability = s.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        installability["installabilityErrors"],
        json!([]),
        "{installability}"
    );

    s.server.stop();
    s.client.goto("about:blank").await.expect("leave the app");
    s.goto("/nimrokh/#demo=shop").await;
    assert_engine_in_worker(&s).await;
    assert_the_demo_opened(&s).await;
    s.close().await;
}

/// The demo shop's project is open: its customers file read (400 rows) and
/// the link taken out of the address (as tests/e2e/links.rs checks online).
async fn assert_the_demo_opened(s: &Session) {
    s.wait_until(
        "the demo's customers",
        "location.hash === '' && document.body.textContent.includes('customers.csv')",
    )
    .await;
    assert_eq!(s.fact("Rows").await, "400");
}

/// This origin's cache names, in creation order.
async fn cache_names(s: &Session) -> Vec<String> {
    let names = s.eval("caches.keys()").await;
    serde_json::from_value(names).expect("cache names")
}

/// A copy of the build in a directory of its own, removed when dropped.
struct SiteCopy {
    /// What the test server serves.
    root: std::path::PathBuf,
    /// Where the build is: `root`, or a directory under it.
    app: std::path::PathBuf,
}

impl SiteCopy {
    /// The build copied to `sub_path` ("" for the root) of a new site.
    fn of(dist: &Path, sub_path: &str) -> SiteCopy {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let root =
            std::env::temp_dir().join(format!("nimrokh-e2e-site-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let app = root.join(sub_path);
        copy_dir(dist, &app);
        SiteCopy { root, app }
    }

    /// Publish a "new build": the same files under a service worker with
    /// another build hash, as .ci/precache.mjs would write it.
    fn deploy(&self, build: &str) {
        let path = self.app.join("sw.js");
        let worker = std::fs::read_to_string(&path).expect("read sw.js");
        let start = worker.find("const BUILD = ").expect("the BUILD line");
        let end = start + worker[start..].find('\n').expect("end of line");
        let rewritten = format!(
            "{}const BUILD = {build:?};{}",
            &worker[..start],
            &worker[end..]
        );
        std::fs::write(&path, rewritten).expect("write sw.js");
    }
}

impl Drop for SiteCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("make the copy");
    for entry in std::fs::read_dir(from).expect("read dist").flatten() {
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copy_dir(&source, &target);
        } else {
            std::fs::copy(&source, &target).expect("copy a file");
        }
    }
}

/// Wait until the service worker controls the page (it claims the page
/// once it has cached the build); reload once if it has not.
async fn wait_for_the_service_worker(s: &Session) {
    for attempt in 0..2 {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if s.eval("navigator.serviceWorker.controller !== null").await == json!(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if attempt == 0 {
            s.reload().await;
        }
    }
    panic!("no service worker controls the page");
}

async fn assert_engine_in_worker(s: &Session) {
    s.wait_until(
        "the engine in its worker",
        "document.querySelector('main')?.dataset.engine === 'worker'",
    )
    .await;
}

/// The build's files as URL paths, without the service worker itself and
/// dot files (what .ci/precache.mjs lists).
fn build_files(dist: &Path) -> BTreeSet<String> {
    fn walk(dir: &Path, root: &Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("read dist").flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, root, found);
            } else if name != "sw.js" {
                let relative = path.strip_prefix(root).expect("under dist");
                found.insert(format!("/{}", relative.to_string_lossy()));
            }
        }
    }
    let mut found = BTreeSet::new();
    walk(dist, dist, &mut found);
    assert!(found.contains("/index.html"), "{found:?}");
    found
}
