"""Chart builders (tested on their Vega-Lite dicts, not pixels) and which charts a fact sheet gets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.reports import read_report
from generator.pages.charts import Bar, growth_chart, headline_chart, json_for_script, static_spec
from generator.pages.figures import BUILDERS, report_charts, spec_of
from generator.pages.svg import render_svg

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def bars(values, series=""):
    return [Bar(f"指标{i}", v, f"{v}亿元", "", "全年", "原文</script>", f"f-{i}", series) for i, v in enumerate(values)]


def test_headline_chart_is_inline_bars_with_titles_in_the_page_language():
    zh = headline_chart(bars([181, 12.8]), "zh").to_dict()
    en = headline_chart(bars([181, 12.8]), "en").to_dict()
    assert zh["mark"]["type"] == "bar" and zh["data"]["values"][0]["value"] == 181
    assert "url" not in zh["data"]
    assert zh["title"] == "主要指标（亿元）" and en["title"] == "Headline indicators (CNY billion)"
    assert en["encoding"]["x"]["title"] == "CNY billion"
    assert {t["field"] for t in zh["encoding"]["tooltip"]} >= {"label", "shown", "quote", "period"}


def test_growth_chart_colours_declines_apart():
    spec = growth_chart(bars([5, -80]), "en").to_dict()
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["condition"]["test"] == "(datum.value < 0)"
    assert colour["condition"]["value"] != colour["value"]


def test_spec_json_cannot_close_its_script_element():
    text = json_for_script(headline_chart(bars([1, 2]), "zh").to_dict())
    assert "</script>" not in text and "<" not in text
    assert json.loads(text)["data"]["values"][0]["quote"] == "原文</script>"


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_seed_gets_at_least_two_different_charts(seed, lang):
    charts = report_charts(read_report(seed), lang)
    kinds = {c.id for c in charts}
    assert len(kinds) >= 2, kinds
    for chart in charts:
        values = chart.spec["data"]["values"] if "data" in chart.spec else chart.spec["layer"][0]["data"]["values"]
        assert len(values) >= 2, chart.id  # no empty or one-bar charts


def test_static_svg_has_chinese_text():
    svg = render_svg(static_spec(headline_chart(bars([181, 12.8]), "zh").to_dict()))
    assert svg.startswith("<svg") and "主要指标" in svg and "<text" in svg


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_every_chart_the_site_draws_is_a_valid_vega_lite_spec(seed):
    import altair as alt

    for lang in ("zh", "en"):
        for chart in report_charts(read_report(seed), lang):
            alt.Chart.from_dict(chart.spec) if "layer" not in chart.spec else alt.LayerChart.from_dict(chart.spec)


def test_vendored_vega_bundle_is_what_vl_convert_makes_for_our_vega_lite():
    from generator.site.vendor import VEGA_BUNDLE, vega_bundle_from_vl_convert

    # fails after an Altair / vl-convert upgrade until `python -m generator.site.vendor` is run
    assert VEGA_BUNDLE.read_text(encoding="utf-8") == vega_bundle_from_vl_convert()


text = st.text(max_size=12)
any_bar = st.builds(Bar, text, st.floats(allow_nan=False, allow_infinity=False), text, text, text, text, text, text)


@settings(max_examples=60, deadline=None)
@given(chart_of=st.sampled_from(BUILDERS), lang=st.sampled_from(["zh", "en"]), rows=st.lists(any_bar, max_size=6),
       notes=st.lists(text, min_size=1, max_size=3))
def test_site_specs_are_exactly_what_the_altair_builders_make(chart_of, lang, rows, notes):
    """The site reuses one spec per builder and swaps the rows and notes in: it must equal Altair's own output."""
    from generator.pages.charts import chart_spec

    assert spec_of(chart_of, rows, lang, notes) == chart_spec(chart_of(rows, lang, notes))
