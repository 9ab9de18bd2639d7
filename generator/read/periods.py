"""A fact's period (the phrase governing it) and its kind (estimate, target, share, actual)."""
from __future__ import annotations

import re
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import cue_regex, period_matchers
from generator.read.numbers import Num
from generator.read.sentences import end_of_clause, found_before, last_match_before, start_of_clause


def period_before(sentence: str, pos: int) -> Optional[str]:
    """Return the period phrase governing ``pos``: the last one written before it in the sentence, else one
    later in its clause; for the starting point of a change (由2015年的29.1亿元增长到) the period written
    after 由, None if none is."""
    regex, normal = period_matchers()
    starts = tuple(load_data("not_facts.yaml")["from_value_before"])
    if sentence.endswith(starts, 0, pos):
        return None
    last = last_match_before(regex, sentence, pos, _whole_word)
    if last and sentence.endswith(starts, 0, last.start()) and sentence[last.end():pos] in ("", _possessive()):
        return normal.get(last.group(), last.group())  # 由2015年的29.1亿元: the starting point's own period
    match = last_match_before(regex, sentence, pos, _governs)
    return normal.get(match.group(), match.group()) if match else _period_later_in_clause(sentence, pos)


def _whole_word(sentence: str, match) -> bool:
    """Return True for a period phrase that is not the inside of a longer word."""
    return not _inside_word(sentence, match)


def _governs(sentence: str, match) -> bool:
    """Return True for a period phrase that is not part of a longer word, a comparison base or a starting point."""
    return not _inside_word(sentence, match) and not _is_base_period(sentence, match.start(), match.end())


def _period_later_in_clause(sentence: str, pos: int) -> Optional[str]:
    """Return a period written after ``pos`` in its own clause (投资0.66亿元的县养老服务中心年内投入使用),
    None if there is none."""
    regex, normal = period_matchers()
    match = regex.search(sentence, pos, end_of_clause(sentence, pos))
    if match is None or _is_base_period(sentence, match.start(), match.end()) or _inside_word(sentence, match):
        return None
    if re.search(rf"[\d{load_data('periods.yaml')['later_period_stops']}]", sentence[pos:match.start()].lstrip("0123456789.,")):
        return None  # 申报资金24.21亿元、年内开工率达87%: the period belongs to what follows
    return normal.get(match.group(), match.group())


def _inside_word(sentence: str, match: re.Match) -> bool:
    """Return True when a period phrase is the inside of a longer word (项目前期 holds 目前)."""
    before = load_data("periods.yaml")["not_after"].get(match.group(), ())
    return sentence[max(0, match.start() - 1):match.start()] in before if before else False


def _is_base_period(sentence: str, start: int, end: int) -> bool:
    """Return True for a period that is a comparison base or a starting point (比2015年, 由“十二五”末的,
    是2015年的1.19倍)."""
    before = sentence[max(0, start - 1):start]
    data = load_data("periods.yaml")
    if before[-1:] in data["base_markers"] or sentence.endswith(tuple(data["comparison_words"]), 0, start):
        return True
    multiple = sentence.endswith(tuple(data["multiple_verbs"]), 0, start)
    return multiple and re.match(rf"{_possessive()}\d", sentence[end:end + 2]) is not None


def _possessive() -> str:
    """Return the possessive between a period and what it owns (2015年的29.1亿元)."""
    return load_data("indicators.yaml")["possessive"]


def kind_of(sentence: str, num: Num, indicator: str, plan: bool) -> str:
    """Return the fact kind: modality (estimate, target) wins over type (rank, share, actual)."""
    if found_before(cue_regex("estimate"), sentence, num.start):
        return "estimate"
    if found_before(cue_regex("target"), sentence, num.start):
        return "target"
    if plan:
        return "target"
    if num.unit == "%" and not num.growth and _is_share(sentence, num, indicator):
        return "share"
    return "actual"


def _is_share(sentence: str, num: Num, indicator: str) -> bool:
    """Return True for a percentage of a whole (占全区45.1%, 覆盖率达95%, 总进度的97.31%)."""
    data = load_data("modality.yaml")
    if indicator.endswith(tuple(data["share_suffixes"])):
        return True
    segment = sentence[start_of_clause(sentence, num.start):num.start]
    for word in data["share_verb_not_in"]:
        segment = segment.replace(word, "")
    possessive = load_data("indicators.yaml")["possessive"]
    return any(verb in segment for verb in data["share_verbs"]) or sentence[num.start - 1:num.start] == possessive


def paragraph_tells_done(text: str) -> bool:
    """Return True when a paragraph in a plan part reports work done (目前已完成 …) more than plans."""
    data = load_data("modality.yaml")
    done = sum(text.count(w) for w in data["done_cues"])
    future = sum(text.count(w) for w in data["future_cues"])
    return done > future
