"""What the user says about a report, in a sidecar file beside it (seeds/<name>.yaml next to seeds/<name>.txt):
place, code, year, date, speaker, source URL, publisher, licence. It wins over extraction and is checked:
an unknown key or place, a bad code, date or year is one error naming the file and line."""
from __future__ import annotations

import dataclasses
import datetime
from collections import Counter
from pathlib import Path
from typing import Optional

import yaml

from generator import YAML_LOADER
from generator.errors import DataFileError
from generator.model import Meta
from generator.read.divisions import Division, by_code, level, named, renamed
from generator.read.places import parent_names, resolve

KEYS = ("place", "code", "year", "date", "speaker", "source_url", "publisher", "licence")
TEXT_KEYS = ("speaker", "source_url", "publisher", "licence")
YEARS = range(1949, 2101)


def sidecar_path(report: Path) -> Path:
    """Return where a report's sidecar would be (seeds/x.txt → seeds/x.yaml)."""
    return report.with_suffix(".yaml")


def read_sidecar(path: Path) -> dict:
    """Return a sidecar's checked values by key ({} when there is no file); DataFileError with its line
    when a key is unknown or a value wrong."""
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8-sig")
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DataFileError(str(path), f"malformed YAML: {exc.problem or exc.context}",
                            mark.line + 1 if mark else None) from exc
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError(str(path), "expected key: value lines (place, code, year, date, …)", 1)
    values = {}
    for key_node, value_node in root.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key not in KEYS:
            raise DataFileError(str(path), f"unknown key {key!r} (known: {', '.join(KEYS)})", line)
        values[key] = _checked(path, key, value_node)
    _check_place(path, root, values)
    return values


def _checked(path: Path, key: str, node: yaml.Node):
    """Return one value checked for its key, or raise DataFileError at its line."""
    line = node.start_mark.line + 1
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    if raw is None or raw == "":
        raise DataFileError(str(path), f"{key}: expected a value", line)
    if key == "year":
        if not raw.isdigit() or int(raw) not in YEARS:
            raise DataFileError(str(path), f"year: {raw!r} is not a year (1949–2100)", line)
        return int(raw)
    if key == "date":
        try:
            return datetime.date.fromisoformat(raw).isoformat()
        except ValueError:
            raise DataFileError(str(path), f"date: {raw!r} is not a date (YYYY-MM-DD)", line) from None
    if key == "code" and by_code(raw) is None:
        raise DataFileError(str(path), f"code: {raw!r} is no official division code", line)
    return raw


def _check_place(path: Path, root: yaml.MappingNode, values: dict) -> None:
    """Put the division of ``place``/``code`` under values["division"], or raise DataFileError at the line
    of the place that is unknown, ambiguous or not the code's."""
    line = next((k.start_mark.line + 1 for k, _ in root.value if k.value == "place"), None)
    division = by_code(values["code"]) if "code" in values else None
    if "place" not in values:
        values.update({"division": division} if division else {})
        return
    place = values["place"]
    found = resolve(place, Counter())
    if found is None and division is not None and place.endswith(division.name):
        found = division  # a homonym the code tells apart
    if found is None:
        raise DataFileError(str(path), _unresolved(place), line)
    if division is not None and found.code != division.code:
        raise DataFileError(str(path), f"place: {place!r} is not division {division.code} ({division.name})", line)
    values["division"] = found


def _unresolved(place: str) -> str:
    """Return why a sidecar's place names no one division."""
    if len(named(place)) + len(renamed(place)) > 1:
        return f"place: {place!r} names several divisions; write its parents before it (湖州市吴兴区织里镇) or give its code"
    return f"place: {place!r} is no official division (see generator/data/vendor/divisions.txt)"


def apply_sidecar(meta: Meta, values: dict) -> Meta:
    """Return the meta with the sidecar's values in place of what was extracted."""
    if not values:
        return meta
    changes = {key: values[key] for key in ("year", "date", "speaker", "source_url", "publisher", "licence")
               if key in values}
    if "date" in values and "year" not in values:
        changes["year"] = int(values["date"][:4])
    division: Optional[Division] = values.get("division")
    if division is not None:
        district, city, province = parent_names(division)
        changes.update(place=division.name, place_code=division.code, slug=division.slug, level=level(division),
                       district=district, city=city, province=province, place_en=None)
    return dataclasses.replace(meta, **changes)
