"""MkDocs hooks: plain `mkdocs build` / `mkdocs serve` regenerate the town pages from seeds/.

`townfacts build` generates the pages itself and marks the config, so the hook does nothing then.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from generator.mkdocs import page_cache
from generator.mkdocs import search_cache
from generator.build import configure_mkdocs, generate
from generator.mkdocs.cache import cache_for, enabled, template_cache
from generator.mkdocs.search_index import point_search_base, write_split_index

log = logging.getLogger("mkdocs.plugins.townfacts")


def _seeds_dir(config) -> Path:
    """Return the folder of reports named in mkdocs.yml (extra.townfacts.seeds)."""
    project = Path(config.config_file_path).parent
    return project / (config.extra.get("townfacts", {}).get("seeds") or "seeds")


@event_priority(100)  # before the search plugin loads the jieba dictionary and i18n copies the nav
def on_config(config):
    if not config.extra.get("townfacts", {}).get("generated"):
        project = Path(config.config_file_path).parent
        result = generate(_seeds_dir(config), Path(config.docs_dir), project, progress=log.info,
                          site_url=config.site_url or "")
        for error in result.errors:
            log.warning("townfacts: %s", error)
        configure_mkdocs(config, result.reports, project)
    search_cache.take_over_user_dict(config)
    return config


def on_pre_build(config):
    """Let this build's search index cut each text once and reuse cached entries (its on_config has run)."""
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    if index is not None:
        cache = cache_for(config, "search") if enabled(config) else None
        search_cache.install(index, cache, config.extra.get("townfacts", {}).get(search_cache.USER_DICT))


def on_pre_page(page, config, files):
    if enabled(config):
        page_cache.use_cache(page, cache_for(config, "pages"))
    return page


@event_priority(-200)  # after every plugin has set the environment up (i18n adds an extension)
def on_env(env, config, files):
    if enabled(config):
        env.bytecode_cache = template_cache(config, env)
    return env


def on_serve(server, config, builder):
    server.watch(str(_seeds_dir(config)))
    return server


def _other_locales(config) -> list[str]:
    """Return the non-default languages that i18n builds into their own folder."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return []
    return [lang.locale for lang in i18n.config.languages if not lang.default and lang.build]


def _default_locale(config) -> str:
    """Return the language built at the site root (i18n's default; theme.language changes per build)."""
    i18n = config.plugins.get("i18n")
    defaults = [lang.locale for lang in i18n.config.languages if lang.default] if i18n else []
    return defaults[0] if defaults else "zh"


def on_post_page(output, page, config):
    folder = page.file.dest_uri.split("/", 1)[0]
    if folder in _other_locales(config):
        return point_search_base(output, folder)
    return output


@event_priority(-200)  # after i18n has built every language and written the combined index
def on_post_build(config):
    write_split_index(Path(config.site_dir), _other_locales(config), _default_locale(config))
