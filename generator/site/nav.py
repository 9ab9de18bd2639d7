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
    entries, translations = town_nav(reports)
    towns = [entry for _, entry in entries]
    if len(entries) > NAV_GROUP_MIN:
        groups: dict[str, list] = {}
        for report, entry in entries:
            zh, en = region_of(report)
            groups.setdefault(zh, []).append(entry)
            translations[zh] = en
        towns = [{zh: group} for zh, group in sorted(groups.items())]
    for key in ("home_title", "towns", "fact_sheet", "full_text", "compare", "data", "about"):
        translations[ui(key, "zh")] = ui(key, "en")
    nav = [{ui("home_title", "zh"): "index.md"}, {ui("towns", "zh"): towns}, {ui("compare", "zh"): "compare.md"},
           {ui("data", "zh"): "data.md"}, {ui("about", "zh"): "about.md"}]
    return nav, translations
