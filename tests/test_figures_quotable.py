"""Every figure a page shows carries its period and kind, and charts put only like with like on one axis
(issue 16: pages a journalist can quote)."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from generator.model import Fact, Meta, Report, Source
from generator.pages.figures import compare_blocks, growth_bars, headline_bars, report_charts, target_bars
from generator.pages.render import compare_table, render_compare, render_home, report_downloads
from generator.pages.views import fact_row
from generator.site.reports import read_report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {p.stem[:3]: p for p in sorted((ROOT / "seeds").glob("*.txt"))}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Report]:
    """The two seeds read: 000 八里店镇 (no year stated anywhere), 001 织里镇 (first half of 2021)."""
    return {key: read_report(path) for key, path in SEEDS.items()}


def money(i: int, name: str, yi: float, kind: str = "actual", period: str | None = "全年", **kw) -> Fact:
    """Return a CNY fact of ``yi`` 亿元 (or 万元 with unit=…)."""
    unit = kw.pop("unit", "亿元")
    scale = 1e8 if unit == "亿元" else 1e4
    return Fact(f"t-{i}", name, yi, unit, kind, Source(i, f"{name}{yi}{unit}", f"p-{i}"), base_value=yi * scale,
                base_unit="CNY", period=period, **kw)


def report(*facts: Fact, year: int | None = 2024, covered: str | None = "2023年", place="甲镇") -> Report:
    """Return a report of the facts, given in ``year`` and reviewing ``covered``."""
    meta = Meta(place=place, slug=f"{place}/{year}", source=f"seeds/{place}.txt", sha256="cd" * 32, doc_type="政府工作报告",
                year=year, date=f"{year}-02-01" if year else None, period_covered=covered)
    return Report(meta, facts=facts)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_figure_of_either_seed_has_a_blank_period(seeds, lang):
    for rep in seeds.values():
        assert all(fact_row(f, lang, rep).period for f in rep.facts)


def test_a_report_without_a_year_says_so_and_shows_what_its_text_says(seeds):
    balidian = seeds["000"]
    assert balidian.meta.year is None
    periods = {fact_row(f, "zh", balidian).period for f in balidian.facts}
    assert "过去一年（据报告期，未注明年份）" in periods and all("未注明年份" in p for p in periods)
    assert all("year not stated" in fact_row(f, "en", balidian).period for f in balidian.facts)


def test_home_card_headline_and_compare_carry_period_and_kind(seeds):
    reports = [seeds["000"], seeds["001"]]
    home = render_home(reports, "zh")
    assert '| 地区生产总值 | 181亿元<br><small class="tf-when">2021年上半年 · 实绩</small> | 同比增长17.5% |' in home
    assert '| CNY 18.1 billion<br><small class="tf-when">First half of 2021 · Actual</small> | &#43;17.5% year on year |' \
        in render_home(reports, "en")
    rows = {row.label: row.cells for row in compare_table(reports, "zh")}
    assert all(cell for cells in rows.values() for cell in cells)  # no blank cell where a town has the figure
    # 织里's 财政收入 is another figure than 财政总收入: its cell says which one it is
    assert rows["财政总收入"][1].startswith("财政收入：12.8亿元") and "2021年上半年 · 实绩" in rows["财政总收入"][1]


def test_downloads_carry_the_period_shown(seeds):
    files = report_downloads(seeds["001"])
    rows = list(csv.DictReader(io.StringIO(next(v for k, v in files.items() if k.endswith(".csv")))))
    assert all(r["period_shown"] and r["period_shown_en"] for r in rows)
    gdp = next(r for r in rows if r["indicator"] == "地区生产总值")
    assert (gdp["period_shown"], gdp["period_shown_en"], gdp["period_year"]) == ("2021年上半年", "First half of 2021", "2021")
    facts = json.loads(next(v for k, v in files.items() if k.endswith(".json")))["facts"]
    assert all(f["period_shown"]["zh"] and f["period_shown"]["en"] for f in facts)


def test_headline_chart_never_puts_per_capita_money_on_the_totals_axis():
    rep = report(money(1, "地区生产总值", 181), money(2, "固定资产投资", 80),
                 money(3, "农村居民人均可支配收入", 1.99, unit="万元"))
    assert [b.label for b in headline_bars(rep, "zh")] == ["地区生产总值", "固定资产投资"]


def test_headline_chart_keeps_one_kind_and_one_period_type():
    rep = report(money(1, "地区生产总值", 181), money(2, "财政总收入", 30), money(3, "固定资产投资", 35, period="上半年"),
                 money(4, "工业增加值", 20, kind="estimate"))
    bars = headline_bars(rep, "zh")
    assert [b.label for b in bars] == ["地区生产总值", "财政总收入"] and {b.period for b in bars} == {"2023年"}


def test_growth_chart_draws_growth_of_the_economy_only():
    """No −80 % time cut, no +200 % estimate, no 年均 rate beside year-on-year growth of 1.5–8 %."""
    cut = Fact("t-5", "问题处置时间", 80, "%", "actual", Source(5, "问题处置时间缩短80%", "p-5"), growth_pct=-80, period="全年")
    rep = report(money(1, "规上工业产值", 135, growth_pct=1.5), money(2, "固定资产投资", 80, growth_pct=2.8),
                 money(3, "营业收入", 169, growth_pct=8), cut,
                 Fact("t-6", "规下国家样本增幅", 200, "%", "estimate", Source(6, "预计增幅200%", "p-6"), growth_pct=200),
                 money(7, "地区生产总值", 50, growth_pct=9.5, growth_basis="年均"))
    assert [b.value for b in growth_bars(rep, "zh")] == [1.5, 2.8, 8]


def test_target_chart_pairs_money_of_one_footing_and_names_each_series_period():
    rep = report(money(1, "固定资产投资", 35.6, period="上半年"), money(2, "固定资产投资", 80, kind="target"),
                 money(3, "地区生产总值", 181, period="上半年"), money(4, "地区生产总值", 400, kind="target"),
                 Fact("t-5", "新增企业", 20, "家", "actual", Source(5, "新增企业20家", "p-5"), period="上半年"),
                 Fact("t-6", "新增企业", 50, "家", "target", Source(6, "新增企业50家", "p-6")))
    bars = target_bars(rep, "zh")
    assert [b.label for b in bars] == ["固定资产投资"] * 2 + ["地区生产总值"] * 2  # no 家 on the 亿元 axis
    assert {b.series for b in bars} == {"实绩 · 2023年上半年", "目标 · 2024年"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_seed_chart_names_its_periods_kind_and_source(seeds, lang):
    for rep in seeds.values():
        for chart in report_charts(rep, lang):
            title = chart.spec["title"]
            assert title["subtitle"] == list(chart.notes) and len(chart.notes) == 2, chart.id
            assert chart.notes[0].startswith("时期：" if lang == "zh" else "Period: ")
            when = rep.meta.date or ("未注明年份" if lang == "zh" else "year not stated")
            assert chart.notes[1].startswith("来源：" if lang == "zh" else "Source: ") and when in chart.notes[1]


def test_compare_never_draws_a_full_year_beside_a_first_half(seeds):
    """八里店's full-year 80亿元 investment and 织里's first-half 35.6亿元 share no chart (issue 16)."""
    reports = [seeds["000"], seeds["001"]]
    for chart in compare_blocks(reports, ["八里店镇", "织里镇"], "zh"):
        assert len({row[3].split("（")[0] for row in chart.rows}) == 1, chart.rows
    page = render_compare(reports, "zh")
    assert "chart-compare" not in page and "没有图表" in page  # and the page says why


def test_compare_draws_towns_of_one_footing_together_and_apart_from_others():
    a = report(money(1, "地区生产总值", 100), money(2, "固定资产投资", 30), place="甲镇")
    b = report(money(1, "地区生产总值", 80), money(2, "固定资产投资", 20, period="上半年"), place="乙镇")
    c = report(money(1, "全镇地区生产总值", 60), money(2, "固定资产投资", 12, period="上半年"), place="丙镇")
    blocks = compare_blocks([a, b, c], ["甲镇", "乙镇", "丙镇"], "zh")
    drawn = [sorted((row[0], row[3]) for row in blk.rows) for blk in blocks]
    assert drawn == [sorted([("甲镇 · 地区生产总值", "2023年"), ("乙镇 · 地区生产总值", "2023年"),
                             ("丙镇 · 地区生产总值", "2023年")]),
                     sorted([("乙镇 · 固定资产投资", "2023年上半年"), ("丙镇 · 固定资产投资", "2023年上半年")])]
    assert all(blk.notes[1] == "来源：各城镇报告（见上表）" for blk in blocks)


def test_charts_enable_export_and_never_the_online_editor():
    js = (ROOT / "docs/assets/javascripts/charts.js").read_text(encoding="utf-8")
    assert "actions: { export: true, source: true, compiled: false, editor: false }" in js
    assert "actions: false" not in js


def test_fact_rows_have_a_visible_permalink_and_the_quote_on_tap(seeds):
    from generator.pages.render import render_fact_sheet

    page = render_fact_sheet(seeds["001"], "zh")
    fact = seeds["001"].facts[0]
    assert f'<a class="tf-permalink" id="{fact.id}" href="#{fact.id}"' in page
    headline = page[page.index("## 主要指标"):page.index("## 图表")]
    assert page.count('<details class="tf-quote">') == len(seeds["001"].facts) + headline.count("<details")
    assert headline.count('<a class="tf-permalink" href="#') == headline.count("<details") > 0  # → the fact's row


@pytest.mark.parametrize("lang, words", [("zh", ("许可", "CC BY-SA")), ("en", ("Licence", "CC-CEDICT", "glossary"))])
def test_pages_state_licence_and_how_the_english_was_made(seeds, lang, words):
    from generator.pages.render import render_fact_sheet, render_full_text

    for page in (render_fact_sheet(seeds["001"], lang), render_full_text(seeds["001"], lang),
                 render_home(list(seeds.values()), lang)):
        about = page[page.index('<div class="tf-about-site"'):]
        assert all(w in about for w in words), about


def test_each_page_has_its_own_description(seeds):
    from generator.pages.render import render_fact_sheet, render_full_text

    pages = [render_fact_sheet(r, lang) for r in seeds.values() for lang in ("zh", "en")]
    pages += [render_full_text(r, lang) for r in seeds.values() for lang in ("zh", "en")]
    descriptions = [next(line for line in p.splitlines() if line.startswith("description: ")) for p in pages]
    assert len(set(descriptions)) == len(descriptions)


def test_target_chart_leaves_out_five_year_targets_and_ambiguous_pairs():
    """A 2016 target beside a 2011 result, or three targets of one name beside one result, is no pair."""
    rep = report(money(1, "工业总产值", 131.9), money(2, "工业总产值", 500, kind="target", period="2028年"),
                 money(3, "固定资产投资", 80), money(4, "固定资产投资", 90, kind="target"),
                 money(5, "固定资产投资", 95, kind="target"), money(6, "地区生产总值", 181),
                 money(7, "地区生产总值", 200, kind="target"))
    assert [b.label for b in target_bars(rep, "zh")] == ["地区生产总值", "地区生产总值"]


def test_only_headline_indicators_themselves_are_charted():
    """单位生产总值能耗 holds 生产总值 but is no GDP; money that is no headline indicator is not drawn."""
    rep = report(money(1, "地区生产总值", 181, growth_pct=7.0), money(2, "签约项目总投资", 168),
                 Fact("t-3", "单位生产总值综合能耗", 5.69, "%", "actual", Source(3, "下降5.69%", "p-3"), growth_pct=-5.69,
                      period="全年"),
                 money(4, "地区生产总值增速", 7.0, growth_pct=7.0, unit="亿元"))
    assert [b.label for b in growth_bars(rep, "zh")] == ["地区生产总值", "地区生产总值增速"]
    assert [b.label for b in headline_bars(rep, "zh")] == ["地区生产总值"]  # not 签约项目总投资
    assert "chart-headline" not in {c.id for c in report_charts(rep, "zh")}  # one bar: nothing to compare


@pytest.mark.parametrize("lang, note", [("zh", "过去一年（未注明年份）"), ("en", "Past year (year not stated)")])
def test_an_undated_report_says_so_where_it_gives_its_period_and_in_its_citation(seeds, lang, note):
    from generator.pages.render import cite_text, render_fact_sheet

    page = render_fact_sheet(seeds["000"], lang).replace("&#40;", "(").replace("&#41;", ")")
    assert note in page
    assert ("（未注明年份）" if lang == "zh" else "(year not stated)") in cite_text(seeds["000"], lang, "")
