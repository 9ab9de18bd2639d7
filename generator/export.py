"""The facts JSON contract (`townfacts.report/1`): what `townfacts facts` prints and the site offers."""
from __future__ import annotations

import json
from dataclasses import asdict

from generator.model import Fact, Report

SCHEMA = "townfacts.report/1"
META_FIELDS = ("place", "place_en", "slug", "level", "district", "city", "province", "doc_type", "title",
               "meeting", "date", "year", "speaker", "speaker_title", "period_covered", "source", "sha256")


def _number(value: float | None) -> float | int | None:
    """Return a whole float as int (181.0 → 181) so JSON reads as written."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def fact_dict(fact: Fact) -> dict:
    """Return one fact as the contract's JSON object."""
    d = asdict(fact)
    for key in ("value", "base_value", "growth_pct"):
        d[key] = _number(d[key])
    source = d.pop("source")
    d["source"] = {"line": source["line"], "quote": source["quote"], "paragraph": source["paragraph"]}
    return d


def report_dict(report: Report) -> dict:
    """Return a report as the contract's JSON object: schema, meta, facts."""
    meta = asdict(report.meta)
    ordered = {key: meta.get(key) for key in META_FIELDS}
    ordered.update({k: v for k, v in meta.items() if k not in ordered})
    return {"schema": SCHEMA, "meta": ordered, "facts": [fact_dict(f) for f in report.facts]}


def report_json(report: Report) -> str:
    """Return the contract JSON text of a report (UTF-8, not ASCII-escaped, stable key order)."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
