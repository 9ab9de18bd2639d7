"""Objects cached by content hash, in memory and on disk, and the fingerprint of the generator's code.

A cache key includes the fingerprint of `generator/` (code, data, templates): any change to the
generator invalidates what it cached before.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import shutil
from functools import cache
from pathlib import Path
from typing import Iterator, Optional

log = logging.getLogger("townfacts")
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


ENTRY_MAGIC = b"townfacts-cache/1\n"  # an entry: this line, its key, the SHA-256 of the pickle, the pickle


class BadEntry(Exception):
    """A cache entry that cannot be trusted (unreadable, corrupt, another key's, or of the wrong type)."""


class PickleCache:
    """Objects (extracted reports, rendered pages) in memory and, given a folder, on disk, by content hash.

    With remember=False objects are only on disk: each get reads its file again, so a caller going
    through 500 towns' pages one at a time never holds them all (and without a folder nothing is kept).
    The cache is disposable: each entry on disk carries its key and a checksum, and one that cannot be
    loaded, fails its checksum, holds another key or is not of the expected `kind` is deleted and reads
    as a miss (a note under --verbose). Nothing the cache does on disk ever fails a build.
    """

    def __init__(self, folder: Optional[Path] = None, remember: bool = True, kind: Optional[type] = None):
        self.folder = folder
        self.remember = remember
        self.kind = kind
        self.memory: dict[str, object] = {}

    def path(self, key: str) -> Path:
        """Return the file of the entry under key."""
        return self.folder / f"{key}.pickle"

    def has(self, key: str) -> bool:
        """Return whether an object is cached under key (without loading it)."""
        return key in self.memory or (self.folder is not None and self.path(key).is_file())

    def get(self, key: str):
        """Return the cached object, or None (a bad entry is deleted)."""
        if key in self.memory:
            return self.memory[key]
        if self.folder is None:
            return None
        try:
            value = self.decode(key, self.path(key).read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, BadEntry) as err:
            self.discard(key, err)
            return None
        if self.remember:
            self.memory[key] = value
        return value

    def decode(self, key: str, data: bytes):
        """Return the object of an entry's bytes; raise BadEntry saying why it cannot be trusted."""
        header = ENTRY_MAGIC + key.encode() + b"\n"
        if not data.startswith(header):
            raise BadEntry("not an entry for this key")
        checksum, _, payload = data[len(header):].partition(b"\n")
        if checksum != hashlib.sha256(payload).hexdigest().encode():
            raise BadEntry("checksum mismatch")
        try:
            value = pickle.loads(payload)
        except Exception as err:  # noqa: BLE001 - unpickling a stale class can raise anything
            raise BadEntry(f"cannot be loaded ({type(err).__name__})") from err
        if self.kind is not None and not isinstance(value, self.kind):
            raise BadEntry(f"holds a {type(value).__name__}, not a {self.kind.__name__}")
        return value

    def discard(self, key: str, why: Exception) -> None:
        """Delete a bad entry (or whatever stands at its path) so it is rebuilt; say so under --verbose."""
        log.info("cache entry %s discarded: %s; rebuilding it", self.path(key), why)
        path = self.path(key)
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            pass

    def put(self, key: str, value) -> None:
        """Store an object in memory and, atomically, on disk (a disk that refuses it costs a miss later)."""
        if self.remember:
            self.memory[key] = value
        if self.folder is None:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        data = ENTRY_MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
        try:
            write_atomic(self.path(key), data)
        except OSError as err:
            log.info("cache entry %s not written: %s", self.path(key), err)


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file beside it; a folder or file in the way inside `.cache/`
    (a cache path of the wrong type) is replaced."""
    ensure_dir(path.parent)
    if path.is_dir() and not path.is_symlink() and CACHE_ROOT in path.parts:
        shutil.rmtree(path)
    with temporary_beside(path) as tmp:
        tmp.write_bytes(data)
        tmp.replace(path)


@contextlib.contextmanager
def temporary_beside(path: Path) -> Iterator[Path]:
    """Yield a temporary file's path beside path (same folder, so a rename is atomic), removed if left."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)
