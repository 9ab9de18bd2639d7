"""MkDocs' nav of the generated site, and the English titles of its entries for the English build."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from generator.english.names import place_en
from generator.model import Report
from generator.pages.places import place_slug
from generator.pages.render import ui

NAV_GROUP_MIN = 12  # with more towns than this, the nav groups them by district (or city)


def town_nav(reports: Sequence[Report]) -> tuple[list[tuple[Report, dict]], dict[str, str]]:
    """Return (report, nav entry) per place (its page, which lists its reports by year) or, for a report
    whose place is not resolved, per report (its fact sheet), and their zh→en titles.

    One link per town, not a section with two: every page carries the whole nav, so this halves it.
    """
    places = Counter(r.meta.place for r in reports if not place_slug(r))
    entries, translations, seen = [], {}, set()
    for report in reports:
        m = report.meta
        if place_slug(report):
            if place_slug(report) not in seen:
                seen.add(place_slug(report))
                translations[m.place] = m.place_en or m.place
                entries.append((report, {m.place: f"towns/{place_slug(report)}/index.md"}))
            continue
        label = f"{m.place} {m.year}" if places[m.place] > 1 and m.year else m.place
        translations[label] = f"{m.place_en or m.slug} {m.year}" if label != m.place else (m.place_en or m.slug)
        entries.append((report, {label: f"towns/{m.slug}/index.md"}))  # the full text is linked from the fact sheet
    return entries, translations


def regions_of(report: Report) -> list[tuple[str, str]]:
    """Return the (zh, en) names of the official parents a report's place lies in, province first
    (浙江省, 湖州市, 吴兴区), or the "other places" group when none is known."""
    m = report.meta
    path = [(zh, en or place_en(zh)) for zh, en in ((m.province, m.province_en), (m.city, m.city_en),
                                                     (m.district, m.district_en)) if zh and zh != m.place]
    return path or [(ui("other_region", "zh"), ui("other_region", "en"))]


def _grouped(entries: list, translations: dict[str, str]) -> list:
    """Return the nav entries nested province → city → county, levels with a single group skipped at the top."""
    tree: dict = {}
    for report, entry in entries:
        node = tree
        for zh, en in regions_of(report):
            translations[zh] = en
            node = node.setdefault(zh, {})
        node.setdefault("", []).append(entry)
    while len(tree) == 1 and "" not in tree:
        tree = next(iter(tree.values()))  # one province (or city) only: its name says nothing
    return _nav_of(tree)


def _nav_of(node: dict) -> list:
    """Return a tree of groups as MkDocs nav: its groups by name, then its own entries."""
    groups = [{zh: _nav_of(child)} for zh, child in sorted(node.items()) if zh]
    return groups + node.get("", [])


def site_nav(reports: Sequence[Report]) -> tuple[list, dict[str, str]]:
    """Return MkDocs' nav (Chinese titles) and the zh→en title map for the English build.

    Every page carries the whole nav, so a big archive groups its places by their official parents
    (province → city → county) to keep pages small.
    """
    entries, translations = town_nav(reports)
    towns = [entry for _, entry in entries]
    if len(entries) > NAV_GROUP_MIN:
        towns = _grouped(entries, translations)
    for key in ("home_title", "towns", "fact_sheet", "full_text", "compare", "data", "about"):
        translations[ui(key, "zh")] = ui(key, "en")
    nav = [{ui("home_title", "zh"): "index.md"}, {ui("towns", "zh"): towns}, {ui("compare", "zh"): "compare.md"},
           {ui("data", "zh"): "data.md"}, {ui("about", "zh"): "about.md"}]
    return nav, translations
