"""Benchmark: the weight of a page as a reader's browser loads it — HTML, JS, CSS and JSON, in bytes and gzipped.

usage: python benchmarks/weight.py [--site DIR] [--seeds DIR] [--pages PATH,...]

Without --site, builds the reports (default: seeds/) in a temporary copy of the project, with `townfacts build`.
The site is served on 127.0.0.1 and each page is opened in Debian's Chromium (Playwright, as the browser
tests do; /usr/bin/chromium); every response until the network is idle is counted — the page, its scripts
and stylesheets, what they load later (charts.js's Vega bundle, Material's search worker and its index) —
by type, in bytes as served and gzipped (level 6, as a web server would send them). Images and fonts are
left out. Not a test: the figures depend on the reports.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
PAGES = ("", "towns/wuxing-zhili/2021/", "compare/", "en/", "en/towns/wuxing-zhili/2021/", "en/compare/")
KINDS = ("html", "js", "css", "json")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - no request log on the table
        pass


def build_site(seeds: Path, work: Path) -> Path:
    """Return the site built from the reports in a copy of the project under work/."""
    sys.path.insert(0, str(ROOT / "tests"))
    from projectcopy import copy_project

    project = work / "project"
    project.mkdir()
    copy_project(project, seeds=False)
    shutil.rmtree(project / "seeds")
    shutil.copytree(seeds, project / "seeds")
    subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(work / "site")], cwd=project,
                   check=True, capture_output=True)
    return work / "site"


def kind_of(url: str, content_type: str) -> str:
    """Return which of html, js, css, json (or "other") a response is."""
    path = urlsplit(url).path
    if "html" in content_type or path.endswith("/") or path.endswith(".html"):
        return "html"
    for kind, marks in (("js", ("javascript", ".js")), ("css", ("css", ".css")), ("json", ("json", ".json"))):
        if any(m in content_type or path.endswith(m) for m in marks):
            return kind
    return "other"


def page_weight(browser, url: str) -> dict[str, list[int]]:
    """Return {kind: [bytes, gzipped bytes, files]} of everything the page at url loads until the network is idle."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    bodies: list[tuple[str, bytes]] = []

    def keep(response):
        if response.status == 200 and response.request.method == "GET":
            try:
                bodies.append((kind_of(response.url, response.headers.get("content-type", "")), response.body()))
            except Exception:  # noqa: BLE001 - a body the browser dropped (a redirect, an aborted load)
                pass

    context.on("response", keep)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # the search worker's index, the chart library: late but part of the page
    context.close()
    weight = {kind: [0, 0, 0] for kind in KINDS}
    for kind, body in bodies:
        if kind in weight:
            weight[kind][0] += len(body)
            weight[kind][1] += len(gzip.compress(body, compresslevel=6, mtime=0))
            weight[kind][2] += 1
    return weight


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """Return a server of the site's folder on 127.0.0.1 and the site's URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def kib(n: int) -> str:
    """Return a byte count in KiB with one decimal."""
    return f"{n / 1024:,.1f}"


def table(rows: list[tuple[str, dict[str, list[int]]]]) -> str:
    """Return the weights as a Markdown table: total and per kind, bytes and gzipped, in KiB."""
    head = ("| page | files | total KiB | gzipped KiB | " + " | ".join(f"{k.upper()} KiB (gz)" for k in KINDS) + " |\n"
            "|---|---:|---:|---:|" + "---:|" * len(KINDS) + "\n")
    lines = []
    for page, w in rows:
        total, gz, files = (sum(w[k][i] for k in KINDS) for i in range(3))
        kinds = " | ".join(f"{kib(w[k][0])} ({kib(w[k][1])})" for k in KINDS)
        lines.append(f"| `{page or '/'}` | {files} | {kib(total)} | {kib(gz)} | {kinds} |")
    return head + "\n".join(lines)


def main() -> None:
    """Build (or take) a site, weigh its pages in Chromium, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site townfacts built (default: build --seeds)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated paths in the site")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work:
        site = args.site or build_site(args.seeds.resolve(), Path(work))
        httpd, base = serve(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            rows = [(page, page_weight(browser, base + page)) for page in args.pages.split(",")]
            browser.close()
        httpd.shutdown()
    print(table(rows))


if __name__ == "__main__":
    main()
