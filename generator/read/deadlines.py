"""Deadlines still ahead: a figure dated in a year the report cannot have reviewed is a target."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import Fact, Meta

_KEPT_KINDS = ("target", "estimate")


def planned_ahead(facts: list[Fact], meta: Meta) -> list[Fact]:
    """Return the facts with those dated after the report's time made targets (到2025年 in a 2023 report, 2023年
    in one read out in January 2023); estimates stay estimates."""
    return [replace(f, kind="target") if f.kind not in _KEPT_KINDS and _ahead(f.period, meta) else f for f in facts]


def _ahead(period: Optional[str], meta: Meta) -> bool:
    """Return True when ``period`` opens with a year after the report's, or is the whole of the report's own year
    and the report was given early in it (a January report reviews the year before and plans its own)."""
    data = load_data("periods.yaml")
    opening = re.match(data["ahead_period"], period or "")
    if not (opening and meta.year):
        return False
    year = int(opening.group(1))
    whole = re.match(data["whole_year_period"], period)
    return year > meta.year or year == meta.year and bool(whole) and _plans_own_year(meta, data["own_year_plan_months"])


def _plans_own_year(meta: Meta, months: int) -> bool:
    """Return True when the report was given in the first ``months`` months of its year, or, undated, covers an
    earlier year (2022年 in a 2023 report)."""
    month = re.match(r"\d{4}-(\d{2})", meta.date or "")
    if month:
        return int(month.group(1)) <= months
    covered = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年", meta.period_covered or "")]
    return bool(covered) and max(covered) < meta.year
