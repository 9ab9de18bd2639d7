"""Real-browser fixtures: one public build served over HTTP, one offline bundle unzipped, one Chromium.

Both sites are built ONCE per test session, in parallel, in a copy of the project (so a build here
never races with `docs/` of the working tree): `townfacts build --out …` and `townfacts bundle --out …`
(run as `python -m generator`, which is the same command). The public site is served by a tiny
http.server on 127.0.0.1 under `/townfacts/`, as GitHub Pages serves a project site; built without
SITE_URL, every link is relative, so this also proves the site works under a base path it was not told.

Chromium is Debian's `/usr/bin/chromium` (never `playwright install`); every host name except
127.0.0.1/localhost resolves to nothing, and every request is logged so tests can prove that none
left the machine. Screenshots go to `test-artifacts/browser/` (not committed).
"""
from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

import pytest

from projectcopy import copy_project

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "browser"
SITE_PATH = "/townfacts/"           # a base path the build does not know: a GitHub project site
SOURCE_DATE_EPOCH = "1700000000"    # 2023-11-14 UTC: the bundle's name is reproducible
BUNDLE_NAME = "townfacts-offline-2023-11-14"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions",
               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]

# Console errors that are known and harmless, per target (regex on "text @ url"). Everything else fails.
KNOWN_CONSOLE_ERRORS = {
    "served": [],  # the head's hreflang links are dropped: Material no longer asks for <page>/sitemap.xml
    "served-root": [],
    "served-sub": [],
    "offline": [],
}


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives a real Chromium (/usr/bin/chromium) with Playwright")


def _missing(reason: str):
    """Skip cleanly on a developer machine; fail where the browser is required (.ci/run sets it)."""
    if os.environ.get("TOWNFACTS_BROWSER_REQUIRED") == "1":
        pytest.fail(f"{reason} (TOWNFACTS_BROWSER_REQUIRED=1)")
    pytest.skip(reason)


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Python playwright is not installed (pip install playwright; never `playwright install`)")
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)")
    return sync_playwright


def _project_copy(dest: Path) -> Path:
    """Copy what a build reads (config, seeds, hand-written docs, translations); link the generator."""
    dest.mkdir(parents=True)
    return copy_project(dest)


@dataclass
class Builds:
    public_site: Path
    offline_root: Path
    zip_path: Path
    seconds: dict = field(default_factory=dict)


@pytest.fixture(scope="session")
def builds(tmp_path_factory) -> Builds:
    """Build the public site and the offline bundle once (in parallel, separate project copies)."""
    _playwright()
    work = tmp_path_factory.mktemp("browser")
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    commands = {
        "build": [sys.executable, "-m", "generator", "build", "--out", str(work / "public-site")],
        "bundle": [sys.executable, "-m", "generator", "bundle", "--out", str(work / "dist")],
    }
    procs, started = {}, time.perf_counter()
    for name, cmd in commands.items():
        cwd = _project_copy(work / f"project-{name}")
        procs[name] = (subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True), time.perf_counter())
    seconds = {}
    for name, (proc, t0) in procs.items():
        out, _ = proc.communicate(timeout=600)
        seconds[name] = time.perf_counter() - t0
        assert proc.returncode == 0, f"townfacts {name} failed:\n{out[-4000:]}"
    seconds["both (parallel)"] = time.perf_counter() - started
    zip_path = work / "dist" / f"{BUNDLE_NAME}.zip"
    assert zip_path.is_file(), sorted(p.name for p in (work / "dist").iterdir())
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(work / "unzipped")
    offline_root = work / "unzipped" / BUNDLE_NAME
    assert (offline_root / "index.html").is_file()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "build-times.txt").write_text(
        "".join(f"{k}: {v:.1f} s\n" for k, v in seconds.items()) + f"zip: {zip_path.stat().st_size} bytes\n")
    return Builds(work / "public-site", offline_root, zip_path, seconds)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep pytest's output clean
        pass


def _serve(builds: Builds, base: str):
    """Serve the public site's folder at http://127.0.0.1:<port><base>; yield the site's URL."""
    root = builds.public_site.parent / f"www{base.replace('/', '_')}"
    root.mkdir(exist_ok=True)
    link = root / base.strip("/") if base.strip("/") else None
    if link is not None and not link.exists():
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(builds.public_site, target_is_directory=True)
    directory = str(root if link is not None else builds.public_site)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=directory))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{base}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(builds):
    """Serve the public site's folder at http://127.0.0.1:<port>/townfacts/ (a GitHub project site)."""
    yield from _serve(builds, SITE_PATH)


@pytest.fixture(scope="session")
def root_server(builds):
    """Serve the same site at the root of its host (a user site or a custom domain)."""
    yield from _serve(builds, "/")


@pytest.fixture(scope="session")
def sub_server(builds):
    """Serve the same site two folders deep, under a base the build was never told."""
    yield from _serve(builds, "/sub/path/")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (test-artifacts/ is ignored by git)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser():
    sync_playwright = _playwright()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass(frozen=True)
class Target:
    """One way of reading the site: served over HTTP with directory URLs, or unzipped under file://."""

    name: str
    base: str                 # ends with "/"
    directory_urls: bool
    root: Optional[Path] = None  # the unzipped folder (file:// only)

    def url(self, page: str) -> str:
        """Return the URL of a page given as a directory path: '', 'en/', 'towns/wuxing-zhili/2021/', 'about/'."""
        if self.directory_urls:
            return self.base + page
        if page == "" or (self.root / page / "index.html").is_file():
            return self.base + page + "index.html"
        return self.base + page.rstrip("/") + ".html"     # about.md → about.html without directory URLs

    def path_of(self, url: str) -> str:
        """Return a URL as the directory path used by url() ('towns/wuxing-zhili/2021/'), without query or anchor."""
        parts = urlsplit(url)
        base = urlsplit(self.base)
        assert (parts.scheme, parts.netloc) == (base.scheme, base.netloc), url
        assert parts.path.startswith(base.path), url
        rel = parts.path[len(base.path):]
        if not self.directory_urls:
            rel = re.sub(r"(^|/)index\.html$", r"\1", rel)
            rel = re.sub(r"\.html$", "/", rel)
        return rel


@pytest.fixture(scope="session", params=["served", "offline"])
def target(request) -> Target:
    if request.param == "served":
        return Target("served", request.getfixturevalue("server"), directory_urls=True)
    builds = request.getfixturevalue("builds")
    return Target("offline", builds.offline_root.as_uri() + "/", directory_urls=False, root=builds.offline_root)


@pytest.fixture(scope="session", params=["served-root", "served-sub", "offline"])
def any_base(request) -> Target:
    """The site at its host's root and under /sub/path/ (both served), and unzipped under file://."""
    if request.param == "offline":
        builds = request.getfixturevalue("builds")
        return Target("offline", builds.offline_root.as_uri() + "/", directory_urls=False, root=builds.offline_root)
    fixture = {"served-root": "root_server", "served-sub": "sub_server"}[request.param]
    return Target(request.param, request.getfixturevalue(fixture), directory_urls=True)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in ("127.0.0.1", "localhost")


@dataclass
class Tab:
    """A browser page with its request log and console log."""

    page: object
    target: Target
    requests: list = field(default_factory=list)
    console: list = field(default_factory=list)
    failed: list = field(default_factory=list)  # responses of status 400 or more, and requests that failed

    def goto(self, page: str):
        response = self.page.goto(self.target.url(page), wait_until="load")
        if self.target.directory_urls:
            assert response is not None and response.ok, (page, response and response.status)
        return response

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not _is_local(u)]

    def unexpected_console_errors(self) -> list[str]:
        known = [re.compile(p) for p in KNOWN_CONSOLE_ERRORS[self.target.name]]
        return [line for line in self.console if not any(k.search(line) for k in known)]

    def assert_clean(self) -> None:
        """No request left the machine; no console error other than the documented ones."""
        assert not self.external_requests(), self.external_requests()
        assert not self.unexpected_console_errors(), self.unexpected_console_errors()


@pytest.fixture
def tab(browser, target):
    """A fresh browser context (own cache and storage) with request and console logging."""
    yield from _tab(browser, target)


@pytest.fixture
def base_tab(browser, any_base):
    """A logging browser tab on the site at the root, under /sub/path/, or unzipped (file://)."""
    yield from _tab(browser, any_base)


def _tab(browser, target):
    """Yield a Tab on a fresh browser context (own cache and storage) logging requests, failed responses and the
    console."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    log = Tab(page=None, target=target)
    context.on("request", lambda request: log.requests.append(request.url))
    context.on("response", lambda response: log.failed.append(f"{response.status} {response.url}")
               if response.status >= 400 else None)
    # a request cut short because the test moved on to the next page (net::ERR_ABORTED) is no failure
    context.on("requestfailed", lambda request: log.failed.append(f"failed {request.url}: {request.failure}")
               if "ERR_ABORTED" not in (request.failure or "") else None)

    def on_console(message):
        if message.type == "error":
            log.console.append(f"{message.text} @ {message.location.get('url', '')}")

    page = context.new_page()
    page.on("console", on_console)
    page.on("pageerror", lambda err: log.console.append(f"pageerror: {err} @ {page.url}"))
    page.set_default_timeout(15_000)
    log.page = page
    yield log
    context.close()
