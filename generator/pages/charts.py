"""Chart builders: pure functions from chart rows to `alt.Chart`, plus the HTML that embeds them.

Every chart is drawn twice: interactively by vega-embed from the spec inlined in the page, and as
a static SVG rendered at build time (for readers without JavaScript, print and the offline bundle).
"""
from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass, fields
from typing import Sequence

import altair as alt

from generator.pages.views import ui

VEGA_LITE_VERSION = "6.4"  # the Vega-Lite that Altair 6 emits; pinned for vl-convert too
SVG_WIDTH = 640  # a static SVG has no container to fill
POSITIVE, NEGATIVE, TARGET, ACTUAL = "#2e7d32", "#c62828", "#9e9e9e", "#c62828"


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a label, a value on the chart's scale and what the tooltip shows."""

    label: str
    value: float
    shown: str  # the value as the page writes it, e.g. "181亿元" / "CNY 18.1 billion"
    growth: str
    period: str
    quote: str
    fact_id: str
    series: str = ""  # e.g. "Actual" / "Target", or a town's name on the compare page


MONEY_DIVISOR = {"zh": 1e8, "en": 1e9}  # 亿元 and billions: the scale each language counts money in


def money_scale(lang: str) -> tuple[float, str]:
    """Return (divisor, unit label) that puts CNY amounts on one readable scale."""
    return MONEY_DIVISOR[lang], _word(lang, "money_unit")


def _word(lang: str, key: str) -> str:
    """Return a chart word (title, axis or tooltip label) in a language, from data/ui.<lang>.yaml."""
    return ui(f"chart_{key}", lang)


def _title(lang: str, key: str, unit: str = "") -> str:
    """Return a chart title, with the unit in the language's brackets."""
    words = _word(lang, key)
    if not unit:
        return words
    return f"{words}（{unit}）" if lang == "zh" else f"{words} ({unit})"


def _tooltip(lang: str) -> list[alt.Tooltip]:
    """Return the tooltip fields every chart shows: indicator, value, growth, period, source text."""
    return [alt.Tooltip(f"{field}:N", title=_word(lang, key)) for field, key in
            (("label", "indicator"), ("shown", "value"), ("growth", "growth_pct"), ("period", "period"),
             ("quote", "quote"))]


BAR_FIELDS = tuple(f.name for f in fields(Bar))


def bar_values(bars: Sequence[Bar]) -> list[dict]:
    """Return the bars as the rows of a chart's inline data."""
    return [{name: getattr(bar, name) for name in BAR_FIELDS} for bar in bars]


def _data(bars: Sequence[Bar]) -> alt.Data:
    """Return the bars as inline chart data (never a URL: fetching fails under file://)."""
    return alt.Data(values=bar_values(bars))


def titled(text: str, notes: Sequence[str] = ()) -> "str | alt.TitleParams":
    """Return a chart title with its notes (the figures' periods and kind, the source) as subtitle lines."""
    return alt.TitleParams(text=text, subtitle=list(notes), anchor="start") if notes else text


def _base(bars: Sequence[Bar], title: str, notes: Sequence[str] = ()) -> alt.Chart:
    """Return a chart over the bars with the site's common size and title."""
    return alt.Chart(_data(bars), title=titled(title, notes)).properties(width="container", height=alt.Step(26))


def _label_axis() -> alt.Y:
    """Return the y encoding of bar labels in the order given."""
    return alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=280))


def headline_chart(bars: Sequence[Bar], lang: str, notes: Sequence[str] = ()) -> alt.Chart:
    """Return a horizontal bar chart of headline money indicators on one scale."""
    _, unit = money_scale(lang)
    return _base(bars, _title(lang, "headline", unit), notes).mark_bar(color=ACTUAL).encode(
        y=_label_axis(), x=alt.X("value:Q", title=unit), tooltip=_tooltip(lang))


def growth_chart(bars: Sequence[Bar], lang: str, notes: Sequence[str] = ()) -> alt.Chart:
    """Return diverging bars of growth rates (%), declines in a different colour."""
    base = _base(bars, _title(lang, "growth", "%"))
    # typed channel objects, not alt.condition's dict or "zero:Q": Altair turns those into objects
    # with from_dict, which hashes its whole schema each call (~20 ms)
    sign = alt.ColorValue(POSITIVE, condition={"test": "(datum.value < 0)", "value": NEGATIVE})
    bars_layer = base.mark_bar().encode(y=_label_axis(), x=alt.X("value:Q", title=_word(lang, "growth_pct")),
                                        color=sign, tooltip=_tooltip(lang))
    zero = alt.Chart(alt.Data(values=[{"zero": 0}])).mark_rule(color="#616161").encode(x=alt.X("zero:Q"))
    return alt.layer(bars_layer, zero, title=titled(_title(lang, "growth", "%"), notes)).properties(width="container")


def target_chart(bars: Sequence[Bar], lang: str, notes: Sequence[str] = ()) -> alt.Chart:
    """Return grouped bars of the same money indicators as target and as result, on one scale."""
    series, (_, unit) = _word(lang, "series"), money_scale(lang)
    return _base(bars, _title(lang, "targets", unit), notes).mark_bar().encode(
        y=_label_axis(), yOffset=alt.YOffset("series:N", title=series), x=alt.X("value:Q", title=unit),
        color=alt.Color("series:N", title=series, scale=alt.Scale(range=[ACTUAL, TARGET])),
        tooltip=_tooltip(lang) + [alt.Tooltip("series:N", title=series)])


def compare_chart(bars: Sequence[Bar], lang: str, notes: Sequence[str] = ()) -> alt.Chart:
    """Return grouped bars of shared money indicators, one colour per town."""
    town = _word(lang, "town")
    _, unit = money_scale(lang)
    return _base(bars, _title(lang, "compare", unit), notes).mark_bar().encode(
        y=_label_axis(), yOffset=alt.YOffset("series:N"), x=alt.X("value:Q", title=unit),
        color=alt.Color("series:N", title=town), tooltip=[alt.Tooltip("series:N", title=town)] + _tooltip(lang))


def chart_spec(chart: alt.Chart) -> dict:
    """Return the Vega-Lite spec of a chart as a plain dict.

    Schema validation is skipped here (it was 75% of rendering time); tests validate every builder's
    `to_dict()` instead.
    """
    spec = chart.to_dict(validate=False)
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}  # labels included: never wider than the page
    return spec


def static_spec(spec: dict) -> dict:
    """Return the spec with a fixed width, as a static SVG has no container to fill."""
    fixed = json.loads(json.dumps(spec, allow_nan=False))
    if fixed.get("width") == "container":
        fixed["width"] = SVG_WIDTH
    for layer in fixed.get("layer", []):
        layer.pop("width", None)
    if "layer" in fixed:
        fixed["width"] = SVG_WIDTH
    return fixed


def spec_hash(spec: dict) -> str:
    """Return a short stable hash of a spec (file names and caches key on it)."""
    raw = json.dumps(spec, sort_keys=True, ensure_ascii=False, allow_nan=False).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


def json_for_script(value: object) -> str:
    """Return JSON that is safe inside a <script> element (no `</script>`, no `<!--`)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def spec_script(spec: dict, chart_id: str) -> str:
    """Return the inline <script> holding a chart's spec for vega-embed."""
    return (f'<script type="application/json" class="tf-chart-spec" data-for="{html.escape(chart_id)}">'
            f"{json_for_script(spec)}</script>")


def series_chart(bars: Sequence[Bar], lang: str, title: str = "", unit: str = "",
                 notes: Sequence[str] = ()) -> alt.Chart:
    """Return a line chart of one indicator across years (bar label = year), a dot on every point."""
    year = _word(lang, "year")
    return alt.Chart(_data(bars), title=titled(title, notes)).mark_line(point=True, color=ACTUAL).encode(
        x=alt.X("label:O", title=year, sort=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=unit or _word(lang, "value")),
        tooltip=[alt.Tooltip("label:N", title=year)] + _tooltip(lang)[1:],
    ).properties(width="container", height=160)
