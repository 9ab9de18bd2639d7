"""What a reader gets in a real Chromium, from the served public build AND the unzipped offline bundle.

Every test runs against both targets (`[served]`, `[offline]`) and ends with `tab.assert_clean()`:
no request left the machine, no console error other than the documented ones (conftest.py,
KNOWN_CONSOLE_ERRORS).
"""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest


pytestmark = [pytest.mark.browser, pytest.mark.slow]

HAN = re.compile(r"[\u4e00-\u9fff]")
RESULT_LINKS = "li.md-search-result__item > a.md-search-result__link"


WAITING = ("正在初始化搜索引擎", "键入以开始搜索", "Initializing search", "Type to start searching")  # Material's texts


def search(tab, query: str) -> list[dict]:
    """Type a query into Material's search box; return the results as {path, href, title}."""
    page = tab.page
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # CJK typed by fill() alone does not trigger Material's search
    # the index loads in a worker; once it has answered, the meta line counts results (or says none)
    page.wait_for_function("""([query, waiting]) => {
        const input = document.querySelector("input.md-search__input");
        const meta = document.querySelector(".md-search-result__meta");
        if (!meta || waiting.includes(meta.textContent.trim())) {
            if (input.value === query) input.dispatchEvent(new KeyboardEvent("keyup", {key: "End"}));
            return false;
        }
        return true;
    }""", arg=[query, list(WAITING)], polling=200)
    results = []
    for link in page.locator(RESULT_LINKS).all():
        href = link.evaluate("a => a.href")
        results.append({"path": tab.target.path_of(href), "href": href,
                        "title": link.locator("h1, h2").first.inner_text()})
    return results


def lang(tab) -> str:
    return tab.page.evaluate("document.documentElement.lang")


def test_home_lists_the_towns(tab):
    tab.goto("")
    assert lang(tab) == "zh"
    content = tab.page.locator("article.md-content__inner")
    for town, slug in (("八里店镇", "balidian/undated"), ("织里镇", "wuxing-zhili/2021")):
        link = content.locator(f"a:has-text('{town}')").first
        assert tab.target.path_of(link.evaluate("a => a.href")).startswith(f"towns/{slug}/")
    tab.goto("en/")
    assert lang(tab) == "en"
    content = tab.page.locator("article.md-content__inner")
    for town, slug in (("Balidian Town", "balidian/undated"), ("Zhili Town", "wuxing-zhili/2021")):
        link = content.locator(f"a:has-text('{town}')").first
        assert tab.target.path_of(link.evaluate("a => a.href")).startswith(f"en/towns/{slug}/")
    tab.assert_clean()


def test_chinese_search_on_a_chinese_page_returns_the_chinese_page(tab):
    tab.goto("towns/balidian/undated/")
    results = search(tab, "童装")
    assert results, "no result for 童装"
    paths = [r["path"] for r in results]
    assert "towns/wuxing-zhili/2021/" in paths, paths                      # the fact sheet of 织里镇 (children's wear)
    assert not any(p.startswith("en/") for p in paths), paths  # the Chinese index only
    assert all(HAN.search(r["title"]) for r in results), [r["title"] for r in results]
    tab.page.locator(RESULT_LINKS).nth(paths.index("towns/wuxing-zhili/2021/")).click()
    tab.page.wait_for_load_state("load")
    assert tab.target.path_of(tab.page.url) == "towns/wuxing-zhili/2021/" and lang(tab) == "zh"
    assert "织里镇" in tab.page.locator("h1").first.inner_text()
    assert "童装" in tab.page.locator("article").inner_text()
    tab.assert_clean()


def test_english_search_on_an_english_page_returns_the_english_page(tab):
    tab.goto("en/towns/wuxing-zhili/2021/")
    results = search(tab, "investment")
    paths = [r["path"] for r in results]
    assert "en/towns/balidian/undated/" in paths, paths
    assert all(p.startswith("en/") for p in paths), paths      # the English index only
    tab.page.locator(RESULT_LINKS).nth(paths.index("en/towns/balidian/undated/")).click()
    tab.page.wait_for_load_state("load")
    assert tab.target.path_of(tab.page.url) == "en/towns/balidian/undated/" and lang(tab) == "en"
    assert "Balidian" in tab.page.locator("h1").first.inner_text()
    assert "investment" in tab.page.locator("article").inner_text().lower()
    tab.assert_clean()


def test_each_language_searches_only_its_own_pages(tab):
    """The same word (the pinyin name, on pages of both languages) finds each page's own language only."""
    tab.goto("")
    chinese = search(tab, "Zhili")
    assert "towns/wuxing-zhili/2021/" in [r["path"] for r in chinese], chinese
    assert not any(r["path"].startswith("en/") for r in chinese), chinese
    tab.goto("en/")
    english = search(tab, "Zhili")
    assert "en/towns/wuxing-zhili/2021/" in [r["path"] for r in english], english
    assert all(r["path"].startswith("en/") for r in english), english
    tab.assert_clean()


@pytest.mark.parametrize("start, to, expected, title", [
    ("towns/wuxing-zhili/2021/", "en", "en/towns/wuxing-zhili/2021/", "Zhili"),
    ("en/towns/balidian/undated/", "zh", "towns/balidian/undated/", "八里店镇"),
    ("en/", "zh", "", "城镇"),
    ("", "en", "en/", "Town"),
])
def test_language_switch_goes_to_the_matching_page(tab, start, to, expected, title):
    tab.goto(start)
    tab.page.locator(".md-header .md-select").first.hover()
    tab.page.locator(f".md-header a.md-select__link[hreflang={to}]").first.click()
    tab.page.wait_for_load_state("load")
    assert tab.target.path_of(tab.page.url) == expected and lang(tab) == to
    assert title in tab.page.locator("h1").first.inner_text() + tab.page.title()
    tab.assert_clean()


@pytest.mark.parametrize("page", ["towns/wuxing-zhili/2021/", "en/towns/balidian/undated/"])
def test_interactive_chart_draws_an_svg(tab, page):
    tab.goto(page)
    figure = tab.page.locator("figure.tf-chart").first
    svg = figure.locator(".tf-chart-view svg").first
    svg.wait_for(state="visible")
    assert figure.get_attribute("data-error") is None
    marks = svg.locator("g.mark-rect path, g.mark-rect > g path, g.mark-bar path")
    assert marks.count() > 0, svg.inner_html()[:500]
    box = svg.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 50, box
    # interactive: hovering a bar shows vega-tooltip's box
    marks.first.hover()
    tab.page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
    assert tab.page.locator("#vg-tooltip-element").inner_text().strip()
    tab.assert_clean()


def test_no_request_leaves_the_machine(tab):
    """Walk every kind of page in both languages, search, and check the whole request log."""
    for page in ("", "towns/wuxing-zhili/2021/", "towns/wuxing-zhili/2021/text/", "en/", "en/towns/balidian/undated/", "en/about/"):
        tab.goto(page)
        tab.page.wait_for_timeout(300)  # let Material's scripts ask for what they ask for
    search(tab, "investment")
    assert len(tab.requests) > 20
    assert any("search_index" in u for u in tab.requests)
    tab.assert_clean()


@pytest.mark.parametrize("name, page", [("home-zh", ""), ("zhili-zh", "towns/wuxing-zhili/2021/"),
                                        ("home-en", "en/"), ("zhili-en", "en/towns/wuxing-zhili/2021/")])
def test_screenshots(tab, artifacts, name, page):
    """Save what a reader sees (test-artifacts/browser/*.png); Chinese must render with a CJK font."""
    fc_match = shutil.which("fc-match")
    if fc_match:
        family = subprocess.run([fc_match, "-f", "%{family}", "sans-serif:lang=zh-cn"], capture_output=True,
                                text=True).stdout
        assert "CJK" in family or "Hei" in family or "Song" in family, \
            f"no CJK font for Chinese ({family!r}): apt-get install fonts-noto-cjk"
    tab.goto(page)
    tab.page.screenshot(path=str(artifacts / f"{tab.target.name}-{name}.png"), full_page=False)
    if "zhili" in page:
        chart = tab.page.locator("figure.tf-chart").first
        chart.locator(".tf-chart-view svg").first.wait_for(state="visible")
        chart.screenshot(path=str(artifacts / f"{tab.target.name}-{name}-chart.png"))
    tab.assert_clean()


def test_bundle_is_one_small_zip(builds):
    assert builds.zip_path.name == "townfacts-offline-2023-11-14.zip"  # SOURCE_DATE_EPOCH
    assert builds.zip_path.stat().st_size < 5_000_000
    for rel in ("index.html", "en/index.html", "search/search_index.js", "en/search/search_index.js",
                "assets/vendor/iframe-worker-shim.js", "assets/vendor/vega-bundle.js", "towns/wuxing-zhili/2021/index.html"):
        assert (builds.offline_root / rel).is_file(), rel


def test_404_page_is_styled_and_links_home_from_any_depth(tab, builds):
    """A missing address deep in the site (served, as GitHub Pages answers it) or 404.html itself (file://)
    gets a styled page whose links work."""
    missing = "towns/nowhere/2099/text/" if tab.target.directory_urls else "404.html"
    if tab.target.directory_urls:
        body = (builds.public_site / "404.html").read_bytes()
        tab.page.route("**/towns/nowhere/**", lambda route: route.fulfill(status=404, body=body,
                                                                          content_type="text/html"))
    tab.page.goto(tab.target.base + missing, wait_until="load")
    text = tab.page.locator("article").inner_text()
    assert "页面不存在" in text and "Page not found" in text
    color = tab.page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert color not in ("", "rgba(0, 0, 0, 0)"), color  # Material's stylesheet was found
    tab.page.locator("article a[href='en/']").click()
    tab.page.wait_for_load_state("load")
    assert tab.target.path_of(tab.page.url) == "en/" and lang(tab) == "en"
    tab.console[:] = [line for line in tab.console if "/towns/nowhere/" not in line]  # the 404 status itself
    tab.assert_clean()


def test_only_chart_pages_load_the_chart_library_once(tab):
    for page in ("", "data/", "towns/wuxing-zhili/2021/text/", "en/about/"):
        tab.goto(page)
        tab.page.wait_for_timeout(300)
    assert not [u for u in tab.requests if "vega-bundle" in u]
    before = len(tab.requests)
    tab.goto("towns/wuxing-zhili/2021/")
    tab.page.locator("figure.tf-chart .tf-chart-view svg").first.wait_for(state="visible")
    assert len([u for u in tab.requests[before:] if "vega-bundle" in u]) == 1
    tab.assert_clean()


MOBILE_PAGES = ("", "compare/", "data/", "towns/wuxing-zhili/2021/", "towns/balidian/undated/",
                "towns/wuxing-zhili/2021/text/", "towns/wuxing-zhili/")


@pytest.mark.parametrize("width", [360, 390, 414])
def test_no_horizontal_page_overflow_on_phones(tab, width):
    """The page never scrolls sideways; a table wider than the column scrolls inside its own box."""
    tab.page.set_viewport_size({"width": width, "height": 800})
    for page in MOBILE_PAGES + tuple("en/" + p for p in MOBILE_PAGES):
        tab.goto(page)
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= width, (page, width)
    tab.goto("towns/wuxing-zhili/2021/")
    boxes = tab.page.evaluate("""() => [...document.querySelectorAll('article table')].map(t => {
        const box = t.closest('.md-typeset__scrollwrap');
        return box ? [box.scrollWidth > box.clientWidth, getComputedStyle(box).overflowX] : null; })""")
    assert boxes and all(b is not None for b in boxes), boxes  # every table sits in Material's scroll box
    assert any(wide and overflow == "auto" for wide, overflow in boxes), boxes  # the wide ones scroll there
    tab.assert_clean()
