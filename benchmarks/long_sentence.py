"""Long-sentence benchmark: seconds to read a report that is one sentence of realistic clauses.

usage: python benchmarks/long_sentence.py [--bytes 1000000] [--profile]

Builds a report from the clauses of the seed reports (split at ，；。, numbers and all), joined by
'，' with no sentence end until the text reaches --bytes of UTF-8 (1 MB by default; the site refuses
files over 10 MB), then times cleaning (normalize) and reading (extract_report) it once. Also times a
40,000-character sentence of the same clauses. Goal: the 1 MB sentence reads in under 10 s, i.e. no
step rescans a sentence from its start for each clause. --profile prints the top functions under
cProfile. Not a test: figures depend on the machine.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.read.extract import extract_report  # noqa: E402
from generator.read.normalize import clean_string  # noqa: E402
from generator.read.segment import load_jieba, load_posseg  # noqa: E402

GOAL_SECONDS = 10.0


def clauses() -> list[str]:
    """Return the clauses of the seed reports that hold a number, in order."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    parts = (c.strip() for c in re.split(r"[，；。！？!?\n]", text))
    return [c for c in parts if re.search(r"\d", c)]


def long_sentence(size: int, unit: str = "bytes") -> str:
    """Return one sentence of repeated clauses, ``size`` UTF-8 bytes (or characters) long, ending in 。."""
    pool, out, length, i = clauses(), [], 0, 0
    while length < size:
        clause = pool[i % len(pool)]
        out.append(clause)
        length += len((clause + "，").encode("utf-8")) if unit == "bytes" else len(clause) + 1
        i += 1
    return "各位代表：\n" + "，".join(out) + "。\n"


def timed(text: str) -> tuple[float, float, int]:
    """Return (normalize seconds, extract seconds, facts) of reading ``text`` once."""
    start = time.perf_counter()
    clean = clean_string(text)
    middle = time.perf_counter()
    report = extract_report(clean)
    return middle - start, time.perf_counter() - middle, len(report.facts)


def main() -> None:
    """Print the time to read a 40,000-character sentence and a --bytes sentence."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1_000_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    load_jieba()
    load_posseg()
    timed("全年完成固定资产投资80亿元，增长2.8%。")  # first-use caches
    for label, text in (("40,000 characters", long_sentence(40_000, "chars")),
                        (f"{args.bytes:,} bytes", long_sentence(args.bytes))):
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(timed, text)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        t_norm, t_ext, facts = timed(text)
        total = t_norm + t_ext
        print(f"one sentence of {label} ({len(text):,} characters, {facts:,} facts): normalize {t_norm:.2f} s, "
              f"extract {t_ext:.2f} s, total {total:.2f} s ({len(text) / total:,.0f} chars/s)")
    print(f"goal: the {args.bytes:,}-byte sentence in under {GOAL_SECONDS:.0f} s: {'met' if total < GOAL_SECONDS else 'NOT met'}")


if __name__ == "__main__":
    main()
