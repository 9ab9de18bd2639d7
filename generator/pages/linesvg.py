"""Static SVG of a line chart over years (charts.series_chart), drawn in Python like svg.py's bars.

It reads only what series_chart emits (one line layer: ordinal x, quantitative y, inline data) and
refuses anything else, so another chart cannot silently draw wrong.
"""
from __future__ import annotations

import math
from html import escape

from generator.pages.svg import (AXIS, FONT, GAP, GRID, PAD, TEXT, TICK_SIZE, TITLE_SIZE, WIDTH, UnsupportedSpec,
                                 _title, nice_ticks, subtitle_lines, tick_text)

PLOT_HEIGHT = 160


def _text(x: float, y: float, text: str, size: float, anchor: str = "middle") -> str:
    """Return an SVG text element (text escaped)."""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{TEXT}">{escape(text)}</text>'


def line_points(spec: dict) -> tuple[str, str, list[tuple[str, float, str]]]:
    """Return (title, y title, [(x label, value, hover)]) of a series_chart spec; raise UnsupportedSpec otherwise."""
    mark = spec.get("mark") or {}
    enc = spec.get("encoding") or {}
    x, y = enc.get("x") or {}, enc.get("y") or {}
    if (mark.get("type") if isinstance(mark, dict) else mark) != "line" or x.get("type") != "ordinal" \
            or y.get("type") != "quantitative":
        raise UnsupportedSpec("only one line over an ordinal x can be drawn here")
    rows = (spec.get("data") or {}).get("values") or []
    points = [(str(r.get(x["field"], "")), float(r.get(y["field"]) or 0), f"{r.get('label')}: {r.get('shown')}")
              for r in rows]
    return _title(spec.get("title")), str(y.get("title") or ""), points


def render_line_svg(spec: dict) -> str:
    """Return the static SVG of a line chart spec: title, y axis with grid, the line and its dots."""
    title, y_title, points = line_points(spec)
    notes = subtitle_lines(spec)
    top, left, right = PAD + TITLE_SIZE + GAP + len(notes) * (TICK_SIZE + GAP / 2), PAD + 56, WIDTH - PAD - 12
    values = [v for _, v, _ in points]
    ticks = nice_ticks(min(values + [0.0]), max(values + [0.0]), 4)
    low, high, step = ticks[0], ticks[-1], (ticks[1] - ticks[0] if len(ticks) > 1 else 1)
    at_y = lambda v: top + PLOT_HEIGHT - (v - low) / ((high - low) or 1) * PLOT_HEIGHT  # noqa: E731
    at_x = lambda i: left + (i + 0.5) * (right - left) / max(len(points), 1)  # noqa: E731
    parts = [_text(WIDTH / 2, PAD + TITLE_SIZE, title, TITLE_SIZE)]
    parts += [_text(WIDTH / 2, PAD + TITLE_SIZE + (i + 1) * (TICK_SIZE + GAP / 2), note, TICK_SIZE)
              for i, note in enumerate(notes)]
    for tick in ticks:
        parts.append(f'<line x1="{left:.1f}" y1="{at_y(tick):.1f}" x2="{right:.1f}" y2="{at_y(tick):.1f}" stroke="{GRID}"/>')
        parts.append(_text(left - 4, at_y(tick) + 3, tick_text(tick, step), TICK_SIZE, "end"))
    parts.append(_text(PAD + 8, top - 2, y_title, TICK_SIZE, "start"))
    path = " ".join(f"{at_x(i):.1f},{at_y(v):.1f}" for i, (_, v, _) in enumerate(points))
    parts.append(f'<polyline points="{path}" fill="none" stroke="#c62828" stroke-width="2"/>')
    for i, (label, value, hover) in enumerate(points):
        parts.append(f'<circle cx="{at_x(i):.1f}" cy="{at_y(value):.1f}" r="3.5" fill="#c62828">'
                     f"<title>{escape(hover)}</title></circle>")
        parts.append(_text(at_x(i), top + PLOT_HEIGHT + 14, label, TICK_SIZE))
    parts.append(f'<line x1="{left:.1f}" y1="{top + PLOT_HEIGHT:.1f}" x2="{right:.1f}" y2="{top + PLOT_HEIGHT:.1f}" stroke="{AXIS}"/>')
    height = math.ceil(top + PLOT_HEIGHT + 24)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
            f'font-family="{escape(FONT)}"><title>{escape(title)}</title><rect width="{WIDTH}" height="{height}" '
            f'fill="#ffffff"/>{"".join(parts)}</svg>\n')
