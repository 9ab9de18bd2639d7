"""A translation reply can never brick the memory: every string is checked before it is saved, the file
keeps its mode, stale temporary files go; requests send POST bodies, end within a total deadline and
refuse huge replies. Against servers on 127.0.0.1 started here."""
from __future__ import annotations

import os
import socket
import stat
import threading
import time
from pathlib import Path

import pytest

from generator.english.memory import Entry, Memory, load_memory, save_memory
from generator.english.online import fill_memory
from generator.errors import DataFileError
from test_machine import FakeLibre, english

TODAY = "2024-05-01"


@pytest.fixture
def memory_path(tmp_path) -> Path:
    path = tmp_path / "translations" / "zh-en.yaml"
    save_memory(Memory({"你好": Entry("你好", "Hello", "human")}), path)
    return path


@pytest.fixture(autouse=True)
def no_libre_key(monkeypatch):
    monkeypatch.delenv("LIBRETRANSLATE_API_KEY", raising=False)


def fill(segments, memory_path, url, **options):
    """Run fill_memory against a server at url with fast settings."""
    settings = dict(provider="libre", base_url=url, batch_size=2, max_retries=0, backoff=0.01, timeout=2,
                    progress=lambda done, total: None, today=TODAY)
    return fill_memory(segments, memory_path, **{**settings, **options})


def replying(reply_of):
    """Return a FakeLibre answer function that replies reply_of(text) with status 200."""
    return lambda n, q: (200, {"translatedText": reply_of(q)}, 0.0)


@pytest.mark.parametrize("reply", ["\ud800 broken", "ok \udfff", "x" * 5000])
def test_a_bad_reply_fails_its_segment_and_never_reaches_the_file(memory_path, reply):
    """A lone surrogate used to be saved as \\uD800 and every later build failed on the YAML; a huge
    reply was stored whole."""
    with FakeLibre(replying(lambda q: reply if q == "世界" else english(q))) as server:
        result = fill(["世界", "谢谢"], memory_path, server.url)
    assert result.failed == ("世界",) and result.translated == ("谢谢",)
    memory = load_memory(memory_path)
    assert memory.lookup("世界") is None and memory.lookup("谢谢") == english("谢谢")
    assert sorted(p.name for p in memory_path.parent.iterdir()) == [memory_path.name]


def test_save_refuses_an_entry_that_would_not_load_and_leaves_the_file(memory_path):
    before = memory_path.read_bytes()
    bad = Entry("世界", "\ud800", "machine:libre", TODAY)
    with pytest.raises(DataFileError, match="not valid Unicode"):
        save_memory(Memory({"世界": bad}), memory_path, new=[bad])
    assert memory_path.read_bytes() == before


def test_saving_keeps_the_files_mode_and_removes_stale_temporaries(memory_path):
    """Each save used to change the file's mode to 600; a kill inside a save left a .tmp file."""
    os.chmod(memory_path, 0o644)
    stale = memory_path.with_name(f".{memory_path.name}.k1ll3d.tmp")
    stale.write_text("half a file", encoding="utf-8")
    with FakeLibre() as server:
        result = fill(["世界"], memory_path, server.url)
    assert result.translated == ("世界",)
    assert stat.S_IMODE(memory_path.stat().st_mode) == 0o644
    assert not stale.exists()


def test_libretranslate_text_goes_in_the_post_body_not_the_url(memory_path):
    """A 2,925-character paragraph used to make a 26 KB URL."""
    paragraph = "全镇完成地区生产总值181亿元，同比增长17.5%。" * 120
    seen = []
    with FakeLibre() as server:
        handler = server.server.RequestHandlerClass
        original = handler.do_POST

        def do_post(self):
            seen.append(self.path)
            original(self)

        handler.do_POST = do_post
        result = fill([paragraph], memory_path, server.url)
    assert result.translated == (paragraph,)
    assert seen and all(len(path) < 200 and "q=" not in path for path in seen), seen[:1]
    assert server.requests[0]["q"] == paragraph


class Trickle:
    """A server that sends its answer one byte every `pause` seconds (headers first, or the body)."""

    def __init__(self, pause: float, headers_too: bool):
        self.pause, self.headers_too = pause, headers_too
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        self.stop = threading.Event()
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.answer, args=(conn,), daemon=True).start()

    def answer(self, conn: socket.socket) -> None:
        body = b'{"translatedText": "' + b"x" * 200 + b'"}'
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
        conn.recv(65536)
        data = head + body
        if not self.headers_too:
            conn.sendall(head)
            data = body
        try:
            for i in range(len(data)):
                if self.stop.is_set():
                    break
                conn.sendall(data[i:i + 1])
                time.sleep(self.pause)
        except OSError:
            pass
        conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.mark.parametrize("headers_too", [False, True])
def test_a_trickling_server_cannot_stretch_a_request_past_its_deadline(memory_path, headers_too):
    """A server trickling 1 byte every 3 s used to hang translate: the timeout was per socket read."""
    server = Trickle(pause=0.2, headers_too=headers_too)
    try:
        start = time.monotonic()
        result = fill(["世界"], memory_path, server.url, timeout=1)
        elapsed = time.monotonic() - start
    finally:
        server.close()
    assert result.failed == ("世界",) and elapsed < 4, elapsed  # the whole answer would take over 40 s


def test_a_reply_over_the_size_cap_is_refused_without_being_kept(memory_path, monkeypatch, caplog):
    """A 30 MB reply used to be stored whole (94 MB of memory, then a 1.6 GB build)."""
    from generator.english import online

    monkeypatch.setattr(online, "MAX_REPLY_BYTES", 64 * 1024)
    with FakeLibre(replying(lambda q: "y" * (3 * 1024 * 1024))) as server:  # 3 MB
        result = fill(["世界"], memory_path, server.url)
    assert result.failed == ("世界",)
    assert "bytes refused" in caplog.text
    assert memory_path.stat().st_size < 10_000
