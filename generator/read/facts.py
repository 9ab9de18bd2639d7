"""The facts of a paragraph: each sentence's numbers turned into Facts with indicator, kind and period."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import CleanText, Fact, Line, Paragraph, Section, Source
from generator.read.drafts import Draft, change_of_previous
from generator.read.growth import mark_growth, place_growth
from generator.read.indicators import clean_indicator, drop_examples, right_noun
from generator.read.lexicon import (cue_regex, data_pattern, list_joiners, list_marker, magnitudes, unit_table,
                                    word_list)
from generator.read.lists import distribute_lists, list_items, rank_drafts
from generator.read.normalize import is_title_like
from generator.read.numbers import Num, base_of, plain, qualifier_before, scan_numbers
from generator.read.periods import carries_targets, kind_of, period_before, plan_sentences
from generator.read.sentences import end_of_clause, sentence_spans, start_of_clause

COUNT_GROUPS = ("count", "people", "time", "area", "volume", "mass")


def report_facts(clean: CleanText, sections: list[Section], paragraphs: list[Paragraph], prefix: str) -> list[Fact]:
    """Return the facts of every body paragraph (not headings, not the glossary), their ids ``prefix-0001`` …"""
    plan_ids = {s.id for s in sections if s.is_plan}
    glossary = re.compile(load_data("not_facts.yaml")["glossary_start"])
    facts: list[Fact] = []
    in_glossary = in_appendix = False
    previous = ""
    carried = False  # the paragraph before ended with a lead-in of expected targets (主要预期目标是：)
    for index, (line, paragraph) in enumerate(zip(clean.paragraphs, paragraphs)):
        in_glossary = in_glossary or paragraph.text.startswith(load_data("headings.yaml")["glossary"])
        in_appendix = in_appendix or bool(re.match(data_pattern("appendix"), paragraph.text))
        if paragraph.is_heading or in_glossary or glossary.match(paragraph.text):
            carried = False
            continue
        plan = paragraph.section in plan_ids or carried
        found = _paragraph_facts(line, paragraph, plan, prefix, len(facts), previous)
        facts.extend(_named_by_row(found, paragraphs, index) if in_appendix else found)
        previous = paragraph.text
        carried = carries_targets(paragraph.text, carried)
    return facts


def _paragraph_facts(line: Line, paragraph: Paragraph, plan: bool, prefix: str, count: int,
                     header: str = "") -> list[Fact]:
    """Return the facts of one paragraph, numbered after ``count`` facts already read; ``header`` names
    a value standing alone in a table cell (总投资 / 5亿元)."""
    facts: list[Fact] = []
    ids: dict[int, str] = {}
    spans = sentence_spans(line.text)
    for (start, end), sentence_plan in zip(spans, plan_sentences(line.text, spans, plan)):
        sentence = line.text[start:end]
        for draft in facts_of_sentence(sentence, sentence_plan):
            fact_id = f"{prefix}-{count + len(facts) + 1:04d}"
            ids[id(draft)] = fact_id
            quote = sentence[draft.quote_start:draft.quote_end].strip()
            quote_at = start + draft.quote_start + (len(sentence[draft.quote_start:draft.quote_end]) - len(sentence[draft.quote_start:draft.quote_end].lstrip()))
            base_value, base_unit = base_of(draft.value, draft.unit)
            if not draft.indicator:
                draft.indicator = clean_indicator(header) if header and is_title_like(header) else (draft.unit or load_data("indicators.yaml")["fallback"])
            facts.append(Fact(
                id=fact_id, indicator=draft.indicator, value=plain(draft.value), unit=draft.unit, kind=draft.kind,
                source=Source(line=line.line_at(quote_at), quote=quote, paragraph=paragraph.anchor),
                qualifier=draft.num.qualifier, base_value=base_value, base_unit=base_unit,
                growth_pct=plain(draft.growth_pct) if draft.growth_pct is not None else None,
                growth_basis=draft.growth_basis if draft.growth_pct is not None else None,
                period=draft.period, section=paragraph.section,
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
    levels: list[Draft] = []
    previous: Optional[Num] = None
    for num in live:
        if num.growth:
            previous = num
            continue
        drafts.extend(_level_drafts(sentence, num, previous, levels))
        levels = [d for d in drafts]
        previous = num
    for num in live:
        if num.growth:
            place_growth(sentence, num, live, drafts)
    drafts.extend(rank_drafts(sentence, drafts))
    drafts.sort(key=lambda d: d.num.start)
    distribute_lists(sentence, drafts)
    for draft in drafts:
        _finish(sentence, draft, plan)
    _link_parts(sentence, drafts)
    return drafts


def _level_drafts(sentence: str, num: Num, previous: Optional[Num], earlier: list[Draft]) -> list[Draft]:
    """Return the drafts for a level value (one per item for 各/分别 lists)."""
    clause_start = start_of_clause(sentence, num.start)
    seg_start = clause_start
    if previous is not None and previous.end > clause_start:
        seg_start = previous.end
    left_raw = sentence[seg_start:num.start]
    if previous is not None and seg_start == previous.end and left_raw[:1] in ("、", "，"):
        left_raw = left_raw[1:]  # 改造11867户、老旧小区改造793户: the 、 ends the fact before
    if earlier and earlier[-1].num.end == seg_start and earlier[-1].extra.get("right_raw") \
            and left_raw[len(earlier[-1].extra["right_raw"]):] in list_joiners("item_joiners") \
            and left_raw.startswith(earlier[-1].extra["right_raw"]):
        left_raw = left_raw[len(earlier[-1].extra["right_raw"]):]  # 4个专班、96名干部: 专班 belongs to 4个
    if num.qualifier and left_raw.endswith(tuple(word_list("qualifiers_before"))):
        left_raw = left_raw[:len(left_raw) - len(qualifier_before(sentence, num.start) or "")]
    left_raw = _before_from_value(left_raw)
    each = left_raw.endswith(list_marker("each"))
    left_raw = left_raw[:-1] if each else left_raw
    group = unit_table().get(num.unit or "", (None, None, "count"))[2]
    counted = num.unit is None or group in COUNT_GROUPS
    right_raw = right_noun(sentence, num.end) if counted else ""
    right = clean_indicator(right_raw)
    left = clean_indicator(drop_examples(left_raw, names_only=bool(right) and not each))
    share = load_data("modality.yaml")
    if left.startswith(tuple(share["share_verbs"])) and earlier and num.unit == "%":
        left = earlier[-1].indicator + left + share["share_noun"]  # 占全区45.1%: the share of the fact before
    if not left and earlier and earlier[-1].num.end == seg_start and left_raw.strip() in ("", *list_joiners("item_joiners")):
        left = earlier[-1].extra.get("left", "")
    if not left and not right and sentence.startswith(_possessive(), num.end):
        right = clean_indicator(right_noun(sentence, num.end + 1))  # 5.38万人的搬迁 → 搬迁
    indicator = (left + right) or _fallback_indicator(sentence, clause_start, num)
    indicator = _attribute_of_what_follows(sentence, num, indicator) if not right else indicator
    indicator = change_of_previous(indicator, earlier)
    quote_end = end_of_clause(sentence, num.end)
    base = Draft(num, indicator, clause_start, quote_end, extra={"left": left, "right_raw": right_raw})
    items = list_items(left_raw) if each else []
    if len(items) > 1:
        return [replace(base, indicator=clean_indicator(item) + right, extra={"left": item}) for item in items]
    return [base]


def _possessive() -> str:
    """Return the possessive that links a number to the noun it counts (5.38万人的搬迁)."""
    return load_data("indicators.yaml")["possessive"]


def _attribute_of_what_follows(sentence: str, num: Num, indicator: str) -> str:
    """Return X+attribute for 投资6亿元的X / 占地5000亩的X (肝素钠生物科技园建设总投资), else ``indicator``."""
    attribute = next((w for w in load_data("indicators.yaml")["attribute_words"] if indicator.endswith(w)), None)
    if not attribute or not sentence.startswith(_possessive(), num.end):
        return indicator
    noun = clean_indicator(right_noun(sentence, num.end + 1))
    return noun + attribute if noun else indicator


def _before_from_value(left: str) -> str:
    """Return the words before 由/从 when they open a change from one value to another
    (地区生产总值由29.1亿元增长到 → 地区生产总值)."""
    data = load_data("not_facts.yaml")
    words, markers = "|".join(data["from_value_after"]), "|".join(data["from_value_before"])
    match = re.search(rf"(?:{markers})[^，；。]*?\d[^，；。]*?(?:{words})$", left)
    return left[:match.start()] if match and match.start() > 0 else left


def _fallback_indicator(sentence: str, clause_start: int, num: Num) -> str:
    """Return an indicator cut from the clause when no words stand before or after the number."""
    clause = sentence[clause_start:end_of_clause(sentence, num.end)]
    return clean_indicator(re.sub(rf"\d+(?:\.\d+)?[{''.join(magnitudes())}]?[\u4e00-\u9fff%]?", "", clause))[:16]


def _finish(sentence: str, draft: Draft, plan: Optional[bool]) -> None:
    """Fill in value, unit, period and kind of a draft."""
    draft.value = draft.num.value
    draft.unit = draft.num.unit
    draft.period = period_before(sentence, draft.num.start)
    if draft.kind != "rank":
        draft.kind = kind_of(sentence, draft.num, draft.indicator, plan)
    elif cue_regex("target").search(sentence[:draft.num.start]):
        draft.kind = "target"


def _link_parts(sentence: str, drafts: list[Draft]) -> None:
    """Link the parts listed after 其中 to the total written before it (same unit)."""
    at = sentence.find(list_marker("of_which"))
    if at < 0:
        return
    totals = [d for d in drafts if d.num.end <= at]
    for draft in drafts:
        if draft.num.start > at:
            parent = next((t for t in reversed(totals) if t.unit == draft.unit), None)
            draft.parent = parent


def _named_by_row(facts: list[Fact], paragraphs: list[Paragraph], index: int) -> list[Fact]:
    """Return appendix facts whose indicator is a bare attribute (占地, 总投资) named by their row or item
    (国家药用植物园项目占地)."""
    attributes = load_data("indicators.yaml")["attribute_words"]
    row = _row_name(paragraphs, index)
    return [replace(f, indicator=row + f.indicator) if row and f.indicator in attributes else f for f in facts]


def _row_name(paragraphs: list[Paragraph], index: int) -> str:
    """Return the name of the table row or appendix item paragraph ``index`` belongs to: the nearest title
    line before it that is not a column header, a number or a date, '' if none is near."""
    attributes = load_data("indicators.yaml")["attribute_words"]
    for j in range(index - 1, max(-1, index - 5), -1):
        text = re.sub("^" + data_pattern("level_1"), "", paragraphs[j].text)
        if is_title_like(text) and len(text) >= 4 and text not in attributes and not re.search(r"\d", text):
            return text
    return ""
