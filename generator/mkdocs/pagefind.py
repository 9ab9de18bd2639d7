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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, TextIO

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
BUNDLE = "pagefind"  # the site's folder of index parts
PARTS = "parts.json"  # in it: {language: [part, …]}, read by the search worker
SKIPPED = ("404.html",)
# How a language's reports are cut into parts: (fewest reports a part holds, most parts a language has).
# Pagefind keeps a whole index in memory until it writes it, and cutting Chinese costs it ~4.1 MB a report
# (full text 2.3, fact sheet 1.5; English ~1.7): small parts keep its process small. But each part adds its
# meta file and a chunk per query word to a first query, ~80 KB (the WebAssembly is loaded once): at 2,000
# towns 14 Chinese parts fetched 1.29 MB for 地区生产总值, 8 parts 0.79 MB. So parts are as small as the
# first number allows until the second is reached, then grow: at 2,000 towns a Chinese part takes ~1 GB.
PART_SIZES = {"zh": (100, 8), "*": (200, 5)}


def part_reports(lang: str, reports: int) -> int:
    """Return how many reports a part of the language holds at most, for a site of that many reports."""
    fewest, most_parts = PART_SIZES.get(lang, PART_SIZES["*"])
    return max(fewest, -(-reports // most_parts))


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
        yield from language_records(reports, lang, "" if lang == locales[0] else f"{lang}/")


def language_records(reports: Sequence[Report], lang: str, prefix: str) -> Iterator[dict]:
    """Yield one language's records of the reports' fact entries, their URLs under `prefix` ('' or 'en/')."""
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


@dataclass(frozen=True)
class Part:
    """One of the site's Pagefind indexes: one language's pages and fact records, in pagefind/<name>/."""

    name: str
    language: str
    prefix: str  # the language's folder in the site ('' or 'en/')
    pages: tuple[str, ...]  # HTML files, paths from the site root
    reports: tuple[Report, ...]  # whose fact records it holds


def plan_parts(pages: Iterable[str], reports: Sequence[Report], locales: Sequence[str],
               per_part: Optional[dict[str, int]] = None) -> list[Part]:
    """Return the site's index parts: per language, its towns' pages and fact records, a place's years together,
    places in region order, at most per_part[lang] reports a part; the language's other pages in its first."""
    by_place: dict[str, list[Report]] = {}
    for report in sorted(reports, key=region_order):
        by_place.setdefault(place_folder(report), []).append(report)

    def size(lang: str) -> int:
        return per_part.get(lang, per_part["*"]) if per_part else part_reports(lang, len(reports))

    parts: list[Part] = []
    for lang in locales:
        prefix = "" if lang == locales[0] else f"{lang}/"
        towns: dict[str, list[str]] = {}
        for page in (p for p in pages if page_language(p, locales) == lang):
            towns.setdefault(page_place(page[len(prefix):]), []).append(page)
        others = towns.pop("", [])
        lang_parts = [Part(f"{lang}-{i}", lang, prefix, tuple(page for place, _ in group for page in towns.pop(place, [])),
                           tuple(r for _, place_reports in group for r in place_reports))
                      for i, group in enumerate(pack(list(by_place.items()), size(lang)))]
        # the site's other pages join the first part: Pagefind scores a word by how rare it is in its own
        # index, so in a part of their own the home page outranked every town for a fact's name
        orphans = [page for rest in towns.values() for page in rest]  # town pages of no report
        first = lang_parts[0] if lang_parts else Part(f"{lang}-0", lang, prefix, (), ())
        lang_parts[:1] = [replace(first, pages=(*others, *orphans, *first.pages))]
        parts += lang_parts
    return parts


def pack(places: list[tuple[str, list[Report]]], size: int) -> Iterator[list[tuple[str, list[Report]]]]:
    """Yield runs of consecutive places holding about `size` reports each (a place is never split)."""
    run, count = [], 0
    for place, place_reports in places:
        if run and count + len(place_reports) > size:
            yield run
            run, count = [], 0
        run.append((place, place_reports))
        count += len(place_reports)
    if run:
        yield run


def region_order(report: Report) -> tuple[str, ...]:
    """Return the key that puts a province's reports city by city, county by county, then by town."""
    m = report.meta
    return (m.province or "", m.city or "", m.district or "", m.slug or "")


def place_folder(report: Report) -> str:
    """Return the folder of the report's place under towns/ ('jia' for towns/jia/2023/)."""
    return (report.meta.slug or "").split("/")[0]


def page_language(page: str, locales: Sequence[str]) -> str:
    """Return the language of a page of the site: its first folder when that names a locale, else the default."""
    first = page.split("/", 1)[0]
    return first if first in locales[1:] else locales[0]


def page_place(page: str) -> str:
    """Return the place folder of a page under towns/ ('' for any other page); the path is the language's."""
    parts = page.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "towns" else ""


def site_pages(site_dir: Path) -> list[str]:
    """Return the site's HTML files as sorted paths from its root, 404 pages left out."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.name not in SKIPPED)


def index_site(site_dir: Path, parts: Sequence[Part]) -> bool:
    """Index each part into <site>/pagefind/<part>/ and list them in pagefind/parts.json; return whether it worked."""
    out = site_dir / BUNDLE
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="townfacts-pagefind-") as tmp:
        files = [write_part(Path(tmp) / f"{part.name}.json", part) for part in parts]
        done = subprocess.run(["node", str(SCRIPT), str(site_dir), *map(str, files)], capture_output=True,
                              text=True, timeout=3600)
    if done.returncode != 0:
        log.warning("townfacts: pagefind failed:\n%s", done.stderr[-2000:])
        return False
    (out / PARTS).write_text(json.dumps(part_names(parts), ensure_ascii=False), encoding="utf-8")
    log.info("%s in %.1f s", done.stdout.strip(), time.perf_counter() - started)
    return True


def part_names(parts: Sequence[Part]) -> dict[str, list[str]]:
    """Return {language: its parts' folder names, the one with the site's other pages first}."""
    names: dict[str, list[str]] = {}
    for part in parts:
        names.setdefault(part.language, []).append(part.name)
    return names


def write_part(path: Path, part: Part) -> Path:
    """Write what node needs to index one part (output folder, language, pages, records); return the path."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"output": f"{BUNDLE}/{part.name}", "language": part.language, "pages": part.pages},
                           ensure_ascii=False)[:-1] + ', "records": ')
        write_json_list(f, language_records(part.reports, part.language, part.prefix))
        f.write("}")
    return path


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
