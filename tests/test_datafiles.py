"""The data files: one loader that checks every file's shape and names `path:LINE: reason` when it is wrong."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import datafiles
from generator.dataschema import SHAPES
from generator.english import glossary
from generator.errors import DataFileError

PACKAGE = Path(datafiles.__file__).resolve().parent


@pytest.mark.parametrize("name", sorted(SHAPES) + ["glossary.yaml"])
def test_every_shipped_data_file_has_its_shape(name):
    assert datafiles.load(name)


def test_every_data_file_has_a_shape():
    yaml_files = {p.name for p in datafiles.DATA_DIR.glob("*.yaml")}
    assert yaml_files == set(SHAPES) | {"glossary.yaml"}


def test_ui_files_have_the_same_keys_in_both_languages():
    zh, en = datafiles.load("ui.zh.yaml"), datafiles.load("ui.en.yaml")
    assert list(zh) == list(en)


def _broken(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """Return the path of a copy of data file ``name`` with ``old`` replaced by ``new``."""
    path = tmp_path / name
    text = datafiles.data_path(name).read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("name, old, new, marker, reason", [
    ("units.yaml", "万元:  {base: CNY, factor: 10000}", "万元:  {base: CNY, factor: lots}", "lots", "factor"),
    ("units_extra.yaml", "  周:     {en: weeks}", "  周:     {en: [weeks]}", "[weeks]", "en"),
    ("modality.yaml", "growth_nouns: ['增幅', '降幅', '减幅', '增速', '增收', '减收']", "growth_nouns: 增幅", "growth_nouns", "growth_nouns"),
    ("not_facts.yaml", "grouping_after: ['大']", "grouping_after: [{a: b}]", "{a: b}", "grouping_after"),
    ("periods.yaml", "  - {text: 截止目前, as: 截至目前}", "  - {text: 截止目前, like: 截至目前}", "like", "unknown key 'like'"),
    ("indicators.yaml", "  place_head_max: 5", "  place_head_max: five", "five", "place_head_max"),
    ("headline.yaml", "  money: true\n", "  money: true\n  colour: red\n", "colour", "colour"),
    ("figures.yaml", "plan_words: [", "plan_word: [", "plan_word:", "plan_word"),
    ("ui.en.yaml", "towns:              Towns", "towns:              [Towns]", "[Towns]", "towns"),
])
def test_a_malformed_file_names_its_line(tmp_path, name, old, new, marker, reason):
    path = _broken(tmp_path, name, old, new)
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if marker in text)
    with pytest.raises(DataFileError) as err:
        datafiles.load_file(path, name)
    assert err.value.path == str(path) and err.value.line == line and reason in err.value.reason
    assert str(err.value).startswith(f"{path}:{line}: ")


def test_a_missing_key_is_an_error(tmp_path):
    path = _broken(tmp_path, "figures.yaml", "\ncount_units: [", "\n# count_units: [")
    with pytest.raises(DataFileError, match="missing key 'count_units'"):
        datafiles.load_file(path, "figures.yaml")


def test_units_yaml_wins_over_units_extra_and_english_knows_both():
    table = datafiles.unit_table()
    assert table["亿元"].factor == 100000000 and table["亿元"].group == "money"
    assert table["立方米"].base == "m3"  # only in units_extra.yaml: the extractor knows it
    assert glossary.unit_en("立方米") == "m³"  # and English writes it: no unit stays in Chinese
    assert set(glossary.load_units()) == set(datafiles.unit_table())


def test_facts_with_a_broken_units_file_is_one_error_line(tmp_path, root):
    data = tmp_path / "data"
    shutil.copytree(datafiles.DATA_DIR, data, ignore=shutil.ignore_patterns("*.js"))
    units = data / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("factor: 10000}", "factor: lots}", 1),
                     encoding="utf-8")
    line = next(i for i, text in enumerate(units.read_text(encoding="utf-8").splitlines(), 1) if "lots" in text)
    seed = sorted((root / "seeds").glob("*.txt"))[0]
    script = ("import sys; from pathlib import Path; import generator.datafiles as d; d.DATA_DIR = Path(sys.argv[1]); "
              "from generator.cli import main; sys.exit(main(['facts', sys.argv[2]]))")
    run = subprocess.run([sys.executable, "-c", script, str(data), str(seed)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 1, run.stderr
    assert run.stdout == ""
    assert run.stderr.strip().splitlines() == [f"Error: {units}:{line}: money.万元.factor: expected a number"]


def test_only_datafiles_knows_where_the_data_folder_is():
    def finds_data_folder(text: str) -> bool:
        return "DATA_DIR" in text or '/ "data"' in text or '"data" /' in text

    offenders = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                 if p.name != "datafiles.py" and finds_data_folder(p.read_text(encoding="utf-8"))]
    assert offenders == []
