"""Run a step in a forked child process, so that the memory it takes is given back when it ends."""
from __future__ import annotations

import os
import pickle
import sys
import threading
import traceback
from typing import Callable


def can_fork() -> bool:
    """Return whether this process may fork: a POSIX system, and one thread (forking threads can deadlock)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def call_in_child(step: Callable[[], None]) -> None:
    """Run step() in a forked child process and wait for it; raise here what it raised (its traceback as a
    note). Inline where the process cannot fork. The step's results must be files: its memory dies with it."""
    if not can_fork():
        step()
        return
    sys.stdout.flush()
    sys.stderr.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the step, send back what it raised, never return into the caller's code
        os.close(read)
        status = 0
        try:
            step()
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
            status = 1
            os.write(write, pickled(error))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        sent = pipe.read()
    _, status = os.waitpid(pid, 0)
    if sent:
        raise pickle.loads(sent)
    if status != 0:
        raise RuntimeError(f"the child process ended with status {os.waitstatus_to_exitcode(status)}")


def pickled(error: BaseException) -> bytes:
    """Return the error pickled with the child's traceback as a note; a RuntimeError naming it when it cannot be."""
    note = "in a child process:\n" + "".join(traceback.format_exception(error))
    try:
        copy = pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - an exception whose arguments do not pickle
        copy = RuntimeError(f"{type(error).__name__}: {error}")
    copy.add_note(note)
    return pickle.dumps(copy)
