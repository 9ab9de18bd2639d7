"""A verb, measure or head said once for a list, given to each item (新建市场5个、停车场10个 → 新建停车场;
3个省重点、5个市重点项目 → 省重点项目)."""
from __future__ import annotations

import itertools
import re

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.indicators import measure_endings, opening_verb, tidy_name, without_manner_opening
from generator.read.lexicon import NOTE_MARK, list_joiners, unit_group, unit_table, word_list
from generator.read.segment import word_tags

def share_list_verb(sentence: str, drafts: list[Draft]) -> None:
    """Give list items after the first the verb that opens it (新建便民市场5个、停车场10个 → 新建停车场), when they
    name things counted alike and no verb of their own; a verb of mere progress or an empty one is not shared
    alone. Things measured alike (种植玉米2618亩，红苕850亩) share it when each item is a noun alone."""
    data = load_data("indicators.yaml")
    empty = (*data["progress_verbs"], *data["strip_leading"])
    for prev, cur in itertools.pairwise(drafts):
        between = NOTE_MARK.sub("", sentence[prev.num.end:cur.num.start])  # 13所学校〔24〕、3所…: a footnote splits no list
        between = re.sub(r"[“”\"‘’]", "", between)  # 、“专精特新”培育企业302家: quotes are no part of the name
        own_words = between.replace(cur.indicator, "", 1)  # 、超5亿元企业2家: a threshold's digits are the item's own
        listed = between.startswith("、") and not re.search(r"[，；。\d]", own_words) and cur.indicator in between
        after_comma = between == "，" + cur.indicator
        counted = (listed or after_comma and _kind_of_the_same(prev, cur)) and counted_alike(prev, cur)
        measured = (listed and _noun_item(cur) or after_comma and _same_measure(prev, cur) and not counted_alike(prev, cur)
                    and _noun_item(cur, tagged_nouns=True)) and _measured_alike(prev, cur)  # counts after a comma: as above
        named = without_manner_opening(prev.indicator)
        verb = _verb_run(named, empty) if counted or measured else ""
        verb = "" if verb == named else verb  # 批发21家、零售2家、住宿1家: a kind named by a verb (零售) has no object to share
        head = named[len(verb):]  # 签约项目3个、在谈项目2个: kinds of one bare thing
        kind = head in data["bare_names"] and cur.indicator.endswith(head) and len(cur.indicator) > len(head)
        if verb and not kind and cur.indicator in between and not opening_verb(cur.indicator) and not cur.indicator.startswith(verb):
            cur.indicator = verb + cur.indicator


def _verb_run(name: str, empty: tuple[str, ...]) -> str:
    """Return the verb opening a name, with the verb after it when the first is empty (发展种植青花椒 → 发展种植;
    新建便民市场 → 新建), '' if none."""
    verb = opening_verb(name)
    if verb.startswith(empty):
        after = next(iter(word_tags(name[len(verb):len(verb) + 6])), None)
        if after is not None and after.flag.startswith("v") and len(after.word) >= 2:
            return verb + after.word
        return verb if verb not in empty else ""
    return verb


def _kind_of_the_same(first: Draft, second: Draft) -> bool:
    """Return True when a count after a comma names another kind of the thing counted before it, in its unit and by a
    noun phrase alone, after a verb adding to a stock (新增规上工业企业9家，批零企业3家); not another act (新建停车场8个，
    施划停车位1200个), nor a stage its verb would contradict (签订项目3个，意向项目12个)."""
    heads = [word_tags(d.indicator)[-1:] for d in (first, second)]
    same = all(heads) and heads[0][0].word == heads[1][0].word and heads[1][0].flag.startswith("n") \
        or _noun_item(second)  # 新增规上企业9家，规上建筑业1家，大个体2家: kinds named by a short noun alone
    verb = opening_verb(without_manner_opening(first.indicator))
    return same and first.num.unit == second.num.unit and len(second.indicator) <= 8 and not opening_verb(second.indicator) \
        and verb in load_data("indicators.yaml")["verbs_said_across_commas"]


def _same_measure(first: Draft, second: Draft) -> bool:
    """Return True when two figures are in one measure, whatever their magnitude (亩 and 万亩, 头 and 头)."""
    bases = [unit_table().get(d.num.unit or "", (None,))[0] or (d.num.unit or "").lstrip("万") for d in (first, second)]
    return bases[0] == bases[1] != ""


def _noun_item(draft: Draft, tagged_nouns: bool = False) -> bool:
    """Return True when a draft is named by a short noun alone (红苕, 肉牛), no verb nor measure of its own; listed
    with 、, whatever the segmenter tags its words (川凤大米, 青脆李), else only words tagged nouns (a clause after
    a comma may be another act: 退耕26745亩，三荒造林43810亩)."""
    tags = word_tags(draft.indicator)
    nouns = all(t.flag.startswith("n") for t in tags) if tagged_nouns else not any(t.flag.startswith("v") for t in tags)
    return 0 < len(draft.indicator) <= 6 and nouns and not draft.indicator.endswith(measure_endings())


def share_list_measure(sentence: str, drafts: list[Draft]) -> None:
    """Give a bare thing listed after an item named thing + measure that measure (生猪存栏5.2万头、牛1180头 → 牛存栏;
    粮食产量30万吨、油料3万吨 → 油料产量; 蔬菜面积发展到33万亩、林果达到3.5万亩 → 林果面积): the measure is said once
    for the whole list."""
    measures = word_list("listed_measures", "indicators.yaml")
    for first, cur in itertools.pairwise(drafts):
        between = sentence[first.num.end:cur.num.start]
        name = tidy_name(first.indicator)  # 小麦面积稳定在6万亩: 稳定 is no part of the name
        measure = next((m for m in measures if name.endswith(m) and len(name) > len(m)), "")
        verb = between[1 + len(cur.indicator):] if between[1:].startswith(cur.indicator) else None  # 、林果达到3.5万亩
        said = verb == "" or verb in load_data("indicators.yaml")["list_level_verbs"] and _same_measure(first, cur)
        if measure and between.startswith("、") and said and len(cur.indicator) <= 2 and not cur.indicator.endswith(measure):
            cur.indicator += measure


def counted_alike(first: Draft, second: Draft) -> bool:
    """Return True when two figures count things (家, 个, 座 …) rather than money or shares."""
    things = load_data("not_facts.yaml")["group_count_units"]
    return first.num.unit in things and second.num.unit in things


def _measured_alike(first: Draft, second: Draft) -> bool:
    """Return True when two figures measure things alike (亩 and 亩, 头 and 只, 万元 and 亿元), not shares."""
    groups = [unit_table().get(d.num.unit or "", (None, None, ""))[2] for d in (first, second)]
    return groups[0] == groups[1] and groups[0] in load_data("indicators.yaml")["listed_alike_groups"]


def share_final_head(sentence: str, drafts: list[Draft]) -> None:
    """Give counts listed before the last, each named by a modifier alone (5个省重大、30个苏州重点和100个市级重点
    项目全部开工), the head the last one names (省重大项目, 苏州重点项目) and what is said of it (开工)."""
    run: list[Draft] = []
    for draft in drafts:
        if run and _listed_after(sentence, run[-1], draft):
            run.append(draft)
            continue
        _complete_heads(run)
        run = [draft] if unit_group(draft.num.unit) == "count" and draft.extra.get("right_raw") else []
    _complete_heads(run)


def _listed_after(sentence: str, first: Draft, second: Draft) -> bool:
    """Return True when ``second`` counts the next item of a list opened by ``first`` (3个A、5个B, 3个A和5个B)."""
    between, item = sentence[first.num.end:second.num.start], first.extra["right_raw"]  # a run holds only such counts
    return second.num.unit == first.num.unit and bool(second.extra.get("right_raw")) \
        and between.startswith(item) and between[len(item):] in list_joiners("item_joiners")


def _complete_heads(run: list[Draft]) -> None:
    """Complete the modifier-only items of a run of listed counts with the last item's head (see share_final_head)."""
    if len(run) < 2:
        return
    raw, named = run[-1].extra["right_raw"], run[-1].indicator
    last = next((raw[:k] for k in range(len(raw), 1, -1) if raw[:k] in named), "")  # 市级重点项目全部开工 → 市级重点项目
    if not last:
        return
    said = named.replace(last, "", 1)  # 开工 of 开工市级重点项目: what is said of every item
    modifiers = tuple(load_data("lists.yaml")["head_modifiers"])
    last_word = word_tags(last)[-1].word
    for draft in run[:-1]:
        item, name = draft.extra["right_raw"], draft.indicator
        tokens = word_tags(item)
        overlap = next((k for k in range(min(len(name), len(item)), 0, -1) if name.endswith(item[:k])), 0)
        if not tokens or not (tokens[-1].flag in ("a", "b") or item.endswith(modifiers)) or not overlap:
            continue
        shared = next((last[last.find(item[-k:]) + k:] for k in (2, 1) if 0 <= last.find(item[-k:]) < len(last) - k), "")
        head = shared or next((last_word[len(m):] for m in modifiers if last_word.startswith(m)), last_word)
        opening = said if name.endswith(item[:overlap]) and len(name) == overlap and not name.startswith(said) else ""
        draft.indicator = opening + name + item[overlap:] + head
