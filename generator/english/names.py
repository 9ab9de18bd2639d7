"""English names of places, people, administrative levels and official titles (pinyin where the
glossary has no entry): 织里镇 → "Zhili Town", 陈勇杰 → "Chen Yongjie", 镇长 → "Mayor"."""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Iterable, Optional

from pypinyin import lazy_pinyin

from generator.datafiles import load
from generator.english.glossary import group, norm


def _join_syllables(syllables: Iterable[str]) -> str:
    """Return pinyin syllables joined into one word, with ' before a/o/e after the first."""
    out = ""
    for syl in syllables:
        if out and syl and syl[0] in "aoe" and out[-1].isalpha():
            out += "'"
        out += syl
    return out


@cache
def _override_keys() -> tuple[str, ...]:
    """Return the multi-character place overrides, longest first."""
    places = group("places")
    return tuple(sorted((k for k in places if len(k) > 1 and " " not in places[k]), key=len, reverse=True))


def _pinyin_word(text: str) -> str:
    """Return ``text`` as one capitalised pinyin word, using the glossary's place overrides."""
    overrides, keys = group("places"), _override_keys()
    parts: list[str] = []
    i = 0
    while i < len(text):
        hit = next((k for k in keys if text.startswith(k, i)), None)
        if hit:
            parts.append(overrides[hit].lower())
            i += len(hit)
            continue
        j = i
        while j < len(text) and not any(text.startswith(k, j) for k in keys):
            j += 1
        parts.extend(_place_readings(text[i:j], lazy_pinyin(text[i:j], v_to_u=True)))
        i = j
    word = _join_syllables(p for p in parts if p)
    return word[:1].upper() + word[1:]


def slug_word(text: str) -> str:
    """Return the URL form of a name's pinyin: lower-case ASCII letters and digits only (六安 → luan)."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", _pinyin_word(text)).lower())


def _place_readings(text: str, syllables: list[str]) -> list[str]:
    """Return the syllables with the place-name reading of characters that have one (长 → chang)."""
    readings = group("place_readings")
    if len(syllables) != len(text) or not any(ch in readings for ch in text):
        return syllables  # not one syllable per character (Latin letters or digits inside): leave as is
    return [readings.get(ch, syl) for ch, syl in zip(text, syllables)]


def _split_level(name: str) -> tuple[str, Optional[str]]:
    """Return (core, level suffix) using the longest level word ``name`` ends with."""
    for suffix in sorted(group("levels"), key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, None


def place_en(name: str, generic: bool = False) -> str:
    """Return the English name of a place by GB/T 16159 (specific part in pinyin, generic part translated):
    织里镇 → "Zhili Town", 湖州市 → "Huzhou", or with ``generic`` (a report's own place) "Huzhou City"."""
    name = norm(name)
    overrides = group("places")
    if name in overrides and any(c.isspace() for c in overrides[name]):
        return overrides[name]  # a full English name such as "Inner Mongolia Autonomous Region"
    core, suffix = _split_level(name)
    if suffix is None:
        return overrides.get(name) or _pinyin_word(name)
    spec = group("levels")[suffix]
    if len(core) == 1 and spec.get("drop"):
        return _pinyin_word(name)  # 沙市 → Shashi: a one-character core keeps its 市
    core, peoples = _split_ethnic_groups(core)
    core_en = overrides.get(core) if core in overrides and " " in overrides[core] else _pinyin_word(core)
    core_en = " ".join([core_en, *peoples])
    return core_en if spec.get("drop") and not generic else f"{core_en} {spec['en']}"


def _split_ethnic_groups(core: str) -> tuple[str, list[str]]:
    """Return a name's specific part without the ethnic groups written after it, and their English
    (孟村回族 → 孟村, [Hui]); the whole name when nothing would be left."""
    groups = group("ethnic_groups")
    peoples: list[str] = []
    while True:
        hit = next((g for g in sorted(groups, key=len, reverse=True) if core.endswith(g) and len(core) > len(g)), None)
        if hit is None:
            return core, peoples
        core, peoples = core[: -len(hit)], [groups[hit], *peoples]


def person_en(name: str) -> str:
    """Return a person's name in pinyin, surname first: 陈勇杰 → "Chen Yongjie"."""
    name = norm(name)
    if "·" in name:  # transliterated names (买买提·艾力): each part is one word
        return " ".join(_pinyin_word(part) for part in name.split("·") if part)
    surnames = group("surnames")
    for size in (2, 1):
        surname = name[:size]
        if len(name) > size and (size == 1 or surname in surnames):
            break
    sur = surnames.get(surname) or _join_syllables(lazy_pinyin(surname, v_to_u=True)).capitalize()
    given = _join_syllables(lazy_pinyin(name[len(surname):], v_to_u=True))
    return f"{sur} {given.capitalize()}".strip()


def level_en(level: Optional[str]) -> Optional[str]:
    """Return the English level word for 镇/乡/… or a Meta.level code (town → "Town")."""
    if not level:
        return None
    for zh, spec in group("levels").items():
        if level in (zh, spec.get("code")):
            return spec["en"]
    return None


def level_zh(level: Optional[str]) -> Optional[str]:
    """Return the Chinese level word for a Meta.level code (town → "镇"), or the word itself."""
    if not level:
        return None
    levels = group("levels")
    if level in levels:
        return level
    return next((zh for zh, spec in levels.items() if spec.get("code") == level), None)


def title_en(title: Optional[str], place: Optional[str] = None) -> Optional[str]:
    """Return an official title in English: 织里镇人民政府镇长 → "Mayor of Zhili Town"."""
    if not title:
        return None
    text = norm(title)
    titles = group("titles")
    head = next((t for t in sorted(titles, key=len, reverse=True) if text.endswith(t)), None)
    if head is None:
        return None
    rest = text[: -len(head)]
    gov = load("places.yaml")["government_organ"]
    if rest.endswith(gov) and head != gov:
        rest = rest[: -len(gov)]
    if rest in group("levels"):
        rest = ""  # 县人民政府县长: the place is only named by its level
    where = rest or (norm(place) if place else "")
    if where and _split_level(where)[1] is None:
        return None  # something we cannot name (e.g. an organ not in the glossary)
    spec = titles[head]
    if not where:
        return spec["en"]
    return f"{spec.get('with_place', spec['en'])} of {place_en(where)}"
