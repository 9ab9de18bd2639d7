"""The townfacts MkDocs plugin: plain `mkdocs build` / `mkdocs serve` regenerate the town pages from seeds/,
MkDocs' work is cached (`page_cache`, `search_cache`) and the search index is split per language.

Listed last under `plugins:` in mkdocs.yml, so that at equal priority its events run after every other
plugin's, as when it was a hook. `townfacts build` writes docs/ itself and gives MkDocs the nav
(`configure_mkdocs`), which marks the plugin so its on_config does not generate the pages again.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from generator.mkdocs import compat, page_cache, pagefind, search_cache
from generator.mkdocs.cache import cache_for, template_cache
from generator.mkdocs.page_nav import compact_nav, page_nav
from generator.mkdocs.search_index import write_split_index
from generator.model import Report
from generator.site.docs import JIEBA_DICT, generate
from generator.site.nav import TownNav, site_nav, town_navs
from generator.site.search_entries import fact_entries
from generator.support import lock

log = logging.getLogger("mkdocs.plugins.townfacts")


class TownfactsConfig(Config):
    """The plugin's options: `plugins: - townfacts: {seeds: seeds, cache: true}`."""

    seeds = c.Type(str, default="seeds")  # the folder of reports, relative to mkdocs.yml
    cache = c.Type(bool, default=True)  # cache MkDocs' work in .cache/townfacts/mkdocs/
    generate = c.Type(bool, default=True)  # false: docs/ already holds the pages, seeds/ is not read
    pagefind = c.Choice(("auto", "on", "off"), default="auto")  # hosted search by Pagefind (mkdocs/pagefind.py)


class TownfactsPlugin(BasePlugin[TownfactsConfig]):
    """Generates docs/ before MkDocs reads it, caches MkDocs' work and splits the search index per language."""

    def __init__(self) -> None:
        self.generated = False  # docs/ and the nav are ready (written by `townfacts build` or by on_config)
        self.user_dict: Optional[str] = None  # the search's jieba user dictionary, loaded by search_cache
        self.lock: Optional[str] = None  # the project's build lock, held from on_config to the build's end
        self.roots: set[str] = set()  # the site's top folders and files (towns, en, assets …), for the 404 page
        self.towns: Mapping[str, TownNav] = {}  # each town's own nav (its parents and siblings), by its folder
        self.reports: Sequence[Report] = ()  # the site's reports, for their facts' own search entries
        self.pagefind = False  # this build's search is Pagefind's (decided in on_config)
        self.search_later = False  # the caller indexes the built site (search_after_build), not on_post_build

    def seeds_dir(self, config) -> Path:
        """Return the folder of reports named in the plugin's options."""
        return Path(config.config_file_path).parent / (self.config.seeds or "seeds")

    @event_priority(100)  # before the search plugin loads the jieba dictionary and i18n copies the nav
    def on_config(self, config):
        project = Path(config.config_file_path or "mkdocs.yml").parent
        if self.lock is None and config.config_file_path:  # `mkdocs build`/`serve` write docs/, caches, site
            self.lock = lock.acquire(project)
        if self.config.generate and not self.generated:
            result = generate(self.seeds_dir(config), Path(config.docs_dir), project, progress=log.info,
                              site_url=config.site_url or "")
            for error in result.errors:
                log.warning("townfacts: %s", error)
            configure_mkdocs(config, result.reports, project)
        self.user_dict = compat.take_search_user_dict(config) or self.user_dict
        self.pagefind = pagefind.wanted(self.config.pagefind, compat.is_offline_build(config))
        return config

    def on_pre_build(self, *, config) -> None:
        """Let this build's search index cut each text once and reuse cached entries, or add none when Pagefind
        indexes the site (its on_config has run)."""
        index = compat.search_index(config)
        if index is not None and self.pagefind:  # Material's entries would be emptied after Pagefind indexed the site
            compat.replace_add_entry(index, skip_entry)
        elif index is not None:
            search_cache.install(index, cache_for(config, "search", list) if self.config.cache else None, self.user_dict)

    @event_priority(-200)  # after i18n has added every language's files
    def on_files(self, files, /, *, config):
        self.roots |= {f.dest_uri.split("/", 1)[0] for f in files}
        return files

    @event_priority(-300)  # after every plugin's: the page waits for its template with its HTML compressed
    def on_page_content(self, html, /, *, page, config, files):
        return compat.pack_rendered(page, html)

    @event_priority(300)  # before any plugin reads the page's HTML
    def _unpack_page(self, context, /, *, page, config, nav):
        compat.unpack_rendered(page)
        return context

    @event_priority(-200)  # after i18n has set this page's language links
    def _page_nav(self, context, /, *, page, config, nav):
        compat.relative_alternates(config)
        folder = page.file.dest_uri.split("/", 1)[0]
        lang = folder if folder in compat.other_locales(config) else compat.default_locale(config)
        context["nav"] = page_nav(nav, page, self.towns, lang, compat.default_locale(config), config.use_directory_urls)
        return context

    on_page_context = CombinedEvent(_unpack_page, _page_nav)

    @event_priority(-200)  # after i18n's
    def on_template_context(self, context, /, *, template_name, config):
        if template_name == "404.html":
            compat.root_alternates(config)
        return context

    def on_post_template(self, output_content, /, *, template_name, config):
        if template_name == "404.html":
            return compat.relative_404(output_content, config.site_url or "", sorted(self.roots))
        return output_content

    def on_pre_page(self, page, /, *, config, files):
        if self.config.cache:
            page_cache.use_cache(page, cache_for(config, "pages", page_cache.RenderedPage))
        return page

    @event_priority(-200)  # after every plugin has set the environment up (i18n adds an extension)
    def on_env(self, env, /, *, config, files):
        if self.config.cache:
            env.bytecode_cache = template_cache(config, env)
        return env

    def on_serve(self, server, /, *, config, builder):
        server.watch(str(self.seeds_dir(config)))
        server.set_app(refuse_nul(server.get_app()))  # wsgiref's public API, which MkDocs' server is
        return server

    def on_post_page(self, output, /, *, page, config):
        compat.release_rendered(page)
        output = compact_nav(compat.drop_head_alternates(output))
        if self.pagefind:
            output = compat.point_search_worker(output, pagefind.WORKER)
        folder = page.file.dest_uri.split("/", 1)[0]
        if folder in compat.other_locales(config):
            return compat.point_search_base(output, folder)
        return output

    @event_priority(-200)  # after i18n has built every language and written the combined index
    def on_post_build(self, *, config) -> None:
        if compat.inside_language_build(config):  # the main build's on_post_build indexes the whole site once
            return
        try:
            locales = [compat.default_locale(config), *compat.other_locales(config)]
            entries = None if self.pagefind else {lang: fact_entries(self.reports, lang) for lang in locales}
            write_split_index(Path(config.site_dir), locales[1:], locales[0], entries)
            compat.fix_query_segmenter(config.site_dir)
            if self.pagefind and not self.search_later:
                index_with_pagefind(Path(config.site_dir), self.reports, locales)
        finally:
            self.release()

    def on_build_error(self, *, error) -> None:
        self.release()

    def on_shutdown(self) -> None:
        self.release()

    def release(self) -> None:
        """Give back the build lock taken in on_config, if this plugin holds it."""
        if self.lock is not None:
            lock.release(self.lock)
            self.lock = None


def skip_entry(page) -> None:
    """Add nothing to Material's search index (Pagefind indexes the written pages instead)."""


def index_with_pagefind(site_dir: Path, reports: Sequence[Report], locales: Sequence[str]) -> None:
    """Index the site with Pagefind and empty Material's indexes; a failure fails the build (pages name its worker)."""
    parts = pagefind.plan_parts(pagefind.site_pages(site_dir), reports, locales)
    if not pagefind.index_site(site_dir, parts):
        raise PluginError("pagefind could not index the site (set `pagefind: off` or TOWNFACTS_PAGEFIND=0)")
    pagefind.empty_indexes(site_dir, ["", *locales[1:]])


def search_after_build(config, reports: Sequence[Report],
                       finish: Optional[Callable[[Path], None]]) -> Optional[Callable[[Path], None]]:
    """Return `finish` preceded by indexing the built site with Pagefind when this build uses it, the plugin
    then leaving the indexing to it: MkDocs may run in a child process (site/run.py), whose memory is given
    back before Pagefind takes its own."""
    plugin = townfacts_plugin(config)
    if plugin is None or not pagefind.wanted(plugin.config.pagefind, compat.is_offline_build(config)):
        return finish
    plugin.search_later = True
    locales = [compat.default_locale(config), *compat.other_locales(config)]

    def index_then_finish(site_dir: Path) -> None:
        index_with_pagefind(site_dir, reports, locales)
        if finish is not None:
            finish(site_dir)
    return index_then_finish


def refuse_nul(app):
    """Return the WSGI app answering 400 to a path with a NUL character (MkDocs' server answered 500:
    no file name can hold one, and the file system refuses to look it up)."""
    def guarded(environ, start_response):
        if "\0" in environ.get("PATH_INFO", ""):
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"400 Bad Request: a path cannot contain a NUL character\n"]
        return app(environ, start_response)
    return guarded


def townfacts_plugin(config) -> Optional[TownfactsPlugin]:
    """Return the townfacts plugin of a loaded MkDocs config (None when mkdocs.yml does not list it)."""
    return next((p for p in config.plugins.values() if isinstance(p, TownfactsPlugin)), None)


def configure_mkdocs(config, reports: Sequence[Report], project_dir: Path) -> None:
    """Give MkDocs the generated nav, its English titles and the jieba user dictionary; mark docs/ as ready."""
    nav, translations = site_nav(reports)
    config.nav = nav
    compat.add_nav_translations(config, translations)
    compat.set_search_user_dict(config, str(project_dir / JIEBA_DICT))
    plugin = townfacts_plugin(config)
    if plugin is not None:
        plugin.generated = True
        plugin.towns = town_navs(reports)
        plugin.reports = list(reports)
