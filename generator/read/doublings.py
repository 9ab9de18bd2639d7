"""A level doubled since its base (比2010年翻两番, 实现翻番) or a multiple of it (是2011年的1.37倍): its growth,
100 % a doubling, 37 % that multiple, with the base."""
from __future__ import annotations

import functools
import re
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.growth import base_phrase, joined_run
from generator.read.lexicon import chinese_digits, growth_bases, period_matchers, possessive, rate_bases


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


_MULTIPLE_REACH = 24  # characters before a multiple looked at for its base (是“十二五”期间的近3倍)


@functools.cache
def _multiple_base() -> re.Pattern:
    """Return the regex of a base a multiple is of, up to where its number starts (是2011年的, 为去年同期的近);
    group 1 the base."""
    periods = load_data("periods.yaml")
    verbs = "|".join(periods["multiple_verbs"])
    fillers = "|".join(periods["comparison_fillers"])
    hedges = "|".join(load_data("modality.yaml")["qualifiers_before"])
    years = "|".join(periods["base_years"])
    return re.compile(rf"(?:{verbs})((?:{period_matchers()[0].pattern}|{years})(?:{fillers})?){possessive()}?"
                      rf"(?:{hedges})?")


def name_multiples(sentence: str, drafts: list[Draft]) -> None:
    """Give each multiple of a base (是2011年的1.37倍, 分别是2011年的1.65倍、1.86倍) its growth over that base (37 %)
    and the base as a growth basis (比2011年; 是去年同期的 → 同比). ``drafts`` in order."""
    basis, previous_end = None, -1
    multiples = load_data("indicators.yaml")["multiples"]
    for draft in drafts:
        if draft.num.unit not in multiples or draft.growth_pct is not None:
            continue
        base = _base_ending_at(sentence, draft.num.start, draft.num.end)
        if base:
            basis = load_data("modality.yaml")["growth_basis"].get("比" + base.group(1), "比" + base.group(1))
        elif basis is None or sentence[previous_end:draft.num.start] not in ("、", "和", "，", ","):
            basis = None
            continue
        draft.growth_pct, draft.growth_basis = round((draft.num.value - 1) * 100, 6), basis
        previous_end = draft.num.end


def _base_ending_at(sentence: str, start: int, end: int) -> Optional[re.Match]:
    """Return the base of a multiple whose number starts at ``start`` and ends at ``end``, None without one (the
    regex looks past its end, at the 倍, for a five-year plan's name)."""
    window = _multiple_base().finditer(sentence, max(0, start - _MULTIPLE_REACH), min(len(sentence), end + 1))
    return next((m for m in window if m.end() == start), None)
