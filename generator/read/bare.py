"""Bare figures (总投资, 总数, 倍, a lone unit, 实现产值) named after what their sentence says they are of."""
from __future__ import annotations

import functools
import re

from generator.datafiles import load as load_data
from generator.read.indicators import clean_indicator, object_of_opening_verb, opening_verb, tidy_name
from generator.read.lexicon import Prefixes, data_pattern, growth_words, magnitudes, unit_table
from generator.read.name_periods import without_periods
from generator.read.numbers import Num, qualifier_before
from generator.read.owners import topic_phrase
from generator.read.projects import name_by_project_before, named_after, project_named
from generator.read.subjects import NOUN_ENDS, is_verbal, subject_of, whole_predicate
from generator.read.segment import word_tags
from generator.read.sentences import end_of_clause, start_of_clause

LOOK_BACK = 12  # figures of a sentence searched back for the one a bare figure belongs to
_STATEMENT_REACH = 300  # characters searched back for the start of the statement a park may open


def name_bare_by_earlier(sentence: str, drafts: list) -> None:
    """Name each bare figure of a sentence (总投资, 总数, 倍, a lone unit, 实现产值) after the nearest earlier
    figure of that sentence that names a thing: an attribute or total after a count (竣工项目36个，总投资27.61亿元
    → 竣工项目总投资; 新增规上工业企业8家，总数达110家 → 规上工业企业总数; 入园企业达135家，实现产值131.9亿元 →
    入园企业产值), a multiple after a level (…126.4亿元，同比增长13%，是2006年的2.2倍 → 地区生产总值); else
    after the topic of a clause before it without figures (现代服务业蓬勃发展，完成增加值295.8亿元)."""
    data = load_data("indicators.yaml")
    name_by_project_before(sentence, drafts)
    for i, draft in enumerate(drafts):
        window = drafts[max(0, i - LOOK_BACK):i]  # an owner is near: a long list stays linear
        if draft.extra.get("project"):
            continue
        things = _count_of_earlier_things(sentence, draft, window)
        if things:  # 完成民生实事: the act tells this count from the earlier one, so tidying keeps it
            draft.indicator, draft.extra["tidy"] = things, False
        lone = draft.indicator in ("", draft.num.unit)
        name = "" if lone else bare_core(draft.indicator, data)
        growth_only = draft.num.growth and (not name or name in growth_words())  # 数量同比增长50%: the count's
        if things or not (name or lone) or draft.kind == "rank" or growth_only:
            continue
        if name in data["attribute_words"] and named_after(sentence, draft):
            continue  # 投资300万元完成小麦深松整地: what follows names what was invested in
        listed = any(d.quote_start == draft.quote_start for d in (*window, *drafts[i + 1:i + 2]))
        if not name and listed:
            continue  # 力争达到700亿元、60亿元: a list of values whose items the clause does not name
        owner = next((d for d in reversed(window) if _before_clause_or_item(sentence, d, draft)
                      and _can_own(d, draft, name, data)), None)
        unit = _sub_unit_opening(sentence, draft.quote_start, data) if owner is None and name in data["bare_names"] else ""
        subject = _parallel_subject(window[-1], draft, name, data) if window and owner is None and not unit else ""
        if subject:  # 巨力集团实现产值70亿元、纳税2.06亿元 → 巨力集团纳税
            draft.indicator = subject + name
        elif owner is not None:
            draft.indicator = _owner_name(owner.indicator, name, draft.num.unit, data)
        elif name in data["bare_names"] and draft.quote_start >= 2:
            before = sentence[start_of_clause(sentence, draft.quote_start - 1):draft.quote_start - 1]
            before = re.sub(f"^(?:{data_pattern('level_3')})", "", before)  # (3)X项目，总投资…: the item's mark
            batch = _batch_heading(before, data)
            topic = unit or ("" if re.search(r"\d", before) else batch or project_named(before, data) or topic_phrase(before))
            draft.indicator = (topic if name in topic else topic + name) if topic else draft.indicator
    for i, draft in enumerate(drafts):  # what no rule above named: 水稻种植面积达5000亩，总产2600吨 → 水稻总产
        draft.indicator = _thing_measured_before(sentence, draft, drafts[max(0, i - LOOK_BACK):i], data) or draft.indicator
    _name_by_opening_park(sentence, drafts, data)


def _name_by_opening_park(sentence: str, drafts: list, data: dict) -> None:
    """Give the figures of a statement a park opens as its subject the park's name (经济开发区基础设施建设扎实推进，
    主营业务收入完成100.1亿元 → 经济开发区主营业务收入), unless their clause names a place of its own (全县, 我镇)."""
    for draft in drafts:
        unit = _sub_unit_opening(sentence, draft.quote_start, data) if draft.kind != "rank" else ""
        if not unit or not draft.indicator or any(e in draft.indicator for e in data["sub_unit_endings"]) \
                or unit.endswith(tuple(data["designation_endings"])) or any(t.flag[:1] in "vpdc" for t in word_tags(unit)):
            continue  # 依托开发区, 被评为先进开发区: the park is no subject; 全域旅游示范区: a title, not a place
        if not re.search(data["own_place"], sentence[start_of_clause(sentence, draft.num.start):draft.num.start]):
            draft.indicator = unit + draft.indicator


@functools.lru_cache(maxsize=2)
def _park_opening(endings: tuple[str, ...]) -> re.Pattern:
    """Return the regex of a park's name opening a statement (县城工业园区, 经济开发区“…”)."""
    return re.compile(rf"[\u4e00-\u9fff（）()]{{0,16}}?(?:{'|'.join(sorted(endings, key=len, reverse=True))})(?=[\u4e00-\u9fff“])(?!等)")


def _sub_unit_opening(sentence: str, at: int, data: dict) -> str:
    """Return the unit of the place (a park, a zone) opening the statement ``at`` is in, when it is the statement's
    subject (县城工业园区通过深入挖潜，年底力争完成产值190亿元 → 县城工业园区), '' otherwise."""
    floor = max(0, at - _STATEMENT_REACH)
    start = max(sentence.rfind(mark, floor, at) for mark in "；;。") + 1
    if start == 0 and floor > 0:
        return ""  # no statement a park opens runs this long: a long sentence is not searched back to its start
    match = _park_opening(tuple(data["sub_unit_endings"])).match(sentence, start, at)
    return re.sub(r"[（(][^）)]*[）)]", "", match.group()) if match and not re.search(r"\d", match.group()) else ""


def _thing_measured_before(sentence: str, draft, window: list, data: dict) -> str:
    """Return the thing a lone measure of a product (产值, 总产, 均价, 涉及金额) is of: the thing the figure of the
    clause before counts or sizes (烟叶收购9.8万担，均价36.01元 → 烟叶收购; 打击非法金融活动7起，涉及金额… →
    非法金融活动), '' when that figure names none."""
    measure = re.sub("^(?:" + "|".join(data["empty_verbs_before_attribute"]) + ")", "", draft.indicator)  # 实现产值
    earlier = window[-1] if window else None
    if measure not in data["thing_measures"] or earlier is None or earlier.kind == "rank" or earlier.num.growth or earlier.num.unit == "%" \
            or not _before_clause_or_item(sentence, earlier, draft):  # 种植辣椒3万亩、产量2.7万吨: the item before
        return ""
    name = tidy_name(earlier.indicator)  # 粮食播种面积稳定在: the manner word is not the thing's
    ends = sorted(data["thing_measure_ends"], key=len, reverse=True)
    name = next((name[:-len(e)] for e in ends if name.endswith(e) and len(name) > len(e)), name)
    thing = name[len(opening_verb(name)):]
    tokens = word_tags(thing)
    named = tokens and (tokens[-1].flag in (*NOUN_ENDS, "vn") or len(tokens) > 1 and tokens[0].flag in NOUN_ENDS)
    ok = len(thing) >= 2 and named and thing not in data["bare_names"]  # 烟叶收购: a noun and its verb name a thing
    ok = ok and not thing.startswith(tuple(data["leading_prepositions"]) + ("以",))  # 形成以…为主的企业集团: a frame
    return thing + measure if ok else ""


def _before_clause_or_item(sentence: str, earlier, draft) -> bool:
    """Return True when ``earlier`` ends before the clause of ``draft`` or before its list item
    (实施省市重点项目57个、完成投资112亿元)."""
    return earlier.num.end <= draft.quote_start or sentence.startswith("、", earlier.num.end) \
        and earlier.num.end < draft.num.start


def _parallel_subject(earlier, draft, name: str, data: dict) -> str:
    """Return the subject of the attribute figure just before a bare attribute figure of the same kind
    (巨力集团实现产值70亿元、纳税2.06亿元 → 巨力集团), '' when that figure names no subject."""
    group = unit_table().get(draft.num.unit or "", (None, None, ""))[2]
    if len(name) < 2 or name not in data["bare_names"] or name in data["multiples"] or earlier.num.growth \
            or earlier.kind == "rank" or unit_table().get(earlier.num.unit or "", (None, None, ""))[2] != group:
        return ""
    return subject_of_measure(earlier.indicator) if name in data["subject_measures"] else ""


def subject_of_measure(name: str) -> str:
    """Return whose measure a name is (巨力集团实现产值 → 巨力集团, 规模以上工业总产值 → 规模以上工业), '' when it names
    a measure alone or no measure."""
    data = load_data("indicators.yaml")
    attribute = next((b for b in sorted(data["subject_measures"], key=len, reverse=True) if name.endswith(b)), "")
    verbs = "|".join((*data["empty_verbs_before_attribute"], *data["done_attribute_verbs"]))
    subject = re.sub(rf"(?:{verbs})$", "", name[:-len(attribute)]) if attribute else ""
    tokens = word_tags(subject)
    owner = len(subject) >= 2 and tokens and tokens[-1].flag in NOUN_ENDS and not subject.endswith(tuple(data["budget_qualifiers"]))
    return subject if owner else ""


@functools.lru_cache(maxsize=4)
def _leading_words(words: tuple[str, ...]) -> Prefixes:
    """Return the empty words that may open a name, longest first, ready for look-up."""
    return Prefixes(tuple(sorted(words, key=len, reverse=True)))


def bare_core(name: str, data: dict) -> str:
    """Return what is left of a name once its leading empty verbs go (实现产值 → 产值) when that is a bare
    attribute, total or multiple; '' for a name of its own or a lone unit."""
    leading = _leading_words(tuple(data["strip_leading"] + data["anaphors"]))  # 该项目总投资 → 总投资
    while name and name not in data["bare_names"] and name not in data["totals"]:
        word = next((w for w in leading.opening(name) if len(name) > len(w)), None)
        if word is None:
            return ""
        name = name[len(word):]
    return name


def _count_of_earlier_things(sentence: str, draft, earlier: list) -> str:
    """Return the name of a count whose clause names no thing, only an act, after the things an earlier count of
    its sentence named in the same unit (20项民生实事，已完成16项，仍有4项未能如期完成 → 完成民生实事,
    未能如期完成民生实事); '' otherwise."""
    group = unit_table().get(draft.num.unit or "", (None, None, ""))[2]
    if group != "count" or "right_raw" not in draft.extra or draft.kind == "rank":
        return ""
    owner = next((d for d in reversed(earlier) if d.num.unit == draft.num.unit and d.extra.get("right_raw")
                  and d.quote_end <= draft.quote_start), None)
    clause = sentence[draft.quote_start:draft.num.start] + sentence[draft.num.end:draft.quote_end]
    before = word_tags(sentence[draft.quote_start:draft.num.start])
    after = word_tags(sentence[draft.num.end:draft.quote_end])
    if owner is None or re.search(r"\d", clause) or any(t.flag.startswith("n") or t.flag == "m" for t in (*before, *after)):
        return ""
    thing, data = clean_indicator(owner.extra["right_raw"]), load_data("indicators.yaml")
    sums, reach = "|".join(data["reach_sum_words"]), "|".join(data["list_level_verbs"])
    if re.fullmatch(f"(?:{sums})?(?:{reach})", sentence[draft.quote_start:draft.num.start]):
        return thing  # 新增91家总部企业，累计达到116家: the stock of the things counted before
    act = whole_predicate(list(after)) or whole_predicate(list(before))
    return act + thing if act else ""


def _can_own(owner, draft, name: str, data: dict) -> bool:
    """Return True when ``owner`` can be what the bare figure ``draft`` named ``name`` is of."""
    if name in data["totals"] and owner.num.growth and owner.num.unit == "%" and len(owner.indicator) >= 2:
        return owner.indicator not in data["bare_names"]  # 地区生产总值增长6%，总量突破1400亿元: the level grown
    if owner.indicator in data["bare_names"] or owner.num.unit == "%" or owner.num.growth or owner.kind == "rank":
        return False
    group = unit_table().get(owner.num.unit or "", (None, None, ""))[2]
    if name in data["totals"]:  # 8000亩 … 总数达3.2万亩: one measure, other magnitudes
        things = owner.num.unit in load_data("not_facts.yaml")["group_count_units"]  # 公路20条，总里程60公里
        return unit_table().get(owner.num.unit or "", ("",))[0] == unit_table().get(draft.num.unit or "", (None,))[0] \
            or things and name in data["totals_of_things"]
    if name in data["attribute_words"]:
        return group == "count"
    if name in data["bare_names"] and name not in data["multiples"] and len(name) >= 2:  # 入园企业达135家，实现产值…
        things = load_data("not_facts.yaml")["group_count_units"]  # firms, projects, households: not tonnes
        return owner.num.unit in things and unit_table().get(draft.num.unit or "", (None, None, ""))[2] != "count"
    return not name or name in data["multiples"]


def _owner_name(owner: str, name: str, unit, data: dict) -> str:
    """Return the bare name completed by its owner: an attribute after the owner's name, a multiple as the
    owner's; a total or a lone count without the verb that counted what was new (新增规上工业企业 → 规上工业企业总数)."""
    if name in data["multiples"]:
        return owner
    if name and name not in data["totals"]:
        measure = next((b for b in data["bare_names"] if len(b) >= 2 and b[-1] in "数量" and owner.endswith(b)), "")
        return owner[:len(owner) - len(measure)] + name  # 加计扣除户数X户、金额Y亿元 → 加计扣除金额
    if name or unit_table().get(unit or "", (None, None, ""))[2] == "count":
        owner = next((owner[len(v):] for v in data["new_count_verbs"] if owner.startswith(v) and len(owner) > len(v) + 1), owner)
        tokens = word_tags(owner)
        while len(tokens) > 1 and is_verbal(tokens[0]) and len(tokens[0].word + tokens[1].word) > 2 \
                and not (len(tokens[1].word) == 1 and tokens[1].flag == "n"):  # 新+植: one verb; 创新药: a noun
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1].word in (*growth_words(), *data["new_count_verbs"]):
            tokens = tokens[:-1]  # 高新技术企业净增17家，总数达135家: the change said after its subject
        owner = "".join(t.word for t in tokens)
    return owner + name


def _batch_heading(clause: str, data: dict) -> str:
    """Return what a clause announcing a batch is about (在建项目竣工投产一批 → 在建项目竣工投产), '' if it announces none."""
    word = next((w for w in data["batch_words"] if clause.endswith(w)), "")
    topic = clean_indicator(clause[:-len(word)]) if word else ""
    return topic if len(topic) >= 4 else ""


def name_by_sentence_context(sentence: str, drafts: list) -> None:
    """Name a share of a target (完成任务目标的114.4%) and an average with no subject (平均溢价) after the figure before
    it, a batch named by its ordinal alone (第二批22台) after the campaign a clause before it names, a count after a
    verb of reach after the things counted before it."""
    data = load_data("indicators.yaml")
    completion = re.compile(data["target_completion"] + "$")
    for i, draft in enumerate(drafts):
        before = sentence[draft.quote_start:draft.num.start]
        match = completion.search(before) if draft.num.unit == "%" else None
        level = next((d for d in reversed(drafts[max(0, i - LOOK_BACK):i]) if d.num.unit != "%" and not d.num.growth
                      and d.kind != "rank" and d.num.end <= draft.quote_start), None)
        if match or draft.num.unit == "%" and re.search(data["work_completion"] + "$", before):
            draft.indicator = _completion_named(draft, match, level, data)
        elif re.fullmatch(data["ordinal_batch"], draft.indicator):
            draft.indicator += _campaign_before(sentence, draft.quote_start)
        elif draft.indicator.startswith(tuple(data["average_words"])) and len(draft.indicator) <= 6 and level is not None:
            verb = opening_verb(level.indicator)  # 发展富硒粮食、果蔬1.1万余亩，平均溢价2倍 → 富硒粮食、果蔬平均溢价
            draft.indicator = level.indicator[len(verb):] + draft.indicator
        elif draft.indicator in data["topic_measures"]:
            draft.indicator = _topic_before(sentence, draft.num.start, data["topic_measures"][draft.indicator]) \
                + draft.indicator
        else:
            draft.indicator = _reach_of_count_before(sentence, draft, drafts[max(0, i - LOOK_BACK):i], data)


def _completion_named(draft, match: re.Match | None, level, data: dict) -> str:
    """Return the name of a completion rate: of the target of the figure before it (完成任务目标的114.4% after 收储约572亩),
    of the target of its own subject (财政收入完成全年任务109.5%), or of the work it ends (主体工程已完成70%)."""
    if draft.num.growth or draft.indicator.endswith(tuple(data["rate_endings"]) + growth_words()):
        return draft.indicator
    if match and level is not None:
        return level.indicator + match.group(1) + data["completion_rate"]
    if match:
        subject = draft.indicator[:draft.indicator.rfind(match.group(1))]
        return re.sub(data["work_completion"] + "$", "", subject) + match.group(1) + data["completion_rate"]
    return draft.indicator + data["completion_rate"] if len(draft.indicator) >= 2 else draft.indicator


def _topic_before(sentence: str, at: int, topics: list[str]) -> str:
    """Return the topic among ``topics`` the sentence names last before ``at``, the longest of those ending
    there (全年粮食播种面积83.3万亩，产量 → 粮食; …重点项目…，31个政府债券项目申报资金…、开工率 → 债券项目), ''
    if it names none."""
    text = sentence[:at]
    found = [(text.rfind(t) + len(t), len(t), t) for t in topics if t in text]
    return max(found)[2] if found else ""


def _reach_of_count_before(sentence: str, draft, earlier: list, data: dict) -> str:
    """Return the name of a count in a clause that opens with a verb of reach and no subject, after the things
    counted in the clause before (省级人才项目22个，覆盖全镇12家企业及全市3个科研院所 → 省级人才项目覆盖企业, …覆盖科研院所);
    its own name otherwise."""
    sums = sorted(data["reach_sum_words"], key=len, reverse=True)
    start = draft.quote_start + next((len(w) for w in sums if sentence.startswith(w, draft.quote_start)), 0)
    verb = next((v for v in data["reach_verbs"] if sentence.startswith(v, start)), "")  # 共惠及: a sum reaches too
    noun = clean_indicator(draft.extra.get("right_raw") or "")
    things = load_data("not_facts.yaml")["group_count_units"]
    owner = next((d for d in reversed(earlier) if d.quote_end <= draft.quote_start), None)
    if not verb or len(noun) < 2 or owner is None or owner.num.unit not in things or owner.num.growth \
            or owner.indicator in data["bare_names"]:
        return draft.indicator
    return owner.indicator + verb + noun


def _campaign_before(sentence: str, at: int) -> str:
    """Return what the nearest of the two clauses before ``at`` that opens with a verb works on, without figures
    (全面推进工业炉窑深度治理工作 → 工业炉窑深度治理), ''."""
    heads = "|".join(load_data("indicators.yaml")["generic_heads"])
    for _ in range(2):
        if at < 2:
            return ""
        start = start_of_clause(sentence, at - 1)
        clause = re.sub(r"\s+", "", sentence[start:at - 1])
        topic = re.sub(f"(?:{heads})$", "", object_of_opening_verb(clause))
        if len(topic) >= 4 and not re.search(r"\d", clause):
            return topic
        at = start
    return ""


def restated_name(indicator: str, before: str, earlier: list) -> str:
    """Return the name of a clause that restates the figure before it in another unit (折合8606美元) or per head
    (地区生产总值52亿元，人均3.2万元 → 人均地区生产总值), after the clause ``before`` it; '' for any other name."""
    data = load_data("indicators.yaml")
    last = earlier[-1].indicator if earlier else ""  # …25.23亿元，同比增长8.5%，人均达到5.62万元: the level's
    if indicator in data["conversion_words"]:
        return last
    if indicator in data["per_head_words"]:
        return indicator + (subject_of(before) or last.removesuffix(data["running_total_word"]))
    return ""


def fallback_name(sentence: str, clause_start: int, num: Num) -> str:
    """Return an indicator cut from the clause when no words stand before or after the number."""
    before = sentence[clause_start:num.start - len(qualifier_before(sentence, num.start) or "")]  # 累计完成约: no 约
    clause = before + sentence[num.end:end_of_clause(sentence, num.end)]  # no 以上 left
    clause = without_periods(clause)  # 预计6月份完成: the month is no name, nor its 份
    return clean_indicator(re.sub(rf"\d+(?:\.\d+)?[{''.join(magnitudes())}]?[\u4e00-\u9fff%]?", "", clause))[:16]


def name_unowned_shares(drafts: list) -> None:
    """Name a share whose clause names no owner (非公经济增加值增长11.5%，占GDP比重达到57%) after the figure before
    it, once the rates are placed: 非公经济增加值占GDP比重. ``drafts`` in order."""
    verbs = tuple(load_data("modality.yaml")["share_verbs"])
    for before, draft in zip(drafts, drafts[1:]):
        if draft.num.unit == "%" and draft.indicator.startswith(verbs) and before.indicator \
                and not before.indicator.startswith(verbs) and before.kind != "rank":
            draft.indicator = before.indicator + draft.indicator
