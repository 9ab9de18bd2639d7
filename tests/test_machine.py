"""Filling the memory online, end to end against a LibreTranslate-compatible server on 127.0.0.1."""
from __future__ import annotations

import io
import json
import os
import shutil
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import parse_qs, urlparse

import pytest

from generator.english import online as machine
from generator.errors import TownfactsError
from generator.english.online import FillResult, ProgressBar, fill_memory
from generator.translate import translate_reports
from generator.english.memory import (Entry, Memory, apply_memory, load_memory, missing_segments, save_memory,
                              segments_of)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "001_56a725257718ee95.txt"
TODAY = "2024-05-01"

# An answer of the fake server: (HTTP status, JSON body, seconds to wait first).
Answer = tuple[int, dict, float]


def english(text: str) -> str:
    """Return the fake server's translation of ``text``."""
    return f"EN[{text}]"


class FakeLibre:
    """A LibreTranslate-compatible server in a thread; ``answer`` decides each reply."""

    def __init__(self, answer: Optional[Callable[[int, str], Answer]] = None):
        self.answer = answer or (lambda n, q: (200, {"translatedText": english(q)}, 0.0))
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                # deep-translator sends the fields as a query string; real clients may send a form or JSON.
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                fields = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
                if body.startswith("{"):
                    fields.update(json.loads(body))
                elif body:
                    fields.update({k: v[0] for k, v in parse_qs(body).items()})
                with fake._lock:
                    fake.requests.append({"path": urlparse(self.path).path, **fields})
                    n = len(fake.requests)
                status, payload, delay = fake.answer(n, fields.get("q", ""))
                time.sleep(delay)
                data = json.dumps(payload).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and left

            def log_message(self, *args):
                pass

        return Handler

    def texts(self) -> list[str]:
        return [r.get("q", "") for r in self.requests]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def memory_path(tmp_path) -> Path:
    path = tmp_path / "translations" / "zh-en.yaml"
    save_memory(Memory(), path)
    return path


@pytest.fixture(autouse=True)
def no_libre_key(monkeypatch):
    monkeypatch.delenv("LIBRETRANSLATE_API_KEY", raising=False)


def fill(segments, memory_path, server, **options) -> FillResult:
    """Run fill_memory against the fake server with fast settings."""
    settings = dict(provider="libre", base_url=server.url, batch_size=2, max_retries=2, backoff=0.01,
                    timeout=2, progress=lambda done, total: None, today=TODAY)
    return fill_memory(segments, memory_path, **{**settings, **options})


def assert_valid(memory_path: Path) -> Memory:
    """Return the memory on disk, checking it loads and no temporary file was left beside it."""
    assert sorted(p.name for p in memory_path.parent.iterdir()) == [memory_path.name]
    return load_memory(memory_path)


SEGMENTS = ["你好", "世界", "谢谢", "再见", "早上好"]


# ---------------------------------------------------------------- success


def test_success_fills_the_memory(memory_path):
    with FakeLibre() as server:
        result = fill(SEGMENTS + ["你好 ", "2021"], memory_path, server)
    assert result == FillResult(tuple(SEGMENTS), (), None)
    memory = assert_valid(memory_path)
    assert [memory.lookup(s) for s in SEGMENTS] == [english(s) for s in SEGMENTS]
    assert {(e.origin, e.date) for e in memory} == {("machine:libre", TODAY)}
    assert server.texts() == SEGMENTS  # once each; text without Chinese is not sent
    first = server.requests[0]
    assert first["path"] == "/translate"
    assert (first["source"], first["target"], first["format"]) == ("zh", "en", "text")
    assert "api_key" not in first


def test_api_key_comes_from_the_environment(memory_path, monkeypatch):
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "secret-from-env")
    with FakeLibre() as server:
        fill(["你好"], memory_path, server)
    assert server.requests[0]["api_key"] == "secret-from-env"
    assert "secret" not in memory_path.read_text(encoding="utf-8")


def test_second_run_sends_nothing(memory_path):
    with FakeLibre() as server:
        fill(SEGMENTS, memory_path, server)
        before = memory_path.read_bytes()
        assert fill(SEGMENTS, memory_path, server) == FillResult()
    assert len(server.requests) == len(SEGMENTS)
    assert memory_path.read_bytes() == before


def test_human_entry_is_never_overwritten(memory_path):
    human = Entry("你好", "Hello there (reviewed)", "human")
    save_memory(Memory().with_entries([human]), memory_path)
    with FakeLibre() as server:
        result = fill(SEGMENTS, memory_path, server)
    assert "你好" not in server.texts() and "你好" not in result.translated
    memory = assert_valid(memory_path)
    assert memory.entry("你好") == human
    assert memory.lookup("世界") == english("世界")


def test_long_segments_are_sent_sentence_by_sentence(memory_path, monkeypatch):
    monkeypatch.setitem(machine.MAX_CHARS, "libre", 5)
    with FakeLibre() as server:
        fill(["一二三。四五六。七八"], memory_path, server)
    assert server.texts() == ["一二三。", "四五六。", "七八"]
    assert load_memory(memory_path).lookup("一二三。四五六。七八") == "EN[一二三。] EN[四五六。] EN[七八]"


# ---------------------------------------------------------------- transient errors


def test_server_error_is_retried_with_backoff(memory_path):
    def answer(n, q):
        return (500, {"error": "boom"}, 0.0) if n <= 2 else (200, {"translatedText": english(q)}, 0.0)

    waits: list[float] = []
    with FakeLibre(answer) as server:
        result = fill(SEGMENTS, memory_path, server, sleep=waits.append)
    assert result == FillResult(tuple(SEGMENTS), (), None)
    assert server.texts()[:3] == ["你好"] * 3
    assert waits == [0.01, 0.02]  # exponential back-off
    assert len(assert_valid(memory_path)) == len(SEGMENTS)


def test_timeout_is_retried_then_reported_as_failed(memory_path):
    def answer(n, q):
        return 200, {"translatedText": english(q)}, (1.5 if q == "谢谢" else 0.0)

    with FakeLibre(answer) as server:
        start = time.monotonic()
        result = fill(SEGMENTS, memory_path, server, timeout=0.3, max_retries=1)
        elapsed = time.monotonic() - start
    assert result.failed == ("谢谢",)
    assert result.translated == ("你好", "世界", "再见", "早上好")
    assert result.stopped_reason is None
    assert server.texts().count("谢谢") == 2  # first try and one retry
    assert elapsed < 1.5  # the client gave up; it did not wait for the server
    memory = assert_valid(memory_path)
    assert memory.lookup("谢谢") is None and memory.lookup("早上好") == english("早上好")


def test_a_service_that_keeps_failing_is_given_up(memory_path):
    segments = [f"第{n}段" for n in range(12)]
    with FakeLibre(lambda n, q: (503, {"error": "down"}, 0.0)) as server:
        result = fill(segments, memory_path, server, max_retries=1)
    assert result.translated == ()
    assert len(result.failed) == machine.GIVE_UP_AFTER
    assert "gave up" in result.stopped_reason
    assert len(server.requests) == 2 * machine.GIVE_UP_AFTER
    assert len(assert_valid(memory_path)) == 0


def test_connection_refused_is_retried_and_fails_cleanly(memory_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits: list[float] = []
    result = fill_memory(["你好"], memory_path, base_url=f"http://127.0.0.1:{port}", max_retries=2,
                         backoff=0.01, timeout=1, progress=lambda d, t: None, today=TODAY, sleep=waits.append)
    assert result.failed == ("你好",) and len(waits) == 2
    assert len(assert_valid(memory_path)) == 0


# ---------------------------------------------------------------- quota and authorization


@pytest.mark.parametrize("status, body", [
    (429, {"error": "Too many request limits violations"}),
    (403, {"error": "Invalid API key"}),
])
def test_quota_error_stops_cleanly_keeping_earlier_batches(memory_path, status, body):
    def answer(n, q):
        return (status, body, 0.0) if n > 3 else (200, {"translatedText": english(q)}, 0.0)

    waits: list[float] = []
    with FakeLibre(answer) as server:
        result = fill(SEGMENTS, memory_path, server, batch_size=2, sleep=waits.append)
    assert result.translated == ("你好", "世界", "谢谢")  # two batches' worth, the second cut short
    assert result.failed == ()
    assert result.stopped_reason and result.stopped_reason.startswith("libre: ")
    assert len(server.requests) == 4 and waits == []  # no retry against a quota
    memory = assert_valid(memory_path)
    assert sorted(e.source for e in memory) == sorted(["你好", "世界", "谢谢"])


def test_interrupt_keeps_what_was_translated(memory_path):
    def answer(n, q):
        return (500, {}, 0.0) if q == "谢谢" else (200, {"translatedText": english(q)}, 0.0)

    def interrupt(seconds):
        raise KeyboardInterrupt

    with FakeLibre(answer) as server, pytest.raises(KeyboardInterrupt):
        fill(SEGMENTS, memory_path, server, batch_size=5, sleep=interrupt)
    memory = assert_valid(memory_path)
    assert sorted(e.source for e in memory) == sorted(["你好", "世界"])


def test_memory_file_is_never_half_written(memory_path, monkeypatch):
    save_memory(Memory().with_entries([Entry("旧", "old", "human")]), memory_path)
    before = memory_path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with FakeLibre() as server, pytest.raises(OSError):
        fill(SEGMENTS, memory_path, server)
    assert memory_path.read_bytes() == before
    assert_valid(memory_path)


# ---------------------------------------------------------------- set-up errors and progress


def test_unknown_provider_and_missing_keys(memory_path, monkeypatch):
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    with pytest.raises(TownfactsError, match="unknown translation provider"):
        fill_memory(["你好"], memory_path, provider="babel")
    with pytest.raises(TownfactsError, match="DEEPL_API_KEY"):
        fill_memory(["你好"], memory_path, provider="deepl")
    with pytest.raises(TownfactsError, match="--base-url"):
        fill_memory(["你好"], memory_path, provider="libre")
    assert len(assert_valid(memory_path)) == 0


def test_progress_bar():
    out = io.StringIO()
    bar = ProgressBar(out, width=10)
    bar(0, 4)
    bar(2, 4)
    bar(4, 4)
    assert out.getvalue().splitlines() == [
        "[----------] 0/4 segments", "[#####-----] 2/4 segments", "[##########] 4/4 segments"]
    long_run = io.StringIO()
    bar = ProgressBar(long_run, width=10)
    for done in range(101):
        bar(done, 100)
    assert len(long_run.getvalue().splitlines()) == 11  # a log file is not flooded


def test_progress_is_reported_per_segment(memory_path):
    calls: list[tuple[int, int]] = []
    with FakeLibre() as server:
        fill(SEGMENTS[:3], memory_path, server, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_source_date_epoch_dates_the_entries(memory_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with FakeLibre() as server:
        fill(["你好"], memory_path, server, today=None)
    assert load_memory(memory_path).entry("你好").date == "2023-11-14"


# ---------------------------------------------------------------- whole reports


def _seed_dir(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    return seeds


def test_translate_reports_fills_everything_a_report_lacks(tmp_path, memory_path):
    from generator.site.reports import read_report

    with FakeLibre() as server:
        result = translate_reports(_seed_dir(tmp_path), memory_path, "libre", server.url,
                                   progress=lambda d, t: None, backoff=0.01, today=TODAY)
    assert result.stopped_reason is None and result.failed == ()
    report = read_report(SEED)
    assert len(result.translated) == len(missing_segments(report, Memory()))
    assert missing_segments(report, assert_valid(memory_path)) == []


def test_applying_the_memory_makes_no_network_call(monkeypatch):
    from generator.site.reports import read_report

    def no_network(self, address):
        raise OSError(f"network disabled in this test (connect to {address})")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9))
    report = read_report(SEED)
    memory = Memory().with_entries(Entry(text, f"EN {i}", "human") for i, text in enumerate(segments_of(report)))
    english_report = apply_memory(report, memory)
    assert all(p.text_en for p in english_report.paragraphs)
    assert all(s.title_en for s in english_report.sections)
    assert all(f.source.quote_en for f in english_report.facts)
    assert missing_segments(english_report, memory) == []
