"""One place's figures across years: series of one indicator, and each year's targets against the next
report's results.

Which year a figure belongs to: a work report given early in year Y reviews Y−1 (its results are Y−1's)
and plans Y (its targets are Y's). A report's covered year is its stated period when that is one year
(2021年, 2021年上半年), else the year before it was given. A figure is kept only for its report's own
year: one a report restates for another year (由2015年的… ) is left to the report that covers that year.
Points are joined only when indicator, measure (level or growth), unit, kind and period type are equal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from generator.datafiles import load
from generator.model import Fact, Meta, Report

WHOLE_YEAR = "全年"  # the period type of a figure for a whole year
LEVEL, GROWTH = "level", "growth"
# what the next report gives for a year: the figure, else its first estimate (a report given in January
# often has only 预计 figures for the year before)
RESULT_KINDS = ("actual", "estimate")


@lru_cache(maxsize=None)
def words() -> dict:
    """Return the series word lists (data/series.yaml)."""
    return load("series.yaml")


@dataclass(frozen=True)
class Key:
    """What a series measures: points are joined only when every field is equal."""

    indicator: str
    measure: str  # LEVEL (the value, on its base unit) or GROWTH (the rate against a year before)
    unit: str  # the base unit (CNY for 万元 and 亿元), "%" for a growth
    kind: str
    period_type: str  # 全年, 上半年 …


@dataclass(frozen=True)
class Point:
    """One year's figure of a series and the report it was read from."""

    year: int
    value: float  # on the series' unit (base value, or growth in %)
    fact: Fact
    report: Report


@dataclass(frozen=True)
class Series:
    """The points of one key, one per year, oldest first."""

    key: Key
    points: tuple[Point, ...]


def normal_indicator(name: str) -> str:
    """Return an indicator's name with a place prefix dropped and listed short forms and aliases written out."""
    w = words()
    for prefix in w["place_prefixes"]:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            name = name[len(prefix):]
            break
    for short, full in w["abbreviations"].items():
        name = name.replace(short, full) if full not in name else name
    return w["aliases"].get(name, name)


def target_indicator(name: str) -> str:
    """Return a target's indicator without the leading verbs that only say it is aimed at (力争 …)."""
    verbs = words()["target_verbs"]
    while any(name.startswith(v) for v in verbs):
        name = name[len(next(v for v in verbs if name.startswith(v))):]
    return normal_indicator(name)


def sub_year(period: str) -> Optional[str]:
    """Return the part-of-a-year a period names (上半年 …), None for a whole year."""
    return next((w for w in words()["sub_year"] if w in period), None)


_ONE_YEAR = re.compile(r"(\d{4})年(?:底|末|度)?(.*)")


def one_year(period: str) -> Optional[tuple[int, str]]:
    """Return (year, period type) when a period is one year or part of one (2021年, 2021年上半年), else None."""
    m = _ONE_YEAR.fullmatch(period or "")
    if not m or (m.group(2) and sub_year(m.group(2)) != m.group(2)):
        return None
    return int(m.group(1)), m.group(2) or WHOLE_YEAR


def covered(meta: Meta) -> Optional[tuple[int, str]]:
    """Return (year, period type) a report reviews: its period when that is one year, else the year before it
    was given (a work report given early in Y reviews Y−1); None for an undated report."""
    stated = one_year(meta.period_covered or "")
    if stated:
        return stated
    return (meta.year - 1, WHOLE_YEAR) if meta.year else None


def _plan_sections(report: Report) -> frozenset[str]:
    """Return the ids of the report's forward-looking sections."""
    return frozenset(s.id for s in report.sections if s.is_plan)


def _span_sections(report: Report) -> frozenset[str]:
    """Return the ids of the sections under a heading over several years (过去五年工作回顾 …)."""
    by_id, span = {s.id: s for s in report.sections}, words()["span_headings"]

    def spans(section_id: Optional[str]) -> bool:
        """Return whether the section or one of its parents is headed by a span of years."""
        section = by_id.get(section_id or "")
        title = report.simplified_of(section.title) if section is not None else ""
        return section is not None and (any(w in title for w in span) or spans(section.parent))
    return frozenset(s.id for s in report.sections if spans(s.id))


def point_year(fact: Fact, report: Report) -> Optional[tuple[int, str]]:
    """Return (year, period type) of a fact when it is a figure for its report's own year, else None: a
    target for the year the report was given, any other kind for the year it reviews."""
    w, period, year = words(), report.simplified_of(fact.period) or "", report.meta.year
    if fact.section in _span_sections(report) and one_year(period) is None:
        return None
    if fact.kind == "target":
        in_plan = fact.section in _plan_sections(report)
        own = (year, sub_year(period) or WHOLE_YEAR) if year else None
        if own and (one_year(period) == own or period in w["this_year"] + w["whole_year"] or (not period and in_plan)):
            return own
        return None
    own = covered(report.meta)
    if own is None:
        return None
    if period in w["this_year"]:
        found = (year, WHOLE_YEAR)
    elif period in w["last_year"]:
        found = (year - 1, WHOLE_YEAR) if year else None
    elif not period or period in w["whole_year"]:
        found = own
    else:
        found = one_year(period)
    return found if found and found[0] == own[0] else None


def is_growth_only(fact: Fact) -> bool:
    """Return whether a fact states only a growth rate (增长8%: value and growth are one number)."""
    return fact.growth_pct is not None and fact.unit == "%" and fact.value == fact.growth_pct


def measures(fact: Fact, period_type: str, indicator: str) -> list[tuple[Key, float]]:
    """Return the (key, value) of every series a fact is a point of: its level and its growth."""
    found = []
    if not is_growth_only(fact):
        unit = fact.base_unit or fact.unit or ""
        value = fact.base_value if fact.base_value is not None else fact.value
        found.append((Key(indicator, LEVEL, unit, fact.kind, period_type), value))
    if fact.growth_pct is not None and (fact.growth_basis or "同比") in words()["growth_bases"]:
        found.append((Key(indicator, GROWTH, "%", fact.kind, period_type), fact.growth_pct))
    return found


def points(reports: Sequence[Report]) -> dict[Key, dict[int, list[Point]]]:
    """Return every fact of the reports that is a figure for its report's own year, by key and year."""
    found: dict[Key, dict[int, list[Point]]] = {}
    for report in reports:
        for fact in report.facts:
            when = point_year(fact, report)
            indicator = report.simplified_of(fact.indicator)
            name = target_indicator(indicator) if fact.kind == "target" else normal_indicator(indicator)
            if when is None or len(name) < 2 or name == fact.unit:
                continue
            for key, value in measures(fact, when[1], name):
                found.setdefault(key, {}).setdefault(when[0], []).append(Point(when[0], value, fact, report))
    return found


def one_point(candidates: Sequence[Point]) -> Optional[Point]:
    """Return the year's point, None when its report states the key with two different values (two things of
    one name, e.g. urban and rural income both called 城乡居民人均可支配收入: never guessed between)."""
    return candidates[0] if len({round(p.value, 6) for p in candidates}) == 1 else None


def year_points(by_year: dict[int, list[Point]]) -> list[Point]:
    """Return one point per year (oldest first), the ambiguous years left out."""
    chosen = (one_point(by_year[year]) for year in sorted(by_year))
    return [p for p in chosen if p is not None]


def place_series(reports: Sequence[Report]) -> list[Series]:
    """Return the series of a place's reports that have points in two or more years, the longest first."""
    found = [Series(key, tuple(year_points(by_year))) for key, by_year in points(reports).items()]
    found = [s for s in found if len(s.points) >= 2]
    return sorted(found, key=lambda s: (-len(s.points), s.key.kind, s.key.indicator, s.key.measure, s.key.unit))


@dataclass(frozen=True)
class TargetCheck:
    """A target a report set for its year, the result the next report gives for that year, and the verdict."""

    key: Key
    target: Point
    result: Point
    verdict: str  # "met", "not met" or "cannot tell"


def verdict(target: Point, result: Point, key: Key) -> str:
    """Return whether a result met a target: at or above it, or at or below a ceiling (以内) or a decline."""
    w, qualifier = words(), target.report.simplified_of(target.fact.qualifier) or ""
    if any(r in qualifier for r in w["ranges"]):
        return "cannot tell"
    ceiling = any(b in qualifier for b in w["upper_bounds"]) or (key.measure == GROWTH and target.value < 0)
    met = result.value <= target.value if ceiling else result.value >= target.value
    return "met" if met else "not met"


def target_checks(reports: Sequence[Report]) -> list[TargetCheck]:
    """Return each target set for a year beside the result reported for that year (same indicator, measure,
    unit and period type; an estimate when no figure is given), oldest year first; a target or result stated
    twice with two values is left out."""
    found = points(reports)
    checks = []
    for key, by_year in found.items():
        if key.kind != "target":
            continue
        results = [found.get(Key(key.indicator, key.measure, key.unit, kind, key.period_type), {})
                   for kind in RESULT_KINDS]
        for year, candidates in by_year.items():
            given = next((r[year] for r in results if year in r), [])
            target, result = one_point(candidates), one_point(given)
            if target is not None and result is not None and result.report is not target.report:
                checks.append(TargetCheck(key, target, result, verdict(target, result, key)))
    return sorted(checks, key=lambda c: (c.target.year, c.target.fact.id))
