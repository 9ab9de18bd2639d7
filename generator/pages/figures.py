"""Which charts a page gets: chart blocks chosen from a report's facts (only charts the facts support)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional, Sequence

import altair as alt
from altair.utils.schemapi import debug_mode

from generator.pages.charts import (Bar, bar_values, chart_spec, compare_chart, count_chart, growth_chart,
                              headline_chart, money_scale, spec_hash, static_spec, target_chart)
from generator.datafiles import load, unit_table
from generator.model import Fact, Report
from generator.pages.headline import RESULT_KINDS, group_label, headline_facts, headline_groups, money_facts
from generator.pages.views import fact_row, ui

MAX_BARS = 12


@lru_cache(maxsize=None)
def percent_units() -> frozenset[str]:
    """Return the units of rates in percent or percentage points (units.yaml's bases % and pp)."""
    return frozenset(u.name for u in unit_table().values() if u.base in ("%", "pp"))


@lru_cache(maxsize=None)
def count_units() -> frozenset[str]:
    """Return the units of the counts chart (data/figures.yaml)."""
    return frozenset(load("figures.yaml")["count_units"])


@lru_cache(maxsize=None)
def _plan_words() -> re.Pattern:
    """Return the pattern of leading plan/achievement verbs (data/figures.yaml), repeated."""
    return re.compile(f"^(?:{'|'.join(map(re.escape, load('figures.yaml')['plan_words']))})+")


@dataclass(frozen=True)
class ChartBlock:
    """A chart ready for a page: its spec, the static SVG's file name, alt text and table rows."""

    id: str
    title: str
    spec: dict
    svg: str  # file name under assets/charts/, keyed by the static spec's hash
    static: dict  # the spec the SVG is rendered from
    alt: str
    rows: tuple[tuple[str, str, str, str], ...]  # (label, value, growth, period) for the table view


def block(spec: dict, chart_id: str, alt_text: str, bars: Sequence[Bar]) -> ChartBlock:
    """Return a chart block from a chart's spec and the bars it shows."""
    static = static_spec(spec)
    title = spec.get("title") or ""
    rows = tuple((f"{b.series} · {b.label}" if b.series else b.label, b.shown, b.growth, b.period) for b in bars)
    return ChartBlock(chart_id, str(title), spec, f"{spec_hash(static)}.svg", static, alt_text, rows)


def _bar(fact: Fact, lang: str, value: float, label: Optional[str] = None, series: str = "") -> Bar:
    """Return one bar for a fact as the page language shows it."""
    row = fact_row(fact, lang)
    return Bar(label=label or row.label.text, value=value, shown=row.value, growth=row.growth,
               period=row.period, quote=row.quote, fact_id=fact.id, series=series)


def headline_bars(report: Report, lang: str) -> list[Bar]:
    """Return the headline money figures on one scale (the largest money figures when none is named)."""
    facts = [f for _, f in headline_facts(report.facts) if f.base_unit == "CNY"]
    if len(facts) < 2:
        facts = money_facts(report.facts)
    divisor, _ = money_scale(lang)
    return [_bar(f, lang, round((f.base_value or 0) / divisor, 4)) for f in facts]


def growth_bars(report: Report, lang: str) -> list[Bar]:
    """Return the growth rates attached to achieved figures, in report order."""
    facts = [f for f in report.facts if f.growth_pct is not None and f.kind in RESULT_KINDS]
    return [_bar(f, lang, f.growth_pct) for f in facts[:MAX_BARS]]


def _plain_indicator(name: str) -> str:
    """Return an indicator without plan/achievement verbs, so a target and a result can be paired."""
    return _plan_words().sub("", name or "")


def target_bars(report: Report, lang: str) -> list[Bar]:
    """Return target/result pairs of the same indicator and unit (both bars of each pair)."""
    results = {}
    for f in report.facts:
        if f.kind in RESULT_KINDS:
            results.setdefault((_plain_indicator(f.indicator), f.unit), f)
    actual, target = ui("kind_actual", lang), ui("kind_target", lang)
    bars = []
    for t in (f for f in report.facts if f.kind == "target"):
        r = results.get((_plain_indicator(t.indicator), t.unit))
        if r is not None and r.unit not in percent_units():
            label = fact_row(r, lang).label.text
            bars += [_bar(r, lang, r.value, label, actual), _bar(t, lang, t.value, label, target)]
    return bars[: 2 * (MAX_BARS // 2)]


def count_bars(report: Report, lang: str) -> list[Bar]:
    """Return the largest achieved counts (projects, firms, people …), labelled with their unit."""
    facts = [f for f in report.facts if f.kind == "actual" and f.unit in count_units() and not f.part_of
             and f.base_unit in (None, "people")]
    facts = sorted(facts, key=lambda f: -f.value)[:MAX_BARS]
    return [_bar(f, lang, f.value, f"{fact_row(f, lang).label.text} ({fact_row(f, lang).value})")
            for f in facts]


CHARTS: tuple[tuple[str, Callable, Callable, int], ...] = (
    ("headline", headline_bars, headline_chart, 2),
    ("growth", growth_bars, growth_chart, 2),
    ("targets", target_bars, target_chart, 2),
    ("counts", count_bars, count_chart, 3),
)


def _built(chart_of: Callable, bars: Sequence[Bar], lang: str) -> alt.Chart:
    """Return a chart from its builder without Altair's per-object schema checks (70 % of rendering
    time); the tests validate every builder's spec instead."""
    with debug_mode(False):
        return chart_of(bars, lang)


# A row no report can produce: the template's data is recognised by it, and replaced.
_PLACEHOLDER = Bar("\x00label", -0.0, "\x00shown", "\x00growth", "\x00period", "\x00quote", "\x00id", "\x00series")


@lru_cache(maxsize=None)
def chart_template(chart_of: Callable, lang: str) -> dict:
    """Return the spec a builder makes for one placeholder bar (Altair runs once per builder and language)."""
    return chart_spec(_built(chart_of, [_PLACEHOLDER], lang))


def _refill(node, placeholder: list, values: list):
    """Return a copy of a spec node with the placeholder data rows replaced by values."""
    if isinstance(node, dict):
        return {k: values if k == "values" and v == placeholder else _refill(v, placeholder, values)
                for k, v in node.items()}
    if isinstance(node, list):
        return [_refill(v, placeholder, values) for v in node]
    return node


def spec_of(chart_of: Callable, bars: Sequence[Bar], lang: str) -> dict:
    """Return chart_spec(chart_of(bars, lang)) without building Altair objects for every chart.

    A builder's spec depends on the bars only through its inline data rows: the spec is built once per
    builder and language, and its rows are swapped in (10× faster). A test checks that this equals
    Altair's own output for every builder.
    """
    return _refill(chart_template(chart_of, lang), bar_values([_PLACEHOLDER]), bar_values(bars))


@lru_cache(maxsize=16)  # a fact sheet and the SVG stage both ask for the same charts (of one report)
def report_charts(report: Report, lang: str) -> tuple[ChartBlock, ...]:
    """Return the charts a fact sheet gets: only those with enough bars to be worth drawing."""
    blocks = []
    for key, bars_of, chart_of, minimum in CHARTS:
        bars = bars_of(report, lang)
        if len(bars) >= minimum:
            alt_text = ui(f"chart_alt_{key}", lang, n=len(bars))
            blocks.append(block(spec_of(chart_of, bars, lang), f"chart-{key}", alt_text, bars))
    return tuple(blocks)


def compare_bars(reports: Sequence[Report], names: Sequence[str], lang: str) -> list[Bar]:
    """Return, for each headline money indicator two or more towns state, one bar per town (series = name)."""
    found = [dict((g.key, f) for g, f in headline_facts(r.facts)) for r in reports]
    divisor, _ = money_scale(lang)
    bars = []
    for group in headline_groups():
        facts = [(name, by[group.key]) for name, by in zip(names, found) if group.key in by]
        if group.money and len(facts) >= 2:
            label = group_label(group, lang)
            bars += [_bar(f, lang, round((f.base_value or 0) / divisor, 4), label, name) for name, f in facts]
    return bars


def compare_block(bars: Sequence[Bar], lang: str) -> Optional[ChartBlock]:
    """Return the compare page's chart, or None when the towns share fewer than two figures."""
    if len(bars) < 2:
        return None
    return block(spec_of(compare_chart, bars, lang), "chart-compare", ui("chart_alt_compare", lang, n=len(bars)), bars)


BUILDERS = tuple(chart_of for _, _, chart_of, _ in CHARTS) + (compare_chart,)
