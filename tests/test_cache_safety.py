"""Caches are disposable: an entry that cannot be loaded, fails its checksum, holds another key or the
wrong type is discarded and rebuilt; a cache path of the wrong type is replaced; the build never fails
because of the cache and never serves a wrong page from it."""
from __future__ import annotations

import json
import pickle
import random
import shutil
from pathlib import Path

import pytest

from generator.support.cache import PickleCache
from projectcopy import copy_project, townfacts

ENV = {"SOURCE_DATE_EPOCH": "1700000000", "TOWNFACTS_PAGEFIND": "0"}  # Material's search: its entries are cached


def corruptions(path: Path, rng: random.Random) -> dict:
    """Return named ways to spoil the cache file at path, each a function of no arguments."""
    data = path.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x20
    return {
        "random bytes": lambda: path.write_bytes(rng.randbytes(len(data))),
        "flipped byte": lambda: path.write_bytes(bytes(flipped)),
        "truncated": lambda: path.write_bytes(data[: len(data) // 3]),
        "empty": lambda: path.write_bytes(b""),
        "pickle of the wrong type": lambda: path.write_bytes(pickle.dumps({"not": "a report"})),
        "a folder": lambda: (path.unlink(), path.mkdir()),
    }


@pytest.mark.parametrize("how", ["random bytes", "flipped byte", "truncated", "empty", "pickle of the wrong type",
                                 "a folder"])
def test_a_bad_entry_reads_as_a_miss_and_is_replaced(tmp_path, how):
    cache = PickleCache(tmp_path / ".cache" / "c", remember=False, kind=list)
    cache.put("k", ["value"])
    (path,) = (tmp_path / ".cache" / "c").glob("k*")
    corruptions(path, random.Random(0))[how]()
    assert cache.get("k") is None
    cache.put("k", ["value"])
    assert cache.get("k") == ["value"]


def test_two_valid_entries_swapped_are_both_discarded(tmp_path):
    """Swapped page-cache entries used to give a wrong page with exit 0, surviving rebuilds."""
    cache = PickleCache(tmp_path / "c", remember=False)
    cache.put("a", "page a")
    cache.put("b", "page b")
    a, b = tmp_path / "c" / "a.pickle", tmp_path / "c" / "b.pickle"
    data_a, data_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(data_b)
    b.write_bytes(data_a)
    assert cache.get("a") is None and cache.get("b") is None
    assert not a.exists() and not b.exists()


def test_a_cache_folder_replaced_by_a_file_is_replaced(tmp_path):
    folder = tmp_path / ".cache" / "townfacts" / "pages"
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder", encoding="utf-8")
    cache = PickleCache(folder, remember=False)
    assert cache.get("k") is None
    cache.put("k", 1)
    assert cache.get("k") == 1


def test_a_cache_put_that_the_disk_refuses_does_not_fail(tmp_path):
    folder = tmp_path / "outside-any-cache"
    folder.write_text("a file the cache must not delete", encoding="utf-8")
    cache = PickleCache(folder / "sub", remember=False)
    cache.put("k", 1)  # cannot write there: a miss next time, never an error
    assert cache.get("k") is None
    assert folder.read_text(encoding="utf-8") == "a file the cache must not delete"


def site_bytes(site: Path) -> dict[str, bytes]:
    """Return every file of a site by its relative path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_build_over_every_kind_of_broken_cache_succeeds_and_equals_a_clean_build(tmp_path):
    (tmp_path / "w").mkdir()
    work = copy_project(tmp_path / "w")
    assert townfacts(work, "build", env=ENV).returncode == 0
    clean = site_bytes(work / "site")
    cache = work / ".cache" / "townfacts"
    rng = random.Random(17)
    entries = sorted(p for p in cache.rglob("*.pickle"))
    assert len(entries) > 20
    for path in sorted(cache.glob("mkdocs/jinja-*/*")):  # compiled templates: a flipped byte crashed Python
        data = bytearray(path.read_bytes())
        data[len(data) * 2 // 3] ^= 0x41
        path.write_bytes(bytes(data))
    for i, path in enumerate(entries):
        spoil = corruptions(path, rng)
        list(spoil.values())[i % len(spoil)]()
    pages = sorted((cache / "mkdocs" / "pages").glob("*.pickle"))
    swapped = [p for p in pages if p.is_file()][:2]
    data = [p.read_bytes() for p in swapped]
    swapped[0].write_bytes(data[1])
    swapped[1].write_bytes(data[0])
    (cache / "site-state.json").write_text(json.dumps({str((work / "site").resolve()): []}), encoding="utf-8")
    for folder in (cache / "mkdocs" / "search", cache / "reports"):
        shutil.rmtree(folder)
        folder.write_text("a file where the cache folder was", encoding="utf-8")
    proc = townfacts(work, "--verbose", "build", "--force", env=ENV)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "discarded" in proc.stderr
    assert site_bytes(work / "site") == clean
    again = townfacts(work, "build", "--force", env=ENV)  # the rebuilt entries serve the same site
    assert again.returncode == 0 and site_bytes(work / "site") == clean


@pytest.mark.slow
def test_a_cache_root_that_is_a_file_does_not_fail_the_build(tmp_path):
    work = copy_project(tmp_path)
    (work / ".cache").write_text("not a folder", encoding="utf-8")
    proc = townfacts(work, "build", env=ENV)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (work / "site" / "index.html").is_file() and (work / ".cache" / "townfacts").is_dir()
