"""Static chart SVGs drawn in Python from the charts' own Vega-Lite specs.

Every chart is drawn interactively by vega-embed in the browser; the static SVG is what readers
without JavaScript, print and the first paint see. It is drawn here, not by vl-convert: vl-convert
took 0.13–0.3 s a chart (almost all of it measuring text with the system fonts), which made the static
images most of a cold build. This module draws the subset of Vega-Lite that `charts.py` emits —
horizontal bars, grouped by a series (`yOffset`), coloured by mark, by a sign condition or by series,
with an optional rule layer — and refuses anything else, so a new chart type cannot silently draw wrong.
Text widths come from Arial's metrics (wide East Asian characters 1 em), so labels are cut as Vega cuts them.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from html import escape
from typing import Sequence

WIDTH = 640
# Latin glyphs from an Arial-metric font (the widths below), Chinese from the first CJK font there is
FONT = ("'Liberation Sans',Arial,Helvetica,'Noto Sans CJK SC','Source Han Sans SC','PingFang SC',"
        "'Microsoft YaHei',sans-serif")
LABEL_SIZE, TITLE_SIZE, TICK_SIZE, AXIS_TITLE_SIZE = 10, 13, 10, 11
PAD, GAP = 6, 8
DEFAULT_STEP, DEFAULT_LABEL_LIMIT = 20, 180
BAND_PADDING = 0.1  # Vega-Lite's default inner padding of a band scale
TABLEAU10 = ("#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6",
             "#9d755d", "#bab0ac")  # Vega-Lite's default categorical scheme
GRID, AXIS, TEXT = "#dddddd", "#888888", "#333333"
_CONDITION = re.compile(r"^\(?\s*datum\.(\w+)\s*<\s*(-?[\d.]+)\s*\)?$")


class UnsupportedSpec(ValueError):
    """A spec uses Vega-Lite this drawer does not know."""


@dataclass(frozen=True)
class Mark:
    """One bar to draw: its band label, series, value, colour and hover text."""

    label: str
    series: str
    value: float
    colour: str
    hover: str


# Advance widths (1/1000 em) of printable ASCII in Helvetica/Arial/Liberation Sans, which the SVG asks for first
_ASCII_WIDTHS = [int(w) for w in (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 "
    "278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 "
    "611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 "
    "556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584").split()]


def text_width(text: str, size: float) -> float:
    """Return the width in px of text set at size px (Arial metrics; wide East Asian characters 1 em)."""
    units = 0
    for ch in text:
        code = ord(ch)
        if 32 <= code < 127:
            units += _ASCII_WIDTHS[code - 32]
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            units += 1000
        else:
            units += 600
    return units * size / 1000


def truncate(text: str, size: float, limit: float) -> str:
    """Return text cut with an ellipsis so that it fits in limit px (as Vega's labelLimit does)."""
    if limit <= 0 or text_width(text, size) <= limit:
        return text
    while text and text_width(text + "…", size) > limit:
        text = text[:-1]
    return text + "…"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Return round tick values covering [low, high] (steps of 1, 2 or 5 × 10^k)."""
    if not high - low > 1e-9:  # one value, or values too close to tell apart (log10 of 0 below)
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)  # 1e-9: float noise
    first -= first * step > low
    last += last * step < high
    return [round(i * step, 10) for i in range(first, last + 1)]


def tick_text(value: float, step: float) -> str:
    """Return a tick label with thousands separators and the decimals the step needs."""
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step else 0
    return f"{value:,.{decimals}f}"


def _layers(spec: dict) -> list[dict]:
    """Return the spec's unit specs (itself when it has no layers)."""
    return spec.get("layer") or [spec]


def _mark_type(layer: dict) -> str:
    """Return a unit spec's mark type."""
    mark = layer.get("mark")
    return mark.get("type", "") if isinstance(mark, dict) else str(mark or "")


def _values(layer: dict, spec: dict) -> list[dict]:
    """Return a unit spec's inline data (its own, else the parent's)."""
    data = layer.get("data") or spec.get("data") or {}
    if "values" not in data:
        raise UnsupportedSpec("only inline data can be drawn")
    return list(data["values"])


def _title(value: object) -> str:
    """Return a title as text (Vega-Lite allows a string, a list of lines or {text: …})."""
    if isinstance(value, dict):
        value = value.get("text", "")
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _colour_of(layer: dict, series: Sequence[str]):
    """Return a function from a datum to its colour, and the legend entries [(series, colour)]."""
    mark = layer.get("mark") if isinstance(layer.get("mark"), dict) else {}
    colour = (layer.get("encoding") or {}).get("color")
    if not colour:
        fixed = mark.get("color", TABLEAU10[0])
        return (lambda datum: fixed), []
    if "condition" in colour:
        test = _CONDITION.match(str(colour["condition"].get("test", "")))
        if not test or "value" not in colour:
            raise UnsupportedSpec(f"colour condition {colour['condition'].get('test')!r}")
        field, bound = test.group(1), float(test.group(2))
        yes, no = colour["condition"]["value"], colour["value"]
        return (lambda datum: yes if float(datum.get(field) or 0) < bound else no), []
    if "field" in colour:
        palette = (colour.get("scale") or {}).get("range") or TABLEAU10
        table = {name: palette[i % len(palette)] for i, name in enumerate(series)}
        return (lambda datum: table[str(datum.get(colour["field"], ""))]), list(table.items())
    return (lambda datum: colour.get("value", TABLEAU10[0])), []


def _hover(datum: dict, tooltip: Sequence[dict]) -> str:
    """Return the hover text of a bar: the spec's tooltip fields, one per line."""
    lines = []
    for item in tooltip:
        value = datum.get(item.get("field", ""))
        if value not in (None, ""):
            lines.append(f"{item.get('title') or item.get('field')}: {value}")
    return "\n".join(lines)


def _ordered(values: Sequence[str]) -> list[str]:
    """Return the distinct values in first-seen order."""
    return list(dict.fromkeys(values))


@dataclass(frozen=True)
class Plan:
    """Everything a chart's drawing needs, read from its spec."""

    title: str
    x_title: str
    labels: tuple[str, ...]
    series: tuple[str, ...]
    marks: tuple[Mark, ...]
    legend_title: str
    legend: tuple[tuple[str, str], ...]
    rules: tuple[tuple[float, str], ...]
    step: float
    label_limit: float
    subtitle: tuple[str, ...] = ()


def subtitle_lines(spec: dict) -> tuple[str, ...]:
    """Return a spec's subtitle lines (the figures' periods, the source), none when its title has none."""
    title = spec.get("title")
    lines = title.get("subtitle", ()) if isinstance(title, dict) else ()
    return (lines,) if isinstance(lines, str) else tuple(str(line) for line in lines)


def plan_chart(spec: dict) -> Plan:
    """Return the drawing plan of a horizontal bar chart spec; raise UnsupportedSpec otherwise."""
    layers = _layers(spec)
    bars = [layer for layer in layers if _mark_type(layer) == "bar"]
    if len(bars) != 1 or any(_mark_type(layer) not in ("bar", "rule") for layer in layers):
        raise UnsupportedSpec("only one bar layer and rules can be drawn")
    layer = bars[0]
    enc = layer.get("encoding") or {}
    x, y = enc.get("x") or {}, enc.get("y") or {}
    if x.get("type") != "quantitative" or y.get("type") not in ("nominal", "ordinal"):
        raise UnsupportedSpec("only horizontal bars (quantitative x, nominal y) can be drawn")
    if y.get("sort", "ascending") is not None:
        raise UnsupportedSpec("only bars in data order (sort: null) can be drawn")
    data = _values(layer, spec)
    offset = (enc.get("yOffset") or {}).get("field")
    series = sorted({str(d.get(offset, "")) for d in data}) if offset else [""]
    colour, legend = _colour_of(layer, series)
    tooltip = enc.get("tooltip") or []
    tooltip = [tooltip] if isinstance(tooltip, dict) else tooltip
    marks = tuple(Mark(str(d.get(y["field"], "")), str(d.get(offset, "")) if offset else "",
                       float(d.get(x["field"]) or 0), colour(d), _hover(d, tooltip)) for d in data)
    rules = tuple((float(d.get(rule["encoding"]["x"]["field"]) or 0), rule["mark"].get("color", AXIS))
                  for rule in layers if _mark_type(rule) == "rule" for d in _values(rule, spec))
    height = spec.get("height") or layer.get("height")
    step = height.get("step", DEFAULT_STEP) if isinstance(height, dict) else DEFAULT_STEP
    limit = ((y.get("axis") or {}).get("labelLimit", DEFAULT_LABEL_LIMIT))
    legend_title = _title((enc.get("color") or {}).get("title")) if legend else ""
    return Plan(_title(spec.get("title") or layer.get("title")), _title(x.get("title")),
                tuple(_ordered(m.label for m in marks)), tuple(series), marks, legend_title, tuple(legend),
                rules, float(step), float(limit), subtitle_lines(spec))


def _text(x: float, y: float, text: str, size: float, anchor: str = "start", weight: str = "normal",
          fill: str = TEXT) -> str:
    """Return an SVG text element (text escaped)."""
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{bold} fill="{fill}">'
            f"{escape(text)}</text>")


def _legend(plan: Plan, top: float) -> tuple[list[str], float]:
    """Return the legend's elements (one swatch and name per series) and its height."""
    if not plan.legend:
        return [], 0.0
    x = PAD
    parts = [_text(x, top + 11, plan.legend_title, LABEL_SIZE, weight="bold")] if plan.legend_title else []
    x += text_width(plan.legend_title, LABEL_SIZE) + GAP if plan.legend_title else 0
    for name, colour in plan.legend:
        parts.append(f'<rect x="{x:.1f}" y="{top + 2:.1f}" width="10" height="10" fill="{colour}"/>')
        parts.append(_text(x + 14, top + 11, name, LABEL_SIZE))
        x += 14 + text_width(name, LABEL_SIZE) + 2 * GAP
    return parts, 18.0


def _heading(plan: Plan) -> tuple[list[str], float]:
    """Return the title's and subtitle lines' elements (periods, source) and the top below them."""
    parts, top = [], PAD
    if plan.title:
        parts.append(_text(WIDTH / 2, top + TITLE_SIZE, plan.title, TITLE_SIZE, "middle", "bold"))
        top += TITLE_SIZE + GAP
    for line in plan.subtitle:
        parts.append(_text(WIDTH / 2, top + LABEL_SIZE, line, LABEL_SIZE, "middle", fill=AXIS))
        top += LABEL_SIZE + GAP / 2
    return parts, top


def draw(plan: Plan) -> str:
    """Return the SVG of a drawing plan: title, legend, labelled bands of bars, x axis with grid."""
    parts, top = _heading(plan)
    legend, legend_height = _legend(plan, top)
    parts += legend
    top += legend_height + (GAP if legend_height else 0)
    shown = [truncate(label, LABEL_SIZE, plan.label_limit) for label in plan.labels]
    left = PAD + max([text_width(s, LABEL_SIZE) for s in shown] + [0]) + GAP
    right = WIDTH - PAD - 12
    values = [m.value for m in plan.marks] + [v for v, _ in plan.rules]
    ticks = nice_ticks(min(values + [0.0]), max(values + [0.0]), max(3, round((right - left) / 50)))
    low, high = ticks[0], ticks[-1]

    def at(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    band_step = plan.step * len(plan.series)  # as in Vega-Lite, the step is per bar of a group
    plot_h = band_step * len(plan.labels)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    for tick in ticks:
        parts.append(f'<line x1="{at(tick):.1f}" y1="{top:.1f}" x2="{at(tick):.1f}" y2="{top + plot_h:.1f}" '
                     f'stroke="{GRID}"/>')
        parts.append(_text(at(tick), top + plot_h + 14, tick_text(tick, step), TICK_SIZE, "middle"))
    band = band_step * (1 - BAND_PADDING)
    sub = band / len(plan.series)
    for i, (label, text) in enumerate(zip(plan.labels, shown)):
        y0 = top + i * band_step + band_step * BAND_PADDING / 2
        parts.append(_text(left - GAP / 2, y0 + band / 2 + LABEL_SIZE * 0.35, text, LABEL_SIZE, "end"))
        for mark in (m for m in plan.marks if m.label == label):
            y = y0 + plan.series.index(mark.series) * sub
            x0, x1 = sorted((at(0.0), at(mark.value)))
            parts.append(f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(x1 - x0, 0.5):.1f}" height="{sub:.1f}" '
                         f'fill="{mark.colour}"><title>{escape(mark.hover)}</title></rect>')
    for value, colour in plan.rules:
        parts.append(f'<line x1="{at(value):.1f}" y1="{top:.1f}" x2="{at(value):.1f}" y2="{top + plot_h:.1f}" '
                     f'stroke="{colour}"/>')
    parts.append(f'<line x1="{left:.1f}" y1="{top + plot_h:.1f}" x2="{right:.1f}" y2="{top + plot_h:.1f}" '
                 f'stroke="{AXIS}"/>')
    if plan.x_title:
        parts.append(_text((left + right) / 2, top + plot_h + 32, plan.x_title, AXIS_TITLE_SIZE, "middle", "bold"))
    height = math.ceil(top + plot_h + (40 if plan.x_title else 24))
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" font-family="{escape(FONT)}">')
    title = f"<title>{escape(plan.title)}</title>" if plan.title else ""
    background = f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>'
    return head + title + background + "".join(parts) + "</svg>\n"


def render_svg(spec: dict) -> str:
    """Return the static SVG of a chart spec (see the module's note for what can be drawn)."""
    return draw(plan_chart(spec))

