"""Pick a report's headline indicators (GDP, fiscal revenue, industry, investment …)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Optional, Sequence

from generator.datafiles import load
from generator.model import Fact

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


def _belongs(fact: Fact, group: HeadlineGroup) -> bool:
    """Return whether the fact's indicator names this group's indicator."""
    name = fact.indicator or ""
    return any(m in name for m in group.match) and not any(x in name for x in group.exclude)


def group_of(fact: Fact) -> Optional[HeadlineGroup]:
    """Return the headline group whose indicator the fact names, None when it names none."""
    return next((g for g in headline_groups() if _belongs(fact, g)), None)


@cache
def _per_unit_words() -> tuple[str, ...]:
    """Return the words that make a money figure an amount per person, household or area (data/figures.yaml)."""
    return tuple(load("figures.yaml")["per_unit_words"])


def is_money_total(fact: Fact) -> bool:
    """Return whether a fact is an amount of money in total: a CNY figure that is not per person, per
    household or per area (人均可支配收入 in 元 is another unit family than GDP in 亿元)."""
    return fact.base_unit == "CNY" and not any(w in (fact.indicator or "") for w in _per_unit_words())


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


def money_facts(facts: Sequence[Fact], limit: int = 8) -> list[Fact]:
    """Return the largest achieved CNY facts (a fallback when a report names no headline money)."""
    money = [f for f in facts if f.base_unit == "CNY" and f.kind in RESULT_KINDS and f.base_value]
    return sorted(money, key=lambda f: -(f.base_value or 0))[:limit]
