"""Growth rates: the numbers written after a growth word (增长5%), and the level fact each belongs to."""
from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import replace
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.bare import subject_of_measure
from generator.read.drafts import Draft, change_of_previous, counterpart_of_previous
from generator.read.indicators import clean_indicator
from generator.read.lexicon import (cue_alternation, growth_bases, growth_words, list_joiner_regex, list_joiners,
                                    list_marker, opens_with_excess, period_matchers, possessive, rate_bases)
from generator.read.not_facts import FROM_VALUE
from generator.read.numbers import Growth, Num
from generator.read.segment import word_tags
from generator.read.sentences import end_of_clause, start_of_clause

_RISE = "增长"  # the growth word a rate signed as written stands for (同比-6.2%)


@functools.cache
def _growth_tail() -> re.Pattern:
    """Return the regex of a growth phrase that ends right before a rate (同比增长, 增幅分别保持在)."""
    basis = "|".join(growth_bases())
    words = "|".join(growth_words())
    fillers, aspect, links = (cue_alternation(k) for k in ("growth_fillers", "growth_aspect", "growth_links"))
    return re.compile(rf"((?:{basis}|{fillers})*)({words})(?:{aspect})?((?:{basis}|{fillers})*)(?:{links})?$")


def mark_growth(text: str, nums: list[Num]) -> None:
    """Mark the rates written after a growth word (增长5%, 同比下降2个百分点, 比2011年增长85%) as growth numbers."""
    data = load_data("modality.yaml")
    changed_from = {n.unit_end for n in nums if n.skip == FROM_VALUE}
    for num in nums:
        if num.skip == "no unit" and _unitless_rate(text, num, data):
            num.unit, num.skip = "%", None  # 同比增长18.3；: the % sign lost, as converted Word files lose it
        if num.skip or num.unit not in rate_bases():
            continue
        clause_start = start_of_clause(text, num.start)
        prefix = text[clause_start:num.start]
        if num.qualifier and prefix.endswith(num.qualifier):
            prefix = prefix[:-len(num.qualifier)]
        prefix = re.sub(r"[（(][^（）()\d]{1,8}[）)]$", "", prefix)  # 下降（同口径）19.59%: an aside before the rate
        minus = prefix[-1:] in data["growth_minus"] and not num.qualifier
        match = _growth_tail().search(prefix[:-1] if minus else prefix) or _signed_after_basis(prefix, minus)
        if not match or clause_start + match.start() in changed_from:
            continue  # 由45%提高为58%: a level reached from the value before, no rate
        if minus:  # 增长-5.2%: the sign belongs to the number as written
            num.start, num.value = num.start - 1, -num.value
        written = match.group(1) + match.group(3)
        basis = next((data["growth_basis"][w] for w in growth_bases() if w in written), None)
        phrase_start = clause_start + match.start()
        base = base_phrase(text, clause_start, phrase_start)
        if base and not basis:
            basis, phrase_start = base.group(1), base.start()
        word = match.group(2) or _RISE  # 同比-6.2%: no growth word, the sign is the number's
        num.growth = Growth(word, data["growth_words"][word], basis, phrase_start)
    _mark_listed_growth(text, nums)


@functools.cache
def _basis_tail() -> re.Pattern:
    """Return the regex of a comparison basis right before a rate written without a growth word (同比分别-6.2%)."""
    return re.compile(rf"((?:{'|'.join(growth_bases())})(?:{cue_alternation('growth_fillers')})*)()()$")


def _signed_after_basis(prefix: str, minus: bool) -> Optional[re.Match]:
    """Return the match of a comparison basis a signed rate follows with no growth word (同比-6.2%), else None."""
    return _basis_tail().search(prefix[:-1]) if minus else None


def _unitless_rate(text: str, num: Num, data: dict) -> bool:
    """Return True for a bare number closing its clause right after a word only a rate follows (同比增长18.3；) or
    closing a share (占年计划的58.2，)."""
    after = text[num.end:num.end + 1]
    if not (after == "" or after in "，,；;。") or num.chinese:
        return False
    share = re.search(rf"(?:{cue_alternation('share_verbs')})[^，,；;。]*的$", text[start_of_clause(text, num.start):num.start])
    return share is not None or text.endswith(tuple(data["rate_only_growth_words"]), 0, num.start)  # 占年计划的58.2，


@functools.cache
def _base_regex() -> re.Pattern:
    """Return the regex of a comparison base written before a growth word (比2011年, 较“十二五”末同期, 与2015年相比)."""
    periods = period_matchers()[0].pattern
    fillers = cue_alternation("growth_fillers")
    return re.compile(rf"((?:{cue_alternation('growth_base_markers')})(?:{periods}))"
                      rf"(?:{cue_alternation('growth_base_after')})?(?:{fillers})*$")


def base_phrase(text: str, start: int, end: int) -> Optional[re.Match]:
    """Return the comparison base ending at ``end`` (比2015年 in 比2015年增加98天), None if there is none."""
    return _base_regex().search(text, start, end)


def _mark_listed_growth(text: str, nums: list[Num]) -> None:
    """Mark the later rates of a list (增幅分别保持在6%和8%) as growth like the first one."""
    for prev, num in zip(nums, nums[1:]):
        if prev.growth and not num.growth and not num.skip and num.unit == prev.unit:
            between = text[prev.end:num.start]
            minus = between[-1:] in load_data("modality.yaml")["growth_minus"] and prev.value < 0
            if (between[:-1] if minus else between) in list_joiners("rate_joiners"):
                if minus:  # 同比分别-6.2%、-19.3%: each rate signed as written
                    num.start, num.value = num.start - 1, -num.value
                num.growth = replace(prev.growth, phrase_start=num.start)


class Clauses:
    """A sentence's growth rates and drafts grouped by clause, so that placing a rate looks at its own
    clause only, never at every number of the sentence (drafts may be added as rates are placed)."""

    def __init__(self, sentence: str, live: list[Num], drafts: list[Draft]):
        self.sentence, self.drafts, self._seen = sentence, drafts, 0
        self._rates: dict[int, list[Num]] = defaultdict(list)
        self._drafts: dict[int, list[Draft]] = defaultdict(list)
        self.rate_starts = [n.start for n in live if n.growth]
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
        return sorted(self._drafts[clause_start], key=lambda d: d.num.start)

    def has_rate(self, start: int, end: int) -> bool:
        """Return True when a growth rate starts in [start, end)."""
        at = bisect.bisect_left(self.rate_starts, start)
        return at < len(self.rate_starts) and self.rate_starts[at] < end


def place_growths(sentence: str, live: list[Num], drafts: list[Draft]) -> None:
    """Place every growth rate of a sentence (place_growth), in order."""
    clauses = Clauses(sentence, live, drafts)
    for num in live:
        if num.growth:
            place_growth(sentence, num, clauses)


_NEAR_DRAFTS = 12  # a rate is named after a figure of its own statement, among the last drafts


def _earlier(sentence: str, drafts: list[Draft], num: Num) -> list[Draft]:
    """Return the draft ending last before ``num`` as a list, [] if none; a figure
    by which a target was passed is no level a rate could be named after."""
    before = sorted((d for d in reversed(drafts[-_NEAR_DRAFTS:]) if d.num.end <= num.start),
                    key=lambda d: d.num.end, reverse=True)  # drafts placed later stand last in the list
    return next(([d] for d in before if not _states_excess(
        sentence[start_of_clause(sentence, d.num.start):end_of_clause(sentence, d.num.end)])), [])


def place_growth(sentence: str, num: Num, clauses: Clauses) -> None:
    """Attach a growth rate to its level value, or make it a fact of its own (问题处置时间缩短80%)."""
    growth = num.growth
    drafts = clauses.drafts
    clause_start = start_of_clause(sentence, num.start)
    listed = clauses.rates(clause_start)
    own = _own_subject(sentence, num, listed)
    phrase_start = min(growth.phrase_start, listed[0].growth.phrase_start)  # a listed rate shares the first one's subject
    before = [d.num.end for d in clauses.drafts_in(clause_start) if d.num.end <= phrase_start]
    subject_start = max([clause_start, *before])  # 城镇化率达到47%、提高12个百分点: the subject is not the figure before
    subject = own or _without_adverbs(clean_indicator(re.sub(cue_alternation("growth_subject_noise"), "",
                                                             sentence[subject_start:phrase_start])))
    target = None
    if rate_bases()[num.unit] != "pp":
        target = _growth_target(sentence, num, clauses, clause_start, subject)
    rate = num.value * (100 if rate_bases()[num.unit] == "times" else 1) * growth.sign
    if target is not None:
        for level in [target, *_levels_sharing(sentence, clauses, clause_start, num, subject)]:
            level.growth_pct, level.growth_basis = rate, growth.basis
        target.quote_end = max(target.quote_end, end_of_clause(sentence, num.end))
        return
    growth_nouns, earlier = load_data("modality.yaml")["growth_nouns"], _earlier(sentence, drafts, num)
    if not subject:
        subject = _list_subject(sentence, num, drafts) or _unread_level_before(sentence, clause_start)
    elif subject in load_data("indicators.yaml")["subject_measures"] and not own:
        # 规模以上工业总产值23.55亿元，增加值增长23.3% → 规模以上工业增加值
        subject = subject_of_measure(earlier[0].indicator) + subject if earlier and earlier[0].num.unit != "%" else subject
    subject = counterpart_of_previous(subject, earlier)  # …，农民增长12%
    names = load_data("indicators.yaml")  # 经济增长6%: a word of two characters is what grows, not a measure, unless a
    short = len(subject) <= 2 and subject not in names["bare_names"]  # bare one an earlier figure names (数量)
    indicator = subject + (growth.word if growth.word in growth_nouns or short or rate_bases()[num.unit] == "pp" else "")
    indicator = change_of_previous(indicator if subject else growth.word, earlier)
    draft = Draft(num, indicator or growth.word, clause_start, end_of_clause(sentence, num.end), extra={"left": subject})
    if rate_bases()[num.unit] != "pp":
        draft.growth_pct, draft.growth_basis = rate, growth.basis
    drafts.append(draft)


_SHARED_MAX = 8  # levels of the clauses before that one rate stated for all of them may reach


def _levels_sharing(sentence: str, clauses: Clauses, clause_start: int, num: Num, subject: str) -> list[Draft]:
    """Return the levels of the clauses before that a rate with no subject, stated for all of them, is also the
    growth of (A1230亿元，B1000亿元，C860亿元，同比增幅均达8%以上), [] unless its clause says so with 均."""
    marker = list_marker("each_all")
    if subject or marker not in sentence[clause_start:num.start]:
        return []
    names = load_data("indicators.yaml")
    words = re.sub("|".join([*names["per_head_words"], *names["average_words"], *growth_bases()]), "",
                   sentence[clause_start:num.start])  # 人均, 年均, 平均: no 均 of all
    if marker not in words:
        return []
    return [d for d in _levels_before(sentence, clauses, clause_start, _SHARED_MAX) if d.growth_pct is None]


_ADVERB_TAGS = ("d", "vd", "ad")


def _without_adverbs(subject: str) -> str:
    """Return a growth's subject without the adverbs of manner ending it (逆势增长, 大幅下降: 逆势 and 大幅 say
    how it grew, not what; 全部财政收入 keeps its 全部), '' when nothing else is left."""
    manner = set(load_data("indicators.yaml")["manner_words"])
    words = list(word_tags(subject)) if subject else []
    while words and (words[-1].flag in _ADVERB_TAGS or words[-1].word in manner):
        words.pop()
    return "".join(w.word for w in words)


def _unread_level_before(sentence: str, clause_start: int) -> str:
    """Return the name of a level the clause before states with a bare figure no fact is made of (综合污染指数为
    7.26，同比降低5.22% → 综合污染指数), '' when that clause ends otherwise."""
    before = sentence[start_of_clause(sentence, max(0, clause_start - 1)):clause_start]
    match = re.search(r"(?<![\d.])\d+(?:\.\d+)?[，,]$", before)
    return clean_indicator(before[:match.start()]) if match else ""


def _own_subject(sentence: str, num: Num, listed: list[Num]) -> str:
    """Return the subject a listed rate names for itself (A增长18.4%、B增长9.9% → B), '' if it shares one."""
    index = listed.index(num)
    if index == 0:
        return ""
    own = sentence[listed[index - 1].end:num.growth.phrase_start].strip("".join(list_joiners("item_joiners")) + "，")
    return clean_indicator(re.sub(cue_alternation("growth_subject_noise"), "", own))


def _growth_target(sentence, num, clauses, clause_start, subject) -> Optional[Draft]:
    """Return the level draft a growth rate belongs to: the nearest level before it in its clause,
    or, when the growth clause has no subject of its own or names the levels just listed, in the
    clauses before (分别 lists in order)."""
    bracketed = next((d for d in clauses.drafts_in(clause_start) if d.num.unit not in rate_bases()
                      and re.fullmatch(r"[（(][^（）()\d，。；]{0,4}", sentence[d.num.end:num.growth.phrase_start])), None)
    if bracketed is not None:
        return bracketed  # 增加值3.3亿(累计增速6.7%)、…: a rate in brackets is the level's it follows
    listed = clauses.rates(clause_start)
    index = listed.index(num)
    first = listed[0].start
    in_clause = [d for d in clauses.drafts_in(clause_start) if d.num.start < first]
    if in_clause and not subject.endswith(tuple(growth_words())):
        return _pick_level(in_clause, len(listed), index)
    if subject and not _names_listed_levels(sentence, subject, len(listed), clause_start):
        return None
    levels = _levels_before(sentence, clauses, clause_start, len(listed))
    return _pick_level(levels, len(listed), index) if levels else None


def _names_listed_levels(sentence: str, subject: str, count: int, clause_start: int) -> bool:
    """Return True when a listed growth clause names the levels of the clauses before it, one item per rate,
    an item sharing four characters with them (32家企业享受加计扣除金额6987.1万元，享受企业户数、加计扣除金额
    分别增长68.42%、47.44%)."""
    items = [i for i in re.split(list_joiner_regex("item_joiners"), subject) if i]
    before = sentence[max(0, clause_start - 300):clause_start]  # the clauses just before, not the whole sentence
    return count > 1 and len(items) == count and any(
        item[i:i + 4] in before for item in items for i in range(max(1, len(item) - 3)))


def _levels_before(sentence: str, clauses: Clauses, clause_start: int, count: int) -> list[Draft]:
    """Return the levels of the clauses right before ``clause_start``, going back clause by clause until
    ``count`` are found (存款余额达139.4亿元，贷款余额达47.8亿元，同比分别增长15.6%、0.8%), past changes
    (同比减少3天) but never past a clause with a growth rate of its own."""
    found: list[Draft] = []
    pos = clause_start - 1
    while pos > 0 and sentence[pos] in "，,":
        prev_start = start_of_clause(sentence, pos)
        if clauses.has_rate(prev_start, pos):
            return found
        if _states_excess(sentence[prev_start:pos]):
            pos = prev_start - 1
            continue
        here = [d for d in clauses.drafts_in(prev_start) if d.num.start < pos]
        in_clause = [d for d in here if d.num.unit != "%"]
        levels = [d for d in in_clause if not _multiple_of_base(sentence, d, prev_start)]
        candidates = [d for d in levels if not d.indicator.endswith(tuple(growth_words()))]
        found = candidates + found  # 23天，同比减少3天，下降11.5%: the rate is the level's, not the change's
        if len(found) >= count:
            return found
        shares = [d for d in here if d.num.unit == "%" and not d.num.growth]
        if not in_clause and not shares and re.search(r"\d", sentence[prev_start:pos]):
            return found  # a share between (完成3.2亿元，占年计划的58.2%，同比增长17.8%) is passed over
        pos = prev_start - 1
    return found


def name_excesses(sentence: str, drafts: list[Draft]) -> None:
    """Name a figure by which a target was passed after the level before it (固定资产投资12亿元，超额完成年度任务
    1.5亿元 → 固定资产投资超额完成年度任务) when its clause names nothing else
    (比任务多安排212个村 names its villages)."""
    for index, draft in enumerate(drafts):
        clause = sentence[start_of_clause(sentence, draft.num.start):end_of_clause(sentence, draft.num.end)]
        bare = opens_with_excess(draft.indicator) and re.search(f"(?:{cue_alternation('excess_objects')})$", draft.indicator)
        if index and bare and _states_excess(clause):
            level = _earlier(sentence, drafts[:index], draft.num)
            draft.indicator = level[0].indicator + draft.indicator if level else draft.indicator
        elif index + 1 < len(drafts):
            _name_target_passed(sentence, drafts[max(0, index - _NEAR_DRAFTS):index], draft, drafts[index + 1])


def _name_target_passed(sentence: str, earlier: list[Draft], target: Draft, excess: Draft) -> None:
    """Name a target rate written inside the excess over it (增长26.4%，高于年初人代会12%的目标14.4个百分点) after the
    level before it: its target (财政收入年初人代会目标, a growth when the level's is) and by how much it was passed."""
    if target.num.unit != "%" or excess.num.unit not in rate_bases():
        return
    objects = re.fullmatch(rf"{possessive()}({cue_alternation('excess_objects')})", sentence[target.num.end:excess.num.start])
    opening = objects and re.fullmatch(rf"({cue_alternation('excess_openers')})([^，,；;\d]{{0,8}})",
                                       sentence[start_of_clause(sentence, target.num.start):target.num.start])
    level = _earlier(sentence, earlier, target.num) if opening else []
    if not level:
        return
    level = level[0]
    target.indicator = level.indicator + opening.group(2) + objects.group(1)
    target.growth_pct = target.num.value if level.growth_pct is not None else None
    excess.indicator = level.indicator + opening.group() + objects.group(1)


def _states_excess(clause: str) -> bool:
    """Return True for a clause saying by how much a figure passed its task or target (超额完成年度任务2.1亿元)."""
    opener = re.match(cue_alternation("excess_openers"), clause)  # the objects are looked for after the verb
    return bool(opener) and re.search(cue_alternation("excess_objects"), clause[opener.end():]) is not None


def _multiple_of_base(sentence: str, draft: Draft, clause_start: int) -> bool:
    """Return True for a multiple of an earlier level (是2005年的2倍): a ratio, which a rate after it never grows."""
    verbs = tuple(load_data("periods.yaml")["multiple_verbs"])
    return draft.num.unit == "倍" and sentence.startswith(verbs, clause_start) and possessive() in sentence[clause_start:draft.num.start]


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


def join_rates_to_levels_after(sentence: str, drafts: list[Draft]) -> None:
    """Give the levels written right after their rates (增长12.6%达92.9亿元; 分别增长12%和13%，分别达43366元和13835元)
    those rates, in order, and the rates' names; the rates are then no facts of their own. ``drafts`` in order."""
    link = re.compile(load_data("modality.yaml")["rate_then_level"])
    joined: set[int] = set()
    i = 0
    while i < len(drafts):
        rates = joined_run(sentence, drafts, i, lambda d: d.num.growth is not None and d.num.unit == "%")
        after = i + len(rates)
        levels = joined_run(sentence, drafts, after, lambda d: d.num.growth is None and d.num.unit not in rate_bases())
        if rates and len(levels) >= len(rates) and link.fullmatch(sentence, rates[-1].num.end, levels[0].num.start):
            shared = len(rates) == 1 < len(levels)  # A和B年均递增27.7%，分别达到439亿元、36亿元: one rate for each
            for rate, level in zip(rates * len(levels) if shared else rates, levels):
                level.growth_pct, level.growth_basis = rate.growth_pct, rate.growth_basis
                level.indicator = level.indicator if shared else rate.indicator
                level.quote_start = min(level.quote_start, rate.quote_start)
            joined.update(id(rate) for rate in rates)
        i = max(after, i + 1)
    if joined:
        drafts[:] = [d for d in drafts if id(d) not in joined]


def joined_run(sentence: str, drafts: list[Draft], start: int, keep) -> list[Draft]:
    """Return the drafts from ``start`` on that ``keep`` holds for, each joined to the one before by 和 or 、."""
    run: list[Draft] = []
    for draft in drafts[start:start + 8]:
        if not keep(draft) or run and sentence[run[-1].num.end:draft.num.start] not in ("和", "、", "及"):
            break
        run.append(draft)
    return run
