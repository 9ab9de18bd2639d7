"""What the MkDocs-side caches share: where they live, whether they are on, and stable cache keys.

A key is a SHA-256 over everything that shapes the cached output: the content, the relevant config, the
versions of the packages doing the work and the generator's own code. A value that cannot be written down
stably (e.g. an object whose repr is its address) only makes the key unique, so it costs a cache miss,
never a stale hit.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import sys
from pathlib import Path
from typing import Optional

import jinja2

from generator.site.uptodate import versions
from generator.support.cache import PickleCache, ensure_dir, generator_fingerprint, write_atomic

log = logging.getLogger("townfacts")
CACHE_DIR = Path(".cache/townfacts/mkdocs")
JINJA_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                  "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                  "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                  "autoescape", "finalize", "is_async")


def cache_folder(config, name: str) -> Optional[Path]:
    """Return the project's folder for the named cache (None when the config comes from no file)."""
    if not config.config_file_path:
        return None
    return Path(config.config_file_path).resolve().parent / CACHE_DIR / name


def cache_for(config, name: str, kind: type) -> PickleCache:
    """Return the named cache of the project for objects of a kind, on disk only: a build reads each entry
    once, and a site's HTML is big (one that never hits when the config comes from no file)."""
    return PickleCache(cache_folder(config, name), remember=False, kind=kind)


class BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, disposable and checked: Jinja's own checks only that the
    template's source is unchanged, so a flipped byte in the compiled code ran (and crashed the
    interpreter). Each file here carries the SHA-256 of Jinja's bytes; a file that fails it is deleted and
    the template compiled again; a file that cannot be written is not kept."""

    def load_bytecode(self, bucket) -> None:
        path = Path(self._get_cache_filename(bucket))
        try:
            data = path.read_bytes()
        except OSError:
            return
        checksum, _, payload = data.partition(b"\n")
        if checksum != hashlib.sha256(payload).hexdigest().encode():
            log.info("cache entry %s discarded: checksum mismatch; rebuilding it", path)
            path.unlink(missing_ok=True)
            return
        try:
            bucket.bytecode_from_string(payload)
        except Exception:  # noqa: BLE001 - a file of an older Jinja or Python: compile again
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        payload = bucket.bytecode_to_string()
        try:
            write_atomic(Path(self._get_cache_filename(bucket)),
                         hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        except OSError:
            pass


def template_cache(config, env) -> Optional[jinja2.BytecodeCache]:
    """Return a cache of the theme's compiled templates for this Jinja environment's compile settings.

    Jinja checks each template's source against its cached code; the folder name adds what Jinja does not
    check: the settings that change the code a source compiles to.
    """
    settings = [getattr(env, name, None) for name in JINJA_SETTINGS] + [sorted(env.extensions)]
    folder = cache_folder(config, f"jinja-{digest(stable(settings))[:16]}")
    if folder is None:
        return None
    try:
        ensure_dir(folder)
    except OSError:
        return None
    return BytecodeCache(str(folder))


@functools.cache
def package_versions() -> str:
    """Return Python's version, those of the packages that turn pages into HTML and search entries, and
    which MkDocs runs: under the `properdocs` command, `mkdocs` is ProperDocs (same installed packages, but
    its pickled objects name properdocs' classes, which a MkDocs build cannot load)."""
    import mkdocs

    running = f"running={mkdocs.__name__}-{getattr(mkdocs, '__version__', '')}"
    return " ".join([sys.version, running] + [f"{name}={version or 'none'}" for name, version in versions().items()])


def stable(value) -> str:
    """Return a text for a config value that is the same in every process (functions by name and code)."""
    if isinstance(value, (str, int, float, bool, type(None))):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(stable(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(stable(v) for v in value)) + "}"
    if hasattr(value, "items"):  # dicts and MkDocs' Config objects
        return "{" + ",".join(sorted(f"{stable(k)}:{stable(v)}" for k, v in value.items())) + "}"
    if isinstance(value, functools.partial):
        return f"partial({stable(value.func)},{stable(value.args)},{stable(value.keywords)})"
    if hasattr(value, "__code__"):
        return stable_function(value)
    if hasattr(value, "co_code"):
        return stable_code(value)
    if hasattr(value, "getConfigs"):  # a Markdown extension given as an object
        return f"{type(value).__module__}.{type(value).__qualname__}{stable(value.getConfigs())}"
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"


def stable_function(func) -> str:
    """Return a function's name, a hash of its code and the values it closes over or defaults to."""
    cells = [cell.cell_contents for cell in (func.__closure__ or ())]
    name = f"{func.__module__}.{func.__qualname__}"
    return f"{name}#{stable_code(func.__code__)}({stable(cells)},{stable(func.__defaults__)})"


def stable_code(code) -> str:
    """Return a hash of a code object's bytecode, constants (nested code, sets in any order) and names."""
    text = f"{code.co_code.hex()}|{stable(code.co_consts)}|{code.co_names}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def digest(*parts: str) -> str:
    """Return the cache key of some texts (the generator's code and the package versions included)."""
    h = hashlib.sha256()
    for part in (generator_fingerprint(), package_versions(), *parts):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()
