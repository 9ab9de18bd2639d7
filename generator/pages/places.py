"""One page per place (towns/<place>/): the official place, its parents and code, every report of it by
year, newest first, with the newest report's headline figures, its figures across years (generator/pages/
series.py) as line charts and tables, and each year's targets against the next report's results."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from altair.utils.schemapi import debug_mode

from generator.datafiles import unit_table
from generator.model import Fact, Report
from generator.pages.charts import Bar, chart_spec, money_scale, series_chart
from generator.pages.figures import ChartBlock, block
from generator.pages.render import LANGS, SitePages, page_name, place_name, template_env, town_card
from generator.pages.series import (GROWTH, WHOLE_YEAR, Point, Series, TargetCheck, is_growth_only, place_series,
                                    target_checks)
from generator.pages.linesvg import render_line_svg
from generator.pages.periods import periods_label, year_text
from generator.pages.views import doc_type_text, fact_row, level_text, period_text, ui
from generator.read.normalize import to_simplified

MAX_SERIES_CHARTS = 12  # the longest series get a chart and a table each; the rest share one table


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


@dataclass(frozen=True)
class PointRow:
    """One figure of a series or a target check as the place page shows it, with links to its source."""

    year: str
    value: str
    growth: str
    quote: str
    report: str  # the report's folder, relative to the place page (its year)
    anchor: str  # the paragraph on the report's full-text page
    fact_id: str  # the fact on the report's fact sheet
    kind: str = ""  # the kind when it is not a plain result (an estimate: 预计)


@dataclass(frozen=True)
class SeriesView:
    """One series on the place page: its title, its chart (None for the shorter series) and its rows."""

    title: str
    chart: Optional[ChartBlock]
    rows: tuple[PointRow, ...]


@dataclass(frozen=True)
class CheckRow:
    """One target beside its result: the year, the indicator, both figures and the verdict."""

    year: str
    indicator: str
    target: PointRow
    result: PointRow
    verdict: str


def _shown(fact: Fact, measure: str, lang: str) -> tuple[str, str]:
    """Return (value, growth) of a fact as a series of the measure shows it (a growth series: the rate)."""
    row = fact_row(fact, lang)
    if measure != GROWTH:
        return row.value, row.growth
    return (row.value if is_growth_only(fact) and fact.qualifier else row.growth), ""  # 7%左右 keeps its qualifier


def point_row(point: Point, measure: str, lang: str) -> PointRow:
    """Return how a point reads in a language, linked to its report's pages (relative to the place page)."""
    row, (value, growth) = fact_row(point.fact, lang), _shown(point.fact, measure, lang)
    report = point.report.meta.slug.partition("/")[2]
    kind = row.kind if point.fact.kind not in ("actual", "target") else ""
    quote = point.fact.source.quote_en or point.fact.source.quote  # both quotes are the point: the original
    return PointRow(str(point.year), value, growth, quote if lang == "en" else row.quote, report, row.anchor,
                    point.fact.id, kind)


def series_title(series: Series, lang: str) -> str:
    """Return a series' title: indicator, and its measure, kind and period type where they say something."""
    key, fact = series.key, series.points[-1].fact
    row = fact_row(fact, lang)
    parts = [row.label.text]
    if key.measure == GROWTH:
        parts.append(ui("series_measure_growth", lang))
    if key.kind != "actual":
        parts.append(row.kind)
    if key.period_type != WHOLE_YEAR:
        parts.append(period_text(key.period_type, lang) or key.period_type)
    return " · ".join(parts)


def series_scale(series: Series, lang: str) -> tuple[float, str]:
    """Return (divisor, unit label) putting a series' values on a readable scale: money in 亿元 / billions,
    other amounts in the unit the newest report writes."""
    if series.key.measure == GROWTH:
        return 1.0, "%"
    if series.key.unit == "CNY":
        return money_scale(lang)
    unit = series.points[-1].fact.unit or ""
    spec = unit_table().get(to_simplified(unit))  # 萬元 in a report written in Traditional
    factor = spec.factor if spec and spec.base == series.key.unit and spec.factor else 1.0
    return factor, (unit if lang == "zh" or spec is None else spec.en or unit)


def series_chart_block(series: Series, index: int, lang: str) -> ChartBlock:
    """Return the line chart of a series, ready for the place page."""
    divisor, unit = series_scale(series, lang)
    bars = []
    for point in series.points:
        row, (value, growth) = fact_row(point.fact, lang), _shown(point.fact, series.key.measure, lang)
        bars.append(Bar(str(point.year), round(point.value / divisor, 4), value, growth, str(point.year),
                        row.quote, point.fact.id))
    title = series_title(series, lang)
    kind = fact_row(series.points[-1].fact, lang).kind
    dates = (p.report.meta.date or str(p.report.meta.year) for p in series.points)
    notes = (periods_label([year_text(p.year, series.key.period_type, lang) for p in series.points], lang)
             + f" · {kind}", ui("chart_source_reports", lang, place=place_name(series.points[-1].report, lang),
                                 dates=("、" if lang == "zh" else ", ").join(dict.fromkeys(dates))))
    with debug_mode(False):  # the tests validate the builder's spec
        spec = chart_spec(series_chart(bars, lang, title, unit, notes))
    alt_text = ui("chart_alt_series", lang, indicator=title, n=len(bars))
    return block(spec, f"chart-series-{index}", alt_text, bars)


def series_views(reports: Sequence[Report], lang: str) -> list[SeriesView]:
    """Return the place's series, the longest with a chart each."""
    return [SeriesView(series_title(s, lang), series_chart_block(s, i, lang) if i < MAX_SERIES_CHARTS else None,
                       tuple(point_row(p, s.key.measure, lang) for p in s.points))
            for i, s in enumerate(place_series(reports))]


def check_rows(reports: Sequence[Report], lang: str) -> list[CheckRow]:
    """Return each year's targets beside the next report's results, with the verdict in the language."""
    def row(check: TargetCheck) -> CheckRow:
        """Return one check as the page shows it."""
        label = fact_row(check.result.fact, lang).label.text
        return CheckRow(str(check.target.year), label, point_row(check.target, check.key.measure, lang),
                        point_row(check.result, check.key.measure, lang),
                        ui("verdict_" + check.verdict.replace(" ", "_"), lang))
    return [row(c) for c in target_checks(reports)]


def render_place_page(reports: Sequence[Report], lang: str, views: Optional[list[SeriesView]] = None) -> str:
    """Return the Markdown of one place's page in a language (``reports`` newest first)."""
    newest, en = reports[0], lang == "en"
    m = newest.meta
    items = [("level", level_text(m.level, lang)), ("district", m.district_en if en else m.district),
             ("city", m.city_en if en else m.city), ("province", m.province_en if en else m.province),
             ("place_code", m.place_code)]
    rows = [(r.meta.slug.partition("/")[2], str(r.meta.year or ui("unknown", lang)), r.meta.date or "",
             doc_type_text(r.meta.doc_type, lang) or r.meta.doc_type or "", len(r.facts)) for r in reports]
    views = series_views(reports, lang) if views is None else views
    return template_env().get_template("place.md.j2").render(
        lang=lang, ui=lambda key, **kw: ui(key, lang, **kw), place=place_name(newest, lang),
        other_name=m.place if en else m.place_en, meta=[(ui(k, lang), v) for k, v in items if v], rows=rows,
        latest=town_card(newest, lang), latest_year=rows[0][1], latest_path=rows[0][0],
        charted=[v for v in views if v.chart], more=[v for v in views if not v.chart],
        checks=check_rows(reports, lang), root="../../")


def render_place_pages(reports: Sequence[Report]) -> SitePages:
    """Return the page of every resolved place in both languages, and the static SVGs of its charts."""
    pages, charts = {}, {}
    for slug, group in places(reports).items():
        for lang in LANGS:
            views = series_views(group, lang)
            pages[f"towns/{slug}/{page_name('index', lang)}"] = render_place_page(group, lang, views)
            charts.update((v.chart.svg, render_line_svg(v.chart.static)) for v in views if v.chart)
    return SitePages(pages, charts)
