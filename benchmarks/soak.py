"""Soak test: builds killed at random moments over randomly corrupted caches always leave the complete site.

usage: python benchmarks/soak.py [--seeds DIR] [--builds 20] [--seed 1] [--kill-share 0.6]

In a temporary copy of the project: one clean build gives the reference site (SOURCE_DATE_EPOCH fixed, so
builds are byte-identical). Then each of N rounds spoils the caches at random (random bytes, a flipped
byte, a truncated or deleted entry, two entries swapped, a cache folder replaced by a file, a garbled
site-state.json, a lock file left by a dead process), starts `townfacts build` (with --force half the
time, so MkDocs runs on its caches) and, in most rounds, kills it with SIGKILL after a random delay. After
every round the site folder must exist and be byte for byte the reference; a build that was not killed
must exit 0. A last build, not killed, must exit 0, equal the reference and leave no leftovers. Exit
status 1 on any failure. Not a test: it takes a minute or two.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from scale import make_project  # noqa: E402

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "TOWNFACTS_LOCK_WAIT": "60"}


def site_digest(site: Path) -> dict[str, str]:
    """Return {relative path: SHA-256} of every file of a site (empty when there is no site folder)."""
    if not site.is_dir():
        return {}
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def build(project: Path, *options: str, kill_after: float | None = None) -> tuple[int | None, float]:
    """Run `townfacts build` in project; return (exit status, or None when killed; seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build", *options], cwd=project, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the build and any worker processes it started
        proc.wait()
        proc.stderr.close()
        return None, time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode:
        print(err[-2000:], file=sys.stderr)
    return proc.returncode, time.perf_counter() - start


def spoil(cache: Path, rng: random.Random) -> str:
    """Damage the cache in one random way; return what was done."""
    files = sorted(p for p in cache.rglob("*") if p.is_file() and p.name != "build.lock")
    folders = sorted(p for p in cache.rglob("*") if p.is_dir())
    how = rng.choice(["random bytes", "flipped byte", "truncated", "deleted", "swapped", "folder→file",
                      "site-state", "dead lock"])
    if how == "site-state":
        (cache / "site-state.json").write_text(rng.choice(["[]", "{", '{"x": []}', "null"]), encoding="utf-8")
    elif how == "dead lock":
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "build.lock").write_text(f"{rng.randint(400000, 4000000)}\n", encoding="utf-8")
    elif how == "folder→file" and folders:
        folder = rng.choice(folders)
        shutil.rmtree(folder)
        folder.write_bytes(b"not a folder")
    elif how == "swapped" and len(files) > 1:
        a, b = rng.sample(files, 2)
        data_a, data_b = a.read_bytes(), b.read_bytes()
        a.write_bytes(data_b)
        b.write_bytes(data_a)
    elif files:
        path = rng.choice(files)
        data = path.read_bytes()
        if how == "random bytes":
            path.write_bytes(rng.randbytes(max(1, len(data))))
        elif how == "flipped byte" and data:
            i = rng.randrange(len(data))
            path.write_bytes(data[:i] + bytes([data[i] ^ 0x41]) + data[i + 1:])
        elif how == "truncated":
            path.write_bytes(data[: len(data) // 2])
        else:
            path.unlink()
            how = "deleted"
        return f"{how}: {path.relative_to(cache)}"
    return how


def soak(seeds: Path, builds: int, seed: int, kill_share: float) -> int:
    """Run the soak in a temporary project; return the number of failed checks."""
    rng = random.Random(seed)
    failures, killed, finished, spoiled = 0, [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project", ROOT / "generator")
        shutil.copytree(seeds, project / "seeds")
        status, clean_seconds = build(project)
        reference = site_digest(project / "site")
        _, warm_seconds = build(project, "--force")  # the kills fall within a build on warm caches
        print(f"clean build: status {status}, {len(reference)} files, {clean_seconds:.1f} s "
              f"({warm_seconds:.1f} s again with --force)")
        if status != 0 or not reference or site_digest(project / "site") != reference:
            return 1
        for round_ in range(1, builds + 1):
            done = [spoil(project / ".cache" / "townfacts", rng) for _ in range(rng.randint(1, 3))]
            spoiled += len(done)
            force = rng.random() < 0.5
            kill_after = rng.uniform(0.05, warm_seconds) if rng.random() < kill_share else None
            status, seconds = build(project, *(["--force"] if force else []), kill_after=kill_after)
            (killed if status is None else finished).append(seconds)
            same = site_digest(project / "site") == reference
            ok = same and status in (None, 0)
            failures += not ok
            outcome = f"killed at {seconds:.2f} s" if status is None else f"status {status} in {seconds:.1f} s"
            print(f"round {round_:2}: {'--force ' if force else ''}{outcome}; site "
                  f"{'complete, equal to the clean build' if same else 'DIFFERENT OR MISSING'}; "
                  f"cache: {'; '.join(done)}", flush=True)
        status, seconds = build(project)
        leftovers = sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))
        last_ok = status == 0 and site_digest(project / "site") == reference and not leftovers
        failures += not last_ok
        print(f"final build: status {status} in {seconds:.1f} s, site {'equal' if last_ok else 'NOT equal'} "
              f"to the clean build, leftovers {leftovers or 'none'}")
    print(json.dumps({"builds": builds, "killed": len(killed), "completed": len(finished),
                      "cache_damages": spoiled, "failed_checks": failures,
                      "killed_at_s": [round(min(killed), 2), round(max(killed), 2)] if killed else None}))
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--builds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1, help="random seed (the run is repeatable)")
    parser.add_argument("--kill-share", type=float, default=0.6, help="share of builds killed (default 0.6)")
    args = parser.parse_args()
    return 1 if soak(args.seeds.resolve(), args.builds, args.seed, args.kill_share) else 0


if __name__ == "__main__":
    sys.exit(main())
