"""Scale benchmark: cold build, warm rebuild and one-report rebuild of N synthetic reports.

usage: python benchmarks/scale.py [--sizes 100,500,2000] [--province largest|NAME|""] [--force-run]
                                 [--seed 0] [--profile-size 500] [--keep DIR]

For every N, writes N synthetic reports (benchmarks/synthetic.py) and a fresh copy of the project
(mkdocs.yml, hand-written docs, translations/, generator/ symlinked; no docs/ output, no
.cache/townfacts, no site/), then runs `python -m generator build --seeds DIR --out SITE` in a
subprocess: cold (fresh process, empty project caches), warm (same command, nothing changed: MkDocs
is skipped as the site is up to date), with --force-run warm --force (nothing changed, MkDocs runs
anyway), and after changing one figure in one report. The towns are those of one province (default: the
one with the most towns, about 1,000; beyond that each town gets a second year), as on a province's
site; --province "" draws them from all of China. Each run's wall time, its "Time per stage:" and
"Peak memory by stage:" lines (stderr), its largest process's peak RSS (os.wait4 rusage) and the peak
memory of its whole process tree (worker processes included: summed PSS, sampled from /proc every
0.2 s) are collected into Markdown tables, then checked against the goals:

  * generator stages (everything but mkdocs) ≤ 25 % of a cold build's wall time
  * warm rebuild ≤ 35 % of the cold build's wall time
  * peak memory ≤ 1 GB at N = 500, ≤ 2 GB at N = 2,000; cold build ≤ 15 min at N = 2,000
  * the average fact sheet's HTML at the largest N within 10 % of the smallest N's (issue 18)

After the runs, each N's site is measured: the average size of a fact sheet's HTML (towns/<place>/<year>/,
both languages) and of its primary nav, and the bytes the first search query transfers per language
(benchmarks/search_bytes.py: Chromium opens the language's home page and searches once; goal ≤ 1 MB).
The sites use Pagefind when the project has it (`npm ci`: node_modules/ is linked into the copy), else
Material's search.

For --profile-size (default: the largest N run), the build is run once more (--force) under cProfile and the
top cumulative functions of MkDocs, Material, i18n, Jinja2 and Markdown are printed, with the average
size of a generated HTML page and of its primary navigation (<nav class="md-nav md-nav--primary">).
Not a test: figures depend on the machine. The interpreter's own caches (__pycache__ of generator/,
jieba's dictionary cache in the temp folder) are shared with earlier runs.
"""
from __future__ import annotations

import argparse
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_corpus  # noqa: E402

GOAL_GENERATOR_SHARE = 0.25
GOAL_WARM_SHARE = 0.35
GOAL_PEAK_MB = 1024
GOAL_PEAK_MB_2000 = 2048
GOAL_COLD_S_2000 = 15 * 60
GOAL_FACT_SHEET_GROWTH = 0.10
GOAL_FIRST_QUERY_BYTES = 1_000_000  # per language (issue 18)
PROFILE_FILTER = re.compile(r"mkdocs|material|i18n|jinja2|markdown", re.I)
STAGES_LINE = re.compile(r"Time per stage: (.*)$", re.M)
MEMORY_LINE = re.compile(r"Peak memory by stage: (.*)$", re.M)


@dataclass
class Run:
    """One build: what it was, how long it took, per stage, and its peak memory."""

    n: int
    label: str
    wall: float
    stages: dict[str, float]
    peak_mb: float
    status: int
    stderr_tail: str = ""
    extra: dict = field(default_factory=dict)
    tree_mb: float = 0.0  # peak of the build's whole process tree (worker processes included), summed PSS
    stage_mb: dict[str, float] = field(default_factory=dict)  # the build's own report: peak MB when each stage ended

    @property
    def mkdocs(self) -> float:
        return self.stages.get("mkdocs", 0.0)

    @property
    def generator(self) -> float:
        return sum(v for k, v in self.stages.items() if k not in ("mkdocs", "total"))


def snapshot_generator(dest: Path, live: bool) -> str:
    """Put the generator/ package at dest: a symlink to the working tree (live) or, by default, a copy of
    generator/ as committed at HEAD (so edits made while the benchmark runs change neither the code nor
    the report cache's fingerprint between the cold and the warm run). Return what was used."""
    if live:
        dest.symlink_to(ROOT / "generator")
        return "working tree (symlink)"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD", "generator"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest.parent)], input=archive, check=True)
    return f"HEAD {commit} (copy)"


def link_node_modules(base: Path) -> str:
    """Let the copied generator find the project's npm packages (Pagefind, after `npm ci`), as the working
    tree's does: node and the build look for node_modules/ in the generator's parent folders. Return
    whether Pagefind will index the sites."""
    link = base / "node_modules"
    if link.is_symlink():
        link.unlink()
    if not (ROOT / "node_modules" / "pagefind").is_dir():
        return "not installed (`npm ci`): Material's search"
    if not link.exists():
        link.symlink_to(ROOT / "node_modules", target_is_directory=True)
    return "node_modules/ linked"


def make_project(work: Path, generator: Path) -> Path:
    """Return a fresh copy of the project's inputs in work/ (no generated docs, no caches, no site), with
    generator/ a symlink to the given package folder."""
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    docs = work / "docs"
    docs.mkdir()
    for page in sorted((ROOT / "docs").glob("about*.md")):
        shutil.copy(page, docs / page.name)
    for folder in ("javascripts", "stylesheets"):
        if (ROOT / "docs" / "assets" / folder).is_dir():
            shutil.copytree(ROOT / "docs" / "assets" / folder, docs / "assets" / folder)
    shutil.copytree(ROOT / "translations", work / "translations")
    (work / "generator").symlink_to(generator)
    return work


def parse_memory(stderr: str) -> dict[str, float]:
    """Return {stage: MB} from the last 'Peak memory by stage: config 120 MB · … · worker processes 180 MB
    each at most' line (the workers under the key "workers")."""
    found = MEMORY_LINE.findall(stderr)
    if not found:
        return {}
    return {("workers" if m[1] == "processes" else m[1]): float(m[2])
            for m in re.finditer(r"(\w+) ([\d.]+) MB", found[-1])}


def parse_stages(stderr: str) -> dict[str, float]:
    """Return {stage: seconds} from the last 'Time per stage: config 0.12 s · … · total 3.40 s' line."""
    found = STAGES_LINE.findall(stderr)
    if not found:
        return {}
    return {m[1]: float(m[2]) for m in re.finditer(r"(\w+) ([\d.]+) s", found[-1])}


class TreeMemory:
    """The peak memory of a process and all its descendants together, sampled from /proc.

    ru_maxrss only gives the largest single process; worker processes run beside the main one, so
    their memory adds up. Each process counts its proportional set size (PSS): a page a forked worker
    still shares with its parent counts half to each, so the sum is the memory the build really holds.
    """

    def __init__(self, pid: int, every: float = 0.2):
        self.pid, self.every, self.peak_mb = pid, every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            total = sum(_pss_kib(pid) for pid in _tree(self.pid)) / 1024
            self.peak_mb = max(self.peak_mb, total)

    def stop(self) -> float:
        """Stop sampling; return the peak in MB."""
        self._stop.set()
        self._thread.join()
        return self.peak_mb


def _tree(root: int) -> list[int]:
    """Return root and every live descendant of it."""
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        found += frontier
    return found


def _pss_kib(pid: int) -> int:
    """Return a process's proportional set size in KiB (0 once it has exited)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    found = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(found[1]) if found else 0


def run_build(n: int, label: str, project: Path, seeds: Path, site: Path,
              profile: Optional[Path] = None, force: bool = False) -> Run:
    """Return the measured run of `python -m generator build` (under cProfile when profile is given;
    with --force, MkDocs runs even when the site is up to date)."""
    cmd = [sys.executable]
    if profile is not None:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += ["-m", "generator", "build", "--seeds", str(seeds), "--out", str(site)] + (["--force"] if force else [])
    log = project / f"build-{label.replace(' ', '-')}.log"
    with open(log, "wb") as err, open(os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, stdout=out, stderr=err)
        tree = TreeMemory(proc.pid) if Path("/proc/self/smaps_rollup").exists() else None
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        tree_mb = tree.stop() if tree else 0.0
        proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = log.read_text(encoding="utf-8", errors="replace")
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return Run(n, label, wall, parse_stages(stderr), peak_mb, proc.returncode, stderr[-2000:], tree_mb=tree_mb,
               stage_mb=parse_memory(stderr))


def change_one_report(paths: list[Path]) -> Path:
    """Change one figure in the middle report (its first 亿元 amount); return the report."""
    path = paths[len(paths) // 2]
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"(\d+)\.(\d)亿元", lambda m: f"{int(m[1]) + 1}.{m[2]}亿元", text, count=1)
    if changed == text:
        changed = text.rstrip("\n") + "\n\n全年新增城镇就业1234人。\n"
    path.write_text(changed, encoding="utf-8")
    return path


def html_sizes(site: Path) -> dict[str, float]:
    """Return the number of HTML pages, their average size and that of their primary navigation."""
    sizes, navs, links = [], [], []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8", errors="replace")
        sizes.append(len(html.encode("utf-8")))
        nav = primary_nav(html)
        navs.append(len(nav.encode("utf-8")))
        links.append(nav.count("<a "))
    count = len(sizes) or 1
    return {"pages": len(sizes), "avg_bytes": sum(sizes) / count, "avg_nav_bytes": sum(navs) / count,
            "avg_nav_links": sum(links) / count, "total_mb": sum(sizes) / 2**20,
            "nav_share": (sum(navs) / sum(sizes)) if sizes else 0.0}


def fact_sheet_sizes(site: Path) -> dict[str, float]:
    """Return the number of fact sheets (towns/<place>/<year>/index.html, both languages), their average
    HTML bytes and the average bytes of their primary nav."""
    pages = [p for top in (site, site / "en") for p in (top / "towns").glob("*/*/index.html") if p.parent.name != "text"]
    sizes, navs = [], []
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        sizes.append(len(html.encode("utf-8")))
        navs.append(len(primary_nav(html).encode("utf-8")))
    count = len(pages) or 1
    return {"fact_sheets": len(pages), "avg_bytes": sum(sizes) / count, "avg_nav_bytes": sum(navs) / count}


def search_bytes(site: Path) -> dict[str, int | str]:
    """Return, per language, the bytes the first search query transfers (from opening the language's home
    page to the results), measured by benchmarks/search_bytes.py in Chromium, or why it was not measured."""
    try:
        from search_bytes import first_query_bytes
        measured = first_query_bytes(site)
    except Exception as err:  # noqa: BLE001 - no Chromium or Playwright here: report, do not stop the benchmark
        return {lang: f"n/a ({type(err).__name__}: {str(err)[:80]})" for lang in ("zh", "en")}
    return {lang: found["bytes"] if found["results"] else f"{found['bytes']:,} (no results)"
            for lang, found in measured.items()}


def search_engine(site: Path) -> str:
    """Return which search the site serves: Pagefind (its bundle is in the site) or Material's."""
    return "Pagefind" if (site / "pagefind" / "parts.json").is_file() else "Material"


def shown(measured: int | str) -> str:
    """Return a byte count with thousands separators, or the reason it was not measured."""
    return f"{measured:,}" if isinstance(measured, int) else measured


def site_table(runs: list[Run], sites: dict[int, dict]) -> list[str]:
    """Return the issue 18 summary: per N, cold/warm/one-changed wall time, the peak memory of all
    processes over those runs, the fact sheets' HTML and the first search query's bytes."""
    by = {(r.n, r.label): r for r in runs}
    out = ["| N | cold s | warm s | one changed s | peak MB (all processes) | fact sheets | avg fact-sheet HTML bytes "
           "| of which nav | search | first query bytes zh | first query bytes en |", "|---:|" + "---:|" * 7 + "---|---:|---:|"]
    for n, info in sites.items():
        wall = [f"{by[(n, k)].wall:.1f}" if (n, k) in by else "–" for k in ("cold", "warm", "one changed")]
        peak = max(max(r.peak_mb, r.tree_mb) for r in runs if r.n == n and r.label != "profiled")
        out.append(f"| {n} | " + " | ".join(wall) + f" | {peak:.0f} | {info['fact_sheets']} | {info['avg_bytes']:,.0f} | "
                   f"{info['avg_nav_bytes']:,.0f} | {info['engine']} | {shown(info['search']['zh'])} | {shown(info['search']['en'])} |")
    return out


def primary_nav(html: str) -> str:
    """Return the <nav class="md-nav md-nav--primary" …> element, matched to its own </nav>."""
    start = html.find('<nav class="md-nav md-nav--primary')
    if start < 0:
        return ""
    depth = 0
    for tag in re.finditer(r"<nav\b|</nav>", html[start:]):
        depth += 1 if tag.group() == "<nav" else -1
        if depth == 0:
            return html[start:start + tag.end()]
    return html[start:]


def profile_summary(prof: Path, top: int = 25) -> list[str]:
    """Return lines: the top cumulative functions of MkDocs/Material/i18n/Jinja2/Markdown."""
    stats = pstats.Stats(str(prof))
    total = stats.total_tt
    rows = []
    for (filename, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():
        if PROFILE_FILTER.search(filename):
            rows.append((ct, tt, nc, short_path(filename), line, func))
    rows.sort(reverse=True)
    out = [f"profiled total {total:.1f} s; top {top} by cumulative time (MkDocs, Material, i18n, Jinja2, Markdown):",
           "", "| cum s | cum % | own s | calls | function |", "|---:|---:|---:|---:|---|"]
    for ct, tt, nc, path, line, func in rows[:top]:
        out.append(f"| {ct:.2f} | {100 * ct / total:.0f} | {tt:.2f} | {nc} | `{path}:{line}({func})` |")
    own = sorted(((tt, ct, nc, short_path(f), line, func) for (f, line, func), (cc, nc, tt, ct, _)
                  in stats.stats.items()), reverse=True)[:12]
    out += ["", "top 12 by own time (all code):", "", "| own s | cum s | calls | function |", "|---:|---:|---:|---|"]
    out += [f"| {tt:.2f} | {ct:.2f} | {nc} | `{path}:{line}({func})` |" for tt, ct, nc, path, line, func in own]
    return out


def short_path(filename: str) -> str:
    """Return a file name from site-packages (or the project) without its prefix."""
    for marker in ("site-packages/", "lib/python3", str(ROOT) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def table(runs: list[Run]) -> list[str]:
    """Return the Markdown table of all runs."""
    out = ["| N | run | wall s | generator stages s | mkdocs s | generator share % | start-up s | peak MB "
           "(largest process) | peak MB (all processes) | exit |",
           "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        startup = r.wall - r.generator - r.mkdocs
        out.append(f"| {r.n} | {r.label} | {r.wall:.1f} | {r.generator:.2f} | {r.mkdocs:.1f} | "
                   f"{100 * r.generator / r.wall:.0f} | {startup:.1f} | {r.peak_mb:.0f} | {r.tree_mb:.0f} | {r.status} |")
    return out


def stage_table(runs: list[Run]) -> list[str]:
    """Return a Markdown table of seconds per stage."""
    names = []
    for r in runs:
        names += [k for k in r.stages if k not in names and k != "total"]
    out = ["| N | run | " + " | ".join(names) + " |", "|---:|---|" + "---:|" * len(names)]
    for r in runs:
        out.append(f"| {r.n} | {r.label} | " + " | ".join(f"{r.stages.get(k, 0):.2f}" for k in names) + " |")
    return out


def memory_table(runs: list[Run]) -> list[str]:
    """Return a Markdown table of the build process's peak memory (MB) when each stage ended, the largest
    worker process's peak and the whole process tree's peak."""
    names = []
    for r in runs:
        names += [k for k in r.stage_mb if k not in names and k != "workers"]
    out = ["| N | run | " + " | ".join(names) + " | a worker | all processes |",
           "|---:|---|" + "---:|" * (len(names) + 2)]
    for r in runs:
        cells = [f"{r.stage_mb[k]:.0f}" if k in r.stage_mb else "" for k in names]
        workers = f"{r.stage_mb['workers']:.0f}" if "workers" in r.stage_mb else "–"
        out.append(f"| {r.n} | {r.label} | " + " | ".join(cells) + f" | {workers} | {r.tree_mb:.0f} |")
    return out


def scale_goals(runs: list[Run], sites: dict[int, dict]) -> list[str]:
    """Return the PASS/FAIL lines of issue 18's goals: N = 2,000 cold time and peak memory, and the fact
    sheets' HTML at the largest N against the smallest N's."""
    out = []
    cold = next((r for r in runs if r.n == 2000 and r.label == "cold"), None)
    if cold:
        out.append(f"- N=2000: cold build {cold.wall / 60:.1f} min, goal ≤ {GOAL_COLD_S_2000 / 60:.0f} min: "
                   f"{'PASS' if cold.wall <= GOAL_COLD_S_2000 else 'FAIL'}")
        peak = max(max(r.peak_mb, r.tree_mb) for r in runs if r.n == 2000 and r.label != "profiled")
        out.append(f"- N=2000: peak memory {peak:.0f} MB (all processes), goal ≤ {GOAL_PEAK_MB_2000} MB: "
                   f"{'PASS' if peak <= GOAL_PEAK_MB_2000 else 'FAIL'}")
    for n, info in sites.items():
        for lang, measured in info["search"].items():
            verdict = ("PASS" if measured <= GOAL_FIRST_QUERY_BYTES else "FAIL") if isinstance(measured, int) else "not measured"
            out.append(f"- N={n}: first search query ({info['engine']}, {lang}) {shown(measured)} bytes, goal ≤ "
                       f"{GOAL_FIRST_QUERY_BYTES:,}: {verdict}")
    if len(sites) > 1:
        small, large = min(sites), max(sites)
        growth = sites[large]["avg_bytes"] / sites[small]["avg_bytes"] - 1
        out.append(f"- fact-sheet HTML at N={large} is {100 * growth:+.1f} % of N={small}'s, goal within "
                   f"{100 * GOAL_FACT_SHEET_GROWTH:.0f} %: {'PASS' if abs(growth) <= GOAL_FACT_SHEET_GROWTH else 'FAIL'}")
    return out


def goals(runs: list[Run], sites: Optional[dict[int, dict]] = None) -> list[str]:
    """Return one PASS/FAIL line per goal and size."""
    out = []
    by = {(r.n, r.label): r for r in runs}
    for n in sorted({r.n for r in runs}):
        cold, warm = by.get((n, "cold")), by.get((n, "warm"))
        if cold:
            share = cold.generator / cold.wall
            out.append(f"- N={n}: generator stages {cold.generator:.1f} s = {100 * share:.0f} % of the cold build "
                       f"({cold.wall:.1f} s), goal ≤ {100 * GOAL_GENERATOR_SHARE:.0f} %: "
                       f"{'PASS' if share <= GOAL_GENERATOR_SHARE else 'FAIL'}")
        if cold and warm:
            share = warm.wall / cold.wall
            out.append(f"- N={n}: warm rebuild {warm.wall:.1f} s = {100 * share:.0f} % of cold, goal ≤ "
                       f"{100 * GOAL_WARM_SHARE:.0f} %: {'PASS' if share <= GOAL_WARM_SHARE else 'FAIL'}")
    out += scale_goals(runs, sites or {})
    big = [r for r in runs if r.n == 500 and r.label != "profiled"]
    if big:
        peak = max(max(r.peak_mb, r.tree_mb) for r in big)
        out.append(f"- N=500: peak memory {peak:.0f} MB (all processes of the build), goal ≤ {GOAL_PEAK_MB} MB: "
                   f"{'PASS' if peak <= GOAL_PEAK_MB else 'FAIL'}")
    else:
        largest = max(r.n for r in runs)
        peak = max(max(r.peak_mb, r.tree_mb) for r in runs if r.n == largest)
        out.append(f"- N=500 not run: peak memory goal not measured (N={largest}: {peak:.0f} MB)")
    return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,2000", help="comma-separated corpus sizes (default: 100,500,2000)")
    parser.add_argument("--province", default="largest",
                        help='towns of one province: "largest" (default), a name, or "" for all of China')
    parser.add_argument("--force-run", action="store_true", help="also time a warm rebuild with --force")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile-size", type=int, default=None,
                        help="N to profile under cProfile (default: the largest size; 0: none)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the projects and sites in this folder")
    parser.add_argument("--live", action="store_true",
                        help="use the working tree's generator/ (default: a copy of generator/ at HEAD)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    profile_n = max(sizes) if args.profile_size is None else args.profile_size
    base = Path(tempfile.mkdtemp(prefix="townfacts-scale-")) if args.keep is None else args.keep
    base.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    findings: list[str] = []
    sites: dict[int, dict] = {}
    try:
        package = base / "generator"
        if package.is_symlink() or package.is_file():
            package.unlink()
        elif package.exists():
            shutil.rmtree(package)
        print(f"generator: {snapshot_generator(package, args.live)}; load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs; Pagefind: {link_node_modules(base)}", flush=True)
        for n in sizes:
            work = base / f"n{n}"
            if work.exists():
                shutil.rmtree(work)
            project = make_project(work / "project", package.resolve())
            seeds = work / "seeds"
            paths = make_corpus(seeds, n, args.seed, args.province or None)
            site = work / "site"
            print(f"N={n}: {len(paths)} reports, {sum(p.stat().st_size for p in paths) / 1024:.0f} KiB", flush=True)
            for label in ("cold", "warm") + (("warm --force",) if args.force_run else ()) + ("one changed",):
                if label == "one changed":
                    change_one_report(paths)
                runs.append(run_build(n, label, project, seeds, site, force=label.endswith("--force")))
                r = runs[-1]
                print(f"  {label}: {r.wall:.1f} s, peak {r.peak_mb:.0f} MB (all processes {r.tree_mb:.0f} MB), exit {r.status}, "
                      f"load average {os.getloadavg()[0]:.1f}", flush=True)
                if r.status != 0 or not r.stages:
                    print(r.stderr_tail, file=sys.stderr)
            sites[n] = {**fact_sheet_sizes(site), "search": search_bytes(site), "engine": search_engine(site)}
            print(f"  fact sheets: {sites[n]['fact_sheets']}, average {sites[n]['avg_bytes']:,.0f} bytes "
                  f"(nav {sites[n]['avg_nav_bytes']:,.0f}); first search query ({sites[n]['engine']}) "
                  f"{sites[n]['search']}", flush=True)
            if n == profile_n:
                sizes_info = html_sizes(site)
                findings.append(f"### Generated HTML at N={n}\n")
                findings.append(f"{sizes_info['pages']} pages, {sizes_info['total_mb']:.0f} MB of HTML; average page "
                                f"{sizes_info['avg_bytes'] / 1024:.0f} KiB, of which the primary nav is "
                                f"{sizes_info['avg_nav_bytes'] / 1024:.0f} KiB "
                                f"({100 * sizes_info['nav_share']:.0f} %, {sizes_info['avg_nav_links']:.0f} links)")
                prof = work / "prof.out"
                r = run_build(n, "profiled", project, seeds, site, profile=prof, force=True)
                print(f"  profiled: {r.wall:.1f} s, peak {r.peak_mb:.0f} MB, exit {r.status}", flush=True)
                findings.append(f"\n### cProfile of a (warm) build at N={n}: wall {r.wall:.1f} s, "
                                f"stages {r.stages}\n")
                if prof.is_file():
                    findings += profile_summary(prof)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print()
    print("\n".join(table(runs)))
    print()
    print("\n".join(stage_table(runs)))
    print()
    print("Peak memory (MB) of the build process when each stage ended (it only grows), of the largest worker")
    print("process (pages it shares with the build process counted in both) and of all processes together (PSS):")
    print()
    print("\n".join(memory_table(runs)))
    print()
    print("\n".join(site_table(runs, sites)))
    print()
    print("\n".join(goals(runs, sites)))
    if findings:
        print()
        print("\n".join(findings))
    return 0 if all(r.status == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
