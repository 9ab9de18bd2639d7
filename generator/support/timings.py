"""Seconds and peak memory per build stage, and the type of the progress callback commands print with."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

try:
    import resource
except ImportError:  # Windows: no peak memory figures
    resource = None

Progress = Callable[[str], None]


def peak_mb(children: bool = False) -> float:
    """Return the peak resident memory so far, in MB, of this process (or of its largest finished child);
    0 where the system does not tell."""
    if not children:
        try:  # this program's own peak: ru_maxrss would also count the process that started it
            status = Path("/proc/self/status").read_text()
            return int(status.split("VmHWM:", 1)[1].split()[0]) / 1024
        except (OSError, IndexError, ValueError):
            pass
    if resource is None:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


@dataclass
class Timings:
    """Seconds spent per stage, in the order stages first ran, and the peak memory reached by each."""

    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # per-report stages inside "read" (summed over workers)
    memory: dict[str, float] = field(default_factory=dict)  # this process's peak MB at the end of each stage
    workers_mb: float = 0.0  # the largest worker process's peak MB (0 when none ran)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time the block takes to the named stage, and the peak memory reached by its end."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            self.memory[name] = max([peak_mb(), *self.memory.values()])  # the kernel's figure can lag by a page or so

    def add(self, seconds: dict[str, float]) -> None:
        """Add per-report stage seconds measured while reading (possibly in worker processes)."""
        for name, secs in seconds.items():
            self.cpu[name] = self.cpu.get(name, 0.0) + secs

    def summary(self) -> str:
        """Return 'stage 0.12 s · …' for every stage and the total, with the read stage's parts."""
        parts = []
        for name, secs in self.seconds.items():
            part = f"{name} {secs:.2f} s"
            if name == "read" and self.cpu:
                part += " (" + ", ".join(f"{k} {v:.2f}" for k, v in self.cpu.items()) + ")"
            parts.append(part)
        return " · ".join(parts + [f"total {sum(self.seconds.values()):.2f} s"])

    def report(self) -> list[str]:
        """Return the lines a build prints at its end: time per stage, then peak memory (when known)."""
        memory = self.memory_summary()
        return ["Time per stage: " + self.summary()] + (["Peak memory by stage: " + memory] if memory else [])

    def memory_summary(self) -> str:
        """Return 'stage 120 MB · …': this process's peak memory when each stage ended, then the workers'."""
        parts = [f"{name} {mb:.0f} MB" for name, mb in self.memory.items() if mb]
        if self.workers_mb:
            parts.append(f"worker processes {self.workers_mb:.0f} MB each at most")
        return " · ".join(parts)
