"""A level's earlier value written in brackets right after it (23.92亿元（2020年22.15亿元）): the base it is compared with."""
from __future__ import annotations

import functools
import itertools
import re
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.name_periods import without_periods
from generator.read.lexicon import growth_bases, growth_words, period_matchers

_OPEN, _CLOSE = "（(", "）)"
_REACH = 12  # characters between the bracket and the base: a period (2020年, 上年同期) at most


@functools.cache
def _compared() -> re.Pattern:
    """Return the regex of a comparison a base in brackets may follow (，比上年同期（, 较去年（), words longest first."""
    words = "|".join(growth_bases())
    return re.compile(rf"[，,]?({words})(?=[{_OPEN}])")


def mark_bracketed_bases(sentence: str, drafts: list[Draft]) -> None:
    """Make a value in brackets right after a level (（2020年22.15亿元）, （上年2.9亿元）) that level's base: named
    after it, actual, without growth; a growth written after the bracket goes to the level."""
    for level, base in zip(drafts, drafts[1:]):
        compared = _bracket_after(sentence, level, base)
        if compared is None:
            _rename_later(drafts, base.indicator, _mark_dated_base(sentence, level, base))
            continue
        base.indicator, base.kind = level.indicator, "actual"
        if base.growth_pct is not None and level.growth_pct is None:
            basis = load_data("modality.yaml")["growth_basis"].get(compared)  # 比上年同期（5181万元）增长: 同比
            level.growth_pct, level.growth_basis = base.growth_pct, base.growth_basis or basis
            level.quote_end = max(level.quote_end, base.quote_end)
        base.growth_pct = base.growth_basis = None


def _rename_later(drafts: list[Draft], old: str, level: Optional[Draft]) -> None:
    """Name the rates after a base that took their name from it (…比2000年的15.6亿元增长239.7%，年均增长27.7%) after
    the ``level`` the base is of, the growth word kept."""
    if level is None:
        return
    later = [d for d in drafts if d.num.start > level.num.start and d.indicator != level.indicator]
    for draft in itertools.takewhile(lambda d: d.num.growth, later):  # up to the next level (；财政收入…)
        if draft.indicator == old:
            draft.indicator = level.indicator + next((w for w in growth_words() if old.endswith(w)), "")


def _mark_dated_base(sentence: str, level: Draft, base: Draft) -> Optional[Draft]:
    """Make a value compared with, dated and written right after a level (6500元，比2005年的3200元增长103%) that
    level's base: named after it, of its year, and the growth the level's, against that year; return the level,
    None when ``base`` is no such value."""
    between = re.fullmatch(rf"[，,]?([比较])({period_matchers()[0].pattern})的", sentence[level.num.end:base.num.start])
    if between is None or base.num.unit != level.num.unit or base.growth_pct is None or level.growth_pct is not None:
        return None
    base.indicator, base.kind, base.period = level.indicator, "actual", between.group(2)
    level.growth_pct, level.growth_basis = base.growth_pct, "比" + between.group(2)
    level.quote_end = max(level.quote_end, base.quote_end)
    base.growth_pct = base.growth_basis = None
    return level


def _bracket_after(sentence: str, level: Draft, base: Draft) -> Optional[str]:
    """Return the comparison ('' for none) after which ``base`` is the only figure of a bracket right after
    ``level``'s figure (（2020年7.9亿元）; 7106万元，比上年同期（5181万元）增长37.2%) or of a clause of its own naming
    the year before (，去年同期21192万元，), None when it is not so."""
    opening = level.num.end
    years = "|".join(load_data("periods.yaml")["base_years"])  # 75917万元，去年同期21192万元，同比增长: a base clause
    if re.fullmatch(rf"[，,](?:{years})[为是：:]?", sentence[opening:base.num.start]) and base.num.unit == level.num.unit \
            and sentence[base.num.end:base.num.end + 1] in "，,；;。":
        return ""
    compared = _compared().match(sentence, opening, opening + _REACH)
    opening = compared.end() if compared else opening
    if sentence[opening:opening + 1] not in _OPEN or not opening < base.num.start <= opening + _REACH:
        return None
    inside = without_periods(sentence[opening + 1:base.num.start])  # 2020年, 去年同期: a base; 其中工业投资: a part
    inside = re.sub("|".join(load_data("periods.yaml")["base_years"]), "", inside).strip("：:为是")
    bracketed = not inside and base.num.unit == level.num.unit and sentence[base.num.end:base.num.end + 1] in _CLOSE
    return (compared.group(1) if compared else "") if bracketed else None
