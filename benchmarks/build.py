"""Benchmark: time per stage of a full build of a folder of reports (default: seeds/).

usage: python benchmarks/build.py [--seeds DIR] [--runs N]

Builds in a temporary copy of the project: N cold builds (on-disk and in-process caches emptied
before each) and one warm build (caches kept, nothing changed), printing seconds per stage and their
median. Not a test: figures depend on the machine. The first cold run also pays one-off start-up
(jieba's dictionary, vl-convert's runtime).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

start = time.perf_counter()
from generator import build  # noqa: E402
from generator.site.reports import MEMORY_CACHE  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from scale import make_project  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - start


def run_once(seeds: Path, project: Path) -> dict[str, float]:
    """Return seconds per stage of one build, plus its wall time."""
    start = time.perf_counter()
    result = build.build_site(seeds, project / "site", project / "mkdocs.yml", progress=lambda _msg: None)
    stages = dict(result.timings)
    stages["wall"] = time.perf_counter() - start
    return stages


def line(label: str, stages: dict[str, float]) -> str:
    """Return one printed line of stage timings."""
    return f"{label:10} " + " · ".join(f"{k} {v:.3f} s" for k, v in stages.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"import generator (altair, jinja2, yaml …): {IMPORT_SECONDS:.2f} s")
    cold = []
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project", ROOT / "generator")
        for i in range(args.runs):
            shutil.rmtree(project / ".cache", ignore_errors=True)
            MEMORY_CACHE.memory.clear()
            cold.append(run_once(args.seeds.resolve(), project))
            print(line(f"cold {i + 1}", cold[-1]))
        print(line("warm", run_once(args.seeds.resolve(), project)))
    keys = [k for k in cold[-1] if all(k in r for r in cold)]
    print(line("median", {k: statistics.median(r[k] for r in cold) for k in keys}))


if __name__ == "__main__":
    main()
