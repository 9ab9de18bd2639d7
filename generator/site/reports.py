"""Find and read a build's reports: normalize → extract → glossary English, cached on disk by content hash,
in parallel; then the translation memory's English, and slugs made unique.

A report is re-read only when its bytes, or the generator's own code and data files, change: the
cache key is the SHA-256 of the file plus a fingerprint of `generator/` (code, data, templates).
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import time
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional, Sequence

from generator.english.structure import compose_headings, translate_report
from generator.english.memory import MEMORY_PATH, Memory, apply_memory, load_memory, missing_segments
from generator.errors import DataFileError, ReportError, TownfactsError
from generator.model import Report
from generator.read.extract import extract_report
from generator.read.normalize import clean_bytes
from generator.read.sidecar import read_sidecar, sidecar_path
from generator.support.cache import PickleCache, generator_fingerprint
from generator.support.timings import Progress, Timings
from generator.support.workers import Workers

log = logging.getLogger("townfacts")

MAX_BYTES = 10 * 1024 * 1024  # a government report is well under 1 MB of text
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
REPORT_SUFFIXES = (".txt",)


def display_path(path: Path) -> Path:
    """Return the path relative to the working folder when it lies inside it (as users typed it)."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def report_bytes(path: Path) -> bytes:
    """Return a report file's bytes, refusing links, special, unreadable and oversized files with the reason."""
    try:
        _check_regular(path, path.lstat())  # before opening: opening a FIFO would wait for a writer
        with os.fdopen(os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK), "rb") as file:
            st = os.fstat(file.fileno())
            _check_regular(path, st)  # the same check on what was opened: it may have been swapped since
            if st.st_size > MAX_BYTES:
                raise ReportError(str(path), f"file is {st.st_size / 1e6:.1f} MB; reports over "
                                             f"{MAX_BYTES // 2**20} MB are refused (is it really a report?)")
            return file.read(MAX_BYTES + 1)
    except OSError as err:
        raise ReportError(str(path), err.strerror or str(err)) from err


def _check_regular(path: Path, st: os.stat_result) -> None:
    """Return if st is a regular file's; else raise ReportError saying what the path is instead."""
    if stat.S_ISREG(st.st_mode):
        return
    if stat.S_ISLNK(st.st_mode):
        raise ReportError(str(path), "is a symbolic link; reports must be regular files (copy the file here)")
    kind = next((name for test, name in _KINDS if test(st.st_mode)), "a special file")
    raise ReportError(str(path), f"is {kind}, not a regular report file")


def extract_file(path: Path) -> tuple[Report, dict[str, float]]:
    """Return the report read from a file (no cache) and the seconds each stage took."""
    seconds = {}
    start = time.perf_counter()
    clean = clean_bytes(report_bytes(path), str(display_path(path)))  # never follows a link the check refused
    seconds["normalize"] = time.perf_counter() - start
    try:
        sidecar = read_sidecar(display_path(sidecar_path(path)))
    except DataFileError as err:
        raise ReportError(f"{err.path}:{err.line}" if err.line else err.path, err.reason) from err
    report = extract_report(clean, sidecar)
    seconds["extract"] = time.perf_counter() - start - seconds["normalize"]
    report = translate_report(report)
    seconds["translate"] = time.perf_counter() - start - seconds["normalize"] - seconds["extract"]
    return report, seconds


def report_key(path: Path, data: bytes) -> str:
    """Return the cache key of a report: its path, bytes, its sidecar's bytes and the generator's fingerprint."""
    sidecar = sidecar_path(path)
    digest = hashlib.sha256(data + (b"\0" + sidecar.read_bytes() if sidecar.is_file() else b"")).hexdigest()
    return f"{digest}-{hashlib.sha256(str(display_path(path)).encode()).hexdigest()[:8]}-{generator_fingerprint()}"


MEMORY_CACHE = PickleCache()  # for one process: `townfacts facts`, tests, the MkDocs plugin under `serve`


def _extract_or_error(path: Path) -> tuple[Optional[Report], Optional[ReportError], dict[str, float]]:
    """Return (report, None, seconds) or (None, error, {}): worker-side, never raises."""
    try:
        report, seconds = extract_file(path)
        return report, None, seconds
    except ReportError as err:
        return None, err, {}
    except TownfactsError:  # a broken data file stops every report: say it once
        raise
    except Exception as err:  # noqa: BLE001 - one report never stops the rest, whatever it raises
        log.info("reading %s failed:", path, exc_info=True)  # the traceback, under --verbose
        return None, ReportError(str(path), f"while reading: {type(err).__name__}: {err}"), {}


def read_files(paths: Sequence[Path], cache: PickleCache = MEMORY_CACHE, workers: Optional[Workers] = None
               ) -> list[tuple[Path, Optional[Report], Optional[ReportError], dict]]:
    """Return (path, report, error, seconds) per path in order; uncached reports are read in parallel."""
    results: dict[Path, tuple] = {}
    todo: list[tuple[Path, str]] = []
    for path in paths:
        try:
            key = report_key(path, report_bytes(path))
        except ReportError as err:
            results[path] = (None, err, {})
            continue
        cached = cache.get(key)
        if cached is not None:
            results[path] = (cached, None, {})
        else:
            todo.append((path, key))
    with Workers() if workers is None else nullcontext(workers) as pool:
        outcomes = pool.map(_extract_or_error, [p for p, _ in todo])
    for (path, key), (report, error, seconds) in zip(todo, outcomes):
        if report is not None:
            cache.put(key, report)
        results[path] = (report, error, seconds)
    return [(path, *results[path]) for path in paths]


@dataclass(frozen=True)
class ReadResult:
    """The reports that could be read, and one error per report that could not."""

    reports: tuple[Report, ...]
    errors: tuple[ReportError, ...]


def find_reports(seeds_dir: Path) -> list[Path]:
    """Return the report entries in a folder, sorted by name: files, and links or special files to refuse."""
    if not seeds_dir.is_dir():
        raise TownfactsError(f"{seeds_dir}: no such folder of reports")
    return sorted(p for p in seeds_dir.iterdir()
                  if p.suffix.lower() in REPORT_SUFFIXES and (p.is_symlink() or not p.is_dir()))


def project_memory(project_dir: Path) -> Memory:
    """Return the project's translation memory (an empty one when the file does not exist yet)."""
    path = project_dir / MEMORY_PATH
    return load_memory(path) if path.is_file() else Memory({})


def untranslated(reports: Sequence[Report], memory: Memory) -> int:
    """Return how many prose segments of the reports have no English yet."""
    return sum(len(missing_segments(r, memory)) for r in reports)


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
        outcomes = without_duplicates(read_files(paths, cache, workers), progress)
    for i, (path, report, error, seconds) in enumerate(outcomes, 1):
        timings.add(seconds)
        if error is not None:
            errors.append(error)
            progress(f"Error: {error}")
            if fail_fast:
                raise TownfactsError(f"{error} (stopped: --fail-fast)")
            continue
        with timings.stage("translate"):
            report = compose_headings(apply_memory(report, memory) if memory is not None else report)
        if not report.facts:
            progress(f"Warning: {path}: no figures found; its pages are built without facts")
        reports.append(report)
        progress(f"[{i}/{len(paths)}] {path}: {report.meta.place} → {len(report.facts)} facts")
    return ReadResult(tuple(unique_slugs(reports)), tuple(errors))


UNPLACED = "unplaced-"  # no place slug begins so: no pinyin syllable begins with u


def report_slug(meta) -> str:
    """Return a report's URL slug: under its place's, its year (wuxing-zhili/2021, or wuxing-zhili/undated);
    a report whose place is not resolved gets its file name's (unplaced-qingyuan-2008). Never a counter, so
    no other report can move it."""
    if not meta.place_code:
        return UNPLACED + meta.slug
    return f"{meta.slug}/{meta.year or 'undated'}"


def unique_slugs(reports: Sequence[Report]) -> list[Report]:
    """Return the reports sorted by slug, each with its report slug; of two reports of one place and year
    the earlier document keeps it (adding a later one moves nothing), the other gets its date or file name
    after it (a warning says which)."""
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(report_slug(report.meta), []).append(report)
    out = []
    used = set(groups)
    for slug, group in groups.items():
        group.sort(key=lambda r: (r.meta.date or "9999", r.meta.source))
        out.append(replace(group[0], meta=replace(group[0].meta, slug=slug)))
        for report in group[1:]:
            candidate = _free_slug(slug, report.meta, used)
            log.warning("%s: %s is already the URL of %s (an earlier document of the same place and year); this "
                        "report is published as %s", report.meta.source, slug, group[0].meta.source, candidate)
            out.append(replace(report, meta=replace(report.meta, slug=candidate)))
    return sorted(out, key=lambda r: r.meta.slug)


def _free_slug(slug: str, meta, used: set[str]) -> str:
    """Return the first of slug-<date>, slug-<file name>, slug-<text hash> that no report has yet (three
    reports of one place, year and date must not share a URL), and mark it used."""
    for own in (meta.date, Path(meta.source).stem, (meta.sha256 or "")[:12]):
        own = re.sub(r"[^a-z0-9]+", "-", (own or "").lower()).strip("-")
        if own and f"{slug}-{own}" not in used:
            used.add(f"{slug}-{own}")
            return f"{slug}-{own}"
    raise ValueError(f"{meta.source}: no URL left for a report of {slug}")  # same text: read once before this


def without_duplicates(outcomes: list, progress: Progress) -> list:
    """Return the read outcomes without a report whose normalised text an earlier one already has; a
    warning names both files."""
    seen: dict[str, Path] = {}
    kept = []
    for outcome in outcomes:
        report = outcome[1]
        if report is not None:
            digest = hashlib.sha256("\n".join(p.text for p in report.paragraphs).encode()).hexdigest()
            if digest in seen:
                progress(f"Warning: {outcome[0]}: same text as {seen[digest]}; read once, published once")
                continue
            seen[digest] = outcome[0]
        kept.append(outcome)
    return kept
