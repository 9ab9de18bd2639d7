"""Property: for any mix of good and bad report files, a build exits 0 or 1, every good report is on the
site, and nothing changes outside the site folder, docs/ and the cache."""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import socket
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator import cli
from projectcopy import ROOT, copy_project

pytestmark = pytest.mark.slow

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
WRITTEN = ("site", "docs", ".cache")  # what a build may change, besides its own leftovers beside site/

# Good reports: a real seed, as it is or with hostile text added (each still a report to build).
EXTRAS = ["", "\n全年完成工业产值" + "9" * 309 + "亿元。", "\n<script>alert(1)</script>=HYPERLINK(\"x\")",
          "\n行\u2028分\u0085隔，财政收入12亿元。", "\n" + "增长" * 2000]


def bad_file(path: Path, kind: str, outside: Path) -> None:
    """Create a report entry at path that the build must refuse."""
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "symlink":
        path.symlink_to(outside)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_bytes(b"\xe5\x8f\xa3" * (4 * 1024 * 1024))


names = st.text(alphabet="abc镇 \n-_.", min_size=1, max_size=8).filter(lambda s: s.strip(". \n") == s.strip())
good = st.tuples(st.sampled_from(range(len(SEEDS))), st.sampled_from(EXTRAS))
bad = st.sampled_from(["empty", "binary", "symlink", "fifo", "socket", "folder", "huge"])


def snapshot(root: Path, work: Path) -> dict[str, tuple]:
    """Return every entry under root outside what a build in work writes: type, size and content hash,
    never following a link or opening a special file."""
    seen = {}
    for folder, dirs, files in os.walk(root):
        if Path(folder) == work:
            dirs[:] = [d for d in dirs if d not in WRITTEN and not d.startswith(".site.")]
        for name in files + dirs:
            path = Path(folder) / name
            st_ = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(st_.st_mode) else ""
            seen[str(path.relative_to(root))] = (stat.S_IFMT(st_.st_mode), st_.st_size, digest)
    return seen


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # shrinking whole builds takes many minutes
@given(goods=st.lists(st.tuples(names, good), min_size=1, max_size=3, unique_by=lambda g: g[0]),
       bads=st.lists(st.tuples(names, bad), max_size=3, unique_by=lambda b: b[0]))
def test_any_mix_of_good_and_bad_reports_builds_every_good_one_and_touches_nothing_else(goods, bads):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "project").mkdir()
        work = copy_project(root / "project", seeds=False)
        outside = root / "secret.txt"
        outside.write_text("秘密", encoding="utf-8")
        sources = set()
        for number, (name, (seed, extra)) in enumerate(goods):
            path = work / "seeds" / f"good {name}.txt"  # a line of its own each: two equal texts are read once
            path.write_text(SEEDS[seed].read_text(encoding="utf-8") + extra + f"\n第{number}份", encoding="utf-8")
            sources.add(f"seeds/good {name}.txt")
        for name, kind in bads:
            bad_file(work / "seeds" / f"bad {name}.txt", kind, outside)
        before = snapshot(root, work)
        status, err = build(work)
        refused = [kind for _, kind in bads if kind != "folder"]  # a folder named x.txt is no report: skipped
        assert status == (1 if refused else 0), err[-3000:]
        assert snapshot(root, work) == before
        doc = json.loads((work / "site" / "data" / "facts.json").read_text(encoding="utf-8"),
                         parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
        assert {r["meta"]["source"] for r in doc["reports"]} == sources
        for report in doc["reports"]:
            assert (work / "site" / "towns" / report["meta"]["slug"] / "index.html").is_file()
        assert not any("秘密".encode() in p.read_bytes() for p in (work / "site").rglob("*") if p.is_file())


def build(work: Path) -> tuple[int, str]:
    """Return the status and stderr of `townfacts build` run in work (in this process)."""
    here, err = Path.cwd(), io.StringIO()
    os.chdir(work)
    try:
        with contextlib.redirect_stderr(err):
            status = cli.main(["build"])
    finally:
        os.chdir(here)
    return status, err.getvalue()
