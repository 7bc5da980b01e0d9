//! A Chromium session through chromedriver, each with its own chromedriver
//! process and a fresh profile directory.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tokio::sync::{Mutex, MutexGuard};

use super::dist::dist_dir;
use super::server::StaticServer;

/// How long a test waits for something a person would see.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// Two cores: one browser at a time keeps the tests fast and steady. (An
/// async mutex: each test's runtime waits for its turn without blocking.)
static ONE_BROWSER: Mutex<()> = Mutex::const_new(());

pub struct Session {
    pub client: Client,
    pub server: StaticServer,
    driver: Driver,
    driver_port: u16,
    profile: Profile,
    _turn: MutexGuard<'static, ()>,
}

impl Session {
    /// A fresh browser with the app open and started.
    pub async fn open() -> Session {
        Session::open_serving(&dist_dir(), "/").await
    }

    /// [`Session::open`] with the site served from `root` (say a copy of
    /// the build a test changes, or one under a sub-path as on GitHub
    /// Pages) and the app opened at `path`.
    pub async fn open_serving(root: &std::path::Path, path: &str) -> Session {
        let turn = ONE_BROWSER.lock().await;
        let server = StaticServer::start(root);
        let port = free_port();
        let driver =
            Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
                .arg(format!("--port={port}"))
                // Its own process group, which the Chromium it starts joins,
                // so a failed test can stop both at once (see `Driver`).
                .process_group(0)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver must be installed (.ci/setup --browser installs it)");
        wait_for_port(port);
        let profile =
            std::env::temp_dir().join(format!("nimrokh-e2e-profile-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities(&profile))
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("start a Chromium session");
        let session = Session {
            client,
            server,
            driver: Driver(driver),
            driver_port: port,
            profile: Profile(profile),
            _turn: turn,
        };
        session.goto(path).await;
        session
    }

    pub fn origin(&self) -> String {
        self.server.origin()
    }

    /// Open a page of the app and wait until the wasm app has mounted.
    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{}", self.origin(), path))
            .await
            .expect("navigate");
        self.wait_for(Locator::Css("header.app-header h1")).await;
    }

    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
        self.wait_for(Locator::Css("header.app-header h1")).await;
    }

    pub async fn wait_for(&self, locator: Locator<'_>) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(locator)
            .await
            .unwrap_or_else(|err| panic!("waited {PATIENCE:?} for {locator:?}: {err}"))
    }

    /// Wait until `script` (a JS expression) is truthy, returning its value.
    pub async fn wait_until(&self, what: &str, script: &str) -> Value {
        self.wait_until_within(what, script, PATIENCE).await
    }

    /// Wait until the canvas `canvas` (a JS expression) has more than
    /// `at_least` dark pixels (red below 200: ink, not the light
    /// background); how many it has.
    pub async fn wait_for_ink(&self, what: &str, canvas: &str, at_least: u64) -> u64 {
        let script = format!(
            "(() => {{ const c = {canvas}; if (!c || !c.width) return false; \
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; \
              for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++; return n > {at_least} && n; }})()"
        );
        self.wait_until(what, &script).await.as_u64().unwrap_or(0)
    }

    /// [`Session::wait_until`] with a patience of its own (big files).
    pub async fn wait_until_within(&self, what: &str, script: &str, patience: Duration) -> Value {
        let deadline = Instant::now() + patience;
        let mut last = Value::Null;
        while Instant::now() < deadline {
            last = self
                .client
                .execute(&format!("return ({script});"), vec![])
                .await
                .expect("run script");
            if truthy(&last) {
                return last;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("waited {patience:?} for {what}; last value {last}");
    }

    /// The text of the first element matching `css`, once it has some.
    pub async fn text_of(&self, what: &str, css: &str) -> String {
        let script = format!("document.querySelector({})?.textContent", json!(css));
        let value = self.wait_until(what, &script).await;
        value.as_str().unwrap_or_default().to_string()
    }

    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(&format!("return ({script});"), vec![])
            .await
            .expect("run script")
    }

    /// How many notices the page shows now.
    pub async fn notice_count(&self) -> u64 {
        self.eval("document.querySelectorAll('.notice').length")
            .await
            .as_u64()
            .unwrap_or(u64::MAX)
    }

    /// The element a person finds by its visible text.
    pub async fn by_text(&self, tag: &str, text: &str) -> Element {
        self.wait_for(Locator::XPath(&format!(
            "//{tag}[normalize-space()={}]",
            xpath_literal(text)
        )))
        .await
    }

    /// Choose a file through the labelled file button, as a person would.
    pub async fn choose_file(&self, button_label: &str, path: &std::path::Path) {
        let label = self.by_text("label", button_label).await;
        let input_id = label
            .attr("for")
            .await
            .expect("read label")
            .expect("the file button's label names its input");
        let input = self.wait_for(Locator::Id(&input_id)).await;
        input
            .send_keys(&path.display().to_string())
            .await
            .expect("choose the file");
    }

    /// The value shown next to a term in a description list ("Rows" → "499").
    pub async fn fact(&self, term: &str) -> String {
        let dd = self
            .wait_for(Locator::XPath(&format!(
                "//dt[normalize-space()={}]/following-sibling::dd[1]",
                xpath_literal(term)
            )))
            .await;
        dd.text().await.expect("read fact")
    }

    /// Choose an option in the `<select>` labelled `label`, by its value.
    pub async fn select(&self, label: &str, value: &str) {
        let select = self
            .wait_for(Locator::XPath(&format!(
                "//label[span[normalize-space()={}]]//select",
                xpath_literal(label)
            )))
            .await;
        select.select_by_value(value).await.expect("select option");
    }

    /// The text of the option chosen in the `<select>` named `label`
    /// (its aria-label).
    pub async fn chosen(&self, label: &str) -> String {
        let select = self
            .wait_for(Locator::XPath(&format!(
                "//select[@aria-label={}]",
                xpath_literal(label)
            )))
            .await;
        let value = select
            .prop("value")
            .await
            .expect("read value")
            .unwrap_or_default();
        let option = select
            .find(Locator::XPath(&format!(
                "./option[@value={}]",
                xpath_literal(&value)
            )))
            .await
            .expect("the chosen option");
        option.text().await.expect("option text")
    }

    /// Choose `value` in the `<select>` named `label` (its aria-label).
    pub async fn choose(&self, label: &str, value: &str) {
        let select = self
            .wait_for(Locator::XPath(&format!(
                "//select[@aria-label={}]",
                xpath_literal(label)
            )))
            .await;
        select.select_by_value(value).await.expect("choose option");
    }

    /// The file the browser downloaded under `name`, once it is complete.
    pub async fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = downloads_dir(&self.profile.0).join(name);
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Ok(bytes) = std::fs::read(&path) {
                if !bytes.is_empty() {
                    return bytes;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("waited {PATIENCE:?} for the download {}", path.display());
    }

    /// Run a Chrome DevTools Protocol command through chromedriver
    /// (`goog/cdp/execute`), for what only the browser knows, such as
    /// whether it counts the page installable. Its result, or panics.
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        let session = self
            .client
            .session_id()
            .await
            .expect("session id")
            .expect("a session");
        let body = json!({ "cmd": command, "params": params }).to_string();
        let request = format!(
            "POST /session/{session}/goog/cdp/execute HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len(),
            port = self.driver_port,
        );
        let port = self.driver_port;
        let json = tokio::task::spawn_blocking(move || http_exchange(port, &request))
            .await
            .expect("join")
            .unwrap_or_else(|err| panic!("{command} through chromedriver: {err}"));
        let answer: Value =
            serde_json::from_str(&json).unwrap_or_else(|err| panic!("{command}: {err}: {json}"));
        assert!(
            answer["value"].get("error").is_none(),
            "{command}: {answer}"
        );
        answer["value"].clone()
    }

    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(super::artifacts_dir().join(format!("{name}.png")), png);
        }
    }

    pub async fn close(self) {
        let Session {
            client,
            driver,
            driver_port: _,
            profile,
            server,
            _turn,
        } = self;
        let _ = client.close().await;
        // Browser, then its driver, then its profile and the server.
        drop(driver);
        drop(profile);
        drop(server);
    }
}

/// Send one HTTP request to 127.0.0.1:`port` and read the body of its
/// answer, by its Content-Length (chromedriver keeps the connection open
/// whatever the request says), within [`PATIENCE`].
fn http_exchange(port: u16, request: &str) -> std::io::Result<String> {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.write_all(request.as_bytes())?;
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        line.clear();
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// The chromedriver process, killed when dropped — also when a test panics
/// before `close` — together with the Chromium it started: killing only the
/// driver would leave that browser running for the rest of the test run.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        if let Ok(group) = i32::try_from(self.0.id()) {
            // SAFETY: kill(2) on our own child's process group; no memory
            // is involved.
            unsafe {
                libc::kill(-group, libc::SIGKILL);
            }
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The fresh Chromium profile directory, removed when dropped (also after a
/// failed test).
struct Profile(PathBuf);

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Where the browser of a profile saves downloads.
fn downloads_dir(profile: &std::path::Path) -> PathBuf {
    profile.join("downloads")
}

fn capabilities(profile: &std::path::Path) -> serde_json::Map<String, Value> {
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run", "--no-default-browser-check",
                "--window-size=1280,1000", "--force-device-scale-factor=2",
                format!("--user-data-dir={}", profile.display()),
            ],
            // Downloads land in the profile, which the test removes.
            "prefs": {
                "download.default_directory": downloads_dir(profile).display().to_string(),
                "download.prompt_for_download": false
            }
        }
    });
    caps.as_object().cloned().unwrap_or_default()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("find a free port")
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("chromedriver did not listen on port {port}");
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// An XPath string literal for any text (XPath 1 has no escapes).
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}
