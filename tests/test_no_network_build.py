"""A build with networking made impossible still produces the full English site (translation is offline)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from projectcopy import copy_project, townfacts

pytestmark = pytest.mark.slow

NO_NETWORK = '''
import socket

def _refuse(*args, **kwargs):
    raise OSError("network disabled by the test")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def test_strict_build_without_network_gives_complete_english(tmp_path):
    (tmp_path / "project").mkdir()
    work = copy_project(tmp_path / "project")
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                           capture_output=True, text=True, env={"PYTHONPATH": str(guard)})
    assert "network disabled by the test" in probe.stderr  # the guard is really active
    proc = townfacts(work, "build", "--strict", env={"PYTHONPATH": str(guard)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "not yet translated" not in proc.stderr
    pages = list((work / "site" / "en" / "towns").rglob("index.html"))
    assert len(pages) >= 4
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "tf-untranslated" not in html, page
