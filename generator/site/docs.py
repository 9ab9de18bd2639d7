"""Write docs/: every report's pages rendered (in worker processes, cached by content), the pages about all
towns, the regions' index pages, the all-towns downloads, the vendored chart bundle and the search's jieba user dictionary.

Files are written only when their content changed (so `mkdocs serve` does not loop), and generated
files that no report produces any more are removed.
"""
from __future__ import annotations

import filecmp
import json
import logging
from contextlib import nullcontext
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from generator.english.glossary import load_glossary, load_units
from generator.errors import ReportError, TownfactsError
from generator.model import Report
from generator.pages.export import datapackage, joined_csv_chunks, joined_json_chunks
from generator.pages.places import places, render_place_pages
from generator.pages.render import LANGS, SitePages, render_index_pages, render_report
from generator.site.regions import render_region_pages
from generator.site.reports import ReadResult, find_reports, project_memory, read_reports
from generator.site.search_terms import jieba_user_dict
from generator.support.cache import PickleCache, content_key, ensure_dir, temporary_beside, write_atomic
from generator.support.timings import Progress, Timings, peak_mb
from generator.support.workers import Workers

VENDOR_JS = Path("assets/vendor/vega-bundle.js")
GENERATED_DIRS = ("towns", "regions", "assets/charts", "data")
CHARTS_DIR = Path("assets/charts")
JIEBA_DICT = Path(".cache/townfacts/jieba_userdict.txt")
REPORT_CACHE = Path(".cache/townfacts/reports")
PAGE_CACHE = Path(".cache/townfacts/pages")
log = logging.getLogger("townfacts")


def write_if_changed(path: Path, text: str) -> bool:
    """Write text to path unless it already holds exactly that; return whether it wrote."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True


def remove_stale(docs_dir: Path, keep: set[Path]) -> list[Path]:
    """Delete generated pages that no report produces any more; return what was removed."""
    removed = []
    for name in GENERATED_DIRS:
        root = docs_dir / name
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and path not in keep:
                path.unlink()
                removed.append(path)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return removed


def write_vendor_js(docs_dir: Path) -> Path:
    """Write the Vega/Vega-Lite/vega-embed bundle the site serves itself (no CDN)."""
    from generator.site.vendor import VEGA_BUNDLE

    path = docs_dir / VENDOR_JS
    write_if_changed(path, VEGA_BUNDLE.read_text(encoding="utf-8"))
    path.with_suffix(".version").unlink(missing_ok=True)  # written by earlier versions
    return path


def data_files(reports: Sequence[Report], docs_dir: Path) -> dict[str, Iterator[str]]:
    """Return the downloads of all towns (facts.csv, facts.json, datapackage.json), each as the chunks of
    its text: joined from each town's own downloads as written in docs_dir, read back one town at a time."""
    own = [docs_dir / f"data/{r.meta.slug}" for r in reports]  # the downloads folder under docs/
    resources = [("facts", "facts.csv")] + [(r.meta.slug.replace("/", "-"), f"{r.meta.slug}/facts.csv") for r in reports]
    package = json.dumps(datapackage(list(reports), resources), ensure_ascii=False, indent=2, allow_nan=False)
    return {"data/facts.csv": joined_csv_chunks(_texts(folder / "facts.csv" for folder in own)),
            "data/facts.json": joined_json_chunks(_texts(folder / "facts.json" for folder in own)),
            "data/datapackage.json": iter([package + "\n"])}


def _texts(paths: Iterable[Path]) -> Iterator[str]:
    """Yield each file's text exactly as written (no newline translation)."""
    for path in paths:
        yield path.read_bytes().decode("utf-8")


def write_chunks_if_changed(path: Path, chunks: Iterable[str]) -> bool:
    """Write the chunks' text to path unless it already holds exactly that, never holding the whole text;
    return whether it wrote."""
    ensure_dir(path.parent)
    with temporary_beside(path) as tmp:
        with open(tmp, "wb") as file:
            for chunk in chunks:
                file.write(chunk.encode("utf-8"))
        if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            return False
        tmp.replace(path)
        return True


def render_or_error(report: Report, site_url: str) -> tuple[Optional[SitePages], Optional[ReportError]]:
    """Return (pages, None) or (None, the error naming the file and stage): one report never stops the rest."""
    try:
        return render_report(report, site_url), None
    except ReportError as err:
        return None, err
    except TownfactsError:  # a broken data file stops every report: say it once
        raise
    except Exception as err:  # noqa: BLE001 - whatever rendering or exporting one report raises
        log.info("rendering %s failed:", report.meta.source, exc_info=True)  # the traceback, under --verbose
        return None, ReportError(report.meta.source, f"while rendering or exporting its pages: "
                                                     f"{type(err).__name__}: {err}")


def report_pages(reports: Sequence[Report], site_url: str, cache: PickleCache,
                 workers: Workers) -> Iterator[tuple[Report, Optional[SitePages], Optional[ReportError], bool]]:
    """Yield (report, pages, None, rendered now) for every report, or (report, None, error, True) for one
    that failed to render: rendered in the worker processes and cached when not cached yet, else read back
    from the cache. One report's pages at a time: never all in memory."""
    keys = [content_key(r, site_url) for r in reports]
    todo = [i for i, key in enumerate(keys) if not cache.has(key)]
    rendered = workers.imap(render_or_error, [reports[i] for i in todo], [site_url] * len(todo))
    for i, (pages, error) in zip(todo, rendered):
        if pages is not None:
            cache.put(keys[i], pages)
        yield reports[i], pages, error, True
    rendered_now = set(todo)
    for i in (i for i in range(len(reports)) if i not in rendered_now):
        pages = cache.get(keys[i])
        if isinstance(pages, SitePages):
            yield reports[i], pages, None, False
            continue
        pages, error = render_or_error(reports[i], site_url)  # unreadable since has(): render it here
        if pages is not None:
            cache.put(keys[i], pages)
        yield reports[i], pages, error, True


class DocsWriter:
    """Writes generated files into docs/ (only those whose content changed) and remembers what it wrote."""

    def __init__(self, docs_dir: Path):
        self.docs_dir, self.written, self.changed = docs_dir, set(), 0

    def write(self, site: SitePages) -> None:
        """Write pages and chart SVGs."""
        for rel, text in sorted(site.pages.items()):
            self.changed += write_if_changed(self.docs_dir / rel, text)
            self.written.add(self.docs_dir / rel)
        for name, svg in sorted(site.charts.items()):
            write_if_changed(self.docs_dir / CHARTS_DIR / name, svg)
            self.written.add(self.docs_dir / CHARTS_DIR / name)

    def write_chunks(self, rel: str, chunks: Iterable[str]) -> None:
        """Write one file given as chunks of its text."""
        self.changed += write_chunks_if_changed(self.docs_dir / rel, chunks)
        self.written.add(self.docs_dir / rel)


def write_docs(reports: Sequence[Report], docs_dir: Path, project_dir: Path, site_url: str = "",
               workers: Optional[Workers] = None, progress: Progress = print) -> ReadResult:
    """Render every generated page into docs/ (only changed files are touched); return the reports whose
    pages were written and an error for each report that failed to render (it is left out of the site).

    Each report's pages are written as they come and let go (500 towns' pages are ~300 MB), each place's
    page too, and the all-towns downloads are joined from the towns' files on disk: what this holds does
    not grow with the pages' size (only the reports themselves). The rendered pages are cached on disk only.
    """
    cache = PickleCache(project_dir / PAGE_CACHE, remember=False, kind=SitePages)
    out = DocsWriter(docs_dir)
    errors, failed = [], set()
    with Workers() if workers is None else nullcontext(workers) as pool:
        for report, pages, error, _ in report_pages(reports, site_url, cache, pool):
            if error is not None:
                progress(f"Error: {error}")
                errors.append(error)
                failed.add(id(report))
                continue
            out.write(pages)
    built = [r for r in reports if id(r) not in failed]  # in the reports' order, as the index pages list them
    out.write(render_index_pages(built))
    for group in places(built).values():  # one place's pages at a time
        out.write(render_place_pages(group))
    out.write(render_region_pages(built))
    for rel, chunks in data_files(built, docs_dir).items():
        out.write_chunks(rel, chunks)
    remove_stale(docs_dir, out.written)
    write_vendor_js(docs_dir)
    write_if_changed(project_dir / JIEBA_DICT, jieba_user_dict(built))
    return ReadResult(tuple(built), tuple(errors))


def preload() -> None:
    """Read the glossary, units, templates and chart specs every stage uses, here, once: worker processes
    forked after this inherit them instead of each reading them again."""
    from generator.pages import figures
    from generator.pages import render

    load_glossary()
    load_units()
    env = render.template_env()
    for name in env.list_templates():
        env.get_template(name)
    for lang in LANGS:
        for chart_of in figures.BUILDERS:
            figures.chart_template(chart_of, lang)


def generate(seeds_dir: Path, docs_dir: Path, project_dir: Path, progress: Progress,
             timings: Optional[Timings] = None, site_url: str = "", fail_fast: bool = False) -> ReadResult:
    """Read every report in seeds_dir and write the generated pages into docs_dir."""
    timings = timings or Timings()
    with timings.stage("find"):
        paths = find_reports(seeds_dir)
        memory = project_memory(project_dir)
    cache = PickleCache(project_dir / REPORT_CACHE, kind=Report)
    with timings.stage("load"):
        preload()
    with Workers() as workers:  # one set of processes reads and renders
        result = read_reports(paths, timings, progress, memory, cache, fail_fast, workers)
        with timings.stage("render"):
            rendered = write_docs(result.reports, docs_dir, project_dir, site_url, workers, progress)
        started = workers.started
    if started:  # the workers have exited: their peak is known now (pages shared with this process included)
        timings.workers_mb = peak_mb(children=True)
    if fail_fast and rendered.errors:
        raise TownfactsError(f"{rendered.errors[0]} (stopped: --fail-fast)")
    return ReadResult(rendered.reports, result.errors + rendered.errors)
