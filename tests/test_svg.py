"""Static chart SVGs drawn in Python from the charts' Vega-Lite specs: what a reader without JavaScript sees."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

from generator.site.reports import read_report
from generator.pages.charts import (ACTUAL, NEGATIVE, POSITIVE, TARGET, Bar, chart_spec, compare_chart,
                              growth_chart, headline_chart, static_spec, target_chart)
from generator.pages.figures import report_charts
from generator.pages.svg import UnsupportedSpec, nice_ticks, render_svg, text_width, truncate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
NS = {"s": "http://www.w3.org/2000/svg"}


def bars(values, series=(), label="指标"):
    series = list(series) or [""] * len(values)
    return [Bar(f"{label}{i // (2 if series[0] else 1)}", v, f"{v}亿元", "", "全年", "原文", f"f-{i}", s)
            for i, (v, s) in enumerate(zip(values, series))]


def svg_of(chart) -> ET.Element:
    """Return the parsed static SVG of an Altair chart (parsing fails on malformed or unescaped text)."""
    return ET.fromstring(render_svg(static_spec(chart_spec(chart))))


def rects(svg: ET.Element) -> list[ET.Element]:
    """Return the bars: rects that carry a hover title."""
    return [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.find("s:title", NS) is not None]


def texts(svg: ET.Element) -> list[str]:
    return [t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text")]


def test_headline_chart_draws_one_bar_per_fact_longest_for_the_largest_value():
    svg = svg_of(headline_chart(bars([181, 12.8, 35.6]), "zh"))
    drawn = rects(svg)
    assert len(drawn) == 3 and all(r.get("fill") == ACTUAL for r in drawn)
    widths = [float(r.get("width")) for r in drawn]
    assert widths.index(max(widths)) == 0 and widths[1] < widths[2]
    assert "主要指标（亿元）" in texts(svg) and {"指标0", "指标1", "指标2"} <= set(texts(svg))


def test_bar_hover_text_carries_the_tooltip_fields():
    svg = svg_of(headline_chart(bars([181, 12.8]), "en"))
    hover = rects(svg)[0].find("s:title", NS).text
    assert "Value: 181亿元" in hover and "Source text: 原文" in hover and "Period: 全年" in hover


def test_growth_chart_draws_declines_left_of_the_zero_rule_in_their_own_colour():
    svg = svg_of(growth_chart(bars([5, -80]), "en"))
    up, down = rects(svg)
    assert up.get("fill") == POSITIVE and down.get("fill") == NEGATIVE
    zero = float(up.get("x"))
    assert float(down.get("x")) + float(down.get("width")) == pytest.approx(zero, abs=0.2)
    assert "-80" in " ".join(texts(svg)) or "-100" in " ".join(texts(svg))  # the axis reaches below zero


def test_target_chart_groups_result_and_target_with_a_legend():
    chart = target_chart(bars([15, 20], series=["Result", "Target"]), "en")
    svg = svg_of(chart)
    result, target = rects(svg)
    assert (result.get("fill"), target.get("fill")) == (ACTUAL, TARGET)
    assert float(target.get("y")) > float(result.get("y"))  # the pair shares one band, one under the other
    assert float(target.get("width")) > float(result.get("width"))
    assert {"Series", "Result", "Target"} <= set(texts(svg))


def test_compare_chart_gives_each_town_its_own_colour():
    svg = svg_of(compare_chart(bars([181, 50, 12, 9], series=["织里镇", "八里店镇"] * 2), "zh"))
    assert len({r.get("fill") for r in rects(svg)}) == 2 and "织里镇" in texts(svg)


def test_long_labels_are_cut_like_vega_label_limit():
    long = "Value added of industrial enterprises above designated size in the whole town and beyond"
    svg = svg_of(headline_chart(bars([3, 2, 1], label=long), "en"))
    labels = [t for t in texts(svg) if t.startswith("Value added")]
    assert labels and all(t.endswith("…") and text_width(t, 10) <= 280 for t in labels)


def test_markup_in_report_text_is_shown_as_text():
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)>&amp;'
    svg_text = render_svg(static_spec(chart_spec(headline_chart(bars([1, 2], label=evil), "zh"))))
    assert "<script" not in svg_text and "<img" not in svg_text
    assert any(evil in t for t in texts(ET.fromstring(svg_text)))


@pytest.mark.parametrize("spec", [
    {"mark": "line", "data": {"values": [{"a": 1, "b": "x"}]},
     "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "nominal"}}},
    {"mark": "bar", "data": {"url": "data.json"},
     "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "nominal", "sort": None}}},
    {"mark": "bar", "data": {"values": [{"a": 1, "b": "x"}]},
     "encoding": {"y": {"field": "a", "type": "quantitative"}, "x": {"field": "b", "type": "nominal", "sort": None}}},
], ids=["line", "url-data", "vertical"])
def test_a_chart_it_cannot_draw_is_refused_not_drawn_wrong(spec):
    with pytest.raises(UnsupportedSpec):
        render_svg(spec)


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_seed_chart_draws_every_bar_and_label(seed, lang):
    for chart in report_charts(read_report(seed), lang):
        svg = ET.fromstring(render_svg(chart.static))
        assert len(rects(svg)) == len(chart.rows), chart.id
        assert chart.title in texts(svg)
        if lang == "en":
            assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in texts(svg)), chart.id


@given(st.lists(st.floats(-1e12, 1e12, allow_nan=False), min_size=1, max_size=5))
@example([5e-324])  # a span too small for log10 once divided by the tick count
def test_ticks_are_round_and_cover_every_value(values):
    low, high = min(values + [0.0]), max(values + [0.0])
    ticks = nice_ticks(low, high)
    assert ticks[0] <= low + 1e-6 * max(1, abs(low)) and ticks[-1] >= high - 1e-6 * max(1, abs(high))
    assert 2 <= len(ticks) <= 12


@given(st.text(max_size=60))
def test_truncated_labels_fit_their_limit(text):
    cut = truncate(text, 10, 120)
    assert cut == text or (cut.endswith("…") and text_width(cut, 10) <= 120)
