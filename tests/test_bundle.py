"""The offline bundle: config overrides, per-language search_index.js, vendored shim, reproducible zip."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from projectcopy import copy_project

from generator import bundle
from generator.errors import TownfactsError

ROOT = Path(__file__).resolve().parent.parent


def test_date_comes_from_source_date_epoch_else_today():
    assert bundle.bundle_date({"SOURCE_DATE_EPOCH": "1700000000"}) == dt.date(2023, 11, 14)
    assert bundle.bundle_date({"SOURCE_DATE_EPOCH": " 0 "}) == dt.date(1970, 1, 1)
    assert bundle.bundle_date({}) == dt.date.today()
    assert bundle.bundle_date({"SOURCE_DATE_EPOCH": ""}) == dt.date.today()
    with pytest.raises(TownfactsError, match="SOURCE_DATE_EPOCH"):
        bundle.bundle_date({"SOURCE_DATE_EPOCH": "yesterday"})
    assert bundle.zip_name(dt.date(2025, 1, 31)) == "townfacts-offline-2025-01-31.zip"


def test_offline_plugin_goes_right_after_i18n():
    plugins = [{"search": {"x": 1}}, {"i18n": {"languages": []}}, "tags"]
    assert bundle.offline_plugins(plugins) == [{"search": {"x": 1}}, {"i18n": {"languages": []}}, "offline", "tags"]
    # an `offline` listed before i18n is moved, not duplicated
    assert bundle.offline_plugins(["offline", "search", "i18n"]) == ["search", "i18n", "offline"]
    with pytest.raises(TownfactsError, match="i18n"):
        bundle.offline_plugins(["search"])


def test_overrides_of_the_real_config(tmp_path):
    overrides = bundle.offline_overrides(ROOT / "mkdocs.yml", tmp_path / "out", strict=True)
    names = [next(iter(p)) if isinstance(p, dict) else p for p in overrides["plugins"]]
    assert names.index("offline") == names.index("i18n") + 1
    assert overrides["use_directory_urls"] is False and overrides["strict"] is True
    assert overrides["site_dir"] == str((tmp_path / "out").resolve())


def test_vendored_shim_has_its_licence_and_replaces_worker_under_file():
    text = bundle.SHIM.read_text(encoding="utf-8")
    assert text.startswith("/*! iframe-worker") and "Permission is hereby granted" in text
    assert 'location.protocol==="file:"&&(window.Worker=o)' in text
    assert "iframe-worker" in bundle.SHIM_URL  # Material's offline plugin then adds no unpkg.com shim


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for folder, lang in (("", "zh"), ("en/", "en")):
        (site / folder / "search").mkdir(parents=True, exist_ok=True)
        (site / folder / "search/search_index.json").write_text(
            json.dumps({"config": {"lang": [lang]}, "docs": [{"location": "towns/wuxing-zhili/2021/index.html", "text": "织里"}]},
                       ensure_ascii=False), encoding="utf-8")
    return site


def test_every_language_gets_its_search_index_js(tmp_path):
    site = _site(tmp_path)
    written = bundle.write_offline_indexes(site)
    assert set(written) == {"", "en"}
    for folder, lang in (("", "zh"), ("en/", "en")):
        js = (site / folder / "search/search_index.js").read_text(encoding="utf-8")
        assert js.startswith("var __index = ")
        index = json.loads(js.removeprefix("var __index = "))
        assert index["config"]["lang"] == [lang] and index["docs"][0]["text"] == "织里"


def test_head_alternates_are_dropped_but_the_language_switch_stays(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<html><head>\n<link rel="canonical" href="https://x/">\n'
                    '      <link rel="alternate" href="index.html" hreflang="zh">\n'
                    '      <link rel="alternate" href="en/index.html" hreflang="en">\n</head><body>'
                    '<a href="en/index.html" hreflang="en" class="md-select__link">English</a></body></html>',
                    encoding="utf-8")
    assert bundle.drop_head_alternates(tmp_path) == 1
    html = page.read_text(encoding="utf-8")
    assert 'rel="alternate"' not in html and 'rel="canonical"' in html
    assert 'hreflang="en" class="md-select__link"' in html
    assert bundle.drop_head_alternates(tmp_path) == 0


def test_zip_is_reproducible_with_one_top_folder(tmp_path):
    site = _site(tmp_path)
    (site / "index.html").write_text("<html>织里镇</html>", encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets/bundle.min.js.map").write_text("{}")
    date = dt.date(2023, 11, 14)
    a = bundle.write_zip(site, tmp_path / "a/x.zip", "townfacts-offline-2023-11-14", date)
    b = bundle.write_zip(site, tmp_path / "b/x.zip", "townfacts-offline-2023-11-14", date)
    assert a == b and (tmp_path / "a/x.zip").read_bytes() == (tmp_path / "b/x.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a/x.zip") as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert all(n.startswith("townfacts-offline-2023-11-14/") for n in names)
        assert "townfacts-offline-2023-11-14/index.html" in names
        assert not any(n.endswith(".map") for n in names)
        assert zf.getinfo("townfacts-offline-2023-11-14/index.html").date_time == (2023, 11, 14, 0, 0, 0)
    assert not list((tmp_path / "a").glob("*.tmp"))


@pytest.mark.slow
def test_bundle_command_builds_a_zip_that_needs_no_network(tmp_path):
    """`townfacts bundle` on the real seeds, in a copy of the project."""
    work = tmp_path / "project"
    work.mkdir()
    copy_project(work)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, "-m", "generator", "bundle", "--out", "dist"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "townfacts-offline-2023-11-14.zip" in proc.stderr
    zip_path = work / "dist/townfacts-offline-2023-11-14.zip"
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(tmp_path / "unzipped")
    site = tmp_path / "unzipped/townfacts-offline-2023-11-14"

    # file:// needs file names, not directory URLs
    assert (site / "towns/wuxing-zhili/2021/text.html").is_file() and (site / "en/towns/wuxing-zhili/2021/text.html").is_file()
    # one search index per language, in the .js form Material loads under file://
    zh = json.loads((site / "search/search_index.js").read_text(encoding="utf-8").removeprefix("var __index = "))
    en = json.loads((site / "en/search/search_index.js").read_text(encoding="utf-8").removeprefix("var __index = "))
    assert zh["config"]["lang"] == ["zh"] and en["config"]["lang"] == ["en"]
    assert any(d["location"].startswith("towns/wuxing-zhili/2021/") and "童装" in d["text"] for d in zh["docs"])
    assert not any(d["location"].startswith("en/") for d in zh["docs"] + en["docs"])
    assert any("Zhili Town" in d["title"] + d["text"] for d in en["docs"])
    # nothing is loaded from another host: the shim is local, fonts are off, charts' specs are inlined
    assert (site / bundle.SHIM_URL).read_bytes() == bundle.SHIM.read_bytes()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "fonts.googleapis.com" not in html, page
        loads = re.findall(r'<script[^>]+src="([^"]+)"|<link[^>]+rel="(?:stylesheet|icon|preload|modulepreload)"'
                           r'[^>]+href="([^"]+)"|<img[^>]+src="([^"]+)"', html)
        external = [u for group in loads for u in group if re.match(r"(?:https?:)?//", u)]
        assert not external, (page, external)
        assert 'rel="alternate"' not in html.partition("</head>")[0], page
    sheet = (site / "en/towns/wuxing-zhili/2021/index.html").read_text(encoding="utf-8")
    assert re.search(r'"base":\s*"\.\./\.\./\.\./\.\./en/"', sheet)   # English pages search en/
    assert '<script src="../../../../assets/vendor/iframe-worker-shim.js"></script>' in sheet
    assert "tf-chart-spec" in sheet
    assert zip_path.stat().st_size < 5_000_000
