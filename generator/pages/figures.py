"""Which charts a page gets: chart blocks chosen from a report's facts (only charts the facts support)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional, Sequence

import altair as alt
from altair.utils.schemapi import debug_mode

from generator.english.glossary import doc_type_en
from generator.pages.charts import (Bar, bar_values, chart_spec, compare_chart, growth_chart, headline_chart,
                                    money_scale, spec_hash, static_spec, target_chart)
from generator.datafiles import load
from generator.model import Fact, Report
from generator.pages.headline import (RESULT_KINDS, group_label, headline_facts, headline_groups, is_money_total,
                                      names_headline)
from generator.pages.periods import figure_year, period_type, periods_label
from generator.pages.series import normal_indicator, words
from generator.pages.svg import subtitle_lines
from generator.pages.views import fact_row, ui

MAX_BARS = 12


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
    notes: tuple[str, ...] = ()  # the subtitle: the figures' periods and kind, the source


def block(spec: dict, chart_id: str, alt_text: str, bars: Sequence[Bar]) -> ChartBlock:
    """Return a chart block from a chart's spec and the bars it shows."""
    static = static_spec(spec)
    title = spec.get("title") or ""
    title = title.get("text", "") if isinstance(title, dict) else title
    rows = tuple((f"{b.series} · {b.label}" if b.series else b.label, b.shown, b.growth, b.period) for b in bars)
    return ChartBlock(chart_id, str(title), spec, f"{spec_hash(static)}.svg", static, alt_text, rows,
                      subtitle_lines(spec))


def _bar(fact: Fact, report: Report, lang: str, value: float, label: Optional[str] = None, series: str = "") -> Bar:
    """Return one bar for a fact as the page language shows it (its period never blank)."""
    row = fact_row(fact, lang, report)
    return Bar(label=label or row.label.text, value=value, shown=row.value, growth=row.growth,
               period=row.period, quote=row.quote, fact_id=fact.id, series=series)


def _money(fact: Fact, report: Report, lang: str, label: Optional[str] = None, series: str = "") -> Bar:
    """Return the bar of a CNY figure on the language's money scale (亿元 / billions)."""
    divisor, _ = money_scale(lang)
    return _bar(fact, report, lang, round((fact.base_value or 0) / divisor, 4), label, series)


def same_footing(facts: Sequence[Fact], report: Report) -> list[Fact]:
    """Return the largest set of the facts that share kind and period type (first such set on a tie), in the
    facts' order: only those may share an axis."""
    buckets: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        buckets.setdefault((fact.kind, period_type(fact, report)), []).append(fact)
    return max(buckets.values(), key=len) if buckets else []


def headline_bars(report: Report, lang: str) -> list[Bar]:
    """Return the headline money totals of one kind and period type on one scale; per-capita money is another
    unit family and is never drawn beside totals, nor is money that is no headline indicator."""
    facts = [f for _, f in headline_facts(report.facts) if is_money_total(f)]
    return [_money(f, report, lang) for f in same_footing(facts, report)[:MAX_BARS]]


def growth_bars(report: Report, lang: str) -> list[Bar]:
    """Return year-on-year growth rates of headline indicators, of one kind and period type, in report order:
    never a time cut (缩短80%) or another measure's change beside growth rates of the economy."""
    facts = [f for f in report.facts if f.growth_pct is not None and f.kind in RESULT_KINDS
             and names_headline(f) and (f.growth_basis or "同比") in words()["growth_bases"]]
    return [_bar(f, report, lang, f.growth_pct) for f in same_footing(facts, report)[:MAX_BARS]]


def _plain_indicator(name: str) -> str:
    """Return an indicator without plan/achievement verbs, so a target and a result can be paired."""
    return _plan_words().sub("", name or "")


def _own_year(fact: Fact, report: Report) -> bool:
    """Return whether a figure is for its report's own year: a target for the year it was given, a result for
    the year it reviews (a five-year target or a figure of another year is not)."""
    resolved = figure_year(fact, report)
    return resolved is not None and (fact.kind != "target" or resolved[0] == report.meta.year)


def target_bars(report: Report, lang: str) -> list[Bar]:
    """Return target/result pairs of the same headline money indicator (both bars of each pair): a target for the
    report's year beside the result of the year it reviews, the pairs of one period type each side, each side's
    series named with its kind and period; an indicator with two results or two targets is left out."""
    def by_name(kinds: tuple[str, ...]) -> dict[str, list[Fact]]:
        """Return the report's own-year headline money totals of these kinds, by plain indicator."""
        found: dict[str, list[Fact]] = {}
        for f in report.facts:
            if f.kind in kinds and is_money_total(f) and names_headline(f) and _own_year(f, report):
                found.setdefault(_plain_indicator(f.indicator), []).append(f)
        return found
    results, targets = by_name(("actual",)), by_name(("target",))
    pairs: dict[tuple[str, str], list[tuple[Fact, Fact]]] = {}
    for name, (t, *more) in targets.items():
        r, *others = results.get(name) or [None]
        if r is not None and not more and not others:
            pairs.setdefault((period_type(r, report), period_type(t, report)), []).append((r, t))
    chosen = max(pairs.values(), key=len) if pairs else []
    bars = []
    for r, t in chosen[: MAX_BARS // 2]:
        label, (rr, tr) = fact_row(r, lang).label.text, (fact_row(r, lang, report), fact_row(t, lang, report))
        bars += [_money(r, report, lang, label, f"{rr.kind} · {rr.period}"),
                 _money(t, report, lang, label, f"{tr.kind} · {tr.period}")]
    return bars


def source_text(report: Report, lang: str) -> str:
    """Return the report a chart's figures come from, as its source line names it."""
    m = report.meta
    place = (m.place_en or m.place) if lang == "en" else m.place
    doc = (doc_type_en(m.doc_type) or "report") if lang == "en" else (m.doc_type or m.title or "")
    when = m.date or (str(m.year) if m.year else ui("year_not_stated", lang))
    return ui("chart_source", lang, source=" ".join(x for x in (place, doc, f"({when})") if x))


def chart_notes(bars: Sequence[Bar], source: str, lang: str, kind: str = "") -> tuple[str, ...]:
    """Return a chart's subtitle lines: the periods (and kind) of its figures, and its source."""
    periods = periods_label([b.series if b.series and " · " in b.series else b.period for b in bars], lang)
    return (f"{periods} · {kind}" if kind else periods), source


def _fact(report: Report, fact_id: str) -> Fact:
    """Return the report's fact of an id."""
    return next(f for f in report.facts if f.id == fact_id)


CHARTS: tuple[tuple[str, Callable, Callable, int], ...] = (
    ("headline", headline_bars, headline_chart, 2),
    ("growth", growth_bars, growth_chart, 2),
    ("targets", target_bars, target_chart, 2),
)


def _built(chart_of: Callable, bars: Sequence[Bar], lang: str, notes: Sequence[str]) -> alt.Chart:
    """Return a chart from its builder without Altair's per-object schema checks (70 % of rendering
    time); the tests validate every builder's spec instead."""
    with debug_mode(False):
        return chart_of(bars, lang, notes)


# A row no report can produce: the template's data is recognised by it, and replaced.
_PLACEHOLDER = Bar("\x00label", -0.0, "\x00shown", "\x00growth", "\x00period", "\x00quote", "\x00id", "\x00series")


_NOTES = ("\x00note",)  # the placeholder subtitle, replaced like the data rows


@lru_cache(maxsize=None)
def chart_template(chart_of: Callable, lang: str) -> dict:
    """Return the spec a builder makes for one placeholder bar (Altair runs once per builder and language)."""
    return chart_spec(_built(chart_of, [_PLACEHOLDER], lang, _NOTES))


def _refill(node, placeholder: list, values: list, notes: list):
    """Return a copy of a spec node with the placeholder data rows replaced by values, and the placeholder
    subtitle by the notes."""
    if isinstance(node, dict):
        return {k: values if k == "values" and v == placeholder else notes if k == "subtitle" and v == list(_NOTES)
                else _refill(v, placeholder, values, notes) for k, v in node.items()}
    if isinstance(node, list):
        return [_refill(v, placeholder, values, notes) for v in node]
    return node


def spec_of(chart_of: Callable, bars: Sequence[Bar], lang: str, notes: Sequence[str]) -> dict:
    """Return chart_spec(chart_of(bars, lang)) without building Altair objects for every chart.

    A builder's spec depends on the bars only through its inline data rows: the spec is built once per
    builder and language, and its rows are swapped in (10× faster). A test checks that this equals
    Altair's own output for every builder.
    """
    if not notes:
        raise ValueError("every chart names its periods and source")
    return _refill(chart_template(chart_of, lang), bar_values([_PLACEHOLDER]), bar_values(bars), list(notes))


@lru_cache(maxsize=16)  # a fact sheet and the SVG stage both ask for the same charts (of one report)
def report_charts(report: Report, lang: str) -> tuple[ChartBlock, ...]:
    """Return the charts a fact sheet gets: only those with enough bars to be worth drawing."""
    blocks = []
    for key, bars_of, chart_of, minimum in CHARTS:
        bars = bars_of(report, lang)
        if len(bars) >= minimum:
            alt_text = ui(f"chart_alt_{key}", lang, n=len(bars))
            kind = "" if key == "targets" else fact_row(_fact(report, bars[0].fact_id), lang).kind
            notes = chart_notes(bars, source_text(report, lang), lang, kind)
            blocks.append(block(spec_of(chart_of, bars, lang, notes), f"chart-{key}", alt_text, bars))
    return tuple(blocks)


def _shared(candidates: Sequence[tuple[str, Fact, Report]]) -> list[tuple[str, Fact, Report]]:
    """Return the towns' figures of one headline group that name the same indicator (the name most of them
    use, after series.yaml's rewrites), when two or more towns do; else nothing."""
    names = Counter(normal_indicator(f.indicator) for _, f, _ in candidates)
    name, count = names.most_common(1)[0] if names else ("", 0)
    return [c for c in candidates if normal_indicator(c[1].indicator) == name] if count >= 2 else []


def compare_sets(reports: Sequence[Report], names: Sequence[str]) -> list[tuple[tuple[str, str], list]]:
    """Return, per (kind, period type), the headline money totals that two or more towns state under the same
    indicator: [(group, [(town, fact, report)])], groups in display order. Each set is one chart."""
    found = [dict((g.key, f) for g, f in headline_facts(r.facts)) for r in reports]
    sets: dict[tuple[str, str], list] = {}
    for group in (g for g in headline_groups() if g.money):
        by_footing: dict[tuple[str, str], list] = {}
        for name, by, report in zip(names, found, reports):
            fact = by.get(group.key)
            if fact is not None and is_money_total(fact):
                by_footing.setdefault((fact.kind, period_type(fact, report)), []).append((name, fact, report))
        for footing, candidates in by_footing.items():
            shared = _shared(candidates)
            if shared:
                sets.setdefault(footing, []).append((group, shared))
    return sorted(sets.items(), key=lambda item: -sum(len(shared) for _, shared in item[1]))


def compare_blocks(reports: Sequence[Report], names: Sequence[str], lang: str) -> list[ChartBlock]:
    """Return the compare page's charts: one per kind and period type, each bar a town's figure of an
    indicator it shares with another town on that footing."""
    blocks = []
    for i, (_, groups) in enumerate(compare_sets(reports, names)):
        bars = [_money(f, report, lang, group_label(group, lang), town) for group, shared in groups
                for town, f, report in shared]
        notes = chart_notes(bars, ui("chart_sources", lang), lang, fact_row(groups[0][1][0][1], lang).kind)
        blocks.append(block(spec_of(compare_chart, bars, lang, notes), f"chart-compare-{i + 1}",
                            ui("chart_alt_compare", lang, n=len(bars)), bars))
    return blocks


BUILDERS = tuple(chart_of for _, _, chart_of, _ in CHARTS) + (compare_chart,)
