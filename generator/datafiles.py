"""The data files under generator/data/: the one place that finds, reads and validates them."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from generator import YAML_LOADER

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """Return the path of the data file ``generator/data/<name>``."""
    return DATA_DIR / name


@functools.cache
def load(name: str):
    """Return the parsed YAML data file ``generator/data/<name>`` (read once)."""
    return yaml.load(data_path(name).read_text(encoding="utf-8"), Loader=YAML_LOADER)
