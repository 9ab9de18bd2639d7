"""The facts JSON contract (`townfacts.report/1`): what `townfacts facts` prints and the site offers."""
from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Iterable, Iterator, Sequence

from generator.datafiles import load
from generator.model import Fact, Report
from generator.pages.periods import figure_year, period_shown

SCHEMA = "townfacts.report/1"
META_FIELDS = ("place", "place_en", "slug", "level", "district", "city", "province", "doc_type", "title",
               "meeting", "date", "year", "speaker", "speaker_title", "period_covered", "source", "sha256")


def _number(value: float | None) -> float | int | None:
    """Return a whole float as int (181.0 → 181) so JSON reads as written."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def shown_period(fact: Fact, report: Report) -> dict:
    """Return what the pages show as a fact's period, in both languages, and the year it is for (or None)."""
    resolved = figure_year(fact, report)
    return {"period_shown": {lang: period_shown(fact, report, lang) for lang in ("zh", "en")},
            "period_year": resolved[0] if resolved else None}


def fact_dict(fact: Fact) -> dict:
    """Return one fact as the contract's JSON object."""
    d = {f.name: getattr(fact, f.name) for f in fields(fact)}  # shallow: asdict's deep copy was 60 % of exports
    for key in ("value", "base_value", "growth_pct"):
        d[key] = _number(d[key])
    source = d.pop("source")
    d["source"] = {"line": source.line, "quote": source.quote, "paragraph": source.paragraph}
    return d


def report_dict(report: Report, shown: bool = False) -> dict:
    """Return a report as the contract's JSON object: schema, meta, facts; with ``shown``, each fact also
    carries the period the pages show (downloads: a figure never travels without its period)."""
    meta = asdict(report.meta)
    ordered = {key: meta.get(key) for key in META_FIELDS}
    ordered.update({k: v for k, v in meta.items() if k not in ordered})
    facts = [{**fact_dict(f), **shown_period(f, report)} if shown else fact_dict(f) for f in report.facts]
    return {"schema": SCHEMA, "meta": ordered, "facts": facts}


def report_json(report: Report, shown: bool = False) -> str:
    """Return the contract JSON text of a report (UTF-8, not ASCII-escaped, stable key order)."""
    return json.dumps(report_dict(report, shown), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


CSV_FIELDS = ("report", "place", "place_en", "place_code", "report_year", "id", "indicator", "indicator_en",
              "indicator_origin", "value", "unit", "qualifier",
              "base_value", "base_unit", "growth_pct", "growth_basis", "period", "period_shown", "period_shown_en",
              "period_year", "kind", "section", "part_of",
              "source_line", "source_quote", "source_file")


def csv_rows(report: Report) -> list[dict]:
    """Return one flat row per fact, as the CSV download holds them."""
    rows = []
    for fact in report.facts:
        d, when = fact_dict(fact), shown_period(fact, report)
        rows.append({
            "report": report.meta.slug, "place": report.meta.place, "place_en": report.meta.place_en,
            "place_code": report.meta.place_code, "report_year": report.meta.year,
            **{k: d[k] for k in CSV_FIELDS if k in d}, "period_shown": when["period_shown"]["zh"],
            "period_shown_en": when["period_shown"]["en"], "period_year": when["period_year"],
            "source_line": d["source"]["line"], "source_quote": d["source"]["quote"], "source_file": report.meta.source,
        })
    return rows


def facts_csv(reports: list[Report]) -> str:
    """Return the facts of the reports as CSV text (UTF-8, header row, RFC 4180 quoting)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for report in reports:
        for row in csv_rows(report):
            cells = {k: csv_cell(v) for k, v in row.items()}
            if any(isinstance(v, str) and "\r" in v for v in cells.values()):
                buffer.write(_row_quoting_cr(cells))
            else:
                writer.writerow(cells)
    return buffer.getvalue()


def _row_quoting_cr(cells: dict) -> str:
    """Return one CSV row whose cells hold a CR, those cells quoted, ending in "\n" like the others."""
    import csv
    import io

    # the writer quotes only its line terminator's characters: a bare CR would break the row in a spreadsheet
    row = io.StringIO()
    csv.DictWriter(row, fieldnames=CSV_FIELDS, lineterminator="\r\n").writerow(cells)
    return row.getvalue().removesuffix("\r\n") + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula (OWASP)


def csv_cell(value) -> object:
    """Return a CSV cell: numbers as they are, text that a spreadsheet would run as a formula quoted with '."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def all_reports_json(reports: list[Report]) -> str:
    """Return every report as one JSON document: {"schema", "reports": [report, …]}."""
    doc = {"schema": "townfacts.reports/1", "reports": [report_dict(r, shown=True) for r in reports]}
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def joined_csv(parts: Sequence[str]) -> str:
    """Return the CSV of several reports from their own CSV texts (facts_csv of each): one header."""
    return "".join(joined_csv_chunks(parts))


def joined_csv_chunks(parts: Iterable[str]) -> Iterator[str]:
    """Yield the text of `joined_csv` in pieces, taking one report's CSV at a time."""
    first = True
    for part in parts:
        yield part if first else part.split("\n", 1)[1]
        first = False
    if first:
        yield facts_csv([])


def joined_json(parts: Sequence[str]) -> str:
    """Return the all-reports JSON from each report's JSON text (report_json), exactly as all_reports_json
    writes it: indenting text is much faster than json.dumps with indent, which runs in pure Python."""
    return "".join(joined_json_chunks(parts))


def joined_json_chunks(parts: Iterable[str]) -> Iterator[str]:
    """Yield the text of `joined_json` in pieces, taking one report's JSON at a time."""
    first = True
    for part in parts:
        # split on "\n" only: JSON escapes it inside strings, but not U+2028, U+0085 … that splitlines() and
        # textwrap.indent also break lines at, which inserted spaces into the strings
        item = "\n".join("    " + line for line in part.rstrip("\n").split("\n"))
        yield (f'{{\n  "schema": "townfacts.reports/1",\n  "reports": [\n' if first else ",\n") + item
        first = False
    yield all_reports_json([]) if first else "\n  ]\n}\n"


# name: (type, English description, Chinese description)
FIELD_DOCS = {name: (doc["type"], doc["en"], doc["zh"]) for name, doc in load("fields.yaml").items()}


def datapackage(reports: list[Report], resources: list[tuple[str, str]]) -> dict:
    """Return a Frictionless Data Package describing the CSV downloads (fields, types, units)."""
    schema = {"fields": [{"name": name, "type": FIELD_DOCS[name][0], "description": FIELD_DOCS[name][1],
                          "description_zh": FIELD_DOCS[name][2]}
                         for name in CSV_FIELDS],
              "primaryKey": ["id"]}
    return {
        "name": "townfacts",
        "title": "Town fact sheets: figures from Chinese town government reports",
        "licenses": [{"name": "other-pd", "title": "Figures from public government reports"}],
        "sources": [{"title": f"{r.meta.place} {r.meta.doc_type or ''}".strip(), "path": r.meta.source}
                    for r in reports],
        "resources": [{"name": name, "path": path, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                       "schema": schema} for name, path in resources],
    }
