"""The fact being assembled from one sentence, before it becomes a Fact."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import cue_alternation, growth_bases, growth_words, list_joiners, list_marker, word_list
from generator.read.numbers import Num


@dataclass
class Draft:
    """A fact being assembled from one sentence."""

    num: Num
    indicator: str
    quote_start: int
    quote_end: int
    kind: str = "actual"
    period: Optional[str] = None
    growth_pct: Optional[float] = None
    growth_basis: Optional[str] = None
    value: Optional[float] = None
    unit: Optional[str] = None
    parent: Optional["Draft"] = None
    extra: dict = field(default_factory=dict)


@functools.cache
def _change_regexes() -> tuple[re.Pattern, re.Pattern]:
    """Return the regexes of a change named without its subject (同比增加) and with it (事故起数同比减少), built once."""
    words = "|".join(growth_words())
    comparers, kept = cue_alternation("change_comparers"), cue_alternation("change_kept")
    kept_words = load_data("modality.yaml")["change_kept"]
    bases = "|".join(w for w in growth_bases() if w not in kept_words)
    fillers = cue_alternation("growth_fillers")
    kept_ends = load_data("indicators.yaml")["kept_endings"]  # 一产占比较2010年下降: 比 is 占比's, 较 compares
    guards = "".join(f"(?<!{re.escape(e[:-1])})" for e in kept_ends
                     if e.endswith(tuple(load_data("modality.yaml")["change_comparers"])))
    return (re.compile(rf"(?:{bases}|{comparers})*(?:{fillers})*((?:{kept})?(?:{words}))"),
            re.compile(rf"(.+?){guards}(?:{bases}|{comparers})+(?:{fillers})*((?:{kept})?(?:{words}))"))


def named_after_previous(indicator: str, earlier: list["Draft"]) -> str:
    """Return the indicator of a change or of a scope alone named after the facts before it in the sentence
    (see change_of_previous and counterpart_of_previous)."""
    return counterpart_of_previous(change_of_previous(indicator, earlier), earlier)


def counterpart_of_previous(indicator: str, earlier: list["Draft"]) -> str:
    """Return an urban or rural scope alone as a subject (农村) named as the last fact before it in the sentence,
    in its own scope (城镇低保补差额…，农村由13元提高到18元 → 农村低保补差额); ``indicator`` otherwise."""
    scopes = word_list("counterpart_scopes", "indicators.yaml")
    if indicator not in scopes or not earlier:
        return indicator
    before = earlier[-1].indicator
    other = next((s for s in scopes if before.startswith(s) and len(before) > len(s) + 1), "")
    if not other or other == indicator:
        return indicator
    own = indicator + other[len(indicator):]  # 城镇居民… → 农村居民…
    return (own if own in scopes else indicator) + before[len(other):]


def change_of_previous(indicator: str, earlier: list["Draft"]) -> str:
    """Return the indicator of a change: without its subject (比2015年增加98天, 同比增加15天 → 优良天数增加) named
    after the last fact before it in the sentence that is not itself a change, else after what that change changed;
    with its subject, the basis dropped (事故起数同比减少2起 → 事故起数减少); ``indicator`` unchanged otherwise."""
    bare_change, own_change = _change_regexes()
    match = bare_change.fullmatch(indicator)
    own = own_change.fullmatch(indicator)
    if own and not match:  # 事故起数同比减少2起: the subject is written, the basis is not part of its name
        return own.group(1) + own.group(2)
    if not match:
        return indicator
    level = next((d for d in reversed(earlier) if not d.indicator.endswith(tuple(growth_words()))), None)
    if level:
        return level.indicator + match.group(1)
    kept, words = cue_alternation("change_kept"), "|".join(growth_words())
    changed = earlier and re.fullmatch(rf"(\D+?)(?:{kept})?(?:{words})", earlier[-1].indicator)
    return changed.group(1) + match.group(1) if changed else indicator  # 资金增加1.86亿元，增长15% → 资金增长


def name_listed_changes(sentence: str, drafts: list[Draft]) -> None:
    """Name the changes of a 分别 list after the levels listed before them, in order (分别达60家、25家，
    比上年分别增加13家、14家 → 规上企业增加, 亿元企业增加)."""
    runs = _value_runs(sentence, drafts)
    pattern = rf"(?:{cue_alternation('change_kept')})?(?:{'|'.join(growth_words())})$"
    for levels, changes in zip(runs, runs[1:]):
        tails = [re.search(pattern, d.indicator) for d in changes]
        if _is_change_list(sentence, levels, changes) and all(tails):
            for level, change, tail in zip(levels, changes, tails):
                change.indicator = level.indicator + tail.group()


def name_repeated_runs(sentence: str, drafts: list[Draft]) -> None:
    """Name a list of bare values after the named list of as many values in the same units just before it, in
    order (分别达到439亿元、36亿元，力争达到700亿元、60亿元 → 地方生产总值, 全部财政收入)."""
    runs = _value_runs(sentence, drafts)
    for levels, bare in zip(runs, runs[1:]):
        between = sentence[levels[-1].num.end:bare[0].num.start]
        own = any(d.extra.get("left") or d.extra.get("right_raw") for d in bare)  # a name from context is no name
        if len(bare) < 2 or len(bare) != len(levels) or own or re.search(r"\d|[。；]", between) \
                or not all(d.indicator for d in levels) or [d.num.unit for d in levels] != [d.num.unit for d in bare]:
            continue
        for level, draft in zip(levels, bare):
            draft.indicator = level.indicator


def _is_change_list(sentence: str, levels: list[Draft], changes: list[Draft]) -> bool:
    """Return True when ``changes`` (one name shared, each a change) follow ``levels`` item for item after 分别."""
    is_change = [d.indicator.endswith(tuple(growth_words())) for d in levels + changes]
    between = sentence[levels[-1].num.end:changes[0].num.start]
    return (1 < len(changes) == len(levels) and is_change == [False] * len(levels) + [True] * len(changes)
            and len({d.indicator for d in changes}) == 1 and list_marker("respectively") in between)


def _value_runs(sentence: str, drafts: list[Draft]) -> list[list[Draft]]:
    """Return the drafts grouped into lists written value after value, one joiner apart (60家、25家、10家)."""
    runs: list[list[Draft]] = []
    for draft in drafts:
        last = runs[-1][-1] if runs else None
        if last and last.num.unit == draft.num.unit and sentence[last.num.end:draft.num.start] in list_joiners("item_joiners"):
            runs[-1].append(draft)
        else:
            runs.append([draft])
    return runs
