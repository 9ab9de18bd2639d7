"""Pick a report's headline indicators (GDP, fiscal revenue, industry, investment …)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Optional, Sequence

from generator.datafiles import load
from generator.model import Fact
from generator.read.normalize import to_simplified

RESULT_KINDS = ("actual", "estimate")  # the kinds that state what was achieved


@dataclass(frozen=True)
class HeadlineGroup:
    key: str
    label: tuple[tuple[str, str], ...]  # ((lang, name), …)
    match: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    money: bool = False


@cache
def headline_groups() -> tuple[HeadlineGroup, ...]:
    """Return the headline groups declared in data/headline.yaml, in display order."""
    raw = load("headline.yaml") or []
    return tuple(
        HeadlineGroup(item["key"], tuple(sorted(item["label"].items())), tuple(item["match"]),
                      tuple(item.get("exclude", ())), bool(item.get("money")))
        for item in raw
    )


def group_label(group: HeadlineGroup, lang: str) -> str:
    """Return the group's display name in a language."""
    return dict(group.label)[lang]


@lru_cache(maxsize=4096)
def readings(name: Optional[str]) -> tuple[str, ...]:
    """Return an indicator name as written and, when it differs, in Simplified (the script of headline.yaml):
    a report written in Traditional shows 地區生產總值."""
    name = name or ""
    simplified = to_simplified(name)
    return (name,) if simplified == name else (name, simplified)


def _belongs(fact: Fact, group: HeadlineGroup) -> bool:
    """Return whether the fact's indicator names this group's indicator."""
    return any(any(m in name for m in group.match) and not any(x in name for x in group.exclude)
               for name in readings(fact.indicator))


def names_headline(fact: Fact) -> bool:
    """Return whether a fact's indicator IS a headline indicator: its name (without a trailing 增速, 增幅 …)
    ends with a group's term and holds none of its exclusions (单位生产总值能耗 names no GDP)."""
    for name in readings(fact.indicator):
        for suffix in load("figures.yaml")["rate_suffixes"]:
            name = name.removesuffix(suffix)
        if any(name.endswith(tuple(g.match)) and not any(x in name for x in g.exclude) for g in headline_groups()):
            return True
    return False


@cache
def _per_unit_words() -> tuple[str, ...]:
    """Return the words that make a money figure an amount per person, household or area (data/figures.yaml)."""
    return tuple(load("figures.yaml")["per_unit_words"])


def is_money_total(fact: Fact) -> bool:
    """Return whether a fact is an amount of money in total: a CNY figure that is not per person, per
    household or per area (人均可支配收入 in 元 is another unit family than GDP in 亿元)."""
    return fact.base_unit == "CNY" and not any(w in name for name in readings(fact.indicator) for w in _per_unit_words())


def headline_facts(facts: Sequence[Fact]) -> list[tuple[HeadlineGroup, Fact]]:
    """Return (group, fact) pairs: the first achieved fact of each headline group, in group order."""
    chosen: list[tuple[HeadlineGroup, Fact]] = []
    used: set[str] = set()
    for group in headline_groups():
        for fact in facts:
            if fact.id in used or fact.kind not in RESULT_KINDS or fact.part_of:
                continue
            if group.money and fact.base_unit != "CNY":
                continue
            if _belongs(fact, group):
                chosen.append((group, fact))
                used.add(fact.id)
                break
    return chosen
