"""The `townfacts` command: help on every subcommand, the facts contract, one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
KINDS = {"actual", "target", "estimate", "share", "rank"}


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["facts", "--help"], ["serve", "--help"], ["translate", "--help"]])
def test_every_command_has_help(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    assert "usage: townfacts" in capsys.readouterr().out


def check_contract(doc: dict) -> None:
    """Assert that a facts document follows the townfacts.report/1 contract."""
    assert doc["schema"] == "townfacts.report/1"
    meta = doc["meta"]
    for key in ("place", "place_en", "slug", "level", "district", "city", "province", "doc_type", "title",
                "meeting", "date", "year", "speaker", "speaker_title", "period_covered", "source", "sha256"):
        assert key in meta, key
    assert isinstance(meta["place"], str) and meta["place"]
    assert len(meta["sha256"]) == 64
    ids = set()
    for fact in doc["facts"]:
        assert isinstance(fact["indicator"], str) and fact["indicator"]
        assert isinstance(fact["value"], (int, float))
        assert fact["unit"] is None or isinstance(fact["unit"], str)
        assert fact["growth_pct"] is None or isinstance(fact["growth_pct"], (int, float))
        assert fact["period"] is None or isinstance(fact["period"], str)
        assert fact["kind"] in KINDS
        assert isinstance(fact["source"]["quote"], str) and fact["source"]["quote"]
        assert isinstance(fact["source"]["line"], int) and fact["source"]["line"] >= 1
        assert fact["id"] not in ids
        ids.add(fact["id"])


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_facts_prints_the_contract(seed):
    proc = subprocess.run([sys.executable, "-m", "generator", "facts", str(seed)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    check_contract(doc)
    assert len(doc["facts"]) >= 40
    lines = seed.read_text(encoding="utf-8").splitlines()
    for fact in doc["facts"]:
        squashed = "".join(lines[fact["source"]["line"] - 1:]).replace(" ", "")
        assert fact["source"]["quote"].replace(" ", "")[:4] in squashed[:400], fact


def test_missing_file_is_one_line_error(capsys):
    assert main(["facts", "seeds/does-not-exist.txt"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: seeds/does-not-exist.txt") and "\n" not in err
