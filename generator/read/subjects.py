"""Counted nouns as subjects: what a count opening its clause counts, named with what is said of it
(23个项目已通过国家审核 → 通过国家审核的项目, 项目成功签约 → 签约项目), and the verbs and predicates around it."""
from __future__ import annotations

import itertools
import re

from generator.datafiles import load as load_data
from generator.read.indicators import (clean_indicator, glued_word_at, opening_threshold, tidy_name, without_own_measure,
                                        without_period_after_copula)
from generator.read.lexicon import cue_alternation, growth_words, name_ending_digit, numeral_chars, unit_alternation
from generator.read.segment import word_tags
from generator.read.sentences import end_of_clause

ADVERB_FLAGS = ("d", "ad", "p", "c", "ul", "uz", "i")
NOUN_ENDS = ("n", "nz", "nt", "ns", "nr", "j")


def subject_count_name(phrase: str, more_follows: bool = False) -> str:
    """Return the name of the things a count opening a clause counts, from the words after its unit:
    the noun, with a short predicate before it (项目成功签约 → 签约项目), a longer one joined by 的
    (项目已通过国家审核 → 通过国家审核的项目), a predicate of mere progress or manner dropped
    (具体改革任务按期推进 → 具体改革任务); only the noun when another figure follows (``more_follows``)."""
    data = load_data("indicators.yaml")
    if more_follows:  # 32家企业享受加计扣除金额6987.1万元: the amount is the next figure's, not the count's
        phrase = without_own_measure(re.sub("(?:" + "|".join(data["amount_words"]) + ")$", "", phrase))
    tokens = word_tags(phrase)
    if len(tokens) > 1 and tokens[0].word in data["copulas"]:
        return "".join(t.word for t in tokens[1:])  # 其中2项为计划完成项目: the count is of what it is called
    split = _predicate_start(tokens)
    if more_follows:  # 42家限上商贸企业实现销售额12.5亿元: the firms, up to the verb of the figure after them
        verbs = data["figure_verbs"]
        split = min(split, next((i for i, t in enumerate(tokens[1:], 1) if t.word in verbs), split))
    noun = "".join(t.word for t in tokens[:split])
    rest = tokens[split:]
    if rest and rest[0].word in data["copulas"]:
        return "".join(t.word for t in rest[1:]) or noun  # 2项为计划完成项目: the count is of what it is called
    predicate = "" if more_follows else _bare_predicate(rest)
    if not predicate and noun in data["bare_names"]:
        predicate = whole_predicate(rest)  # 等9个项目有序推进: a bare noun keeps what was said of it
    longest = 20 if predicate.startswith(tuple(data["award_verbs"])) else 12  # 荣获…“金梧桐”奖: the award names them
    if not predicate or data["possessive"] in predicate or len(predicate) > longest:
        return noun
    if len(predicate) <= 4:
        return predicate + noun
    if predicate.endswith(noun):  # 企业成功申报国家高新技术企业: what they became names them
        return predicate
    return predicate + load_data("indicators.yaml")["possessive"] + noun


def _predicate_start(tokens: list) -> int:
    """Return the index of the first word of the predicate after a counted noun: its first adverb,
    preposition or copula, else its first verb when the phrase does not end in a noun; len(tokens) if none."""
    data = load_data("indicators.yaml")
    stops = set(data["manner_words"]) | set(data["manner_endings"]) | set(data["copulas"]) | set(data["light_verbs"]) \
        | set(data["before_prepositions"]) | set(data["award_verbs"])
    text = "".join(t.word for t in tokens)
    starts = list(itertools.accumulate(len(t.word) for t in tokens))  # where the word after each token starts
    for i, token in enumerate(tokens[1:], 1):
        if glued_word_at(text, starts[i - 1]):
            continue  # 宜居宜业和美乡村: the 和 of 和美 joins nothing
        ending = text.startswith(tuple(w for w in data["manner_endings"] if len(w) > 2), starts[i - 1])  # 进展顺利
        closing = text[starts[i - 1]:] in data["completion_predicates"] \
            and not any(t.flag.startswith("v") for t in tokens[:i])  # 项目建成投产 (tagged j): closing a noun alone
        if token.word in stops or ending or closing or token.flag in ADVERB_FLAGS and token.flag not in ("ul", "uz"):
            if not (i > 1 and token.word in data["light_verbs"] and tokens[i - 1].flag == "v"):
                return i
            start = i - 1  # 失业人员走上了公益性岗位: 了 closes the verb before it, with its adverb (村新打了)
            while start > 1 and tokens[start - 1].flag in ("a", "d", "ad") and len(tokens[start - 1].word) == 1:
                start -= 1
            return start
    if tokens and (tokens[-1].flag in NOUN_ENDS or tokens[-1].flag == "m"):
        return len(tokens)  # 行政村集体经营性收入超百万: a comparison, not a predicate
    return next((i for i, t in enumerate(tokens[1:], 1) if t.flag == "v" and len(t.word) >= 2), len(tokens))


def whole_predicate(tokens: list) -> str:
    """Return a predicate without its light verbs, manner and all ('' when it has no verb)."""
    light = set(load_data("indicators.yaml")["light_verbs"])
    words = [t for t in tokens if t.word not in light and t.flag not in ("ul", "uz")]
    return "".join(t.word for t in words) if any(_is_verb(t) for t in words) else ""


def _is_verb(token) -> bool:
    """Return True for a word tagged a verb or a predicate of completion (建成投产, tagged an abbreviation)."""
    return token.flag.startswith("v") or token.word in load_data("indicators.yaml")["completion_predicates"]


def _bare_predicate(tokens: list) -> str:
    """Return a predicate without its adverbs of manner and light verbs ('' when nothing else is said:
    按期推进, 全部完成, 星罗棋布); after an adverb of manner, a word of two or four characters is a verb whatever
    its tag, and so is each of a list of them (安置区全部封顶 → 封顶, 企业踊跃捐款捐物、助工助力 → 捐款捐物、助工助力)."""
    data = load_data("indicators.yaml")
    drop = set(data["manner_words"]) | set(data["manner_endings"]) | set(data["light_verbs"])
    verb = next((i for i, t in enumerate(tokens) if _is_verb(t) and t.word not in drop), len(tokens))
    words = [t for i, t in enumerate(tokens)  # an adverb after the verb is in its object (通过省级专精特新认定)
             if t.word not in drop and t.flag not in ("ul", "uz", "i") and (i > verb or t.flag not in ("d", "ad"))]
    text = "".join(t.word for t in words)
    manner = bool(tokens) and (tokens[0].word in drop or tokens[0].flag in ("d", "ad"))  # 踊跃捐款捐物
    after_manner = manner and all(len(item) in (2, 4) for item in text.split("、"))
    if text in data["progress_verbs"] or not after_manner and not any(_is_verb(t) for t in words):
        return ""
    return text


def is_verbal(token) -> bool:
    """Return True for a verb, an adverb, or a word ending in a verb (新开工 is 新 + 开工)."""
    if token.flag.startswith(("v", "d", "a")) and token.flag != "vn":
        return True
    tail = word_tags(token.word[1:]) if len(token.word) > 2 else []
    return len(tail) == 1 and tail[0].flag == "v"


def subject_count(sentence: str, pos: int) -> str:
    """Return the name of a count opening its clause (see subject_count_name), its counted noun joined to the
    head it owns without 的 (41个村的土地整治项目扎实推进 → 村土地整治项目)."""
    phrase, more = _subject_phrase(sentence, pos)
    name = more and _acting_on_others(sentence, pos, phrase) or clean_indicator(subject_count_name(phrase, more))
    possessive = load_data("indicators.yaml")["possessive"]
    return re.sub(rf"^([\u4e00-\u9fff]{{1,4}}){possessive}(?=[\u4e00-\u9fff]{{2}})", r"\1", name)


def _acting_on_others(sentence: str, pos: int, phrase: str) -> str:
    """Return the things a count counts, named with what they did to others counted after them, the others left out
    (5家金融机构向12家企业发放贷款4.6亿元 → 发放贷款的金融机构; 3家医院与A、B等8家北京医院签订协议 → 签订协议的医院),
    '' when no preposition of a partner ends the words before the next figure, or the predicate is long."""
    data = load_data("indicators.yaml")
    tokens = word_tags(phrase)
    at = next((i for i, t in enumerate(tokens) if t.word in data["partner_prepositions"] and t.flag == "p"), len(tokens))
    noun = clean_indicator("".join(t.word for t in tokens[:at]))
    rest = sentence[pos + len("".join(t.word for t in tokens[:at + 1])):end_of_clause(sentence, pos)]
    rest = re.sub(rf"^[^\d，；。]*?(?=\d)|\d+(?:\.\d+)?[余多]?(?:{unit_alternation()})", "", rest)  # the partners' examples, counts
    words = word_tags(rest)
    partner = next((i for i, t in enumerate(words) if t.flag.startswith("v")), len(words))  # 企业 of 企业发放贷款
    predicate = tidy_name("".join(t.word for t in words[partner:]))
    if len(noun) < 2 or at == len(tokens) or not partner or not 2 <= len(predicate) <= 10:
        return ""
    return predicate + data["possessive"] + noun


def _subject_phrase(sentence: str, pos: int) -> tuple[str, bool]:
    """Return the words after a count up to the end of its clause, the next figure or list item, and
    whether a figure follows them."""
    phrase = without_period_after_copula(sentence[pos:end_of_clause(sentence, pos)])
    phrase = re.sub(r"（[^（）\d]{1,3}）|\([^()\d]{1,3}\)", "", phrase)  # 实施气（电）代煤改造: an aside inside a word
    threshold = opening_threshold(phrase)  # 6万名65岁以上老年人: 65 sorts the people, it ends no name
    phrase = phrase[len(threshold):]
    parts = re.split(rf"[（(]|、(?=\S{{0,3}}\d)|{name_ending_digit()}", phrase, maxsplit=1)  # 1家世界500强企业
    return threshold + parts[0], len(parts) > 1 and bool(re.match(r"\d", phrase[len(parts[0]):]))


def subject_of(clause: str) -> str:
    """Return the subject of a clause: its words before its first figure, growth word or comparison
    (城镇居民人均可支配收入年均递增12% → 城镇居民人均可支配收入), '' when that is not a name, or the clause is a
    milestone restating a level (首次突破百亿元大关) or a share of it (占全部财政收入的56.4%)."""
    if clause.startswith(tuple(load_data("modality.yaml")["share_verbs"])):
        return ""  # 占全部财政收入的56.4%: a share's clause has no subject of its own
    milestone = rf"(?:{'|'.join(load_data('not_facts.yaml')['milestone_verbs'])})(?=[\d{numeral_chars()}])"  # 突破百亿
    cut = "|".join([r"\d", milestone, *growth_words(), *load_data("modality.yaml")["growth_basis"], *cue_alternation("change_comparers").split("|")])
    subject = clean_indicator(re.split(cut, clause, maxsplit=1)[0])
    return subject if len(subject) >= 2 and subject not in load_data("indicators.yaml")["bare_names"] else ""
