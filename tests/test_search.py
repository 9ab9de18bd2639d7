"""Search entries of a town's main facts, the per-language index they go into, and the worker's query cutting."""
from __future__ import annotations

import re
from pathlib import Path

from generator.mkdocs import compat
from generator.mkdocs.search_index import add_entries, language_config
from generator.model import Fact, Meta, Report, Source
from generator.site.search_entries import alias_group, fact_entries, main_facts, tags
from generator.site.search_terms import jieba_user_dict


def fact(id_: str, indicator: str, value: float, unit: str, kind: str = "actual", base_unit=None) -> Fact:
    """Return a fact as the reader would give it (only what search reads)."""
    return Fact(id_, indicator, value, unit, kind, Source(1, indicator, "p-1"), base_unit=base_unit)


TOWN = Report(Meta(place="甲镇", slug="jia/2023", source="a.txt", sha256="0", place_en="Jia Town"), facts=(
    fact("f1", "财政总收入", 32.2, "亿元", base_unit="CNY"),
    fact("f2", "实现生产总值", 181, "亿元", base_unit="CNY"),
    fact("f3", "全镇常住人口", 4.5, "万人", base_unit="people"),
    fact("f4", "贫困人口", 120, "人", base_unit="people"),
    fact("f5", "计划财政总收入", 40, "亿元", kind="target", base_unit="CNY"),
))


def test_a_fact_goes_to_the_group_of_its_indicator_and_unit():
    assert alias_group(TOWN.facts[0]).key == "fiscal_total"
    assert alias_group(TOWN.facts[1]).key == "gdp"
    assert alias_group(TOWN.facts[2]).key == "population"
    assert alias_group(TOWN.facts[3]) is None                      # 贫困人口 is not the population
    assert alias_group(fact("x", "税收超千万元企业", 12, "家")) is None  # money groups count money
    assert alias_group(fact("x", "常住人口城镇化率", 60, "%")) is None


def test_main_facts_are_headline_facts_then_one_achieved_fact_per_group():
    assert [f.id for f in main_facts(TOWN)] == ["f2", "f1", "f3"]  # headline order (GDP first), then population


def test_tags_hold_every_name_in_both_languages_and_the_value_as_written():
    gdp = tags(TOWN.facts[1])
    assert {"地区生产总值", "生产总值", "GDP", "gross domestic product", "181亿元"} <= set(gdp)
    assert {"人口", "population", "4.5万人"} <= set(tags(TOWN.facts[2]))


def test_entries_per_language_name_the_town_and_link_each_fact():
    zh, en = fact_entries([TOWN], "zh"), fact_entries([TOWN], "en")
    assert list(zh) == list(en) == ["towns/jia/2023/"]
    assert [e["anchor"] for e in zh["towns/jia/2023/"]] == ["f2", "f1", "f3"]
    assert zh["towns/jia/2023/"][0]["title"].endswith("甲镇") and en["towns/jia/2023/"][0]["title"].endswith("Jia Town")
    assert "181亿元" in en["towns/jia/2023/"][0]["tags"]


def test_entries_follow_their_page_so_material_groups_them_under_it():
    docs = [{"location": "towns/jia/2023/", "title": "甲镇", "text": ""},
            {"location": "towns/jia/2023/#x", "title": "x", "text": ""},
            {"location": "towns/yi/2023/index.html", "title": "乙镇", "text": ""}]
    extra = {"towns/jia/2023/": [{"anchor": "f1", "title": "t", "text": "", "tags": ["GDP"]}],
             "towns/yi/2023/": [{"anchor": "g1", "title": "u", "text": "", "tags": []}]}
    assert [d["location"] for d in add_entries(docs, extra)] == [
        "towns/jia/2023/", "towns/jia/2023/#f1", "towns/jia/2023/#x", "towns/yi/2023/index.html",
        "towns/yi/2023/index.html#g1"]


def test_english_words_are_split_at_punctuation_not_trimmed():
    config = {"separator": "[\\s\\-]+", "pipeline": ["trimmer", "stopWordFilter"]}
    en, zh = language_config(config, "en"), language_config(config, "zh")
    assert en["pipeline"] == ["stopWordFilter"] and "(" in en["separator"] and "." not in en["separator"]
    assert zh == {**config, "lang": ["zh"]}


def test_the_aliases_are_kept_whole_by_the_search_cutter():
    assert "生产总值 2000 n" in jieba_user_dict([]).splitlines()


def test_the_installed_material_worker_gets_its_query_cutter_fixed(tmp_path):
    """Fails after a Material upgrade that changes the worker: check the fix is still needed, then the pattern."""
    import material

    source = Path(material.__file__).parent / "templates" / compat.WORKERS
    workers = tmp_path / compat.WORKERS
    workers.mkdir(parents=True)
    for worker in source.glob("search.*.min.js"):
        (workers / worker.name).write_text(worker.read_text(encoding="utf-8"), encoding="utf-8")
    changed = compat.fix_query_segmenter(tmp_path)
    assert len(changed) == 1
    assert re.search(r"for\(let (\w+)=\w+\+1;\1<=\w+\.length;", Path(changed[0]).read_text(encoding="utf-8"))
    assert compat.fix_query_segmenter(tmp_path) == []  # once only


def test_pagefind_records_are_the_fact_entries_under_each_language_folder():
    from generator.mkdocs.pagefind import records

    out = list(records([TOWN], ["zh", "en"]))
    assert out[0]["url"] == "/towns/jia/2023/#f2" and out[0]["language"] == "zh"
    assert any(r["url"] == "/en/towns/jia/2023/#f2" and r["language"] == "en" for r in out)
    assert "生产总值" in out[0]["content"] and "181亿元" in out[0]["content"]


def test_pagefind_records_are_written_as_one_json_list_as_json_dump_writes_it():
    import io
    import json

    from generator.mkdocs.pagefind import records, write_json_list

    for items in ([], list(records([TOWN], ["zh", "en"]))):
        out = io.StringIO()
        write_json_list(out, iter(items))
        assert out.getvalue() == json.dumps(items, ensure_ascii=False)


def _town(slug: str, city: str) -> Report:
    return Report(Meta(place="乙镇", slug=slug, source=f"{slug}.txt", sha256="0", province="四川省", city=city), facts=())


def test_pagefind_parts_keep_a_language_and_a_place_together_in_region_order():
    from generator.mkdocs.pagefind import plan_parts

    reports = [_town("yi/2023", "甲市"), _town("bing/2022", "乙市"), _town("bing/2023", "乙市"), _town("ding/2023", "甲市")]
    pages = ["index.html", "regions/index.html", "en/index.html", "en/towns/yi/2023/index.html",
             *(f"towns/{r.meta.slug}/{page}" for r in reports for page in ("index.html", "text/index.html")),
             "towns/bing/index.html", "towns/gone/2020/index.html"]
    parts = plan_parts(pages, reports, ["zh", "en"], {"zh": 2, "*": 10})
    assert [p.name for p in parts] == ["zh-0", "zh-1", "en-0"]
    zh0, zh1, en0 = parts
    # city by city (乙 < 甲), a place's years together; the other pages (and a town page of no report) in the first
    assert [r.meta.slug for r in zh0.reports] == ["bing/2022", "bing/2023"]
    assert zh0.pages[:3] == ("index.html", "regions/index.html", "towns/gone/2020/index.html")
    assert "towns/bing/index.html" in zh0.pages and all(p.startswith("towns/bing/") for p in zh0.pages[3:])
    assert [r.meta.slug for r in zh1.reports] == ["ding/2023", "yi/2023"]
    assert en0.pages == ("en/index.html", "en/towns/yi/2023/index.html") and en0.prefix == "en/"
    assert len(en0.reports) == 4 and plan_parts(["index.html"], [], ["zh"])[0].pages == ("index.html",)


def test_pagefind_parts_are_small_until_a_language_has_its_most_parts_then_grow():
    from generator.mkdocs.pagefind import part_reports

    assert [part_reports("zh", n) for n in (2, 500, 800, 2000)] == [100, 100, 100, 250]
    assert [part_reports("en", n) for n in (500, 2000)] == [200, 400]


def test_pagefind_is_never_used_offline_nor_when_switched_off(monkeypatch):
    from generator.mkdocs import pagefind

    assert not pagefind.wanted("on", offline=True)
    assert not pagefind.wanted("off", offline=False)
    monkeypatch.setenv(pagefind.OFF, "0")
    assert not pagefind.wanted("auto", offline=False)


def test_pages_can_name_another_search_worker():
    html = ('<script id="__config" type="application/json">{"base": "../..", '
            '"search": "../../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    assert '"search": "../../assets/javascripts/pagefind-search.js"' in compat.point_search_worker(
        html, "assets/javascripts/pagefind-search.js")


def test_material_indexes_keep_only_their_settings_when_pagefind_answers(tmp_path):
    import json

    from generator.mkdocs.pagefind import empty_indexes

    for folder in ("", "en"):
        (tmp_path / folder / "search").mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "search" / "search_index.json").write_text(
            json.dumps({"config": {"lang": [folder or "zh"]}, "docs": [{"location": ""}]}))
    empty_indexes(tmp_path, ["", "en"])
    assert json.loads((tmp_path / "en/search/search_index.json").read_text()) == {"config": {"lang": ["en"]}, "docs": []}


def test_with_pagefind_material_search_indexes_no_page(monkeypatch):
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchIndex

    from generator.mkdocs.plugin import TownfactsPlugin

    index = SearchIndex(lang=["zh"], separator=r"[\s\-]+", pipeline=[], fields={})
    config = SimpleNamespace(plugins={compat.SEARCH: SimpleNamespace(search_index=index)})
    plugin = TownfactsPlugin()
    plugin.load_config({})
    plugin.pagefind = True
    plugin.on_pre_build(config=config)
    page = SimpleNamespace(content="<h1 id='a'>生产总值</h1>", toc=[], title="甲", url="towns/jia/2023/", meta={})
    index.add_entry_from_context(page)
    assert compat.search_entries(index) == []  # Pagefind indexes the pages; Material's entries would be emptied


def test_the_search_is_indexed_once_after_every_language_is_built(tmp_path):
    from types import SimpleNamespace

    from generator.mkdocs.plugin import TownfactsPlugin

    plugin = TownfactsPlugin()
    plugin.load_config({})
    plugin.lock = "held"
    inner = SimpleNamespace(plugins={compat.I18N: SimpleNamespace(building=True)}, site_dir=str(tmp_path))
    plugin.on_post_build(config=inner)  # i18n's build of English, inside the main build: nothing done yet
    assert plugin.lock == "held" and not (tmp_path / "search").exists()
