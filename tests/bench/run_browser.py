#!/usr/bin/env python3
"""Run tests/bench/bench.js in headless Chromium and print its figures.

    python3 run_browser.py SITE_DIR FILE [ENGINE ...]

SITE_DIR holds the release build (dist/) plus bench.html, bench.bundle.js
and duckdb/ (assembled by .ci/bench). It is served on 127.0.0.1; each
engine runs in a fresh page so one's memory does not count against the
next. Prints one JSON object per engine.
"""

import functools
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

    def log_message(self, *args):
        pass


def serve(root):
    handler = functools.partial(Handler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_script_timeout(900)
    # Selenium's own HTTP requests to ChromeDriver time out after 120 s, and
    # the RFM benchmark's Nimrokh run (model fit included) takes longer.
    driver.command_executor.client_config.timeout = 900
    return driver


def run(driver, origin, path, engine):
    driver.get(f"{origin}/bench.html")
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return window.benchReady === true"))
    driver.find_element("id", "file").send_keys(os.path.abspath(path))
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"window.bench[{json.dumps(engine)}]().then(done, (e) => done({{error: String(e)}}));"
    )


def main():
    site, path, *engines = sys.argv[1:]
    engines = engines or ["nimrokh", "papaparse", "duckdb"]
    server = serve(site)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            for engine in engines:
                result = run(driver, origin, path, engine)
                print(json.dumps({"engine": engine, "file": os.path.basename(path), **result}), flush=True)
        finally:
            driver.quit()
            server.shutdown()


if __name__ == "__main__":
    main()
