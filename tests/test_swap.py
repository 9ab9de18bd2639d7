"""The swap of the site folder leaves a complete site at every instant, and a build killed during it is
completed or undone at the next start."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.site import run
from projectcopy import ROOT, copy_project, townfacts

MARKER = ".townfacts-site"
SEED = ROOT / "seeds" / "001_56a725257718ee95.txt"


def site(folder: Path, text: str) -> Path:
    """Return a small complete site folder (marker, index page, one nested page) holding text."""
    (folder / "towns").mkdir(parents=True)
    (folder / MARKER).write_text("", encoding="utf-8")
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "towns" / "a.html").write_text(text, encoding="utf-8")
    return folder


def test_the_site_folder_is_complete_at_every_step_of_the_swap(tmp_path, monkeypatch):
    """A kill between the two renames used to leave no site folder at all."""
    target = site(tmp_path / "site", "old")
    new = site(tmp_path / ".site.new", "new")
    seen = []

    def checked(original):
        def call(*args, **kwargs):
            result = original(*args, **kwargs)
            seen.append((target / "index.html").read_text(encoding="utf-8") if target.is_dir() else None)
            return result
        return call

    monkeypatch.setattr(Path, "rename", checked(Path.rename))
    monkeypatch.setattr(os, "rename", checked(os.rename))
    if hasattr(run, "exchange"):
        monkeypatch.setattr(run, "exchange", checked(run.exchange))
    run.swap_in(new, target)
    assert seen and None not in seen, seen
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


class Killed(BaseException):
    """Stands for kill -9 in the middle of a build."""


@pytest.mark.parametrize("renames_before_kill, expected", [(0, "old"), (1, "new"), (2, "new")])
def test_a_swap_killed_between_renames_is_completed_or_undone_at_the_next_start(tmp_path, monkeypatch,
                                                                                 renames_before_kill, expected):
    target = site(tmp_path / "site", "old")
    new = site(tmp_path / ".site.new", "new")
    monkeypatch.setattr(run, "exchange", lambda a, b: False, raising=False)  # a system without atomic swap
    original, count = Path.rename, []

    def rename(self, to):
        if len(count) == renames_before_kill:
            raise Killed
        count.append(to)
        return original(self, to)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(Killed):
        run.swap_in(new, target)
        raise Killed  # finished before the kill
    monkeypatch.setattr(Path, "rename", original)
    run.recover_site(target)
    assert (target / "index.html").read_text(encoding="utf-8") == expected
    assert (target / "towns" / "a.html").read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_recovery_never_takes_a_half_built_or_foreign_folder(tmp_path):
    target = tmp_path / "site"
    (tmp_path / ".site.building").mkdir()
    (tmp_path / ".site.building" / MARKER).write_text("", encoding="utf-8")  # MkDocs was still writing
    assert run.recover_site(target) is None
    assert not target.exists() and not (tmp_path / ".site.building").exists()
    foreign = tmp_path / ".site.old"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    run.recover_site(target)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "mine" and not target.exists()


@pytest.mark.slow
def test_the_next_build_restores_the_site_a_killed_build_moved_aside(tmp_path):
    work = copy_project(tmp_path, seeds=False)
    (work / "seeds" / "a.txt").write_bytes(SEED.read_bytes())
    assert townfacts(work, "build").returncode == 0
    (work / "site").rename(work / ".site.old")  # killed right after moving the old site aside
    proc = townfacts(work, "build")
    assert proc.returncode == 0, proc.stderr
    assert f"{work / 'site'}: restored from .site.old" in proc.stderr
    assert "Site is up to date" in proc.stderr  # the very site that build recorded: nothing to build
    assert (work / "site" / "towns" / "wuxing-zhili" / "2021" / "index.html").is_file()
    assert not (work / ".site.old").exists()


def test_a_site_folder_removed_halfway_is_still_recognised_as_the_builds(tmp_path, monkeypatch):
    """Found by benchmarks/soak.py: a build killed while deleting .site.old left a folder without its
    marker, which every later build refused as not a townfacts site."""
    from generator.site.run import check_site_dir, remove_site

    old = site(tmp_path / ".site.old", "old")
    for i in range(20):
        (old / f"page{i}.html").write_text("x", encoding="utf-8")
    original, calls = Path.unlink, []

    def unlink(self, missing_ok=False):
        if len(calls) == 5:
            raise Killed
        calls.append(self)
        return original(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(Killed):
        remove_site(old)
    monkeypatch.setattr(Path, "unlink", original)
    assert (old / MARKER).is_file()
    check_site_dir(tmp_path / "site", tmp_path / "state.json")  # the leftover is still the build's own
    run.recover_site(tmp_path / "site")
    assert not old.exists()
