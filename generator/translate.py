"""The `townfacts translate` command's library function: fill the translation memory for every report."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from generator.site.reports import find_reports, read_report
from generator.english.memory import MEMORY_PATH, missing_segments
from generator.english.online import FillResult, Progress, fill_memory, load_or_empty
from generator.errors import ReportError

log = logging.getLogger("townfacts")


def translate_reports(seeds_dir: str | Path = Path("seeds"), memory_path: str | Path = MEMORY_PATH,
                      provider: str = "libre", base_url: Optional[str] = None,
                      progress: Optional[Progress] = None, **options) -> FillResult:
    """Return the result of filling the memory with every segment the reports in ``seeds_dir`` lack."""
    memory = load_or_empty(Path(memory_path))
    segments: list[str] = []
    for path in find_reports(Path(seeds_dir)):
        try:
            segments.extend(missing_segments(read_report(path), memory))
        except ReportError as err:
            log.warning("skipped %s", err)
    return fill_memory(segments, memory_path, provider, base_url, progress=progress, **options)
