"""Benchmark: time per stage of a full build of a folder of reports (default: seeds/).

usage: python benchmarks/build.py [--seeds DIR] [--runs N]

Prints the stages of each run (cold: empty in-process cache; later runs: warm) and the median.
Not a test: figures depend on the machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build  # noqa: E402


def run_once(seeds: Path, out: Path) -> dict[str, float]:
    """Return seconds per stage of one build (plus wall time)."""
    start = time.perf_counter()
    result = build.build_site(seeds, out, ROOT / "mkdocs.yml", progress=lambda _msg: None)
    stages = dict(result.timings)
    stages["wall"] = time.perf_counter() - start
    return stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    import jieba  # noqa: F401  (import cost reported separately: MkDocs' search pays it once per process)
    print(f"import jieba/mkdocs/altair: {time.perf_counter() - start:.2f} s")
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            build._REPORT_CACHE.clear() if i == 0 else None
            stages = run_once(args.seeds, Path(tmp) / "site")
            runs.append(stages)
            label = "cold" if i == 0 else "warm"
            print(f"run {i + 1} ({label}): " + " · ".join(f"{k} {v:.3f} s" for k, v in stages.items()))
    print("median: " + " · ".join(f"{k} {statistics.median(r[k] for r in runs):.3f} s" for k in runs[0]))


if __name__ == "__main__":
    main()
