"""Shared test fixtures: the project root, and `--update-goldens` to refresh golden files."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from projectcopy import ROOT, copy_project  # shared with the tests that build sites

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


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """Return the project copy after `mkdocs build --strict` ran in it."""
    work = copy_project(tmp_path_factory.mktemp("project"))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work,
                          capture_output=True, text=True, timeout=600,
                          # Material's index is what these tests read (the offline bundle's search; Pagefind's
                          # is checked in the browser, tests/browser/)
                          env={**os.environ, "PYTHONHASHSEED": "0", "TOWNFACTS_PAGEFIND": "0"})
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert not re.search(r"^WARNING", proc.stderr, re.M), proc.stderr[-4000:]
    return work / "site"


