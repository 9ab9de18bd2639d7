"""One page per place (towns/<place>/): the official place, its parents and code, and every report of it
by year, newest first, with the newest report's headline figures."""
from __future__ import annotations

from typing import Sequence

from generator.model import Report
from generator.pages.render import LANGS, SitePages, page_name, place_name, template_env, town_card
from generator.pages.views import doc_type_text, level_text, ui


def place_slug(report: Report) -> str:
    """Return the slug of a report's place page, "" when its place is not resolved (no page)."""
    return report.meta.slug.partition("/")[0] if report.meta.place_code else ""


def places(reports: Sequence[Report]) -> dict[str, list[Report]]:
    """Return the reports of every resolved place by place slug, newest year (then date) first."""
    groups: dict[str, list[Report]] = {}
    for report in reports:
        if place_slug(report):
            groups.setdefault(place_slug(report), []).append(report)
    for group in groups.values():
        group.sort(key=lambda r: (r.meta.year or 0, r.meta.date or "", r.meta.slug), reverse=True)
    return groups


def render_place_page(reports: Sequence[Report], lang: str) -> str:
    """Return the Markdown of one place's page in a language (``reports`` newest first)."""
    newest, en = reports[0], lang == "en"
    m = newest.meta
    items = [("level", level_text(m.level, lang)), ("district", m.district_en if en else m.district),
             ("city", m.city_en if en else m.city), ("province", m.province_en if en else m.province),
             ("place_code", m.place_code)]
    rows = [(r.meta.slug.partition("/")[2], str(r.meta.year or ui("unknown", lang)), r.meta.date or "",
             doc_type_text(r.meta.doc_type, lang) or r.meta.doc_type or "", len(r.facts)) for r in reports]
    return template_env().get_template("place.md.j2").render(
        lang=lang, ui=lambda key, **kw: ui(key, lang, **kw), place=place_name(newest, lang),
        other_name=m.place if en else m.place_en, meta=[(ui(k, lang), v) for k, v in items if v], rows=rows,
        latest=town_card(newest, lang), latest_year=rows[0][1], latest_path=rows[0][0])


def render_place_pages(reports: Sequence[Report]) -> SitePages:
    """Return the page of every resolved place in both languages."""
    pages = {}
    for slug, group in places(reports).items():
        for lang in LANGS:
            pages[f"towns/{slug}/{page_name('index', lang)}"] = render_place_page(group, lang)
    return SitePages(pages, {})
