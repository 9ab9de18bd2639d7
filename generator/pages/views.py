"""How a fact reads in one language: labels, values, growth, period, kind and quote as pages show them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Optional

import yaml

from generator import YAML_LOADER
from generator.english import glossary as english
from generator.model import Fact

from generator.datafiles import DATA_DIR

UI_FILE = DATA_DIR / "ui.yaml"


@cache
def ui_strings() -> dict:
    """Return the page-chrome strings by key and language."""
    return yaml.load(UI_FILE.read_text(encoding="utf-8"), Loader=YAML_LOADER)


def ui(key: str, lang: str, **fmt: object) -> str:
    """Return one page-chrome string in a language, with `{placeholders}` filled."""
    text = ui_strings()[key][lang]
    return text.format(**fmt) if fmt else text


@dataclass(frozen=True)
class Label:
    """A name as a page shows it; `original` is set when no translation exists."""

    text: str
    original: Optional[str] = None  # the Chinese, shown with an "untranslated" marker


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


def _label(zh: Optional[str], en: Optional[str], lang: str) -> Label:
    """Return the label for a language, keeping the Chinese when no English exists."""
    if lang == "zh" or not zh:
        return Label(zh or "")
    return Label(en) if en else Label(zh, original=zh)


def fact_row(fact: Fact, lang: str) -> FactRow:
    """Return how a fact reads on a page in one language."""
    if lang == "zh":
        value = english.format_value_zh(fact.value, fact.unit, fact.qualifier)
        growth = english.growth_zh(fact.growth_pct, fact.growth_basis) if fact.growth_pct is not None else ""
        period = fact.period or ""
        kind = english.kind_zh(fact.kind)
    else:
        value = english.format_value_en(fact.value, fact.unit, fact.qualifier)
        growth = english.growth_en(fact.growth_pct, fact.growth_basis) if fact.growth_pct is not None else ""
        period = (english.period_en(fact.period) or fact.period) if fact.period else ""
        kind = english.kind_en(fact.kind)
    quote = fact.source.quote if lang == "zh" else (fact.source.quote_en or ui("untranslated", lang))
    return FactRow(
        id=fact.id, label=_label(fact.indicator, fact.indicator_en, lang), value=value, growth=growth,
        period=period, kind=kind, line=fact.source.line, anchor=fact.source.paragraph,
        quote=quote, part_of=fact.part_of,
    )
