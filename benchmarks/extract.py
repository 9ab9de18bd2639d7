"""Extraction throughput: characters per second of normalize and of extract, after jieba/pypinyin start-up.

Run from the repository: ``python benchmarks/extract.py``. Reads the two seeds and, when present, the
21 shared real reports in ../shared/corpus and ../shared/corpus/series, and prints totals for all and for
those 21; start-up (loading jieba's dictionary, pypinyin) is timed on its own.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.read.extract import extract_report  # noqa: E402
from generator.read.normalize import read_text  # noqa: E402

REPEAT = 3


def files() -> list[Path]:
    """Return the seeds and, when the shared corpus is there, its reports and its series."""
    corpus = ROOT.parent / "shared" / "corpus"
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted(corpus.glob("*.txt")) + sorted(corpus.glob("series/*.txt"))


def warm_up() -> float:
    """Return the seconds jieba's dictionary and tagger and pypinyin take to load, as extraction loads them."""
    from pypinyin import lazy_pinyin

    from generator.read.segment import load_jieba, load_posseg

    start = time.perf_counter()
    load_jieba()
    load_posseg()
    lazy_pinyin("织里")
    return time.perf_counter() - start


def best_of(func, repeat: int = REPEAT) -> tuple[float, float, object]:
    """Return (fastest wall seconds, fastest CPU seconds of this process, result) of ``repeat`` calls of ``func``
    (on a machine shared with other work, CPU time is the steadier figure)."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func()
        wall, cpu = min(wall, time.perf_counter() - start), min(cpu, time.process_time() - start_cpu)
    return wall, cpu, result


def main() -> None:
    """Print characters, facts and throughput per file and in total."""
    startup = warm_up()
    paths = files()
    extract_report(read_text(paths[0]))  # caches: data files, tagger, first-use imports
    print(f"start-up (jieba's dictionary and tagger, pypinyin): {startup:.2f} s")
    print(f"{'file':28} {'chars':>7} {'facts':>6} {'ents':>5} {'normalize c/s':>14} {'extract c/s':>12}")
    rows = []
    for path in paths:
        t_norm, cpu_norm, clean = best_of(lambda: read_text(path))
        t_ext, cpu_ext, report = best_of(lambda: extract_report(clean))
        row = (len(clean.original), len(report.facts), len(report.entities), t_norm, t_ext, cpu_norm, cpu_ext)
        print(f"{path.name:28} {row[0]:7d} {row[1]:6d} {row[2]:5d} {row[0] / t_norm:14,.0f} {row[0] / t_ext:12,.0f}")
        rows.append((path, row))
    shared = [row for path, row in rows if "shared" in path.parts]
    for label, chosen in (("total", [row for _, row in rows]), (f"the {len(shared)} shared reports", shared)):
        if chosen:
            chars, facts, ents, t_norm, t_ext, cpu_norm, cpu_ext = (sum(column) for column in zip(*chosen))
            print(f"{label:28} {chars:7d} {facts:6d} {ents:5d} {chars / t_norm:14,.0f} {chars / t_ext:12,.0f}"
                  f"   (normalize + extract: {chars / (t_norm + t_ext):,.0f} chars/s; per CPU second: extract "
                  f"{chars / cpu_ext:,.0f}, both {chars / (cpu_norm + cpu_ext):,.0f})")
    print(f"total time: normalize {sum(r[3] for _, r in rows) * 1000:.0f} ms, "
          f"extract {sum(r[4] for _, r in rows) * 1000:.0f} ms (best of {REPEAT})")


if __name__ == "__main__":
    main()
