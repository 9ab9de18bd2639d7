"""Every use of an internal of MkDocs, Material or mkdocs-static-i18n, in one place.

Checked against mkdocs 1.6.1 (and ProperDocs 1.6.7, its fork), mkdocs-material 9.8.1 and mkdocs-static-i18n 1.3.1 (pyproject.toml pins
them). None of what is read or written here is documented API: after an upgrade, check each function
against the new version's source (tests/test_mkdocs_cache.py compares cached builds with uncached ones,
tests/test_site_e2e.py and tests/test_bundle.py the site and the offline bundle).
"""
from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlsplit

from material.plugins.search import plugin as material_search

SEARCH = "material/search"
I18N = "i18n"
USER_DICT = "jieba_dict_user"  # Material's search option naming the jieba user dictionary
_CONFIG_SCRIPT = '<script id="__config" type="application/json">'  # Material's page settings, in base.html
_BASE = re.compile(r'("base":\s*")([^"]*)(")')


# MkDocs: Page.render and what it leaves on the page (mkdocs/structure/pages.py)

def replace_page_render(page, render: Callable) -> None:
    """Make `page.render(config, files)` call render instead, once per page object."""
    if "render" not in vars(page):
        page.render = render


def render_page(page, config, files) -> None:
    """Render a page's Markdown with MkDocs' own `Page.render` (not one replaced on the page)."""
    type(page).render(page, config, files)


def rendered_title(page) -> Optional[str]:
    """Return the title `render` found in the page's first heading."""
    return page._title_from_render


def set_rendered_title(page, title: Optional[str]) -> None:
    """Set the title as `render` would have found it."""
    page._title_from_render = title


def present_anchors(page) -> frozenset:
    """Return the anchor ids `render` found in the page."""
    return frozenset(page.present_anchor_ids or ())


def set_present_anchors(page, anchors: frozenset) -> None:
    """Set the anchor ids as `render` would have found them."""
    page.present_anchor_ids = set(anchors)


def links_to_anchors(page) -> Optional[dict[str, dict]]:
    """Return {target src_uri: {anchor: link as written}} that `render` recorded (None when it did not)."""
    links = page.links_to_anchors
    if links is None:
        return None
    return {target.src_uri: dict(anchors) for target, anchors in links.items()}


def set_links_to_anchors(page, links: Optional[dict[str, dict]], files) -> None:
    """Set the links to anchors as `render` would have recorded them, against this build's files."""
    if links is not None:
        page.links_to_anchors = {files.src_uris[src]: dict(anchors) for src, anchors in links.items()}


class PackedHTML(bytes):
    """A page's HTML body, compressed while the page waits to be written."""


def pack_rendered(page, html: Optional[str]) -> Optional[PackedHTML]:
    """Return the converted page's HTML (what on_page_content passes on) compressed, its Markdown let go.
    MkDocs converts every page before it writes the first (build.py: `_populate_page` for all, then
    `_build_page` for each), so it held the whole site's HTML and Markdown at once, ~1 GB at 2,000 towns;
    until its template is rendered, only the page's title, table of contents and anchors are read."""
    page.markdown = ""  # not None: see release_rendered
    return html if isinstance(html, PackedHTML) or html is None else PackedHTML(zlib.compress(html.encode(), 1))


def unpack_rendered(page) -> None:
    """Give the page its HTML back as text, before any plugin's on_page_context reads it (Material's search)."""
    if isinstance(page.content, PackedHTML):
        page.content = zlib.decompress(page.content).decode()


def release_rendered(page) -> None:
    """Let go of a written page's Markdown source and HTML body: MkDocs keeps every page's until the build
    ends (hundreds of MB at 2,000 towns), though nothing reads them after the page is written (the search
    index took its entries in on_page_context, the sitemap reads URLs and dates only)."""
    page.markdown = ""  # not None: MkDocs' Page.title is None for a page whose markdown is None
    page.content = None


# Material's search plugin (material/plugins/search/plugin.py)

def search_index(config):
    """Return the search plugin's SearchIndex of this build (None without search, or before on_config)."""
    return getattr(config.plugins.get(SEARCH), "search_index", None)


def material_jieba():
    """Return the jieba module Material's search cuts Chinese with (None when jieba is not installed)."""
    return material_search.jieba


def has_own_segmenter(index) -> bool:
    """Return whether this SearchIndex already cuts Chinese with a segmenter set by `replace_segment_chinese`."""
    return "_segment_chinese" in vars(index)


def replace_segment_chinese(index, segment: Callable[[str], str]) -> None:
    """Make the SearchIndex cut Chinese text with segment (Material's `_segment_chinese`)."""
    index._segment_chinese = segment


def replace_add_entry(index, add_entry: Callable) -> None:
    """Make the SearchIndex add a page's entries with add_entry(page)."""
    index.add_entry_from_context = add_entry


def add_entry(index, page) -> None:
    """Add a page's entries with Material's own `add_entry_from_context`."""
    type(index).add_entry_from_context(index, page)


def search_entries(index) -> list[dict]:
    """Return the SearchIndex's entries so far (the list itself: entries added later are appended to it)."""
    return index.entries


def take_search_user_dict(config) -> Optional[str]:
    """Return the search plugin's jieba user dictionary and unset it there (so Material does not load it)."""
    search = config.plugins.get(SEARCH)
    if search is None or not search.config.get(USER_DICT):
        return None
    user_dict, search.config[USER_DICT] = search.config[USER_DICT], None
    return user_dict


def set_search_user_dict(config, path: str) -> None:
    """Give the search plugin a jieba user dictionary."""
    search = config.plugins.get(SEARCH)
    if search is not None:
        search.config.jieba_dict_user = path


# mkdocs-static-i18n (mkdocs_static_i18n/plugin.py, reconfigure.py)

def add_nav_translations(config, translations: dict[str, str], default_locale: str = "zh") -> None:
    """Give every other language these nav titles (the ones set in mkdocs.yml win)."""
    i18n = config.plugins.get(I18N)
    if i18n is not None:
        for language in i18n.config.languages:
            if language.locale != default_locale:
                language.nav_translations = {**translations, **(language.nav_translations or {})}


def other_locales(config) -> list[str]:
    """Return the non-default languages that i18n builds into their own folder."""
    i18n = config.plugins.get(I18N)
    if i18n is None:
        return []
    return [lang.locale for lang in i18n.config.languages if not lang.default and lang.build]


def default_locale(config) -> str:
    """Return the language built at the site root (i18n's default; theme.language changes per build)."""
    i18n = config.plugins.get(I18N)
    defaults = [lang.locale for lang in i18n.config.languages if lang.default] if i18n else []
    return defaults[0] if defaults else "zh"


def inside_language_build(config) -> bool:
    """Return whether this build is one of i18n's builds of another language, which it runs inside the main
    build's on_post_build (the main build's own events come after)."""
    return bool(getattr(config.plugins.get(I18N), "building", False))


def building_language(config) -> str:
    """Return the language i18n is building now and its default one ('None/None' without i18n)."""
    i18n = config.plugins.get(I18N)
    return f"{getattr(i18n, 'current_language', None)}/{getattr(i18n, 'default_language', None)}"


# Material's theme (material/templates/base.html, material/plugins/offline/plugin.py)

def point_search_base(html: str, folder: str) -> str:
    """Return the page with Material's `__config.base` pointing at the language folder's root."""
    def repl(m: re.Match) -> str:
        base = m.group(2).rstrip("/") or "."
        return f"{m.group(1)}{base}/{folder}/{m.group(3)}"

    head, sep, rest = html.partition(_CONFIG_SCRIPT)
    if not sep:
        return html
    config, end, tail = rest.partition("</script>")
    return head + sep + _BASE.sub(repl, config, count=1) + end + tail


def set_polyfills(config, urls: list[str]) -> None:
    """Make Material load these scripts first; one naming iframe-worker keeps the offline plugin's CDN shim out."""
    config.extra["polyfills"] = list(urls)


# The language links (i18n's `extra.alternate`, Material's partials/alternate.html and base.html's head)

_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def relative_alternates(config) -> None:
    """Make the language links i18n wrote as absolute paths (/townfacts/en/, on home pages) site-relative."""
    root = urlsplit(config.site_url or "/").path
    # i18n sets the page's links as an attribute of `extra` (what templates read first), its first ones as a key
    for alternate in [*(getattr(config.extra, "alternate", None) or ()), *(config.extra.get("alternate") or ())]:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = (link[len(root):] if link.startswith(root) else link.lstrip("/")) or "./"


def root_alternates(config) -> None:
    """Make the language links lead to each language's home page (for pages outside a language: 404.html)."""
    default = default_locale(config)
    for alternate in [*(getattr(config.extra, "alternate", None) or ()), *(config.extra.get("alternate") or ())]:
        alternate["link"] = "./" if alternate.get("lang") == default else f"{alternate.get('lang')}/"


def drop_head_alternates(html: str) -> str:
    """Return the page without its head's `<link rel="alternate" hreflang>` tags: Material fetches
    `<alternate>/sitemap.xml` for each (a 404 for every page's own URL); sitemap.xml keeps the hreflang pairs."""
    head, sep, body = html.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + sep + body if sep else html


# MkDocs renders 404.html with absolute links (mkdocs/commands/build.py: base_url is site_url's path, "/")

def relative_404(html: str, site_url: str, roots: list[str]) -> str:
    """Return the 404 page with links relative to the site root, and scripts that find that root.

    With a site_url its path is the root; without one, the path before the first of the site's top folders
    (towns/, en/ …) in the missing address, else the 404 page's own folder (as from file://)."""
    base = urlsplit(site_url or "/").path
    html = re.sub(rf'((?:href|src)="|"search":\s*"){re.escape(base)}', r"\1", drop_head_alternates(html))
    find_root = ("<script>(function(){var r=" + json.dumps(sorted(roots)) + ",k=" + json.dumps(base if site_url
                 else "") + ",p=location.pathname,s=p.split('/');"
                 "if(!k&&location.protocol!=='file:'){for(var n=1;n<s.length-1;n++){"
                 "if(r.indexOf(s[n])>=0){k=s.slice(0,n).join('/')+'/';break}}}"
                 "var b=document.createElement('base');b.href=k||p.replace(/[^\\/]*$/,'');"
                 "document.head.appendChild(b)})()</script>")
    # Material resolves its settings' base against the address, not <base>: give it the root found
    set_base = ("<script>(function(){var c=document.getElementById('__config'),j=JSON.parse(c.textContent);"
                "j.base=document.baseURI;j.search=new URL(j.search,j.base).href;c.textContent=JSON.stringify(j)})()</script>")
    head, sep, rest = html.replace("<head>", "<head>\n" + find_root, 1).partition(_CONFIG_SCRIPT)
    if not sep:
        return head
    config, end, tail = rest.partition("</script>")
    return head + sep + config + end + set_base + tail


# MkDocs' nav objects (mkdocs/structure/nav.py) and what Material's partials/nav-item.html reads of them

def _index_link(title: str, url: str):
    """Return a nav Link that Material's `navigation.indexes` takes as its section's own page (`is_index`)."""
    from mkdocs.structure.nav import Link

    link = nav_link(title, url)
    link.is_index = True
    return link


def nav_link(title: str, url: str):
    """Return a nav entry linking to url (relative to the site root)."""
    from mkdocs.structure.nav import Link

    link = Link(title, url)
    link.meta, link.typeset = {}, None  # what Material's nav-item.html reads of a page (MkDocs' strict templates)
    return link


def nav_section(title: str, index, children: list, active: bool = False):
    """Return a nav section with its index first (a URL, or the page being rendered) and the children,
    opened when active."""
    from mkdocs.structure.nav import Section

    section = Section(title, [_index_link(title, index) if isinstance(index, str) else index] + children)
    for child in children:
        if getattr(child, "is_section", False):
            child.parent = section
    section.active = active
    return section


class PageNav:
    """The nav one page is rendered with: the site's nav with one top-level entry replaced."""

    def __init__(self, nav, at: int, section):
        self.items = [section if i == at else item for i, item in enumerate(nav.items)]
        self.homepage = nav.homepage
        self.pages = nav.pages

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

# Material's search worker (material/templates/assets/javascripts/workers/search.*.min.js, from
# src/.../integrations/search/query/segment/index.ts): it cuts a Chinese query into the index's words,
# looking for words of the query's characters i..j with `j < query.length`, so never one that ends at the
# query's last character: 地区生产总值 became 地* 区* 生产*, 人口 became 人* (every word starting with 人).

WORKERS = "assets/javascripts/workers"
_SEGMENT_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")


def fix_query_segmenter(site_dir) -> list[str]:
    """Let the site's search worker match index words that end at the query's last character; return the
    workers changed (none when this Material's worker has no such loop, e.g. after an upgrade fixed it)."""
    changed = []
    for worker in sorted(Path(site_dir, WORKERS).glob("search.*.min.js")):
        code = worker.read_text(encoding="utf-8")
        fixed, count = _SEGMENT_LOOP.subn(lambda m: m.group(0).replace(f"{m.group(1)}<", f"{m.group(1)}<=", 1), code)
        if count == 1:
            worker.write_text(fixed, encoding="utf-8")
            changed.append(str(worker))
    return changed


_WORKER = re.compile(r'("search":\s*"[^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(")')


def point_search_worker(html: str, worker: str) -> str:
    """Return the page with Material's `__config.search` (its search worker) naming another script of the site."""
    head, sep, rest = html.partition(_CONFIG_SCRIPT)
    if not sep:
        return html
    config, end, tail = rest.partition("</script>")
    return head + sep + _WORKER.sub(lambda m: m.group(1) + worker + m.group(2), config, count=1) + end + tail


def is_offline_build(config) -> bool:
    """Return whether Material's offline plugin is in this build (the bundle read from file://)."""
    return any(name in config.plugins for name in ("offline", "material/offline"))
