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


_FIRM = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:集团|股份|有限公司|公司)")


def trade_names(texts: Iterable[str]) -> frozenset[str]:
    """Return the trade names (字号) of the firms a report names, those CC-CEDICT lacks as common words: 巨力 of
    巨力集团, written in pinyin wherever the report's names hold them (巨力刘伶醉…项目: Juli, not "very large power")."""
    names = set()
    for text in texts:
        for m in _FIRM.finditer(text):
            last = words_of(m[1])[-1]
            if len(last) > 1 and _HAN.fullmatch(last[0]) and not dictionary.common(last) and not is_term(last):
                names.add(last)
    return frozenset(names)


def entity_coverage(entities: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """Return (distinct names with English and no Han character, distinct names) over (kind, name) pairs."""
    names = set(entities)
    return sum(entity_en(kind, name) is not None for kind, name in names), len(names)
