"""MkDocs-side caches: a cached build is the uncached build, and no change ever meets a stale entry.

Builds run `mkdocs build` in a subprocess (a small bilingual project with our plugin), so every warm build
reads the caches from disk like a new `townfacts build` does, and jieba's global state stays out of this
process. A miss always writes its entry, so a build that wrote nothing into a cache hit it every time.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import jieba
import jinja2
import pytest
from material.plugins.search import plugin as material_search

from generator.mkdocs import search_cache
from generator.mkdocs.cache import template_cache
from projectcopy import ROOT, copy_project, townfacts

CONFIG = """\
site_name: t
site_url: https://example.org/
theme:
  name: material
  language: zh
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: {permalink}
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
plugins:
  - search:
      jieba_dict_user: {user_dict}
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
        - {{locale: zh, name: 中文, default: true, build: true}}
        - {{locale: en, name: English, build: true}}
  - townfacts:
      generate: false     # no reports: the pages below are the site
      cache: {cache}
"""

TOWN = """\
---
title: 安泉镇
---

# 安泉镇

全年完成地区生产总值110.8亿元，同比增长9.2%，规上工业增加值58.1亿元。

## 主要指标 {{ #headline }}

| 指标 | 数值 | 出处 |
|---|---:|---|
| 地区生产总值 | 110.8亿元 | [全文](text.md#p-1) |
| 财政总收入 | 29.1亿元 | [{link}]({target}) |

<details class="tf-chart-table" markdown data-search-exclude>
<summary>以表格查看图表数据</summary>

| 指标 | 数值 |
|---|---:|
| 隐藏的指标 | 1亿元 |

</details>
"""

PAGES = {
    "index.md": "# 城镇数据\n\n[安泉镇](towns/anquan.md)\n",
    "index.en.md": "# Townfacts\n\n[Anquan Town](towns/anquan.md)\n",
    "towns/text.md": '# 全文\n\n<p id="p-1">安泉镇人民政府镇长报告工作。</p>\n',
    "towns/text.en.md": '# Full text\n\n<p id="p-1">The mayor of Anquan Town reports.</p>\n',
    "towns/anquan.en.md": "# Anquan Town\n\nGDP CNY 11.08 billion, up 9.2%.\n",
}


def write_config(work: Path, cache: bool = True, permalink: bool = True) -> None:
    """Write the small project's mkdocs.yml."""
    text = CONFIG.format(cache=str(cache).lower(), permalink=str(permalink).lower(), user_dict=work / "userdict.txt")
    (work / "mkdocs.yml").write_text(text, encoding="utf-8")


def write_town(work: Path, link: str = "数据", target: str = "../index.md", body: str = "") -> None:
    """Write the Chinese town page (with an optional extra paragraph and its second link)."""
    (work / "docs/towns/anquan.md").write_text(TOWN.format(link=link, target=target) + body, encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    """Return a small bilingual MkDocs project using the townfacts plugin."""
    work = tmp_path / "project"
    for rel, text in PAGES.items():
        (work / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (work / "docs" / rel).write_text(text, encoding="utf-8")
    # 1.5 million in all: loaded twice, jieba's total grows enough to cut 万元以上 whole (see the test below)
    (work / "userdict.txt").write_text("地区生产总值 500000 n\n安泉镇 500000 n\n规上工业增加值 500000 n\n",
                                       encoding="utf-8")
    (work / "generator").symlink_to(ROOT / "generator")
    write_config(work)
    write_town(work)
    return work


def mkdocs(work: Path, *args: str) -> subprocess.CompletedProcess:
    """Return the finished `mkdocs build ARGS` in the project."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "TOWNFACTS_PAGEFIND": "0"}  # Material's index is read
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=work, capture_output=True,
                          text=True, timeout=300, env=env)


def built(work: Path, *args: str) -> Path:
    """Return the site after a build that must succeed."""
    proc = mkdocs(work, *args)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return work / "site"


def tree(site: Path) -> dict[str, bytes]:
    """Return every file of a site by its path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def cache_files(work: Path) -> dict[str, int]:
    """Return the page and search cache entries with their modification times."""
    root = work / ".cache/townfacts/mkdocs"
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for part in ("pages", "search")
            for p in (root / part).glob("*")}


def search_text(site: Path, folder: str = "") -> str:
    """Return all titles and texts of a language's search index."""
    docs = json.loads((site / folder / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    return " ".join(d["title"] + " " + d["text"] for d in docs)


def test_a_cached_build_is_the_uncached_build_and_a_warm_one_converts_nothing(project):
    write_config(project, cache=False)
    uncached = tree(built(project))
    assert not (project / ".cache/townfacts/mkdocs").exists()
    write_config(project, cache=True)
    assert tree(built(project)) == uncached
    entries = cache_files(project)
    assert sum(name.startswith("pages/") for name in entries) == 6  # 3 pages × 2 languages
    assert sum(name.startswith("search/") for name in entries) == 6
    assert any((project / ".cache/townfacts/mkdocs").glob("jinja-*/*.cache"))  # compiled theme templates
    assert tree(built(project)) == uncached
    assert cache_files(project) == entries  # nothing missed: every page and search entry came from the cache


def test_changed_page_text_shows_up_in_the_page_and_in_search(project):
    built(project)
    write_town(project, body="\n新建高端装备产业园三个。\n")
    site = built(project)
    html = (site / "towns/anquan/index.html").read_text(encoding="utf-8")
    assert "新建高端装备产业园三个" in html
    assert "产业园" in search_text(site).split("\u200b")
    write_town(project)
    site = built(project)
    assert "产业园" not in (site / "towns/anquan/index.html").read_text(encoding="utf-8")
    assert "产业园" not in search_text(site)


def test_a_link_is_rewritten_once_its_target_exists(project):
    write_town(project, link="新页", target="../new.md")
    assert '<a href="../new.md">新页</a>' in (built(project) / "towns/anquan/index.html").read_text(encoding="utf-8")
    (project / "docs/new.md").write_text("# 新页\n", encoding="utf-8")
    html = (built(project) / "towns/anquan/index.html").read_text(encoding="utf-8")
    assert '<a href="../../new/">新页</a>' in html and "new.md" not in html


def test_a_new_file_elsewhere_keeps_the_other_pages_cached(project):
    built(project)
    entries = cache_files(project)
    (project / "docs/unrelated.md").write_text("# 无关\n", encoding="utf-8")
    (project / "docs/data.csv").write_text("a,b\n", encoding="utf-8")
    built(project)
    new = {k: v for k, v in cache_files(project).items() if entries.get(k) != v}
    assert sum(k.startswith("pages/") for k in new) == 2  # unrelated.md, built for each language


def test_a_strict_build_fails_on_a_cached_page_as_on_a_converted_one(project):
    write_town(project, link="坏链接", target="../missing.md")
    first = mkdocs(project, "--strict")
    assert first.returncode != 0 and "missing.md" in first.stderr
    entries = cache_files(project)
    second = mkdocs(project, "--strict")
    assert second.returncode != 0
    assert [line for line in second.stderr.splitlines() if "missing.md" in line] == \
           [line for line in first.stderr.splitlines() if "missing.md" in line]
    assert {k for k in cache_files(project) if k.startswith("pages/")} == {k for k in entries if k.startswith("pages/")}


def test_markdown_settings_are_part_of_the_key(project):
    assert 'class="headerlink"' in (built(project) / "towns/anquan/index.html").read_text(encoding="utf-8")
    write_config(project, permalink=False)
    assert 'class="headerlink"' not in (built(project) / "towns/anquan/index.html").read_text(encoding="utf-8")


def test_the_english_pages_are_cut_with_the_same_dictionary_as_the_chinese_ones(project):
    # Material loaded the user dictionary again for the English build, counting its words twice
    (project / "docs/towns/anquan.en.md").write_text("# Anquan Town\n\n万元以上企业。\n", encoding="utf-8")
    (project / "docs/index.md").write_text("# 城镇数据\n\n万元以上企业。\n", encoding="utf-8")
    site = built(project)
    assert "万元\u200b以上" in search_text(site) and "万元\u200b以上" in search_text(site, "en")


@pytest.fixture
def own_jieba(monkeypatch):
    """Give Material a fresh global jieba and search_cache fresh tokenizers; return the global one."""
    tokenizer = jieba.Tokenizer()
    fresh = type("Jieba", (), {"dt": tokenizer, "cut": tokenizer.cut, "Tokenizer": jieba.Tokenizer})
    monkeypatch.setattr(material_search, "jieba", fresh)
    monkeypatch.setattr(search_cache, "_TOKENIZERS", {})
    monkeypatch.setattr(search_cache, "_LOADED", {})
    return tokenizer


@pytest.mark.parametrize("text", ["全年完成地区生产总值110.8亿元，同比增长9.2%", "GDP 增长 growth 增长", "",
                                  "no Chinese at all", "\u200b增长\u200b", "规上工业增加值 规上工业增加值"])
def test_the_segmenter_cuts_as_material_does(own_jieba, text):
    memo = {}
    ours = search_cache.segmenter(memo, None)
    assert ours(text) == material_search.SearchIndex()._segment_chinese(text)
    assert ours(text) == material_search.SearchIndex()._segment_chinese(text)  # from the memo this time


def test_a_user_dictionary_is_loaded_once_per_content(own_jieba, tmp_path):
    path = tmp_path / "userdict.txt"
    path.write_text("安泉镇 2000 n\n", encoding="utf-8")
    before = search_cache.jieba_state(str(path))
    search_cache.load_user_dict(str(path))
    total = search_cache.tokenizer().total
    assert search_cache.jieba_state(str(path)) == before  # the state a build keys on is the state it gets
    search_cache.load_user_dict(str(path))
    assert search_cache.tokenizer().total == total
    path.write_text("安泉镇 2000 n\n织里镇 2000 n\n", encoding="utf-8")
    assert search_cache.jieba_state(str(path)) != before
    search_cache.load_user_dict(str(path))
    assert search_cache.tokenizer().total == total + 4000


def test_the_user_dictionary_stays_out_of_jiebas_global_tokenizer(own_jieba, tmp_path):
    # extraction cuts with the global one; `mkdocs serve` re-reads reports after search has cut pages
    path = tmp_path / "userdict.txt"
    path.write_text("安泉镇测试词 2000 n\n", encoding="utf-8")
    search_cache.segmenter({}, str(path))("安泉镇测试词")
    assert "安泉镇测试词" in search_cache.tokenizer().FREQ
    own_jieba.check_initialized()
    assert "安泉镇测试词" not in own_jieba.FREQ


def test_compiled_templates_are_cached_per_compile_settings(tmp_path):
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    plain = template_cache(config, jinja2.Environment())
    assert template_cache(config, jinja2.Environment()).directory == plain.directory
    assert template_cache(config, jinja2.Environment(trim_blocks=True)).directory != plain.directory
    assert template_cache(config, jinja2.Environment(extensions=["jinja2.ext.loopcontrols"])).directory != \
        plain.directory


def test_config_keys_are_the_same_in_every_process():
    code = ("from generator.mkdocs.cache import stable; import pymdownx.slugs as s; "
            "print(stable(s.slugify(case='lower')))")
    outputs = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and "_uslugify" in outputs.pop()


@pytest.mark.slow
def test_a_warm_townfacts_build_of_the_seeds_is_the_uncached_build(tmp_path):
    work = copy_project(tmp_path)
    config = work / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - townfacts:\n" in text
    config.write_text(text.replace("  - townfacts:\n", "  - townfacts:\n      cache: false\n"), encoding="utf-8")
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    assert townfacts(work, "build", "--out", "uncached", env=env).returncode == 0
    config.write_text(text, encoding="utf-8")
    assert townfacts(work, "build", "--out", "cold", env=env).returncode == 0
    assert townfacts(work, "build", "--out", "warm", env=env).returncode == 0
    uncached = tree(work / "uncached")
    assert tree(work / "cold") == uncached and tree(work / "warm") == uncached


def test_the_plugin_is_installed_with_typed_options_and_listed_last(tmp_path):
    import yaml
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from mkdocs.utils.yaml import get_yaml_loader

    from generator.mkdocs.plugin import townfacts_plugin

    raw = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    assert "hooks" not in raw and next(iter(raw["plugins"][-1])) == "townfacts"  # its events run after the others'
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: t\nplugins:\n  - townfacts: {seeds: reports, cache: false}\n", encoding="utf-8")
    plugin = townfacts_plugin(load_config(str(config_file)))
    assert plugin is not None and plugin.config.seeds == "reports" and plugin.config.cache is False
    assert plugin.config.generate is True
    config_file.write_text("site_name: t\nplugins:\n  - townfacts: {cache: sometimes}\n", encoding="utf-8")
    with pytest.raises(Abort):
        load_config(str(config_file))


def test_cache_keys_name_the_mkdocs_that_runs():
    """ProperDocs' `properdocs` command runs as `mkdocs` with the same packages installed: its pickled pages
    name properdocs' classes, so its cache entries must not be MkDocs' (which could not load them)."""
    from generator.mkdocs.cache import package_versions
    import mkdocs

    assert f"running={mkdocs.__name__}-{mkdocs.__version__}" in package_versions().split()
