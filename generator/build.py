"""`townfacts build`: the site from a folder of reports, read top to bottom like MkDocs' own `build()`.

Load the config → find and read the reports → write docs/ → check whether the site is up to date →
run MkDocs into a fresh folder → swap it in. The stages live in generator/site/.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

from generator.english.entities import entity_coverage
from generator.english.structure import glossary_coverage, origin_counts
from generator.english.memory import MEMORY_PATH
from generator.errors import ReportError, TownfactsError
from generator.mkdocs.plugin import configure_mkdocs, search_after_build
from generator.model import Report
from generator.pages.render import LANGS
from generator.site.docs import generate
from generator.site.reports import project_memory, untranslated
from generator.site.run import check_site_dir, load_mkdocs_config, recover_site, run_mkdocs, site_key
from generator.site.uptodate import STATE_FILE, is_up_to_date, record_build
from generator.support.lock import build_lock
from generator.support.timings import Progress, Timings


@dataclass(frozen=True)
class BuildResult:
    """What a build did: reports built, reports that failed, time per stage."""

    reports: tuple[Report, ...]
    errors: tuple[ReportError, ...]
    timings: dict[str, float]
    site_dir: Optional[Path]


def report_coverage(reports: Sequence[Report], project_dir: Path, strict: bool, progress: Progress) -> None:
    """Say how much of the reports has English (glossary, translation memory); with strict, fail on gaps."""
    known, total, unknown = glossary_coverage(reports)
    origins, headed, headings = origin_counts(reports)
    named, entities = entity_coverage((e.kind, e.name) for r in reports for e in r.entities)
    progress(f"Glossary: {known}/{total} indicators have English ({origins['glossary']} from the glossary, "
             f"{origins['dictionary']} composed with CC-CEDICT); {headed}/{headings} section headings; "
             f"{named}/{entities} entity names"
             + (f"; missing e.g. {', '.join(unknown[:5])}" if unknown else ""))
    missing = untranslated(reports, project_memory(project_dir))
    if missing:
        progress(f"English: {missing} segments not yet translated (shown in Chinese, marked); "
                 f"fill {MEMORY_PATH} by hand or with `townfacts translate`")
        if strict:
            raise TownfactsError(f"{MEMORY_PATH}: {missing} segments not yet translated (--strict)")


def build_site(seeds_dir: Path = Path("seeds"), site_dir: Optional[Path] = None,
               config_file: Path = Path("mkdocs.yml"), strict: bool = False,
               progress: Progress = print, fail_fast: bool = False, config=None,
               finish: Optional[Callable[[Path], None]] = None, force: bool = False) -> BuildResult:
    """Build the whole site from the reports in seeds_dir; return what happened.

    `config` is a MkDocs config already loaded (the offline bundle loads its own, with overrides);
    `finish` runs on the built site before it replaces the previous one. MkDocs is not run when the
    site folder already holds the build of exactly these pages and settings, unless `force` is set. The
    site folder must be new, empty or one a build wrote (`check_site_dir`): no other folder is replaced.
    One build per project at a time: the whole build holds the project's build lock.
    """
    timings = Timings()
    config_file = config_file.resolve()
    project_dir = config_file.parent
    with timings.stage("config"):
        config = config or load_mkdocs_config(config_file, site_dir, strict)
    check_site_dir(Path(config.site_dir), project_dir / STATE_FILE)  # before any work, the lock included
    with build_lock(project_dir):
        return _build(seeds_dir, config, project_dir, strict, progress, fail_fast, finish, force, timings)


def _build(seeds_dir: Path, config, project_dir: Path, strict: bool, progress: Progress, fail_fast: bool,
           finish: Optional[Callable[[Path], None]], force: bool, timings: Timings) -> BuildResult:
    """Build the site as `build_site` says, the lock held; return what happened."""
    recovered = recover_site(Path(config.site_dir))  # a build killed mid-swap: complete or undo it first
    if recovered:
        progress(recovered)
    check_site_dir(Path(config.site_dir), project_dir / STATE_FILE)  # again: another build may have run meanwhile
    result = generate(seeds_dir, Path(config.docs_dir), project_dir, progress, timings, config.site_url or "",
                      fail_fast)
    if not result.reports:
        raise TownfactsError(f"{seeds_dir}: no report could be read, nothing to build")
    report_coverage(result.reports, project_dir, strict, progress)
    site, key = Path(config.site_dir), None
    if finish is None:  # the offline bundle always builds: its fix-ups run on a fresh site
        with timings.stage("check"):
            key = site_key(config, result.reports, project_dir)
            fresh = not force and is_up_to_date(project_dir / STATE_FILE, site, key)
        if fresh:
            progress(f"Site is up to date: {site} already holds these {len(result.reports)} reports' pages "
                     "(nothing changed since it was built; --force builds it again)")
            return finished(result.reports, result.errors, timings, site, progress)
    with timings.stage("mkdocs"):
        configure_mkdocs(config, result.reports, project_dir)
        out = run_mkdocs(config, search_after_build(config, result.reports, finish))
    if key is not None:
        record_build(project_dir / STATE_FILE, out, key)
    progress(f"Built {len(result.reports)} reports ({sum(len(r.facts) for r in result.reports)} facts, "
             f"{len(LANGS)} languages) into {out}")
    return finished(result.reports, result.errors, timings, out, progress)


def finished(reports: Sequence[Report], errors: Sequence[ReportError], timings: Timings, site: Path,
             progress: Progress) -> BuildResult:
    """Print the time and memory per stage; return the build's result."""
    for line in timings.report():
        progress(line)
    return BuildResult(tuple(reports), tuple(errors), dict(timings.seconds), site)
