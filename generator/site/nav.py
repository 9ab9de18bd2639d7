"""MkDocs' nav of the generated site, and the English titles of its entries for the English build."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from generator.english.names import place_en
from generator.model import Report
from generator.pages.render import ui

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
