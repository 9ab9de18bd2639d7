"""A note said once that the figures from there on are estimates (全年实现地区生产总值1410亿元（预计数，下同）)."""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import Fact
from generator.read.lexicon import unit_group


@functools.cache
def _note() -> re.Pattern:
    """Return the regex of a note that the figures from it on are estimates (预计数，下同; 预计（下同）)."""
    return re.compile(load_data("modality.yaml")["estimate_note"])


def estimate_note_at(text: str) -> Optional[int]:
    """Return where a paragraph says its figures from there on are estimates, None if it does not."""
    note = _note().search(text)
    return note.start() if note else None


def as_estimates(facts: list[Fact], text: str, after: int = 0) -> list[Fact]:
    """Return the facts with those of statistics quoted after ``after`` in ``text`` marked estimates: an amount or a
    growth rate named by a measure of the year's statistics (preliminary at the year's end), not a project's
    investment (总投资, 计划投资), a count, a share or a rank."""
    marked = []
    measures = tuple(load_data("modality.yaml")["estimated_statistics"])
    projects = tuple(w for w in load_data("indicators.yaml")["attribute_words"] if len(w) > 2)
    for fact in facts:
        amount = unit_group(fact.unit) == "money" or fact.unit == "%" and fact.growth_pct is not None
        statistic = amount and fact.indicator.endswith(measures) and not fact.indicator.endswith(projects)
        quoted_after = not after or text.find(fact.source.quote) >= after  # a paragraph after the note's: all of it
        marked.append(replace(fact, kind="estimate") if fact.kind == "actual" and statistic and quoted_after else fact)
    return marked
