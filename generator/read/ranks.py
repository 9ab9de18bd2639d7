"""Ranks: a place's place in a ranking (位居全市第一, 排名全国78位, 增速排全市第二), one fact per thing ranked."""
from __future__ import annotations

import bisect
import functools
import math
import re
from typing import Callable, Optional

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.indicators import clean_indicator, measure_endings
from generator.read.lexicon import growth_words, period_matchers, possessive
from generator.read.numbers import Num, parse_chinese_number
from generator.read.segment import word_tags
from generator.read.sentences import CLAUSE_END, end_of_clause, start_of_clause


def rank_drafts(sentence: str, drafts: list[Draft]) -> list[Draft]:
    """Return rank facts (排名上升至第56位, 位列吴兴区第一, 居全市第一, 均位居全市首位)."""
    data = load_data("modality.yaml")
    verbs = "|".join(sorted(data["rank_verbs"], key=len, reverse=True))
    numerals = load_data("numerals.yaml")
    ordinals, prefix, units = numerals["ordinals"], numerals["ordinal_prefix"], "|".join(data["rank_units"])
    first = rf"{numerals['first_place']}(?=(?:{units}))|{numerals['top_of_list']}"
    found, last_before = [], _last_before(drafts)
    ends = sorted(((d.num.end, d.num.start, d.num.unit) for d in drafts), key=lambda e: e[:2])
    scopes = "|".join(data["rank_scopes"])  # 增速全市第一: a scope before 第N ranks without a verb
    # after a verb the scope may name the group ranked in (排名全省133个省级及以上园区第24位); alone, it is short
    pattern = re.compile(rf"({verbs})?(?(1)|(?=(?:{scopes})))((?(1)[^，。；！？、]{{0,16}}?|[^，。；！？、]{{0,10}}?))(?:{prefix}"
                         rf"([{ordinals}\d]+)|({first})|(?<={scopes})(\d+)(?=(?:{units})))({units})?")  # 排名全国78位
    for match in _rank_matches(pattern, sentence):
        group = next(g for g in (3, 4, 5) if match.group(g))
        token = "一" if group == 4 else match.group(group)
        value = float(token) if token.isdigit() else parse_chinese_number(token)
        scope = match.group(2)
        unit = match.group(6)
        if value is None or not (unit or match.group(1) not in data["rank_verbs_needing_unit"] or re.match(f"(?:{scopes})", scope)
                                 or scope.endswith(tuple(data["rank_groups"]))):  # 增速排全市第二, 列苏州县市第一: a scope
            continue
        if group == 4 and not _first_in_scope(sentence, match, scopes):
            continue  # 首位 ranks only in a scope (位居全市首位); 摆在首位 alone is a place in a queue
        if not match.group(1) and sentence[match.end():match.end() + 1] not in ("", *CLAUSE_END):
            continue  # 全省第一家…: without a verb only a 第N that ends its clause is a place in a ranking
        if not unit and sentence.startswith(tuple(data["rank_not_before"]), match.end()):
            continue  # 第一方阵, 第一梯队: a group, not a place in a ranking
        clause_start = start_of_clause(sentence, match.start())
        for word in sorted(data["rank_movement"] + data["rank_particles"] + data["rank_verbs"], key=len, reverse=True):
            scope = scope.replace(word, "")  # 全市排第一: the verb after the scope
        earlier = [d for d in found if d.quote_start == clause_start]  # 位居全省第9位、全市第一位: one subject
        subject_start = _after_level(sentence, ends, clause_start, match.start())
        subject = sentence[subject_start:earlier[0].extra["rank_at"] if earlier else match.start()]
        subject = re.sub(data["rank_duration"], "", subject)
        subject = _without_manner_end(clean_indicator(_without_counts(subject)))
        scope = _without_counts(scope)  # 居全县11个乡镇首位: the size of the group ranked in is no part of the name
        subjects = _listed_subjects(subject)  # A、B、C增速排名全市第一: one rank each
        if subject in growth_names():  # 增长0.6%、排全市第4位; 增速排全市第二: the rank of the growth of the level before
            level = last_before(subject_start)
            subjects = [level + data["growth_rank_word"]] if level else [subject]
        elif of_level := _of_level(subject, last_before(subject_start), sentence[subject_start:match.start()]):
            subjects = of_level
        elif not subject and match.group(4) != numerals["top_of_list"]:  # 荣登全省县域经济榜首: the list is named
            subjects = _listed_before(sentence, clause_start, drafts) or [_rank_subject(sentence, subject_start, last_before)]
        num = Num(match.start(group), match.end(group), match.end(), value, unit, not token.isdigit(), unit_end=match.end())
        scope = scope.strip(possessive())
        found.extend(_ranks_at(sentence, match, num, subjects, scope, clause_start))
    return _read_once(found)


def _rank_matches(pattern: re.Pattern, sentence: str):
    """Yield the rank matches of ``sentence``, none opened by a one-character rank verb that is inside another word
    (居 of 城镇居民 in 城镇居民人均可支配收入增速居全市第一: the verb is the second 居)."""
    pos = 0
    while match := pattern.search(sentence, pos):
        verb = match.group(1) or ""
        if len(verb) == 1 and not _is_word(sentence, match.start(1)):
            pos = match.start(1) + 1  # a match opened later never has that character for its verb
            continue
        yield match
        pos = match.end()


def _is_word(sentence: str, at: int) -> bool:
    """Return True when the character at ``at`` is a word of its own, as the segmenter cuts the words around it."""
    start = max(0, at - 4)
    offset = 0
    for tag in word_tags(sentence[start:at + 5]):
        if start + offset <= at < start + offset + len(tag.word):
            return len(tag.word) == 1
        offset += len(tag.word)
    return True


def _read_once(found: list[Draft]) -> list[Draft]:
    """Return the ranks with each place read by its first match only (由第60名上升至第35名: the rank reached is
    read with the movement that reaches it, not again after 上升至), its subjects all kept (A、B均位居全市首位)."""
    first: dict[int, int] = {}
    for draft in found:
        first.setdefault(draft.num.start, draft.extra["rank_at"])
    return [d for d in found if first[d.num.start] == d.extra["rank_at"]]


def _ranks_at(sentence: str, match: re.Match, num: Num, subjects: list[str], scope: str, clause_start: int) -> list[Draft]:
    """Return one rank per subject in ``scope`` (总产值…、财政总收入…，均位居全市首位), and as many again for the rank a
    movement reaches (由2016年的第60名上升至2019年的第35名), each of its own year when one is written."""
    numerals = load_data("numerals.yaml")
    units = "|".join(load_data("modality.yaml")["rank_units"])
    moved, dated = _moved_to(sentence, match.end(), numerals["ordinals"], units)
    start_date = period_matchers()[0].search(match.group(2) or "")
    ranks = [(num, start_date and dated and start_date.group())] + ([(moved, dated)] if moved else [])
    noun = load_data("modality.yaml")["rank_noun"]  # 千强镇排名提高123名，位列第480位: the ranking is named once
    names = [re.sub(rf"{noun}[^{noun[0]}]{{1,4}}{noun}$", noun, name + scope + noun) for name in subjects]
    found = [Draft(at, name, clause_start, end_of_clause(sentence, at.end), kind="rank",
                   extra={"rank_at": match.start(), "period": period}) for at, period in ranks for name in names]
    subject = subjects[0] if len(subjects) == 1 else ""
    return found + _listed_ranks(sentence, (moved or num).end, scope, subject, clause_start, match.start())


def _listed_ranks(sentence: str, end: int, scope: str, subject: str, clause_start: int, rank_at: int) -> list[Draft]:
    """Return the ranks listed right after a rank of ``subject``, each in a ranking of its own (位列全国百强镇第5、千强镇
    第6 → 全国千强镇排名 6), in the wider scope of the first (全国) when they name none."""
    data, numerals = load_data("modality.yaml"), load_data("numerals.yaml")
    scopes = "|".join(data["rank_scopes"])
    wide = re.match(f"(?:{scopes})", scope)
    found: list[Draft] = []
    for listed in re.finditer(rf"、([^，。；、\d第]{{1,8}}?)第([{numerals['ordinals']}\d]+)({'|'.join(data['rank_units'])})?", sentence[end:]):
        if listed.start() != (found[-1].extra["listed_end"] - end if found else 0) or re.match(f"(?:{scopes})", listed.group(1)):
            break  # 位居全市第一、全省第五: a rank in a scope of its own is read as any rank is
        token = listed.group(2)
        value = float(token) if token.isdigit() else parse_chinese_number(token)
        if value is None:
            break
        name = subject + (wide.group() if wide else "") + listed.group(1)
        num = Num(end + listed.start(2), end + listed.end(2), end + listed.end(), value, listed.group(3), not token.isdigit(),
                  unit_end=end + listed.end())
        found.append(Draft(num, name + data["rank_noun"], clause_start, end_of_clause(sentence, num.end), kind="rank",
                           extra={"rank_at": rank_at, "listed_end": end + listed.end()}))
    return found


def _moved_to(sentence: str, end: int, ordinals: str, units: str) -> tuple[Optional[Num], Optional[str]]:
    """Return the rank a movement right after a rank reaches (由第60名上升至第35名 → 35) and the period it is dated
    (上升至2019年的第35名), (None, None) if none is written."""
    data = load_data("modality.yaml")
    movement = "|".join(data["rank_movement"])
    scopes, period = "|".join(data["rank_scopes"]), period_matchers()[0].pattern
    moved = re.compile(rf"[，,]?(?:{movement})+({period})?{possessive()}?(?:{scopes})?第?([{ordinals}\d]+)({units})"
                       ).match(sentence, end)
    token = moved.group(2) if moved else ""
    value = float(token) if token.isdigit() else parse_chinese_number(token) if token else None
    if value is None:
        return None, None
    return Num(moved.start(2), moved.end(2), moved.end(), value, moved.group(3), not token.isdigit(),
               unit_end=moved.end()), moved.group(1)


def _after_level(sentence: str, ends: list[tuple[int, int, Optional[str]]], clause_start: int, rank_at: int) -> int:
    """Return where a rank's subject starts: after a level of its clause right before it (收入超40亿元、增速排名全市
    第一: the 增速 of that level), else at the clause's start; a streak (连续5年位居) is no level. ``ends`` are the
    drafts' (end, start, unit), sorted by end, so a long sentence is not scanned again for every rank."""
    streak_units = load_data("indicators.yaml")["streak_units"]
    joins = ("、", *load_data("modality.yaml")["rank_verbs"])
    for end, start, unit in reversed(ends[:bisect.bisect_right(ends, (rank_at, math.inf, None))]):
        if start < clause_start:
            break
        if unit not in streak_units and sentence.startswith(joins, end):
            return end
    return clause_start


def _first_in_scope(sentence: str, match: re.Match, scopes: str) -> bool:
    """Return True when a first place written without 第 has a scope: right after its verb (位居全市首位, 居全县11个
    乡镇首位, 荣登全省县域经济榜首), or in a 在…中 frame right before the verb (在全省…评估中位居首位)."""
    return re.match(f"(?:{scopes})", match.group(2)) is not None or (match.group(1) != "" and re.search(
        rf"在(?:{scopes})[^，。；！？]{{1,30}}中$", sentence[max(0, match.start() - 40):match.start()]) is not None)


def _without_counts(text: str) -> str:
    """Return ``text`` without the numbers in it and the measure word after each (本市12个乡镇 → 本市乡镇), a year
    with the word it opens (2019年度绩效考评 → 绩效考评)."""
    return re.sub(r"(?<![A-Za-z\d.])(?:(?:19|20)\d\d年度?|\d+(?:\.\d+)?[\u4e00-\u9fff%]?)", "", text)


def _of_level(subject: str, level: str, before_rank: str) -> list[str]:
    """Return the names of ranks of the level before them: of its total (社会消费品零售总额354亿元，总量居全市第二),
    or of its total and its growth (总量及增速均位居全市第二位: two ranks; with 分别 the first place is the total's);
    [] when the subject is neither or no level precedes it."""
    level = level.removesuffix(load_data("indicators.yaml")["running_total_word"]) if level else ""
    totals = load_data("indicators.yaml")["totals"]
    if not level or subject in totals:
        return [level + subject] if level else []
    words = re.split("|".join(load_data("lists.yaml")["item_joiners"]), subject)
    if len(words) != 2 or words[0] not in totals or words[1] not in growth_names():
        return []
    return [level + word for word in words[:1 if load_data("lists.yaml")["respectively"] in before_rank else 2]]


def _listed_subjects(subject: str) -> list[str]:
    """Return the growth rates a rank names with 、 (规上工业增加值、固定资产投资增速 → 规上工业增加值增速, 固定资产投资增速:
    the growth word closing the last is each one's), the measures it names so, each whole (游客接待量、旅游总收入), or
    the subject alone."""
    items = [i for i in subject.split("、") if i]
    tail = next((w for w in sorted(growth_names(), key=len, reverse=True) if items and items[-1].endswith(w)), "")
    ends = (*measure_endings(), *load_data("indicators.yaml")["measure_chars"])  # 财政、税收收入总量: one head, no split
    measured = bool(items) and all(item.endswith(ends) for item in items)
    if len(items) < 2 or not (tail or measured and "等" not in subject) or any(len(i) < 2 for i in items):
        return [subject]  # PM2.5、PM10、空气优良率等指标, 标准化、产业化水平: one subject named by its list
    return [i if i.endswith(tail) else i + tail for i in items]


def _listed_before(sentence: str, clause_start: int, drafts: list[Draft]) -> list[str]:
    """Return the names of the levels listed in the clause before a rank that names none (A242.7亿元、B10.3亿元，
    均位居全市首位), when there are several; [] otherwise."""
    if not sentence.startswith(tuple(load_data("lists.yaml")["rank_sharers"]), clause_start):
        return []
    before = start_of_clause(sentence, max(0, clause_start - 1))
    levels = [d.indicator for d in drafts if before <= d.num.start < clause_start and d.kind != "rank"
              and not d.num.growth and d.indicator]
    return levels if len(levels) > 1 else []


@functools.cache
def growth_names() -> frozenset[str]:
    """Return the words that name a growth, not a level (增长, 增速, 增幅): a rank of them ranks a growth."""
    return frozenset([*growth_words(), *load_data("modality.yaml")["growth_nouns"]])


def _without_manner_end(subject: str) -> str:
    """Return a rank's subject without the manner word its rank verb had (高考成绩持续稳居全市第一 → 高考成绩)."""
    words = tuple(w for w in load_data("indicators.yaml")["manner_words"] if len(w) > 1)
    while subject.endswith(words) and len(subject) > 2:
        subject = subject[:-len(next(w for w in words if subject.endswith(w)))]
    return subject


_GROWTH_REACH = 40  # characters before a rank's clause looked at for a growth rate said last


@functools.cache
def _growth_said_last() -> re.Pattern:
    """Return the regex of a growth rate closing the words before a rank (增长1.6%，高于全市平均水平，)."""
    words = "|".join(sorted(growth_words(), key=len, reverse=True))
    return re.compile(rf"(?:{words})[^\d，。；]{{0,4}}\d+(?:\.\d+)?%[^\d]*$")


def _rank_subject(sentence: str, clause_start: int, last_before: Callable[[int], str]) -> str:
    """Return what a rank is of when its clause names nothing: a quoted name in the clause before, else the indicator
    of the last fact before it, its growth when a growth rate is said last (增长1.6%，位列全市第7) unless the level is
    named as an absolute amount (绝对额)."""
    before = sentence[start_of_clause(sentence, max(0, clause_start - 1)):clause_start]
    quoted = re.findall(r"“([^”]{2,12})”", before)
    if quoted:
        return quoted[-1]
    level, data = last_before(clause_start), load_data("modality.yaml")
    window = sentence[max(0, clause_start - _GROWTH_REACH):clause_start]  # a window: a long sentence stays linear
    if level and _growth_said_last().search(window) \
            and not level.endswith(tuple(growth_names())) and not any(w in level for w in data["absolute_amount_words"]):
        return level + data["growth_rank_word"]  # 增长1.6%，高于全市平均，位列全市第7: the growth's
    return level


def _last_before(drafts: list[Draft]) -> Callable[[int], str]:
    """Return a function giving the indicator of the draft standing last before a position (of drafts at one
    place, the last listed), '' if none: the drafts sorted once, not filtered again for every rank. A rate
    placed later stands last in the list, not in the sentence."""
    @functools.cache
    def index() -> tuple[list[int], list[int]]:
        """Return the drafts' starts in order, and the drafts' indexes in that order."""
        order = sorted(range(len(drafts)), key=lambda i: (drafts[i].num.start, i))
        return [drafts[i].num.start for i in order], order

    def indicator(pos: int) -> str:
        """Return the indicator of the last draft starting before ``pos``, past a share of a target just before it
        (完成年初预算的86.6%，增幅全市第一: the rank is the revenue's)."""
        starts, order = index()
        k = bisect.bisect_left(starts, pos)
        shares = [j for j in range(k - 1, max(-1, k - 4), -1)]
        level = next((drafts[order[j]] for j in shares if not _share_of_target(drafts[order[j]])), None)
        return (level or drafts[order[k - 1]]).indicator if k else ""
    return indicator


def _share_of_target(draft: Draft) -> bool:
    """Return True for a percentage reached of a target (完成年初预算总额的86.6%), no level a growth rank is of."""
    return draft.num.unit == "%" and not draft.num.growth \
        and re.search(load_data("indicators.yaml")["target_ends"], draft.indicator) is not None
