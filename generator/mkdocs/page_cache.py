"""Markdown → HTML once per distinct page: MkDocs' `Page.render` with its results cached on disk.

A cached entry holds everything `render` leaves on a page (HTML, table of contents, title, anchor ids,
links to anchors of other pages) and the log records it emitted, which a hit replays, so `--strict`
fails on a cached page exactly as on a converted one. The key covers the page's Markdown and location,
the Markdown settings, the log levels and the package versions (see mkdocs_cache). Links are rewritten
against the other files of the build, so an entry also records every file lookup the conversion made
and is used only while each lookup still finds the same file at the same URL: a new chart elsewhere
does not invalidate a page, a new target of one of its links does. tests/test_mkdocs_cache.py checks
that a cached build is byte-identical to an uncached one, which also guards against a MkDocs upgrade
setting more in `render`.
"""
from __future__ import annotations

import functools
import logging
import pickle
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional

from generator.mkdocs import compat
from generator.mkdocs.cache import digest, stable
from generator.support.cache import PickleCache

LOGGERS = ("mkdocs", "MARKDOWN")  # where MkDocs and Python-Markdown log while converting a page
Target = Optional[tuple[str, str, str]]  # what a lookup found: (source path, URL, inclusion), or nothing


@dataclass(frozen=True)
class RenderedPage:
    """What `Page.render` leaves on a page, what it logged and which files it looked up."""

    content: str
    toc: bytes  # the pickled TableOfContents (unpickling is a cheap deep copy)
    title: Optional[str]
    anchors: frozenset
    links: Optional[dict]  # {target src_uri: {anchor: link as written}}; None when MkDocs did not record them
    logs: tuple  # (logger name, level, message)
    lookups: tuple  # (path looked up, Target)

    @classmethod
    def of(cls, page, logs: list, lookups: dict) -> "RenderedPage":
        """Return the results of a page just rendered."""
        return cls(page.content, pickle.dumps(page.toc, protocol=pickle.HIGHEST_PROTOCOL), compat.rendered_title(page),
                   compat.present_anchors(page), compat.links_to_anchors(page), tuple(logs),
                   tuple(sorted(lookups.items())))

    def holds_for(self, files) -> bool:
        """Return whether every file lookup of the conversion finds the same file in these files."""
        return all(target_of(files.get_file_from_path(path)) == target for path, target in self.lookups)

    def apply(self, page, files) -> None:
        """Set the page as `render` would have, and log what it logged."""
        page.content = self.content
        page.toc = pickle.loads(self.toc)
        compat.set_rendered_title(page, self.title)
        compat.set_present_anchors(page, self.anchors)
        compat.set_links_to_anchors(page, self.links, files)
        for name, level, message in self.logs:
            logging.getLogger(name).log(level, message)


class RecordingFiles:
    """The build's files, recording what each lookup found; any other use makes the result uncacheable."""

    def __init__(self, files) -> None:
        self.files = files
        self.lookups: dict[str, Target] = {}
        self.opaque = False

    def get_file_from_path(self, path: str):
        """Return the file at a source path (as the build's files do), recording what was found."""
        found = self.files.get_file_from_path(path)
        self.lookups[path] = target_of(found)
        return found

    def __getattr__(self, name: str):
        self.opaque = True
        return getattr(self.files, name)

    def __iter__(self):
        self.opaque = True
        return iter(self.files)

    def __len__(self) -> int:
        self.opaque = True
        return len(self.files)


def target_of(file) -> Target:
    """Return what a conversion uses of a file it links to (None for no file)."""
    return None if file is None else (file.src_uri, file.url, str(file.inclusion))


def use_cache(page, cache: PickleCache) -> None:
    """Make this page's `render` look in the cache first (once per page object)."""
    compat.replace_page_render(page, functools.partial(render, page, cache=cache))


def render(page, config, files, cache: PickleCache) -> None:
    """Render the page's Markdown into HTML, or take the result of an identical earlier conversion."""
    if page.markdown is None:
        return compat.render_page(page, config, files)
    key = render_key(page, config, files)
    hit = cache.get(key)
    if hit is not None and hit.holds_for(files):
        hit.apply(page, files)
        return None
    recording = RecordingFiles(files)
    with captured_logs() as logs:
        compat.render_page(page, config, recording)
    if not recording.opaque:
        cache.put(key, RenderedPage.of(page, logs, recording.lookups))
    return None


def render_key(page, config, files) -> str:
    """Return the cache key of a page's conversion in this build."""
    f = page.file
    return digest("page/2", page.markdown, f.src_uri, f.dest_uri, f.url, str(f.inclusion),
                  build_language(config, files), markdown_settings(config), log_levels())


def build_language(config, files) -> str:
    """Return what link lookup depends on besides the files: i18n's languages and the Files class."""
    return f"{type(files).__module__}.{type(files).__qualname__}:{compat.building_language(config)}"


def markdown_settings(config) -> str:
    """Return the config that shapes a page's HTML: extensions, their options, URL style, link checks."""
    return stable([config.markdown_extensions, config.mdx_configs, config.use_directory_urls, config.validation])


def log_levels() -> str:
    """Return the effective levels of the loggers a conversion writes to (lower levels record more)."""
    return ",".join(str(logging.getLogger(name).getEffectiveLevel()) for name in ("mkdocs.structure.pages", *LOGGERS))


class _Recorder(logging.Handler):
    """A log handler that keeps (logger name, level, message) of the records of this thread."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list = []
        self.thread = threading.get_ident()  # `mkdocs serve` logs from its server thread meanwhile

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append((record.name, record.levelno, record.getMessage()))


@contextmanager
def captured_logs() -> Iterator[list]:
    """Yield the list of log records that MkDocs and Markdown emit inside the block."""
    recorder = _Recorder()
    loggers = [logging.getLogger(name) for name in LOGGERS]
    for logger in loggers:
        logger.addHandler(recorder)
    try:
        yield recorder.records
    finally:
        for logger in loggers:
            logger.removeHandler(recorder)
