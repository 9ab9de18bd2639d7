"""Static chart SVGs rendered at build time with vl-convert, cached by spec hash."""
from __future__ import annotations

import json
from pathlib import Path

from generator.charts import VEGA_LITE_VERSION

CACHE_DIR = Path(".cache/townfacts/svg")


def render_svg(spec: dict) -> str:
    """Return the SVG of a Vega-Lite spec (no URL may be fetched: data is inline)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(json.dumps(spec), vl_version=VEGA_LITE_VERSION, allowed_base_urls=[])


def cached_svg(name: str, spec: dict, cache_dir: Path) -> str:
    """Return the chart's SVG from the cache, rendering and storing it on a miss."""
    path = cache_dir / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    svg = render_svg(spec)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(path)
    return svg
