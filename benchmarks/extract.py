"""Extraction throughput: characters per second of normalize and of extract, after jieba/pypinyin start-up.

Run from the repository: ``python benchmarks/extract.py``. Reads the two seeds and, when present, the
corpus in ../shared/corpus; start-up (loading jieba's dictionary, pypinyin) is timed on its own.
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
    """Return the seeds and, when the corpus is there, its reports."""
    corpus = ROOT.parent / "shared" / "corpus"
    return sorted((ROOT / "seeds").glob("*.txt")) + (sorted(corpus.glob("*.txt")) if corpus.is_dir() else [])


def warm_up() -> float:
    """Return the seconds jieba's dictionary and tagger and pypinyin take to load, as extraction loads them."""
    from pypinyin import lazy_pinyin

    from generator.read.segment import load_jieba, load_posseg

    start = time.perf_counter()
    load_jieba()
    load_posseg()
    lazy_pinyin("织里")
    return time.perf_counter() - start


def best_of(func, repeat: int = REPEAT) -> tuple[float, object]:
    """Return (fastest seconds, result) of calling ``func`` ``repeat`` times."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    """Print characters, facts and throughput per file and in total."""
    startup = warm_up()
    paths = files()
    extract_report(read_text(paths[0]))  # caches: data files, tagger, first-use imports
    print(f"start-up (jieba's dictionary and tagger, pypinyin): {startup:.2f} s")
    print(f"{'file':28} {'chars':>7} {'facts':>6} {'ents':>5} {'normalize c/s':>14} {'extract c/s':>12}")
    totals = [0, 0, 0, 0.0, 0.0]
    for path in paths:
        t_norm, clean = best_of(lambda: read_text(path))
        t_ext, report = best_of(lambda: extract_report(clean))
        chars = len(clean.original)
        print(f"{path.name:28} {chars:7d} {len(report.facts):6d} {len(report.entities):5d} {chars / t_norm:14,.0f} {chars / t_ext:12,.0f}")
        totals = [totals[0] + chars, totals[1] + len(report.facts), totals[2] + len(report.entities),
                  totals[3] + t_norm, totals[4] + t_ext]
    chars, facts, ents, t_norm, t_ext = totals
    print(f"{'total':28} {chars:7d} {facts:6d} {ents:5d} {chars / t_norm:14,.0f} {chars / t_ext:12,.0f}")
    print(f"total time: normalize {t_norm * 1000:.0f} ms, extract {t_ext * 1000:.0f} ms (best of {REPEAT})")


if __name__ == "__main__":
    main()
