"""MkDocs runs in a forked child process (site/run.py): what the child writes is kept, what it raises is
raised again in the build, and what it holds in memory is not the build's."""
from __future__ import annotations

import os

import pytest

from generator.support.forked import call_in_child, can_fork

HELD: list = []

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork here: the step runs inline")


def test_the_step_runs_in_another_process_whose_files_stay_and_whose_memory_goes(tmp_path):
    def step():
        HELD.append(bytearray(10_000_000))
        (tmp_path / "pid").write_text(str(os.getpid()))
    call_in_child(step)
    assert int((tmp_path / "pid").read_text()) != os.getpid()
    assert HELD == []


def test_what_the_child_raises_is_raised_in_the_parent_with_the_childs_traceback():
    def step():
        raise ValueError("docs/x.md: bad page")
    with pytest.raises(ValueError, match="bad page") as caught:
        call_in_child(step)
    assert any("in a child process" in note and "step" in note for note in caught.value.__notes__)


def test_an_error_that_cannot_be_pickled_is_named():
    class Local(Exception):  # a class defined in a function does not pickle
        pass

    def step():
        raise Local("unpicklable")
    with pytest.raises(RuntimeError, match="Local: unpicklable"):
        call_in_child(step)
