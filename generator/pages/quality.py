"""Quality panel: which numbers in a report's text became facts and which did not."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Report
from generator.read.numbers import LARGEST

NUMBER = re.compile(r"\d+(?:\.\d+)?")
CONTEXT = 14  # characters shown either side of a number that did not become a fact


@dataclass(frozen=True)
class Unused:
    """A number of the text that no fact was read from, with where it stands."""

    number: str
    context: str
    paragraph: str
    line: int
    too_large: bool = False  # beyond any figure (read.numbers.LARGEST): refused as a fact, not missed


@dataclass(frozen=True)
class Coverage:
    """How many numbers of the text became facts, and the ones that did not."""

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
    return in_quote and (_same(fact.value, number) or (growth is not None and _same(growth, number)))


def number_coverage(report: Report) -> Coverage:
    """Return the numbers written in the report's paragraphs and whether a fact was read from each."""
    facts_by_paragraph: dict[str, list] = {}
    for fact in report.facts:
        facts_by_paragraph.setdefault(fact.source.paragraph, []).append(fact)
    total, used, unused = 0, 0, []
    for p in report.paragraphs:
        if p.is_heading:
            continue
        facts = facts_by_paragraph.get(p.anchor, [])
        for m in NUMBER.finditer(p.text):
            total += 1
            if any(_read_from(f, m.group()) for f in facts):
                used += 1
                continue
            start, end = max(0, m.start() - CONTEXT), min(len(p.text), m.end() + CONTEXT)
            unused.append(Unused(m.group(), p.text[start:end], p.anchor, p.line, float(m.group()) > LARGEST))
    return Coverage(total, used, tuple(unused))
