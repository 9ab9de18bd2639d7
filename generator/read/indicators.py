"""Indicator names: cut from the words before and after a number."""
from __future__ import annotations

import functools
import itertools
import re

from generator.datafiles import load as load_data
from generator.read.lexicon import (Prefixes, bare_but_ending, chinese_digits, examples_end_at, manner_lists, name_ending_digit, period_matchers,
                                    prefixes, unit_table, verb_of_reach, word_list)
from generator.read.inner_words import after_examples, without_inner_words
from generator.read.name_periods import without_periods
from generator.read.segment import load_posseg, word_tags
from generator.read.sentences import end_of_clause


@functools.lru_cache(maxsize=8192)  # a report names the same things clause after clause
def clean_indicator(text: str) -> str:
    """Return the indicator name left after removing periods, subjects, empty verbs and particles."""
    names = load_data("indicators.yaml")
    text = re.split(r"[\u2460-\u24ff\u2776-\u2793]", text)[-1]  # ①A②B: an item mark opens the last item
    text = re.sub(r"^【[^】\d]{1,12}】", "", text)  # 【经济发展】全乡生产总值: a run-in heading, as in a yearbook entry
    text = re.sub(names["task_compared"], "", text)  # 比国家下达任务多安排212个村: the base is said by the quote
    text = re.sub(r"[（(][^）)]*[）)]|[〔\[【]\d*[〕\]】]?|[〕\]】]", "", text)
    text = re.sub(r"[（）()]", "", text)  # 农村公路（总长21.7公里）: the figure inside names its thing, bracket unpaired
    *heads, text = re.split(r"[：:]", text)  # 主要预期目标是：地区生产总值 → 地区生产总值
    marks = "".join(load_data("modality.yaml")["target_list_marks"])
    item = heads[-1] if heads and heads[-1].startswith(tuple(marks)) else ""  # ——财政收入：达到5亿元
    text = text.lstrip(marks)  # ——地区生产总值
    text = re.sub(f"^[到至](?={period_matchers()[0].pattern})", "", text)  # 到2025年全区…: 到 dates, no name
    text = without_periods(text)
    text = re.sub("^(?:以前|以后|以来)", "", text)  # 2000年以前建成的: no period
    text = re.sub(names["per_unit_ending"], "", re.sub(names["aspect_particle"], "", text))
    text = re.sub(names["place_subject"], "", text)
    text = re.sub(rf"(?<=[\u4e00-\u9fff]{{2}})(?:{'|'.join(names['never_in_names'])})?{verb_of_reach()}", "", text)
    for word in names["strip_anywhere"]:
        text = text.replace(word, "")
    text = text.strip(" ，、：")
    bare = set(names["bare_names"])
    lone = {*names["strip_leading"], *names["strip_trailing"], *names["manner_words"]}
    changed = True
    while changed and text and text not in lone:  # 以及 alone is a joiner, not 以 less 及
        changed = False
        kept = ""  # 共有企业: 共有 stays before a bare name, so 共 of it is not taken alone (有企业)
        for word in word_list("strip_leading", "indicators.yaml"):
            if not text.startswith(word) or kept.startswith(word):
                continue
            if len(text) > len(word) and (not bare_but_ending(text[len(word):], bare) or word in names["never_in_names"]) \
                    and not _opens_whole_word(text, word, names):
                text, changed = text[len(word):], True
            elif len(word) > len(kept):
                kept = word
        for word in word_list("strip_trailing", "indicators.yaml"):
            rest = text[:-len(word)]  # 惠及 less 及 would leave 惠: one character names nothing, unless it goes too
            if text.endswith(word) and rest and (len(rest) > 1 or rest in lone) and not _cuts_last_word(text, word) \
                    and not text.endswith((*names["kept_endings"], *names["per_head_words"])):
                text, changed = text[:-len(word)], True
    if text in lone:
        text = ""  # 持续推进 less 推进: a manner word alone names nothing
    return text or (clean_indicator(item.lstrip(marks)) if item else "")  # an item's name before its colon


def _opens_whole_word(text: str, word: str, names: dict) -> bool:
    """Return True when ``word`` only opens a longer word that holds it (及 of 及时解决, 和 of 和美乡村, 有 of 有效;
    a verb of having is a word of its own when the words split after it, as 辖有 read as 辖 + 有)."""
    if word in names["having_verbs"]:
        return len(word) not in itertools.accumulate(len(t.word) for t in word_tags(text))
    return any(w.startswith(word) and len(w) > len(word) and text.startswith(w) for w in names["right_stops_inside"])


def _cuts_last_word(text: str, ending: str) -> bool:
    """Return True when a one-character ``ending`` is the tail of a word of two characters closing ``text``
    whose head would be left alone (共涉及 → 共涉, 已下达 → 已下, 价格平均 → 价格平); 压减至 → 压减 leaves a word."""
    last = word_tags(text[-6:])[-1]
    if len(ending) > 1 or len(last.word) != 2 or not last.word.endswith(ending) or not last.flag.startswith(("v", "a")) \
            or last.word[0] in load_data("indicators.yaml")["strip_trailing"]:  # 满意率均达: 均 goes too
        return False
    return len(word_tags(text[-6:-1])[-1].word) == 1


_MODIFIER_LEN = 4  # characters of a list item that modifies the last one's head (城镇、农村居民…)


@functools.cache
def measure_endings() -> tuple[str, ...]:
    """Return the words that end a whole indicator name, what it measures (收入, 产值, 投资, 面积 …)."""
    names = load_data("indicators.yaml")
    return tuple(w for w in (*names["subject_measures"], *names["bare_names"]) if len(w) >= 2)


def drop_examples(left: str, names_only: bool, count: float = 0) -> str:
    """Return the words before a number without the examples listed in it: A、B等14个项目 → '',
    提升海上湾、滨湖城两个美丽小区 → 提升 (when the noun follows the count), 镇机关、社区筹集善款 → 筹集善款,
    改建A桥和B桥两座农村危桥 → 改建 (two joined by 和 before a count of two)."""
    pair = re.fullmatch(r"[^和及、\d]{2,}[和及][^和及、\d]{2,}(?<!的)", object_of_opening_verb(left) or "-")  # A和B的两个: owners
    if names_only and count == 2 and pair:
        return _verb_of_examples(left)
    end = examples_end_at(left)
    if end >= 0:
        return after_examples(left, end, _verb_of_examples(left[:end]))
    if "、" not in left or _verbs_sharing_object(left):
        return left
    first, *others = left.split("、")[:-1]  # the first item without the scope and verb opening the list
    if all(len(item) <= _MODIFIER_LEN for item in (clean_indicator(first), *others)) and not names_only \
            and left.endswith(measure_endings()):
        return left  # 城镇、农村居民人均可支配收入: modifiers sharing the last item's measure, split later
    grouping = after_grouping(left)
    if grouping:
        return grouping
    if names_only:
        return _verb_of_examples(left)
    head, _, last = left.rpartition("、")
    rates = "|".join(load_data("indicators.yaml")["rate_endings"])
    whole = not re.search(rf"\d|(?:{rates})、", left) and not re.search(rf"(?:{rates})$", last)
    if whole and (_leading_verb(head) and not any(t.flag.startswith("v") for t in word_tags(last))
                  or _twin_words(head, last)):
        return left  # 发展富硒粮食、果蔬1.1万余亩, 三期、四期工程改造…: one figure for the whole list
    done = _from_last_verb(last)
    return left if whole and not clean_indicator(done) else done  # 街角公园、口袋公园达到32个: one figure for all


def _verbs_sharing_object(left: str) -> bool:
    """Return True when the items of a list are verbs, the last one with the object they share
    (全县新建、续建千万元以上项目 → 新建、续建千万元以上项目, not 续建千万元以上项目)."""
    *verbs, last = left.split("、")
    verbs = [clean_indicator(v) for v in verbs]  # 全县新建, 2009年新上: the scope or period opens the list
    return all(opening_verb(v) == v for v in verbs) and bool(opening_verb(last))


def _twin_words(head: str, last: str) -> bool:
    """Return True when the word closing ``head`` and the word opening ``last`` are twins that modify one head
    (三期、四期工程: same length, same last character)."""
    before, after = word_tags(head), word_tags(last)
    one, two = (before[-1].word, after[0].word) if before and after else ("", "")
    return len(one) == len(two) >= 2 and one[-1] == two[-1] and one != two


def _leading_verb(text: str) -> str:
    """Return the verb opening ``text`` after a period and adverbs of manner (打造雨荷苑、… → 打造, 重点打造A、B →
    打造, 全年实施省、市… → 实施), '' if it opens with a noun."""
    text = re.sub(f"^(?:{period_matchers()[0].pattern})", "", text)  # 全年实施省、市重点项目: the period governs nothing
    if not text or "、" not in text and len(text) <= 2:
        return ""
    verb = opening_verb(without_manner_opening(text))
    return verb if verb and len(verb) <= 4 else ""


def without_manner_opening(text: str) -> str:
    """Return ``text`` without the word of manner opening it (重点打造A、B → 打造A、B)."""
    return text[len(prefixes("manner_words").first(text)):]


def object_of_opening_verb(text: str) -> str:
    """Return what the verb opening ``text``, past a word of manner, works on (重点发展A、B → A、B); '' when no
    verb opens it."""
    rest = without_manner_opening(text)
    verb = opening_verb(rest)
    return rest[len(verb):] if verb else ""


def after_grouping(left: str) -> str:
    """Return the words from the noun of a grouping that closes a list on (A制造、B制造三大主导产业实现产值 →
    主导产业实现产值), '' when no grouping closes one."""
    numerals, grouping = load_data("numerals.yaml")["counting_numerals"], "|".join(load_data("not_facts.yaml")["grouping_after"])
    match = re.search(rf"、[^、]*?[{numerals}]+(?:{grouping})(?=[\u4e00-\u9fff]{{2}})", left)
    return left[match.end():] if match else ""


def _verb_of_examples(text: str) -> str:
    """Return the verb opening a list of examples when it says what was done to them (新建A、B等7条道路 →
    新建), '' for a verb of mere progress (完成, 建设): 建设完成了A、B等68个项目 are projects, not 建设项目."""
    verb = _leading_verb(text)
    return "" if verb.startswith(tuple(load_data("indicators.yaml")["progress_verbs"])) else verb


@functools.cache
def _joined_verbs() -> Prefixes:
    """Return the verbs of doing, longest first, each also after 和 or 、 (新修和改造道路: two verbs, one object)."""
    return Prefixes(tuple(j + v for v in word_list("object_verbs", "indicators.yaml") for j in ("", "和", "、")))


def opening_verb(text: str) -> str:
    """Return the verb of doing or building that opens ``text``: the longest one the data lists (新改扩建,
    新建改建: the segmenter tags 新建 a place name), else a first word tagged a verb; '' if none."""
    data = load_data("indicators.yaml")
    progress, listed, tokens = data["progress_verbs"], "", word_tags(text[:16])
    ends = set(itertools.accumulate(len(t.word) for t in tokens))
    while (word := _joined_verbs().first(text, len(listed))) and len(listed + word) in ends:  # not 新上 of 新上榜
        listed += word
        if word in progress:  # 建设完成: what follows tells how it went, not another verb of the object
            break
    if listed:
        return listed
    if tokens and tokens[0].flag.startswith("v") and len(tokens[0].word) >= 2:
        return tokens[0].word
    verb = opening_verb(text[1:]) if text.startswith("新") else ""  # 新创建 (tagged a name), 新培育 (新 an adjective)
    return "新" + verb if verb else ""


def _from_last_verb(text: str) -> str:
    """Return ``text`` from its verb on when a noun (a name) opens it (行政村筹集善款 → 筹集善款)."""
    tokens = word_tags(text)
    for i, token in enumerate(tokens[1:], 1):
        if token.flag.startswith("v") and tokens[0].flag.startswith("n"):
            return "".join(t.word for t in tokens[i:])
    return text


def without_period_after_copula(phrase: str) -> str:
    """Return ``phrase`` without a period right after its opening copula (为2021年启动项目 → 为启动项目): the
    period dates what a count is called, it is no figure ending the name."""
    copulas = load_data("indicators.yaml")["copulas"]
    if not phrase.startswith(tuple(copulas)):  # most phrases open with none: no regex
        return phrase
    return re.sub(rf"^({'|'.join(copulas)})(?:{period_matchers()[0].pattern})", r"\1", phrase)


def right_noun(text: str, start: int) -> str:
    """Return the noun a count governs, read after the unit (14个项目启动建设 → 项目启动建设); two nouns closing the
    clause share it (3条断头路、卡脖路)."""
    end = end_of_clause(text, start)
    phrase = without_period_after_copula(text[start:end])
    threshold = opening_threshold(phrase)
    phrase = phrase[len(threshold):]
    if not re.match(r"[\u4e00-\u9fff“]", phrase):
        return ""
    stops = load_data("indicators.yaml")["right_stops"]
    cut = min([i for i in (_stop_at(phrase, w) for w in stops) if i >= 0] + [len(phrase)])
    numeral = f"[{''.join(chinese_digits())}十]+[\u4e00-\u9fff]"  # 4个村、五个社区: 、 opens the next item
    whole = re.fullmatch(rf"[\u4e00-\u9fff“”]{{2,8}}、(?!{numeral})[\u4e00-\u9fff“”]{{2,8}}", phrase) if cut == len(phrase) else None
    item = rf"、(?={numeral})"
    phrase = whole.group() if whole else re.split(rf"[（(：:〔\[【［]|{name_ending_digit()}|(?<!^.)、|{item}", phrase[:cut])[0]  # 省、市重点项目: one head
    if len(phrase) > 12:
        phrase = _noun_prefix(phrase)  # a long predicate follows the noun: keep the noun only
    end = start + len(threshold) + len(phrase)
    return threshold + (without_own_measure(phrase) if text[end:end + 1].isdigit() else phrase)


def without_own_measure(phrase: str) -> str:
    """Return the things a count counts without the measure of theirs whose figure follows (10户规上企业实现工业总产值
    22.37亿元, 75家龙头企业年销售收入18.4亿元 → 规上企业, 龙头企业)."""
    reach = load_data("indicators.yaml")["reach_before_measure"]
    measure = re.search(rf"(?:(?:{'|'.join(reach['verbs'])})[\u4e00-\u9fff]{{0,4}}|年)?(?:{'|'.join(reach['measures'])})$", phrase)
    return phrase[:measure.start()] if measure and measure.start() >= 2 else phrase


def opening_threshold(phrase: str) -> str:
    """Return the threshold opening the noun a count counts, with the attribute it sorts by (6万名65岁以上老年人 →
    65岁以上, 5个投资亿元以上项目 → 投资亿元以上, 1个投资100亿元以上的大项目 → 投资100亿元以上的), '' if none: it
    sorts what is counted, it is no figure of its own."""
    match = _threshold_regex().match(phrase)
    return match.group() if match else ""


@functools.cache
def _threshold_regex() -> re.Pattern:
    """Return the pattern of a threshold opening a counted noun (see opening_threshold), compiled once."""
    data = load_data("not_facts.yaml")
    units = "|".join(sorted(map(re.escape, unit_table()), key=len, reverse=True))
    qualifiers, over = "|".join(data["threshold_qualifiers"]), "|".join(data["threshold_before"])
    attribute = "|".join(load_data("indicators.yaml")["attribute_words"])
    value = rf"(?:\d+(?:\.\d+)?[十百千万亿]*|[十百千万亿]+)(?:{units})"
    return re.compile(rf"(?:{attribute})?(?:(?:{over}){value}|{value}(?:{qualifiers})的?)(?=[\u4e00-\u9fff])")


def _stop_at(phrase: str, stop: str) -> int:
    """Return where ``stop`` first stands as a word of its own in ``phrase`` (-1 if nowhere): the 和 of 宜居宜业和美
    乡村 is inside 和美 (harmonious and beautiful), no joiner."""
    at, starts = phrase.find(stop), None
    inside = load_data("indicators.yaml")["right_stops_inside"]
    while at >= 0:
        if any(phrase.startswith(word, at - word.index(stop)) for word in inside if stop in word):
            at = phrase.find(stop, at + 1)
            continue
        if starts is None:
            starts = {start: word for start, word in _word_starts(phrase)}
        if at in starts and (starts[at] == stop or len(stop) > 1):  # 居全市: 居 + 全市 still stops at 居全
            return at
        at = phrase.find(stop, at + 1)
    return -1


def glued_word_at(text: str, at: int) -> bool:
    """Return True when a word that holds a right stop but joins nothing starts at ``at`` (和美 of 宜居宜业和美乡村)."""
    return any(text.startswith(word, at) for word in load_data("indicators.yaml")["right_stops_inside"])


def _word_starts(phrase: str) -> list[tuple[int, str]]:
    """Return (offset, word) of the words jieba cuts ``phrase`` into."""
    out, at = [], 0
    for token in word_tags(phrase):
        out.append((at, token.word))
        at += len(token.word)
    return out


def _noun_prefix(phrase: str) -> str:
    """Return the noun phrase opening ``phrase`` (党员干部重点保障… → 党员干部)."""
    words, at = [], 0
    for token in word_tags(phrase):
        verb = token.flag.startswith(("v", "d", "p", "u", "c")) and not glued_word_at(phrase, at)
        if words and (verb or at + len(token.word) > 12):  # a whole word or none: 落户徐水 is no 落户徐
            break
        words.append(token.word)
        at += len(token.word)
    return "".join(words)[:12]


def tidy_name(name: str) -> str:
    """Return an indicator name without repeated words, words of manner at its ends or a leading
    prepositional phrase (高质量完成省委巡视反馈问题 → 省委巡视反馈问题, 增长增长 → 增长)."""
    repeated, empty_verb, reach = _tidy_regexes()
    name = repeated.sub(r"\1", name)
    name = empty_verb.sub("", name)  # 巨力集团实现产值
    name = reach.sub("", name)  # 实现税收 whose owner no clause names: the place's own 税收
    name = clean_indicator(bare := without_inner_words(_without_manner(name))) or bare  # 高质量完成X: 完成 shows
    return _without_frame(_without_preposition(name) or name)


@functools.cache
def _tidy_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Return the regexes of a word said twice, an empty verb before a measure, and a verb of reach opening a name."""
    data = load_data("indicators.yaml")
    empty, bare = "|".join(data["empty_verbs_before_attribute"]), "|".join(data["subject_measures"])
    modal = "|".join(data["never_in_names"])
    return (re.compile(r"([\u4e00-\u9fff]{2,4})\1"),
            re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:{modal})?(?:{empty})(?=(?:{bare})$)"), re.compile(f"^{verb_of_reach()}"))


def _without_frame(name: str) -> str:
    """Return ``name`` without a framing 在…中/上 around its opening words (在全省营商环境评价中全市排名 →
    全省营商环境评价全市排名), without a place it was done within (在辖区内设置检测点 → 设置检测点); 在建 and other
    words opening with 在 stay."""
    data = load_data("indicators.yaml")
    tokens = word_tags(name)
    if not tokens or tokens[0].word not in data["frame_prepositions"] or tokens[0].flag != "p":
        return name
    within = "|".join(data["place_frames"].get(tokens[0].word, ["$^"]))
    place = re.match(rf"{tokens[0].word}[\u4e00-\u9fff“”、和]{{1,12}}?(?:{within})(.{{3,}})", name)
    if place:
        return place.group(1)
    closers = "|".join(data["frame_prepositions"][tokens[0].word])
    match = re.match(rf"{tokens[0].word}([\u4e00-\u9fff“”、和]{{2,24}}?)(?:{closers})(.+)", name)
    return match.group(1) + match.group(2) if match and len(match.group(2)) >= 2 else name


def _without_manner(name: str) -> str:
    """Return ``name`` without the adverbs of manner and aspect opening or closing it (重点培育X → 培育X,
    X全部 → X); a word that opens a noun (重点项目) stays."""
    bare, openers, endings = manner_lists()
    changed = name.startswith(openers) or name.endswith(endings)  # most names have neither: no loop
    while changed:
        changed = False
        for word in openers:
            rest = name[len(word):]
            if name.startswith(word) and len(rest) >= 2 and rest not in bare \
                    and (len(word) >= 4 or _opens_with_verb(name, word)):  # 从严从紧: never the start of a noun
                name, changed = rest, True
        for word in endings:
            rest = name[:-len(word)]
            if name.endswith(word) and len(rest) >= 2 and rest not in bare:
                name, changed = rest, True
    return _without_closing_idiom(name)


def _without_closing_idiom(name: str) -> str:
    """Return ``name`` without a four-character idiom closing it (街角游园星罗棋布 → 街角游园)."""
    if len(name) > 5 and load_posseg().dt.word_tag_tab.get(name[-4:]) == "i":  # the dictionary's own tag: no tagging pass
        before = word_tags(name[:-4])  # 整改安全隐患: after a verb, its object
        return name if before and before[-1].flag.startswith("v") else name[:-4]
    return name


def _opens_with_verb(name: str, word: str) -> bool:
    """Return True when ``name`` reads as ``word`` then a verb or another adverb (重点|培育领军企业), not as
    one longer word (成功率, 重点项目)."""
    tokens = iter(word_tags(name))
    first, second = next(tokens, None), next(tokens, None)
    return first is not None and first.word == word and second is not None \
        and second.flag in ("v", "vn", "vd", "d", "ad", "p")


def _without_preposition(name: str) -> str:
    """Return ``name`` after a leading 对/向/为 and its object (向我县选派支教人员 → 选派支教人员, 向乡镇下放政务服务事项
    → 下放政务服务事项): the object is the word after the preposition, with a pronoun or determiner before it;
    '' when the phrase is not a preposition's or too little is left."""
    data = load_data("indicators.yaml")
    tokens = word_tags(name)
    if tokens and tokens[0].word in data["means_openers"]:  # 依托街道党校举办培训班 → 举办培训班
        at = next((i for i, t in enumerate(tokens[2:6], 2) if t.flag in ("v", "vn") and len(t.word) >= 2), 0)
        rest = "".join(t.word for t in tokens[at:]) if at else ""
        return rest if len(rest) >= 3 else ""
    if len(tokens) < 3 or tokens[0].word not in data["leading_prepositions"] or tokens[0].flag != "p" \
            or data["possessive"] in name:  # 向企业发放贷款的金融机构: the phrase is inside what names the thing
        return ""
    at = 2 if tokens[1].flag != "r" and tokens[1].word not in data["object_determiners"] else 3
    rest = "".join(t.word for t in tokens[at:])
    return rest if len(rest) >= 3 and rest not in data["bare_names"] else ""