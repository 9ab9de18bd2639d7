"""Objects cached by content hash, in memory and on disk, and the fingerprint of the generator's code.

A cache key includes the fingerprint of `generator/` (code, data, templates): any change to the
generator invalidates what it cached before.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Optional

PACKAGE = Path(__file__).resolve().parent.parent  # the whole generator package
CACHE_ROOT = ".cache"  # only entries under a folder of this name are ever replaced by `ensure_dir`


def ensure_dir(folder: Path) -> Path:
    """Return folder, created; a file or dangling link in the way inside `.cache/` is removed first.

    A cache is disposable: a cache folder replaced by a file must not fail every build.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except (FileExistsError, NotADirectoryError):
        pass
    for part in reversed((folder, *folder.parents)):
        if CACHE_ROOT in part.parts and (part.is_symlink() or part.exists()) and not part.is_dir():
            part.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@cache
def generator_fingerprint() -> str:
    """Return a hash of the generator's code and data files (a change invalidates cached reports)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".txt", ".j2") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_key(*values: object) -> str:
    """Return a cache key for plain values (e.g. a Report and a site URL) and the generator's fingerprint."""
    return f"{hashlib.sha256(pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()}-{generator_fingerprint()}"


class PickleCache:
    """Objects (extracted reports, rendered pages) in memory and, given a folder, on disk, by content hash.

    With remember=False objects are only on disk: each get reads its file again, so a caller going
    through 500 towns' pages one at a time never holds them all (and without a folder nothing is kept).
    """

    def __init__(self, folder: Optional[Path] = None, remember: bool = True):
        self.folder = folder
        self.remember = remember
        self.memory: dict[str, object] = {}

    def has(self, key: str) -> bool:
        """Return whether an object is cached under key (without loading it)."""
        return key in self.memory or (self.folder is not None and (self.folder / f"{key}.pickle").is_file())

    def get(self, key: str):
        """Return the cached object, or None."""
        if key in self.memory:
            return self.memory[key]
        if self.folder is None:
            return None
        try:
            value = pickle.loads((self.folder / f"{key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        if self.remember:
            self.memory[key] = value
        return value

    def put(self, key: str, value) -> None:
        """Store an object in memory and, atomically, on disk."""
        if self.remember:
            self.memory[key] = value
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{key}.{os.getpid()}.tmp"
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(self.folder / f"{key}.pickle")
