"""Lists in a sentence: A、B分别X、Y named item by item, counts glued to one noun, parts of a total."""
from __future__ import annotations

import bisect
from dataclasses import replace
import itertools
import re
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.lexicon import (ALTERNATIVES_IN_A_WORD, list_joiner_regex, list_joiners, list_marker, period_matchers,
                                    unit_group, without_growth_tail)
from generator.read.indicators import clean_indicator, measure_endings, object_of_opening_verb
from generator.read.owners import without_opening_verbs
from generator.read.said_once import counted_alike
from generator.read.segment import word_tags
from generator.read.sentences import start_of_clause


def distribute_lists(sentence: str, drafts: list[Draft]) -> None:
    """Give each value of an "A、B分别X、Y" list the name of its own item, in order."""
    groups: list[list[Draft]] = []
    for draft in drafts:
        last = groups[-1][-1] if groups else None
        between = sentence[last.num.end:draft.num.start] if last else ""
        if last and (last.num.unit == draft.num.unit and between in (*list_joiners("item_joiners"), "，")
                     or _one_measure(last, draft) and between in list_joiners("item_joiners")):
            groups[-1].append(draft)
        else:
            groups.append([draft])
    for group in groups:
        clause_start = start_of_clause(sentence, group[0].num.start)
        at = sentence.find(list_marker("respectively"), clause_start, group[0].num.start)
        if len(group) < 2 or at < 0:
            continue
        items, grouped = _earlier_levels(sentence, drafts, clause_start, at, len(group), group[0].num.unit), True
        if not items:
            items, grouped = _respective_items(sentence, clause_start, at, len(group))
        items = [without_growth_tail(i) for i in items] if group[0].num.growth else items  # A、B五年年均增长分别为
        if len(items) == len(group):
            attribute = _respective_attribute(sentence[at + len(list_marker("respectively")):group[0].num.start]) \
                or _respective_attribute(clean_indicator(sentence[clause_start:at]))  # 2015年力争年产值分别达到…
            for draft, name in zip(group, items if grouped else _without_examples_end(_complete_items(items))):
                draft.indicator = name if name.endswith(attribute) else name + attribute


def _without_examples_end(names: list[str]) -> list[str]:
    """Return the names of a 分别 list without the 等 closing it (医疗器械、…、文化用品等行业产值分别增长 → 医疗器械行业
    产值): each item has its own figure, so the list is whole."""
    end = re.search(rf"{list_marker('examples_end')}([\u4e00-\u9fff]{{1,8}})$", names[-1])
    if not end or not all(n.endswith(end.group()) for n in names):
        return names
    return [n[:len(n) - len(end.group())] + end.group(1) for n in names]


def _one_measure(first: Draft, second: Draft) -> bool:
    """Return True when two values are in units of one measure of rate, money or count (4.2%、2.5‰; 5000万元、1.2亿元;
    110个、2155台)."""
    groups = {unit_group(d.num.unit) for d in (first, second)}
    return len(groups) == 1 and groups <= {"rate", "money", "count"}


def _earlier_levels(sentence: str, drafts: list[Draft], clause_start: int, at: int, size: int,
                    unit: Optional[str]) -> list[str]:
    """Return the names of the levels just before a clause that 分别 opens, when there are as many as it has
    values (``unit``), all in one unit unless the values are multiples (A达19233元，B达7815元，分别是2006年的2倍、
    1.8倍 → A, B); [] otherwise."""
    running = load_data("indicators.yaml")["running_total_word"]  # 新增A3家、B11家，累计分别达到20家和71家: the stocks
    opening = sentence[clause_start:at].strip("，、")
    if opening not in ("", running) or size < 2:
        return []
    bare = load_data("indicators.yaml")["bare_names"]
    at = bisect.bisect_right(drafts, clause_start, key=lambda d: d.num.end)  # drafts are in text order
    levels = [d for d in drafts[max(0, at - size - 8):at] if not d.num.growth and d.kind != "rank"][-size:]
    ratio = unit in load_data("indicators.yaml")["multiples"]  # 32亿元、13046元，分别是2007年的2倍、1.6倍: any units
    if len(levels) < size or len({d.num.unit for d in levels}) != 1 and not ratio or any(d.num.unit == "%" for d in levels):
        return []
    names = [d.indicator for d in levels]
    if opening == running:  # of the things the new ones were of: 新增上市企业 → 上市企业
        verbs = tuple(load_data("indicators.yaml")["new_count_verbs"])
        names = [next((n[len(v):] for v in verbs if n.startswith(v) and len(n) > len(v) + 1), n) for n in names]
    return names if len(set(names)) == size and not set(names) & {"", *bare} else []


def split_shared_names(drafts: list[Draft]) -> None:
    """Give values of one clause that share a name naming as many things the name of each, in order: a pair
    word's two halves (城乡居民人均可支配收入分别增长9%和10% → 城镇…, 农村…), else the items the name lists
    (全部财政收入和地方一般预算收入增长13%和13%)."""
    pairs = load_data("lists.yaml")["pair_words"]
    for _, run in itertools.groupby(drafts, key=lambda d: (d.quote_start, d.indicator, d.num.unit)):
        run = list(run)
        name = run[0].indicator
        if len(run) < 2 or not name or any(d.extra.get("starting") for d in run):
            continue  # 绿色和有机产品认证从45个发展到117个: one thing's start and end, not two things
        word = next((w for w in pairs if w in name and len(pairs[w]) == len(run)), None)
        items = [i for i in re.split(list_joiner_regex("item_joiners"), name) if i]
        if word:
            items = [name.replace(word, half, 1) for half in pairs[word]]
        elif all(len(i) <= 3 for i in items[:-1]):  # 城镇、农村居民收入: the short items share the last one's head
            items = _complete_items(items)
        if len(items) == len(run):
            for draft, item in zip(run, items):
                draft.indicator = item


def split_each_of_listed(sentence: str, drafts: list[Draft]) -> None:
    """Give each item of a name listing several things its own copy of a value stated for all of them with 均
    (游客人数、旅游收入均增长16% → 游客人数 16%, 旅游收入 16%), in order, sharing the quote."""
    marker, out = load_data("lists.yaml")["each_all"], []
    for draft in drafts:
        items = [i for i in re.split(list_joiner_regex("item_joiners"), draft.indicator) if i]
        between = sentence[draft.quote_start:draft.num.start]
        tail = between[between.rfind(items[-1]) + len(items[-1]):] if items and items[-1] in between else ""
        each = re.search(f"(?<!年){marker}", tail) or _one_rate_for_listed(draft)  # 年均: a basis, not 均
        if len(items) < 2 or not each or any(len(i) < 2 for i in items):
            out.append(draft)
            continue
        names = _complete_items(items) if all(len(i) <= 3 for i in items[:-1]) else share_tail(items)
        out.extend(replace(draft, indicator=name, extra=dict(draft.extra)) for name in names)
    drafts[:] = out


def _one_rate_for_listed(draft: Draft) -> bool:
    """Return True for one growth rate stated for things listed with 、 and nothing else (可用财力、农民人均纯收入
    增长20%以上), or for whole measures joined by 和 (全部财政收入和公共财政预算收入增长15%): each grows by it, as
    one rate stated for two indicators is split; 城镇和农村居民收入 is one name whose head the items share."""
    joiners = [j for j in list_joiners("item_joiners") if j != "、"]
    if draft.num.growth is None or draft.num.unit != "%":
        return False
    items = re.split(list_joiner_regex("item_joiners"), draft.indicator)
    whole = len(items) > 1 and all(len(item) >= 4 and item.endswith(measure_endings()) for item in items)
    return whole or "、" in draft.indicator and not any(j in draft.indicator for j in joiners)


def share_tail(items: list[str]) -> list[str]:
    """Return list items completed with what the last one says after the words they end in (城镇居民和农村居民
    人均可支配收入 → 城镇居民人均可支配收入; 建设用地和农用地安全利用率 → 建设用地安全利用率)."""
    last = items[-1]
    done = []
    for item in items[:-1]:
        at = last.find(item[-2:])
        done.append(item + last[at + 2:] if 0 <= at < len(last) - 2 else item)
    parallel = _parallel_words(items[0], last) if len(items) == 2 and done == items[:-1] else None
    if parallel:  # 贫困人口医保、社保参保率 → 贫困人口医保参保率, 贫困人口社保参保率
        prefix, tail = parallel
        return [items[0] + tail, prefix + last]
    return done + [last]


def _parallel_words(first: str, last: str) -> tuple[str, str] | None:
    """Return the words before the parallel word ending ``first`` and the words after the one opening ``last``
    when the two are words of one length (医保, 社保), else None."""
    first_words, last_words = word_tags(first), word_tags(last)
    if len(first_words) < 2 or len(last_words) < 2:
        return None
    ending, opening = first_words[-1].word, last_words[0].word
    if len(ending) != len(opening) or len(ending) < 2 or not last_words[-1].word.endswith(("率", "比重")):
        return None
    return first[:-len(ending)], last[len(opening):]


def _respective_items(sentence: str, clause_start: int, at: int, size: int) -> tuple[list[str], bool]:
    """Return the items an "A、B分别" list names, and whether a grouping named them as whole members: those
    before 分别 without their grouping (A、B两大产业), or, when 分别 opens its clause, the subjects of the
    clause before (A和B确保比2010年翻两番，分别达到…)."""
    text = re.sub(f"(?:{'|'.join(load_data('modality.yaml')['growth_basis'])})$", "", sentence[clause_start:at])  # 同比
    if not text.strip("，、") and clause_start >= 2:
        before = sentence[start_of_clause(sentence, clause_start - 1):clause_start - 1]
        text = _subject_words(before)
    items, grouped = _split_items(text, size)
    if not items and clause_start >= 2:  # 重点发展A、B、C、D四大主导产业，2015年力争年产值分别达到…
        before = sentence[start_of_clause(sentence, clause_start - 1):clause_start - 1]
        items, grouped = _split_items("" if re.search(r"\d", before) else object_of_opening_verb(before), size)
    return items, grouped


def _split_items(text: str, size: int) -> tuple[list[str], bool]:
    """Return the ``size`` items ``text`` lists and whether a grouping named them (A、B两大产业), else []."""
    ungrouped = re.sub(r"[两三四五六七八九十]大[\u4e00-\u9fff]{2,6}$", "", text)  # 三大主导产业: no item
    for joiners in (r"、", list_joiner_regex("item_joiners")):
        items = [clean_indicator(i) for i in re.split(joiners, ungrouped) if clean_indicator(i)]
        if len(items) == size:
            return items, ungrouped != text
    return [], False


def _subject_words(clause: str) -> str:
    """Return a clause's words before its first figure, comparison or modal verb, past a leading period."""
    data = load_data("modality.yaml")
    clause = re.split(r"[：:]", clause)[-1]  # 奋斗目标是：A和B确保…: the subjects follow the colon
    period = period_matchers()[0].match(clause)
    clause = clause[period.end():] if period else clause
    cut = "|".join([r"\d", *data["target"], *data["growth_base_markers"], *data["growth_basis"], *data["growth_words"]])
    return re.split(cut, clause, maxsplit=1)[0]


def _respective_attribute(between: str) -> str:
    """Return the attribute a 分别 list's values measure when it is named after 分别 (分别实现产值 → 产值)."""
    bare = load_data("indicators.yaml")["bare_names"]
    tokens = word_tags(re.sub(r"[^\u4e00-\u9fff]", "", between))
    while tokens and tokens[0].flag.startswith(("v", "d")) and tokens[0].flag != "vn":
        tokens = tokens[1:]  # 实现产值: the verb is not the attribute
    name = "".join(t.word for t in tokens)
    return name if name in bare and len(name) >= 2 else ""


def _complete_items(items: list[str]) -> list[str]:
    """Return list items completed with the shared tail of the last one
    (城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入)."""
    import jieba

    last = items[-1]
    ordinals, data = load_data("numerals.yaml")["ordinals"], load_data("lists.yaml")
    pair = next((w for w in data["pair_words"] if len(items) == 2 and w.startswith(items[0]) and len(w) > len(items[0])
                 and last.startswith(w[len(items[0]):])), None)
    if pair:  # 城、乡居民人均可支配收入, 进、出口总额: a pair word written with 、 between its halves
        return [half + last[len(pair) - len(items[0]):] for half in data["pair_words"][pair]]
    last_words = jieba.lcut(last)
    all_words = set(jieba.lcut(last, cut_all=True))
    done = []
    closing = re.search(rf"{data['examples_end']}[\u4e00-\u9fff]{{1,8}}$", last)
    for item in items[:-1]:
        end_word = jieba.lcut(item)[-1]
        head = last.find(item[-2:])
        numeral = re.match(rf"第?[{ordinals}]", last) if re.fullmatch(rf"第?[{ordinals}]", item) else None
        if numeral:  # 一、二、三产收入: ordinals sharing what follows the last one
            tail = last[numeral.end():]
        elif closing:  # 机械制造、食品加工等行业产值: what follows the list's 等 is all the items share
            tail = last[closing.start():]
        elif 0 <= head < len(last) - 2:  # 城乡居民基本养老保险和基本医疗保险参保率: one head, 保险
            tail = last[head + 2:]
        elif last[:len(item)] in all_words:
            tail = last[len(item):]  # 城镇 ↔ 农村: same-length modifiers
        elif len(end_word) == 1 and end_word in last_words:  # 政府投资类、…备案类项目: after the shared 类
            tail = "".join(last_words[last_words.index(end_word) + 1:])
        elif not item.endswith((*measure_endings(), *load_data("indicators.yaml")["rate_endings"], *data["whole_item_endings"])):
            # a whole name (固定资产投资和社会消费品零售总额, 开工率、…达效率) takes no tail
            tail = "".join(last_words[len(jieba.lcut(item)):])
        else:
            tail = ""
        done.append(item if not tail or item.endswith(tail) else item + tail)
    word = data["counterparts"].get(last)
    owner = items[0][:-len(word)] if word and items[0].endswith(word) else ""
    return done + [owner + last]  # 一般公共预算收入和支出 → 一般公共预算支出


def list_items(text: str) -> list[str]:
    """Return the items of an A、B list, completing short items with the first one's head
    (新增外国人才A证、B证 → 新增外国人才A证, 新增外国人才B证)."""
    items = [i for i in re.split(list_joiner_regex("shared_head_joiners"), text) if i]
    if len(items) < 2:
        return items
    first = items[0]
    done = [first]
    for item in items[1:]:
        done.append(first[:len(first) - len(item)] + item if len(item) < len(first) else item)
    return done


def share_glued_counts(sentence: str, drafts: list[Draft]) -> None:
    """Give a count that names only its noun what the count glued after it says of its own noun
    (6个乡镇、81个村的垃圾一体化处理 → 乡镇垃圾一体化处理, 村垃圾一体化处理): two sizes of one undertaking."""
    joiners = ("", *list_joiners("item_joiners"))
    possessive = load_data("indicators.yaml")["possessive"]
    for first, second in itertools.pairwise(drafts):
        noun = first.extra.get("right_raw") or ""
        after = first.num.end + len(noun)
        if not 0 < len(noun) <= 3 or not first.indicator.endswith(noun) or sentence[after:second.num.start] not in joiners:
            continue
        own = second.extra.get("right_raw") or ""
        if own and second.indicator == own and not counted_alike(first, second):
            said = own  # 5个项目398亩土地处置利用: the size of what the projects do
        elif own and second.indicator.startswith(own):
            said = second.indicator[len(own):].removeprefix(possessive)
        else:
            said = second.indicator if not own and sentence.startswith(possessive, second.num.end) else ""
        said = said.removeprefix(first.extra.get("left") or "")  # 解决了13个村2.3万人的…: the verb is said once
        if len(said) >= 2:
            first.indicator += said


def link_parts(sentence: str, drafts: list[Draft]) -> None:
    """Link the parts listed after 其中 to the total written before it (same unit)."""
    at = sentence.find(list_marker("of_which"))
    if at < 0:
        return
    totals = [d for d in drafts if d.num.end <= at]
    for draft in drafts:
        if draft.num.start > at:
            parent = next((t for t in reversed(totals) if t.unit == draft.unit), None)
            draft.parent = parent
            draft.indicator = _part_name(draft.indicator, parent) if parent is not None else draft.indicator


def _part_name(name: str, parent: Draft) -> str:
    """Return the name of a part listed after 其中 that names only what sets it apart, completed by what its total
    counts (引荐项目76个，其中招商类35个 → 招商类项目; 新增就业1800人，其中女性230人 → 新增就业女性; 低保836户，其中
    新增19户 → 低保新增)."""
    words = word_tags(parent.indicator)
    if len(name) > 3 or not words or parent.indicator.endswith(name):
        return name
    if name in load_data("lists.yaml")["changes_among_parts"]:  # 低保836户，其中新增19户: a change among the total's things
        return parent.indicator + name
    last = words[-1]
    if last.flag.startswith(("n", "j")) and len(last.word) >= 2:  # 省重点 + 重点项目 → 省重点项目
        shared = next((k for k in range(len(last.word), 0, -1) if name.endswith(last.word[:k])), 0)
        return name + last.word[shared:]
    return parent.indicator + name if last.flag == "vn" else name


def before_sibling_item(left_raw: str) -> Optional[str]:
    """Return the words before a count without the item before it, when they end in that item and a joiner
    (国土空间规划和122个村庄单元规划编制 → '', 公交线路覆盖城区和11个乡镇 → 公交线路覆盖): an item with no figure of
    its own is the count's sibling, no part of what it counts; None when no such item ends them."""
    tokens = word_tags(left_raw)
    if len(tokens) < 2 or tokens[-1].word not in list_joiners("item_joiners") or tokens[-1].flag not in ("c", "x") \
            or re.search(r"\d", left_raw):
        return None
    verbs = set(load_data("indicators.yaml")["object_verbs"])
    acts = [i for i, t in enumerate(tokens[:-1]) if (t.flag == "v" or t.word in verbs) and not _compound_head(tokens, i)]
    nouns = [t.flag.startswith(("n", "j")) or t.flag == "x" or _compound_head(tokens, i) for i, t in enumerate(tokens)]
    last_verb = max((i for i in acts if i < len(tokens) - 2), default=-1)
    if acts and acts[-1] == len(tokens) - 2 and acts[-1] > 0 and nouns[acts[-1] - 1]:
        last_verb = max((i for i in acts[:-1]), default=-1)  # 完成城网改造和70个村的…: 城网改造 is the item
    item = range(last_verb + 1, len(tokens) - 1)
    if not item or not all(nouns[i] or i in acts and nouns[i - 1] for i in item):
        return None  # 对散乱污企业的取缔和28家企业…: two acts joined, no item
    return clean_indicator("".join(t.word for t in tokens[:last_verb + 1]).rpartition("、")[2])  # A评估、完成B、: 完成


def _compound_head(tokens: tuple, i: int) -> bool:
    """Return True when the verb at ``i`` heads a noun with the one-character noun after it (安置区, 开发区, 停车场):
    a place named by what is done there, no act of its own."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is not None and len(after.word) == 1 and after.flag == "n"


def with_verbs_inside(sentence: str, name: str, clause_start: int, end: int) -> str:
    """Return ``name`` with a bracket of alternatives inside a word put back (新建 → 新（改、扩）建, 县（市、区）委)
    when its clause wrote one: list reading takes the bracket out, as its 、 joins alternatives, not items."""
    for match in ALTERNATIVES_IN_A_WORD.finditer(sentence, clause_start, end):
        before, after = sentence[match.start() - 1], sentence[match.end()]
        name = name.replace(before + after, before + match.group() + after, 1)
    return name


_LISTED_MAX = 6  # counts of one statement that one rate may cover (人大议案、建议、政协提案: three)


def items_said_with_one_verb(earlier: list[Draft], statement_start: int) -> str:
    """Return the things a statement's counts of one unit count, joined by 、, when there are two or more and one verb
    or none opens them (办理人大代表建议81件、政协提案79件 → 人大代表建议、政协提案); '' otherwise."""
    items = [d for d in earlier[-_LISTED_MAX - 1:] if d.num.start > statement_start]  # drafts run in order: a tail
    if len(items) > _LISTED_MAX or len(items) < 2 or len({d.num.unit for d in items}) > 1:
        return ""  # a long run of figures is no list of things handled; each is looked at once (linear time)
    things = [without_opening_verbs(d.indicator) for d in items]
    verbs = {d.indicator[:len(d.indicator) - len(thing)] for d, thing in zip(items, things)} - {""}
    if items[0].num.unit == "%" or len(verbs) > 1:
        return ""
    return "、".join(things)
