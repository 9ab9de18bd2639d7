"""Whose an attribute figure is and what a bare one is of: the grammar around a number. An attribute figure (投资6亿元,
总投资9100万元) belongs to the thing named after 的, to the object of the verb that follows it, or to the clause before
it; a short rate or lone verb is named after the clause before (subjects.py names counts opening their clause)."""
from __future__ import annotations

import itertools
import re

from generator.datafiles import load as load_data
from generator.read.indicators import after_grouping, clean_indicator, opening_verb, without_manner_opening
from generator.read.lexicon import (NOTE_MARK, after_examples_end, count_regex, examples_end_at, list_marker, magnitudes, period_matchers, size_alternation, unit_alternation,
                                    unit_table)
from generator.read.name_periods import without_periods
from generator.read.not_facts import project_with_capacity
from generator.read.segment import word_tags
from generator.read.subjects import ADVERB_FLAGS, NOUN_ENDS, is_verbal, subject_count_name
from generator.read.sentences import end_of_clause, start_of_clause

_NAME_MAX = 20  # characters of an owner's name: a longer phrase runs into what is said of it


def attribute_owner(sentence: str, start: int, pos: int, clause_start: int, bare: bool) -> str:
    """Return what an attribute figure ending at ``pos`` is of: the noun after 的 (投资6亿元的X), the object
    of the verb after it (投资1.2亿元建成X), or, for a figure named by the attribute alone, the thing named
    in the clause before it (实施X工程，投资2.29亿元); '' when nothing says."""
    data = load_data("indicators.yaml")
    pos = after_glued_value(sentence, pos)
    rest = sentence[pos:end_of_clause(sentence, pos)]
    if rest.startswith(data["possessive"]):
        return _owner_phrase(rest[1:], subject=True)
    second = re.match(rf"、[^，；。{data['possessive']}]*\d[^，；。]*?{data['possessive']}(.+)", rest)
    if second:  # 投资4.65亿元、日供水能力达到10万吨的地表水厂: two sizes of the thing after 的
        return _owner_phrase(second.group(1), subject=True)
    if not bare:
        return ""
    treated = _treated_object(rest)
    if treated:
        return treated
    verb = opening_verb(rest)
    if verb:  # 投资1.7亿元建设的牛羊养殖基地: the thing built after 的
        return _owner_phrase(rest[len(verb):].removeprefix(data["possessive"]))
    if rest.strip():
        return ""
    if (clause_start == 0 or sentence[clause_start - 1] in "；;") and sentence.startswith("，", pos) \
            and not count_regex().search(sentence[clause_start:start]):  # 投资8.38亿元，完成…; not 项目164个、总投资…
        after = sentence[pos + 1:end_of_clause(sentence, pos + 1)]
        verb = opening_verb(after)
        if verb:
            return _owner_phrase(after[len(verb):])
    same_clause = re.split(r"[、和及]?(?:" + "|".join(data["attribute_words"]) + ")[^、和及]*$", sentence[clause_start:start])[0]
    if count_regex().search(same_clause):  # 在谈项目25个、总投资148亿元
        return _owner_phrase(same_clause)
    if clause_start < 2:
        return ""
    before_start = start_of_clause(sentence, clause_start - 1)
    before = sentence[before_start:clause_start - 1]
    if re.search(r"\d", before) and not count_regex().search(before) or not without_periods(before) \
            or re.split("[：:]", before)[-1].startswith(tuple(data["anaphors"])):  # 该项目位于X村，总投资…: named before
        return ""  # 五年来，累计投资…: a period alone owns nothing
    tokens = word_tags(before)
    while tokens and (tokens[0].flag in ("v", "d", "p", "ad") or tokens[0].word in data["manner_words"]):
        tokens = tokens[1:]
    phrase = "".join(t.word for t in tokens)
    phrase = after_examples_end(phrase)  # 引进A、B等优质产业项目，投资总额…: what the examples are of
    return project_with_capacity(phrase, 0) or _owner_phrase(phrase)  # 新建年产10万吨饲料加工项目，总投资…


def _treated_object(rest: str) -> str:
    """Return what was done to what after a figure spent on it (投入100万元对全县所有畜禽进行了强制免疫 →
    畜禽强制免疫), '' when the words after the figure do not read 对X进行Y."""
    data = load_data("indicators.yaml")["spent_on"]
    match = re.fullmatch(rf"(?:{'|'.join(data['prepositions'])})(.+?)(?:{'|'.join(data['verbs'])})([\u4e00-\u9fff]{{2,8}})", rest)
    if not match:
        return ""
    units = "|".join(sorted(unit_table(), key=len, reverse=True))
    thing = re.sub(rf"^.*\d(?:[\d.{''.join(magnitudes())}余多]*)(?:{units})", "", match.group(1))  # 5万余亩林木 → 林木
    thing = re.sub("^(?:" + "|".join(data["determiners"]) + ")", "", clean_indicator(thing))
    return thing + match.group(2) if len(thing) >= 2 else ""


def after_glued_value(sentence: str, pos: int) -> int:
    """Return where the words after a value start, past a second value glued to it (投资6.4亿元7.4公里的)."""
    match = re.match(r"\d+(?:\.\d+)?", sentence[pos:])
    if not match:
        return pos
    end = pos + match.end()
    unit = next((u for u in sorted(unit_table(), key=len, reverse=True) if sentence.startswith(u, end)), None)
    return end + len(unit) if unit else pos


def _owner_phrase(text: str, subject: bool = False) -> str:
    """Return the thing a phrase names: the things a count in it counts (的3条道路新建工程 → 道路新建工程;
    as a subject, 的44个项目成功签约 → 签约项目), else the phrase up to 等, a period or an adverb
    (县养老服务中心年内投入使用 → 县养老服务中心)."""
    attributes = "|".join(load_data("indicators.yaml")["attribute_words"])
    text = re.split(rf"[、和及](?:{attributes}|\d)|(?:{attributes})(?=\D?\d)", text)[0]  # X ends at the next figure
    text = re.sub(r"（[^）]*）|\([^)]*\)", "", _before_note(text))
    text = re.sub(rf"\d+(?:\.\d+)?(?:{size_alternation()}){load_data('indicators.yaml')['possessive']}?(?=[\u4e00-\u9fff])",
                  "", text)  # 中华9.3公里弹石公路, 王庄村4公里的水泥路: the thing, not its size
    lead, names = _lead_index(text), tuple(load_data("not_facts.yaml")["chinese_name_units"])  # 二期: a phase, no count
    counts = [m for m in count_regex().finditer(text) if m.start() < lead + _cut_index(text[lead:])
              and (not m.group().endswith(names) or m.group() in load_data("indicators.yaml")["batch_words"])]  # 一批
    if counts:  # 的何桥、李庄等6个乡镇41个村的土地整治项目: the things counted last
        after = re.split(rf"[\d，]|、(?=\S{{0,3}}(?:\d|{attributes}))", text[counts[-1].end():])[0]
        after = after.partition(load_data("indicators.yaml")["possessive"])[2] or after  # 41个村的土地整治项目
        before = text[lead:counts[0].start()]
        last = word_tags(before)[-1] if before else None  # 长城汽车项目五个车间: the parts counted are the project's
        owner = last is not None and last.flag in NOUN_ENDS and len(last.word) >= 2 and not re.search("[等、和及]", before)
        if after and not owner:
            return subject_count_name(after) if subject else _cut(after)
        return _cut(text[:counts[0].start()])  # 县以上重点项目64个, 长城汽车项目五个车间…: the noun before the count
    text = re.sub(rf"\d+(?:\.\d+)?(?:{unit_alternation()})(?:、.*)?$", "", text)  # 整地12.2万亩: the object, not its size
    return _cut(text.split("等")[0])


def _before_note(text: str) -> str:
    """Return ``text`` up to a footnote mark that ends the thing it names (智能制造产业园〔8〕奠基开工 → 智能制造产业园),
    without the mark when only a word of progress follows it (“五馆两中心”[9]建设 → 五馆两中心建设)."""
    head, after = (NOTE_MARK.split(text, maxsplit=1) + [""])[:2]
    return head + after if after in load_data("indicators.yaml")["progress_verbs"] else head


def _cut(text: str) -> str:
    """Return ``text`` from its first noun up to its next period phrase, adverb or preposition, quotes removed
    (全年共谋划储备项目 → 谋划储备项目)."""
    start = _lead_index(text)
    return _shortened(text[start:start + _cut_index(text[start:])].strip("“”\"、，"))


def _shortened(name: str) -> str:
    """Return a name of at most _NAME_MAX characters, cut where a word ends, never inside one (…清水河生态补水工程 →
    …清水河, not …清水河生)."""
    if len(name) <= _NAME_MAX:
        return name
    ends = [end for end in itertools.accumulate(len(t.word) for t in word_tags(name)) if end <= _NAME_MAX]
    return name[:ends[-1]].rstrip("、和及与") if ends else name[:_NAME_MAX]


def _lead_index(text: str) -> int:
    """Return where ``text`` starts after a leading period phrase and adverbs (全年共…)."""
    period = period_matchers()[0].match(text)
    at = period.end() if period else 0
    for token in word_tags(text[at:]):
        if token.flag not in ("d", "ad") and token.word not in load_data("indicators.yaml")["manner_words"]:
            break
        at += len(token.word)
    return at


def _cut_index(text: str) -> int:
    """Return where ``text`` stops naming a thing: its first period phrase, adverb, preposition, predicate of
    manner (项目进展顺利 → 项目) or of completion (项目建成投产 → 项目)."""
    data = load_data("indicators.yaml")
    period = period_matchers()[0].search(text)
    end = period.start() if period and period.start() > 0 else len(text)
    at = 0
    for token in word_tags(text[:end]):
        joined = token.word in ("和", "与", "及") and re.match(rf"[^，、；。\d]{{1,16}}?(?:{'|'.join(data['project_heads'])})", text[at:end])
        ranged = text[at - 1:at].isdigit() and text[at + len(token.word):at + len(token.word) + 1].isdigit()  # 10至500万元
        if at and not ranged and (token.flag in ("d", "ad", "p", "c") or token.word in data["manner_words"]
                   or token.word in data["completion_predicates"] and _closes(text[at + len(token.word):end])
                   or text.startswith(tuple(w for w in data["manner_endings"] if len(w) > 2), at)):
            return at + joined.end() if joined else at  # …翻修和雨污分流工程: one project's name, to its head
        at += len(token.word)
    return end


def _closes(rest: str) -> bool:
    """Return True when no noun follows a predicate of completion (的“大北环”全线通车, 项目建成运营: the work is named
    before it; 竣工项目: it qualifies the noun after it); a second predicate joined after it (落户并部分投产) is no noun."""
    tokens = list(itertools.takewhile(lambda t: t.flag not in ("c", "d"), word_tags(rest)))
    return not any(t.flag.startswith("n") for t in tokens)


def has_governing_verb(text: str, opening: int = 0) -> bool:
    """Return True when ``text`` holds a verb that could govern what follows it (完成, 新建, 谋划), not
    counting attribute words (投资) and adverbs of manner; only among its first ``opening`` words, if given."""
    data = load_data("indicators.yaml")
    skip = set(data["attribute_words"]) | set(data["manner_words"]) | set(data["before_prepositions"])
    text = re.sub(r"\d+(?:\.\d+)?", " ", text)
    tokens = word_tags(text)[:opening] if opening else word_tags(text)
    return any((t.flag == "v" or t.flag == "vn" and i == 0) and len(t.word) >= 2 and t.word not in skip
               and not (i and tokens[i - 1].flag == "p") for i, t in enumerate(tokens))  # 对低保: an object


def topic_of_rate(name: str, before: str, earlier_name: str) -> str:
    """Return a short rate or a lone verb named after the clause before it: the rate of the fact there
    (采集事件2.2万件，结案率达100% → 采集事件结案率), a verb of its object (新开工亿元以上项目33个，竣工22个 →
    竣工亿元以上项目), a rate of the words it repeats (提升老年人疫苗接种，接种率 → 老年人疫苗接种率); ``name`` if none."""
    data = load_data("indicators.yaml")
    rate = name.endswith(tuple(data["rate_endings"])) and len(name) <= 3
    verbs = {*data["object_verbs"], *data["completion_predicates"]}  # 竣工, 改造提升, 整治, 落地 (tagged a noun)
    verb = not rate and 1 <= len(word_tags(name)) <= 2 and all(t.flag in ("v", "vn") or t.word in verbs for t in word_tags(name))
    if not (rate or verb):
        return name
    if earlier_name:
        if verb:
            return _verb_of_earlier_thing(name, earlier_name, data)
        rated = earlier_name.endswith(tuple(data["rate_endings"]))  # 完成率达115%，开工率…: a rate owns no rate
        return without_opening_verbs(earlier_name) + name if rate and not rated else name
    stem = name[:-1]
    if rate and not re.search(r"\d", before) and not (len(stem) >= 2 and before.endswith(stem)):
        topic = topic_phrase(before)  # 全面推进新农合工作，参合率达到73.2% → 新农合参合率
        topic = re.sub("(?:" + "|".join(load_data("modality.yaml")["share_suffixes"]) + ")$", "", topic)  # X覆盖面扩大，参保率
        return topic + name if len(topic) >= 2 else name
    if rate and len(stem) >= 2 and before.endswith(stem):
        words = []
        for token in reversed(word_tags(before)):
            if token.flag not in ("n", "vn", "nz", "j", "nr", "s") and token.word not in ("“", "”") and words:  # 事项网上办理
                break
            words.insert(0, token.word)
        return "".join(words)[:-len(stem)] + name
    return _verb_repeated(name, before) if verb and not re.search(r"\d", before) else name


def _verb_of_earlier_thing(verb: str, earlier_name: str, data: dict) -> str:
    """Return a lone verb named after the thing the fact before acts on (新修公路27.2公里，整治25.4公里 → 整治公路) or
    its subject (城区下水道安装2000米，疏通5000米 → 城区下水道疏通); ``verb`` when that fact is no act on a thing."""
    leading = sorted({*data["object_verbs"], *data["strip_leading"], *data["completion_predicates"]},
                     key=len, reverse=True)  # 新建 is tagged a place, 落地 a noun
    opening = next((v for v in leading if earlier_name.startswith(v) and len(earlier_name) > len(v)), "")
    object_tokens = word_tags(earlier_name[len(opening):])
    if object_tokens and not opening and not is_verbal(object_tokens[0]):
        nouns = object_tokens[:-1]  # 城区下水道 安装: a subject before the verb; 入园企业30家，在建6家: the thing
        if all(t.flag in NOUN_ENDS for t in nouns):
            return "".join(t.word for t in nouns) + verb if is_verbal(object_tokens[-1]) else verb + earlier_name
        return verb
    while object_tokens and (is_verbal(object_tokens[0]) or object_tokens[0].word in leading):
        object_tokens = object_tokens[1:]
    return verb + "".join(t.word for t in object_tokens) if object_tokens else verb


def _verb_repeated(verb: str, before: str) -> str:
    """Return a lone verb named after the clause before it when that clause opens with the same verb (积极偿还县、
    乡两级债务，全年偿还 → 偿还县、乡两级债务): the verb with its object there; ``verb`` otherwise (实施…培训“阳光工程”，
    完成培训: 培训 is inside a name)."""
    data = load_data("indicators.yaml")
    heads = "|".join(data["generic_heads"])
    tokens = list(word_tags(re.sub(f"(?:{heads})$", "", before)))
    while tokens and (tokens[0].word in data["manner_words"] or tokens[0].flag in ADVERB_FLAGS):
        tokens = tokens[1:]
    after = "".join(t.word for t in tokens[1:])
    if not tokens or tokens[0].word != verb or len(after) < 2 or has_governing_verb(after):
        return verb
    return verb + after


def without_opening_verbs(name: str) -> str:
    """Return a name without the verbs opening it (办复政协委员提案 → 政协委员提案), whole if only verbs."""
    tokens = word_tags(name)
    at = next((i for i, t in enumerate(tokens) if not is_verbal(t)), len(tokens))
    rest = "".join(t.word for t in tokens[at:])
    return rest if len(rest) >= 2 else name


def topic_phrase(clause: str) -> str:
    """Return the thing a clause without figures is about: its first run of nouns once leading adverbs and
    verbs are gone, without a closing generic head (积极开展农民健康工程 → 农民健康工程; 全面推进新农合工作 → 新农合)."""
    data = load_data("indicators.yaml")
    clause = after_grouping(clause) or clause  # A、B、C三大主导产业 → 主导产业
    tokens = list(word_tags(clause))
    while tokens and (is_verbal(tokens[0]) or tokens[0].word in data["manner_words"]
                      or tokens[0].flag in (*ADVERB_FLAGS, "l")):  # 积极开展 is one idiom
        tokens = tokens[1:]
    run = 0
    while run < len(tokens) and tokens[run].flag.startswith(NOUN_ENDS + ("vn", "b", "a", "t")) \
            and (tokens[run].word not in data["manner_words"] or _modifies_noun(tokens, run)):
        run += 1
    while run and not tokens[run - 1].flag.startswith(NOUN_ENDS):
        run -= 1  # 城乡居民社会养老保险全面启动: the run ends on a noun
    rest = tokens[run:]
    topic = re.sub("(?:" + "|".join(data["generic_heads"]) + ")$", "", "".join(t.word for t in tokens[:run]))
    if not all(len(t.word) >= 2 and (is_verbal(t) or t.flag in ("vn", "i", "l") or t.word in data["manner_words"]) for t in rest if
               t.word not in data["generic_heads"]):
        return ""  # the clause goes on to name more than a predicate (新农合工作 cut as 新农/合)
    return topic if len(topic) >= 2 and topic not in data["bare_names"] else ""


def _modifies_noun(tokens: list, at: int) -> bool:
    """Return True when a word of manner at ``at`` modifies the noun after it (城镇居民基本医疗保险), not a verb."""
    return at + 1 < len(tokens) and tokens[at + 1].flag.startswith(NOUN_ENDS)


def topic_of_state(clause: str) -> str:
    """Return the topic of a clause without figures that states how something went (空气质量持续改善 →
    空气质量): its words before a state adverb and verb (state_adverbs, state_verbs), '' for any other clause."""
    if re.search(r"\d", clause):
        return ""
    data = load_data("indicators.yaml")
    adverbs, verbs = "|".join(data["state_adverbs"]), "|".join(data["state_verbs"])
    match = re.fullmatch(rf"([\u4e00-\u9fff]{{2,6}}?)(?:{adverbs})(?:{verbs})", clause)
    topic = clean_indicator(match.group(1)) if match else ""
    return topic if len(topic) >= 2 and not has_governing_verb(topic) else ""


def possessive_tail(sentence: str, pos: int, joiners: str = "") -> str:
    """Return what is done to a list whose first item ends at ``pos`` (完成高铁核心区八百亩、经编园板块的收储清零 →
    收储清零): the head after 的 closing the clause, '' when the clause reads otherwise; items joined by
    ``joiners`` may carry their own figures (110公里农村公路和24座桥梁的修复重建)."""
    tail, possessive = sentence[pos:end_of_clause(sentence, pos)], load_data("indicators.yaml")["possessive"]
    items = rf"[{joiners}][^、，]{{1,16}}" if joiners else r"、[^\d、]{1,16}"
    match = re.fullmatch(rf"{items}{possessive}([\u4e00-\u9fff]{{2,8}}(?:、[\u4e00-\u9fff]{{2,8}})?)", tail)
    return match.group(1) if match and possessive not in match.group(1) else ""


def opens_its_clause(left: str, before: str) -> bool:
    """Return True when no verb governs a count, only a preposition at most: it is the subject of its
    clause (7个主题公园…, 对14家纳税大户…, 总投资168.2亿元的44个项目…), not an object (完成14个行政村…)."""
    names = load_data("indicators.yaml")
    scopes = "|".join(load_data("modality.yaml")["rank_scopes"])
    left = re.sub("^(?:" + "|".join(names["before_prepositions"]) + ")", "", without_manner_opening(left))  # 免费为全县
    if left and re.sub(f"(?:{scopes})$", "", left) not in names["leading_prepositions"]:  # 对全区298个村, 使全县923名
        return False
    before = re.split("[：:]", before)[-1]  # 民生实事：完成A、B等6个…: the words after a colon open their own clause
    if (end := examples_end_at(before)) >= 0:  # 完成A、B等N个…: a governing verb opens the list of examples, not a name
        head, tail = before[:end], before[end + len(list_marker("examples_end")):]
        return not has_governing_verb(tail) and not has_governing_verb(_without_last_word(head.split("、")[0]), opening=2)
    return not has_governing_verb(before)


def _without_last_word(item: str) -> str:
    """Return the first example of a list without its last word, if it has more than one: a governing verb has its
    object after it, and a firm's name may end in a word tagged a verb (恒通包装, 华远超声)."""
    tokens = word_tags(item)
    return "".join(t.word for t in tokens[:-1]) if len(tokens) > 1 else item
