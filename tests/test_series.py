"""Figures across years on a place's page: which year a figure belongs to, what is joined, and each year's
targets against the next report's results."""
from __future__ import annotations

from generator.model import Fact, Meta, Report, Section, Source
from generator.pages.charts import Bar, series_chart
from generator.pages.linesvg import render_line_svg
from generator.pages.places import render_place_page, series_chart_block, series_views
from generator.pages.series import GROWTH, LEVEL, covered, place_series, point_year, target_checks

PLAN = Section("s2", "二、2021年工作安排", 1, "p-5", 5, is_plan=True)
REVIEW = Section("s1", "一、2020年工作回顾", 1, "p-1", 1)
SPAN = Section("s0", "一、过去五年工作回顾", 1, "p-1", 1)


def fact(n: int, indicator: str, value: float, unit: str, kind: str = "actual", **kw) -> Fact:
    """Return a fact with a quote that names it."""
    base = {"亿元": ("CNY", 1e8), "万元": ("CNY", 1e4), "%": ("%", 1)}.get(unit, (None, 1))
    kw.setdefault("section", "s2" if kind == "target" else "s1")
    return Fact(f"f{n}", indicator, value, unit, kind, Source(n, f"{indicator}{value}{unit}", f"p-{n}"),
                base_value=value * base[1] if base[0] else None, base_unit=base[0], **kw)


def report(year: int, *facts: Fact, period_covered=None, date=None, sections=(REVIEW, PLAN)) -> Report:
    """Return a report of one place given in ``year``."""
    meta = Meta("清苑区", f"qingyuan/{year}", f"qingyuan_{year}.txt", "x", place_code="130608", year=year,
                date=date or f"{year}-01-20", period_covered=period_covered)
    return Report(meta, sections=sections, facts=facts)


def test_series_chart_spec_is_valid_vega_lite():
    bars = [Bar("2020", 144.9, "144.9亿元", "+5%", "2020", "生产总值144.9亿元", "f1"),
            Bar("2021", 160.5, "160.5亿元", "", "2021", "生产总值160.5亿元", "f2")]
    spec = series_chart(bars, "zh", "地区生产总值", "亿元").to_dict()  # validates against the schema
    assert spec["mark"]["type"] == "line" and spec["encoding"]["x"]["type"] == "ordinal"
    assert [v["label"] for v in spec["data"]["values"]] == ["2020", "2021"]
    svg = render_line_svg(spec)
    assert svg.count("<circle") == 2 and "地区生产总值" in svg


def test_a_work_report_reviews_the_year_before_it_was_given():
    assert covered(report(2021).meta) == (2020, "全年")
    assert covered(report(2003, period_covered="2003年过去五年政府的简要").meta) == (2002, "全年")
    assert covered(report(2021, period_covered="2021年上半年", date="2021-08-06").meta) == (2021, "上半年")
    assert covered(Meta("x", "x", "x", "x")) is None


def test_a_figure_counts_only_for_its_reports_own_year():
    r = report(2021, fact(1, "生产总值", 144.9, "亿元", period="2020年"), fact(2, "生产总值", 80, "亿元", period="2015年"),
               fact(3, "生产总值", 8, "%", "target", growth_pct=8.0), fact(4, "生产总值", 9, "%", "target", section="s1"))
    assert [point_year(f, r) for f in r.facts] == [(2020, "全年"), None, (2021, "全年"), None]
    spans = report(2012, fact(5, "生产总值", 100, "亿元", section="s0"),
                   fact(6, "生产总值", 90, "亿元", period="2011年", section="s0"), sections=(SPAN,))
    assert [point_year(f, spans) for f in spans.facts] == [None, (2011, "全年")]


def test_series_never_join_different_units_kinds_or_period_types():
    reports = [report(2020, fact(1, "全区生产总值", 130, "亿元", growth_pct=6.0), fact(2, "城镇化率", 50, "%"),
                      fact(3, "生产总值", 60, "亿元", period="2019年上半年"), fact(4, "新增企业", 10, "家")),
               report(2021, fact(5, "地区生产总值", 1449000, "万元", growth_pct=4.0), fact(6, "城镇化率", 52, "个"),
                      fact(7, "生产总值", 65, "亿元", period="2020年上半年"), fact(8, "新增企业", 12, "家", "estimate"))]
    found = {(s.key.indicator, s.key.measure, s.key.unit, s.key.kind, s.key.period_type): [p.value for p in s.points]
             for s in place_series(reports)}
    assert found == {("地区生产总值", LEVEL, "CNY", "actual", "全年"): [130e8, 144.9e8],  # 亿元 and 万元 on one scale
                     ("地区生产总值", GROWTH, "%", "actual", "全年"): [6.0, 4.0],
                     ("地区生产总值", LEVEL, "CNY", "actual", "上半年"): [60e8, 65e8]}


def test_two_different_values_of_one_name_in_one_report_are_never_guessed_between():
    reports = [report(2020, fact(1, "人均可支配收入", 30000, "元"), fact(2, "人均可支配收入", 15000, "元")),
               report(2021, fact(3, "人均可支配收入", 32000, "元"))]
    assert place_series(reports) == []


def two_reports() -> list[Report]:
    """Return a place's reports of 2021 (targets for 2021) and 2022 (results for 2021)."""
    r2021 = report(2021, fact(1, "力争生产总值", 7, "%", "target", growth_pct=7.0, qualifier="左右"),
                   fact(2, "城镇调查失业率", 5.5, "%", "target", qualifier="以内"),
                   fact(3, "新增高新技术企业", 10, "家", "target", period="年内"),
                   fact(4, "固定资产投资", 8, "%", "target", growth_pct=8.0, period="2025年"),
                   fact(5, "打造数字化工厂", 1, "家", "target", qualifier="至2家"),
                   fact(12, "一般公共预算收入", 6, "%", "target", growth_pct=6.0))
    r2022 = report(2022, fact(6, "地区生产总值", 160.5, "亿元", growth_pct=6.5), fact(7, "城镇调查失业率", 5.2, "%"),
                   fact(8, "新增高新技术企业", 12, "家"), fact(9, "固定资产投资", 50, "亿元", growth_pct=9.0),
                   fact(10, "打造数字化工厂", 3, "家"), fact(13, "一般公共预算收入", 9.3, "亿元", "estimate", growth_pct=5.0))
    return [r2022, r2021]


def test_a_years_targets_are_set_beside_the_next_reports_results():
    checks = {(c.target.year, c.key.indicator): (c.target.fact.id, c.result.fact.id, c.verdict)
              for c in target_checks(two_reports())}
    assert checks == {(2021, "地区生产总值"): ("f1", "f6", "not met"),  # growth 6.5 against 7 左右
                      (2021, "城镇调查失业率"): ("f2", "f7", "met"),  # a ceiling (以内): at or below
                      (2021, "新增高新技术企业"): ("f3", "f8", "met"),
                      (2021, "打造数字化工厂"): ("f5", "f10", "cannot tell"),  # a range; f4 is a 2025 target
                      (2021, "一般公共预算收入"): ("f12", "f13", "not met")}  # an estimate when no figure is given


def test_the_place_page_shows_series_charts_and_target_checks_with_links_to_the_sources():
    reports = two_reports()
    page = render_place_page(reports, "zh")
    assert "## 历年目标与实绩" in page and "2022/text.md#p-6" in page and "2021/index.md#f1" in page
    reports += [report(2023, fact(11, "地区生产总值", 170, "亿元", growth_pct=5.0))]
    views = series_views(reports, "en")
    assert [len(v.rows) for v in views] == [2, 2] and all(v.chart for v in views)
    assert "(预计)" in page or "（预计）" in page or "(estimate)" in render_place_page(two_reports(), "en")
    block = series_chart_block(place_series(reports)[0], 0, "zh")
    assert [r[0] for r in block.rows] == ["2021", "2022"] and block.title.startswith("地区生产总值")
    assert block.notes[0].startswith("时期：2021年、2022年") and block.notes[1].startswith("来源：")


def test_the_line_drawer_refuses_a_chart_it_does_not_know():
    import pytest
    from generator.pages.charts import headline_chart
    from generator.pages.svg import UnsupportedSpec
    bars = [Bar("生产总值", 1.0, "1亿元", "", "", "", "f1")]
    with pytest.raises(UnsupportedSpec):
        render_line_svg(headline_chart(bars, "zh").to_dict())
