"""The period a page shows beside every figure: the year it is for when that can be told, else what the
report says, never a blank.

A figure whose own period resolves to one year of its report (上半年 in a report on 2021 → 2021年上半年;
no period in a review of 2020 → 2020年, marked as the report's period) shows that year. Any other period
is shown as written, with the report's year beside it ("今年以来 (2021 report)"); in a report that states
no year, "(year not stated)" says so plainly beside what the text does say (过去一年, 全年).
"""
from __future__ import annotations

import re
from typing import Optional

from generator.datafiles import load
from generator.english.periods import period_en
from generator.model import Fact, Meta, Report
from generator.pages.series import WHOLE_YEAR, covered, point_year, sub_year, words

_YEAR = re.compile(r"(?:19|20)\d{2}")


def ui(key: str, lang: str, **fmt: object) -> str:
    """Return one page string (data/ui.<lang>.yaml) filled in (views.ui, which imports this module)."""
    return load(f"ui.{lang}.yaml")[key].format(**fmt)


def figure_year(fact: Fact, report: Report) -> Optional[tuple[int, str]]:
    """Return (year, period type) a figure is for when its period (or, without one, the report's) names one
    year, else None; a figure written for the whole year (全年) is never given a half year's type."""
    found, period = point_year(fact, report), report.simplified_of(fact.period) or ""
    if found is None and period and sub_year(period) == period:  # 上半年 alone: of the year the passage is about
        year = report.meta.year if fact.kind == "target" else (covered(report.meta) or (None,))[0]
        return (year, period) if year else None
    if found is None:
        return None
    if period in words()["whole_year"] or (period and sub_year(period) is None and found[1] != WHOLE_YEAR):
        return found[0], WHOLE_YEAR
    return found


def period_type(fact: Fact, report: Report) -> str:
    """Return the type of a figure's period, what may share an axis: 全年, 上半年 …, or the phrase as written
    (截至目前) when it is no part of a year; a figure without a period has its report's."""
    resolved = figure_year(fact, report)
    if resolved is not None:
        return resolved[1]
    period = report.simplified_of(fact.period) or ("" if fact.kind == "target" else report.meta.period_covered or "")
    if period in load("figures.yaml")["review_year"] or period in words()["whole_year"]:
        return WHOLE_YEAR
    return sub_year(period) or period


def year_phrase(year: int, period_type: str) -> str:
    """Return the Chinese phrase of a year and period type: 2021年上半年, 2020年."""
    return f"{year}年" if period_type == WHOLE_YEAR else f"{year}年{period_type}"


def year_text(year: int, period_type: str, lang: str) -> str:
    """Return a year and period type in a language: 2021年上半年 / First half of 2021."""
    return _in_lang(year_phrase(year, period_type), lang)


def _in_lang(phrase: str, lang: str) -> str:
    """Return a Chinese period phrase in a language (as written when the glossary has no English)."""
    return (period_en(phrase) or phrase) if lang == "en" else phrase


def _report_when(report: Report) -> Optional[str]:
    """Return the report's date, else its year, as text; None for a report that states neither."""
    return report.meta.date or (str(report.meta.year) if report.meta.year else None)


def period_shown(fact: Fact, report: Report, lang: str) -> str:
    """Return the period a page shows for a figure: its year when known, else its period as written (or the
    report's) with the report's date beside it, or "(year not stated)"; never empty."""
    resolved = figure_year(fact, report)
    if resolved is not None:
        text = _in_lang(year_phrase(*resolved), lang)
        return text if fact.period else ui("period_report", lang, period=text)
    written = (fact.period if lang == "zh" else report.simplified_of(fact.period)) or (
        report.meta.period_covered if fact.kind != "target" else None)  # English from the Simplified words
    when = _report_when(report)
    if written and _YEAR.search(written):
        return _in_lang(written, lang)
    if when is None and not written:
        return ui("period_unknown", lang)
    if when is None:
        return ui("period_no_year" if fact.period else "period_report_no_year", lang, period=_in_lang(written, lang))
    if written:
        return ui("period_of_report", lang, period=_in_lang(written, lang), when=when)
    return ui("period_unstated", lang, when=when)


def covered_text(meta: Meta, lang: str) -> Optional[str]:
    """Return the period a report says it covers, with "(year not stated)" when neither it nor the report names
    a year (过去一年（未注明年份）); None when it says none."""
    if not meta.period_covered:
        return None
    text = _in_lang(meta.period_covered, lang)
    if not meta.year and not _YEAR.search(meta.period_covered):
        return ui("period_no_year", lang, period=text)
    return text


def periods_label(shown: list[str], lang: str) -> str:
    """Return the distinct periods of a chart's figures, in first-seen order, joined for its subtitle (a year
    read from the report's period and the same year stated are one)."""
    marker = ui("period_report", lang, period="")
    distinct = list(dict.fromkeys(p.replace(marker, "") for p in shown if p))
    return ui("chart_periods", lang, periods=("、" if lang == "zh" else "; ").join(distinct))
