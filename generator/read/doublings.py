"""A level doubled since its base (比2010年翻两番, 实现翻番): its growth, 100 % a doubling, with the base."""
from __future__ import annotations

import functools
import re
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.growth import base_phrase, joined_run
from generator.read.lexicon import chinese_digits, growth_bases, rate_bases


@functools.cache
def _doubling() -> re.Pattern:
    """Return the regex of a doubling phrase; group 1 the number of doublings (翻两番 → 两), empty for one (翻番)."""
    return re.compile(load_data("modality.yaml")["doubling"])


def name_doublings(sentence: str, drafts: list[Draft]) -> None:
    """Give the levels a doubling phrase is said of its growth (翻一番 → 100 %, 翻两番 → 300 %) and base; a
    doubling with no level next to it makes no fact (实现两个翻一番目标 names no figure). ``drafts`` in order."""
    for match in _doubling().finditer(sentence):
        times = chinese_digits().get(match.group(1), 1) if match.group(1) else 1
        basis, base_start = _base_before(sentence, match.start())
        for level in _levels_of(sentence, drafts, match, base_start):
            level.growth_pct, level.growth_basis = (2 ** times - 1) * 100, basis
            level.quote_start, level.quote_end = min(level.quote_start, base_start), max(level.quote_end, match.end())


_BASE_REACH = 30  # characters before a doubling looked at for its base: a long sentence stays linear


def _base_before(sentence: str, end: int) -> tuple[Optional[str], int]:
    """Return the basis written right before ``end`` (比2015年, 比上年 → 比上年) and where it starts; (None, end)
    without one."""
    opening = base_phrase(sentence, max(0, end - _BASE_REACH), end)
    if opening:
        return opening.group(1), opening.start()
    word = next((w for w in growth_bases() if sentence.endswith(w, 0, end)), "")
    return (load_data("modality.yaml")["growth_basis"][word], end - len(word)) if word else (None, end)


def _levels_of(sentence: str, drafts: list[Draft], match: re.Match, start: int) -> list[Draft]:
    """Return the levels a doubling is said of: those right after it (翻两番，分别达到392亿元、32亿元), else the one
    right before it (达到12亿元，比2015年翻一番); none that has a growth of its own or is a rate."""
    link = re.compile(load_data("modality.yaml")["rate_then_level"])
    levels = [d for d in drafts if d.num.unit not in rate_bases() and d.growth_pct is None and d.num.growth is None]
    after = [d for d in levels if d.num.start >= match.end()]
    if after and link.fullmatch(sentence, match.end(), after[0].num.start):
        return joined_run(sentence, after, 0, lambda d: True)
    before = [d for d in levels if d.num.end <= start]
    gap = sentence[before[-1].num.end:start] if before else "-"
    return [before[-1]] if re.fullmatch(r"[，,]?(?:同比|实现|已经|已)?", gap) else []
