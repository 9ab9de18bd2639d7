"""The place a report is about and the administrative areas above it (district, city, province)."""
from __future__ import annotations

import functools
import re
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import ordinal_class


def alternation(key: str) -> str:
    """Return the words of places.yaml ``key`` as one regex alternation (镇|乡|街道)."""
    return "|".join(re.escape(w) for w in load_data("places.yaml")[key])


def place_level(place: Optional[str]) -> Optional[str]:
    """Return the level a place's suffix names (八里店镇 → town), None when it names none."""
    levels = load_data("places.yaml")["levels"]
    return next((name for suffix, name in levels.items() if place and place.endswith(suffix)), None)


def first_group(pattern: str, text: str) -> Optional[str]:
    """Return group 1 of the first match of ``pattern``, None if none."""
    match = re.search(pattern, text)
    return match.group(1) if match else None


def find_place(front: str, body: str) -> tuple[Optional[str], Optional[str]]:
    """Return (place, district when written right before it)."""
    towns, places = alternation("town_suffixes"), alternation("levels")
    districts = _parent_suffixes("district", "county")
    chain = re.search(rf"([\u4e00-\u9fff]{{2,3}}[{''.join(districts)}])([\u4e00-\u9fff]{{2,4}}?(?:{towns}))", body)
    front_patterns = [p.replace("{levels}", places).replace("{ordinal}", ordinal_class())
                      for p in load_data("places.yaml")["front_patterns"]]
    candidates = [
        *(first_group(pattern, front) for pattern in front_patterns),
        first_group(rf"^\s*([\u4e00-\u9fff]{{2,6}}(?:{towns}))\s*$", front.split("\n")[0] if front else ""),
        first_group(rf"^([\u4e00-\u9fff]{{2,6}}(?:{towns}))$", next(iter(front.splitlines()), "")),
    ]
    place = next((_trim_place(c) for c in candidates if _trim_place(c)), None)
    if place is None and chain:
        place = chain.group(2)
    if place is None:
        place = _most_frequent_town(body)
    district = chain.group(1) if chain and place and chain.group(2) == place else None
    return place, district


def _most_frequent_town(text: str) -> Optional[str]:
    """Return the town named most often (at least twice) in the text, None if none is."""
    counts: dict[str, int] = {}
    generic = load_data("places.yaml")["generic_heads"]
    town = rf"({alternation('town_suffixes')})(?!{alternation('town_suffix_not_before')})"
    for match in re.finditer(rf"(?<![\u4e00-\u9fff]{{2}})([\u4e00-\u9fff]{{2,3}}?){town}", text):
        head = match.group(1)
        if head[0] not in generic and head[-1] not in generic:
            counts[match.group()] = counts.get(match.group(), 0) + 1
    best = max(counts, key=counts.get, default=None)
    return best if best and counts[best] >= 2 else None


def _trim_place(candidate: Optional[str]) -> Optional[str]:
    """Return a place candidate without the words caught before it (我代表顺平县 → 顺平县)."""
    if not candidate:
        return candidate
    return re.split(rf"{alternation('lead_words')}|，", candidate)[-1] or None


def admin_parents(text: str, place: Optional[str], level: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Return (district, city, province) the text states as the place's parents, None where it states none."""
    names = _admin_names(text)
    ours = [place] if place else []
    district = None
    if level in ("town", "township", "subdistrict"):
        district = _stated_parent(text, names, _parent_suffixes("district", "county"), ours)
    ours += [district] if district else []
    city = _stated_parent(text, names, _parent_suffixes("city"), ours)
    ours += [city] if city else []
    return district, city, _stated_parent(text, names, _parent_suffixes("province"), ours)


def _parent_suffixes(*levels: str) -> tuple[str, ...]:
    """Return the suffixes of the administrative areas of the given levels (district, county → 区, 县)."""
    return tuple(suffix for suffix, level in load_data("places.yaml")["parent_levels"].items() if level in levels)


def _admin_names(text: str) -> list[tuple[str, str, int, int]]:
    """Return (name, suffix, start, end) of every administrative name (吴兴区, 保定市, 河北省, 唐县) in ``text``."""
    found = []
    for match in re.finditer(f"[{''.join(load_data('places.yaml')['parent_levels'])}]", text):
        for size in (3, 2, 1):
            start = match.start() - size
            head = text[max(0, start):match.start()]
            strength = _admin_name_strength(head, match.group()) if len(head) == size else 0
            if strength and _reads_as_name(text, start, match.end()):
                found.append((head + match.group(), match.group(), start, match.end(), strength))
                break
    authorities = {n for n, _, s, e, _ in found if _speaks_as_authority(text, s, e)}
    return [(n, x, s, e) for n, x, s, e, strength in found if strength == 2 or n in authorities]


def _speaks_as_authority(text: str, start: int, end: int) -> bool:
    """Return True when the name at start:end stands as an authority: its organs (保定市委, 保定市政府)
    or a level in a chain of command (中央、省、保定市)."""
    chain_before = load_data("places.yaml")["command_chain_before"]
    return bool(re.match(alternation("authority_organs"), text[end:])) or text[max(0, start - 2):start] in chain_before


def _reads_as_name(text: str, start: int, end: int) -> bool:
    """Return True when jieba, reading the words around it, reads start:end as one name: a word starts at
    ``start`` and covers it (保定市, 北京市委), or only the suffix is a word of its own (吴江/区);
    新增城市 has no word 增城市, 花园城市 reads 花园/城市, 市和县委 reads 和/县委."""
    import jieba

    left = max(0, start - 6)
    pos, words = left, []
    for word in jieba.cut(text[left:end + 4]):
        words.append((pos, pos + len(word)))
        pos += len(word)
    inside = [(s, e) for s, e in words if start <= s < end]
    if not inside or inside[0][0] != start:
        return False
    if inside[0][1] >= end:
        return True
    suffix_word = text[end - 1:inside[-1][1]] if len(inside) == 2 and inside[1][0] == end - 1 else ""
    return end - start > 2 and (len(suffix_word) == 1 or bool(re.fullmatch(rf".(?:{alternation('leading_organs')})\w{{0,2}}", suffix_word)))


@functools.cache
def _admin_name_strength(head: str, suffix: str) -> int:
    """Return 2 when head+suffix is a proper administrative name jieba knows as a place (湖州市, 吴兴区),
    1 when it is a common-noun word that may be one (保定市), 0 for a verb phrase (落实市) or a generic
    area (示范区, 全县, 贫困县, 工业园区)."""
    import jieba.posseg as pseg

    data = load_data("not_facts.yaml")
    name = head + suffix
    if not re.fullmatch(r"[\u4e00-\u9fff]+", head) or head[0] in data["area_determiners"] \
            or head[-1] in data["area_determiners"] or head[:2] in data["generic_area_heads"] \
            or head[:3] in data["generic_area_heads"]:
        return 0
    if len(head) >= 3 and name.endswith(tuple(data["generic_area_words"])):
        return 0
    tags = pseg.dt.word_tag_tab
    name_tag, head_tag = tags.get(name), tags.get(head)
    if len(head) == 1:
        return 2 if suffix in _parent_suffixes("county") and name_tag == "ns" and head not in data["one_char_heads_not"] else 0
    if name_tag in ("ns", "nr") or head_tag in ("ns", "nr"):
        return 2
    return 1 if name_tag in ("n", "nz") else 0


def _stated_parent(text: str, names, suffixes: tuple[str, ...], ours: list[str]) -> Optional[str]:
    """Return the area of the given kind most often named as the place's parent, None unless the text
    supports it: chained to the place (湖州市吴兴区八里店镇), named twice, or named once while the text
    speaks of that kind's organs (区委区政府)."""
    starts = {start: name for name, _, start, _ in names}
    scores: dict[str, int] = {}
    for name, suffix, start, end in names:
        if suffix not in suffixes or name in ours:
            continue
        if any(text.startswith(o, end) for o in ours):
            weight = 5  # 湖州市吴兴区, 吴兴区八里店镇
        elif end in starts:
            weight = 0  # 北京市西城区: the parent of another area
        else:
            weight = 1
        scores[name] = scores.get(name, 0) + weight
    best = max(scores, key=lambda k: (scores[k], -text.find(k)), default=None)
    if not best or not scores[best]:
        return None
    bare = text.count(best[:-1]) - text.count(best)
    if scores[best] + bare >= 2 or _speaks_of_organs(text, names, best[-1]):
        return best
    return None


def _speaks_of_organs(text: str, names, suffix: str) -> bool:
    """Return True when the text names the organs of an unnamed area of that kind (区委, 县政府)."""
    named_ends = {end for _, _, _, end in names}
    return any(m.start() + 1 not in named_ends for m in re.finditer(rf"{suffix}(?:{alternation('leading_organs')})", text))
