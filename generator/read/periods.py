"""A fact's period (the phrase governing it) and its kind (estimate, target, share, actual)."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import (cue_alternation, cue_regex, growth_words, opens_with_excess, owns_a_target,
                                    period_matchers, possessive, rate_bases, spans_a_sum)
from generator.read.numbers import Num
from generator.read.progress import measured_against_target
from generator.read.segment import word_tags
from generator.read.sentences import SENTENCE_END, end_of_clause, found_before, last_match_before, start_of_clause

# a cue at most this many characters before a number governs it (已下达12.87亿元, 已建成的5个项目)
_NEAR_CUE = 6
_ESTIMATE_REACH = 300  # characters searched back for the estimate cue of a statement: statements are short
_CUES_READ = 8  # estimate cues of a sentence looked at to tell one heading a list from one per item
# figures listed with 、 after a possessive (由2000年的8亿元、1.2亿元增加到): all the starting points of one period
_LISTED_FIGURES = re.compile(r"的?(?:[\d.]+[^\d、，,；;。]{0,4}、)*")


def period_before(sentence: str, pos: int) -> Optional[str]:
    """Return the period phrase governing ``pos``: the last one written before it in the sentence, else one later in
    its clause; for the starting point of a change (由2015年的29.1亿元增长到) the period after 由, None if none is."""
    regex, normal, pos = *period_matchers(), min(pos, len(sentence))  # a position past the end reads to the end
    starts = tuple(load_data("not_facts.yaml")["from_value_before"])
    if sentence.endswith(starts, 0, pos):
        return _start_period(sentence, pos)  # 与1998年相比，…由21.70亿元增加到: the base is the start's period
    last = last_match_before(regex, sentence, pos, _whole_word)
    if last and sentence.endswith(starts, 0, last.start()) and _LISTED_FIGURES.fullmatch(sentence, last.end(), pos):
        return normal.get(last.group(), last.group())  # 由2015年的29.1亿元、1.2亿元: the starting points' own period
    match = last_match_before(regex, sentence, pos, _governs)
    while match and _dates_another_sum(sentence, match, pos):
        match = last_match_before(regex, sentence, match.start(), _governs)
    if match is None:  # 完成全年目标任务，财政收入3亿元: the year's figures; not 完成全年目标的50%, measured against it
        match = last_match_before(regex, sentence, pos, _whole_word)
        match = match if match and owns_a_target(sentence, match) and _dates_after_it(sentence, match, pos) else None
    return normal.get(match.group(), match.group()) if match else _period_later_in_clause(sentence, pos)


def _dates_after_it(sentence: str, match, pos: int) -> bool:
    """Return True when the target met at ``match`` dates ``pos``: its clause ends before ``pos`` in one statement and
    gives no figure (not 完成全年任务的116.7%, measured against it)."""
    end = end_of_clause(sentence, match.end())
    return end < pos and not re.search(r"\d", sentence[match.end():end]) and not re.search("[；;]", sentence[end:pos])


def _dates_another_sum(sentence: str, match: re.Match, pos: int) -> bool:
    """Return True for the span of a sum (五年累计投资…) in another statement than ``pos``: it dates that sum only
    (到2007年，…；五年累计投资达到85亿元；城镇居民人均可支配收入年均递增6%)."""
    return spans_a_sum(sentence, match) and re.search("[；;]", sentence[match.end():pos]) is not None


def _whole_word(sentence: str, match) -> bool:
    """Return True for a period phrase that is not the inside of a longer word."""
    return not _inside_word(sentence, match)


def _governs(sentence: str, match) -> bool:
    """Return True for a period phrase that is not part of a longer word, a comparison base or a starting point."""
    return not _inside_word(sentence, match) and not _is_base_period(sentence, match.start(), match.end()) \
        and not owns_a_target(sentence, match) and not _opens_a_title(sentence, match.start())


def _opens_a_title(sentence: str, start: int) -> bool:
    """Return True for a year opening the title of an award or a list (获评2022年…示范镇, “2021年度…城区”称号): it
    dates the title, not the figure."""
    verbs = tuple(load_data("periods.yaml")["title_verbs"])
    return start > 0 and (sentence.endswith(verbs, 0, start) or sentence[start - 1] in ("“", "《", "「"))


def _period_later_in_clause(sentence: str, pos: int) -> Optional[str]:
    """Return a period written after ``pos`` in its own clause (投资0.66亿元的县养老服务中心年内投入使用),
    None if there is none."""
    regex, normal = period_matchers()
    match = regex.search(sentence, pos, end_of_clause(sentence, pos))
    if match is None or _is_base_period(sentence, match.start(), match.end()) or _inside_word(sentence, match) \
            or _opens_a_title(sentence, match.start()):
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
    if before[-1:] in data["comparison_openers"] and _compared_after(sentence, end, data):
        return True
    multiple = sentence.endswith(tuple(data["multiple_verbs"]), 0, start) \
        and not sentence.endswith(tuple(load_data("not_facts.yaml")["from_value_after"]), 0, start)  # 增加为2005年的
    fillers = "|".join(data["comparison_fillers"])  # 是去年同期1.34倍, 是去年同期的1.34倍, 是2001年的近三倍
    hedges = "|".join(load_data("modality.yaml")["qualifiers_before"])
    numerals = load_data("numerals.yaml")["counting_numerals"]
    return multiple and re.match(rf"(?:{fillers})?{possessive()}?(?:{hedges})?[\d{numerals}]", sentence[end:end + 8]) \
        is not None and not re.match(r"\d", sentence[end:end + 1])


def _start_period(sentence: str, pos: int) -> Optional[str]:
    """Return the period of a starting level written without one: the base of a comparison before it (与1998年相比，
    …由21.70亿元增加到 → 1998年), else the period of the sentence's earlier starting level (从2011年的3200万元跃升至…；
    固定资产投资由2.6亿元跃升至 → 2011年), None if neither is written."""
    regex, normal = period_matchers()
    match = last_match_before(regex, sentence, pos, _compared) or last_match_before(regex, sentence, pos, _started)
    return normal.get(match.group(), match.group()) if match else None


def _compared(sentence: str, match: re.Match) -> bool:
    """Return True for a period a comparison is made with (与1998年相比)."""
    data = load_data("periods.yaml")
    return sentence.endswith(tuple(data["comparison_openers"]), 0, match.start()) and _compared_after(sentence, match.end(), data)


def _started(sentence: str, match: re.Match) -> bool:
    """Return True for the period of a starting level (由2015年的29.1亿元)."""
    starts = tuple(load_data("not_facts.yaml")["from_value_before"])
    return sentence.endswith(starts, 0, match.start()) and sentence.startswith(possessive(), match.end())


def _compared_after(sentence: str, end: int, data: dict) -> bool:
    """Return True when a comparison word (相比, after a filler such as 同期) follows the period ending at ``end``."""
    fillers = tuple(data["comparison_fillers"])
    at = end + next((len(f) for f in fillers if sentence.startswith(f, end)), 0)
    return sentence.startswith(tuple(data["comparison_words"]), at)


def kind_of(sentence: str, num: Num, indicator: str, plan: Optional[bool]) -> str:
    """Return the fact kind: modality (estimate, target) wins over type (rank, share, actual).

    ``plan`` is None outside a plan part; inside one it tells whether the cues of the paragraph before the
    sentence (else after it) plan (True) or tell work done (False). The cue governing the number (see
    _governing_cue) decides before ``plan`` does; a done cue (已下达, 完成了) makes no target anywhere."""
    if _estimated(sentence, num):
        return "estimate"
    if _names_a_target(sentence, num, indicator):
        return "target"  # 年初下达的2500万元目标任务, 年初预算收入25000万元; not 高于目标14.4个百分点
    cue = _governing_cue(sentence, num)
    cue = False if plan is None and measured_against_target(sentence, num.start, num.end) else cue
    planned = plan is not None and (plan if cue is None else cue)
    if cue is not False and (planned or found_before(cue_regex("target"), sentence, num.start)
                             and not _secured(sentence, num)):
        return "target"
    if num.unit == "%" and not num.growth and _is_share(sentence, num, indicator):
        return "share"
    ranks = load_data("modality.yaml")
    if num.unit == ranks["rank_units"][0] and indicator.endswith(ranks["rank_noun"]):
        return "rank"  # 排名由41位上升到37位: places in a ranking written without 第
    return "actual"


def _names_a_target(sentence: str, num: Num, indicator: str) -> bool:
    """Return True for a figure set in advance: a task or target named before or after it (收入任务174万, 下达的2500
    万元目标任务; not 完成造林任务4000亩, the work done; 超全年任务500万元, by how much it was passed), or a budget
    (年初预算收入; not 一般公共预算收入)."""
    data = load_data("modality.yaml")
    after = sentence[num.end:num.end + 5].removeprefix(possessive())
    before = sentence[start_of_clause(sentence, num.start):num.start]
    done = any(w in before for w in data["task_done_verbs"]) or opens_with_excess(before)
    counted = num.unit in load_data("not_facts.yaml")["group_count_units"]  # 改革任务35项: how many tasks, no target
    rate = num.unit in rate_bases()  # 高于目标14.4个百分点: by how much it was passed, no target
    sized = re.match(rf"{possessive()}[\d.]+%", sentence[num.end:num.end + 10])  # 完成年度目标任务42亿元的92.36%
    named = re.search(f"(?:{'|'.join(data['target_nouns'])})[为是达：:]?$", before) and (sized or not (done or counted or rate))
    budget = any(w in indicator for w in data["target_name_words"]) and not rate
    return bool(named or budget or after.startswith(tuple(data["target_nouns"])))


def _estimated(sentence: str, num: Num) -> bool:
    """Return True when an estimate cue governs the number: one in the sentence's first clause governs all of
    it (预计全年地区生产总值…；一般公共预算收入…) unless a later statement says its own (…；C预计达到…), a later one
    only its own statement, which a ； ends (…扎实推进，预计新增耕地5800多亩；投资300万元完成… is no estimate)."""
    cue = cue_regex("estimate")
    starts, ends, note = _estimate_marks(sentence)
    if note is not None and (note < end_of_clause(sentence, num.end) or _rates_only(sentence[num.end:note])):
        return True  # 完成11亿元（预计数，下同）, 595亿元，增长5.5%（预计，同比，下同）: its own figure and all after it
    if not ends or ends[0] > num.start:
        return False
    last = starts[bisect_left(starts, num.start) - 1]  # the cue nearest before the number, found by halving
    if _opening_subject(sentence, last):  # 地区生产总值预计增长5.9%，规上工业总产值34.2亿元: the subject's estimate only
        return _same_subject(sentence, last, num.start)
    clauses = {start_of_clause(sentence, at) for at in starts[:_CUES_READ]}
    opening = _opening(sentence, starts[0])  # 初步预计…: the cue still heads it
    if len(clauses) > 1 and opening:  # A预计达X，B预计达Y，C达Z: a cue said item by item governs its own clause
        return start_of_clause(sentence, num.start) in clauses
    if len(clauses) > 1 and starts[0] >= end_of_clause(sentence, 0) and start_of_clause(sentence, num.start) not in clauses \
            and max(clauses) > num.start:  # A增3%，预计完成X；B增3%，预计完成Y: B's rate lies between two cues, neither its own
        return False
    statement = _statement_start(sentence, num.start)
    if len({_statement_start(sentence, at) for at in starts[:_CUES_READ]}) > 1:  # 全年预计完成A；B完成…；C预计达到…
        return any(at < num.start and _statement_start(sentence, at) == statement for at in starts)  # each its own
    if starts[0] < end_of_clause(sentence, 0) or re.match(r"(?:全年|今年|(?:19|20)\d\d年)", sentence[ends[0]:ends[0] + 5]) \
            and (lead := start_of_clause(sentence, starts[0])) <= _ESTIMATE_REACH and not re.search(r"\d", sentence[:lead]):
        return True  # 预计全年A、B、C: one cue heads the list, also after a lead-in (跨越提升，预计全年A；B；C)
    window = sentence[max(0, num.start - _ESTIMATE_REACH):num.start]
    near = list(cue.finditer(window))
    return bool(near) and "；" not in window[near[-1].end():]


def _opening(sentence: str, cue: int) -> str:
    """Return the words before an estimate cue in its clause without periods and openers (全年初步预计 → '')."""
    opening = period_matchers()[0].sub("", sentence[start_of_clause(sentence, cue):cue]).strip("，,")
    return re.sub(cue_alternation("estimate_cue_openers"), "", opening)


def _opening_subject(sentence: str, cue: int) -> str:
    """Return the subject written before an estimate cue in its clause (地区生产总值 in 地区生产总值预计增长5.9%), ''
    when only a period, the whole place, an opener or another cue stands there (全年全镇预计…, 预计全年可完成…)."""
    opening = re.sub(cue_regex("estimate").pattern, "", _opening(sentence, cue))
    return re.sub(load_data("indicators.yaml")["own_place"], "", opening).strip("，, ")


def _same_subject(sentence: str, cue: int, at: int) -> bool:
    """Return True when every clause from the cue's to the one holding ``at`` goes on saying of the cue's subject
    (，增长6%，是2005年的1.4倍): none names a subject of its own."""
    data = load_data("modality.yaml")
    words, other = tuple(data["subject_continuations"]) + tuple(growth_words()), tuple(data["share_verb_not_in"])
    pos = end_of_clause(sentence, cue)
    while pos < at:
        if not sentence.startswith(words, pos + 1) or sentence.startswith(other, pos + 1):  # 占地: a measure of its own
            return False
        pos = end_of_clause(sentence, pos + 1)
    return True


def _statement_start(sentence: str, at: int) -> int:
    """Return where the statement holding ``at`` starts: after the last ； before it (0 for the first); a statement
    opening with 其中 (among them) is part of the one before it."""
    ends = _statement_ends(sentence)
    start = ends[bisect_left(ends, at) - 1] + 1 if ends and ends[0] < at else 0
    return _statement_start(sentence, start - 1) if start and sentence.startswith("其中", start) else start


@functools.lru_cache(maxsize=64)
def _statement_ends(sentence: str) -> tuple[int, ...]:
    """Return where a sentence's statements end (its ； and ;), found once: each figure asks, and a long sentence
    is not searched back for each."""
    return tuple(i for i, c in enumerate(sentence) if c in "；;")


def _rates_only(text: str) -> bool:
    """Return True when ``text`` holds nothing but growth rates (，增长5.5%（): the level before it is what a note
    after it marks."""
    rate = rf"[，,][^，,。；\d]{{0,6}}(?:{'|'.join(growth_words())})[\d.]+%"
    return re.fullmatch(rf"(?:{rate})+[（(]?", text) is not None


@functools.lru_cache(maxsize=64)
def _estimate_marks(sentence: str) -> tuple[list[int], list[int], Optional[int]]:
    """Return where a sentence's estimate cues start and end, and where a note says its figures are estimates from
    there on (预计数，下同), None if none does; cached, as each fact of the sentence asks."""
    cues = list(cue_regex("estimate").finditer(sentence))
    note = re.search(load_data("modality.yaml")["estimate_note"], sentence)
    return [m.start() for m in cues], [m.end() for m in cues], note.start() if note else None


def _secured(sentence: str, num: Num) -> bool:
    """Return True when the sentence's only target cues before the number are verbs of seeking followed by
    what was got (争取上级资金4.3亿元, 争取到补贴3000万元: got, not sought), outside a plan part."""
    cue = cue_regex("target")
    return found_before(cue, sentence, num.start) and last_match_before(cue, sentence, num.start, _sought) is None


def _sought(sentence: str, cue: re.Match) -> bool:
    """Return True for a target cue that aims (力争, 争取 before a verb), not one that got something."""
    return not (cue.group() in load_data("modality.yaml")["seeking_verbs"] and _got_after(sentence, cue.end()))


def _got_after(sentence: str, at: int) -> bool:
    """Return True when a noun (what was got), or 到, follows a verb of seeking at ``at``."""
    words = word_tags(re.sub(r"^[“”\"‘’]+", "", sentence[at:at + 12]))
    return bool(words) and (words[0].word.startswith("到") or words[0].flag in ("n", "nz", "nt", "j", "b"))


def _governing_cue(sentence: str, num: Num) -> Optional[bool]:
    """Return True (plan), False (done) or None: a cue right before the number (加快实施已下达12.87亿元),
    else the first cue of its clause (力争年内完成投资40亿元), else the last cue before that clause in the
    same statement (a ； ends one)."""
    start, end = start_of_clause(sentence, num.start), end_of_clause(sentence, num.end)
    at, plans, stops = _sentence_cues(sentence)
    first, here, last = bisect_left(at, start), bisect_left(at, num.start), bisect_left(at, end)
    if here > first and num.start - at[here - 1] <= _NEAR_CUE:
        return plans[here - 1]
    if last > first:
        return plans[first]
    statement = stops[bisect_left(stops, start) - 1] + 1 if stops and stops[0] < start else 0
    return plans[first - 1] if first and at[first - 1] >= statement else None


@functools.lru_cache(maxsize=64)
def _sentence_cues(sentence: str) -> tuple[list[int], list[bool], list[int]]:
    """Return the positions of a sentence's cues, whether each plans, and the positions of the marks
    ending a statement (；) in it; cached, as each fact of the sentence asks in turn."""
    marks = _cue_marks(sentence)
    stops = [m.start() for m in re.finditer("[；;]", sentence)]
    return [m[0] for m in marks], [m[1] for m in marks], stops


def _is_share(sentence: str, num: Num, indicator: str) -> bool:
    """Return True for a percentage of a whole (占全区45.1%, 覆盖率达95%, 总进度的97.31%)."""
    data = load_data("modality.yaml")
    if indicator.endswith(tuple(data["share_suffixes"])):
        return True
    segment = sentence[start_of_clause(sentence, num.start):num.start]
    for word in data["share_verb_not_in"]:
        segment = segment.replace(word, "")
    return any(verb in segment for verb in data["share_verbs"]) or sentence[num.start - 1:num.start] == possessive()


@functools.cache
def _cue_regex() -> re.Pattern:
    """Return one regex of the cues of work done (group ``done``) and of work planned (future_cues and the
    target cues)."""
    data = load_data("modality.yaml")
    done, plan = data["done_cues"], data["future_cues"] + data["target"]
    firsts = [_first_char(p) for p in done + plan]
    screen = f"(?=[{''.join(sorted(set(firsts)))}])" if all(firsts) else ""  # 6x faster scan
    return re.compile(f"{screen}(?:(?P<done>{'|'.join(done)})|{'|'.join(plan)})")


def _first_char(pattern: str) -> str:
    """Return the literal character a cue regex must start with (its lookbehinds skipped), '' if none."""
    rest = re.sub(r"^(?:\(\?<[=!](?:\[[^\]]*\]|[^()\[\]])*\))+", "", pattern)
    return rest[0] if rest[:1] and re.match(r"[\u4e00-\u9fff]", rest[0]) else ""


def _cue_marks(text: str) -> tuple[tuple[int, bool], ...]:
    """Return (position, is a plan cue) of every done or plan cue in ``text``, in reading order."""
    return tuple((m.start(), m.lastgroup != "done") for m in _cue_regex().finditer(text))


def plan_sentences(text: str, spans: list[tuple[int, int]], in_plan: bool) -> list[Optional[bool]]:
    """Return, for each sentence of a paragraph, the ``plan`` of kind_of: None outside a plan part, else
    whether the nearest cue before the sentence in the paragraph (else the first from it on) plans.

    From a lead-in of expected targets (主要预期目标是：…) on, sentences are in a plan part wherever they are."""
    lead = next((k for k, (s, e) in enumerate(spans) if _lead_in(text[s:e])), len(spans))
    if not in_plan and lead == len(spans):
        return [None] * len(spans)
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
    telling they were met (年初确定的目标任务全面完成：, 完成了年初确定的主要目标：)."""
    match = _lead_in_regex().match(sentence)
    if not match:
        return False
    reviews = load_data("headings.yaml")["review_part_words"]
    return not any(w in match.group() for w in reviews) and all(plan for _, plan in _cue_marks(match.group()))


@functools.cache
def _lead_in_regex() -> re.Pattern:
    """Return the regex of a lead-in of expected targets near the start of a sentence."""
    return re.compile(rf"[^。！？]{{0,40}}?(?:{cue_alternation('targets_lead_in')})")


def period_carried_on(text: str, carried: Optional[str]) -> Optional[str]:
    """Return the period the next paragraph still runs under: the one in force where this paragraph ends, when it
    ends with ： or ； (items one per line are one sentence: 2003年的主要预期目标为：/GDP增长13.5%；), else None."""
    if not text.rstrip().endswith(("：", ":", "；", ";")):
        return None
    last = text[max(text.rfind(c) for c in SENTENCE_END) + 1:]
    return period_before(last, len(last)) or carried


def carries_targets(text: str, carried: bool) -> bool:
    """Return True when the paragraph after this one lists expected targets: this one ends with their
    lead-in (经济社会发展的主要预期目标是：), or it is a dashed item (——…) of a list such a lead-in opened."""
    if text.rstrip().endswith(("：", ":")):
        last = text[max(text.rfind(c) for c in SENTENCE_END) + 1:]
        if _lead_in(last):
            return True
    if re.fullmatch(load_data("modality.yaml")["targets_heading"], text.strip()):
        return True  # a line of its own, 主要目标, heads the targets listed after it
    return carried and text.startswith(tuple(load_data("modality.yaml")["target_list_marks"]))
