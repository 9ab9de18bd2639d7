"""MkDocs runs in a forked child process (site/run.py): what the child writes is kept, what it raises is
raised again in the build, and what it holds in memory is not the build's. Each case runs in a fresh
interpreter: call_in_child forks only a process running one thread, and the test session runs others."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here: the step runs inline")


def run(code: str) -> str:
    """Return what a fresh interpreter prints running code after importing call_in_child."""
    script = "import os\nfrom generator.support.forked import call_in_child\n" + textwrap.dedent(code)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_step_runs_in_another_process_whose_files_stay_and_whose_memory_goes(tmp_path):
    out = run(f"""
        held = []
        def step():
            held.append(bytearray(10_000_000))
            open({str(tmp_path / "pid")!r}, "w").write(str(os.getpid()))
        call_in_child(step)
        print(os.getpid(), len(held))
    """)
    parent, held = out.split()
    assert (tmp_path / "pid").read_text() != parent and held == "0"


def test_what_the_child_raises_is_raised_in_the_parent_with_the_childs_traceback():
    out = run("""
        def step():
            raise ValueError("docs/x.md: bad page")
        try:
            call_in_child(step)
        except ValueError as error:
            print(error, "|", any("in a child process" in n and "step" in n for n in error.__notes__))
    """)
    assert out.strip() == "docs/x.md: bad page | True"


def test_an_error_that_cannot_be_pickled_is_named():
    out = run("""
        def step():
            class Local(Exception):  # a class defined in a function does not pickle
                pass
            raise Local("unpicklable")
        try:
            call_in_child(step)
        except RuntimeError as error:
            print(error)
    """)
    assert out.strip() == "Local: unpicklable"
