"""The nav a town's pages are rendered with: home, compare, data, about and, under "Towns", only the
regions above the town (province → city → county), the towns beside it and its own years.

The site's nav lists the regions' index pages, never the towns: a nav holding every town would be on
every page, so page size and build time would grow with the square of the number of towns.
"""
from __future__ import annotations

import posixpath
import re
from typing import Mapping, Optional

from generator.mkdocs import compat
from generator.site.nav import TOP, TownNav

TOWNS_AT = TOP.index("towns")  # the position of the towns' section in the site's nav


def url_of(src: str, lang: str, default: str, directory_urls: bool) -> str:
    """Return the site-root URL of a docs/ page (Chinese name, e.g. regions/x/index.md) in a language."""
    stem = src[:-len(".md")]
    if directory_urls:
        stem = stem[:-len("index")] if posixpath.basename(stem) == "index" else stem + "/"
    else:
        stem += ".html"
    return stem if lang == default else f"{lang}/{stem}"


def town_of(src_uri: str) -> Optional[str]:
    """Return the folder under towns/ of a town's page (towns/<key>/…), None for any other page."""
    parts = src_uri.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "towns" else None


def page_nav(nav, page, towns: Mapping[str, TownNav], lang: str, default: str, directory_urls: bool):
    """Return the nav to render a town's page with (the site's own nav for any other page)."""
    key = town_of(page.file.src_uri)
    entry = towns.get(key) if key else None
    if entry is None or len(nav.items) <= TOWNS_AT or not getattr(nav.items[TOWNS_AT], "is_section", False):
        return nav

    def url(src: str) -> str:
        return url_of(src, lang, default, directory_urls)

    def name(zh: str, en: str) -> str:
        return en if lang != default else zh

    def here(src: str) -> bool:
        return page.file.src_uri.startswith(src[:-len("index.md")] + "index.")  # index.md or index.en.md

    key_src = f"towns/{entry.town.key}/index.md"
    years = [page if here(f"towns/{slug}/index.md") else compat.nav_link(label, url(f"towns/{slug}/index.md"))
             for label, slug in entry.town.years if slug != entry.town.key]
    own = compat.nav_section(name(entry.town.zh, entry.town.en), page if here(key_src) else url(key_src),
                             years, active=True)
    beside = [own if town is entry.town else compat.nav_link(name(town.zh, town.en), url(f"towns/{town.key}/index.md"))
              for town in entry.siblings]
    section = None
    for zh, en, src in reversed(entry.parents):
        section = compat.nav_section(name(zh, en), url(src), [section] if section else beside, active=True)
    section.title = nav.items[TOWNS_AT].title
    return compat.PageNav(nav, TOWNS_AT, section)


_NAV_START = '<nav class="md-nav md-nav--primary'
_NAV_TAG = re.compile(r"<nav\b|</nav>")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def compact_nav(html: str) -> str:
    """Return the page with the runs of blank lines and indentation in its primary nav (Material's
    templates leave ~200 bytes of them around every entry) each cut to one line break: the same
    whitespace to the browser, as the nav holds no preformatted text."""
    start = html.find(_NAV_START)
    if start < 0:
        return html
    depth = 0
    for tag in _NAV_TAG.finditer(html, start):
        depth += 1 if tag.group() == "<nav" else -1
        if depth == 0:
            return html[:start] + _LINE_BREAKS.sub("\n", html[start:tag.end()]) + html[tag.end():]
    return html
