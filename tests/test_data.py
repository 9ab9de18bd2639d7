"""Open data: CSV/JSON downloads round-trip against `townfacts facts`, the data package, the quality panel."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.site.docs import data_files, write_chunks_if_changed
from generator.site.reports import read_report
from generator.pages.export import CSV_FIELDS, all_reports_json, facts_csv, report_dict
from generator.pages.quality import number_coverage
from generator.pages.render import compare_table, render_fact_sheet, report_downloads

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def reports():
    return [read_report(p) for p in SEEDS]


@pytest.fixture
def downloads(tmp_path):
    """Return a function giving the site's downloads: each town's and those of all towns, the latter joined
    from the towns' files written in a docs folder, as the build does."""
    def files(reports):
        own = {path: text for r in reports for path, text in report_downloads(r).items()}
        for path, text in own.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_bytes(text.encode("utf-8"))
        return {**own, **{path: "".join(chunks) for path, chunks in data_files(reports, tmp_path).items()}}
    return files


@pytest.mark.parametrize("count", [0, 1, 2])
def test_all_towns_downloads_are_exactly_the_whole_documents(reports, downloads, count):
    files = downloads(reports[:count])
    assert files["data/facts.csv"] == facts_csv(reports[:count])
    assert files["data/facts.json"] == all_reports_json(reports[:count])


def test_an_all_towns_download_is_written_only_when_its_text_changed(tmp_path):
    path = tmp_path / "data" / "facts.csv"
    assert write_chunks_if_changed(path, iter(["a,b\n", "1,\r\n", "文\n"]))
    assert path.read_bytes() == "a,b\n1,\r\n文\n".encode("utf-8")  # no newline translation
    before = path.stat()
    assert not write_chunks_if_changed(path, iter(["a,b\n1,\r\n", "文\n"]))  # same text in other pieces
    assert path.stat().st_ino == before.st_ino and path.stat().st_mtime_ns == before.st_mtime_ns
    assert write_chunks_if_changed(path, iter(["a,b\n"])) and path.read_text(encoding="utf-8") == "a,b\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["facts.csv"]  # no temporary file left


def test_csv_round_trips_every_fact(reports, downloads):
    files = downloads(reports)
    rows = list(csv.DictReader(io.StringIO(files["data/facts.csv"])))
    facts = [(r, f) for r in reports for f in report_dict(r)["facts"]]
    assert len(rows) == len(facts)
    for row, (report, fact) in zip(rows, facts):
        assert row["id"] == fact["id"] and row["indicator"] == fact["indicator"]
        assert float(row["value"]) == pytest.approx(fact["value"])
        assert (row["growth_pct"] and float(row["growth_pct"])) == (fact["growth_pct"] or "")
        assert row["source_quote"] == fact["source"]["quote"] and int(row["source_line"]) == fact["source"]["line"]
        assert row["kind"] == fact["kind"] and row["period"] == (fact["period"] or "")


def test_json_download_is_the_contract(reports, downloads):
    files = downloads(reports)
    for report in reports:
        download = json.loads(files[f"data/{report.meta.slug}/facts.json"])
        assert download == report_dict(report, shown=True)  # the contract, each fact with the period pages show
        contract = report_dict(report)
        assert [{k: v for k, v in f.items() if k in contract["facts"][0]} for f in download["facts"]] == contract["facts"]
    assert [r["meta"]["slug"] for r in json.loads(files["data/facts.json"])["reports"]] == [r.meta.slug for r in reports]


def test_datapackage_describes_every_csv_field(reports, downloads):
    package = json.loads(downloads(reports)["data/datapackage.json"])
    resources = {r["path"] for r in package["resources"]}
    assert "facts.csv" in resources and all(f"{r.meta.slug}/facts.csv" in resources for r in reports)
    fields = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert fields == list(CSV_FIELDS)


def test_quality_panel_counts_numbers_and_lists_the_unused(reports):
    for report in reports:
        q = number_coverage(report)
        assert q.total > q.used > 0.5 * q.total
        assert len(q.unused) == q.total - q.used
        page = render_fact_sheet(report, "en")
        assert f"{q.used} of the {q.total} figures" in page


def test_compare_table_shows_period_and_kind_for_each_town(reports):
    rows = compare_table(reports, "en")
    assert rows and all(len(r.cells) == len(reports) for r in rows)
    for row in rows:
        for cell in row.cells:
            assert not cell or ("Actual" in cell or "Target" in cell or "Estimate" in cell)


def test_fact_sheet_links_downloads_and_cites_its_source(reports):
    page = render_fact_sheet(reports[0], "zh", "https://example.org/townfacts/")
    slug = reports[0].meta.slug
    assert f"../../data/{slug}/facts.csv" in page and f"../../data/{slug}/facts.json" in page
    assert f"https&#58;//example.org/townfacts/towns/{slug}/" in page and reports[0].meta.sha256[:12] in page
