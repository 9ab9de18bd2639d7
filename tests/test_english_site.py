"""The English edition: no Chinese on English pages outside labelled original text (issue: English edition)."""
from __future__ import annotations

import re

import pytest


def read(site, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Elements where Chinese is allowed on English pages: labelled original text, the Chinese-name
# column/heading, the language switcher, and the inline chart specs (checked through their English labels).
ALLOWED = [
    re.compile(r'<blockquote class="tf-original".*?</blockquote>', re.S),
    re.compile(r'<span [^>]*class="tf-original"[^>]*>.*?</span>', re.S),
    re.compile(r'<p class="tf-other-name" lang="zh">.*?</p>', re.S),
    re.compile(r'<a href="[^"]*" hreflang="zh" class="md-select__link">.*?</a>', re.S),
    re.compile(r'<link rel="alternate" [^>]*>', re.S),
]


def visible_english(html: str) -> str:
    """Return the page's HTML without the places where Chinese is allowed."""
    for pattern in ALLOWED:
        html = pattern.sub("", html)
    return html


def assert_no_chinese_outside_labelled_originals(built, path: str) -> None:
    html = visible_english(read(built, path))
    found = [html[max(0, m.start() - 60): m.end() + 20] for m in HAN.finditer(html)]
    assert not found, found[:5]


@pytest.mark.parametrize("slug", ["balidian/undated", "wuxing-zhili/2021"])
@pytest.mark.parametrize("page", ["", "text/"])
def test_english_pages_have_no_chinese_outside_labelled_originals(built, slug, page):
    assert_no_chinese_outside_labelled_originals(built, f"en/towns/{slug}/{page}index.html")


@pytest.mark.parametrize("place", ["balidian", "wuxing-zhili"])
def test_english_place_pages_have_no_chinese_outside_labelled_originals(built, place):
    assert_no_chinese_outside_labelled_originals(built, f"en/towns/{place}/index.html")
