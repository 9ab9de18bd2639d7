"""Markdown → HTML once per distinct page: MkDocs' `Page.render` with its results cached on disk.

A cached entry holds everything `render` leaves on a page (HTML, table of contents, title, anchor ids,
links to anchors of other pages) and the log records it emitted, which a hit replays, so `--strict`
fails on a cached page exactly as on a converted one. The key covers the page's Markdown and location,
the URL of every file of the build (links are rewritten relative to them), the Markdown settings, the log
levels and the package versions (see mkdocs_cache). tests/test_mkdocs_cache.py checks that a cached build
is byte-identical to an uncached one, which also guards against a MkDocs upgrade setting more in `render`.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import threading
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional

from generator.mkdocs_cache import digest, stable
from generator.reading import PickleCache

LOGGERS = ("mkdocs", "MARKDOWN")  # where MkDocs and Python-Markdown log while converting a page
_FILES_DIGESTS: "weakref.WeakKeyDictionary[object, tuple[int, str]]" = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class RenderedPage:
    """What `Page.render` leaves on a page, and what it logged."""

    content: str
    toc: bytes  # the pickled TableOfContents (unpickling is a cheap deep copy)
    title: Optional[str]
    anchors: frozenset
    links: Optional[dict]  # {target src_uri: {anchor: link as written}}; None when MkDocs did not record them
    logs: tuple  # (logger name, level, message)

    @classmethod
    def of(cls, page, logs: list) -> "RenderedPage":
        """Return the results of a page just rendered."""
        links = page.links_to_anchors
        if links is not None:
            links = {target.src_uri: dict(anchors) for target, anchors in links.items()}
        return cls(page.content, pickle.dumps(page.toc, protocol=pickle.HIGHEST_PROTOCOL), page._title_from_render,
                   frozenset(page.present_anchor_ids or ()), links, tuple(logs))

    def apply(self, page, files) -> None:
        """Set the page as `render` would have, and log what it logged."""
        page.content = self.content
        page.toc = pickle.loads(self.toc)
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchors)
        if self.links is not None:
            page.links_to_anchors = {files.src_uris[src]: dict(anchors) for src, anchors in self.links.items()}
        for name, level, message in self.logs:
            logging.getLogger(name).log(level, message)


def use_cache(page, cache: PickleCache) -> None:
    """Make this page's `render` look in the cache first (once per page object)."""
    if "render" not in vars(page):
        page.render = functools.partial(render, page, cache=cache)


def render(page, config, files, cache: PickleCache) -> None:
    """Render the page's Markdown into HTML, or take the result of an identical earlier conversion."""
    if page.markdown is None:
        return type(page).render(page, config, files)
    key = render_key(page, config, files)
    hit = cache.get(key)
    if hit is not None:
        hit.apply(page, files)
        return None
    with captured_logs() as logs:
        type(page).render(page, config, files)
    cache.put(key, RenderedPage.of(page, logs))
    return None


def render_key(page, config, files) -> str:
    """Return the cache key of a page's conversion in this build."""
    f = page.file
    return digest("page/1", page.markdown, f.src_uri, f.dest_uri, f.url, str(f.inclusion), files_digest(files),
                  build_language(config, files), markdown_settings(config), log_levels())


def files_digest(files) -> str:
    """Return a hash of every file's source, URL and inclusion (links resolve against them)."""
    known = _FILES_DIGESTS.get(files)
    if known is not None and known[0] == len(files):
        return known[1]
    h = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.src_uri):
        h.update(f"{f.src_uri}\0{f.dest_uri}\0{f.url}\0{f.inclusion}\n".encode("utf-8", "surrogatepass"))
    _FILES_DIGESTS[files] = (len(files), h.hexdigest())
    return h.hexdigest()


def build_language(config, files) -> str:
    """Return what link lookup depends on besides the files: i18n's languages and the Files class."""
    i18n = config.plugins.get("i18n")
    languages = f"{getattr(i18n, 'current_language', None)}/{getattr(i18n, 'default_language', None)}"
    return f"{type(files).__module__}.{type(files).__qualname__}:{languages}"


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
