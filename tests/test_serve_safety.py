"""`townfacts serve` with hostile input: a report with huge numbers does not stop it, a path with %00 gets
400 or 404 (it used to get 500); file names with a newline give one-line messages."""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time

import pytest

from projectcopy import ROOT, copy_project, townfacts

SEED = ROOT / "seeds" / "001_56a725257718ee95.txt"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> int:
    """Return the status of GET path on the local server (0 when it does not answer yet)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    except OSError:
        return 0
    finally:
        conn.close()


@pytest.mark.slow
def test_serve_survives_a_hostile_report_and_answers_nul_paths_without_a_server_error(tmp_path):
    work = copy_project(tmp_path, seeds=False)
    (work / "seeds" / "a.txt").write_bytes(SEED.read_bytes())
    (work / "seeds" / "big.txt").write_text(f"八里店镇人民政府工作报告\n\n全年完成地区生产总值{'9' * 309}亿元。\n",
                                            encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"], cwd=work,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TOWNFACTS_LOCK_WAIT": "0"})
    try:
        deadline = time.monotonic() + 180
        while get(port, "/") != 200:  # mounted at site_url's path: the root without SITE_URL
            assert proc.poll() is None, proc.stderr.read()[-3000:]
            assert time.monotonic() < deadline, "serve did not come up"
            time.sleep(0.5)
        assert get(port, "/towns/wuxing-zhili/2021/") == 200
        assert get(port, "/towns/balidian/") == 200  # the report with a 309-digit number
        for path in ("/%00", "/towns/%00/", "/index.html%00.txt", "/en/%00"):
            assert get(port, path) in (400, 404), path
        assert get(port, "/towns/wuxing-zhili/2021/") == 200  # still serving
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_file_name_with_a_newline_gives_one_line_messages(tmp_path):
    """A file name with a newline used to print a misleading two-line error."""
    (tmp_path / "emp\nty.txt").write_bytes(b"")
    proc = townfacts(ROOT, "facts", str(tmp_path / "emp\nty.txt"))
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"Error: {tmp_path}/emp\\nty.txt: empty file"]


@pytest.mark.slow
def test_a_build_with_newlines_in_file_names_prints_one_line_per_message(tmp_path):
    work = copy_project(tmp_path, seeds=False)
    (work / "seeds" / "good\nname.txt").write_bytes(SEED.read_bytes())
    (work / "seeds" / "emp\nty.txt").write_bytes(b"")
    proc = townfacts(work, "build")
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert "Error: seeds/emp\\nty.txt: empty file" in lines
    assert any(line.startswith("[2/2] seeds/good\\nname.txt: 织里镇") for line in lines), lines
    assert not any(line.startswith(("ty.txt", "name.txt")) for line in lines), lines
