"""Render reports into MkDocs Markdown pages (Chinese `x.md` and English `x.en.md`)."""
from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Optional, Sequence

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.pages.charts import spec_script
from generator.pages.fulltext import text_blocks
from generator.pages.figures import ChartBlock, compare_blocks, report_charts
from generator.pages.export import CSV_FIELDS, FIELD_DOCS, facts_csv, report_json
from generator.pages.headline import group_label, headline_facts, headline_groups
from generator.pages.periods import covered_text
from generator.pages.quality import number_coverage
from generator.pages.series import normal_indicator
from generator.model import Fact, Report, Section
from generator.pages.svg import render_svg
from generator.pages.views import (FactRow, doc_type_text, entity_name_en, fact_row, level_text, origin_counts,
                                   period_text, speaker_text, ui)

LANGS = ("zh", "en")
TEMPLATES = Path(__file__).parent / "templates"

# Characters that Markdown, attr_list, tables or HTML would read as syntax; written as entities
# they render as themselves everywhere, in Markdown text and inside HTML alike.
_MD_SPECIAL = re.compile(r"[&<>\"'\\`*_\[\]{}()|#!~+=$:]")


def escape_md(text: str) -> str:
    """Return text with every Markdown/HTML-significant character written as an entity."""
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def escape_html(value: object) -> Markup:
    """Return the value escaped for an HTML attribute or element body."""
    return Markup(html.escape("" if value is None else str(value), quote=True))


def yaml_string(value: object) -> Markup:
    """Return a double-quoted YAML scalar (JSON is valid YAML) for front matter."""
    return Markup(json.dumps("" if value is None else str(value), ensure_ascii=False, allow_nan=False))


def _finalize(value: object) -> object:
    """Escape every template expression unless it is already trusted Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape_md(str(value))


@cache
def template_env() -> Environment:
    """Return the Jinja2 environment whose every `{{ }}` is escaped by default."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        finalize=_finalize,
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package: no stat() per page to check them
    )
    env.filters["html"] = escape_html
    env.filters["yaml"] = yaml_string
    env.filters["spec_script"] = lambda c: Markup(spec_script(c.spec, c.id))
    return env


@dataclass(frozen=True)
class SectionBlock:
    """The facts of one section of the report, under its heading path."""

    title: str
    rows: tuple[FactRow, ...]


def section_title(section: Optional[Section], lang: str) -> str:
    """Return a section's title in a language (Chinese kept when untranslated)."""
    if section is None:
        return ui("opening", lang)
    if lang == "en" and section.title_en:
        return section.title_en
    return section.title


def section_path(report: Report, section_id: Optional[str], lang: str) -> str:
    """Return 'parent › child' titles leading to a section."""
    by_id = {s.id: s for s in report.sections}
    titles: list[str] = []
    current = by_id.get(section_id) if section_id else None
    while current is not None:
        titles.append(section_title(current, lang))
        current = by_id.get(current.parent) if current.parent else None
    return " › ".join(reversed(titles)) if titles else ui("opening", lang)


def section_blocks(report: Report, facts: Sequence[Fact], lang: str) -> list[SectionBlock]:
    """Return facts grouped by the report's sections, in the report's order."""
    order: list[Optional[str]] = []
    grouped: dict[Optional[str], list[FactRow]] = {}
    for fact in facts:
        if fact.section not in grouped:
            order.append(fact.section)
            grouped[fact.section] = []
        grouped[fact.section].append(fact_row(fact, lang, report))
    return [SectionBlock(section_path(report, sid, lang), tuple(grouped[sid])) for sid in order]


def headline_rows(report: Report, lang: str) -> list[tuple[Fact, FactRow]]:
    """Return the headline facts and their rows."""
    return [(fact, fact_row(fact, lang, report)) for _, fact in headline_facts(report.facts)]


def meta_items(report: Report, lang: str) -> list[tuple[str, str]]:
    """Return (label, value) pairs describing the document, skipping unknown ones."""
    m = report.meta
    en = lang == "en"
    items = [
        ("level", level_text(m.level, lang)),
        ("district", m.district_en if en else m.district),
        ("city", m.city_en if en else m.city),
        ("province", m.province_en if en else m.province),
        ("doc_type", doc_type_text(m.doc_type, lang) or m.doc_type),
        ("date", m.date or (str(m.year) if m.year else None)),
        ("speaker", speaker_text(m, lang)),
        ("period_covered", covered_text(m, lang)),
        ("place_code", m.place_code),
        ("source_url", _link(m.source_url)),
        ("publisher", m.publisher),
        ("licence", m.licence),
        ("source_file", f"{m.source} (sha256 {m.sha256[:12]})"),
        ("facts_count", str(len(report.facts))),
    ]
    return [(ui(key, lang), value) for key, value in items if value]


def _link(url: Optional[str]) -> Optional[object]:
    """Return a web address as a link (escaped), any other text as plain text, None as None."""
    if url and re.match(r"https?://[^\s]+$", url):
        return Markup(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
    return url


def place_name(report: Report, lang: str) -> str:
    """Return the report's place name in a language."""
    return report.meta.place_en or report.meta.place if lang == "en" else report.meta.place


def page_title(report: Report, lang: str) -> str:
    """Return the report's page title, e.g. '织里镇 · 2021 政府工作报告'."""
    m = report.meta
    if lang == "zh":
        return " · ".join(x for x in (m.place, str(m.year) if m.year else None, m.doc_type) if x)
    doc = doc_type_text(m.doc_type, "en")
    return " · ".join(x for x in (place_name(report, "en"), str(m.year) if m.year else None, doc) if x)


def cite_text(report: Report, lang: str, site_url: str) -> str:
    """Return a citation of the fact sheet: place, document, date, page URL, source file."""
    m = report.meta
    prefix = "" if lang == "zh" else "en/"
    url = f"{site_url.rstrip('/')}/{prefix}towns/{m.slug}/" if site_url else f"{prefix}towns/{m.slug}/"
    when = m.date or (str(m.year) if m.year else ui("year_not_stated", lang))
    if lang == "zh":
        place, document = m.place, m.title or m.doc_type or ""
    else:
        place, document = m.place_en or m.place, doc_type_text(m.doc_type, "en") or "report"
    return ui("cite", lang, place=place, document=document, when=when, url=url, source=m.source,
              sha256=m.sha256[:12])


@dataclass(frozen=True)
class EntityRow:
    """A named project, enterprise, village or community and where the report names it."""

    kind: str
    name: str
    english: Optional[str]  # English (english/entities.py); None keeps the Chinese (labelled)
    mentions: tuple[tuple[str, int], ...]  # (paragraph anchor, line)


ENTITY_KINDS = ("project", "enterprise", "village", "community")


def entity_rows(report: Report, lang: str) -> list[EntityRow]:
    """Return the report's named things, one row per name, grouped by kind in a fixed order."""
    grouped: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for e in report.entities:
        grouped.setdefault((e.kind, e.name), []).append((e.paragraph, e.line))
    rows = []
    for (kind, name), mentions in grouped.items():
        rows.append(EntityRow(ui(f"entity_{kind}", lang), name, entity_name_en(kind, name, lang), tuple(mentions)))
    order = {ui(f"entity_{k}", lang): i for i, k in enumerate(ENTITY_KINDS)}
    return sorted(rows, key=lambda r: (order.get(r.kind, 9), r.mentions[0][1]))


def render_fact_sheet(report: Report, lang: str, site_url: str = "") -> str:
    """Return the Markdown of a report's fact sheet in one language."""
    results = [f for f in report.facts if f.kind != "target"]
    targets = [f for f in report.facts if f.kind == "target"]
    return template_env().get_template("factsheet.md.j2").render(
        lang=lang, ui=lambda key, **kw: ui(key, lang, **kw), report=report, title=page_title(report, lang),
        place=place_name(report, lang), other_name=report.meta.place if lang == "en" else report.meta.place_en,
        meta=meta_items(report, lang), headline=[row for _, row in headline_rows(report, lang)],
        charts=report_charts(report, lang), root="../" * (2 + report.meta.slug.count("/")),
        slug=report.meta.slug,
        cite=cite_text(report, lang, site_url), quality=number_coverage(report),
        entities=entity_rows(report, lang),
        results=section_blocks(report, results, lang), targets=section_blocks(report, targets, lang),
        description=ui("page_description", lang, title=page_title(report, lang), n=len(report.facts)),
        origin_counts=origin_counts(report, lang),
    )



def render_full_text(report: Report, lang: str) -> str:
    """Return the Markdown of a report's full-text page in one language."""
    blocks = text_blocks(report, lang)
    return template_env().get_template("fulltext.md.j2").render(
        lang=lang, ui=lambda key, **kw: ui(key, lang, **kw), title=page_title(report, lang),
        place=place_name(report, lang), blocks=blocks, any_untranslated=any(b.untranslated for b in blocks),
        source=report.meta.source, description=ui("text_description", lang, title=page_title(report, lang)),
    )


@dataclass(frozen=True)
class Card:
    """A town on the home page."""

    slug: str
    name: str
    other_name: str
    details: tuple[str, ...]
    figures: tuple[tuple[str, str, str, str], ...]  # (label, value, growth, "period · kind")
    facts: int


def town_card(report: Report, lang: str) -> Card:
    """Return the home-page card of a report."""
    m = report.meta
    en = lang == "en"
    where = [m.district_en, m.city_en] if en else [m.district, m.city]
    details = (
        level_text(m.level, lang),
        ", ".join(x for x in where if x) if en else "".join(x for x in where if x),
        doc_type_text(m.doc_type, lang) or m.doc_type,
        m.date or (str(m.year) if m.year else None),
    )
    figures = tuple((r.label.text, r.value, r.growth, f"{r.period} · {r.kind}")
                    for _, r in headline_rows(report, lang)[:4])
    return Card(m.slug, place_name(report, lang), (m.place if en else m.place_en) or "",
                tuple(d for d in details if d), figures, len(report.facts))


def render_home(reports: Sequence[Report], lang: str, cards: Optional[Sequence[Card]] = None) -> str:
    """Return the Markdown of the home page listing every town as a card, grouped by province and city."""
    cards = [town_card(r, lang) for r in reports] if cards is None else cards
    return template_env().get_template("home.md.j2").render(
        lang=lang, ui=lambda key, **kw: ui(key, lang, **kw), groups=_by_parents(reports, cards, lang))


def _by_parents(reports: Sequence[Report], cards: Sequence[Card], lang: str) -> list[tuple[str, list[Card]]]:
    """Return the cards grouped under their places' official parents ("浙江省 湖州市", "Huzhou, Zhejiang"), in
    order of the group's name; places with no known parents last, under "other places"."""
    groups: dict[str, list[Card]] = {}
    for report, card in zip(reports, cards):
        m = report.meta
        names = [m.city_en, m.province_en] if lang == "en" else [m.province, m.city]
        title = (", " if lang == "en" else " ").join(n for n in names if n and n != m.place)
        groups.setdefault(title, []).append(card)
    return sorted(groups.items(), key=lambda g: (not g[0], g[0])) if len(groups) > 1 or "" not in groups else \
        [("", cards)]


def page_name(base: str, lang: str) -> str:
    """Return the docs file name of a page in a language (suffix structure: x.md, x.en.md)."""
    return f"{base}.md" if lang == "zh" else f"{base}.{lang}.md"


def render_report_pages(report: Report, site_url: str = "") -> dict[str, str]:
    """Return {docs-relative path: Markdown} for one report's pages in both languages."""
    base = f"towns/{report.meta.slug}"
    pages: dict[str, str] = {}
    for lang in LANGS:
        pages[f"{base}/{page_name('index', lang)}"] = render_fact_sheet(report, lang, site_url)
        pages[f"{base}/{page_name('text', lang)}"] = render_full_text(report, lang)
    return pages


@dataclass(frozen=True)
class SitePages:
    """Every generated page keyed by docs-relative path, and the static chart SVGs they show."""

    pages: dict[str, str]
    charts: dict[str, str]  # file name under assets/charts/ → the static SVG


def report_downloads(report: Report) -> dict[str, str]:
    """Return {docs-relative path: text} of one report's downloads (facts.csv, facts.json)."""
    folder = f"data/{report.meta.slug}"
    return {f"{folder}/facts.csv": facts_csv([report]), f"{folder}/facts.json": report_json(report, shown=True)}


def render_report(report: Report, site_url: str = "") -> SitePages:
    """Return one report's pages in both languages, its downloads and the static charts its fact sheets show."""
    specs = {c.svg: c.static for lang in LANGS for c in report_charts(report, lang)}
    charts = {name: render_svg(spec) for name, spec in specs.items()}
    return SitePages({**render_report_pages(report, site_url), **report_downloads(report)}, charts)


@dataclass(frozen=True)
class CompareRow:
    """One shared indicator on the compare page: its name and each town's cell."""

    label: str
    cells: tuple[str, ...]  # per town: "value · growth · period · kind", or "" when not stated
    ids: tuple[str, ...] = ()  # per town: the fact's id (its anchor on the town's fact sheet), or ""


def compare_table(reports: Sequence[Report], lang: str) -> list[CompareRow]:
    """Return the headline indicators at least two towns state, one cell per town."""
    by_report = [dict((g.key, f) for g, f in headline_facts(r.facts)) for r in reports]
    rows = []
    for group in headline_groups():
        facts = [found.get(group.key) for found in by_report]
        if sum(f is not None for f in facts) < min(2, len(reports)):
            continue
        cells = tuple(_compare_cell(f, rep, group_label(group, "zh"), lang) if f else ""
                      for f, rep in zip(facts, reports))
        rows.append(CompareRow(group_label(group, lang), cells, tuple(f.id if f else "" for f in facts)))
    return rows


def _compare_cell(fact: Fact, report: Report, row_label: str, lang: str) -> str:  # row_label: the Chinese
    """Return a town's cell of a compare row: value, growth, period and kind, led by the figure's own
    indicator when that is not the row's (财政收入 in the 财政总收入 row is another figure)."""
    row = fact_row(fact, lang, report)
    own = row.label.text if normal_indicator(fact.indicator) not in map(normal_indicator, row_label.split(" / ")) else ""
    return " · ".join(x for x in (f"{own}：" if own and lang == "zh" else f"{own}:" if own else "", row.value,
                                  row.growth, row.period, row.kind) if x).replace("： · ", "：").replace(": · ", ": ")


def compare_chart_blocks(reports: Sequence[Report], lang: str) -> list[ChartBlock]:
    """Return the charts of shared money indicators, one per kind and period type, one colour per town."""
    return compare_blocks(reports, [place_name(r, lang) for r in reports], lang)


def render_compare(reports: Sequence[Report], lang: str, cards: Optional[Sequence[Card]] = None) -> str:
    """Return the Markdown of the page comparing towns on the indicators they share."""
    return template_env().get_template("compare.md.j2").render(
        lang=lang, ui=lambda key, **kw: ui(key, lang, **kw),
        towns=[town_card(r, lang) for r in reports] if cards is None else cards,
        rows=compare_table(reports, lang), charts=compare_chart_blocks(reports, lang), root="",
    )


def render_data_page(reports: Sequence[Report], lang: str, cards: Optional[Sequence[Card]] = None) -> str:
    """Return the Markdown of the Data page: downloads per town and for all towns, and the fields."""
    fields = [(name, FIELD_DOCS[name][0], FIELD_DOCS[name][2 if lang == "zh" else 1]) for name in CSV_FIELDS]
    return template_env().get_template("data.md.j2").render(
        lang=lang, ui=lambda key, **kw: ui(key, lang, **kw),
        towns=[town_card(r, lang) for r in reports] if cards is None else cards, fields=fields,
    )


def _named_by_year(cards: list[Card], reports: Sequence[Report]) -> list[Card]:
    """Return the cards with the report's year after the name of a place that has several (清苑区 2021)."""
    names = Counter(card.name for card in cards)
    return [replace(card, name=f"{card.name} {r.meta.year}") if names[card.name] > 1 and r.meta.year else card
            for card, r in zip(cards, reports)]


def render_index_pages(reports: Sequence[Report]) -> SitePages:
    """Return the pages about all towns (home, compare, data) in both languages and the compare charts' SVGs."""
    pages, charts = {}, {}
    for lang in LANGS:
        cards = _named_by_year([town_card(r, lang) for r in reports], reports)  # home, compare and data pages
        pages[page_name("index", lang)] = render_home(reports, lang, cards)
        pages[page_name("compare", lang)] = render_compare(reports, lang, cards)
        pages[page_name("data", lang)] = render_data_page(reports, lang, cards)
        charts.update((chart.svg, render_svg(chart.static)) for chart in compare_chart_blocks(reports, lang))
    return SitePages(pages, charts)
