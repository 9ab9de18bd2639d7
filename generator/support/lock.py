"""One build per project at a time: an exclusive lock on `.cache/townfacts/build.lock`, holding the pid.

The lock is the kernel's (flock), so it dies with its process: a lock file left by a build that was
killed is simply taken over. The pid written inside only names the holder in the message a second build
prints. Within one process the lock is re-entrant (`townfacts build` holds it, then MkDocs runs the
plugin, which takes it again), so a nested build never waits for itself.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from generator.errors import TownfactsError
from generator.support.cache import ensure_dir

try:
    import fcntl
except ImportError:  # Windows: no flock; builds are then not serialised (the README says POSIX)
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = Path(".cache/townfacts/build.lock")
WAIT_SECONDS = 10.0  # a second build waits this long for the first (TOWNFACTS_LOCK_WAIT overrides)
POLL_SECONDS = 0.1
_HELD: dict[str, list] = {}  # lock path → [open file, depth] for the locks this process holds
_GUARD = threading.Lock()


def wait_seconds() -> float:
    """Return how long a build waits for another one to finish (TOWNFACTS_LOCK_WAIT, default 10 s)."""
    try:
        return max(0.0, float(os.environ.get("TOWNFACTS_LOCK_WAIT", WAIT_SECONDS)))
    except ValueError:
        return WAIT_SECONDS


def acquire(project_dir: Path, wait: Optional[float] = None) -> str:
    """Take the project's build lock (waiting up to `wait` seconds); return its path, the key to release.

    Raises TownfactsError naming the holder's pid when another process keeps it longer.
    """
    path = project_dir.resolve() / LOCK_FILE
    key = str(path)
    with _GUARD:
        if key in _HELD:
            _HELD[key][1] += 1
            return key
    ensure_dir(path.parent)
    if path.is_dir() and not path.is_symlink():  # a lock path of the wrong type: it is ours, in .cache/
        shutil.rmtree(path)
    file = open(path, "a+", encoding="utf-8")
    try:
        _lock(file, path, wait_seconds() if wait is None else wait)
        file.seek(0)
        file.truncate()
        file.write(f"{os.getpid()}\n")
        file.flush()
    except BaseException:
        file.close()
        raise
    with _GUARD:
        _HELD[key] = [file, 1]
    return key


def _lock(file, path: Path, wait: float) -> None:
    """Return once this process holds the flock on file; raise after `wait` seconds of another holding it."""
    if fcntl is None:
        return
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise TownfactsError(f"{path}: another build (pid {holder(path)}) is running in this project; "
                                     f"waited {wait:g} s, try again when it has finished") from None
            time.sleep(POLL_SECONDS)


def holder(path: Path) -> str:
    """Return the pid written in a lock file ('unknown' when it cannot be read)."""
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown"
    except OSError:
        return "unknown"


def release(key: str) -> None:
    """Give back one hold of a lock taken with `acquire` (the flock goes with the last one)."""
    with _GUARD:
        held = _HELD.get(key)
        if held is None:
            return
        held[1] -= 1
        if held[1] > 0:
            return
        del _HELD[key]
    held[0].close()  # closing the file drops the flock; the file stays, with the last holder's pid


@contextmanager
def build_lock(project_dir: Path, wait: Optional[float] = None) -> Iterator[None]:
    """Hold the project's build lock inside the block."""
    key = acquire(project_dir, wait)
    try:
        yield
    finally:
        release(key)
