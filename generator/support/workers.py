"""Worker processes for the per-report stages (reading, rendering), started once per build when they pay."""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Callable, Iterator, Optional, Sequence

PARALLEL_MIN = 6  # below this many items, starting worker processes costs more than it saves
# Each worker holds jieba's dictionaries of its own (~250 MB at N = 500): the build's 1 GB memory goal was
# measured with two, so more cores do not mean more workers (README says two).
MAX_WORKERS = 2


def start_method() -> str:
    """Return "fork" when this process runs one thread (the workers then inherit its imports, ~0.5 s
    each), else "spawn": forking a process that runs threads (mkdocs serve's server) can deadlock."""
    single = threading.active_count() == 1
    return "fork" if single and "fork" in multiprocessing.get_all_start_methods() else "spawn"


class Workers:
    """Map a function over items inline, or in worker processes once there are enough items.

    The processes start on the first map that needs them and serve every later map of the build,
    so reading and rendering share one start-up.
    """

    def __init__(self, count: Optional[int] = None, minimum: int = PARALLEL_MIN):
        self.count = count or min(MAX_WORKERS, os.cpu_count() or 1)
        self.minimum = minimum
        self._pool: Optional[Executor] = None

    def map(self, fn: Callable, items: Sequence, *more: Sequence) -> list:
        """Return [fn(item, *more_i)] in order, computed in the worker processes when there are enough items."""
        return list(self.imap(fn, items, *more))

    def imap(self, fn: Callable, items: Sequence, *more: Sequence) -> Iterator:
        """Yield fn(item, *more_i) in order as each is ready, from the worker processes when there are enough
        items (so a caller can store each result and let it go before the next arrives)."""
        if self.count < 2 or len(items) < self.minimum:
            return (fn(*args) for args in zip(items, *more))
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.count, mp_context=multiprocessing.get_context(start_method()))
        return self._pool.map(fn, items, *more, chunksize=max(1, min(8, len(items) // (4 * self.count))))

    @property
    def started(self) -> bool:
        """Whether worker processes were started."""
        return self._pool is not None

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
