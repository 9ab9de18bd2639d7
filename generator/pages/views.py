"""How a fact reads in one language: labels, values, growth, period, kind and quote as pages show them."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from generator.datafiles import load
from generator.english.entities import entity_en
from generator.english.glossary import doc_type_en, kind_en, kind_zh
from generator.english.names import level_en, level_zh, title_en
from generator.english.periods import period_en
from generator.model import Fact, Meta, Report
from generator.pages.format import formatter
from generator.pages.periods import period_shown


def ui(key: str, lang: str, **fmt: object) -> str:
    """Return one page-chrome string (data/ui.<lang>.yaml) with its `{placeholders}` filled."""
    text = load(f"ui.{lang}.yaml")[key]
    return text.format(**fmt) if fmt else text


@dataclass(frozen=True)
class Label:
    """A name as a page shows it; `original` is set when no translation exists."""

    text: str
    original: Optional[str] = None  # the Chinese, shown with an "untranslated" marker
    origin: Optional[str] = None  # where an English name comes from: human, glossary, dictionary or machine


@dataclass(frozen=True)
class FactRow:
    """One fact as one language's page shows it."""

    id: str
    label: Label
    value: str
    growth: str
    period: str
    kind: str
    line: int
    anchor: str
    quote: str
    part_of: Optional[str]


def origin_key(origin: Optional[str]) -> Optional[str]:
    """Return the page's word for an English name's origin: memory → "human", machine:<provider> → "machine"."""
    if not origin:
        return None
    key = {"memory": "human"}.get(origin, origin.split(":", 1)[0])
    return key if key in ("human", "glossary", "dictionary", "machine") else None


def _label(zh: Optional[str], en: Optional[str], lang: str, origin: Optional[str] = None) -> Label:
    """Return the label for a language, keeping the Chinese when no English exists."""
    if lang == "zh" or not zh:
        return Label(zh or "")
    return Label(en, origin=origin_key(origin)) if en else Label(zh, original=zh)


def fact_row(fact: Fact, lang: str, report: Optional[Report] = None) -> FactRow:
    """Return how a fact reads on a page in one language; with its report, the period is never blank (the
    year it is for, or what the report says it covers)."""
    write = formatter(lang)
    value = write.value(fact.value, fact.unit, fact.qualifier,
                        report.simplified_of(fact.indicator) if report is not None else fact.indicator)
    growth = write.growth(fact.growth_pct, fact.growth_basis) if fact.growth_pct is not None else ""
    period = period_shown(fact, report, lang) if report is not None else period_text(fact.period, lang) or ""
    kind = kind_zh(fact.kind) if lang == "zh" else kind_en(fact.kind)
    quote = fact.source.quote if lang == "zh" else (fact.source.quote_en or ui("untranslated", lang))
    label = _label(fact.indicator, fact.indicator_en, lang, fact.indicator_origin)
    return FactRow(
        id=fact.id, label=label, value=value, growth=growth, period=period,
        kind=kind, line=fact.source.line, anchor=fact.source.paragraph,
        quote=quote, part_of=fact.part_of,
    )


def period_text(period: Optional[str], lang: str) -> Optional[str]:
    """Return a period phrase in a language (the Chinese when there is no English)."""
    return (period_en(period) or period) if lang == "en" and period else period


def level_text(level: Optional[str], lang: str) -> Optional[str]:
    """Return the administrative level word (镇 / "Town") of a Meta.level in a language."""
    return level_en(level) if lang == "en" else level_zh(level)


def doc_type_text(doc_type: Optional[str], lang: str) -> Optional[str]:
    """Return the document type in a language; None in English when the glossary does not know it."""
    return doc_type_en(doc_type) if lang == "en" else doc_type


def speaker_text(meta: Meta, lang: str) -> Optional[str]:
    """Return the speaker with title, e.g. '陈勇杰（织里镇人民政府镇长）' / 'Chen Yongjie, Mayor of Zhili Town'."""
    if not meta.speaker:
        return None
    if lang == "zh":
        return f"{meta.speaker}（{meta.speaker_title}）" if meta.speaker_title else meta.speaker
    title = title_en(meta.speaker_title) if meta.speaker_title else None
    name = meta.speaker_en or meta.speaker
    return f"{name}, {title}" if title else name


def entity_name_en(kind: str, name: str, lang: str) -> Optional[str]:
    """Return a named thing's English on an English page (english/entities.py), None in Chinese or unknown."""
    return entity_en(kind, name) if lang == "en" else None

def origin_counts(report: Report, lang: str) -> str:
    """Return how many English indicator names of the report come from each origin ("glossary 40, …"); "" in
    Chinese."""
    if lang != "en":
        return ""
    labels = [fact_row(f, lang).label for f in report.facts]
    found = Counter("untranslated" if label.original else label.origin for label in labels
                    if label.original or label.origin)
    return ", ".join(f"{ui('origin_word_' + key, lang)} {n}" for key, n in sorted(found.items(), key=lambda kv: -kv[1]))
