"""Shared test fixtures: the project root, and `--update-goldens` to refresh golden files."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/* from the current output (review the diff before committing)")


@pytest.fixture
def update_goldens(request) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def root() -> Path:
    return ROOT


def copy_project(work: Path, seeds: bool = True) -> Path:
    """Return a copy of the project's inputs (config, hand-written docs, memory, seeds) in work/."""
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    if seeds:
        shutil.copytree(ROOT / "seeds", work / "seeds")
    else:
        (work / "seeds").mkdir()
    shutil.copytree(ROOT / "translations", work / "translations")
    shutil.copytree(ROOT / "docs", work / "docs",
                    ignore=shutil.ignore_patterns("index.md", "index.en.md", "compare*.md", "data*.md", "towns",
                                                  "vendor", "charts", "data"))
    (work / "generator").symlink_to(ROOT / "generator")
    return work


def townfacts(work: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Return the finished `python -m generator ARGS` run in work/."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=work, capture_output=True, text=True,
                          timeout=600, env={**os.environ, **(env or {})})


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """Return the project copy after `mkdocs build --strict` ran in it."""
    work = copy_project(tmp_path_factory.mktemp("project"))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work,
                          capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert not re.search(r"^WARNING", proc.stderr, re.M), proc.stderr[-4000:]
    return work / "site"


