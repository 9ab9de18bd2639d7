"""MkDocs' nav of the generated site (home, the regions' index pages, compare, data, about), its English
titles, and each town's own small nav: its parents and siblings, not every town (see the plugin)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from generator.model import Report
from generator.pages.render import ui
from generator.site.regions import PAGE_SIZE, Region, Town, page_file, region_tree, walk

TOP = ("home_title", "towns", "compare", "data", "about")
SIBLINGS_AROUND = 8  # a town's nav lists this many towns before and after it on its county's index page
TOP_FILES = {"home_title": "index.md", "compare": "compare.md", "data": "data.md", "about": "about.md"}


@dataclass(frozen=True)
class TownNav:
    """What a town's pages link to in their nav: the regions above it (each (zh, en, index page)), the
    towns beside it on its region's index page (at most SIBLINGS_AROUND each side), and itself (its years)."""

    parents: tuple[tuple[str, str, str], ...]
    siblings: tuple[Town, ...]
    town: Town


def _section(region: Region, translations: dict[str, str]) -> dict:
    """Return a region's nav entry: its index page, under which its sub-regions' entries."""
    translations[region.zh] = region.en
    index = page_file(region, 1, "zh")
    if not region.children:
        return {region.zh: index}
    return {region.zh: [index] + [_section(c, translations) for c in region.children.values()]}


def site_nav(reports: Sequence[Report]) -> tuple[list, dict[str, str]]:
    """Return MkDocs' nav (Chinese titles) and the zh→en title map for the English build.

    The nav lists the regions' index pages only (province → city → county), never the towns: its size
    grows with the number of counties, and Material's `navigation.prune` renders only the visible part.
    """
    translations = {ui(key, "zh"): ui(key, "en") for key in TOP + ("fact_sheet", "full_text")}
    root = region_tree(reports)
    towns = [page_file(root, 1, "zh")] + [_section(r, translations) for r in root.children.values()]
    nav = [{ui(key, "zh"): TOP_FILES[key] if key != "towns" else towns} for key in TOP]
    return nav, translations


def town_navs(reports: Sequence[Report]) -> dict[str, TownNav]:
    """Return each town's own nav by its folder under towns/."""
    out = {}
    for region, parents in walk(region_tree(reports)):
        chain = tuple((r.zh, r.en, page_file(r, 1, "zh")) for r in parents)
        for start in range(0, len(region.towns), PAGE_SIZE):
            own = (region.zh, region.en, page_file(region, start // PAGE_SIZE + 1, "zh"))  # the page listing them
            page = region.towns[start:start + PAGE_SIZE]
            out.update((town.key, TownNav(chain + (own,), tuple(page[max(0, i - SIBLINGS_AROUND):i + SIBLINGS_AROUND + 1]),
                                          town)) for i, town in enumerate(page))
    return out
