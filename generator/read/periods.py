"""A fact's period (the phrase governing it) and its kind (estimate, target, share, actual)."""
from __future__ import annotations

from typing import Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import cue_regex, period_matchers
from generator.read.numbers import Num
from generator.read.sentences import found_before, last_match_before, start_of_clause


def period_before(sentence: str, pos: int) -> Optional[str]:
    """Return the period phrase governing ``pos``: the last one written before it in the sentence."""
    regex, normal = period_matchers()
    match = last_match_before(regex, sentence, pos, _governs)
    return normal.get(match.group(), match.group()) if match else None


def _governs(sentence: str, match) -> bool:
    """Return True for a period phrase that is not a comparison base or starting point."""
    return not _is_base_period(sentence, match.start())


def _is_base_period(sentence: str, start: int) -> bool:
    """Return True for a period that is a comparison base or a starting point (比2015年, 由“十二五”末的)."""
    before = sentence[max(0, start - 1):start]
    data = load_data("periods.yaml")
    return before[-1:] in data["base_markers"] or sentence.endswith(tuple(data["comparison_words"]), 0, start)


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
