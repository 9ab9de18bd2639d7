"""Bad input gets a clear error and loses nothing; the same inputs build the same site."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.site.run import MARKER
from projectcopy import ROOT, copy_project, townfacts

pytestmark = pytest.mark.slow
SEED = ROOT / "seeds" / "001_56a725257718ee95.txt"
OTHER = ROOT / "seeds" / "000_1ad54c40f023aa15.txt"


def write(seeds: Path, name: str, data: bytes) -> Path:
    path = seeds / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    """Return (work dir, finished process) of a build whose seeds hold every kind of bad input."""
    work = copy_project(tmp_path_factory.mktemp("bad"), seeds=False)
    seeds = work / "seeds"
    shutil.copy(SEED, seeds / "good report 织里.txt")
    write(seeds, "empty.txt", b"")
    write(seeds, "binary.txt", bytes(range(256)) * 40)
    write(seeds, "no-numbers.txt", "政府工作报告\n\n各位代表：现在我代表镇政府报告工作。\n".encode("utf-8"))
    write(seeds, "gbk encoded.txt", OTHER.read_text(encoding="utf-8").encode("gb18030"))
    write(seeds, "huge.txt", b"\xe5\x8f\xa3" * (4 * 1024 * 1024))  # 12 MB of 口
    write(seeds, "$(touch pwned);rm -rf ~.txt", SEED.read_bytes() + "\n另附：全年完成地区生产总值12亿元。\n".encode())  # same town and year
    write(seeds, "..%2F..%2Fescape.txt", "<script>alert(1)</script>镇长报告：全年完成地区生产总值12亿元。".encode("utf-8"))
    return work, townfacts(work, "build")


def test_each_broken_report_is_one_line_naming_file_and_reason(bad_build):
    work, proc = bad_build
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert any("empty.txt" in e and "empty" in e for e in errors), errors
    assert any("binary.txt" in e and "binary" in e for e in errors), errors
    assert any("huge.txt" in e and "MB" in e for e in errors), errors
    assert not (work / "pwned").exists()
    assert "Traceback" not in proc.stderr


def test_the_other_reports_still_build_and_status_says_something_failed(bad_build):
    work, proc = bad_build
    assert proc.returncode == 1
    site = work / "site"
    assert (site / "index.html").is_file()
    towns = sorted(p.name for p in (site / "towns").iterdir() if p.is_dir())
    assert "wuxing-zhili" in towns and "balidian" in towns  # one page per place
    years = sorted(p.name for p in (site / "towns" / "wuxing-zhili").iterdir() if p.is_dir())
    assert years[0] == "2021" and len([y for y in years if y.startswith("2021")]) == 2
    assert "Warning: seeds/no-numbers.txt: no figures found" in proc.stderr
    assert "is already the URL of" in proc.stderr  # the same place and year twice is reported


def test_nothing_escapes_the_site_folder(bad_build):
    work, _ = bad_build
    site = work / "site"
    written = {p.resolve() for p in work.rglob("*") if p.is_file()}
    assert all(str(p).startswith(str(work.resolve())) for p in written)
    for page in site.rglob("*.html"):
        assert "<script>alert(1)</script>" not in page.read_text(encoding="utf-8"), page


def test_fail_fast_stops_at_the_first_bad_report_and_keeps_the_old_site(tmp_path):
    work = copy_project(tmp_path, seeds=False)
    shutil.copy(SEED, work / "seeds" / "a.txt")
    assert townfacts(work, "build").returncode == 0
    before = (work / "site" / "index.html").read_bytes()
    write(work / "seeds", "b-empty.txt", b"")
    proc = townfacts(work, "build", "--fail-fast")
    assert proc.returncode == 1 and "b-empty.txt" in proc.stderr and "--fail-fast" in proc.stderr
    assert (work / "site" / "index.html").read_bytes() == before


def test_a_failed_mkdocs_build_leaves_the_previous_site(tmp_path):
    work = copy_project(tmp_path, seeds=False)
    shutil.copy(SEED, work / "seeds" / "a.txt")
    assert townfacts(work, "build").returncode == 0
    before = {p.relative_to(work / "site"): p.read_bytes() for p in (work / "site").rglob("*") if p.is_file()}
    (work / "docs" / "about.md").write_text("# About\n\n[broken](missing-page.md)\n", encoding="utf-8")
    proc = townfacts(work, "build", "--strict")
    assert proc.returncode == 1 and proc.stderr.strip().splitlines()[-1].startswith("Error:")
    after = {p.relative_to(work / "site"): p.read_bytes() for p in (work / "site").rglob("*") if p.is_file()}
    assert after == before and Path(MARKER) in after  # the marker lets the next build replace it
    assert not list(work.glob(".site.*"))


def digest(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_same_inputs_build_a_byte_identical_site(tmp_path):
    work = copy_project(tmp_path)
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    assert townfacts(work, "build", "--out", "one", env=env).returncode == 0
    shutil.rmtree(work / ".cache")  # the second build is cold too
    assert townfacts(work, "build", "--out", "two", env=env).returncode == 0
    one, two = digest(work / "one"), digest(work / "two")
    assert one == two, [k for k in one if one.get(k) != two.get(k)][:5]
