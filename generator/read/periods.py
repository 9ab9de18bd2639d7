"""A fact's period (the phrase governing it) and its kind (estimate, target, share, actual)."""
from __future__ import annotations

import functools
import re
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import cue_alternation, cue_regex, period_matchers
from generator.read.numbers import Num
from generator.read.sentences import end_of_clause, sentence_spans, start_of_clause

# a cue at most this many characters before a number governs it (已下达12.87亿元, 已建成的5个项目)
_NEAR_CUE = 6


def period_before(sentence: str, pos: int) -> Optional[str]:
    """Return the period phrase governing ``pos``: the last one written before it in the sentence."""
    regex, normal = period_matchers()
    found = None
    for match in regex.finditer(sentence, 0, pos):
        if match.end() <= pos and not _is_base_period(sentence, match.start()):
            found = normal.get(match.group(), match.group())
    return found


def _is_base_period(sentence: str, start: int) -> bool:
    """Return True for a period that is a comparison base or a starting point (比2015年, 由“十二五”末的)."""
    before = sentence[max(0, start - 1):start]
    data = load_data("periods.yaml")
    return before[-1:] in data["base_markers"] or sentence[:start].endswith(tuple(data["comparison_words"]))


def kind_of(sentence: str, num: Num, indicator: str, plan: Optional[bool]) -> str:
    """Return the fact kind: modality (estimate, target) wins over type (rank, share, actual).

    ``plan`` is None outside a plan part; inside one it tells whether the cues before the sentence (else
    after it) plan (True) or tell work done (False). The cue nearest the number decides: the first of its
    clause, else the last before it in the sentence, else ``plan``; a done cue (已下达, 完成了) makes no target."""
    prefix = sentence[:num.start]
    if cue_regex("estimate").search(prefix):
        return "estimate"
    cue = _governing_cue(sentence, num)
    if cue is not False and (cue_regex("target").search(prefix) or (plan is not None and (plan if cue is None else cue))):
        return "target"
    if num.unit == "%" and not num.growth and _is_share(sentence, num, indicator):
        return "share"
    return "actual"


def _governing_cue(sentence: str, num: Num) -> Optional[bool]:
    """Return True (plan), False (done) or None: a cue right before the number (加快实施已下达12.87亿元),
    else the first cue of its clause (力争年内完成投资40亿元), else the last cue before that clause in the
    same statement (a ； ends one)."""
    start = start_of_clause(sentence, num.start)
    marks = _cue_marks(sentence[start:end_of_clause(sentence, num.end)])
    near = [plan for at, plan in marks if 0 < num.start - start - at <= _NEAR_CUE]
    if near:
        return near[-1]
    if marks:
        return marks[0][1]
    statement = max(sentence.rfind(c, 0, start) for c in "；;") + 1
    before = _cue_marks(sentence[statement:start])
    return before[-1][1] if before else None


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


@functools.cache
def _cue_regexes() -> tuple[re.Pattern, re.Pattern]:
    """Return (the cues of work done, the cues of work planned: future_cues and the target cues)."""
    data = load_data("modality.yaml")
    return re.compile("|".join(data["done_cues"])), re.compile("|".join(data["future_cues"] + data["target"]))


def _cue_marks(text: str) -> list[tuple[int, bool]]:
    """Return (position, is a plan cue) of every done or plan cue in ``text``, in reading order."""
    done, future = _cue_regexes()
    marks = [(m.start(), False) for m in done.finditer(text)] + [(m.start(), True) for m in future.finditer(text)]
    return sorted(marks)


def plan_sentences(text: str, spans: list[tuple[int, int]], in_plan: bool) -> list[Optional[bool]]:
    """Return, for each sentence of a paragraph, the ``plan`` of kind_of: None outside a plan part, else
    whether the nearest cue before the sentence in the paragraph (else the first from it on) plans.

    From a lead-in of expected targets (主要预期目标是：…) on, sentences are in a plan part wherever they are."""
    lead = next((k for k, (s, e) in enumerate(spans) if _lead_in(text[s:e])), len(spans))
    marks = [_cue_marks(text[s:e]) for s, e in spans]
    first_from: list[Optional[bool]] = [None] * (len(spans) + 1)  # the first cue of sentences k, k+1 …
    for k in range(len(spans) - 1, -1, -1):
        first_from[k] = marks[k][0][1] if marks[k] else first_from[k + 1]
    plans: list[Optional[bool]] = []
    last: Optional[bool] = None  # the last cue of the sentences before k
    for k in range(len(spans)):
        if in_plan or k >= lead:
            plans.append(last if last is not None else first_from[k] if first_from[k] is not None else True)
        else:
            plans.append(None)
        last = marks[k][-1][1] if marks[k] else last
    return plans


def _lead_in(sentence: str) -> bool:
    """Return True for a sentence opening a list of expected targets (2024年主要预期目标是：), not one
    telling they were met (年初确定的目标任务全面完成：)."""
    match = re.match(rf"[^。！？]{{0,40}}?(?:{cue_alternation('targets_lead_in')})", sentence)
    reviews = load_data("headings.yaml")["review_part_words"]
    return bool(match) and not any(w in match.group() for w in reviews)


def carries_targets(text: str, carried: bool) -> bool:
    """Return True when the paragraph after this one lists expected targets: this one ends with their
    lead-in (经济社会发展的主要预期目标是：), or it is a dashed item (——…) of a list such a lead-in opened."""
    spans = sentence_spans(text)
    last = text[spans[-1][0]:] if spans else text
    if _lead_in(last) and last.rstrip().endswith(("：", ":")):
        return True
    return carried and text.startswith(tuple(load_data("modality.yaml")["target_list_marks"]))
