"""Copies of the project for tests that build whole sites, and running the CLI in them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
