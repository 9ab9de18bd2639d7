"""benchmarks/synthetic.py: deterministic, distinct towns, and reports the extractor reads like real ones."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic  # noqa: E402

N = 3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return synthetic.make_corpus(tmp_path_factory.mktemp("synthetic"), N, seed=0)


def test_writes_n_reports(corpus):
    assert len(corpus) == N
    assert all(p.is_file() and p.suffix == ".txt" and p.stat().st_size > 1000 for p in corpus)


def test_deterministic(corpus, tmp_path):
    again = synthetic.make_corpus(tmp_path, N, seed=0)
    assert [p.name for p in again] == [p.name for p in corpus]
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in corpus]


def test_seed_changes_the_corpus(corpus, tmp_path):
    other = synthetic.make_corpus(tmp_path, N, seed=1)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in corpus]


def test_distinct_places_replace_the_sources_names(corpus):
    towns = synthetic.make_towns(N, seed=0)
    assert len({t.place for t in towns}) == N and len({t.slug for t in towns}) == N
    for path, town in zip(corpus, towns):
        text = path.read_text(encoding="utf-8")
        assert town.place in text
        for old in synthetic.SOURCE_PLACES + synthetic.SOURCE_DISTRICTS + ("湖州", "保定市"):
            assert old not in text, (path.name, old)


def test_report_structure(corpus):
    for path in corpus:
        lines = path.read_text(encoding="utf-8").split("\n\n")
        assert any("工作报告" in line for line in lines[:3])
        assert any(line.startswith("一、") for line in lines) and any(line.startswith("二、") for line in lines)
        assert any(line.startswith("（一）") for line in lines)


def test_many_towns_unique_slugs():
    towns = synthetic.make_towns(500, seed=0)
    assert len({t.slug for t in towns}) == 500
    assert len({t.district for t in towns}) > 10


def test_reports_extract(corpus):
    from generator.site.reports import read_report

    towns = synthetic.make_towns(N, seed=0)
    reports = [read_report(p) for p in corpus]
    for report, town in zip(reports, towns):
        assert len(report.facts) >= 10, report.meta.source
        assert report.meta.place == town.place
        assert report.meta.slug == town.slug
        assert report.meta.year == town.year
    assert len({r.meta.slug for r in reports}) == N


def test_province_corpus_stays_in_one_province_and_adds_years_past_its_towns():
    towns = synthetic.make_towns(1500, seed=0, province="largest")
    assert len({t.province for t in towns}) == 1
    assert len({(t.slug, t.year) for t in towns}) == 1500 < len({t.slug for t in towns}) * 2
