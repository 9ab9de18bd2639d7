"""Links that work at any base path and from file://: no absolute URL without SITE_URL, relative language links,
a bilingual 404 page with relative links, no request for a page's own sitemap.xml, field names shown as written."""
from __future__ import annotations

import re
from types import SimpleNamespace

import markdown
import pytest
import yaml

from generator.mkdocs import compat
from generator.pages.export import CSV_FIELDS
from generator.pages.render import render_data_page
from projectcopy import ROOT
from test_render import small_report

ABSOLUTE = re.compile(r'(?:href|src)="(?:/(?!/)|https?://example)')


class Extra(dict):
    """Stands for MkDocs' LegacyConfig `extra`: a dict that also takes attributes, as i18n sets them."""


def config_with(site_url: str, links: list[str]) -> SimpleNamespace:
    """Return a config whose i18n language links (an attribute of `extra`, as i18n sets them) are these."""
    extra = Extra()
    extra.alternate = [{"name": n, "link": link, "lang": n} for n, link in zip(("zh", "en"), links)]
    return SimpleNamespace(site_url=site_url, extra=extra, plugins={})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_data_page_field_names_are_not_escaped_twice(lang):
    page = markdown.markdown(render_data_page([small_report()], lang).split("---\n", 2)[2],
                             extensions=["attr_list", "md_in_html", "tables"])
    assert "&amp;#" not in page  # an entity escaped again shows as &#95; on the page
    for name in CSV_FIELDS:
        assert f"<code>{name}</code>" in page


def test_without_site_url_the_config_has_no_address(monkeypatch):
    from mkdocs.utils.yaml import get_yaml_loader

    monkeypatch.delenv("SITE_URL", raising=False)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    assert not config["site_url"]


@pytest.mark.parametrize("site_url, links", [("", ["/", "/en/"]), ("https://x.github.io/townfacts/",
                                                                   ["/townfacts/", "/townfacts/en/"])])
def test_home_language_links_become_site_relative(site_url, links):
    config = config_with(site_url, links)
    compat.relative_alternates(config)
    assert [a["link"] for a in config.extra.alternate] == ["./", "en/"]


def test_page_language_links_stay_as_they_are():
    config = config_with("", ["towns/a/", "en/towns/a/"])
    compat.relative_alternates(config)
    assert [a["link"] for a in config.extra.alternate] == ["towns/a/", "en/towns/a/"]


def test_head_alternates_are_dropped_so_no_page_sitemap_is_fetched():
    page = ('<head>\n  <link rel="alternate" href="./" hreflang="zh">\n  <link rel="icon" href="x.png">\n</head>'
            '<body><a href="../en/" hreflang="en" class="md-select__link">English</a></body>')
    out = compat.drop_head_alternates(page)
    assert 'rel="alternate"' not in out and 'rel="icon"' in out and 'hreflang="en" class="md-select__link"' in out


@pytest.mark.parametrize("site_url, base", [("", "/"), ("https://x.github.io/townfacts/", "/townfacts/")])
def test_404_links_are_relative_to_the_root_its_script_finds(site_url, base):
    page = (f'<html><head>\n<link rel="stylesheet" href="{base}assets/main.css"></head><body>'
            f'<a href="{base}en/">en</a><script id="__config" type="application/json">{{"base": "{base}", '
            f'"search": "{base}assets/search.js"}}</script>'
            f'<script src="{base}assets/bundle.js"></script></body></html>')
    out = compat.relative_404(page, site_url, ["assets", "en", "towns"])
    assert not ABSOLUTE.search(out) and 'href="assets/main.css"' in out and 'src="assets/bundle.js"' in out
    assert out.index("document.createElement('base')") < out.index("main.css")  # before any link is read
    assert out.index("j.base=document.baseURI") < out.index("bundle.js")  # Material reads the root found
    assert ('k=""' in out) == (not site_url) and '"search": "assets/search.js"' in out


@pytest.mark.slow
def test_built_site_has_no_absolute_url_and_a_bilingual_404(built):
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(built)
        assert '<link rel="canonical"' not in html, rel
        assert not ABSOLUTE.search(html), (rel, ABSOLUTE.search(html))
        assert not re.search(r'<link rel="alternate" href="[^"]*" hreflang', html), rel
    home = (built / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="en/" hreflang="en"', home) and re.search(r'<a href="./" hreflang="zh"', home)
    not_found = (built / "404.html").read_text(encoding="utf-8")
    assert "页面不存在" in not_found and "Page not found" in not_found
