"""Incremental builds: a report is re-read only when it changes; a chart is rendered once per spec."""
from __future__ import annotations

import shutil
from pathlib import Path

from generator import reading
from generator.build import Timings, read_reports
from generator.reading import PickleCache

ROOT = Path(__file__).resolve().parent.parent


def test_rebuild_after_changing_one_report_rereads_only_that_report(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(p, seeds / p.name)
    calls = []
    real = reading.extract_file
    monkeypatch.setattr(reading, "extract_file", lambda path: (calls.append(path.name), real(path))[1])
    paths = sorted(seeds.glob("*.txt"))

    first = read_reports(paths, Timings(), lambda _: None, cache=PickleCache(tmp_path / "cache"))
    assert len(calls) == 2 and not first.errors
    changed = paths[1]
    changed.write_text(changed.read_text(encoding="utf-8").replace("181亿元", "182亿元"), encoding="utf-8")
    calls.clear()
    second = read_reports(paths, Timings(), lambda _: None, cache=PickleCache(tmp_path / "cache"))  # new process
    assert calls == [changed.name]
    assert any(f.value == 182 for r in second.reports for f in r.facts)
