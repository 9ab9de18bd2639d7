"""Extraction: one fixture per parsing quirk (tests/fixtures/quirks), plus the seeds and meta."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.read.entities import extract_entities
from generator.read.extract import extract_report
from generator.read.numbers import parse_chinese_number
from generator.read.normalize import clean_string, read_text

ROOT = Path(__file__).resolve().parent.parent
QUIRKS = ROOT / "tests" / "fixtures" / "quirks"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))


def _report(name: str):
    return extract_report(read_text(QUIRKS / f"{name}.txt"))


def _find(facts, want):
    """Return the facts with the wanted value and unit (and indicator when the fixture names one)."""
    found = [f for f in facts if abs(f.value - want["value"]) < 1e-9 and f.unit == want.get("unit", f.unit)]
    if "indicator" in want:
        found = [f for f in found if f.indicator == want["indicator"]] or found
    return found


@pytest.mark.parametrize("name", sorted(p.stem for p in QUIRKS.glob("*.yaml")))
def test_quirk_fixture_gives_its_facts(name):
    spec = yaml.safe_load((QUIRKS / f"{name}.yaml").read_text(encoding="utf-8"))
    report = _report(name)
    by_id = {f.id: f for f in report.facts}
    for want in spec["facts"]:
        matches = _find(report.facts, want)
        assert matches, f"{name}: no fact {want} in {[(f.value, f.unit, f.indicator) for f in report.facts]}"
        fact = matches[0]
        if "indicator" in want:
            assert fact.indicator == want["indicator"]
        assert fact.kind == want["kind"], (want, fact)
        assert fact.growth_pct == want.get("growth_pct"), (want, fact)
        if "period" in want:
            assert fact.period == want["period"], (want, fact)
        if "growth_basis" in want:
            assert fact.growth_basis == want["growth_basis"], (want, fact)
        if "qualifier" in want:
            assert fact.qualifier == want["qualifier"], (want, fact)
        if "part_of" in want:
            assert fact.part_of and by_id[fact.part_of].value == want["part_of"]
        if "line" in want:
            assert fact.source.line == want["line"]
    for key, value in (spec.get("meta") or {}).items():
        assert getattr(report.meta, key) == value, (name, key, getattr(report.meta, key))
    if "entities" in spec:
        assert [(e.kind, e.name) for e in report.entities] == [(e["kind"], e["name"]) for e in spec["entities"]]
    values = {f.value for f in report.facts}
    for value in spec.get("not_values", []):
        assert value not in values, f"{name}: {value} is not a fact"


def test_every_fixture_fact_is_expected():
    """Precision on the fixtures: no fact beyond those listed."""
    for path in QUIRKS.glob("*.yaml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        report = _report(path.stem)
        assert len(report.facts) == len(spec["facts"]), (path.stem, [(f.value, f.unit, f.indicator) for f in report.facts])


@pytest.mark.parametrize("text,value", [("三", 3), ("十二", 12), ("两", 2), ("八百", 800), ("一百零五", 105),
                                        ("三千二百", 3200), ("三五", None), ("二〇三五", None)])
def test_chinese_numerals(text, value):
    assert parse_chinese_number(text) == value


def test_seed_000_meta_and_ids():
    report = extract_report(read_text(ROOT / "seeds" / "000_1ad54c40f023aa15.txt"))
    meta = report.meta
    assert (meta.place, meta.slug, meta.level, meta.district, meta.city) == ("八里店镇", "balidian", "town", "吴兴区", "湖州市")
    assert meta.year is None and meta.date is None
    assert report.facts[0].id == "balidian-0001"
    assert [f.id for f in report.facts] == [f"balidian-{i:04d}" for i in range(1, len(report.facts) + 1)]


def test_seed_001_meta_sections_and_plan():
    report = extract_report(read_text(ROOT / "seeds" / "001_56a725257718ee95.txt"))
    meta = report.meta
    assert (meta.place, meta.slug, meta.date, meta.year) == ("织里镇", "wuxing-zhili", "2021-08-06", 2021)
    assert (meta.speaker, meta.speaker_title) == ("陈勇杰", "织里镇人民政府镇长")
    assert meta.meeting == "织里镇第十八届人民代表大会第十次会议"
    assert meta.period_covered == "2021年上半年"
    assert (meta.district, meta.city, meta.province) == ("吴兴区", "湖州市", "浙江省")  # no 局和区 / 落实市 / 围绕省
    assert report.facts[0].id.startswith("wuxing-zhili-2021-")
    titles = {s.title: s for s in report.sections}
    assert not titles["一、上半年工作回顾"].is_plan
    assert titles["二、下半年工作计划"].is_plan
    assert titles["（一）经济发展稳中有进"].parent == titles["一、上半年工作回顾"].id
    assert titles["（四）全面提升政府效能"].is_plan  # inherits from its parent part
    gdp = next(f for f in report.facts if f.indicator == "地区生产总值")
    assert (gdp.value, gdp.unit, gdp.growth_pct, gdp.growth_basis, gdp.period, gdp.base_value, gdp.base_unit) == \
        (181, "亿元", 17.5, "同比", "上半年", 18100000000, "CNY")
    assert gdp.section == "一、上半年工作回顾"  # written before （一）
    anchors = [p.anchor for p in report.paragraphs]
    assert anchors == [f"p-{i}" for i in range(1, len(anchors) + 1)]
    assert gdp.source.paragraph in anchors


@pytest.mark.parametrize("name,place,parents,year", [
    ("04_fuping_2021.txt", ("阜平县", "130624", "county"), (None, "保定市", "河北省"), 2021),
    ("07_shunping_2024.txt", ("顺平县", "130636", "county"), (None, "保定市", "河北省"), 2024),
    ("10_anguo_2022.txt", ("安国市", "130683", "county-level city"), (None, "保定市", "河北省"), 2022),
    ("series/qingyuan_2003.txt", ("清苑区", "130608", "district"), (None, "保定市", "河北省"), 2003),
    ("series/qingyuan_2013.txt", ("清苑区", "130608", "district"), (None, "保定市", "河北省"), 2013),
    ("series/qingyuan_2020.txt", ("清苑区", "130608", "district"), (None, "保定市", "河北省"), 2020),
    ("series/xushui_2010.txt", ("徐水区", "130609", "district"), (None, "保定市", "河北省"), 2010),
    ("series/xushui_2024.txt", ("徐水区", "130609", "district"), (None, "保定市", "河北省"), 2024)])
def test_corpus_meta_place_parents_and_year(name, place, parents, year):
    """The official place and its parents from the divisions: 清苑县 (before 2015) and 清苑区 are one place,
    a county-level city is one, navigation words (大型超市, 荣获市) are no city."""
    path = ROOT.parent / "shared" / "corpus" / name
    if not path.exists():
        pytest.skip("corpus not present")
    meta = extract_report(read_text(path)).meta
    assert (meta.place, meta.place_code, meta.level) == place
    assert (meta.district, meta.city, meta.province) == parents
    assert meta.year == year


@pytest.mark.parametrize("title,place,code,parents", [
    ("2018年新巴尔虎左旗人民政府工作报告", "新巴尔虎左旗", "150726", ("呼伦贝尔市", "内蒙古自治区")),
    ("正蓝旗2019年政府工作报告", "正蓝旗", "152530", ("锡林郭勒盟", "内蒙古自治区")),
    ("2021年巴彦乌拉苏木政府工作报告", "巴彦乌拉苏木", None, (None, None))])
def test_a_banner_and_a_sumu_are_places_like_a_county_and_a_township(title, place, code, parents):
    """Inner Mongolia's banners (旗) and sumu (苏木) name the report's place like 县 and 乡, and 全旗 opens no name."""
    report = extract_report(clean_string(f"{title}\n各位代表：\n全旗地区生产总值完成50亿元，增长5%。\n"))
    meta = report.meta
    assert meta.place == place and meta.level == ("banner" if place.endswith("旗") else "township")
    assert code is None or (meta.place_code, meta.city, meta.province) == (code, *parents)
    assert report.facts[0].indicator == "地区生产总值"


def test_title_lines_are_sections_in_unnumbered_report():
    report = extract_report(read_text(ROOT / "seeds" / "000_1ad54c40f023aa15.txt"))
    titles = [s.title for s in report.sections]
    assert "加速迈向“湖州副中心·吴兴新中心”" in titles and "展望篇" in titles
    assert next(s for s in report.sections if s.title == "展望篇").is_plan


def test_unnumbered_part_headings_hold_the_numbered_ones():
    report = _report("plan_heading_chinese_year")
    tree = [(s.title, s.level, s.parent, s.is_plan) for s in report.sections]
    assert tree == [("二〇二四年工作回顾", 1, None, False), ("二○二五年工作打算", 1, None, True),
                    ("一、扩大有效投资", 2, "二○二五年工作打算", True), ("二、保障改善民生", 2, "二○二五年工作打算", True)]
    split = _report("plan_heading_split_lines")
    assert [s.title for s in split.sections if s.is_plan] == ["二、2024年工作安排", "（一）推进乡村振兴"]
    assert [p.text for p in split.paragraphs if p.is_heading][1:3] == ["二、2024年", "工作安排"]
    items = _report("numbered_item_paragraph")
    assert [s.title for s in items.sections] == ["一、2024年工作安排", "（一）办好民生实事", "3、加强计生服务体系建设",
                                                 "（二）改善办学条件", "（三）新增城镇就业1200人"]


@pytest.mark.parametrize("path", SEEDS + CORPUS, ids=lambda p: p.name)
def test_no_facts_from_furniture(path):
    report = extract_report(read_text(path))
    assert report.facts
    for fact in report.facts:
        assert fact.indicator, fact
        assert not (fact.unit == "年" and 1900 <= fact.value <= 2100), fact
        assert "〔" not in fact.indicator and "[" not in fact.indicator, fact
        assert fact.kind in ("actual", "target", "estimate", "share", "rank")
    nav = [f for f in report.facts if "政府工作报告" in f.source.quote]
    assert not nav, nav


FUPING = ROOT.parent / "shared" / "corpus" / "04_fuping_2021.txt"


@pytest.mark.skipif(not FUPING.is_file(), reason="needs ../shared/corpus beside the project (CI has it)")
def test_summary_repeat_is_not_read_twice():
    report = extract_report(read_text(FUPING))
    assert len([f for f in report.facts if f.value == 50.1]) == 1
    assert len([f for f in report.facts if f.value == 29.1]) == 1  # the starting level of 由29.1亿元增长到50.1亿元


def test_empty_string_is_an_error():
    from generator.errors import ReportError

    with pytest.raises(ReportError):
        clean_string("   \n")


def test_entities_carry_anchor_sentence_and_line():
    clean = read_text(QUIRKS / "named_entities.txt")
    report = extract_report(clean)
    assert extract_entities(clean) == extract_entities(report) == report.entities
    for entity in report.entities:
        assert entity.paragraph == "p-1" and entity.name in entity.sentence and entity.line == 1


@pytest.mark.parametrize("name,tidy", [("农村居民人均纯收入增长增长", "农村居民人均纯收入增长"),
                                       ("县属工业企业全部", "县属工业企业"), ("重点项目", "重点项目"),
                                       ("成功率", "成功率"), ("企业数字化转型有序推进", "企业数字化转型")])
def test_names_lose_repeats_and_words_of_manner_but_keep_words_that_open_nouns(name, tidy):
    from generator.read.indicators import tidy_name
    assert tidy_name(name) == tidy


@pytest.mark.parametrize("sentence", ["项目建成后惠及636户1463人。", "全村现有党员9人。", "全乡总共有5350户22549人。"])
def test_no_fact_is_named_by_one_character(tmp_path, sentence):
    """A verb that a trailing word would cut to one character (惠及 → 惠) keeps its name whole."""
    report = tmp_path / "one_character.txt"
    report.write_text(sentence, encoding="utf-8")
    facts = extract_report(read_text(report)).facts
    assert facts and all(len(f.indicator) > 1 for f in facts)
