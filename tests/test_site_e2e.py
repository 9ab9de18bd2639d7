"""End to end: `mkdocs build --strict` on the real seeds, in a copy of the project, and what a reader gets."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Return the project copy after `mkdocs build --strict` ran in it."""
    work = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copytree(ROOT / "docs", work / "docs",
                    ignore=shutil.ignore_patterns("index.md", "index.en.md", "towns", "vendor"))
    (work / "generator").symlink_to(ROOT / "generator")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work,
                          capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "WARNING" not in proc.stderr, proc.stderr[-4000:]
    return work / "site"


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_home_lists_both_towns_in_both_languages(built):
    zh, en = read(built, "index.html"), read(built, "en/index.html")
    for name in ("八里店镇", "织里镇"):
        assert name in zh
    for name in ("Balidian Town", "Zhili Town"):
        assert name in en


@pytest.mark.parametrize("slug", ["balidian", "zhili"])
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
    sheet = read(built, "en/towns/zhili/index.html")
    assert "Headline indicators" in sheet and "CNY 18.1 billion" in sheet and "Mayor" in sheet


def test_charts_use_the_sites_own_javascript(built):
    assert (built / "assets/vendor/vega-bundle.js").stat().st_size > 100_000
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//[^"]+"', html)
        assert not external, (page, external[:3])


def search_docs(site: Path) -> list[dict]:
    return json.loads(read(site, "search/search_index.json"))["docs"]


@pytest.mark.parametrize("term, slug", [("童装", "zhili"), ("规上工业增加值", "balidian")])
def test_chinese_search_finds_the_right_fact_sheet(built, term, slug):
    hits = {d["location"].split("#")[0] for d in search_docs(built)
            if term in re.split(r"[\s\u200b]+", d["text"] + " " + d["title"])}
    assert f"towns/{slug}/" in hits
