"""Build the site: read every report, render its pages into docs/, then run MkDocs.

Reads top to bottom like MkDocs' own `build()`: find reports → normalize → extract → translate
→ render → write docs/ → MkDocs. Each stage is a function from plain data to plain data.
"""
from __future__ import annotations

import json
import logging
import shutil
import sys
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional, Sequence

from generator.english.glossary import load_glossary, load_units
from generator.english.names import place_en
from generator.english.structure import glossary_coverage
from generator.errors import ReportError, TownfactsError
from generator.pages.export import datapackage, joined_csv, joined_json
from generator.english.memory import MEMORY_PATH, Memory, apply_memory, load_memory, missing_segments
from generator.model import Report
from generator.site.reports import MEMORY_CACHE, PickleCache, content_key, generator_fingerprint, read_files
from generator.pages.render import LANGS, SitePages, render_index_pages, render_report, ui
from generator.site.search_terms import jieba_user_dict
from generator.site.uptodate import STATE_FILE, file_digest, inputs_key, is_up_to_date, record_build, tree_digest
from generator.support.workers import Workers

log = logging.getLogger("townfacts")

VENDOR_JS = Path("assets/vendor/vega-bundle.js")
GENERATED_DIRS = ("towns", "assets/charts", "data")
CHARTS_DIR = Path("assets/charts")
JIEBA_DICT = Path(".cache/townfacts/jieba_userdict.txt")
REPORT_CACHE = Path(".cache/townfacts/reports")
PAGE_CACHE = Path(".cache/townfacts/pages")
REPORT_SUFFIXES = (".txt",)

Progress = Callable[[str], None]


try:
    import resource
except ImportError:  # Windows: no peak memory figures
    resource = None


def peak_mb(children: bool = False) -> float:
    """Return the peak resident memory so far, in MB, of this process (or of its largest finished child);
    0 where the system does not tell."""
    if not children:
        try:  # this program's own peak: ru_maxrss would also count the process that started it
            status = Path("/proc/self/status").read_text()
            return int(status.split("VmHWM:", 1)[1].split()[0]) / 1024
        except (OSError, IndexError, ValueError):
            pass
    if resource is None:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


@dataclass
class Timings:
    """Seconds spent per stage, in the order stages first ran, and the peak memory reached by each."""

    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # per-report stages inside "read" (summed over workers)
    memory: dict[str, float] = field(default_factory=dict)  # this process's peak MB at the end of each stage
    workers_mb: float = 0.0  # the largest worker process's peak MB (0 when none ran)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            self.memory[name] = max([peak_mb(), *self.memory.values()])  # the kernel's figure can lag by a page or so

    def add(self, seconds: dict[str, float]) -> None:
        """Add per-report stage seconds measured while reading (possibly in worker processes)."""
        for name, secs in seconds.items():
            self.cpu[name] = self.cpu.get(name, 0.0) + secs

    def summary(self) -> str:
        """Return 'stage 0.12 s · …' for every stage and the total, with the read stage's parts."""
        parts = []
        for name, secs in self.seconds.items():
            part = f"{name} {secs:.2f} s"
            if name == "read" and self.cpu:
                part += " (" + ", ".join(f"{k} {v:.2f}" for k, v in self.cpu.items()) + ")"
            parts.append(part)
        return " · ".join(parts + [f"total {sum(self.seconds.values()):.2f} s"])

    def report(self) -> list[str]:
        """Return the lines a build prints at its end: time per stage, then peak memory (when known)."""
        memory = self.memory_summary()
        return ["Time per stage: " + self.summary()] + (["Peak memory by stage: " + memory] if memory else [])

    def memory_summary(self) -> str:
        """Return 'stage 120 MB · …': this process's peak memory when each stage ended, then the workers'."""
        parts = [f"{name} {mb:.0f} MB" for name, mb in self.memory.items() if mb]
        if self.workers_mb:
            parts.append(f"worker processes {self.workers_mb:.0f} MB each at most")
        return " · ".join(parts)


@dataclass(frozen=True)
class ReadResult:
    """The reports that could be read, and one error per report that could not."""

    reports: tuple[Report, ...]
    errors: tuple[ReportError, ...]


@dataclass(frozen=True)
class BuildResult:
    """What a build did: reports built, reports that failed, time per stage."""

    reports: tuple[Report, ...]
    errors: tuple[ReportError, ...]
    timings: dict[str, float]
    site_dir: Optional[Path]


def find_reports(seeds_dir: Path) -> list[Path]:
    """Return the report files in a folder, sorted by name."""
    if not seeds_dir.is_dir():
        raise TownfactsError(f"{seeds_dir}: no such folder of reports")
    return sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)


def read_report(path: Path, timings: Optional[Timings] = None, memory: Optional[Memory] = None) -> Report:
    """Return one report read, extracted and given its English (glossary, then translation memory)."""
    ((_, report, error, seconds),) = read_files([Path(path)])
    if error is not None:
        raise error
    if timings is not None:
        timings.add(seconds)
    return apply_memory(report, memory) if memory is not None else report


def read_reports(paths: Sequence[Path], timings: Timings, progress: Progress, memory: Optional[Memory] = None,
                 cache: PickleCache = MEMORY_CACHE, fail_fast: bool = False,
                 workers: Optional[Workers] = None) -> ReadResult:
    """Return every report that could be read; a broken one is reported and skipped (or stops, fail-fast)."""
    reports, errors = [], []
    with timings.stage("read"):
        outcomes = read_files(paths, cache, workers)
    for i, (path, report, error, seconds) in enumerate(outcomes, 1):
        timings.add(seconds)
        if error is not None:
            errors.append(error)
            progress(f"Error: {error}")
            if fail_fast:
                raise TownfactsError(f"{error} (stopped: --fail-fast)")
            continue
        if memory is not None:
            with timings.stage("translate"):
                report = apply_memory(report, memory)
        if not report.facts:
            progress(f"Warning: {path}: no figures found; its pages are built without facts")
        reports.append(report)
        progress(f"[{i}/{len(paths)}] {path}: {report.meta.place} → {len(report.facts)} facts")
    return ReadResult(tuple(unique_slugs(reports)), tuple(errors))


def unique_slugs(reports: Sequence[Report]) -> list[Report]:
    """Return the reports sorted by slug, with clashing slugs made unique by year or a counter."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for report in sorted(reports, key=lambda r: (r.meta.slug, r.meta.year or 0, r.meta.source)):
        slug = report.meta.slug
        if slug in seen:
            seen[slug] += 1
            suffix = str(report.meta.year) if report.meta.year else str(seen[slug])
            candidate = f"{slug}-{suffix}"
            while candidate in seen:
                seen[slug] += 1
                candidate = f"{slug}-{seen[slug]}"
            log.warning("%s: slug %r already used; this report is published as %r", report.meta.source, slug, candidate)
            report = replace(report, meta=replace(report.meta, slug=candidate))
            slug = candidate
        seen.setdefault(slug, 0)
        out.append(report)
    return out


def write_if_changed(path: Path, text: str) -> bool:
    """Write text to path unless it already holds exactly that; return whether it wrote."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
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


def data_files(reports: Sequence[Report], pages: Mapping[str, str]) -> dict[str, str]:
    """Return the downloads of all towns (facts.csv, facts.json, datapackage.json), joined from each
    town's own downloads among the rendered pages."""
    own = [f"data/{r.meta.slug}" for r in reports]
    files = {"data/facts.csv": joined_csv([pages[f"{folder}/facts.csv"] for folder in own]),
             "data/facts.json": joined_json([pages[f"{folder}/facts.json"] for folder in own])}
    resources = [("facts", "facts.csv")] + [(r.meta.slug, f"{r.meta.slug}/facts.csv") for r in reports]
    files["data/datapackage.json"] = json.dumps(datapackage(list(reports), resources), ensure_ascii=False,
                                                indent=2) + "\n"
    return files


def report_pages(reports: Sequence[Report], site_url: str, cache: PickleCache,
                 workers: Workers) -> Iterator[tuple[SitePages, bool]]:
    """Yield (pages, rendered now) for every report: rendered in the worker processes and cached when
    not cached yet, else read back from the cache. One report's pages at a time: never all in memory."""
    keys = [content_key(r, site_url) for r in reports]
    todo = [i for i, key in enumerate(keys) if not cache.has(key)]
    rendered = workers.imap(render_report, [reports[i] for i in todo], [site_url] * len(todo))
    for i, pages in zip(todo, rendered):
        cache.put(keys[i], pages)
        yield pages, True
    rendered_now = set(todo)
    for i in (i for i in range(len(reports)) if i not in rendered_now):
        pages = cache.get(keys[i])
        if pages is not None:
            yield pages, False
            continue
        pages = render_report(reports[i], site_url)  # unreadable since has(): render it here
        cache.put(keys[i], pages)
        yield pages, True


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


def write_docs(reports: Sequence[Report], docs_dir: Path, project_dir: Path, site_url: str = "",
               workers: Optional[Workers] = None) -> int:
    """Render every generated page into docs/ (only changed files are touched); return pages changed.

    Each report's pages are written as they come and let go (500 towns' pages are ~300 MB); the
    rendered pages are cached on disk only.
    """
    cache = PickleCache(project_dir / PAGE_CACHE, remember=False)
    out = DocsWriter(docs_dir)
    downloads: dict[str, str] = {}  # each town's facts.csv / facts.json, for the all-towns files
    with Workers() if workers is None else nullcontext(workers) as pool:
        for pages, _ in report_pages(reports, site_url, cache, pool):
            out.write(pages)
            downloads.update((rel, text) for rel, text in pages.pages.items() if rel.startswith("data/"))
    out.write(render_index_pages(reports))
    out.write(SitePages(data_files(reports, downloads), {}))
    remove_stale(docs_dir, out.written)
    write_vendor_js(docs_dir)
    write_if_changed(project_dir / JIEBA_DICT, jieba_user_dict(reports))
    return out.changed


NAV_GROUP_MIN = 12  # with more towns than this, the nav groups them by district (or city)


def town_nav(reports: Sequence[Report]) -> tuple[list, dict[str, str]]:
    """Return one nav entry per town (its fact sheet) and their zh→en titles.

    One link per town, not a section with two: every page carries the whole nav, so this halves it.
    """
    places = Counter(r.meta.place for r in reports)
    entries, translations = [], {}
    for report in reports:
        m = report.meta
        label = f"{m.place} {m.year}" if places[m.place] > 1 and m.year else m.place
        translations[label] = f"{m.place_en or m.slug} {m.year}" if label != m.place else (m.place_en or m.slug)
        entries.append({label: f"towns/{m.slug}/index.md"})  # the full text is linked from the fact sheet
    return entries, translations


def region_of(report: Report) -> tuple[str, str]:
    """Return the (zh, en) name of the district, else city, else province a report's town lies in."""
    m = report.meta
    for zh, en in ((m.district, m.district_en), (m.city, m.city_en), (m.province, m.province_en)):
        if zh:
            return zh, en or place_en(zh)
    return ui("other_region", "zh"), ui("other_region", "en")


def site_nav(reports: Sequence[Report]) -> tuple[list, dict[str, str]]:
    """Return MkDocs' nav (Chinese titles) and the zh→en title map for the English build.

    Every page carries the whole nav, so a big archive groups its towns by region to keep pages small.
    """
    towns, translations = town_nav(reports)
    if len(reports) > NAV_GROUP_MIN:
        groups: dict[str, list] = {}
        for report, entry in zip(reports, towns):
            zh, en = region_of(report)
            groups.setdefault(zh, []).append(entry)
            translations[zh] = en
        towns = [{zh: entries} for zh, entries in sorted(groups.items())]
    for key in ("home_title", "towns", "fact_sheet", "full_text", "compare", "data", "about"):
        translations[ui(key, "zh")] = ui(key, "en")
    nav = [{ui("home_title", "zh"): "index.md"}, {ui("towns", "zh"): towns}, {ui("compare", "zh"): "compare.md"},
           {ui("data", "zh"): "data.md"}, {ui("about", "zh"): "about.md"}]
    return nav, translations


def project_memory(project_dir: Path) -> Memory:
    """Return the project's translation memory (an empty one when the file does not exist yet)."""
    path = project_dir / MEMORY_PATH
    return load_memory(path) if path.is_file() else Memory({})


def untranslated(reports: Sequence[Report], memory: Memory) -> int:
    """Return how many prose segments of the reports have no English yet."""
    return sum(len(missing_segments(r, memory)) for r in reports)


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
    cache = PickleCache(project_dir / REPORT_CACHE)
    with timings.stage("load"):
        preload()
    with Workers() as workers:  # one set of processes reads and renders
        result = read_reports(paths, timings, progress, memory, cache, fail_fast, workers)
        with timings.stage("render"):
            write_docs(result.reports, docs_dir, project_dir, site_url, workers)
        started = workers.started
    if started:  # the workers have exited: their peak is known now (pages shared with this process included)
        timings.workers_mb = peak_mb(children=True)
    return result


def configure_mkdocs(config, reports: Sequence[Report], project_dir: Path) -> None:
    """Give MkDocs the generated nav, its English titles and the jieba user dictionary."""
    nav, translations = site_nav(reports)
    config.nav = nav
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        for language in i18n.config.languages:
            if language.locale != "zh":
                language.nav_translations = {**translations, **(language.nav_translations or {})}
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.jieba_dict_user = str(project_dir / JIEBA_DICT)
    config.extra.setdefault("townfacts", {})["generated"] = True


def load_mkdocs_config(config_file: Path, site_dir: Optional[Path], strict: bool):
    """Return mkdocs.yml loaded with the command's overrides (site folder, strict)."""
    from mkdocs.config import load_config

    overrides: dict = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    return load_config(str(config_file), **overrides)


def site_key(config, reports: Sequence[Report], project_dir: Path) -> str:
    """Return the hash of everything MkDocs would read to build the site (see `uptodate`)."""
    nav, translations = site_nav(reports)
    custom_dir = config.theme.custom_dir
    options = {"strict": bool(config.strict), "site_url": config.site_url, "nav": nav, "nav_en": translations,
               "theme_overrides": tree_digest(Path(custom_dir)) if custom_dir else None,
               "hooks": {name: file_digest(project_dir / name) for name in sorted(config.hooks)}}
    return inputs_key(Path(config.docs_dir), Path(config.config_file_path), options, generator_fingerprint())


def run_mkdocs(config, reports: Sequence[Report], finish: Optional[Callable[[Path], None]] = None) -> Path:
    """Run MkDocs on the pages already in docs/ into a fresh folder, then swap it in; return the site folder.

    The previous site stays untouched until the new one is complete (`finish`, e.g. the offline
    bundle's fix-ups, included): a failed build loses nothing.
    """
    from mkdocs.commands.build import build as mkdocs_build

    target = Path(config.site_dir)
    building = target.with_name(f".{target.name}.building")
    shutil.rmtree(building, ignore_errors=True)
    config.site_dir = str(building)
    configure_mkdocs(config, reports, Path(config.config_file_path).parent)
    try:
        mkdocs_build(config)
        if finish is not None:
            finish(building)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        config.site_dir = str(target)
    swap_in(building, target)
    return target


def swap_in(new: Path, target: Path) -> None:
    """Replace the target folder by the new one with two renames (the old one is removed after)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build_site(seeds_dir: Path = Path("seeds"), site_dir: Optional[Path] = None,
               config_file: Path = Path("mkdocs.yml"), strict: bool = False,
               progress: Progress = print, fail_fast: bool = False, config=None,
               finish: Optional[Callable[[Path], None]] = None, force: bool = False) -> BuildResult:
    """Build the whole site from the reports in seeds_dir; return what happened.

    `config` is a MkDocs config already loaded (the offline bundle loads its own, with overrides);
    `finish` runs on the built site before it replaces the previous one. MkDocs is not run when the
    site folder already holds the build of exactly these pages and settings, unless `force` is set.
    """
    timings = Timings()
    config_file = config_file.resolve()
    project_dir = config_file.parent
    with timings.stage("config"):
        config = config or load_mkdocs_config(config_file, site_dir, strict)
    result = generate(seeds_dir, Path(config.docs_dir), project_dir, progress, timings, config.site_url or "",
                      fail_fast)
    if not result.reports:
        raise TownfactsError(f"{seeds_dir}: no report could be read, nothing to build")
    known, total, unknown = glossary_coverage(result.reports)
    progress(f"Glossary: {known}/{total} indicators have English"
             + (f"; missing e.g. {', '.join(unknown[:5])}" if unknown else ""))
    missing = untranslated(result.reports, project_memory(project_dir))
    if missing:
        progress(f"English: {missing} segments not yet translated (shown in Chinese, marked); "
                 f"fill {MEMORY_PATH} by hand or with `townfacts translate`")
        if strict:
            raise TownfactsError(f"{MEMORY_PATH}: {missing} segments not yet translated (--strict)")
    site = Path(config.site_dir)
    key = None
    if finish is None:  # the offline bundle always builds: its fix-ups run on a fresh site
        with timings.stage("check"):
            key = site_key(config, result.reports, project_dir)
            fresh = not force and is_up_to_date(project_dir / STATE_FILE, site, key)
        if fresh:
            progress(f"Site is up to date: {site} already holds these {len(result.reports)} reports' pages "
                     "(nothing changed since it was built; --force builds it again)")
            for line in timings.report():
                progress(line)
            return BuildResult(result.reports, result.errors, dict(timings.seconds), site)
    with timings.stage("mkdocs"):
        out = run_mkdocs(config, result.reports, finish)
    if key is not None:
        record_build(project_dir / STATE_FILE, out, key)
    progress(f"Built {len(result.reports)} reports ({sum(len(r.facts) for r in result.reports)} facts, "
             f"{len(LANGS)} languages) into {out}")
    for line in timings.report():
        progress(line)
    return BuildResult(result.reports, result.errors, dict(timings.seconds), out)
