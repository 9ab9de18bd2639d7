"""The read stage: normalize → extract → glossary English, cached on disk by content hash, in parallel.

A report is re-read only when its bytes, or the generator's own code and data files, change: the
cache key is the SHA-256 of the file plus a fingerprint of `generator/` (code, data, templates).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import time
from contextlib import nullcontext
from functools import cache
from pathlib import Path
from typing import Optional, Sequence

from generator.english.structure import translate_report
from generator.errors import ReportError
from generator.read.extract import extract_report
from generator.model import Report
from generator.read.normalize import read_text
from generator.support.workers import Workers

MAX_BYTES = 10 * 1024 * 1024  # a government report is well under 1 MB of text
PACKAGE = Path(__file__).resolve().parent.parent  # the whole generator package


@cache
def generator_fingerprint() -> str:
    """Return a hash of the generator's code and data files (a change invalidates cached reports)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".txt", ".j2") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def display_path(path: Path) -> Path:
    """Return the path relative to the working folder when it lies inside it (as users typed it)."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def report_bytes(path: Path) -> bytes:
    """Return a report file's bytes, refusing unreadable and oversized files with the reason."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReportError(str(path), f"file is {size / 1e6:.1f} MB; reports over {MAX_BYTES // 2**20} MB "
                                         "are refused (is it really a report?)")
        return path.read_bytes()
    except OSError as err:
        raise ReportError(str(path), err.strerror or str(err)) from err


def extract_file(path: Path) -> tuple[Report, dict[str, float]]:
    """Return the report read from a file (no cache) and the seconds each stage took."""
    seconds = {}
    start = time.perf_counter()
    clean = read_text(display_path(path))
    seconds["normalize"] = time.perf_counter() - start
    report = extract_report(clean)
    seconds["extract"] = time.perf_counter() - start - seconds["normalize"]
    report = translate_report(report)
    seconds["translate"] = time.perf_counter() - start - seconds["normalize"] - seconds["extract"]
    return report, seconds


class PickleCache:
    """Objects (extracted reports, rendered pages) in memory and, given a folder, on disk, by content hash.

    With remember=False objects are only on disk: each get reads its file again, so a caller going
    through 500 towns' pages one at a time never holds them all (and without a folder nothing is kept).
    """

    def __init__(self, folder: Optional[Path] = None, remember: bool = True):
        self.folder = folder
        self.remember = remember
        self.memory: dict[str, object] = {}

    def has(self, key: str) -> bool:
        """Return whether an object is cached under key (without loading it)."""
        return key in self.memory or (self.folder is not None and (self.folder / f"{key}.pickle").is_file())

    def report_key(self, path: Path, data: bytes) -> str:
        """Return the cache key of a report: its path, bytes and the generator's fingerprint."""
        digest = hashlib.sha256(data).hexdigest()
        return f"{digest}-{hashlib.sha256(str(display_path(path)).encode()).hexdigest()[:8]}-{generator_fingerprint()}"

    def get(self, key: str):
        """Return the cached object, or None."""
        if key in self.memory:
            return self.memory[key]
        if self.folder is not None:
            path = self.folder / f"{key}.pickle"
            try:
                report = pickle.loads(path.read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                return None
            if self.remember:
                self.memory[key] = report
            return report
        return None

    def put(self, key: str, value) -> None:
        """Store an object in memory and, atomically, on disk."""
        if self.remember:
            self.memory[key] = value
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{key}.{os.getpid()}.tmp"
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(self.folder / f"{key}.pickle")


MEMORY_CACHE = PickleCache()  # for one process: `townfacts facts`, tests, the MkDocs hook under `serve`


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
            key = cache.report_key(path, report_bytes(path))
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


def content_key(*values: object) -> str:
    """Return a cache key for plain values (e.g. a Report and a site URL) and the generator's fingerprint."""
    return f"{hashlib.sha256(pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()}-{generator_fingerprint()}"
