"""Growth rates: the numbers written after a growth word (增长5%), and the level fact each belongs to."""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import replace
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.drafts import Draft, change_of_previous
from generator.read.indicators import clean_indicator
from generator.read.lexicon import cue_alternation, growth_words, list_joiners, rate_bases
from generator.read.numbers import Growth, Num
from generator.read.sentences import end_of_clause, start_of_clause


@functools.cache
def _growth_tail() -> re.Pattern:
    """Return the regex of a growth phrase that ends right before a rate (同比增长, 增幅分别保持在)."""
    data = load_data("modality.yaml")
    basis = "|".join(sorted(data["growth_basis"], key=len, reverse=True))
    words = "|".join(growth_words())
    fillers, aspect, links = (cue_alternation(k) for k in ("growth_fillers", "growth_aspect", "growth_links"))
    return re.compile(rf"((?:{basis}|{fillers})*)({words})(?:{aspect})?((?:{basis}|{fillers})*)(?:{links})?$")


def mark_growth(text: str, nums: list[Num]) -> None:
    """Mark the rates written after a growth word (增长5%, 同比下降2个百分点) as growth numbers."""
    data = load_data("modality.yaml")
    for num in nums:
        if num.skip or num.unit not in rate_bases():
            continue
        clause_start = start_of_clause(text, num.start)
        prefix = text[clause_start:num.start]
        if num.qualifier and prefix.endswith(num.qualifier):
            prefix = prefix[:-len(num.qualifier)]
        match = _growth_tail().search(prefix)
        if not match:
            continue
        basis = next((data["growth_basis"][w] for w in data["growth_basis"] if w in match.group(1) + match.group(3)), None)
        word = match.group(2)
        num.growth = Growth(word, data["growth_words"][word], basis, clause_start + match.start())
    _mark_listed_growth(text, nums)


def _mark_listed_growth(text: str, nums: list[Num]) -> None:
    """Mark the later rates of a list (增幅分别保持在6%和8%) as growth like the first one."""
    for prev, num in zip(nums, nums[1:]):
        if prev.growth and not num.growth and not num.skip and num.unit == prev.unit:
            between = text[prev.end:num.start]
            if between in list_joiners("rate_joiners"):
                num.growth = replace(prev.growth, phrase_start=num.start)


class Clauses:
    """A sentence's growth rates and drafts grouped by clause, so that placing a rate looks at its own
    clause only, never at every number of the sentence (drafts may be added as rates are placed)."""

    def __init__(self, sentence: str, live: list[Num], drafts: list[Draft]):
        self.sentence, self.drafts, self._seen = sentence, drafts, 0
        self._rates: dict[int, list[Num]] = defaultdict(list)
        self._drafts: dict[int, list[Draft]] = defaultdict(list)
        for num in live:
            if num.growth:
                self._rates[start_of_clause(sentence, num.start)].append(num)

    def rates(self, clause_start: int) -> list[Num]:
        """Return the growth rates of the clause starting at ``clause_start``, in order."""
        return self._rates[clause_start]

    def drafts_in(self, clause_start: int) -> list[Draft]:
        """Return the drafts whose number stands in the clause starting at ``clause_start``, in order."""
        for draft in self.drafts[self._seen:]:
            self._drafts[start_of_clause(self.sentence, draft.num.start)].append(draft)
        self._seen = len(self.drafts)
        return self._drafts[clause_start]


def place_growths(sentence: str, live: list[Num], drafts: list[Draft]) -> None:
    """Place every growth rate of a sentence (place_growth), in order."""
    clauses = Clauses(sentence, live, drafts)
    for num in live:
        if num.growth:
            place_growth(sentence, num, live, drafts, clauses)


def _earlier(drafts: list[Draft], num: Num) -> list[Draft]:
    """Return the last draft ending before ``num`` (drafts in their order) as a list, [] if none."""
    return next(([d] for d in reversed(drafts) if d.num.end <= num.start), [])


def place_growth(sentence: str, num: Num, live: list[Num], drafts: list[Draft], clauses: Optional[Clauses] = None) -> None:
    """Attach a growth rate to its level value, or make it a fact of its own (问题处置时间缩短80%)."""
    growth = num.growth
    clauses = clauses or Clauses(sentence, live, drafts)
    clause_start = start_of_clause(sentence, num.start)
    listed = clauses.rates(clause_start)
    own = _own_subject(sentence, num, listed)
    phrase_start = min(growth.phrase_start, listed[0].growth.phrase_start)  # a listed rate shares the first one's subject
    subject = own or clean_indicator(re.sub(cue_alternation("growth_subject_noise"), "", sentence[clause_start:phrase_start]))
    target = None
    if rate_bases()[num.unit] != "pp":
        target = _growth_target(sentence, num, clauses, clause_start, subject)
    rate = num.value * (100 if rate_bases()[num.unit] == "times" else 1) * growth.sign
    if target is not None:
        target.growth_pct, target.growth_basis = rate, growth.basis
        target.quote_end = max(target.quote_end, end_of_clause(sentence, num.end))
        return
    growth_nouns = load_data("modality.yaml")["growth_nouns"]
    if not subject:
        subject = _list_subject(sentence, num, drafts)
    indicator = subject + (growth.word if growth.word in growth_nouns or rate_bases()[num.unit] == "pp" else "")
    indicator = change_of_previous(indicator if subject else growth.word, _earlier(drafts, num))
    draft = Draft(num, indicator or growth.word, clause_start, end_of_clause(sentence, num.end), extra={"left": subject})
    if rate_bases()[num.unit] != "pp":
        draft.growth_pct, draft.growth_basis = rate, growth.basis
    drafts.append(draft)


def _own_subject(sentence: str, num: Num, listed: list[Num]) -> str:
    """Return the subject a listed rate names for itself (A增长18.4%、B增长9.9% → B), '' if it shares one."""
    index = listed.index(num)
    if index == 0:
        return ""
    own = sentence[listed[index - 1].end:num.growth.phrase_start].strip("".join(list_joiners("item_joiners")) + "，")
    return clean_indicator(re.sub(cue_alternation("growth_subject_noise"), "", own))


def _growth_target(sentence, num, clauses, clause_start, subject) -> Optional[Draft]:
    """Return the level draft a growth rate belongs to: the nearest level before it in its clause,
    or, when the growth clause has no subject of its own, in the clause before (分别 lists in order)."""
    listed = clauses.rates(clause_start)
    index = listed.index(num)
    first = listed[0].start
    in_clause = [d for d in clauses.drafts_in(clause_start) if d.num.start < first]
    if in_clause and not subject.endswith(tuple(growth_words())):
        return _pick_level(in_clause, len(listed), index)
    if subject:
        return None
    pos = clause_start - 1
    while pos > 0 and sentence[pos] in "，,":
        prev_start = start_of_clause(sentence, pos)
        candidates = [d for d in clauses.drafts_in(prev_start) if d.num.start < pos and d.num.unit != "%"]
        if candidates:
            return _pick_level(candidates, len(listed), index)
        if re.search(r"\d", sentence[prev_start:pos]):
            return None
        pos = prev_start - 1
    return None


def _pick_level(drafts: list[Draft], count: int, index: int) -> Optional[Draft]:
    """Return the level a rate belongs to: the last one without a rate yet, or for the ``index``-th
    of ``count`` listed rates the ``index``-th of the last ``count`` levels (分别 lists map in order)."""
    if count == 1:
        return drafts[-1] if drafts[-1].growth_pct is None else None
    if len(drafts) < count:
        return None
    return drafts[len(drafts) - count + index]


def _list_subject(sentence: str, num: Num, drafts: list[Draft]) -> str:
    """Return the subject of a growth rate listed after another one (增长6%、7.7%)."""
    for draft in reversed(drafts):
        if draft.num.end <= num.start and draft.num.growth:
            return draft.extra.get("left", "")
    return ""
