"""The facts of a paragraph: each sentence's numbers turned into Facts with indicator, kind and period."""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import CleanText, Fact, Line, Paragraph, Section, Source
from generator.read.doublings import name_doublings, name_multiples
from generator.read.estimates import as_estimates, estimate_note_at
from generator.read.drafts import Draft, name_listed_changes, name_repeated_runs, named_after_previous
from generator.read.progress import name_progress_frames
from generator.read.appendix import named_by_row, plans_its_year
from generator.read.bases import mark_bracketed_bases
from generator.read.changes import add_starting_levels, before_from_value
from generator.read.growth import join_rates_to_levels_after, mark_growth, name_excesses, place_growths
from generator.read.indicators import clean_indicator, drop_examples, opening_verb, right_noun, tidy_name
from generator.read.lexicon import (NOTE_MARK, data_pattern, list_joiner_regex, list_joiners, list_marker, possessive, unit_group,
                                    word_list)
from generator.read.lists import (before_sibling_item, distribute_lists, items_said_with_one_verb, link_parts, list_items,
                                  share_glued_counts, split_each_of_listed, split_shared_names, with_verbs_inside)
from generator.read.normalize import is_title_like
from generator.read.sections import opens_planned_work
from generator.read.said_once import share_final_head, share_list_measure, share_list_verb
from generator.read.not_facts import heads_items, project_with_capacity
from generator.read.bare import (bare_core, fallback_name, name_bare_by_earlier, name_by_sentence_context, name_unowned_shares,
                                 restated_name)
from generator.read.durations import name_streaks, name_time_taken
from generator.read.owners import (after_glued_value, attribute_owner, has_governing_verb, opens_its_clause, possessive_tail, topic_of_rate,
                                   topic_of_state)
from generator.read.ranks import rank_drafts
from generator.read.numbers import Num, base_of, plain, qualifier_before, scan_numbers
from generator.read.periods import carries_targets, kind_of, period_before, period_carried_on, plan_sentences
from generator.read.rates import one_rate_each
from generator.read.segment import word_tags
from generator.read.series import name_period_series
from generator.read.sentences import end_of_clause, sentence_spans, start_of_clause
from generator.read.subjects import subject_count, subject_of

COUNT_GROUPS = ("count", "people", "time", "area", "volume", "mass")


def report_facts(clean: CleanText, sections: list[Section], paragraphs: list[Paragraph], prefix: str,
                 year: Optional[int] = None) -> list[Fact]:
    """Return the facts of every body paragraph (not headings, not the glossary), their ids ``prefix-0001`` …;
    ``year``, the report's, tells an appendix planning that year's work from one reviewing an earlier one."""
    plan_ids = {s.id for s in sections if s.is_plan}
    glossary = re.compile(load_data("not_facts.yaml")["glossary_start"])
    facts: list[Fact] = []
    in_glossary = in_appendix = appendix_plan = False
    previous = ""
    carried, period = False, None  # the paragraph before ended with a lead-in of targets (主要预期目标是：), its period
    noted = False  # a note said the figures from it on are estimates (预计数，下同)
    for index, (line, paragraph) in enumerate(zip(clean.paragraphs, paragraphs)):
        in_glossary = in_glossary or paragraph.text.startswith(load_data("headings.yaml")["glossary"])
        if re.match(data_pattern("appendix"), paragraph.text):
            in_appendix, appendix_plan = True, plans_its_year(paragraphs, index, year)
        if paragraph.is_heading or in_glossary or glossary.match(paragraph.text):
            carried, period = False, None
            continue
        plan = paragraph.section in plan_ids or carried or appendix_plan or opens_planned_work(paragraph.text)
        found = _paragraph_facts(line, paragraph, plan, prefix, len(facts), previous, period)
        note = None if plan else estimate_note_at(paragraph.text)
        found = as_estimates(found, paragraph.text, note or 0) if noted and not plan or note is not None else found
        noted = (noted or note is not None) and not plan
        facts.extend(named_by_row(found, paragraphs, index) if in_appendix else found)
        previous = paragraph.text
        carried, period = carries_targets(paragraph.text, carried), period_carried_on(paragraph.text, period)
    return facts


def _paragraph_facts(line: Line, paragraph: Paragraph, plan: bool, prefix: str, count: int,
                     header: str = "", carried: Optional[str] = None) -> list[Fact]:
    """Return the facts of one paragraph, numbered after ``count`` facts already read; ``header`` names
    a value standing alone in a table cell (总投资 / 5亿元); ``carried`` dates its first sentence when it has no period."""
    facts: list[Fact] = []
    ids: dict[int, str] = {}
    spans = sentence_spans(line.text)
    for index, ((start, end), sentence_plan) in enumerate(zip(spans, plan_sentences(line.text, spans, plan))):
        sentence, following = line.text[start:end], line.text[end:end + 4]
        for draft in (d for d in facts_of_sentence(sentence, sentence_plan) if not heads_items(sentence, d.num, following)):
            fact_id = f"{prefix}-{count + len(facts) + 1:04d}"
            ids[id(draft)] = fact_id
            quote = sentence[draft.quote_start:draft.quote_end].strip()
            quote_at = start + draft.quote_start + (len(sentence[draft.quote_start:draft.quote_end]) - len(sentence[draft.quote_start:draft.quote_end].lstrip()))
            base_value, base_unit = base_of(draft.value, draft.unit)
            if not draft.indicator:  # 规上工业产值继…之后，…，达到74.23亿元: the sentence's topic, when nothing names it
                draft.indicator = clean_indicator(header) if header and is_title_like(header) else (
                    subject_of(sentence[:end_of_clause(sentence, 0)]) or draft.unit
                    or load_data("indicators.yaml")["fallback"])
            facts.append(Fact(
                id=fact_id, indicator=draft.indicator, value=plain(draft.value), unit=draft.unit, kind=draft.kind,
                source=Source(line=line.line_at(quote_at), quote=quote, paragraph=paragraph.anchor),
                qualifier=draft.num.qualifier, base_value=base_value, base_unit=base_unit,
                growth_pct=plain(draft.growth_pct) if draft.growth_pct is not None else None,
                growth_basis=draft.growth_basis if draft.growth_pct is not None else None,
                period=draft.period or (carried if index == 0 else None), section=paragraph.section,
                part_of=ids.get(id(draft.parent)) if draft.parent is not None else None,
            ))
    return facts


def facts_of_sentence(sentence: str, plan: Optional[bool]) -> list[Draft]:
    """Return the drafts of every fact written in one sentence (offsets relative to the sentence); ``plan`` as
    periods.kind_of takes it."""
    nums = scan_numbers(sentence)
    mark_growth(sentence, nums)
    live = [n for n in nums if not n.skip]
    drafts: list[Draft] = []
    previous: Optional[Num] = None
    for num in live:
        if not num.growth:
            drafts.extend(_level_drafts(sentence, num, previous, drafts))
        previous = num
    add_starting_levels(sentence, nums, drafts)
    place_growths(sentence, live, drafts)
    ranks = rank_drafts(sentence, drafts)
    places = {d.num.start for d in ranks}
    drafts[:] = [d for d in drafts if d.num.start not in places] + ranks  # 排名全国78位: a place, no count of 位
    drafts.sort(key=lambda d: d.num.start)
    distribute_lists(sentence, drafts)
    name_unowned_shares(drafts)
    join_rates_to_levels_after(sentence, drafts)
    name_listed_changes(sentence, drafts)
    name_progress_frames(sentence, drafts)
    name_excesses(sentence, drafts)
    name_doublings(sentence, drafts)
    name_multiples(sentence, drafts)
    name_repeated_runs(sentence, drafts)
    name_bare_by_earlier(sentence, drafts)
    name_period_series(sentence, drafts)
    name_by_sentence_context(sentence, drafts)
    name_time_taken(sentence, drafts)
    name_streaks(sentence, drafts)
    split_shared_names(drafts)
    split_each_of_listed(sentence, drafts)
    share_glued_counts(sentence, drafts)
    share_list_verb(sentence, drafts)
    share_list_measure(sentence, drafts)
    share_final_head(sentence, drafts)
    for draft in drafts:
        _finish(sentence, draft, plan)
    mark_bracketed_bases(sentence, drafts)
    link_parts(sentence, drafts)
    return drafts


def _level_drafts(sentence: str, num: Num, previous: Optional[Num], earlier: list[Draft]) -> list[Draft]:
    """Return the drafts for a level value (one per item for 各/分别 lists)."""
    clause_start = start_of_clause(sentence, num.start)
    group = unit_group(num.unit)
    counted = num.unit is None or group in COUNT_GROUPS
    seg_start, left_raw, each = _left_words(sentence, num, previous, earlier, clause_start, counted)
    noun_at = _noun_start(sentence, num) if counted else num.end
    right_raw = right_noun(sentence, noun_at) if counted else ""
    right = clean_indicator(right_raw)
    left = clean_indicator(drop_examples(left_raw, names_only=bool(right) and not each, count=num.value))
    if right and not each and opens_its_clause(left, sentence[clause_start:num.start]):
        left, right = "", subject_count(sentence, num.end) or right
    elif right and group == "count":
        sibling = before_sibling_item(left_raw)
        left = left if sibling is None else sibling
        left_raw = "" if sibling == "" else left_raw  # 18个市场和安置区、15个写字楼: 安置区 is the 18's, the verb both's
        owned = _count_of_possessive(sentence, num, right_raw)
        if owned and possessive() in left_raw and left_raw.endswith(tuple(list_joiners("item_joiners"))):
            left = ""  # 13个乡镇的控制性详规和38个村的…: the words before 38 are the item before's
        right = owned or right
    elif group == "money":
        right = _noun_after_amount(sentence, num, left_raw)
        left = "" if right else left
    share = load_data("modality.yaml")
    copula = next((c for c in share["share_copulas"] if left.startswith(c)), "")
    if copula and earlier and num.unit == "%" and sentence.startswith(possessive(), num.start - 1):
        left = share["share_verbs"][0] + left[len(copula):]  # 为年初预算的97.11%: a share, 占年初预算
    if left.startswith(tuple(share["share_verbs"])) and earlier and num.unit == "%":
        word = next((w for w in share["share_suffixes"] if w.startswith(left) and w in sentence[clause_start:num.start]), "")
        left = earlier[-1].indicator + (word or left + share["share_noun"])  # 占全区45.1%; 占比74.4%: 占比 is one word
    if counted and not each:
        left, right = _with_possessive_tail(sentence, num, left, right, noun_at + len(right_raw))
    if _lone_verb(left) and not right and sentence.startswith(possessive(), num.end):
        right = clean_indicator(right_noun(sentence, num.end + 1))  # 5.38万人的搬迁 → 搬迁, 解决了8.4万人的X问题 → 解决X问题
    if not left and earlier and earlier[-1].num.end == seg_start and left_raw.strip() in ("", *list_joiners("item_joiners")):
        left = earlier[-1].extra.get("left", "")  # 解决了13个村2.3万人的…: one verb for both figures
        left = "" if right and left in load_data("indicators.yaml")["attribute_words"] else left  # 投资X亿元Y公里的Z
    indicator = (left + right) or fallback_name(sentence, clause_start, num)
    indicator = _rate_of_what_follows(sentence, num, indicator)
    indicator = _owned_attribute(sentence, num, indicator, clause_start) if not right else indicator
    indicator = named_after_previous(indicator, earlier)
    indicator = _sibling_measure(sentence, num, indicator, earlier, seg_start)
    indicator = _topic_from_clause_before(sentence, clause_start, indicator, earlier, num.unit)
    quote_end = end_of_clause(sentence, num.end)
    tidy = not indicator.endswith(load_data("indicators.yaml")["running_total_word"])  # tidy would cut 累计
    base = Draft(num, indicator, clause_start, quote_end, extra={"left": left, "right_raw": right_raw, "tidy": tidy})
    items = list_items(left_raw) if each else []
    if len(items) > 1:
        return [replace(base, indicator=clean_indicator(item) + right, extra={"left": item}) for item in items]
    return one_rate_each(base, left_raw, lambda rate: _topic_from_clause_before(sentence, clause_start, rate, earlier, num.unit))


def _left_words(sentence: str, num: Num, previous: Optional[Num], earlier: list[Draft], clause_start: int,
                counted: bool) -> tuple[int, str, bool]:
    """Return where the words naming a figure from before it start, those words, and whether they end in 各."""
    seg_start = previous.end if previous is not None and previous.end > clause_start else clause_start
    left_raw = NOTE_MARK.sub("", sentence[seg_start:num.start])  # 3座桥梁[1]、5个广场: 建成 is the 5's too
    if seg_start == clause_start:  # 2、新建和改建县城污水管道: an item's number opens no list
        left_raw = re.sub(f"^(?:{data_pattern('level_3')})", "", left_raw)
    if previous is not None and seg_start == previous.end:  # 改造11867户、老旧小区改造793户: the 、 ends the fact before; 投资1亿元的A、2亿元的B: the verb is B's too
        owned = earlier and sentence.startswith(possessive(), num.end) and re.fullmatch(f"{possessive()}[^、，；]+、", left_raw)
        left_raw = earlier[-1].extra.get("left", "") if owned else left_raw[1:] if left_raw[:1] in "、，" else left_raw
    owned = right_noun(sentence, num.end) or sentence.startswith(possessive(), num.end)
    glued = ("",) if counted and owned else ()  # 6个乡镇41个村, 13个村2.3万人的: 乡镇, 村 are the 6's, the 13's
    left_raw = _after_earlier_noun(left_raw, earlier, seg_start, glued)
    if num.qualifier and left_raw.endswith(tuple(word_list("qualifiers_before"))):
        left_raw = left_raw[:len(left_raw) - len(qualifier_before(sentence, num.start) or "")]
    left_raw = before_from_value(re.sub(r"（[^（）]{1,6}）|\([^()]{1,6}\)", "", left_raw))  # 新（改、扩）建: no list
    each = left_raw.endswith(list_marker("each"))
    return seg_start, left_raw[:-1] if each else left_raw, each


def _noun_start(sentence: str, num: Num) -> int:
    """Return where the noun a count counts starts: after its unit, or after a size glued to it
    (73条110公里水毁农村公路, 3所1.2万平方米的学校)."""
    glued = after_glued_value(sentence, num.end)
    if right_noun(sentence, num.end) or glued == num.end:
        return num.end
    return glued + sentence.startswith(possessive(), glued)


def _lone_verb(words: str) -> bool:
    """Return True when ``words`` are nothing or one verb alone (解决), not an attribute (占地X亩的Y is Y's)."""
    tags = word_tags(words)
    attribute = words in load_data("indicators.yaml")["attribute_words"]
    return not words or len(tags) == 1 and tags[0].flag == "v" and not attribute


def _with_possessive_tail(sentence: str, num: Num, left: str, right: str, noun_end: int) -> tuple[str, str]:
    """Return left and right words with the head of a list closed by 的 (A和B的修复重建: A's too, but not
    A规划和B的村庄规划; A八百亩、B的收储清零; 占地75亩、…的X: X's 占地)."""
    if right:
        tail = possessive_tail(sentence, noun_end, "和及")
        return left, right + (tail if not right.endswith(tail[-2:]) else "")
    tail = possessive_tail(sentence, num.end) if left else ""
    attribute = next((w for w in load_data("indicators.yaml")["attribute_words"] if left.endswith(w)), "")
    return (tail + attribute if tail and attribute else left + tail), right


def _after_earlier_noun(left_raw: str, earlier: list[Draft], seg_start: int, glued: tuple) -> str:
    """Return the words before a figure without the noun of the count just before it (4个专班、96名干部:
    专班 is the 4's; 12家企业及全市3个科研院所: 企业 is the 12's)."""
    noun = earlier[-1].extra.get("right_raw") if earlier and earlier[-1].num.end == seg_start else ""
    if not noun or not left_raw.startswith(noun):
        return left_raw
    rest = left_raw[len(noun):]
    joiners = tuple(list_joiners("item_joiners"))
    if rest in (*glued, *joiners):
        return rest
    joiner = next((j for j in joiners if rest.startswith(j)), None)
    return rest[len(joiner):] if joiner and glued else left_raw  # 58项问题、市委…反馈25项问题: the next item


def _count_of_possessive(sentence: str, num: Num, right_raw: str) -> str:
    """Return the name of a count whose noun is followed by 的 and what was done for it (完成80个村的文化站建设 →
    村文化站建设; 13个乡镇的控制性详规和38个村的… → 乡镇控制性详规), '' if a figure comes before what was done ends."""
    at = num.end + len(right_raw)
    done = right_noun(sentence, at + 1) if sentence.startswith(possessive(), at) else ""
    rest = sentence[at + 1 + len(done):end_of_clause(sentence, num.end)]
    parallel = re.match(f"(?:{list_joiner_regex('item_joiners')})\\d", rest)  # …的控制性详规和38个村的…: a twin count
    if not done or re.search(r"\d", sentence[num.end:at + 1 + len(done)]) or re.search(r"\d", rest) and not parallel:
        return ""
    return clean_indicator(right_raw + done)


@functools.cache
def _named_sums() -> tuple[str, ...]:
    """Return the nouns that name a sum itself (资金, 经费, 任务): after a verb they make a noun, not work paid for."""
    return tuple(load_data("indicators.yaml")["money_words"] + load_data("modality.yaml")["target_nouns"])


def _noun_after_amount(sentence: str, num: Num, left_raw: str) -> str:
    """Return the noun an amount is of when it stands right after it, 的 or not (已下达12.87亿元国债资金的… →
    下达国债资金, 设立200万元的扶贫济困资金 → 设立扶贫济困资金), with the verb before the amount; '' when no noun follows."""
    tail = sentence[num.end:end_of_clause(sentence, num.end)]
    match = re.match(rf"({possessive()})?([\u4e00-\u9fff]{{2,8}})(?=[的、，；。和及与]|$)", tail)
    attributes = tuple(load_data("indicators.yaml")["attribute_words"])
    spent_on = opening_verb(match.group(2)) and not match.group(2).endswith(_named_sums()) if match else ""
    if not match or (match.group(1) or spent_on) and clean_indicator(left_raw).endswith(attributes):
        return ""  # 投资6亿元的X, 投资1300万元建设X (not 建设资金): X's investment (_owned_attribute)
    if match.group(2) in load_data("indicators.yaml")["milestone_nouns"]:
        return ""  # 迈上500亿元台阶: a milestone, the name stands before it
    tags = word_tags(match.group(2))
    flags = load_data("indicators.yaml")["amount_noun_flags"]
    if not any(t.flag in flags["noun"] for t in tags) or not all(t.flag in flags["noun"] + flags["inside"] for t in tags):
        return ""
    verbs = [t.word for t in word_tags(left_raw) if t.flag == "v" and len(t.word) >= 2]
    return clean_indicator((verbs[-1] if verbs else "") + match.group(2))


def _sibling_measure(sentence: str, num: Num, indicator: str, earlier: list[Draft], seg_start: int) -> str:
    """Return a list item that only names a sibling measure of the item before it with that item's subject
    (生猪存栏41.98万头、出栏56.7万头 → 生猪出栏; 存栏/出栏 share their head character), else ``indicator``."""
    if not earlier or earlier[-1].num.end != seg_start or not 2 <= len(indicator) <= 3:
        return indicator
    before, size = earlier[-1].indicator, len(indicator)
    joined = sentence[seg_start:num.start].startswith(list_joiners("item_joiners"))
    sibling = before[-size:]
    last_word = word_tags(before)[-1].word if before else ""
    head = word_tags(before[:-size])[-1].word if len(before) > size else ""  # 生猪 of 生猪存栏; not 青 of 青花椒
    if joined and len(head) >= 2 and last_word == sibling != indicator and sibling[-1] == indicator[-1]:
        return before[:-size] + indicator
    words = [t.word for t in word_tags(before)]
    twin = next((w for w in words[:-1] if len(w) == size and w[-1] == indicator[-1] and w != indicator), None)
    if joined and twin and words.count(twin) == 1:  # 培训县级骨干教师500名、市级60名 → 培训市级骨干教师
        return before.replace(twin, indicator, 1)
    return indicator


def _rate_of_what_follows(sentence: str, num: Num, indicator: str) -> str:
    """Return the rate a percentage written before its verb measures (普惠性幼儿园100%覆盖 → 普惠性幼儿园覆盖率)."""
    tail = sentence[num.end:end_of_clause(sentence, num.end)]
    rate = load_data("indicators.yaml")["rate_endings"][0]
    words = re.sub(r"[“”\"]", "", tail)
    share = sentence[num.start - 1:num.start] == possessive()  # 新增贷款的70%用于…: a share, not a rate
    if num.unit != "%" or share or not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", words) or not has_governing_verb(words, opening=2):
        return indicator
    return indicator + words + ("" if words.endswith(rate) else rate)


def _topic_from_clause_before(sentence: str, clause_start: int, indicator: str, earlier: list[Draft],
                              unit: Optional[str]) -> str:
    """Return a short rate or lone verb opening its clause named after the clause before it (see topic_of_rate);
    a verb only after a fact of the same unit (新开工项目33个，竣工22个: parallel clauses)."""
    if clause_start < 2 or len(indicator) > 4 or (earlier and earlier[-1].num.start >= clause_start):
        return indicator
    before_start = start_of_clause(sentence, clause_start - 1)
    before = sentence[before_start:clause_start - 1]  # with a figure it states no state (苏陕帮扶2.1亿元，建行援助…)
    if restated := restated_name(indicator, before, earlier):
        return restated
    topic = "" if re.search(r"\d", before) else topic_of_state(before)
    if topic and indicator and not indicator.startswith(topic):  # 空气质量持续改善，优良天数达到236天
        return topic + indicator
    if len(indicator) > 4:
        return indicator
    if not indicator or indicator == unit:  # 达30263元, 是2006年的2.2倍: the clause names nothing of its own
        subject, running = subject_of(before), load_data("indicators.yaml")["running_total_word"]  # 累计完成545亿元: X累计
        return subject + running * sentence.startswith(running, clause_start) if subject else indicator
    rates = tuple(load_data("indicators.yaml")["rate_endings"])
    if indicator.endswith(rates) and (listed := items_said_with_one_verb(earlier, sentence.rfind("；", 0, clause_start))):
        return listed + indicator  # 办理人大代表建议81件、政协提案79件，办复率100%: the rate of every item
    last = earlier[-1] if earlier and earlier[-1].num.start >= before_start and earlier[-1].kind != "rank" else None
    if last is not None and last.num.unit != unit and unit_group(unit) == "count" and not indicator.endswith(rates):
        # 签约项目43个，总投资…，已落地25个: the count before the money
        last = next((d for d in reversed(earlier) if d.num.unit == unit and d.kind != "rank"), last)
    opening = re.match(rf"{list_marker('of_which')}[，,：:]?", sentence[clause_start:clause_start + 4])
    if opening and sentence.startswith(indicator, clause_start + opening.end()) \
            and indicator in load_data("lists.yaml")["changes_among_parts"]:
        return indicator  # 低保836户，其中新增19户: a change among the total's things, named after it by link_parts
    parallel = last is not None and last.growth_pct is None and (last.num.unit == unit or indicator.endswith(rates))
    return topic_of_rate(indicator, before, last.indicator if parallel else "")


def _owned_attribute(sentence: str, num: Num, indicator: str, clause_start: int) -> str:
    """Return X+attribute for an attribute figure whose owner the clause names (投资6亿元的X, 投资1.2亿元建成X,
    实施X，投资2.29亿元), else ``indicator``."""
    names = load_data("indicators.yaml")
    attribute = next((w for w in names["attribute_words"] if indicator.endswith(w)), None)
    if not attribute:
        return indicator
    bare = bare_core(tidy_name(indicator), names) in names["bare_names"]
    owner = (project_with_capacity(sentence, num.end) if bare else "") \
        or clean_indicator(attribute_owner(sentence, num.start, num.end, clause_start, bare))  # 年产2500台…项目
    verb = next((v for v in names["done_attribute_verbs"] if indicator.endswith(v + attribute)), "")
    verb = "" if sentence.startswith(possessive(), num.end) else verb  # 完成投资7.62亿元的X建设: X's size
    if owner in names["bare_names"] and indicator != attribute:  # 对新谋划总投资X的48个项目 → 新谋划项目总投资
        modifier = re.sub("^(?:" + "|".join(names["leading_prepositions"]) + ")", "", indicator[:-len(attribute)])
        return modifier + owner + attribute if len(modifier) >= 2 and not bare else indicator
    return owner + verb + attribute if owner and owner not in names["bare_names"] else indicator


def _finish(sentence: str, draft: Draft, plan: Optional[bool]) -> None:
    """Fill in value, unit, period and kind of a draft."""
    draft.value = draft.num.value
    draft.unit = draft.num.unit
    draft.period = draft.extra.get("period") or period_before(sentence, draft.num.start)
    months = sentence.rfind(draft.period, max(0, draft.num.start - 300), draft.num.start) \
        if draft.period and re.match(r"\d{1,2}[-—–~至]\d{1,2}月", draft.period) else -1  # a statement's reach
    year = re.search(r"((?:19|20)\d\d年)[^\d，,。；;]{1,6}$", sentence[max(0, months - 11):months]) if months > 0 else None
    draft.period = year.group(1) + draft.period if year else draft.period  # 2018年我街道1-12月份: that year's months
    draft.indicator = tidy_name(draft.indicator) if draft.extra.get("tidy", True) else draft.indicator
    draft.indicator = with_verbs_inside(sentence, draft.indicator, start_of_clause(sentence, draft.num.start), draft.num.start)
    names = load_data("indicators.yaml")
    money = names["yuan_dropped"]
    if draft.unit in money and any(w in draft.indicator for w in names["money_words"]):
        draft.unit = money[draft.unit]  # 财政一般预算收入任务174万: 万元 with 元 dropped, as 398.44亿 is 亿元
    kind = kind_of(sentence, draft.num, draft.indicator, plan)
    if draft.kind != "rank" or kind in ("target", "estimate"):  # modality wins over type
        draft.kind = kind
