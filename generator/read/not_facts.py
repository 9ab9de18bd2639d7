"""Why a number is not a fact: an ordinal, a date, a name, a slogan, a threshold … (facts-contract)."""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import (chinese_digits, chinese_powers, growth_words, list_marker, numeral_chars, period_matchers,
                                    possessive, unit_alternation, unit_group, word_list)
from generator.read.segment import word_tags

if TYPE_CHECKING:  # numbers calls not_fact_reason on every Num it reads
    from generator.read.numbers import Num

AFTER = 64  # characters after a number its cue words are looked for in (words are short; copying the
            # whole rest of the sentence for every number made a long sentence quadratic)
FROM_VALUE = "from value"  # the starting point of 由A增长到B: a fact of its own, read after the level it grew to


def not_fact_reason(text: str, num: Num) -> Optional[str]:
    """Return why a number is not a fact (ordinal, date, slogan, threshold …), None if it is one."""
    data = load_data("not_facts.yaml")
    reason = _marked_reason(text, num, data)
    if reason:
        return reason
    if _bare_count(text, num, data):
        return None
    if num.unit is None:
        return "no unit"
    if num.chinese and num.unit in data["chinese_name_units"]:
        return "name"
    if num.chinese and text[num.start:num.unit_end] in data["round_words"] \
            and text[num.start - 1:num.start] not in numeral_chars():
        return "ordinal"  # 二次招商; 十二次 is a count
    return _descriptive_reason(text, num, data) or _context_reason(text, num, data)


def _next_session(text: str, num: Num) -> bool:
    """Return True for a further session of a term listed after one (九届十一次、十二次和市委…: 十二次), or one listed
    before a session's name (人大五次、六次会议: 五次)."""
    numerals = load_data("numerals.yaml")["counting_numerals"]
    meetings = "|".join(load_data("not_facts.yaml")["ordinal_after"])
    return num.unit == "次" and (re.search(rf"届[\d{numerals}]+次、$", text[:num.start]) is not None
                                or re.match(rf"(?:[、和][\d{numerals}]+次)+(?:{meetings})", text[num.end:num.end + 16]) is not None)


def _marked_reason(text: str, num: Num, data: dict) -> Optional[str]:
    """Return why the characters right around a number mark it as no fact (第3, PM2.5, 〔12〕, “两个
    翻一番”, 六大专班), None if they do not."""
    before = text[max(0, num.start - 1):num.start]
    after_num = text[num.num_end:num.num_end + 1]
    if before in data["ordinal_before"] or _next_session(text, num):
        return "ordinal"
    glued_to_latin = re.match(r"[A-Za-z]", before) and not _named_by_abbreviation(text, num, data)
    if glued_to_latin or re.match(r"[A-Za-z]", after_num):
        return "name"  # PM2.5, 5G, 5.98MW
    digits = chinese_digits()
    if not num.chinese and (before in digits or after_num in digits):
        return "code"  # 二0三五
    if before in "〔[【(（" and after_num in "〕]】)）":
        return "footnote"
    if _inside_pair(text, num.start, "“", "”", 20) or _inside_pair(text, num.start, "《", "》", 60):
        return "slogan"
    if num.chinese and any(after_num == w or text.startswith(w, num.num_end) for w in data["grouping_after"]):
        return "grouping"
    if num.chinese and _in_a_numbered_run(text, num):
        return "slogan"  # 力争四项先进、争创五个优秀、树立六个标兵: a run of numbered aims
    return None


_ABBREVIATION_REACH = 12  # characters before a number an abbreviation glued to it is looked for in


def _named_by_abbreviation(text: str, num: Num, data: dict) -> bool:
    """Return True for a number with a unit glued to an abbreviation that names it (人均GDP13500元): a figure."""
    before = text[max(0, num.start - _ABBREVIATION_REACH):num.start]
    return bool(num.unit) and re.search(data["abbreviation_before_figure"], before) is not None


_RUN_REACH = 40  # characters around a number its numbered run is looked for in


def _in_a_numbered_run(text: str, num: Num) -> bool:
    """Return True for a small Chinese numeral inside a 、 list of three or more short counted words numbered one
    after another (四项先进、争创五个优秀、树立六个标兵): a slogan's numbering, no figures."""
    if num.value > 10 or num.value != int(num.value):
        return False
    small = {**chinese_digits(), **chinese_powers()}  # 一 … 十, one character each
    low = max(0, num.start - _RUN_REACH)
    items = [(low + m.start(), small[m.group(1)]) for m in
             re.finditer(load_data("not_facts.yaml")["numbered_run"], text[low:num.end + _RUN_REACH])]
    chain = {at for (at, value), (_, before) in zip(items[1:], items) if value == before + 1}
    run = chain | {prev for (prev, _), (at, _) in zip(items, items[1:]) if at in chain}
    return num.start in run and len(run) >= 3


def _bare_count(text: str, num: Num, data: dict) -> bool:
    """Return True for an Arabic number counting without a measure word (9大职能部门), its unit dropped."""
    word = next((w for w in data["grouping_after"] if text.startswith(w, num.num_end)), None)
    if num.chinese or word is None or (num.unit or "").startswith(word):
        return False
    num.unit, num.unit_end, num.end = None, num.num_end + len(word), num.num_end + len(word)
    return True


@functools.cache
def capacity_in_a_name() -> re.Pattern:
    """Return the regex of what follows a capacity inside a project's name: a product and the project or line it
    names, with no break or figure between (…50万头|生态猪养殖项目, 5000吨钢结构及8000吨|彩钢瓦生产线项目)."""
    heads = "|".join(load_data("not_facts.yaml")["capacity_project_heads"])
    return re.compile(rf"[\u4e00-\u9fffA-Za-z]{{1,16}}?(?:及[\d.]+[\u4e00-\u9fff]{{1,12}}?)?(?:{heads})")


def project_with_capacity(text: str, pos: int) -> str:
    """Return the name of a project written with its capacity that starts at ``pos``, after 的 or not (投资5.8亿元的
    汇强重工年产2500台多功能垃圾压缩设备生产项目), '' when none starts there."""
    data = load_data("not_facts.yaml")
    units = "|".join(sorted(data["project_capacity_units"], key=len, reverse=True))
    cues = "|".join(data["capacity_cues"])
    match = re.compile(rf"的?([^，。；、\d]{{0,16}}?(?:{cues})?[\d.]+(?:{units}){capacity_in_a_name().pattern})").match(text, pos)
    return match.group(1) if match else ""


def _in_a_period(text: str, num: Num) -> bool:
    """Return True when the number is inside a period phrase (近两年新增…, 五年累计…, 今后五年)."""
    spans = period_matchers()[0].finditer(text, max(0, num.start - 3), min(len(text), num.unit_end + 3))
    return any(m.start() <= num.start and num.unit_end <= m.end() for m in spans)


def _context_reason(text: str, num: Num, data: dict) -> Optional[str]:
    """Return why the words before or after a measured number make it no fact (2021年, 年产1000吨,
    亿元以上项目, 以下三个方面, 突破百亿大关, 由29.1亿元增长到), None if they do not."""
    after = text[num.unit_end:num.unit_end + AFTER]
    if num.unit in data["period_count_units"] and _in_a_period(text, num):
        return "date"  # 近两年来, 五年累计, 九个月来, 前11个月: a span that dates the clause, no figure
    if num.unit == "年":
        if not num.chinese and 1900 <= num.value <= 2100 or after.startswith(("来", "以来")):
            return "date"  # 2021年; 三年来
        if not text.endswith(word_list("year_unit_cues", "not_facts.yaml"), 0, num.start):
            return "date"
    if num.unit not in data["counting_units"] and text.endswith(word_list("capacity_cues", "not_facts.yaml"), 0, num.start) \
            or num.unit in data["project_capacity_units"] and capacity_in_a_name().match(text, num.unit_end) \
            or text.endswith(word_list("capacity_spec_before", "not_facts.yaml"), 0, num.start) and after.startswith(possessive()):
        return "capacity"
    if after.startswith(word_list("threshold_after", "not_facts.yaml")) or _threshold_by_noun(text, num, data) \
            or _threshold_of_group(text, num, data):
        return "threshold"
    if text.endswith(word_list("list_intro_before", "not_facts.yaml"), 0, num.start) or heads_items(text, num):
        return "list"  # 以下三个方面; 加强三项管理，即…: the count heads its items, named one by one after it
    if _ranking_pool(text, num, data):
        return "pool"
    clause = re.match(r"[^，。；;,]*", text[num.unit_end:]).group()
    if clause.endswith(data["one_of_end"]) and not re.search(r"分之一$", clause):
        return "one of"  # 成为全省7个奶业生产能力提升示范县之一: the 7 are the province's, one of them is ours
    plain = re.sub(r"[（(][^（）()]{1,6}[）)]", "", after)  # 九次全体（扩大）会议: an aside inside the meeting's name
    for key, reason in (("ordinal_after", "ordinal"), ("milestone_after", "milestone"), ("from_value_after", FROM_VALUE)):
        if plain.startswith(word_list(key, "not_facts.yaml")) and (reason != "milestone" or _restates_level(text, num)):
            return reason
    if _glued_count_before(plain).startswith(word_list("from_value_after", "not_facts.yaml")):
        return FROM_VALUE  # 由13677户49479人减至…: both counts glued before the change are where it started
    if _milestone_before_level(text, num, data):
        return "milestone"  # 首次突破百亿，达到106亿: the level follows the milestone it passed
    if plain.startswith(word_list("passed_target_after", "not_facts.yaml")) and _restates_level(text, num) \
            and text.endswith(tuple(data["threshold_before"]) + ("突破",), 0, num.start):
        return "milestone"  # 突破70亿元目标，达到74.23亿元: the target passed, the level follows
    return None


def _glued_count_before(after: str) -> str:
    """Return what follows a count glued straight after a number (户 then 49479人减至 → 减至), '' when none is."""
    glued = _glued_count().match(after) if after[:1].isdigit() else None
    return after[glued.end():] if glued else ""


@functools.cache
def _glued_count() -> re.Pattern:
    """Return the regex of a number and its unit."""
    return re.compile(rf"\d+(?:\.\d+)?(?:{unit_alternation()})")


def heads_items(text: str, num: Num, following: str = "") -> bool:
    """Return True when a count in Chinese numerals and its short noun head the items named one by one after it,
    in its sentence or, for ``following`` (the start of the next sentence), in the next (实施三项工程。一是…)."""
    after = text[num.unit_end:num.unit_end + AFTER] + following
    enumeration = load_data("not_facts.yaml")["enumeration_after"]
    return num.chinese and bool(re.match(rf"[^，,。；;：:\d]{{1,10}}(?:{enumeration})", after))


def _milestone_before_level(text: str, num: Num, data: dict) -> bool:
    """Return True for a value after a milestone verb that closes its clause when the next clause opens with the
    level in the same money (突破100亿元，达到106.5亿元)."""
    if not num.unit or not text.endswith(tuple(data["milestone_verbs"]), 0, num.start - len(num.qualifier or "")) \
            and num.qualifier not in data["milestone_verbs"]:
        return False
    reach = "|".join(data["milestone_level_verbs"])
    return re.match(rf"[，,](?:{reach})\d+(?:\.\d+)?(?:{_money_family(num.unit)})", text[num.unit_end:num.unit_end + AFTER]) is not None


def _restates_level(text: str, num: Num) -> bool:
    """Return True when a milestone restates a level the sentence gives before or after it (余额达108.3亿元，首次突破
    百亿元大关; 继突破60亿大关之后，…达到74.23亿元); a milestone that is the only figure states the level itself."""
    if not num.unit:
        return False
    family = _money_family(num.unit)
    before = re.search(rf"\d(?:\.\d+)?{re.escape(num.unit)}", text[:num.start]) is not None
    after = re.search(rf"\d(?:\.\d+)?(?:{family})(?!\S{{0,2}}大关)", text[num.end:num.end + AFTER])  # …之后，达到74.23亿元
    return before or after is not None


def _money_family(unit: str) -> str:
    """Return the alternation of the units a level restating a milestone in ``unit`` may be written in (亿 → 亿元)."""
    return "|".join(re.escape(u) for u in sorted({unit, unit + "元", unit.removesuffix("元")} - {""}, key=len, reverse=True))


def _threshold_by_noun(text: str, num: Num, data: dict) -> bool:
    """Return True when 以上/以下 after the number is followed by a noun (亿元以上项目, 80周岁以上老人), or so is a
    range of money or ages, which then sorts a group (3-10亿元项目2个, 3-11岁人群; not 3-5家企业集团, a count)."""
    numeral = f"[\\d{load_data('numerals.yaml')['counting_numerals']}]"
    if num.qualifier and num.qualifier.startswith(load_data("numerals.yaml")["range_word"]) \
            and (unit_group(num.unit) == "money" or num.unit in data["age_units"]):  # 3-11岁人群: the people of those ages
        tokens = word_tags(re.match(r"[\u4e00-\u9fff]*", text[num.end:num.end + AFTER]).group())
        return bool(tokens) and tokens[0].flag.startswith("n")  # 投资1-2亿元建设道路3条: a hedged sum
    if unit_group(num.unit) == "money" and not num.qualifier:  # 新增10亿元企业1家: a size class, counted
        return _size_class().match(text, num.end) is not None
    if not (num.qualifier and num.qualifier.endswith(tuple(data["threshold_qualifiers"]))):
        return False
    rest = re.sub(r"^[（(][^）)]{0,12}[）)]", "", text[num.end:num.end + AFTER])
    counted = re.match(rf"{numeral}+(?:{'|'.join(data['group_count_units'])})", rest)  # 30万以上32个村: a band
    return bool(counted or re.match(r"[“\"]?[\u4e00-\u9fff]", rest)) and not rest.startswith(tuple(growth_words()))


@functools.cache
def _size_class() -> re.Pattern:
    """Return the regex of a head a size class names and a count of it (企业1家)."""
    data, numeral = load_data("not_facts.yaml"), f"[\\d{load_data('numerals.yaml')['counting_numerals']}]"
    heads, units = "|".join(data["size_class_heads"]), "|".join(data["group_count_units"])
    return re.compile(rf"(?:{heads}){numeral}+(?:{units})")


def _ranking_pool(text: str, num: Num, data: dict) -> bool:
    """Return True for the size of the group a place is ranked in (稳居全省100个县区前列, 在全省167个区县中找位次,
    在广西21个主城区中排在第2位): a count of places right after a scope, or inside 在…中, with a ranking word later."""
    scopes = tuple(load_data("modality.yaml")["rank_scopes"])
    if num.unit not in data["counting_units"]:
        return False
    clause = re.match(r"[^，。；;,]*", text[num.unit_end:]).group()
    if text.endswith(scopes, 0, num.start):
        return clause.startswith(tuple(data["pool_places"])) and any(w in clause for w in data["pool_ranking_words"])
    places, ranking = "|".join(data["pool_places"]), "|".join(data["pool_ranking_words"])
    return re.search(r"在[^，。；;,\d]{0,8}$", text[max(0, num.start - 9):num.start]) is not None and re.match(
        rf"[^，。；;,]{{0,8}}?(?:{places})中[^，。；;,]{{0,6}}?(?:{ranking})", clause) is not None  # 在广西21个主城区中排在第2位


def _threshold_of_group(text: str, num: Num, data: dict) -> bool:
    """Return True for 过/超 + value that sorts a counted group (纳税超千万元企业27家, 23个投资超千万元项目,
    9个行政村村集体经营性收入超百万); a hedged figure (投资超过5亿元, 总投资超10亿元的3个项目, 3个项目完成投资
    超过5亿元) is not one."""
    hedge = next((w for w in data["threshold_before"] if text.endswith(w, 0, num.start)), None)
    if hedge is None:
        return False
    numeral = f"[\\d{load_data('numerals.yaml')['counting_numerals']}]"
    units = "|".join(data["group_count_units"])
    count_after = rf"(?:{'|'.join(data['threshold_qualifiers'])})?的?(?!的)[\u4e00-\u9fff]{{1,10}}?{numeral}+(?:{units})"
    count_before = rf"{numeral}+(?:{units})[^，；。\d]{{0,12}}$"
    clause_end = re.search(r"[，；。,;]|$", text[num.unit_end:]).start() + num.unit_end
    if re.match(count_after, text[num.unit_end:clause_end]):
        return True
    subset = text.rfind(list_marker("of_which"), max(0, num.start - 8), num.start) >= 0  # 其中过500万元的两个: those over it
    if subset and re.match(rf"的{numeral}+(?:{units})", text[num.unit_end:clause_end]):
        return True
    before = re.search(count_before, text[max(0, num.start - len(hedge) - 16):num.start - len(hedge)])
    return bool(before) and not any(verb in before.group() for verb in data["sum_verbs"])


def _descriptive_reason(text: str, num: Num, data: dict) -> Optional[str]:
    """Return why a number describes rather than measures (中央八项规定, 二次结构施工, 24小时不间断,
    两个翻一番, 八个方面, 350兆瓦光伏发电项目, 新六种猪场〔12〕), None if it measures something."""
    after = text[num.unit_end:num.unit_end + AFTER]
    if any(after.startswith(w) for w in data["descriptive_after"].get(num.unit, ())) \
            or num.unit in data["reach_units"] and re.match(data["reach_circle"], after):
        return "descriptive"  # 15分钟健身圈, 1小时鲜活农产品物流圈: a circle's name, no time measured
    if num.unit in data["capacity_units"] and re.match(r"[\u4e00-\u9fff]", after) and after[:1] not in data["capacity_unit_followers"]:
        return "capacity"
    if not num.chinese:
        return None
    if re.match(r"[\u4e00-\u9fff]{1,5}[：:]", after):
        return "list"  # 做好四篇文章：…, 达到三个明显：…: a numeral that announces the items after it
    if after.startswith(word_list("chinese_name_nouns", "not_facts.yaml")) or re.match(rf"[\u4e00-\u9fff]?[{load_data('numerals.yaml')['counting_numerals']}]", after):
        return "name"
    if any(text.startswith(w, num.num_end) for w in data["chinese_grouping_units"]):
        return "grouping"
    return "name" if _numeral_inside_word(text, num.start) else None


def _numeral_inside_word(text: str, start: int) -> bool:
    """Return True when jieba reads the Chinese numeral at ``start`` as the inside of a longer word (新六种猪场)."""
    import jieba

    left = max(0, start - 4)
    pos = left
    for word in jieba.cut(text[left:start + 4]):
        if pos < start < pos + len(word):
            head = word[:start - pos]
            return not re.fullmatch(f"[{numeral_chars()}]+", head) and head not in word_list("qualifiers_before")
        pos += len(word)
    return False


def _inside_pair(text: str, pos: int, opener: str, closer: str, limit: int) -> bool:
    """Return True when ``pos`` sits inside a short opener…closer pair (a slogan or a title)."""
    left = text.rfind(opener, max(0, pos - limit), pos)  # a pair opened further back is longer than limit
    if left < 0 or text.rfind(closer, left, pos) >= 0:
        return False
    right = text.find(closer, pos, left + limit + len(closer))
    return right >= 0 and right - left <= limit
