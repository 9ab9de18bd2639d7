"""Rendered Markdown: golden files for a small hand-made report, and escaping of report text.

Refresh the goldens after an intended change with:  pytest tests/test_render.py --update-goldens
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.model import Fact, Meta, Paragraph, Report, Section, Source
from generator.pages.render import escape_md, render_fact_sheet, render_full_text, render_home

GOLDEN = Path(__file__).parent / "golden"


def small_report(hostile: str = "") -> Report:
    """Return a two-section report with a result, a nested part, a target and a growth rate."""
    meta = Meta(place="织里镇", slug="zhili", source="seeds/zhili.txt", sha256="ab" * 32, place_en="Zhili Town",
                level="town", district="吴兴区", city="湖州市", district_en="Wuxing District", city_en="Huzhou",
                doc_type="政府工作报告", date="2021-08-06", year=2021, speaker="陈勇杰",
                speaker_title="织里镇人民政府镇长", speaker_en="Chen Yongjie", period_covered="2021年上半年")
    sections = (
        Section("s-1", "一、上半年工作回顾", 1, "p-1", 3, title_en="I. Review of the first half"),
        Section("s-2", "二、下半年工作计划", 1, "p-3", 9, is_plan=True, title_en="II. Work plan for the second half"),
    )
    gdp_quote = "上半年，全镇完成地区生产总值181亿元，同比增长17.5%" + hostile
    paragraphs = (
        Paragraph("p-1", "一、上半年工作回顾", 3, "s-1", is_heading=True),
        Paragraph("p-2", gdp_quote + "；社会固定资产投资完成35.6亿元，其中工业性投入完成16.1亿元。", 5, "s-1"),
        Paragraph("p-3", "二、下半年工作计划", 9, "s-2", is_heading=True),
        Paragraph("p-4", "全年计划引进亿元以上项目20个。", 11, "s-2"),
    )
    facts = (
        Fact("zhili-2021-0001", "地区生产总值" + hostile, 181, "亿元", "actual", Source(5, gdp_quote, "p-2"),
             base_value=181e8, base_unit="CNY", growth_pct=17.5, growth_basis="同比", period="上半年",
             section="s-1", indicator_en="Gross domestic product (GDP)"),
        Fact("zhili-2021-0002", "社会固定资产投资", 35.6, "亿元", "actual", Source(6, "社会固定资产投资完成35.6亿元", "p-2"),
             base_value=35.6e8, base_unit="CNY", period="上半年", section="s-1", indicator_en="Fixed-asset investment"),
        Fact("zhili-2021-0003", "工业性投入", 16.1, "亿元", "actual", Source(6, "其中工业性投入完成16.1亿元", "p-2"),
             base_value=16.1e8, base_unit="CNY", period="上半年", section="s-1", part_of="zhili-2021-0002"),
        Fact("zhili-2021-0004", "引进亿元以上项目", 20, "个", "target", Source(11, "全年计划引进亿元以上项目20个", "p-4"),
             period="全年", section="s-2", indicator_en="Projects of CNY 100 million or more attracted"),
    )
    return Report(meta, sections, paragraphs, facts)


PAGES = {
    "factsheet.zh.md": lambda r: render_fact_sheet(r, "zh"),
    "factsheet.en.md": lambda r: render_fact_sheet(r, "en"),
    "fulltext.zh.md": lambda r: render_full_text(r, "zh"),
    "fulltext.en.md": lambda r: render_full_text(r, "en"),
    "home.zh.md": lambda r: render_home([r], "zh"),
    "home.en.md": lambda r: render_home([r], "en"),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_rendered_page_matches_golden(name, update_goldens):
    text = PAGES[name](small_report())
    golden = GOLDEN / name
    if update_goldens or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{name} differs: rerun with --update-goldens if intended"


def test_fact_sheet_keeps_targets_apart_from_results():
    page = render_fact_sheet(small_report(), "en")
    results, targets = page.split("## Targets and plans")
    assert "CNY 18.1 billion" in results and "Projects of CNY 100 million" not in results
    assert "Projects of CNY 100 million or more attracted" in targets


def test_every_fact_links_to_its_paragraph():
    page = render_fact_sheet(small_report(), "zh")
    for fact in small_report().facts:
        assert f'<a class="tf-permalink" id="{fact.id}" href="#{fact.id}"' in page  # a visible permalink
        assert f"(text.md#{fact.source.paragraph})</details>" in page  # the quote opens on a tap, then its paragraph


def test_untranslated_indicator_is_marked_on_english_page():
    page = render_fact_sheet(small_report(), "en")
    assert '<span lang="zh" class="tf-untranslated"' in page and "工业性投入" in page


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "| a | b |",
    "# heading *bold* _em_ `code`",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    "</script><script>alert(2)</script>",
    "{: #evil .class }",
]


SPEC = re.compile(r'(<script type="application/json" class="tf-chart-spec"[^>]*>)(.*?)(</script>)', re.S)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_report_text_is_escaped_on_every_page(hostile):
    report = small_report(hostile)
    for name, render in PAGES.items():
        page = render(report)
        specs = [m.group(2) for m in SPEC.finditer(page)]
        for spec in specs:  # chart data stays data: valid JSON, no markup that could close the script
            assert "<" not in spec and ">" not in spec
            json.loads(spec)
        markdown = SPEC.sub("", page)
        assert hostile not in markdown, name
        for raw in ("<script", "<img", "](javascript:", "{{", "{%", "{:", "| a |", "*bold*"):
            if raw in hostile:
                assert raw not in markdown, (name, raw)


def test_escape_md_keeps_chinese_and_digits_readable():
    assert escape_md("完成地区生产总值181亿元") == "完成地区生产总值181亿元"
    assert escape_md("a*b") == "a&#42;b"


def test_named_entities_are_listed_with_links_to_their_paragraphs():
    from dataclasses import replace

    from generator.model import Entity

    entities = (Entity("village", "义皋村", "p-2", "省委书记在义皋村考察。", 5),
                Entity("project", "织里实验小学东扩项目", "p-2", "织里实验小学东扩项目竣工。", 5))
    report = replace(small_report(), entities=entities)
    zh, en = render_fact_sheet(report, "zh"), render_fact_sheet(report, "en")
    assert "| 义皋村 | 村 | [第5行](text.md#p-2) |" in zh
    assert "| Yigao Village | Village |" in en
    assert "| Zhili experimental primary school eastward expansion project | Project |" in en  # composed


def test_home_groups_places_under_their_province_and_city():
    from generator.model import Meta, Report
    from generator.pages.render import render_home

    def placed(slug, place, province, city):
        return Report(Meta(place=place, slug=slug, source=f"seeds/{slug}.txt", sha256="0" * 64, province=province,
                           city=city, province_en=None, city_en=None))
    page = render_home([placed("a", "织里镇", "浙江省", "湖州市"), placed("b", "清苑区", "河北省", "保定市"),
                        placed("c", "某镇", None, None)], "zh")
    heads = [line for line in page.splitlines() if line.startswith("## ")]
    assert heads == ["## 河北省 保定市", "## 浙江省 湖州市", "## 其他地区"]
    assert page.index("清苑区") < page.index("## 浙江省 湖州市") < page.index("织里镇")
