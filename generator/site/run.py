"""Run MkDocs on the pages in docs/: load its config, hash what it would read, build beside, swap in."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, Optional, Sequence

from generator.model import Report
from generator.site.nav import site_nav
from generator.site.uptodate import file_digest, inputs_key, tree_digest
from generator.support.cache import generator_fingerprint


def load_mkdocs_config(config_file: Path, site_dir: Optional[Path], strict: bool):
    """Return mkdocs.yml loaded with the command's overrides (site folder, strict)."""
    from mkdocs.config import load_config

    overrides: dict = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    return load_config(str(config_file), **overrides)


def site_key(config, reports: Sequence[Report], project_dir: Path) -> str:
    """Return the hash of everything MkDocs would read to build the site (see `uptodate`)."""
    nav, translations = site_nav(reports)
    custom_dir = config.theme.custom_dir
    options = {"strict": bool(config.strict), "site_url": config.site_url, "nav": nav, "nav_en": translations,
               "theme_overrides": tree_digest(Path(custom_dir)) if custom_dir else None,
               "hooks": {name: file_digest(project_dir / name) for name in sorted(config.hooks)}}
    return inputs_key(Path(config.docs_dir), Path(config.config_file_path), options, generator_fingerprint())


def run_mkdocs(config, finish: Optional[Callable[[Path], None]] = None) -> Path:
    """Run MkDocs on the pages already in docs/ into a fresh folder, then swap it in; return the site folder.

    The previous site stays untouched until the new one is complete (`finish`, e.g. the offline
    bundle's fix-ups, included): a failed build loses nothing.
    """
    from mkdocs.commands.build import build as mkdocs_build

    target = Path(config.site_dir)
    building = target.with_name(f".{target.name}.building")
    shutil.rmtree(building, ignore_errors=True)
    config.site_dir = str(building)
    try:
        mkdocs_build(config)
        if finish is not None:
            finish(building)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        config.site_dir = str(target)
    swap_in(building, target)
    return target


def swap_in(new: Path, target: Path) -> None:
    """Replace the target folder by the new one with two renames (the old one is removed after)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
