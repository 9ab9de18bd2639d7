"""A level's earlier value written in brackets right after it (23.92亿元（2020年22.15亿元）): the base it is compared with."""
from __future__ import annotations

import re

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.indicators import without_periods

_OPEN, _CLOSE = "（(", "）)"
_REACH = 12  # characters between the bracket and the base: a period (2020年, 上年同期) at most


def mark_bracketed_bases(sentence: str, drafts: list[Draft]) -> None:
    """Make a value in brackets right after a level (（2020年22.15亿元）, （上年2.9亿元）) that level's base: named
    after it, actual, without growth; a growth written after the bracket goes to the level."""
    for level, base in zip(drafts, drafts[1:]):
        if not _bracketed_after(sentence, level, base):
            continue
        base.indicator, base.kind = level.indicator, "actual"
        if base.growth_pct is not None and level.growth_pct is None:
            level.growth_pct, level.growth_basis = base.growth_pct, base.growth_basis
            level.quote_end = max(level.quote_end, base.quote_end)
        base.growth_pct = base.growth_basis = None


def _bracketed_after(sentence: str, level: Draft, base: Draft) -> bool:
    """Return True when ``base`` is the only figure of a bracket opening right after ``level``'s figure."""
    opening = level.num.end
    if sentence[opening:opening + 1] not in _OPEN or not opening < base.num.start <= opening + _REACH:
        return False
    inside = without_periods(sentence[opening + 1:base.num.start])  # 2020年, 去年同期: a base; 其中工业投资: a part
    inside = re.sub("|".join(load_data("periods.yaml")["base_years"]), "", inside).strip("：:为是")
    return not inside and base.num.unit == level.num.unit and sentence[base.num.end:base.num.end + 1] in _CLOSE
