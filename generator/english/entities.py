"""English names of the named things a report lists (entities): villages and communities by the place-name
rules, enterprises with their trade name in pinyin and the rest (industry, 有限公司 …) in English, projects
composed like indicator names (proper names inside them in pinyin, generic heads translated)."""
from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Optional

from generator.english import dictionary
from generator.english.compose import compose_en, is_term, name_words, words_of
from generator.english.names import place_en

_HAN = re.compile(r"[\u3400-\u9fff]")
_SMALL = {"and", "of", "in", "for", "by", "with", "on", "the", "a", "an", "to", "or"}


def _title(text: str) -> str:
    """Return a proper name in title case, small words lower-cased ("Limited Company", "Co. for …")."""
    words = text.split(" ")
    return " ".join(w if (i and w in _SMALL) or not w[:1].islower() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def _enterprise(name: str) -> Optional[str]:
    """Return an enterprise's English: places and its trade name (字号) in pinyin, the rest composed, title case."""
    words = name_words(name)
    if not words:
        return None
    lead, rest = words
    tail = compose_en(rest) if rest else ""
    if tail is None:
        return None
    return _title(" ".join(filter(None, [*lead, tail])))


@cache
def entity_en(kind: str, name: str) -> Optional[str]:
    """Return the English of a listed name (kind: village, community, enterprise, project …), None if unknown."""
    if kind in ("village", "community"):
        return place_en(name)
    english = _enterprise(name) if kind == "enterprise" else compose_en(name)
    return english if english and not _HAN.search(english) else None


_FIRM = re.compile(r"([\u4e00-\u9fff]{2,10}?)(集团|股份|有限公司|公司)")
_SHARES = re.compile(r"有限公司|公司|[、，。；和与及等]|$")  # 风帆股份、…: 股份 closing a firm's short name


_GENERIC_ENDS = ("业", "局")  # 古城香业集团, 中铁十八局: an industry or a bureau, the trade name is before it


def _compound(word: str) -> bool:
    """Return True for a word made of two words CC-CEDICT knows (医疗卫生, 农业产业): a description, no name."""
    return any(dictionary.known(word[:i]) and dictionary.known(word[i:]) for i in range(2, len(word) - 1))


def trade_names(texts: Iterable[str]) -> frozenset[str]:
    """Return the trade names (字号) of the firms a report names, written in pinyin wherever the report's names
    hold them (巨力刘伶醉…项目: Juli, not "very large power"): the word before 集团/公司 that CC-CEDICT lacks as a
    common word (巨力集团; not 上市公司), or any word before 股份 closing a firm's name (风帆股份: Fengfan, not
    "sail"; not 集体股份经济合作社)."""
    names, texts = set(), list(texts)
    for text in texts:
        for m in _FIRM.finditer(text):
            last = words_of(m[1])[-1]
            shares = m[2] == "股份" and _SHARES.match(text, m.end())
            if len(last) > 1 and _HAN.fullmatch(last[0]) and not is_term(last) and not last.endswith(_GENERIC_ENDS) \
                    and (shares or not dictionary.known(last) and not _compound(last)):
                names.add(last)
    return frozenset(names | _listed_beside(texts, names))


_LISTED = re.compile(r"[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+(?=、|等|[，。；]|$)")


def _listed_beside(texts: Iterable[str], names: set[str]) -> set[str]:
    """Return the words listed with 、 beside a trade name already found (长城、风帆、巨力、晨阳: 风帆 is a firm
    too, Fengfan, though CC-CEDICT reads it "sail"), unless CC-CEDICT knows them as names (长城: Great Wall)."""
    found: set[str] = set()
    for text in texts:
        for m in _LISTED.finditer(text):
            items = m.group().split("、")
            if any(item in names for item in items):  # the first may have words before it glued on (召开长城)
                found |= {i for i in items[1:] if not is_term(i) and not dictionary.proper_name(i)
                          and not (dictionary.known(i) and not dictionary.common(i))}
    return found


def entity_coverage(entities: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """Return (distinct names with English and no Han character, distinct names) over (kind, name) pairs."""
    names = set(entities)
    return sum(entity_en(kind, name) is not None for kind, name in names), len(names)
