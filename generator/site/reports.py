"""Find and read a build's reports: normalize → extract → glossary English, cached on disk by content hash,
in parallel; then the translation memory's English, and slugs made unique.

A report is re-read only when its bytes, or the generator's own code and data files, change: the
cache key is the SHA-256 of the file plus a fingerprint of `generator/` (code, data, templates).
"""
from __future__ import annotations

import hashlib
import logging
import os
import stat
import time
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional, Sequence

from generator.english.structure import compose_headings, translate_report
from generator.english.memory import MEMORY_PATH, Memory, apply_memory, load_memory, missing_segments
from generator.errors import ReportError, TownfactsError
from generator.model import Report
from generator.read.extract import extract_report
from generator.read.normalize import clean_bytes
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
    report = extract_report(clean)
    seconds["extract"] = time.perf_counter() - start - seconds["normalize"]
    report = translate_report(report)
    seconds["translate"] = time.perf_counter() - start - seconds["normalize"] - seconds["extract"]
    return report, seconds


def report_key(path: Path, data: bytes) -> str:
    """Return the cache key of a report: its path, bytes and the generator's fingerprint."""
    digest = hashlib.sha256(data).hexdigest()
    return f"{digest}-{hashlib.sha256(str(display_path(path)).encode()).hexdigest()[:8]}-{generator_fingerprint()}"


MEMORY_CACHE = PickleCache()  # for one process: `townfacts facts`, tests, the MkDocs plugin under `serve`


def _extract_or_error(path: Path) -> tuple[Optional[Report], Optional[ReportError], dict[str, float]]:
    """Return (report, None, seconds) or (None, error, {}): worker-side, never raises."""
    try:
        report, seconds = extract_file(path)
        return report, None, seconds
    except ReportError as err:
        return None, err, {}
    except (OSError, UnicodeError, ValueError, RecursionError) as err:  # one report never stops the rest
        return None, ReportError(str(path), f"{type(err).__name__}: {err}"), {}


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
        outcomes = read_files(paths, cache, workers)
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


def unique_slugs(reports: Sequence[Report]) -> list[Report]:
    """Return the reports sorted by slug, with clashing slugs made unique by year or a counter."""
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
