"""The site's navigation: towns listed flat for a small site, grouped by region for a big archive."""
from __future__ import annotations

from dataclasses import replace

from generator.site.nav import NAV_GROUP_MIN, site_nav
from generator.model import Meta, Report


def town(i: int, district: str | None, place: str | None = None) -> Report:
    place = place or f"测试{i}镇"
    meta = Meta(place=place, slug=f"t{i}", source=f"seeds/{i}.txt", sha256="0" * 64, place_en=f"Ceshi{i} Town",
                district=district, district_en=None)
    return Report(meta)


def towns_section(nav: list) -> list:
    return next(entry for entry in nav if "城镇" in entry)["城镇"]


def test_small_site_lists_towns_flat_one_link_each():
    nav, translations = site_nav([town(1, "吴兴区"), town(2, "吴兴区")])
    towns = towns_section(nav)
    assert [list(t) for t in towns] == [["测试1镇"], ["测试2镇"]]
    assert towns[0]["测试1镇"] == "towns/t1/index.md"
    assert translations["测试1镇"] == "Ceshi1 Town" and translations["概况"] == "Fact sheet"


def test_big_archive_groups_towns_by_district_with_english_names():
    reports = [town(i, "吴兴区" if i % 2 else "南浔区") for i in range(NAV_GROUP_MIN + 2)]
    reports.append(town(99, None))
    nav, translations = site_nav(reports)
    groups = towns_section(nav)
    assert [list(g)[0] for g in groups] == sorted(["吴兴区", "南浔区", "其他地区"])
    assert translations["吴兴区"] == "Wuxing District" and translations["其他地区"] == "Other places"
    assert sum(len(list(g.values())[0]) for g in groups) == len(reports)


def test_same_town_in_two_years_gets_the_year_in_its_title():
    a = town(1, "吴兴区", "织里镇")
    b = replace(town(2, "吴兴区", "织里镇"), meta=replace(town(2, "吴兴区", "织里镇").meta, year=2022))
    a = replace(a, meta=replace(a.meta, year=2021))
    nav, translations = site_nav([a, b])
    assert [list(t)[0] for t in towns_section(nav)] == ["织里镇 2021", "织里镇 2022"]
    assert translations["织里镇 2022"] == "Ceshi2 Town 2022"


def test_big_archive_nests_places_by_province_city_and_county():
    def placed(i, province, city, district):
        meta = replace(town(i, district).meta, province=province, city=city, province_en=None, city_en=None)
        return Report(meta)
    reports = [placed(i, "浙江省", "湖州市", "吴兴区" if i % 2 else "南浔区") for i in range(NAV_GROUP_MIN)]
    reports += [placed(100 + i, "河北省", "保定市", None) for i in range(3)]
    groups = towns_section(site_nav(reports)[0])
    assert [list(g)[0] for g in groups] == ["河北省", "浙江省"]
    zhejiang = groups[1]["浙江省"]
    assert list(zhejiang[0]) == ["湖州市"] and [list(g)[0] for g in zhejiang[0]["湖州市"]] == ["南浔区", "吴兴区"]
    assert [list(e)[0] for e in groups[0]["河北省"][0]["保定市"]] == ["测试100镇", "测试101镇", "测试102镇"]
