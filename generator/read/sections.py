"""The section tree of a report and its anchored paragraphs."""
from __future__ import annotations

import re
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import CleanText, Paragraph, Section
from generator.read.lexicon import data_pattern
from generator.read.normalize import is_title_like


def _heading_level(text: str) -> Optional[int]:
    """Return the level of a numbered heading (一、 → 1, （一） → 2, 1. → 3), None otherwise."""
    for level, key in ((1, "level_1"), (2, "level_2"), (3, "level_3")):
        if re.match(data_pattern(key), text):
            return level
    if re.match("|".join(data_pattern(k) for k in ("chapter", "appendix", "glossary")), text):
        return 1
    return None


def _heading_title(text: str) -> str:
    """Return the heading part of a paragraph (a run-in heading ends at its first 。)."""
    head = re.split(r"[。！？]", text, maxsplit=1)[0]
    return head.rstrip("：:")[:40]


def build_sections(clean: CleanText) -> tuple[list[Section], list[Paragraph]]:
    """Return the section tree and the anchored paragraphs of a report."""
    lines = clean.paragraphs
    numbered = any(_heading_level(p.text) for p in lines)
    first_body = next((i for i, p in enumerate(lines) if not is_title_like(p.text)), len(lines))
    plan_words = load_data("modality.yaml")["plan_headings"]
    plan_parts = "|".join(load_data("headings.yaml")["plan_part_words"])
    sections: list[Section] = []
    stack: list[Section] = []
    paragraphs: list[Paragraph] = []
    used_ids: set[str] = set()
    for index, line in enumerate(lines):
        anchor = f"p-{index + 1}"
        level = _heading_level(line.text)
        standalone_title = level is None and not numbered and index > first_body and is_title_like(line.text)
        if level is None and standalone_title:
            level = 1
        heading = level is not None and (standalone_title or len(_heading_title(line.text)) == len(line.text.rstrip("。：:")))
        if level is not None:
            title = _heading_title(line.text)
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            is_plan = any(w in title for w in plan_words) or bool(re.search(rf"20\d\d年.*(?:{plan_parts})", title)) \
                or (parent.is_plan if parent else False)
            section = Section(id=_unique(title, used_ids), title=title, level=level, paragraph=anchor,
                              line=line.line, parent=parent.id if parent else None, is_plan=is_plan)
            sections.append(section)
            stack.append(section)
        paragraphs.append(Paragraph(anchor=anchor, text=line.text, line=line.line,
                                    section=stack[-1].id if stack else None, is_heading=heading))
    return sections, paragraphs


def _unique(title: str, used: set[str]) -> str:
    """Return ``title`` as a section id, suffixed when it was used already."""
    candidate, n = title, 2
    while candidate in used:
        candidate, n = f"{title}~{n}", n + 1
    used.add(candidate)
    return candidate
