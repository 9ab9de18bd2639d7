"""The zh → en glossary (data/glossary.yaml) and the small look-ups that read it: kinds, document types,
growth bases, qualifiers and units.

Anything not in the glossary comes back as None, never as half-translated text (the one exception: a
unit in neither units.yaml nor the glossary is kept as written, see ``unit_en``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Optional

from generator.dataschema import glossary_key as norm
from generator.datafiles import UNIT_FILES, data_path, load, load_file, unit_table
from generator.read.normalize import to_simplified
from generator.read.numbers import parse_chinese_number

GLOSSARY_PATH = data_path("glossary.yaml")
# English formats every unit the reader knows, so no unit is left in Chinese on an English page.
ENGLISH_UNIT_FILES = UNIT_FILES


def load_glossary(path: Optional[str | Path] = None) -> dict:
    """Return the glossary at ``path`` (default: data/glossary.yaml) as nested dicts, validated (read once)."""
    return load_file(Path(path) if path else GLOSSARY_PATH, "glossary.yaml")


def group(name: str) -> dict:
    """Return one group of the default glossary (empty when absent)."""
    return load_glossary().get(name) or {}


@dataclass(frozen=True)
class UnitSpec:
    """How a unit scales and reads in English."""

    group: str  # money, area, people, rate, count …
    base: Optional[str]  # CNY, mu, people …, None for plain counts
    factor: Decimal  # written value × factor = value in base units
    en: str  # the English word after magnitude conversion ("" when the number stands alone)


@cache
def load_units() -> dict[str, UnitSpec]:
    """Return unit → UnitSpec for the units English knows (units.yaml's)."""
    return {name: UnitSpec(u.group, u.base, Decimal(str(1 if u.factor is None else u.factor)), u.en)
            for name, u in unit_table(ENGLISH_UNIT_FILES).items()}


def unit_spec(unit: str) -> Optional[UnitSpec]:
    """Return the scaling spec of ``unit``: units.yaml, then 万/亿 + a known unit, then glossary units."""
    units, words = load_units(), group("units")
    if unit in units:
        return units[unit]
    for prefix, factor in load("numerals.yaml")["magnitudes"].items():
        if unit.startswith(prefix) and unit[1:] in units:
            spec = units[unit[1:]]
            return replace(spec, factor=spec.factor * factor)
        if unit.startswith(prefix) and unit[1:] in words:
            return UnitSpec("count", None, Decimal(factor), words[unit[1:]])
    if unit in words:
        return UnitSpec("count", None, Decimal(1), words[unit])
    return None


def classifier(unit: Optional[str]) -> Optional[tuple[Decimal, str]]:
    """Return (scale, English when the counted things are unknown) of a measure word that only counts things
    (所, 条, 户, 1.2万户 → (10000, "households")), "" for a number that stands alone; None for other units."""
    words = group("classifiers")
    if not unit:
        return None
    scale, word = Decimal(1), unit
    magnitudes = load("numerals.yaml")["magnitudes"]
    if len(unit) > 1 and unit[0] in magnitudes and unit[1:] in words:
        scale, word = Decimal(magnitudes[unit[0]]), unit[1:]
    if word not in words:
        return None
    return scale, "" if words[word] == "-" else words[word]


def unit_en(unit: Optional[str]) -> Optional[str]:
    """Return the English word of a unit as written ("" for bare counts), None when unknown."""
    if unit is None:
        return ""
    spec = unit_spec(unit)
    if spec is None:
        return None
    return spec.base if spec.group == "money" else spec.en


def qualifier_spec(qualifier: Optional[str]) -> dict:
    """Return the glossary spec of a qualifier ({} when none or unknown): its English and where it goes."""
    if not qualifier:
        return {}
    specs = group("qualifiers")
    return specs.get(norm(qualifier)) or specs.get(norm(to_simplified(qualifier)), {})  # 約 of a Traditional report


def growth_basis_en(basis: Optional[str]) -> Optional[str]:
    """Return the English of a growth basis (同比 → "year on year", 比2015年 → "over 2015"), else None."""
    if not basis:
        return None
    text = norm(basis)
    if text in group("growth_bases"):
        return group("growth_bases")[text]
    for shape in load("patterns_en.yaml")["growth_bases"]:
        m = re.fullmatch(shape["pattern"], text)
        if m:
            words = m.groupdict()
            return shape["en"].format_map({**words, **five_year_plan_words(words["plan"])} if "plan" in words else words)
    return None


def five_year_plan_words(numeral: str) -> dict[str, str]:
    """Return the English words of a five-year plan's numeral (十二 of 十二五): plan "12th Five-Year Plan",
    plan_years "2011–2015", plan_end "2015"."""
    n = int(parse_chinese_number(numeral))
    start = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)  # 1963–1965 were years of readjustment
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return {"plan": f"{n}{suffix} Five-Year Plan", "plan_years": f"{start}–{start + 4}", "plan_end": str(start + 4)}


def kind_en(kind: Optional[str]) -> Optional[str]:
    """Return the English label of a fact kind (actual → "Actual")."""
    return (group("kinds").get(kind) or {}).get("en") if kind else None


def kind_zh(kind: Optional[str]) -> Optional[str]:
    """Return the Chinese label of a fact kind (actual → "实绩")."""
    return (group("kinds").get(kind) or {}).get("zh") if kind else None


def doc_type_en(doc_type: Optional[str]) -> Optional[str]:
    """Return the English of a document type (政府工作报告 → "Government Work Report")."""
    return group("doc_types").get(norm(doc_type)) if doc_type else None
