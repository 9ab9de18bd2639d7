"""Search entries of their own for each town's main facts, tagged with every name of their indicator.

A page's search entries hold its words as the page writes them: 织里镇's GDP is "地区生产总值 181亿元" in
a table row, which `GDP`, `生产总值`, `181亿元` or `population` do not find. Each headline fact, and the
first achieved fact of each group of data/search_aliases.yaml, gets one entry per language: its title is
the indicator, its value as written and the town; its tags (which Material's search weighs most) are
the names of its indicator in both languages and its value as the Chinese text writes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Optional, Sequence

from generator.datafiles import load
from generator.model import Fact, Report
from generator.pages.format import formatter
from generator.pages.headline import RESULT_KINDS, group_label, headline_facts, readings
from generator.pages.views import fact_row
from generator.read.divisions import stem
from generator.read.normalize import to_simplified

SEP = " · "


@dataclass(frozen=True)
class AliasGroup:
    """One indicator's names in the genre (a group of data/search_aliases.yaml)."""

    key: str
    match: tuple[str, ...]
    exclude: tuple[str, ...]
    units: tuple[str, ...]
    money: bool
    zh: tuple[str, ...]
    en: tuple[str, ...]


@cache
def alias_groups() -> tuple[AliasGroup, ...]:
    """Return the groups of data/search_aliases.yaml, in file order."""
    return tuple(AliasGroup(g["key"], tuple(g["match"]), tuple(g.get("exclude", ())), tuple(g.get("units", ())),
                            bool(g.get("money")), tuple(g["zh"]), tuple(g["en"]))
                 for g in load("search_aliases.yaml"))


def belongs(fact: Fact, group: AliasGroup) -> bool:
    """Return whether a fact is of the group's indicator (name, unit and money as the group asks)."""
    if not any(any(m in name for m in group.match) and not any(x in name for x in group.exclude)
               for name in readings(fact.indicator)):
        return False
    if group.money and fact.base_unit != "CNY":
        return False
    return not group.units or to_simplified(fact.unit or "") in group.units


def alias_group(fact: Fact) -> Optional[AliasGroup]:
    """Return the first alias group the fact belongs to (None when none does)."""
    return next((g for g in alias_groups() if belongs(fact, g)), None)


def main_facts(report: Report) -> list[Fact]:
    """Return the report's headline facts, then the first achieved fact of each alias group not yet among them."""
    chosen = [fact for _, fact in headline_facts(report.facts)]
    groups = {g.key for g in map(alias_group, chosen) if g}
    for fact in report.facts:
        if fact.kind not in RESULT_KINDS or fact.part_of or fact in chosen:
            continue
        group = alias_group(fact)
        if group and group.key not in groups:
            chosen.append(fact)
            groups.add(group.key)
    return chosen


def written_values(fact: Fact) -> list[str]:
    """Return the fact's value as the Chinese page writes it and as the report does (181亿元, 超4000万元)."""
    plain = f"{fact.value:g}{fact.unit or ''}" if isinstance(fact.value, (int, float)) else ""
    shown = formatter("zh").value(fact.value, fact.unit, fact.qualifier, fact.indicator)
    return unique([shown, plain])


def unique(items) -> list[str]:
    """Return the non-empty items once each, in order."""
    seen: dict[str, None] = {}
    for item in items:
        if item and item.strip():
            seen.setdefault(item.strip(), None)
    return list(seen)


def tags(fact: Fact) -> list[str]:
    """Return the names of the fact's indicator in both languages and its value as written in Chinese."""
    group = alias_group(fact)
    names = [*readings(fact.indicator), fact.indicator_en or ""]  # 地區生產總值 is found as 地区生产总值 too
    headline = dict(headline_label(fact))
    names += [headline.get("zh", ""), headline.get("en", "")]
    if group:
        names += [*group.zh, *group.match, *group.en]
    return unique([*names, *written_values(fact)])


def headline_label(fact: Fact) -> tuple[tuple[str, str], ...]:
    """Return the (lang, name) labels of the headline group that picked the fact (none when no group did)."""
    for group, chosen in headline_facts((fact,)):
        return tuple((lang, group_label(group, lang)) for lang in ("zh", "en"))
    return ()


def entry(report: Report, fact: Fact, lang: str) -> dict:
    """Return one language's search entry of a fact: `anchor` (the fact's id), title, text and tags."""
    row = fact_row(fact, lang)
    m = report.meta
    place = m.place if lang == "zh" else (m.place_en or m.place)
    title = f"{row.label.text} {row.value}{SEP}{place}"
    text = " ".join(x for x in (row.growth, row.period, row.kind) if x)
    return {"anchor": fact.id, "title": title, "text": text, "tags": unique([*tags(fact), *place_names(report)]),
            "place": m.place}


def place_names(report: Report) -> list[str]:
    """Return the town's names: Chinese, without its 镇/乡/街道 (a query cut 方田|乡 finds 方田), English."""
    m = report.meta
    return unique([m.place, stem(m.place) if m.place else "", m.place_en or ""])


def fact_entries(reports: Sequence[Report], lang: str) -> dict[str, list[dict]]:
    """Return {fact sheet path ('towns/<slug>/'): its facts' search entries} for one language."""
    return {f"towns/{r.meta.slug}/": [entry(r, fact, lang) for fact in main_facts(r)] for r in reports}
