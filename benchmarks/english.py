"""English coverage on real reports: the share of indicator names, section headings, values (with their units) and entity names with English and no
Han character, over the 21 real reports in ../shared/corpus and ../shared/corpus/series, read as a new user
would (glossary and dictionary only, no translation memory).

Run from the repository: ``python benchmarks/english.py [--sample N] [--seed S] [--names FILE]``; ``--sample``
prints N indicator names composed by the dictionary (chosen at random with the seed) with their Chinese;
``--names`` prints the English and origin of the names listed in FILE (one Chinese name a line, e.g. an
earlier sample's), so a judged sample can be read again after the rules change.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.english.entities import entity_en  # noqa: E402
from generator.english.indicators import indicator_origin  # noqa: E402
from generator.english.structure import compose_headings, translate_report  # noqa: E402
from generator.pages.format import format_value_en  # noqa: E402
from generator.read.extract import extract_report  # noqa: E402
from generator.read.normalize import read_text  # noqa: E402

HAN = re.compile(r"[\u3400-\u9fff]")


def files() -> list[Path]:
    """Return the real reports of the shared corpus (none when it is absent)."""
    corpus = ROOT.parent / "shared" / "corpus"
    return sorted(corpus.glob("*.txt")) + sorted((corpus / "series").glob("*.txt"))


def english(text: str | None) -> bool:
    """Return True if ``text`` is English: set, and without a Han character."""
    return bool(text) and not HAN.search(text)


def share(pairs: list[tuple[str, str | None]]) -> tuple[int, int]:
    """Return (with English, total) over (Chinese, English) pairs."""
    return sum(english(en) for _, en in pairs), len(pairs)


def main() -> int:
    """Print the coverage per report and overall, and a seeded sample of dictionary-composed names."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--names", type=Path)
    args = parser.parse_args()
    names, heads, units, entities, composed, origins = [], [], [], [], set(), {}
    for path in files():
        report = compose_headings(translate_report(extract_report(read_text(path))))
        n = [(f.indicator, f.indicator_en) for f in report.facts if f.indicator]
        h = [(s.title, s.title_en) for s in report.sections]
        composed |= {(f.indicator, f.indicator_en) for f in report.facts
                     if f.indicator and indicator_origin(f.indicator) == "dictionary"}
        names += n
        origins.update((f.indicator, (f.indicator_en, indicator_origin(f.indicator))) for f in report.facts)
        entities += sorted({(e.name, entity_en(e.kind, e.name)) for e in report.entities})
        units += [(f.unit, format_value_en(f.value, f.unit, f.qualifier, f.indicator)) for f in report.facts]
        heads += h
        print(f"{path.name:24} names {share(n)[0]:4}/{share(n)[1]:<4} headings {share(h)[0]:3}/{share(h)[1]:<3}")
    for label, pairs in (("indicator names", names), ("section headings", heads), ("values with units", units),
                         ("entity names", entities)):
        done, total = share(pairs)
        print(f"{label}: {done}/{total} = {done / max(total, 1):.1%} have English without Han characters")
    print("units still in Chinese:", " ".join(sorted({zh for zh, en in units if not english(en)})) or "none")
    missing = sorted({zh for zh, en in names if not english(en)})
    print(f"names still without English ({len(missing)} distinct):", " ".join(missing[:40]))
    for zh, en in random.Random(args.seed).sample(sorted(composed), min(args.sample, len(composed))):
        print(f"  {zh} → {en}")
    for zh in args.names.read_text(encoding="utf-8").split("\n") if args.names else ():
        if zh.strip():
            en, origin = origins.get(zh.strip(), (None, None))
            print(f"  {zh.strip()} → {en} [{origin or 'not in the reports'}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
