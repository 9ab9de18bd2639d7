"""Whether the site folder already holds the build of exactly these inputs (as Sphinx skips an
up-to-date build): then `townfacts build` need not run MkDocs again.

The inputs are everything MkDocs reads: every file under docs/ (generated pages, hand-written pages,
assets), mkdocs.yml, the generated nav, the command's options, theme overrides (`custom_dir`), hook
files, `SITE_URL` / `SOURCE_DATE_EPOCH`, and the versions of MkDocs, its plugins and the generator's own
code (its hooks run inside MkDocs). The site is
trusted only if it is still the folder that build wrote: its listing (paths, sizes, modification times)
is recorded, so a site deleted, edited or replaced since is built again.
"""
from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import Iterable, Optional

from generator.support.cache import write_atomic

STATE_FILE = Path(".cache/townfacts/site-state.json")
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "jieba", "Markdown", "pymdown-extensions",
            "backrefs", "Jinja2")  # what turns docs/ into the site (the MkDocs-side caches key on them too)
ENV_VARS = ("SITE_URL", "SOURCE_DATE_EPOCH", "TOWNFACTS_PAGEFIND")


def _files(folder: Path) -> Iterable[Path]:
    """Return every file under folder, in a stable order."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name


def tree_digest(folder: Path) -> str:
    """Return a hash of every file's path and content under folder."""
    digest = hashlib.sha256()
    for path in _files(folder):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file ('' when it cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def listing_digest(folder: Path) -> Optional[str]:
    """Return a hash of every file's path, size and modification time under folder (None if it is absent)."""
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for path in _files(folder):
        st = path.stat()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def versions() -> dict[str, str]:
    """Return the installed version of each package in PACKAGES ('' when it is not installed)."""
    found = {}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = ""
    return found


def npm_version(package: str, start: Path = Path(__file__).resolve().parent) -> str:
    """Return the version of the npm package that node finds from the generator ('' when none: e.g. no `npm ci`)."""
    for folder in (start, *start.parents):
        manifest = folder / "node_modules" / package / "package.json"
        if manifest.is_file():
            return str(json.loads(manifest.read_text(encoding="utf-8")).get("version", ""))
    return ""


def inputs_key(docs_dir: Path, config_file: Path, options: dict, code_fingerprint: str) -> str:
    """Return a hash of everything a MkDocs build of docs_dir reads."""
    parts = {
        "docs": tree_digest(docs_dir),
        "config": hashlib.sha256(config_file.read_bytes()).hexdigest(),
        "options": options,
        "env": {name: os.environ.get(name) for name in ENV_VARS},
        "versions": versions(),
        "npm": {"pagefind": npm_version("pagefind")},  # installing Pagefind changes the hosted site's search
        "code": code_fingerprint,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str, allow_nan=False).encode()).hexdigest()


def _load(state_file: Path) -> dict:
    """Return the recorded builds {site folder: {inputs, listing}} ({} when none or unreadable); records of
    the wrong shape are left out: the state is a cache, never a reason to fail."""
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict):
        return {}
    return {site: record for site, record in state.items()
            if isinstance(record, dict) and all(isinstance(record.get(k), str) for k in ("inputs", "listing"))}


def is_up_to_date(state_file: Path, site_dir: Path, key: str) -> bool:
    """Return whether site_dir is, untouched, the build of the inputs with this key."""
    recorded = _load(state_file).get(str(site_dir.resolve()))
    return recorded is not None and recorded["inputs"] == key and recorded["listing"] == listing_digest(site_dir)


def recorded_listing(state_file: Path, site_dir: Path) -> bool:
    """Return whether site_dir is, untouched, a site some build recorded (whatever its inputs)."""
    recorded = _load(state_file).get(str(site_dir.resolve()))
    return recorded is not None and recorded["listing"] == listing_digest(site_dir)


def record_build(state_file: Path, site_dir: Path, key: str) -> None:
    """Remember that site_dir now holds the build of the inputs with this key."""
    state = _load(state_file)
    state[str(site_dir.resolve())] = {"inputs": key, "listing": listing_digest(site_dir)}
    try:
        write_atomic(state_file, json.dumps(state, indent=1, sort_keys=True, allow_nan=False).encode("utf-8"))
    except OSError:  # not recorded: the next build runs MkDocs again, nothing worse
        pass
