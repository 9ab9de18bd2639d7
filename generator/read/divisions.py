"""China's official administrative divisions, province to township (generator/data/vendor/divisions.txt):
look a name up, walk a division's parents, give its level and its stable slug.

The file is the National Bureau of Statistics' division codes of one date (see its header and
scripts/vendor_divisions.py); a place renamed before that date is found through places.yaml ``renamed``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from generator.datafiles import data_path, load as load_data
from generator.errors import DataFileError

DIVISIONS_FILE = "vendor/divisions.txt"
TIERS = {2: "province", 4: "prefecture", 6: "county", 9: "township"}


@dataclass(frozen=True)
class Division:
    """One official division: its code, name, tier and URL slug."""

    code: str
    name: str
    slug: str

    @property
    def tier(self) -> str:
        """Return province, prefecture, county or township (from the code's length)."""
        return TIERS[len(self.code)]


@dataclass(frozen=True)
class _Table:
    by_code: dict[str, Division]
    by_name: dict[str, tuple[Division, ...]]


@functools.cache
def _table() -> _Table:
    """Return the divisions file read once: by code and by name."""
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    path = data_path(DIVISIONS_FILE)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 3 or len(fields[0]) not in TIERS or not fields[0].isdigit():
            raise DataFileError(str(path), "expected code<TAB>name<TAB>slug", number)
        division = Division(*fields)
        by_code[division.code] = division
        by_name.setdefault(division.name, []).append(division)
    return _Table(by_code, {name: tuple(found) for name, found in by_name.items()})


def by_code(code: str) -> Optional[Division]:
    """Return the division with this code, None if there is none."""
    return _table().by_code.get(code)


def named(name: str) -> tuple[Division, ...]:
    """Return every division officially called ``name`` (城关镇 has hundreds), () for none."""
    return _table().by_name.get(name, ())


def renamed(name: str) -> tuple[Division, ...]:
    """Return the divisions a former official name (places.yaml renamed: 清苑县) stands for today."""
    found = []
    for entry in load_data("places.yaml")["renamed"]:
        if entry["old"] == name:
            found += [d for d in named(entry["now"]) if any(p.name == entry["parent"] for p in parents(d))]
    return tuple(found)


def parents(division: Division) -> list[Division]:
    """Return the divisions above one, nearest first (county, prefecture, province)."""
    table = _table().by_code
    codes = [division.code[:size] for size in sorted(TIERS, reverse=True) if size < len(division.code)]
    return [table[code] for code in codes if code in table]


def level(division: Division) -> str:
    """Return a division's level: town, township, subdistrict, county, district, county-level city, …"""
    suffixes = load_data("places.yaml")["division_levels"][division.tier]
    return next((lvl for suffix, lvl in suffixes.items() if division.name.endswith(suffix)), division.tier)


def stem(name: str) -> str:
    """Return a name without its generic part (清苑县 → 清苑, 八里店镇 → 八里店, 城区 → 城区)."""
    generics = sorted(load_data("places.yaml")["generic_parts"], key=len, reverse=True)
    core = next((name[: -len(g)] for g in generics if name.endswith(g) and len(name) - len(g) >= 2), None)
    return core or name


@functools.cache
def _name_pattern_sizes() -> tuple[int, ...]:
    """Return the lengths division names have, longest first."""
    return tuple(sorted({len(n) for n in _table().by_name}, reverse=True))


def names_in(text: str) -> list[tuple[str, int]]:
    """Return (name, start) of every official or former division name written in ``text``, longest first at
    each end (保定市清苑区 gives 保定市 and 清苑区)."""
    former = {entry["old"] for entry in load_data("places.yaml")["renamed"]}
    table = _table().by_name
    found = []
    for match in re.finditer(r"[省市区县镇乡道旗木州盟]", text):
        end = match.end()
        for size in _name_pattern_sizes():
            if size <= end and size >= 2:
                name = text[end - size:end]
                if name in table or name in former:
                    found.append((name, end - size))
                    break
    return found
