"""English names of the named things a report lists (entities): villages and communities by the place-name
rules, enterprises with their trade name in pinyin and the rest (industry, 有限公司 …) in English, projects
composed like indicator names (proper names inside them in pinyin, generic heads translated)."""
from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Optional

from generator.english.compose import compose_en, name_words
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


def entity_coverage(entities: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """Return (distinct names with English and no Han character, distinct names) over (kind, name) pairs."""
    names = set(entities)
    return sum(entity_en(kind, name) is not None for kind, name in names), len(names)
