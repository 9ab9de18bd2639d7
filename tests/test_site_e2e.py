"""End to end: `mkdocs build --strict` on the real seeds, in a copy of the project, and what a reader gets."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_home_lists_both_towns_in_both_languages(built):
    zh, en = read(built, "index.html"), read(built, "en/index.html")
    for name in ("八里店镇", "织里镇"):
        assert name in zh
    for name in ("Balidian Town", "Zhili Town"):
        assert name in en


@pytest.mark.parametrize("slug", ["balidian/undated", "wuxing-zhili/2021"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_town_has_fact_sheet_and_full_text(built, slug, prefix):
    sheet = read(built, f"{prefix}towns/{slug}/index.html")
    text = read(built, f"{prefix}towns/{slug}/text/index.html")
    assert 'class="tf-chart"' in sheet and "tf-chart-spec" in sheet
    anchors = set(re.findall(r'href="[^"]*text/#(p-\d+)"', sheet))
    assert anchors, "fact sheet links no paragraph"
    for anchor in anchors:
        assert f'id="{anchor}"' in text


def test_english_fact_sheet_is_english(built):
    sheet = read(built, "en/towns/wuxing-zhili/2021/index.html")
    assert "Headline indicators" in sheet and "CNY 18.1 billion" in sheet and "Mayor" in sheet


def test_charts_use_the_sites_own_javascript(built):
    assert (built / "assets/vendor/vega-bundle.js").stat().st_size > 100_000
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loads = re.findall(r'<script[^>]+src="[^"]+"|<img[^>]+src="[^"]+"|<link[^>]+rel="(?:stylesheet|icon|preload|modulepreload|manifest)"[^>]*>', html)
        external = [tag for tag in loads if re.search(r'(?:src|href)="(?:https?:)?//', tag)]
        assert not external, (page, external[:3])


def search_docs(site: Path) -> list[dict]:
    return json.loads(read(site, "search/search_index.json"))["docs"]


def tokens(doc: dict) -> list[str]:
    """Return the words of an index entry as lunr sees them (jieba's U+200B and spaces split)."""
    return [t for t in re.split(r"[\s\u200b\u3000\-、。，．？！；：（）“”]+", doc["text"] + " " + doc["title"]) if t]


ZHILI = "wuxing-zhili/2021"


@pytest.mark.parametrize("term, slug", [("童装", ZHILI), ("规上工业增加值", "balidian/undated"), ("规上工业增加值", ZHILI),
                                        ("织里镇", ZHILI), ("项目", "balidian/undated")])
def test_chinese_search_finds_the_right_fact_sheet(built, term, slug):
    # Material searches each term as a token prefix; the user dictionary keeps 规上工业增加值 whole
    hits = {d["location"].split("#")[0] for d in search_docs(built) if any(t.startswith(term) for t in tokens(d))}
    assert f"towns/{slug}/" in hits


def test_domain_terms_are_whole_tokens(built):
    words = {t for d in search_docs(built) for t in tokens(d)}
    assert {"规上工业增加值", "织里镇", "八里店镇", "童装"} <= words


def test_each_language_has_its_own_search_index(built):
    zh = json.loads(read(built, "search/search_index.json"))
    en = json.loads(read(built, "en/search/search_index.json"))
    assert zh["config"]["lang"] == ["zh"] and en["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in zh["docs"])
    assert any("Zhili Town" in d["text"] + d["title"] for d in en["docs"])
    assert not any(re.search(r"[\u4e00-\u9fff]{4}", d["title"]) for d in en["docs"] if d["location"].startswith("towns/wuxing-zhili/2021/#"))
    base = re.search(r'"base": "([^"]*)"', read(built, "en/towns/wuxing-zhili/2021/index.html")).group(1)
    assert base.endswith("/en/")


def test_english_search_finds_indicator_and_town(built):
    en = json.loads(read(built, "en/search/search_index.json"))["docs"]
    assert any("Fixed-asset investment" in d["text"] and d["location"].startswith("towns/") for d in en)



@pytest.mark.parametrize("slug", ["balidian/undated", "wuxing-zhili/2021"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_fact_sheet_charts_have_static_svgs_with_text(built, slug, prefix):
    html = read(built, f"{prefix}towns/{slug}/index.html")
    svgs = re.findall(r'<img alt="[^"]+" class="tf-chart-static" src="([^"]+)"', html)
    assert len(svgs) >= 2
    page_dir = (built / prefix / "towns" / slug)
    for src in svgs:
        svg = (page_dir / src).resolve().read_text(encoding="utf-8")
        assert "<text" in svg and (re.search(r"[\u4e00-\u9fff]", svg) if not prefix else re.search(r">[A-Za-z][^<]*</text>", svg))


def test_compare_page_shows_both_towns(built):
    zh, en = read(built, "compare/index.html"), read(built, "en/compare/index.html")
    assert "八里店镇" in zh and "织里镇" in zh and "Balidian Town" in en and "Zhili Town" in en
    # the seeds share no figure of one kind and period type (a full year, a first half): no chart mixes them
    assert 'class="tf-chart"' not in en and "First half of 2021 · Actual" in en and "2021年上半年 · 实绩" in zh
