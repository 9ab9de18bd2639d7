"""Static chart SVGs rendered at build time with vl-convert, cached by spec hash, on all cores."""
from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Optional

from generator.charts import VEGA_LITE_VERSION

CACHE_DIR = Path(".cache/townfacts/svg")
PARALLEL_MIN = 8  # vl-convert takes ~0.15 s a chart; below this many, a worker's start-up is not worth it


def render_svg(spec: dict) -> str:
    """Return the SVG of a Vega-Lite spec (no URL may be fetched: data is inline)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(json.dumps(spec), vl_version=VEGA_LITE_VERSION, allowed_base_urls=[])


def _store(path: Path, svg: str) -> None:
    """Write an SVG into the cache atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(path)


def cached_svg(name: str, spec: dict, cache_dir: Path) -> str:
    """Return the chart's SVG from the cache, rendering and storing it on a miss."""
    path = cache_dir / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    svg = render_svg(spec)
    _store(path, svg)
    return svg


def render_all(charts: dict[str, dict], cache_dir: Path, workers: Optional[int] = None) -> dict[str, str]:
    """Return {name: SVG} for every chart, rendering the uncached ones (in parallel when there are many)."""
    missing = sorted(name for name in charts if not (cache_dir / name).is_file())
    workers = workers or min(2, os.cpu_count() or 1)
    if workers > 1 and len(missing) >= PARALLEL_MIN:
        # spawn: vl-convert runs threads of its own, which a forked child would inherit broken
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for name, svg in zip(missing, pool.map(render_svg, [charts[n] for n in missing], chunksize=4)):
                _store(cache_dir / name, svg)
    return {name: cached_svg(name, spec, cache_dir) for name, spec in sorted(charts.items())}
