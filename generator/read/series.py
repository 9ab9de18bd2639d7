"""Figures listed by period under one head (GDP增速逐季攀升，上半年3.2%、前三季度4.4%): each is the head's, for its period."""
from __future__ import annotations

import re

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.lexicon import growth_words, period_matchers, word_list
from generator.read.subjects import NOUN_ENDS, subject_of
from generator.read.segment import word_tags
from generator.read.sentences import end_of_clause, start_of_clause


def name_period_series(sentence: str, drafts: list[Draft]) -> None:
    """Name each figure whose item says nothing but its period (上半年3.2%, 一季度增长3.2%) after the head the
    figure-free clause opening the series names; a rate noun in that head (增速, 增幅) makes the figure a growth."""
    carried, carried_to = None, -1
    for draft in drafts:
        if draft.kind == "rank" or draft.num.unit != "%" or not _only_a_period(sentence, draft):
            continue
        clause_start = start_of_clause(sentence, draft.num.start)
        head = carried if clause_start == carried_to + 1 else _series_head(sentence, clause_start)
        if head is None:
            continue
        carried, carried_to = head, end_of_clause(sentence, draft.num.end)  # 上半年3.2%，前三季度4.4%: one series
        subject, rate_noun = head
        if draft.growth_pct is not None:
            draft.indicator = subject
        elif rate_noun:
            draft.indicator = subject + rate_noun
            draft.growth_pct = draft.num.value * load_data("modality.yaml")["growth_words"][rate_noun]


def _only_a_period(sentence: str, draft: Draft) -> bool:
    """Return True when the words of a figure's list item, before the figure, are a period and at most a hedge, an
    estimate cue, a growth word or its basis (、前三季度4.4%, 预计全年5%, 一季度同比增长3.2%)."""
    start = start_of_clause(sentence, draft.num.start)
    item = re.split("、", sentence[start:draft.num.start])[-1]
    matcher = period_matchers()[0]
    if not matcher.search(item):
        return False
    rest = matcher.sub("", item)
    modality = load_data("modality.yaml")
    fillers = [*word_list("qualifiers_before"), *modality["estimate"], *growth_words(), *modality["growth_basis"]]
    return re.sub("|".join(sorted(map(re.escape, fillers), key=len, reverse=True)), "", rest).strip() == ""


def _series_head(sentence: str, clause_start: int) -> tuple[str, str] | None:
    """Return the subject and rate noun (or '') of the clause before ``clause_start`` when it has no figure and
    says only how its subject moved (GDP增速逐季攀升 → GDP, 增速; 财政收入增长较快 → 财政收入, ''), else None."""
    if clause_start < 2:
        return None
    clause = sentence[start_of_clause(sentence, clause_start - 1):clause_start - 1]
    subject = subject_of(clause)
    if re.search(r"\d", clause) or len(subject) < 2 or subject not in clause:
        return None
    rest = clause[clause.index(subject) + len(subject):]  # 全县地区生产总值增速…: the subject drops 全县
    rate_noun = next((w for w in load_data("modality.yaml")["growth_nouns"] if rest.startswith(w)), "")
    trend = rest[len(rate_noun):]
    if not trend or len(trend) > 6 or any(t.flag.startswith(NOUN_ENDS) and len(t.word) > 1 for t in word_tags(trend)):
        return None  # 逐季攀升, 增长较快: how it moved; 增速高于全市 names more
    return subject, rate_noun
