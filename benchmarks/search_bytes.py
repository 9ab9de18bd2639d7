"""Bytes a reader's browser fetches for search, from opening a language's home page to the first query's results.

usage: python benchmarks/search_bytes.py SITE_DIR [--query 织里镇 --lang zh] [--query Zhili --lang en] [--json]

``first_query_bytes(site_dir, queries)`` serves SITE_DIR over HTTP on 127.0.0.1 (under /site/, a base path
the build did not know), opens each language's home page in Debian's Chromium (/usr/bin/chromium, via
Playwright), types the query into the search box, waits for results, and adds up the bodies of every
search response since the page was opened: Material's index, worker and lunr scripts, or Pagefind's
scripts, WebAssembly, index chunks and fragments. Material fetches its whole index when the page
opens, so that counts too. http.server does not compress: the figures are uncompressed bytes (a host
that gzips sends less). Used by benchmarks/scale.py for "bytes of the first search query per language".
"""
from __future__ import annotations

import argparse
import functools
import json
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Sequence

CHROMIUM = "/usr/bin/chromium"
SEARCH_PARTS = ("/search/", "/pagefind/", "/workers/", "/lunr/", "pagefind-search.js")
DEFAULT_QUERIES = (("zh", "地区生产总值"), ("en", "GDP"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def serve(site_dir: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve site_dir at http://127.0.0.1:<port>/site/ in a thread; return the server and the site's URL."""
    root = site_dir.resolve().parent / ".search-bytes-www"
    root.mkdir(exist_ok=True)
    link = root / "site"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(site_dir.resolve(), target_is_directory=True)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/site/"


def is_search(url: str) -> bool:
    """Return whether a response belongs to search (index, worker, engine, chunks, fragments)."""
    return any(part in url for part in SEARCH_PARTS)


def run_query(browser, home: str, query: str, timeout_ms: int = 120_000) -> dict:
    """Open a home page, search once; return {bytes, requests, results, by_file} for search responses."""
    context = browser.new_context()
    sizes: dict[str, int] = {}

    def on_response(response):
        if is_search(response.url):
            try:
                sizes[response.url] = len(response.body())
            except Exception:  # a response without a body (redirect, aborted) transfers no body
                sizes.setdefault(response.url, 0)

    page = context.new_page()
    page.on("response", on_response)
    page.goto(home, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function("""(q) => {
        const meta = document.querySelector(".md-search-result__meta");
        const input = document.querySelector("input.md-search__input");
        const waiting = ["正在初始化搜索引擎", "键入以开始搜索", "Initializing search", "Type to start searching"];
        if (!meta || waiting.includes(meta.textContent.trim())) {
            if (input.value === q) input.dispatchEvent(new KeyboardEvent("keyup", {key: "End"}));
            return false;
        }
        return true;
    }""", arg=query, polling=200, timeout=timeout_ms)
    page.wait_for_load_state("networkidle")
    results = page.locator("li.md-search-result__item").count()
    context.close()
    return {"bytes": sum(sizes.values()), "requests": len(sizes), "results": results,
            "by_file": dict(sorted(sizes.items(), key=lambda kv: -kv[1])[:12])}


def first_query_bytes(site_dir: Path, queries: Sequence[tuple[str, str]] = DEFAULT_QUERIES,
                      browser=None) -> dict[str, dict]:
    """Return {lang: run_query(...)} for each (lang, query) on a built site (default language at the root).
    Given a Playwright browser (e.g. a test's), use it; else launch Chromium."""
    httpd, base = serve(Path(site_dir))
    try:
        if browser is not None:
            return _queries(browser, base, queries)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
            try:
                return _queries(launched, base, queries)
            finally:
                launched.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


def _queries(browser, base: str, queries: Sequence[tuple[str, str]]) -> dict[str, dict]:
    """Return {lang: {query, bytes, requests, results, by_file}} for each query on its language's home page."""
    return {lang: {"query": query, **run_query(browser, base if lang == "zh" else f"{base}{lang}/", query)}
            for lang, query in queries}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", action="append", default=[])
    parser.add_argument("--lang", action="append", default=[])
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = parser.parse_args(argv)
    queries = list(zip(args.lang, args.query)) or list(DEFAULT_QUERIES)
    result = first_query_bytes(args.site, queries)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    for lang, r in result.items():
        print(f"{lang} {r['query']!r}: {r['bytes']:,} bytes in {r['requests']} search requests, {r['results']} results")
    return 0


if __name__ == "__main__":
    sys.exit(main())
