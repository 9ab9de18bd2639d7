"""The things a name counts, in English and plural: the noun after a measure word is often vague (所, 条, 户),
so 8所高校 reads "8 universities" from 高校, not from 所; the last noun of the name is counted, a glossary
sense before CC-CEDICT's, and a name that ends in a verb, a mass noun or a proper name counts nothing."""
from __future__ import annotations

import re
from functools import cache
from typing import Optional

from generator.english import dictionary
from generator.english.compose import ADJECTIVE
from generator.english.dictionary import MASS
from generator.english.glossary import group
from generator.read.segment import load_posseg

_HAN = re.compile(r"[\u3400-\u9fff]")
_COUNTED_TAGS = {"n", "ng", "nt", "nr", "nz", "j"}  # jieba tags a counted head can carry (幼儿园 comes as nr)


def _counted_sense(tokens: list[str]) -> Optional[str]:
    """Return the glossary noun sense of the longest run of whole last words it has (市场+主体, 户), else None."""
    senses = group("senses")
    for start in range(len(tokens)):
        sense = senses.get("".join(tokens[start:]), "")
        if sense and sense[0] not in "~-":
            return sense.split("|")[0]
    return None


_QUANTITY = {"数", "总数", "数量", "个数", "总量", "家数", "户数"}  # 企业总数 counts 企业
_NOT_COUNTED_TAGS = {"v", "vn", "a", "ad", "d", "f", "m"}  # verbs (建设), adjectives, directions, numbers


@cache
def counted_en(text: str) -> Optional[str]:
    """Return the plural English of the things a name counts, its last noun (新增市场主体 → "market entities"),
    None when the name ends in a verb, a mass noun, a name or a word neither the glossary nor CC-CEDICT knows."""
    tokens = [w.word for w in load_posseg().lcut(text)]
    while len(tokens) > 1 and tokens[-1] in _QUANTITY:
        tokens.pop()
    if not tokens or not _HAN.search(tokens[-1]):
        return None
    last = tokens[-1]
    tag = load_posseg().dt.word_tag_tab.get(last, "")
    if tag in _NOT_COUNTED_TAGS:
        return None
    noun = _counted_sense(tokens)
    if noun is None:
        if tag not in _COUNTED_TAGS or dictionary.is_verb(last) or dictionary.proper_name(last):
            return None
        noun = dictionary.noun_sense(last)
        noun = re.sub(r"^(a|an|the) ", "", noun) if noun and not MASS.search(noun) else None
    if not noun or not re.fullmatch(r"[a-z][a-z' -]*", noun) or ADJECTIVE.match(noun):
        return None
    head = _AFTER_HEAD.split(noun, 1)[0]
    if MASS.search(head) and not re.search(r"(ship|age|ity|ure)$", head) or re.search(r"(stock|produce|progress)$", head):
        return None  # uncounted (livestock on hand); townships, villages, universities are counted
    return _head_plural(noun)


_AFTER_HEAD = re.compile(r" (?=(?:of|in|for|with|at|on|under|from|above|below|to|by|\w+ed)\b)")


def _head_plural(noun: str) -> str:
    """Return a noun phrase with its head made plural: the word before "of"/"in"/a participle, else the last
    ("household lifted out of poverty" → "households lifted out of poverty", "university" → "universities")."""
    parts = _AFTER_HEAD.split(noun, 1)
    head = parts[0]
    if re.search(r"[^aeiou]y$", head):
        head = head[:-1] + "ies"
    elif re.search(r"(ch|sh|x|z|ss)$", head):
        head += "es"
    elif not head.endswith("s"):
        head += "s"
    return " ".join([head, *parts[1:]])


def counted_plural(phrase: str) -> str:
    """Return an English noun phrase with its head plural when English counts it ("municipal model family farm"
    → "… farms", "village" → "villages"); a mass noun ("sewage treatment"), an adjective or a plural is kept."""
    head, *rest = _PREPOSITION.split(phrase, 1)
    before, _, last = head.rpartition(" ")
    word = last.lower()
    uncounted = MASS.search(word) and not re.search(r"(ship|age|ity|ure)$", word)  # townships, villages are counted
    done = re.fullmatch(r"\w+ed|out|up|down|off|built|done|made|run|held|set|people", word)  # "… lifted out of poverty"
    if not re.fullmatch(r"[a-z]+", word) or word.endswith("s") or uncounted or done or ADJECTIVE.match(word):
        return phrase
    return " ".join(filter(None, [before, _head_plural(last), *rest]))


_PREPOSITION = re.compile(r" (?=(?:of|in|for|with|at|on|under|from|above|below|to|by)\b)")
