"""A report written in Traditional characters is read in Simplified and shown in its own characters.

tests/fixtures/traditional/traditional.txt is simplified.txt (sentences written for this test) put through
OpenCC s2t: the two must give the same facts, the same English, and the Traditional one its own words.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.english.structure import translate_report
from generator.read.extract import extract_report
from generator.read.normalize import _written, clean_string, read_text, to_simplified

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "traditional"


@pytest.fixture(scope="module")
def pair():
    """Return (the Simplified report, the Traditional report), each read and given its English."""
    return tuple(translate_report(extract_report(read_text(FIXTURES / f"{name}.txt")))
                 for name in ("simplified", "traditional"))


def _squash(text: str) -> str:
    """Return ``text`` without whitespace."""
    return re.sub(r"\s+", "", text)


def test_the_fixture_is_its_simplified_text_in_traditional():
    simplified = (FIXTURES / "simplified.txt").read_text(encoding="utf-8")
    traditional = (FIXTURES / "traditional.txt").read_text(encoding="utf-8")
    assert traditional != simplified and to_simplified(traditional) == simplified


def test_every_quote_is_in_the_shown_paragraph_and_on_its_source_line(pair):
    report = pair[1]
    lines = (FIXTURES / "traditional.txt").read_text(encoding="utf-8").split("\n")
    paragraphs = {p.anchor: p.text for p in report.paragraphs}
    assert report.facts
    for fact in report.facts:
        assert fact.source.quote in paragraphs[fact.source.paragraph], fact
        assert _squash(fact.source.quote) in _squash(lines[fact.source.line - 1]), fact


def test_names_and_text_are_shown_as_written(pair):
    report = pair[1]
    source = _squash((FIXTURES / "traditional.txt").read_text(encoding="utf-8"))
    names = {f.indicator for f in report.facts}
    assert {"地區生產總值", "一般公共預算收入", "糧食播種面積", "固定資產投資", "農村居民人均可支配收入"} <= names
    assert "糧食總產量" in names  # a name put together from two places is written the report's way too
    assert all(_squash(p.text) in source for p in report.paragraphs)
    assert [s.title for s in report.sections] == ["一、2022年工作回顧", "（一）經濟發展穩中有進", "（二）民生福祉持續改善",
                                                   "二、2023年工作安排"]
    ids = {s.id for s in report.sections}
    assert all(f.section in ids for f in report.facts) and all(p.section in ids | {None} for p in report.paragraphs)
    assert report.meta.title == "青山鎮人民政府工作報告" and report.meta.meeting == "青山鎮第十屆人民代表大會第三次會議"
    assert report.meta.place == "青山镇"  # an official name stays as the divisions write it
    assert {e.name for e in report.entities} >= {"後塘村"}
    assert all(e.sentence in source for e in report.entities)


def test_facts_and_english_are_those_of_the_simplified_text(pair):
    simplified, traditional = pair

    def key(fact):
        return (fact.value, to_simplified(fact.unit or ""), fact.kind, fact.growth_pct, fact.growth_basis, fact.base_value, fact.base_unit,
                fact.source.line, fact.source.paragraph, fact.indicator_en, fact.indicator_origin)

    assert [key(f) for f in traditional.facts] == [key(f) for f in simplified.facts]
    assert "億元" in {f.unit for f in traditional.facts}  # a unit as written, as the quote writes it
    assert all(f.unit in f.source.quote for f in traditional.facts if f.unit and f.unit != "%")
    for s, t in zip(simplified.facts, traditional.facts):
        for name in ("indicator", "period", "qualifier", "section"):
            assert to_simplified(getattr(t, name) or "") == (getattr(s, name) or ""), (name, s, t)
        assert to_simplified(t.source.quote) == s.source.quote
    assert [s.title_en for s in traditional.sections] == [s.title_en for s in simplified.sections]
    assert traditional.meta.place_en == simplified.meta.place_en


def test_a_simplified_report_is_left_as_it_was(pair):
    simplified = pair[0]
    assert simplified.simplified == ()
    assert all(not line.written for line in read_text(FIXTURES / "simplified.txt").paragraphs)


def test_a_line_whose_conversion_moved_characters_stays_simplified():
    assert _written("全年實現１３５億元&nbsp;", "全年实现135亿元") == "全年實現135億元"  # folded like the line read
    assert _written("全年實現135億元", "全年实现135亿") == "全年实现135亿"  # a length changed: kept Simplified
    assert _written("全年實現135億元", "全年实现13亿元5") == "全年实现13亿元5"  # a character moved: kept Simplified
    clean = clean_string("全年實現地區生產總值135億元，增長1.5%。\n一般公共預算收入4.3億元。\n")
    assert all(len(line.written) in (0, len(line.text)) for line in clean.paragraphs)
    report = extract_report(clean)
    assert [f.indicator for f in report.facts] == ["地區生產總值", "一般公共預算收入"]


_HAN = st.sampled_from("全年實現地區生產總值億元增長預算收入糧食播種面積畝萬噸經濟發展")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.text(_HAN, min_size=2, max_size=12), st.integers(1, 9999),
                          st.sampled_from(["億元", "萬元", "畝", "噸", "個", "%"]), st.sampled_from(["，", "。", "\n", "；"])),
                min_size=1, max_size=8))
def test_quotes_of_any_traditional_text_are_substrings_of_their_shown_paragraph(parts):
    text = "".join(f"{words}{number}{unit}{end}" for words, number, unit, end in parts)
    clean = clean_string(text)
    report = extract_report(clean)
    shown = {p.anchor: p.text for p in report.paragraphs}
    for line, paragraph in zip(clean.paragraphs, report.paragraphs):
        assert len(paragraph.text) == len(line.text)  # position for position
    for fact in report.facts:
        assert fact.source.quote in shown[fact.source.paragraph]


def test_pages_pick_read_and_word_its_figures_as_for_the_simplified_text(pair):
    from generator.pages.fulltext import text_blocks
    from generator.pages.headline import headline_facts
    from generator.pages.views import fact_row
    from generator.site.search_entries import main_facts, tags

    simplified, traditional = pair
    assert [g.key for g, _ in headline_facts(traditional.facts)] == [g.key for g, _ in headline_facts(simplified.facts)]
    for lang in ("en", "zh"):
        rows = [(to_simplified(r.value), r.growth, r.period) for r in (fact_row(f, lang, traditional) for f in traditional.facts)]
        assert rows == [(r.value, r.growth, r.period) for r in (fact_row(f, lang, simplified) for f in simplified.facts)]
    assert [f.id.split("-", 1)[1] for f in main_facts(traditional)] == [f.id.split("-", 1)[1] for f in main_facts(simplified)]
    gdp = next(f for f in main_facts(traditional) if f.indicator == "地區生產總值")
    assert {"地區生產總值", "地区生产总值"} <= set(tags(gdp))  # a query in either script finds it
    hidden = [b.simplified for b in text_blocks(traditional, "zh") if b.simplified]
    assert "全年实现地区生产总值58.6亿元，同比增长6.2%；一般公共预算收入1.8亿元，增长4.5%。" in hidden
    assert not any(b.simplified for lang in ("zh", "en") for b in text_blocks(simplified, lang))
    assert not any(b.simplified for b in text_blocks(traditional, "en"))
