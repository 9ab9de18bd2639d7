"""The origin of each English indicator name is shown on the English fact sheet, with a legend."""
from __future__ import annotations

import dataclasses

import pytest

from generator.datafiles import load
from generator.pages.render import escape_md, render_fact_sheet
from generator.pages.views import fact_row, origin_key
from test_render import small_report


@pytest.mark.parametrize("origin, key", [
    ("memory", "human"), ("human", "human"), ("glossary", "glossary"), ("dictionary", "dictionary"),
    ("machine:libre", "machine"), (None, None), ("something else", None),
])
def test_origin_key(origin, key):
    assert origin_key(origin) == key


def _with_origins():
    """Return the small report with one fact per origin."""
    report = small_report()
    origins = ("glossary", "dictionary", "memory", "machine:libre")
    facts = tuple(dataclasses.replace(f, indicator_en=f.indicator_en or "Industrial input", indicator_origin=o)
                  for f, o in zip(report.facts, origins))
    return dataclasses.replace(report, facts=facts)


def test_english_sheet_marks_each_name_with_its_origin_and_explains_the_marks():
    page = render_fact_sheet(_with_origins(), "en")
    ui = load("ui.en.yaml")
    for key in ("glossary", "dictionary", "human", "machine"):
        assert f'<sup class="tf-origin" title="{ui["origin_" + key]}">{ui["origin_mark_" + key]}</sup>' in page
    legend = next(line for line in page.splitlines() if "tf-origin-legend" in line)
    for key in ("glossary", "dictionary", "human", "machine"):
        assert f'<sup>{ui["origin_mark_" + key]}</sup> {escape_md(ui["origin_" + key])}' in legend


def test_chinese_sheet_has_no_origin_marks():
    page = render_fact_sheet(_with_origins(), "zh")
    assert "tf-origin" not in page
    assert fact_row(_with_origins().facts[0], "zh").label.origin is None
