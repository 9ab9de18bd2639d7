"""The nouns of townfacts: plain frozen dataclasses passed from stage to stage."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

KINDS = ("actual", "target", "estimate", "share", "rank")


@dataclass(frozen=True)
class Line:
    """One cleaned paragraph and where its characters came from in the original file."""

    text: str
    line: int  # 1-based line of the original file where the paragraph starts
    # offsets[i] = 1-based original line of text[i]; same length as text
    offsets: tuple[int, ...] = ()
    # the paragraph in the characters the report writes (Traditional, before OpenCC t2s), one for one with
    # text; "" when they are the same (a Simplified report, or a line whose conversion changed its length)
    written: str = ""

    def line_at(self, index: int) -> int:
        """Return the original line of the character at ``index`` (clamped)."""
        if not self.offsets:
            return self.line
        return self.offsets[max(0, min(index, len(self.offsets) - 1))]


@dataclass(frozen=True)
class CleanText:
    """A decoded, cleaned report: paragraphs with a map back to original lines."""

    path: str
    sha256: str
    original: str  # the decoded original text, as the reader would see it
    paragraphs: tuple[Line, ...]
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Source:
    """Where a fact was read: the clause as written and the line it starts on."""

    line: int
    quote: str
    paragraph: str  # anchor of the paragraph on the full-text page, e.g. "p-12"
    quote_en: Optional[str] = None  # the quote in English, from the translation memory


@dataclass(frozen=True)
class Fact:
    """One number read from a report, with what it measures and where it was written."""

    id: str
    indicator: str
    value: float
    unit: Optional[str]
    kind: str  # one of KINDS
    source: Source
    qualifier: Optional[str] = None
    base_value: Optional[float] = None
    base_unit: Optional[str] = None
    growth_pct: Optional[float] = None
    growth_basis: Optional[str] = None
    period: Optional[str] = None
    section: Optional[str] = None  # id of the Section the fact is in
    part_of: Optional[str] = None  # id of the fact this one is a part of (其中 …)
    indicator_en: Optional[str] = None
    indicator_origin: Optional[str] = None  # glossary, dictionary, memory or machine:<provider>


@dataclass(frozen=True)
class Section:
    """A heading of the report (一、 （一） 1. or a title line)."""

    id: str
    title: str
    level: int  # 1 for 一、, 2 for （一）, 3 for 1.; title lines count as 1
    paragraph: str  # anchor of the heading paragraph
    line: int
    parent: Optional[str] = None
    is_plan: bool = False  # a forward-looking part (工作计划, 展望, 主要目标 …)
    title_en: Optional[str] = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the cleaned full text, with its stable anchor."""

    anchor: str
    text: str
    line: int
    section: Optional[str] = None
    is_heading: bool = False
    text_en: Optional[str] = None


@dataclass(frozen=True)
class Meta:
    """What the document is: place, level, date, speaker, the period it covers."""

    place: str
    slug: str
    source: str
    sha256: str
    place_en: Optional[str] = None
    level: Optional[str] = None  # town, township, subdistrict, county, district, county-level city, city
    place_code: Optional[str] = None  # the official division code (statistical, 9 digits for a town)
    district: Optional[str] = None
    city: Optional[str] = None
    province: Optional[str] = None
    doc_type: Optional[str] = None
    title: Optional[str] = None
    meeting: Optional[str] = None
    date: Optional[str] = None  # ISO yyyy-mm-dd
    year: Optional[int] = None
    speaker: Optional[str] = None
    speaker_title: Optional[str] = None
    period_covered: Optional[str] = None
    district_en: Optional[str] = None
    city_en: Optional[str] = None
    province_en: Optional[str] = None
    speaker_en: Optional[str] = None
    source_url: Optional[str] = None  # these three only from the report's sidecar (seeds/<name>.yaml)
    publisher: Optional[str] = None
    licence: Optional[str] = None


@dataclass(frozen=True)
class Report:
    """A report read end to end: metadata, section tree, paragraphs and facts."""

    meta: Meta
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    facts: tuple[Fact, ...] = ()
    entities: tuple["Entity", ...] = ()
    # (name as shown, its Simplified form) of each name a report written in Traditional shows in its own
    # characters (read/written.py), for the stages that look Simplified words up; () for a Simplified report
    simplified: tuple[tuple[str, str], ...] = ()

    def simplified_of(self, text: Optional[str]) -> Optional[str]:
        """Return a name this report shows (indicator, period, qualifier, section title …) in Simplified, the
        script the word lists are written in; the name itself in a report written in Simplified."""
        if not self.simplified or not text:
            return text
        return _pairs(self.simplified).get(text, text)


@functools.lru_cache(maxsize=16)
def _pairs(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Return a report's (shown, Simplified) pairs as a dict (built once per report)."""
    return dict(pairs)


@dataclass(frozen=True)
class Entity:
    """A named thing worth a list on the fact sheet: a project, an enterprise, a village or a community."""

    kind: str  # project, enterprise, village or community
    name: str
    paragraph: str  # anchor of the paragraph it is named in
    sentence: str  # the sentence it occurs in
    line: int = 0  # 1-based line of the original file where the name starts
