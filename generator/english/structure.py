"""A whole report translated structurally: English place and speaker names, indicators and headings."""
from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Callable, Iterable, Optional

from generator.english.compose import pinyin_name
from generator.english.entities import trade_names
from generator.english.headings import composed_title_en, section_title_en
from generator.english.indicators import indicator_en, indicator_origin
from generator.english.names import person_en, place_en
from generator.model import Fact, Report
from generator.read.normalize import to_simplified


def _keep(old: Optional[str], new: Optional[str]) -> Optional[str]:
    """Return ``old`` when already set (an upstream override wins), else ``new``."""
    return old if old else new


def _maybe(func, value: Optional[str]) -> Optional[str]:
    """Return func(value) when value is set, else None."""
    return func(value) if value else None


def simplified_names(report: Report) -> Callable[[Optional[str]], Optional[str]]:
    """Return the function giving a name the report shows in Simplified, the script the glossary, the
    dictionary and the heading rules are written in: a report written in Traditional shows its own
    characters (Report.simplified records each name's Simplified form; OpenCC for any other text)."""
    if not report.simplified:
        return lambda text: text
    known = dict(report.simplified)
    return lambda text: (known.get(text) or to_simplified(text)) if text else text


def _origin(fact: Fact, simplified=lambda text: text) -> Optional[str]:
    """Return where a fact's indicator English comes from: as set upstream, "glossary" or "dictionary"."""
    if fact.indicator_en:
        return fact.indicator_origin or "memory"
    return indicator_origin(simplified(fact.indicator))


def _indicator_en(indicator: Optional[str], firms: frozenset[str]) -> Optional[str]:
    """Return an indicator's English with the trade names of the report's firms in it written in pinyin."""
    inside = [firm for firm in firms if indicator and firm in indicator]
    for firm in inside:
        indicator = indicator.replace(firm, pinyin_name(firm))
    return indicator_en(indicator)


def translate_report(report: Report) -> Report:
    """Return a copy of ``report`` with English names, indicators and headings filled where known."""
    m, simplified = report.meta, simplified_names(report)
    meta = dataclasses.replace(
        m,
        place_en=_keep(m.place_en, place_en(m.place, generic=True) if m.place else None),
        district_en=_keep(m.district_en, _maybe(place_en, m.district)),
        city_en=_keep(m.city_en, _maybe(place_en, m.city)),
        province_en=_keep(m.province_en, _maybe(place_en, m.province)),
        speaker_en=_keep(m.speaker_en, _maybe(person_en, simplified(m.speaker))),
    )
    firms = trade_names(simplified(p.text) for p in report.paragraphs)
    facts = tuple(dataclasses.replace(
        f, indicator_en=_keep(f.indicator_en, _indicator_en(simplified(f.indicator), firms)),
        indicator_origin=_origin(f, simplified)) for f in report.facts)
    return _headings(dataclasses.replace(report, meta=meta, facts=facts), section_title_en)


def _headings(report: Report, english) -> Report:
    """Return ``report`` with section titles and heading paragraphs still without English given english(title)."""
    simplified = simplified_names(report)
    sections = tuple(dataclasses.replace(s, title_en=_keep(s.title_en, english(simplified(s.title))))
                     for s in report.sections)
    titles = {s.paragraph: s.title_en for s in sections if s.title_en}
    paragraphs = tuple(
        dataclasses.replace(p, text_en=_keep(p.text_en, titles.get(p.anchor))) if p.is_heading else p
        for p in report.paragraphs)
    return dataclasses.replace(report, sections=sections, paragraphs=paragraphs)


def compose_headings(report: Report) -> Report:
    """Return ``report`` with headings that neither the glossary nor the translation memory gave English
    composed word by word with the dictionary (applied after the memory, so a person's English wins)."""
    return _headings(report, composed_title_en)


def glossary_coverage(reports: Iterable[Report]) -> tuple[int, int, list[str]]:
    """Return (known, total, unknown) over distinct indicator names; unknown most frequent first."""
    counts = Counter(simplified_names(r)(f.indicator) for r in reports for f in r.facts if f.indicator)
    unknown = [name for name, _ in counts.most_common() if indicator_en(name) is None]
    return len(counts) - len(unknown), len(counts), unknown


def origin_counts(reports: Iterable[Report]) -> tuple[Counter, int, int]:
    """Return (distinct indicator names per origin, headings with English, headings) over the reports."""
    reports = list(reports)
    names = {simplified_names(r)(f.indicator) for r in reports for f in r.facts if f.indicator}
    origins = Counter(indicator_origin(name) or "none" for name in names)
    sections = [s for r in reports for s in r.sections]
    return origins, sum(bool(s.title_en) for s in sections), len(sections)
