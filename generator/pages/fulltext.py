"""The full-text page: every paragraph of the report in one language, headings as headings, numbered points
(1.更大力度推进法治政府建设。坚持……) as paragraphs that open with their point in bold."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from generator.model import Paragraph, Report, Section
from generator.read.normalize import to_simplified

# a heading line is a title, not a sentence: a line ending with one of these is a point of a list, shown as a
# paragraph (1.加快推进乡村振兴。), and so is a line longer than any title (the reader cuts titles at 40)
_SENTENCE_END = ("。", "！", "？", "；", ".", "!", "?", ";")
_TITLE_MAX = 42
# what closes a point's lead in either language: its full stop, colon or dash
_LEAD_CLOSE = re.compile(r"^[。：:！？!?.;；—\-]*")


@dataclass(frozen=True)
class TextBlock:
    """A paragraph of the full-text page as one language shows it."""

    anchor: str
    line: int
    text: str  # after the lead, when there is one
    heading_level: int  # 0 for a body paragraph
    untranslated: bool
    original: Optional[str] = None  # the Chinese shown under an English paragraph
    lead: str = ""  # a numbered point's title, shown in bold at the paragraph's start
    simplified: Optional[str] = None  # a Traditional paragraph in Simplified, hidden, for the search to find


def shown_as_heading(paragraph: Paragraph) -> bool:
    """Return True when a section's paragraph is a bare title line, False for a run-in or sentence point."""
    text = paragraph.text.strip()
    return paragraph.is_heading and len(text) <= _TITLE_MAX and not text.endswith(_SENTENCE_END)


def split_lead(text: str, title: Optional[str]) -> tuple[str, str]:
    """Return (lead, rest): the title opening ``text`` with the punctuation closing it, and what follows
    (lead + rest == text)."""
    if not title or not text.startswith(title):
        return "", text
    close = _LEAD_CLOSE.match(text[len(title):])
    end = len(title) + (close.end() if close else 0)
    return text[:end], text[end:]


def _block(p: Paragraph, section: Optional[Section], lang: str) -> TextBlock:
    """Return one paragraph as a language shows it: a heading, a point with its bold lead, or body text."""
    if section is not None and shown_as_heading(p):
        level = min(section.level + 1, 4)
        english = section.title_en or p.text_en
        if lang == "zh" or not english:
            return TextBlock(p.anchor, p.line, p.text, level, lang != "zh")
        return TextBlock(p.anchor, p.line, english, level, False)
    translated = lang != "zh" and bool(p.text_en)
    text = p.text_en if translated else p.text
    title = None if section is None else (section.title_en if translated else section.title)
    lead, rest = split_lead(text, title)
    return TextBlock(p.anchor, p.line, rest, 0, lang != "zh" and not translated,
                     p.text if translated else None, lead)


def text_blocks(report: Report, lang: str) -> list[TextBlock]:
    """Return the full text's paragraphs (title lines as headings at their section's level) for a language;
    the Chinese page of a report written in Traditional also holds each paragraph in Simplified, hidden, so
    that a query in Simplified finds it as before (the search indexes the page's text)."""
    sections = {s.paragraph: s for s in report.sections}
    blocks = [_block(p, sections.get(p.anchor), lang) for p in report.paragraphs]
    if lang != "zh" or not report.simplified:
        return blocks
    return [replace(b, simplified=to_simplified(b.lead + b.text)) if not b.heading_level and
            to_simplified(b.lead + b.text) != b.lead + b.text else b for b in blocks]

