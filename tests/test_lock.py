"""One build per project at a time: a second build waits, then stops with one line; a dead holder's lock
is taken over; plain `mkdocs build` and `serve` (through the plugin) take the same lock."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from projectcopy import ROOT, copy_project, townfacts

LOCK_FILE = Path(".cache/townfacts/build.lock")
SEED = ROOT / "seeds" / "001_56a725257718ee95.txt"

HOLDER = textwrap.dedent("""
    import fcntl, os, sys, time
    path = sys.argv[1]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    file = open(path, "a+")
    fcntl.flock(file.fileno(), fcntl.LOCK_EX)
    file.seek(0); file.truncate(); file.write(f"{os.getpid()}\\n"); file.flush()
    print("held", flush=True)
    time.sleep(120)
""")


def hold_lock(project: Path) -> subprocess.Popen:
    """Return a running process that holds the project's build lock the way a build does."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(project / LOCK_FILE)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def site_files(site: Path) -> list[str]:
    """Return the sorted relative paths of a site's files."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_the_lock_is_reentrant_in_one_process_and_released_with_the_last_hold(tmp_path):
    from generator.support import lock

    outer = lock.acquire(tmp_path, wait=0)
    inner = lock.acquire(tmp_path, wait=0)
    assert (tmp_path / LOCK_FILE).read_text().strip() == str(os.getpid())
    lock.release(inner)
    probe = [sys.executable, "-c", "import fcntl,sys; f=open(sys.argv[1]); "
             "fcntl.flock(f.fileno(), fcntl.LOCK_EX|fcntl.LOCK_NB)", str(tmp_path / LOCK_FILE)]
    assert subprocess.run(probe, capture_output=True).returncode != 0  # still held: one hold left
    lock.release(outer)
    assert subprocess.run(probe, capture_output=True).returncode == 0


def test_a_lock_held_by_another_process_stops_acquire_with_its_pid(tmp_path):
    from generator.support import lock

    holder = hold_lock(tmp_path)
    try:
        with pytest.raises(lock.TownfactsError, match=rf"another build \(pid {holder.pid}\)"):
            lock.acquire(tmp_path, wait=0.3)
    finally:
        holder.kill()
        holder.wait()
    with lock.build_lock(tmp_path, wait=0):  # the dead holder's lock file is taken over
        assert (tmp_path / LOCK_FILE).read_text().strip() == str(os.getpid())


@pytest.mark.slow
def test_a_second_build_stops_with_one_line_and_a_stale_lock_is_taken_over(tmp_path):
    """Two builds in one folder used to both exit 0 and leave a broken site."""
    work = copy_project(tmp_path, seeds=False)
    (work / "seeds" / "a.txt").write_bytes(SEED.read_bytes())
    holder = hold_lock(work)
    try:
        for command in (["build"], ["bundle"], ["serve", "-a", "127.0.0.1:1"]):  # serve builds before it serves
            proc = townfacts(work, *command, env={"TOWNFACTS_LOCK_WAIT": "0.5"})
            assert proc.returncode == 1, proc.stderr
            assert proc.stderr.strip().splitlines() == [
                f"Error: {work / LOCK_FILE}: another build (pid {holder.pid}) is running in this project; "
                "waited 0.5 s, try again when it has finished"]
        plain = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=work, capture_output=True, text=True,
                               timeout=300, env={**os.environ, "TOWNFACTS_LOCK_WAIT": "0.5"})
        assert plain.returncode != 0 and f"another build (pid {holder.pid})" in plain.stderr
        assert not (work / "site").exists() and not (work / "docs" / "towns").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert (work / LOCK_FILE).read_text().strip() == str(holder.pid)  # left behind by a dead process
    proc = townfacts(work, "build", env={"TOWNFACTS_LOCK_WAIT": "0"})
    assert proc.returncode == 0, proc.stderr
    assert (work / "site" / "towns" / "wuxing-zhili" / "2021" / "index.html").is_file()


@pytest.mark.slow
def test_two_builds_at_once_both_end_with_the_complete_site(tmp_path):
    (tmp_path / "work").mkdir()
    work = copy_project(tmp_path / "work")
    (tmp_path / "clean").mkdir()
    clean = copy_project(tmp_path / "clean")
    assert townfacts(clean, "build").returncode == 0
    runs = [subprocess.Popen([sys.executable, "-m", "generator", "build", "--force"], cwd=work,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "TOWNFACTS_LOCK_WAIT": "120"}) for _ in range(2)]
    outcomes = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outcomes
    assert site_files(work / "site") == site_files(clean / "site")
    again = townfacts(work, "build")
    assert again.returncode == 0 and "Site is up to date" in again.stderr
