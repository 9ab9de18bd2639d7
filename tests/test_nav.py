"""The site's navigation: the regions' index pages in the site's nav, never the towns; a town's pages
get a nav of their own with the regions above them and the towns beside them."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from generator.mkdocs.page_nav import compact_nav, page_nav, url_of
from generator.model import Meta, Report
from generator.site.nav import SIBLINGS_AROUND, site_nav, town_navs
from generator.site.regions import PAGE_SIZE, region_tree, render_region_pages


def town(i: int, district: str | None, place: str | None = None, city: str | None = "湖州市",
         province: str | None = "浙江省", year: int | None = None) -> Report:
    place = place or f"测试{i}镇"
    meta = Meta(place=place, slug=f"t{i}", source=f"seeds/{i}.txt", sha256="0" * 64, place_en=f"Ceshi{i} Town",
                district=district, district_en=None, city=city, province=province, year=year)
    return Report(meta)


def towns_section(nav: list) -> list:
    return next(entry for entry in nav if "城镇" in entry)["城镇"]


def test_site_nav_lists_regions_never_towns():
    reports = [town(i, "吴兴区" if i % 2 else "南浔区") for i in range(300)]
    reports.append(town(999, None, city=None, province=None))
    nav, translations = site_nav(reports)
    assert [list(e)[0] for e in nav] == ["城镇数据", "城镇", "对比", "数据", "关于"]
    towns = towns_section(nav)
    assert towns[0] == "regions/index.md"
    flat = str(towns)
    assert "towns/" not in flat and "测试" not in flat
    zhejiang = towns[1]["浙江省"]
    assert zhejiang[0] == "regions/zhejiang-province/index.md"
    assert [list(g)[0] for g in zhejiang[1]["湖州市"][1:]] == ["南浔区", "吴兴区"]
    assert list(towns[2]) == ["其他地区"]
    assert translations["吴兴区"] == "Wuxing District" and translations["其他地区"] == "Other places"


def test_same_named_counties_of_two_cities_get_their_own_folders():
    root = region_tree([town(1, "朝阳区", city="北京市", province="北京市"), town(2, "朝阳区", city="长春市",
                                                                             province="吉林省")])
    paths = sorted(r.path for p in root.children.values() for c in p.children.values() for r in c.children.values())
    assert len(set(paths)) == 2


def test_long_county_is_paginated_and_lists_every_town_once():
    reports = [town(i, "吴兴区") for i in range(PAGE_SIZE * 2 + 5)]
    pages = render_region_pages(reports).pages
    county = "regions/zhejiang-province/huzhou/wuxing-district"
    assert {f"{county}/index.md", f"{county}/page-2.md", f"{county}/page-3.md", f"{county}/page-3.en.md"} <= set(pages)
    listed = "".join(text for name, text in pages.items() if name.startswith(county) and ".en." not in name)
    assert all(listed.count(f"towns/t{i}/index.md)") == 1 for i in range(len(reports)))
    assert "[2](page-2.md)" in pages[f"{county}/index.md"]
    navs = town_navs(reports)
    assert navs["t0"].parents[-1][2] == f"{county}/index.md" and len(navs["t0"].siblings) == SIBLINGS_AROUND + 1
    assert [t.key for t in navs["t20"].siblings] == [f"t{i}" for i in range(20 - SIBLINGS_AROUND, 21 + SIBLINGS_AROUND)]
    assert navs[f"t{PAGE_SIZE * 2}"].parents[-1][2] == f"{county}/page-3.md"
    assert len(navs[f"t{PAGE_SIZE * 2}"].siblings) == 5


def test_same_town_in_two_years_is_one_entry_with_both_years():
    a = town(1, "吴兴区", "织里镇", year=2021)
    b = replace(a, meta=replace(a.meta, slug="zhili/2022", place_code="330502100", year=2022))
    a = replace(a, meta=replace(a.meta, slug="zhili/2021", place_code="330502100"))
    navs = town_navs([a, b])
    assert list(navs) == ["zhili"] and navs["zhili"].town.years == (("2022", "zhili/2022"), ("2021", "zhili/2021"))


class Item(SimpleNamespace):
    is_section = False


def test_a_town_page_nav_holds_its_parents_siblings_and_years_only():
    reports = [town(i, "吴兴区" if i < 3 else "南浔区") for i in range(40)]
    site = SimpleNamespace(items=[Item(title="首页"), Item(title="城镇", is_section=True), Item(title="对比")],
                           homepage=None, pages=[])
    page = SimpleNamespace(file=SimpleNamespace(src_uri="towns/t1/index.en.md"), title="Ceshi1 Town")
    nav = page_nav(site, page, town_navs(reports), "en", "zh", True)
    towns = nav.items[1]
    assert towns.title == "城镇" and towns.active and nav.items[2] is site.items[2]
    names, node = [], towns
    while node.children[-1:] and getattr(node.children[1] if len(node.children) > 1 else None, "is_section", False):
        names.append(node.children[0].url)
        node = node.children[1]
    assert names == ["en/regions/", "en/regions/zhejiang-province/", "en/regions/zhejiang-province/huzhou/"]
    county = node.children
    assert county[0].url == "en/regions/zhejiang-province/huzhou/wuxing-district/"
    assert [getattr(c, "url", None) for c in county[1:]] == ["en/towns/t0/", None, "en/towns/t2/"]
    assert county[2].children == [page]  # the town itself: its page, no other years
    other = SimpleNamespace(file=SimpleNamespace(src_uri="compare.md"))
    assert page_nav(site, other, town_navs(reports), "zh", "zh", True) is site


def test_compact_nav_cuts_blank_lines_in_the_nav_only():
    html = '<pre>\n\n  x\n</pre><nav class="md-nav md-nav--primary">\n\n   <nav class="md-nav">\n  <a>y</a>\n</nav>\n </nav>\n\n<p>'
    assert compact_nav(html) == '<pre>\n\n  x\n</pre><nav class="md-nav md-nav--primary">\n<nav class="md-nav">\n<a>y</a>\n</nav>\n</nav>\n\n<p>'


def test_urls_follow_mkdocs_settings():
    assert url_of("regions/a/index.md", "zh", "zh", True) == "regions/a/"
    assert url_of("regions/a/page-2.md", "en", "zh", True) == "en/regions/a/page-2/"
    assert url_of("regions/a/index.md", "zh", "zh", False) == "regions/a/index.html"


def test_a_released_page_keeps_its_title_for_the_next_pages_footer():
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from generator.mkdocs import compat

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": "docs"})
    page = Page(None, File("regions/index.md", "docs", "site", True), config)
    page.markdown, page.meta, page.content = "# 城镇\n", {"title": "城镇"}, "<h1>城镇</h1>"
    compat.release_rendered(page)
    assert page.content is None and page.title == "城镇"
