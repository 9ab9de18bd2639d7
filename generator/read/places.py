"""The place a report is about, resolved against the official divisions: a name the text writes that
exists there, under the parents the text supports; None when nothing resolves (never a guess)."""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.divisions import Division, by_code, level, named, names_in, parents, renamed, stem
from generator.read.lexicon import ordinal_class

# the speaking place's own stem must be named this often, and this many times more than any rival's
SELF_MENTIONS_MIN = 5
SELF_MENTIONS_LEAD = 3


def alternation(key: str) -> str:
    """Return the words of places.yaml ``key`` as one regex alternation (镇|乡|街道)."""
    return "|".join(re.escape(w) for w in load_data("places.yaml")[key])


def first_group(pattern: str, text: str) -> Optional[str]:
    """Return group 1 of the first match of ``pattern``, None if none."""
    match = re.search(pattern, text)
    return match.group(1) if match else None


def find_place(front: str, body: str) -> tuple[Optional[str], Optional[Division]]:
    """Return (official name, division) of the place the report is about: named by its front matter, else
    the one whose government speaks in it (全县 … 清苑县 … 清苑). The division is None when the name has
    homonyms the text does not tell apart (双林镇), the name None too when no name resolves."""
    support = Counter(name for name, _ in names_in(body))
    homonym = None
    for written in front_candidates(front):
        place = resolve(written, support)
        if place:
            return place.name, place
        chain = _chain(written)
        homonym = homonym or (chain[-1] if chain and named(chain[-1]) else None)
    if homonym:
        return homonym, None
    place = _speaking_place(body, support)
    return (place.name, place) if place else (None, None)


def front_candidates(front: str) -> list[str]:
    """Return the names the front matter gives for the place, most explicit first (保定市清苑区, 清苑县)."""
    levels, titles = alternation("levels"), alternation("speaker_titles")
    patterns = [p.replace("{levels}", levels).replace("{ordinal}", ordinal_class()).replace("{titles}", titles)
                for p in load_data("places.yaml")["front_patterns"]]
    lines = front.splitlines()
    found = [first_group(pattern, front) for pattern in patterns]
    found.append(first_group(rf"^\s*([\u4e00-\u9fff]{{2,8}}(?:{levels}))\s*$", lines[0] if lines else ""))
    return [_trim_place(c) for c in found if _trim_place(c)]


def _trim_place(candidate: Optional[str]) -> Optional[str]:
    """Return a place candidate without the words caught before it (我代表顺平县 → 顺平县)."""
    if not candidate:
        return candidate
    return re.split(rf"{alternation('lead_words')}|，", candidate)[-1] or None


def resolve(written: str, support: Counter) -> Optional[Division]:
    """Return the one division a written name stands for (保定市清苑区, 清苑县, 织里镇), its homonyms told
    apart by the parents the text names (``support``: name → mentions); None if none or still ambiguous."""
    chain = _chain(written)
    if not chain:
        return None
    stated = set(chain[:-1])
    found = [d for d in _divisions_called(chain[-1]) if stated <= _parent_names(d)]
    if not found:
        found = [d for d in _same_stem(chain[-1]) if stated <= _parent_names(d)]
        found = [d for d in found if _support(d, support) > 0]  # a changed generic needs a named parent
    return _best(found, support)


def _chain(written: str) -> list[str]:
    """Return the division names a written name is made of, outermost first (保定市清苑区 → 保定市, 清苑区), the
    longest of those starting at one place (乌镇镇 is one name, not 乌镇 then 镇); [] unless the last one ends it."""
    names, end = [], 0
    for name, start in sorted(names_in(written), key=lambda n: (n[1], -len(n[0]))):  # 乌镇镇, not 乌镇
        if start >= end:
            names.append(name)
            end = start + len(name)
    return names if names and end == len(written) else []


def _divisions_called(name: str) -> tuple[Division, ...]:
    """Return the divisions officially called ``name`` today or formerly (places.yaml renamed)."""
    return named(name) + renamed(name)


def _parent_names(division: Division) -> set[str]:
    """Return the names of a division's parents, with their former names."""
    out = set()
    for parent in parents(division):
        out.add(parent.name)
        out.update(e["old"] for e in load_data("places.yaml")["renamed"] if e["now"] == parent.name)
    return out


@functools.cache
def _by_stem() -> dict[tuple[str, int], tuple[Division, ...]]:
    """Return county- and township-level divisions by (specific part, code length)."""
    from generator.read.divisions import _table

    table: dict[tuple[str, int], list[Division]] = {}
    for division in _table().by_code.values():
        if len(division.code) >= 6:
            table.setdefault((stem(division.name), len(division.code)), []).append(division)
    return {key: tuple(found) for key, found in table.items()}


def _same_stem(name: str) -> tuple[Division, ...]:
    """Return the divisions of the tier a name's generic part belongs to that share its specific part: a
    county made a district or a county-level city (撤县设区), a township made a town (撤乡设镇)."""
    tiers = load_data("places.yaml")["division_levels"]
    core = stem(name)
    if core == name:
        return ()
    generic = name[len(core):]
    sizes = [size for size, tier in ((6, "county"), (9, "township")) if generic in tiers[tier]]
    return tuple(d for size in sizes for d in _by_stem().get((core, size), ()))


def _support(division: Division, support: Counter) -> int:
    """Return how often the text names the division's parents (or their former names)."""
    return sum(support.get(name, 0) for name in _parent_names(division))


def _best(found: list[Division], support: Counter) -> Optional[Division]:
    """Return the only division, or the one whose parents the text names more than any other's."""
    unique = list({d.code: d for d in found}.values())
    if len(unique) <= 1:
        return unique[0] if unique else None
    scored = sorted(((_support(d, support), d.code) for d in unique), reverse=True)
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return by_code(scored[0][1])
    return None


def _speaking_place(body: str, support: Counter) -> Optional[Division]:
    """Return the division whose government speaks when the front never names it: the text speaks as one
    level (全县, 县政府), names one division of that level in full and its specific part far more than any
    other's (清苑县 … 和谐清苑 … 清苑发展); None otherwise."""
    self_words = load_data("places.yaml")["self_reference"]
    counts = {suffix: sum(body.count(w.replace("{}", suffix)) for w in self_words)
              for suffix in load_data("places.yaml")["levels"]}
    suffix = max(counts, key=counts.get)
    if not counts[suffix]:
        return None
    cores = Counter()
    for name in support:
        if name.endswith(suffix) and len(stem(name)) >= 2:
            cores[stem(name)] = body.count(stem(name))
    ranked = cores.most_common(2)
    if not ranked or ranked[0][1] < SELF_MENTIONS_MIN or \
            (len(ranked) > 1 and ranked[0][1] < SELF_MENTIONS_LEAD * ranked[1][1]):
        return None
    return resolve(ranked[0][0] + suffix, support)


def parent_names(division: Division) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Return the official (district or county, city, province) above a division, None where there is none."""
    by_tier = {p.tier: p.name for p in parents(division)}
    return by_tier.get("county"), by_tier.get("prefecture"), by_tier.get("province")


def name_level(name: str) -> Optional[str]:
    """Return the level of the divisions officially called ``name`` (town), None if they differ or none is."""
    levels = {level(d) for d in _divisions_called(name)}
    return levels.pop() if len(levels) == 1 else None
