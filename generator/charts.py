"""Chart builders: pure functions from facts to `alt.Chart`, plus the HTML that embeds them."""
from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from typing import Sequence

import altair as alt

from generator.model import Fact

VEGA_LITE_VERSION = "6.4"  # the Vega-Lite that Altair 6 emits; pinned for vl-convert too


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


MONEY_SCALE = {"zh": (1e8, "亿元"), "en": (1e9, "CNY billion")}
TITLES = {
    "zh": {"headline": "主要指标", "value": "数值", "indicator": "指标", "growth": "增长", "period": "时期", "quote": "原文"},
    "en": {"headline": "Headline indicators", "value": "Value", "indicator": "Indicator", "growth": "Growth", "period": "Period", "quote": "Source text"},
}


def money_scale(lang: str) -> tuple[float, str]:
    """Return (divisor, unit label) that puts CNY amounts on one readable scale."""
    return MONEY_SCALE[lang]


def headline_chart(bars: Sequence[Bar], lang: str) -> alt.Chart:
    """Return a horizontal bar chart of headline money indicators on one scale."""
    t = TITLES[lang]
    _, unit = money_scale(lang)
    data = alt.Data(values=[bar.__dict__ for bar in bars])
    return (
        alt.Chart(data, title=f"{t['headline']}（{unit}）" if lang == "zh" else f"{t['headline']} ({unit})")
        .mark_bar(color="#c62828")
        .encode(
            y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("value:Q", title=unit),
            tooltip=[
                alt.Tooltip("label:N", title=t["indicator"]),
                alt.Tooltip("shown:N", title=t["value"]),
                alt.Tooltip("growth:N", title=t["growth"]),
                alt.Tooltip("period:N", title=t["period"]),
                alt.Tooltip("quote:N", title=t["quote"]),
            ],
        )
        .properties(width="container", height=alt.Step(28))
    )


def chart_spec(chart: alt.Chart) -> dict:
    """Return the Vega-Lite spec of a chart as a plain dict."""
    return chart.to_dict()


def spec_hash(spec: dict) -> str:
    """Return a short stable hash of a spec (ids and caches key on it)."""
    raw = json.dumps(spec, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:12]


def json_for_script(value: object) -> str:
    """Return JSON that is safe inside a <script> element (no `</script>`, no `<!--`)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chart_html(chart: alt.Chart, chart_id: str, alt_text: str) -> str:
    """Return the HTML block that vega-embed turns into the interactive chart."""
    spec = json_for_script(chart_spec(chart))
    return (
        f'<figure class="tf-chart" id="{html.escape(chart_id)}" role="img" aria-label="{html.escape(alt_text)}">'
        f'<div class="tf-chart-view"></div>'
        f'<script type="application/json" class="tf-chart-spec">{spec}</script>'
        f"</figure>"
    )


def bars_from_facts(facts: Sequence[Fact], labels: Sequence[str], shown: Sequence[str], growth: Sequence[str],
                    periods: Sequence[str], quotes: Sequence[str], lang: str) -> list[Bar]:
    """Return chart bars for money facts, with values on the page language's money scale."""
    divisor, _ = money_scale(lang)
    return [
        Bar(label=label, value=round((fact.base_value or 0) / divisor, 4), shown=s, growth=g, period=p,
            quote=q, fact_id=fact.id)
        for fact, label, s, g, p, q in zip(facts, labels, shown, growth, periods, quotes)
    ]
