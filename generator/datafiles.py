"""The data files under generator/data/: the one place that finds, reads and validates them.

Every file is checked against its shape (generator.dataschema) when first read; a malformed one raises
DataFileError naming ``path:LINE: reason``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import yaml

from generator import YAML_LOADER
from generator.dataschema import SHAPES, check, check_glossary, glossary_key
from generator.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent / "data"

# units.yaml first, so its entries win over units_extra.yaml's when both name a unit
UNIT_FILES = ("units.yaml", "units_extra.yaml")


def data_path(name: str) -> Path:
    """Return the path of the data file (or folder) ``generator/data/<name>``."""
    return DATA_DIR / name


def read_yaml(path: Path) -> tuple[str, yaml.Node]:
    """Return the text and composed node tree of a YAML file, or raise DataFileError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"malformed YAML: {exc.problem or exc.context}"
        raise DataFileError(str(path), reason, mark.line + 1 if mark else None) from exc
    if node is None:
        raise DataFileError(str(path), "empty file", 1)
    return text, node


@functools.cache  # by name, not by path: the reader asks thousands of times per report, Path() is slow
def load(name: str):
    """Return the data file ``generator/data/<name>``, parsed and checked (read once)."""
    return load_file(data_path(name), name)


@functools.cache
def load_file(path: Path, shape_of: str):
    """Return the YAML file at ``path`` parsed, after checking it has the shape of data file ``shape_of``."""
    text, root = read_yaml(Path(path))
    if shape_of == "glossary.yaml":
        check_glossary(path, root)
    else:
        check(path, root, SHAPES[shape_of], "")
    data = yaml.load(text, Loader=YAML_LOADER)
    if shape_of == "glossary.yaml":
        # keys are looked up after the same normalisation the inputs get (no spaces, no quotes)
        for group, entries in data.items():
            if isinstance(entries, dict):
                data[group] = {glossary_key(str(k)): v for k, v in entries.items()}
    return data


@dataclass(frozen=True)
class Unit:
    """A unit as reports write it, from units.yaml or units_extra.yaml."""

    name: str
    group: str  # money, area, people, rate, count, … (the file's heading)
    base: Optional[str]  # the unit its values scale to (CNY, mu, people …), None for plain counts
    factor: Optional[Union[int, float]]  # as written; None when the file gives none
    en: str  # the English word after magnitude conversion ("" when the number stands alone)


def unit_table(files: tuple[str, ...] = UNIT_FILES) -> dict[str, Unit]:
    """Return every unit by name, the first of ``files`` to name a unit winning."""
    return _unit_table(tuple(data_path(name) for name in files))


@functools.cache
def _unit_table(paths: tuple[Path, ...]) -> dict[str, Unit]:
    """Return the units of the files at ``paths`` (see unit_table)."""
    table: dict[str, Unit] = {}
    for path in reversed(paths):  # later files first, so earlier ones overwrite them
        for group, units in load_file(path, "units.yaml").items():
            for name, spec in (units or {}).items():
                spec = spec or {}
                table[str(name)] = Unit(str(name), group, spec.get("base"), spec.get("factor"),
                                        str(spec.get("en") or ""))
    return table
