"""Run MkDocs on the pages in docs/: load its config, hash what it would read, build beside, swap in."""
from __future__ import annotations

import ctypes
import errno
import functools
import os
import shutil
from pathlib import Path
from typing import Callable, Optional, Sequence

from generator.errors import TownfactsError
from generator.model import Report
from generator.site.nav import site_nav
from generator.site.uptodate import file_digest, inputs_key, recorded_listing, tree_digest
from generator.site.vendor import VEGA_BUNDLE
from generator.support.cache import generator_fingerprint
from generator.support.forked import call_in_child

# Written inside every site folder the build writes: only a folder holding it is ever replaced. A dotfile,
# so MkDocs keeps it when it cleans the folder and GitHub Pages (Jekyll or not) never lists it.
MARKER = ".townfacts-site"
MARKER_TEXT = "A site built by townfacts: `townfacts build` replaces this whole folder.\n"
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2  # from Linux's fcntl.h and fs.h


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
    bundle's fix-ups or the search index, included): a failed build loses nothing. MkDocs runs in a
    child process where the system can fork, so that `finish` runs after MkDocs' memory is given back
    (at 2,000 towns MkDocs alone takes ~500 MB, and Pagefind's indexing up to 1 GB more).
    """
    from mkdocs.commands.build import build as mkdocs_build

    target = Path(config.site_dir)
    building = _aside(target, "building")
    remove_site(building)
    building.mkdir(parents=True)
    (building / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # MkDocs' clean keeps dotfiles
    config.site_dir = str(building)
    try:
        call_in_child(functools.partial(mkdocs_build, config))
        if finish is not None:
            finish(building)
    except BaseException:
        remove_site(building)
        raise
    finally:
        config.site_dir = str(target)
    ready = _aside(target, "new")
    remove_site(ready)
    building.rename(ready)  # complete: from here on a killed build is recovered to this site
    swap_in(ready, target)
    return target


def swap_in(new: Path, target: Path) -> None:
    """Replace the target folder by the new one, leaving a complete site at target at every instant where
    the system can swap two folders atomically (Linux); elsewhere by two renames, which `recover_site`
    completes when a build is killed between them. The old site is removed after."""
    old = _aside(target, "old")
    remove_site(old)
    if target.is_dir() and exchange(new, target):  # target is the new site now, new holds the old one
        new.rename(old)
    else:
        if target.exists():
            target.rename(old)
        new.rename(target)
    remove_site(old)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); return False where the system
    or file system cannot (the caller then renames twice)."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


@functools.cache
def _renameat2():
    """Return libc's renameat2 (None when this C library has none)."""
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    func.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    func.restype = ctypes.c_int
    return func


def recover_site(target: Path) -> Optional[str]:
    """Complete or undo the swap of a build that was killed, and clear its leftovers; return what was done.

    With no site folder left, the complete new site (`.site.new`) is moved in, else the old one
    (`.site.old`); a half-built `.site.building` is only ever removed.
    """
    done = None
    if not target.exists() and not target.is_symlink():
        for role in ("new", "old"):
            leftover = _aside(target, role)
            if leftover.is_dir() and not leftover.is_symlink() and (leftover / MARKER).is_file():
                leftover.rename(target)
                done = f"{target}: restored from {leftover.name}, left by a build that was stopped"
                break
    for role in ("building", "new", "old"):
        leftover = _aside(target, role)
        if leftover.is_dir() and not leftover.is_symlink() and not _not_ours(leftover, Path("/nonexistent")):
            remove_site(leftover)
    return done


def remove_site(folder: Path) -> None:
    """Delete a site folder the build wrote, its marker last: a build killed midway leaves a folder still
    recognised as its own (or an empty one), never a foreign-looking half."""
    if folder.is_symlink() or not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    (folder / MARKER).unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)


def _aside(target: Path, role: str) -> Path:
    """Return the folder beside target that the build uses for the new ("building", "new") or old site."""
    return target.with_name(f".{target.name}.{role}")


def check_site_dir(target: Path, state_file: Path) -> None:
    """Return if the build may replace target (absent, empty or a townfacts site); else raise, naming why."""
    for folder in (target, *(_aside(target, role) for role in ("building", "new", "old"))):
        reason = _not_ours(folder, state_file)
        if reason:
            raise TownfactsError(f"{folder}: {reason}; the site folder (--out) must be new, empty or a "
                                 f"site a townfacts build wrote (it holds {MARKER})")


def _not_ours(folder: Path, state_file: Path) -> str:
    """Return why the build must not replace folder ('' when it may: absent, empty, or written by a build)."""
    if folder.is_symlink():
        return "is a symbolic link, not a site folder"
    if not folder.exists():
        return ""
    if not folder.is_dir():
        return "is a file, not a site folder"
    if (folder / MARKER).is_file() or not any(folder.iterdir()):
        return ""
    if recorded_listing(state_file, folder):  # a site built before the marker existed, untouched since
        return ""
    if _holds_our_vega_bundle(folder):  # built by plain `mkdocs build` or an older townfacts: no marker
        return ""
    return "is not a townfacts site (it holds files the build did not write)"


def _holds_our_vega_bundle(folder: Path) -> bool:
    """Return whether folder holds the Vega bundle only a townfacts site serves, byte for byte."""
    served = folder / "assets" / "vendor" / VEGA_BUNDLE.name
    if served.is_symlink() or not served.is_file() or served.stat().st_size != VEGA_BUNDLE.stat().st_size:
        return False
    return served.read_bytes() == VEGA_BUNDLE.read_bytes()
