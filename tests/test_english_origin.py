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


def test_a_name_translated_online_is_marked_machine_with_its_provider(tmp_path):
    from generator.english.memory import Memory, apply_memory, load_memory, missing_segments, save_memory
    from generator.english.online import fill_memory
    from test_machine import TODAY, FakeLibre, english

    report = small_report()
    unknown = dataclasses.replace(report.facts[0], indicator="䶵䶴产值", indicator_en=None, indicator_origin=None)
    report = dataclasses.replace(report, facts=(unknown, *report.facts[1:]))
    assert "䶵䶴产值" in missing_segments(report, Memory())  # `townfacts translate` is asked for it
    path = tmp_path / "zh-en.yaml"
    save_memory(Memory(), path)
    with FakeLibre() as server:  # on 127.0.0.1, started by the test
        fill_memory(["䶵䶴产值"], path, provider="libre", base_url=server.url, max_retries=1, backoff=0.01,
                    timeout=2, progress=lambda done, total: None, today=TODAY)
    fact = apply_memory(report, load_memory(path)).facts[0]
    assert (fact.indicator_en, fact.indicator_origin) == (english("䶵䶴产值"), "machine:libre")
    row = fact_row(fact, "en")
    assert row.label.origin == "machine"


def test_a_person_checked_name_wins_and_a_machine_never_replaces_the_glossary():
    from generator.english.memory import Entry, Memory, apply_memory

    fact = dataclasses.replace(small_report().facts[0], indicator_en="From the glossary", indicator_origin="glossary")
    report = dataclasses.replace(small_report(), facts=(fact,))
    machine = Memory().with_entries([Entry(fact.indicator, "Machine", "machine:libre", TODAY_ISO)])
    assert apply_memory(report, machine).facts[0].indicator_origin == "glossary"
    human = Memory().with_entries([Entry(fact.indicator, "Checked", "human")])
    checked = apply_memory(report, human).facts[0]
    assert (checked.indicator_en, checked.indicator_origin) == ("Checked", "memory")


TODAY_ISO = "2024-05-01"
