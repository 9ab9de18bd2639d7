"""Quality panel: which figures in a report's text became facts and which did not.

A figure is a number a reader would call one: followed by a unit or count word, not a year, a date, an
ordinal, list numbering or a footnote marker (generator/data/quality.yaml). Every number a fact was read
from counts as a figure, whatever follows it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.datafiles import load as load_data
from generator.datafiles import unit_table
from generator.model import Report
from generator.read.numbers import LARGEST

NUMBER = re.compile(r"\d+(?:\.\d+)?")
CONTEXT = 14  # characters shown either side of a number that did not become a fact


@dataclass(frozen=True)
class Unused:
    """A figure of the text that no fact was read from, with where it stands."""

    number: str
    context: str
    paragraph: str
    line: int
    too_large: bool = False  # beyond any figure (read.numbers.LARGEST): refused as a fact, not missed


@dataclass(frozen=True)
class Coverage:
    """How many figures of the text became facts, and the ones that did not."""

    total: int
    used: int
    unused: tuple[Unused, ...]

    @property
    def share(self) -> float:
        return self.used / self.total if self.total else 1.0


def _same(a: float, b: str) -> bool:
    """Return whether a fact's value is the number written as b."""
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    except (TypeError, ValueError):
        return False


def _read_from(fact, number: str) -> bool:
    """Return whether a fact was read from this number: its value or its growth rate, in its quote."""
    in_quote = number in fact.source.quote.replace(" ", "")
    growth = abs(fact.growth_pct) if fact.growth_pct is not None else None
    upper = NUMBER.findall(fact.qualifier or "")  # the upper end of a range (1-2个 → 至2个)
    return in_quote and (_same(fact.value, number) or (growth is not None and _same(growth, number)) or number in upper)


@functools.cache
def _units() -> tuple[frozenset, int, tuple[str, ...], frozenset]:
    """Return (every unit, count and measure word; the longest one's length; the hedges that may precede
    one; the words that count things one by one)."""
    data = load_data("quality.yaml")
    units = frozenset(unit_table()) | frozenset(data["count_words"]) | frozenset(data["measure_words"])
    counts = frozenset(data["count_words"]) | frozenset(load_data("figures.yaml")["count_units"])
    return units, max(map(len, units)), tuple(load_data("modality.yaml")["hedges_before_unit"]), counts


def _unit_after(text: str, pos: int) -> tuple[str, int]:
    """Return the longest unit or count word at ``pos``, after a hedge (5万余人, 300多名), and where it
    ends; ('', pos) if none or if the word is not a unit there (70周年)."""
    units, longest, hedges, _ = _units()
    for hedge in ("", *hedges):
        if text.startswith(hedge, pos):
            at = pos + len(hedge)
            if text.startswith(tuple(load_data("quality.yaml")["not_units"]), at):
                return "", pos
            unit = next((text[at:at + n] for n in range(longest, 0, -1) if text[at:at + n] in units), "")
            if unit:
                return unit, at + len(unit)
    return "", pos


def _is_threshold(text: str, unit: str, end: int) -> bool:
    """Return True when a measure is a class boundary: 以上/以下 and a noun follow it (5000万元以上项目)."""
    if unit in _units()[3]:
        return False
    for word in load_data("quality.yaml")["threshold_words"]:
        if text.startswith(word, end):
            return bool(re.match(r"的?[\u4e00-\u9fff]", text[end + len(word):end + len(word) + 2]))
    return False


def is_figure(text: str, match: re.Match) -> bool:
    """Return True for a number a reader calls a figure: a unit or count word follows it, and it is not
    a place in an order (第3批), a year (2023年) or a class boundary (亿元以上项目); list numbers,
    footnote markers and dates have no unit."""
    data = load_data("quality.yaml")
    if text.endswith(tuple(data["ordinal_before"]), 0, match.start()):
        return False
    unit, end = _unit_after(text, match.end())
    low, high = data["year_range"]
    year = len(match.group()) == data["year_digits"] and match.group().isdigit() and low <= int(match.group()) <= high
    return bool(unit) and not (year and unit in data["year_units"]) and not _is_threshold(text, unit, end)


def number_coverage(report: Report) -> Coverage:
    """Return the figures written in the report's paragraphs and whether a fact was read from each."""
    facts_by_paragraph: dict[str, list] = {}
    for fact in report.facts:
        facts_by_paragraph.setdefault(fact.source.paragraph, []).append(fact)
    total, used, unused = 0, 0, []
    for p in report.paragraphs:
        if p.is_heading:
            continue
        facts = facts_by_paragraph.get(p.anchor, [])
        for m in NUMBER.finditer(p.text):
            if any(_read_from(f, m.group()) for f in facts):
                total, used = total + 1, used + 1
                continue
            if not is_figure(p.text, m):
                continue
            total += 1
            start, end = max(0, m.start() - CONTEXT), min(len(p.text), m.end() + CONTEXT)
            unused.append(Unused(m.group(), p.text[start:end], p.anchor, p.line, float(m.group()) > LARGEST))
    return Coverage(total, used, tuple(unused))
