"""Every report isolated: whatever fails while reading, rendering or exporting one report is named with the
stage on one line, the others are built, the status is 1; numbers out of range are never facts and
JSON output is always valid (no NaN/Infinity)."""
from __future__ import annotations

import dataclasses
import json
import math
import shutil
from pathlib import Path

import pytest

from generator import cli
from generator.model import Meta, Report
from generator.pages.export import report_json
from projectcopy import ROOT, copy_project, townfacts

SEEDS = ROOT / "seeds"
HUGE = "9" * 309  # a float of this is Infinity
TEXT = (f"织里镇人民政府工作报告\n\n全年完成地区生产总值{HUGE}亿元，增长{HUGE}%。\n"
        f"工业产值{'9' * 400}.5亿元，财政收入12亿元。\n")


def strict_json(text: str):
    """Return the parsed JSON, refusing NaN and Infinity as a strict parser (browsers, jq) does."""
    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


def finite(value) -> bool:
    """Return whether every number inside a parsed JSON value is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite(v) for v in value.values())
    if isinstance(value, list):
        return all(finite(v) for v in value)
    return True


def test_facts_of_a_report_with_huge_numbers_is_valid_json_without_them(tmp_path):
    """`townfacts facts` printed Infinity, which is not JSON."""
    path = tmp_path / "big.txt"
    path.write_text(TEXT, encoding="utf-8")
    proc = townfacts(ROOT, "facts", str(path))
    assert proc.returncode == 0, proc.stderr
    doc = strict_json(proc.stdout)
    assert finite(doc)
    assert [(f["indicator"], f["value"]) for f in doc["facts"] if f["value"] == 12] == [("财政收入", 12)]
    assert all(abs(f["value"]) <= 1e15 for f in doc["facts"])


def test_json_is_never_written_with_infinity():
    meta = Meta(place="织里镇", slug="zhili", source="seeds/zhili.txt", sha256="ab" * 32)
    from generator.model import Fact, Source
    fact = Fact("zhili-0001", "地区生产总值", math.inf, "亿元", "actual", Source(3, "地区生产总值", "p-1"))
    with pytest.raises(ValueError):
        report_json(Report(meta, facts=(fact,)))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Return a project copy with both seeds, as the working folder."""
    work = copy_project(tmp_path)
    monkeypatch.chdir(work)
    return work


def test_a_report_that_breaks_rendering_is_named_with_the_stage_and_the_others_build(project, monkeypatch,
                                                                                        capsys):
    """A number the renderer cannot format used to stop the whole build with no file named."""
    from generator.site import reports

    original = reports.extract_file

    def poisoned(path: Path):
        report, seconds = original(path)
        if report.meta.place == "织里镇":  # a value that slipped past every check
            first = dataclasses.replace(report.facts[0], value=math.inf, growth_pct=math.nan)
            report = dataclasses.replace(report, facts=(first, *report.facts[1:]))
        return report, seconds

    monkeypatch.setattr(reports, "extract_file", poisoned)
    status = cli.main(["build"])
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("Error")]
    assert status == 1
    assert len(errors) == 1 and errors[0].startswith("Error: seeds/001_56a725257718ee95.txt: while rendering"), errors
    assert (project / "site" / "towns" / "balidian" / "index.html").is_file()
    assert not (project / "site" / "towns" / "zhili").exists()
    for path in (project / "site").rglob("*.json"):
        assert finite(strict_json(path.read_text(encoding="utf-8"))), path
    assert "织里" not in (project / "site" / "data" / "facts.csv").read_text(encoding="utf-8")


def test_a_report_that_breaks_reading_is_named_with_the_stage(project, monkeypatch, capsys):
    from decimal import InvalidOperation

    from generator.read import extract

    original = extract.extract_report

    def failing(clean, *more):
        if "织里镇" in clean.original:
            raise InvalidOperation([InvalidOperation])
        return original(clean, *more)

    monkeypatch.setattr(extract, "extract_report", failing)
    monkeypatch.setattr("generator.site.reports.extract_report", failing)
    status = cli.main(["build"])
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("Error")]
    assert status == 1
    assert errors == ["Error: seeds/001_56a725257718ee95.txt: while reading: InvalidOperation: "
                      "[<class 'decimal.InvalidOperation'>]"]
    assert (project / "site" / "towns" / "balidian" / "index.html").is_file()


@pytest.mark.slow
def test_a_build_with_huge_numbers_builds_every_report_and_lists_them_for_an_editor(tmp_path):
    work = copy_project(tmp_path)
    (work / "seeds" / "big.txt").write_text(TEXT.replace("织里镇", "八里店镇"), encoding="utf-8")
    proc = townfacts(work, "build")
    assert proc.returncode == 0, proc.stderr
    site = work / "site"
    assert (site / "towns" / "wuxing-zhili" / "2021" / "index.html").is_file()
    for path in site.rglob("*.json"):
        assert finite(strict_json(path.read_text(encoding="utf-8"))), path
    big = next(p for p in (site / "towns").glob("balidian*/**/index.html") if HUGE in p.read_text(encoding="utf-8"))
    quality = big.read_text(encoding="utf-8").split("Extraction quality", 1)[-1]
    assert HUGE in quality  # the quality panel lists it as a number that did not become a fact
    assert f"{HUGE} (数值过大，不作为数据)" in quality  # the note says why (Chinese page)
    shutil.rmtree(work / ".cache")
