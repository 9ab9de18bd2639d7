"""An unchanged site is not built again; any change to what MkDocs reads builds it again."""
from __future__ import annotations

import pytest

from generator.site.uptodate import inputs_key, is_up_to_date, listing_digest, record_build
from projectcopy import copy_project, townfacts

UP_TO_DATE = "Site is up to date"


def test_a_recorded_site_is_up_to_date_until_its_files_change(tmp_path):
    site, state = tmp_path / "site", tmp_path / "state.json"
    site.mkdir()
    (site / "index.html").write_text("<p>一</p>", encoding="utf-8")
    assert not is_up_to_date(state, site, "k1")  # nothing recorded yet
    record_build(state, site, "k1")
    assert is_up_to_date(state, site, "k1")
    assert not is_up_to_date(state, site, "k2")  # other inputs
    (site / "index.html").write_text("<p>二</p>", encoding="utf-8")
    assert not is_up_to_date(state, site, "k1")  # the site was edited since


def test_a_deleted_site_is_never_up_to_date(tmp_path):
    site, state = tmp_path / "site", tmp_path / "state.json"
    site.mkdir()
    record_build(state, site, "k")
    site.rmdir()
    assert listing_digest(site) is None and not is_up_to_date(state, site, "k")


def test_the_key_covers_pages_config_options_and_environment(tmp_path, monkeypatch):
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    (docs / "index.md").write_text("# 一", encoding="utf-8")
    config.write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    base = inputs_key(docs, config, {"strict": False}, "code1")
    assert base == inputs_key(docs, config, {"strict": False}, "code1")
    assert base != inputs_key(docs, config, {"strict": True}, "code1")
    assert base != inputs_key(docs, config, {"strict": False}, "code2")
    monkeypatch.setenv("SITE_URL", "https://example.org/")
    assert base != inputs_key(docs, config, {"strict": False}, "code1")
    monkeypatch.delenv("SITE_URL")
    (docs / "index.md").write_text("# 二", encoding="utf-8")
    assert base != inputs_key(docs, config, {"strict": False}, "code1")


@pytest.mark.slow
def test_rebuilds_skip_mkdocs_only_while_nothing_changed(tmp_path):
    work = copy_project(tmp_path)
    first = townfacts(work, "build")
    assert first.returncode == 0, first.stderr
    index = work / "site" / "index.html"
    stamp = index.stat().st_mtime_ns

    again = townfacts(work, "build")
    assert again.returncode == 0 and UP_TO_DATE in again.stderr and "mkdocs" not in again.stderr.split("Time per stage")[-1]
    assert index.stat().st_mtime_ns == stamp  # the site was left as it was

    about = work / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\n新加的一段说明。\n", encoding="utf-8")
    edited = townfacts(work, "build")
    assert UP_TO_DATE not in edited.stderr and "新加的一段说明" in (work / "site" / "about" / "index.html").read_text(encoding="utf-8")

    (work / "site" / "index.html").unlink()  # someone broke the site by hand
    repaired = townfacts(work, "build")
    assert UP_TO_DATE not in repaired.stderr and (work / "site" / "index.html").is_file()

    forced = townfacts(work, "build", "--force")
    assert UP_TO_DATE not in forced.stderr and "Built 2 reports" in forced.stderr

    strict = townfacts(work, "build", "--strict")  # stricter than the build the site came from
    assert strict.returncode == 0 and UP_TO_DATE not in strict.stderr

    seed = sorted((work / "seeds").glob("*.txt"))[1]
    seed.write_text(seed.read_text(encoding="utf-8").replace("181亿元", "183亿元"), encoding="utf-8")
    changed = townfacts(work, "build")
    assert UP_TO_DATE not in changed.stderr
    assert any("183亿元" in p.read_text(encoding="utf-8") for p in (work / "site" / "towns").rglob("index.html"))


def test_the_key_covers_theme_overrides_and_hook_files(tmp_path):
    from generator.site.run import load_mkdocs_config, site_key

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 一", encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text('{% extends "base.html" %}', encoding="utf-8")
    (tmp_path / "hook.py").write_text("def on_config(config):\n    return config\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: material\n  custom_dir: overrides\n"
                                         "hooks:\n  - hook.py\n", encoding="utf-8")

    def key() -> str:
        return site_key(load_mkdocs_config(tmp_path / "mkdocs.yml", None, False), [], tmp_path)

    base = key()
    assert key() == base
    (tmp_path / "overrides" / "main.html").write_text('{% extends "base.html" %}{# changed #}', encoding="utf-8")
    overridden = key()
    assert overridden != base
    (tmp_path / "hook.py").write_text("def on_config(config):\n    return config  # changed\n", encoding="utf-8")
    assert key() != overridden
