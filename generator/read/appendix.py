"""Appendices after the report: table rows that name their cells, and whether an appendix plans the report's year."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import Fact, Paragraph
from generator.read.lexicon import data_pattern
from generator.read.normalize import is_title_like


def plans_its_year(paragraphs: list[Paragraph], index: int, year: Optional[int]) -> bool:
    """Return True when the appendix opening at ``index`` lists the report year's work (附件1 / 2022年十大工程 in a
    2022 report: this year's plan), not a review of an earlier year's (2021年十大工程进展情况说明)."""
    title = next((p.text for p in paragraphs[index + 1:index + 3] if p.text.strip()), "")
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年", title)]
    reviewed = any(w in title for w in load_data("headings.yaml")["review_part_words"])
    return bool(year and years and min(years) >= year and not reviewed)


def named_by_row(facts: list[Fact], paragraphs: list[Paragraph], index: int) -> list[Fact]:
    """Return appendix facts whose indicator is a bare attribute (占地, 总投资) named by their row or item
    (国家药用植物园项目占地)."""
    attributes = load_data("indicators.yaml")["attribute_words"]
    row = row_name(paragraphs, index)
    return [replace(f, indicator=row + f.indicator) if row and f.indicator in attributes else f for f in facts]


def row_name(paragraphs: list[Paragraph], index: int) -> str:
    """Return the name of the table row or appendix item paragraph ``index`` belongs to: the nearest title
    line before it that is not a column header, a number or a date, '' if none is near."""
    attributes = load_data("indicators.yaml")["attribute_words"]
    for j in range(index - 1, max(-1, index - 5), -1):
        text = re.sub("^" + data_pattern("level_1"), "", paragraphs[j].text)
        if is_title_like(text) and len(text) >= 4 and text not in attributes and not re.search(r"\d", text):
            return text
    return ""
