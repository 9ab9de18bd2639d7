"""Search for the hosted site that loads only what a query needs: Pagefind (>= 1.6, from npm), when installed.

Material's search loads the language's whole index before the first query (~41 KB per town: ~80 MB at
2,000 towns). Pagefind splits its index into chunks and fetches the few a query's words fall in, plus one
fragment per result shown. It cuts Chinese with jieba when indexing (1.5.2, the newest on PyPI, found no
Chinese town name: its issue #1237, hence npm). The reader keeps Material's search box: its worker is
replaced by `assets/javascripts/pagefind-search.js`, which answers Material's messages from Pagefind, and
each language's `search/search_index.json` keeps only its settings (Material's page still fetches it).

Pagefind cannot run from file://, so the offline bundle (Material's `offline` plugin) keeps Material's
search. Without Node and `npm ci` the hosted site does too: Pagefind is optional.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

from generator.mkdocs.search_index import INDEX
from generator.model import Report
from generator.site.search_entries import fact_entries
from generator.site.uptodate import npm_version

log = logging.getLogger("mkdocs.plugins.townfacts")

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "pagefind_index.mjs"
WORKER = "assets/javascripts/pagefind-search.js"  # in overrides/, copied into the site by MkDocs
MIN_VERSION = (1, 6)
OFF = "TOWNFACTS_PAGEFIND"  # =0: never use Pagefind (e.g. to compare with Material's search)


def installed_version() -> tuple[int, ...]:
    """Return the version of the npm package `pagefind` that node finds from this package ((): none)."""
    version = npm_version("pagefind").split("-")[0]
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def wanted(setting: str, offline: bool) -> bool:
    """Return whether this build indexes with Pagefind: `on`, or `auto` with Node and pagefind >= 1.6 found."""
    if offline or setting == "off" or os.environ.get(OFF) == "0":
        return False
    usable = shutil.which("node") is not None and installed_version() >= MIN_VERSION
    if setting == "on" and not usable:
        log.warning("townfacts: pagefind: on, but node or the npm package pagefind >= 1.6 is missing: "
                    "Material's search is used (run `npm ci`)")
    return usable


def records(reports: Sequence[Report], locales: Sequence[str]) -> Iterator[dict]:
    """Yield Pagefind custom records of the reports' fact entries, one report at a time: URL from the site
    root, language, title, words (the default language, first, at the root)."""
    for lang in locales:
        prefix = "" if lang == locales[0] else f"{lang}/"
        for report in reports:
            for page, page_entries in fact_entries([report], lang).items():
                yield from ({"url": f"/{prefix}{page}#{e['anchor']}", "language": lang, "title": e["title"],
                             "content": " ".join([e["title"], *e["tags"], e["text"], characters(e.get("place", ""))])}
                            for e in page_entries)


def characters(name: str) -> str:
    """Return a Chinese name one character a word: the browser cuts a query with ICU's dictionary, which
    does not know most town names (方田乡 → 方|田|乡), while Pagefind cut the pages with jieba (方田乡 whole):
    without this the town's own facts did not match its name."""
    return " ".join(name)


def index_site(site_dir: Path, fact_records: Iterable[dict]) -> bool:
    """Index the built site and the fact records into <site>/pagefind/; return whether it worked."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        write_json_list(f, fact_records)
    started = time.perf_counter()
    try:
        done = subprocess.run(["node", str(SCRIPT), str(site_dir), f.name], capture_output=True, text=True,
                              timeout=3600)
    finally:
        os.unlink(f.name)
    if done.returncode != 0:
        log.warning("townfacts: pagefind failed:\n%s", done.stderr[-2000:])
        return False
    log.info("%s in %.1f s", done.stdout.strip(), time.perf_counter() - started)
    return True


def write_json_list(file: TextIO, items: Iterable) -> None:
    """Write the items as one JSON list, as json.dump would, one item at a time."""
    file.write("[")
    for i, item in enumerate(items):
        file.write((", " if i else "") + json.dumps(item, ensure_ascii=False))
    file.write("]")


def empty_indexes(site_dir: Path, folders: Sequence[str]) -> None:
    """Keep only the settings of each language's Material index (the page fetches it; Pagefind answers)."""
    for folder in folders:
        path = site_dir / folder / INDEX
        if path.is_file():
            index = json.loads(path.read_text(encoding="utf-8"))
            path.write_text(json.dumps({**index, "docs": []}, ensure_ascii=False, separators=(",", ":")),
                            encoding="utf-8")
