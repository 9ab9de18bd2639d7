"""Page weight: the chart library (the ~900 KB Vega bundle) is loaded only by pages with a chart, once, deferred."""
from __future__ import annotations

import re

import pytest
import yaml

from projectcopy import ROOT

CHARTS_JS = re.compile(r'<script src="[^"]*assets/javascripts/charts\.js"([^>]*)>')


def test_no_page_lists_the_chart_library():
    from mkdocs.utils.yaml import get_yaml_loader

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    scripts = [s if isinstance(s, dict) else {"path": s} for s in config.get("extra_javascript", [])]
    assert not any("vega" in s["path"] for s in scripts)
    assert all(s.get("defer") or s.get("async") for s in scripts), scripts


def test_charts_script_loads_the_library_only_for_a_chart():
    js = (ROOT / "docs/assets/javascripts/charts.js").read_text(encoding="utf-8")
    draw = js[js.index("function draw(root)"):]
    assert draw.index("if (!specs.length) return;") < draw.index("library()")
    assert js.count("vega-bundle.js\", here)") == 1 and "if (!loading)" in js


@pytest.mark.slow
def test_built_pages_load_vega_only_through_charts_js(built):
    pages = list(built.rglob("*.html"))
    charted = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]+src="[^"]*vega', html), page
        has_chart = 'class="tf-chart-spec"' in html
        charted += has_chart
        if has_chart:
            found = CHARTS_JS.findall(html)
            assert len(found) == 1 and "defer" in found[0], (page, found)
    assert 0 < charted < len(pages)
