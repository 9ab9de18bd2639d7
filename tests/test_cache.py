"""Incremental builds: a report is re-read only when it changes; pages are rendered once per report content."""
from __future__ import annotations

import shutil
from pathlib import Path

from generator.site import reports as reading
from generator.site.reports import read_report, read_reports
from generator.support.cache import PickleCache
from generator.support.timings import Timings

ROOT = Path(__file__).resolve().parent.parent


def test_rebuild_after_changing_one_report_rereads_only_that_report(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(p, seeds / p.name)
    calls = []
    real = reading.extract_file
    monkeypatch.setattr(reading, "extract_file", lambda path: (calls.append(path.name), real(path))[1])
    paths = sorted(seeds.glob("*.txt"))

    first = read_reports(paths, Timings(), lambda _: None, cache=PickleCache(tmp_path / "cache"))
    assert len(calls) == 2 and not first.errors
    changed = paths[1]
    changed.write_text(changed.read_text(encoding="utf-8").replace("181亿元", "182亿元"), encoding="utf-8")
    calls.clear()
    second = read_reports(paths, Timings(), lambda _: None, cache=PickleCache(tmp_path / "cache"))  # new process
    assert calls == [changed.name]
    assert any(f.value == 182 for r in second.reports for f in r.facts)


def test_pages_rendered_in_worker_processes_are_the_pages_rendered_inline(tmp_path):
    from dataclasses import replace

    from generator.site.docs import report_pages
    from generator.support.cache import content_key
    from generator.pages.render import render_report
    from generator.support.workers import Workers

    seed = read_report(sorted((ROOT / "seeds").glob("*.txt"))[1])
    reports = [replace(seed, meta=replace(seed.meta, slug=f"{seed.meta.slug}-{i}")) for i in range(6)]
    cache = PickleCache(tmp_path / "pages", remember=False)
    with Workers(2, minimum=6) as workers:
        first = list(report_pages(reports, "", cache, workers))
        assert workers.started  # they really went to the worker processes
        assert [(error, fresh) for _, _, error, fresh in first] == [(None, True)] * 6
        again = list(report_pages(reports, "", cache, workers))
        assert [fresh for *_, fresh in again] == [False] * 6  # read back from the cache, not rendered again
    assert not cache.memory  # on disk only
    for report, pages, _, _ in again[::5]:
        assert pages == render_report(report, "") == cache.get(content_key(report, ""))


def test_workers_fork_only_when_no_other_thread_runs():
    """Forking a process that runs threads (mkdocs serve's server) can deadlock: spawn then."""
    import threading

    from generator.support.workers import start_method

    if threading.active_count() == 1:
        assert start_method() == "fork"
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        assert start_method() == "spawn"
    finally:
        stop.set()
        server.join()


def test_jieba_dictionary_read_whole_is_the_dictionary_jieba_loads():
    import jieba

    from generator.read.segment import load_jieba

    reference = jieba.Tokenizer()
    reference.initialize()  # jieba's own way; writes its cache file when missing
    fast = load_jieba(jieba.Tokenizer())
    assert fast.initialized and fast.total == reference.total and fast.FREQ == reference.FREQ
    assert fast.lcut("城镇居民人均可支配收入增长") == reference.lcut("城镇居民人均可支配收入增长")


def test_jieba_word_tags_read_in_one_pass_are_the_tags_jieba_reads():
    import subprocess
    import sys

    check = ("import sys, jieba; from generator.read.segment import load_posseg; pseg = load_posseg(); "
             "own = pseg.POSTokenizer(jieba.Tokenizer()); "  # jieba's line-by-line reading of the same file
             "sys.exit(0 if pseg.dt.word_tag_tab == own.word_tag_tab and len(own.word_tag_tab) > 300000 else 3)")
    # a fresh interpreter: in this one, jieba.posseg may already have been imported the ordinary way
    assert subprocess.run([sys.executable, "-c", check], cwd=ROOT).returncode == 0


def test_build_reports_each_stage_time_and_the_peak_memory_it_reached():
    import subprocess
    import sys

    script = ("from generator.support.timings import Timings\n"
              "t = Timings()\n"
              "with t.stage('find'): pass\n"
              "with t.stage('read'): blob = b'x' * (200 * 2**20)\n"
              "del blob\n"
              "with t.stage('render'): pass\n"
              "print('\\n'.join(t.report()))\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    time_line, memory_line = out.splitlines()
    assert time_line.startswith("Time per stage: find ") and " · read " in time_line and "total" in time_line
    peaks = dict((part.split()[0], float(part.split()[1])) for part in
                 memory_line.removeprefix("Peak memory by stage: ").split(" · "))
    assert list(peaks) == ["find", "read", "render"]
    assert peaks["find"] < 200 <= peaks["read"] <= peaks["render"]  # a peak, not what is left at the end
