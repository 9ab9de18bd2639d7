"""The section tree of a report and its anchored paragraphs.

A heading is numbered (一、 （一） 1.), a title line in a text without numbered headings, or a part heading
found by what it says (2024年工作安排, 二〇二五年主要任务, 今后五年的目标任务), numbered or not. A numbered
line whose first sentence states figures is read for its facts: an item of a list (2、新建污水管道22.3公里。)
is a body paragraph, a higher heading (（一）新增就业1200人) stays a section.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import CleanText, Paragraph, Section
from generator.read.lexicon import data_pattern
from generator.read.normalize import is_title_like
from generator.read.numbers import scan_numbers
from generator.read.segment import word_tags

# the longest second line of a heading broken over two lines (二、2024年 / 工作安排)
_TAIL_MAX = 10
# no title line is longer (is_title_like allows 30 full-width characters, 60 half-width)
_TITLE_MAX = 60
_OPENING_TITLES = 3  # lines a document's title may take before its text
_LEAD_IN_START = 2  # body paragraphs a part may open with before its lead-in of planned work


def _heading_level(text: str) -> Optional[int]:
    """Return the level of a numbered heading (一、 → 1, （一） → 2, 1. → 3), None otherwise."""
    return next((level for level, regex in _level_regexes() if regex.match(text)), None)


@functools.cache
def _level_regexes() -> tuple[tuple[int, re.Pattern], ...]:
    """Return (level, regex) of each numbering, and of the named parts (第一章, 附件, 名词解释) at level 1."""
    named = "|".join(data_pattern(k) for k in ("chapter", "appendix", "glossary"))
    return (*((level, re.compile(data_pattern(f"level_{level}"))) for level in (1, 2, 3)), (1, re.compile(named)))


def _heading_title(text: str) -> str:
    """Return the heading part of a paragraph (a run-in heading ends at its first 。)."""
    head = re.split(r"[。！？]", text, maxsplit=1)[0]
    return head.rstrip("：:")[:40]


@functools.cache
def _number_prefix() -> re.Pattern:
    """Return the regex of a heading's numbering (一、 （一） 1. 第一章)."""
    keys = ("level_1", "level_2", "level_3", "chapter")
    return re.compile("^(?:" + "|".join(data_pattern(k) for k in keys) + r")\s*")


def _unnumbered(text: str) -> str:
    """Return a heading without its numbering (二、2024年工作安排 → 2024年工作安排)."""
    return _number_prefix().sub("", text, count=1)


def _is_item(text: str) -> bool:
    """Return True for a numbered line whose first sentence states figures (2、新建污水管道22.3公里，…):
    an item of a list, read as a body paragraph, not a heading."""
    first = _heading_title(_unnumbered(text))
    return any(c.isdigit() for c in first) and any(not n.skip and not n.chinese for n in scan_numbers(first))


def _numbered_level(text: str) -> Optional[int]:
    """Return the level of a numbered heading, None for other lines and for the items of a list (1、 1.)."""
    level = _heading_level(text)
    return None if level is None or (level == 3 and _is_item(text)) else level


@functools.cache
def _part_regexes() -> tuple[re.Pattern, re.Pattern]:
    """Return (a part heading's opening period, a plan part heading: period … plan word at its end)."""
    periods = data_pattern("part_periods")
    words = "|".join(load_data("headings.yaml")["plan_part_words"])
    plan = rf"(?:{periods})[^。，；！？]{{0,16}}?(?:{words})(?:[（(][^）)]*[）)])?$"
    return re.compile(rf"^(?:{periods})"), re.compile(plan)


@functools.cache
def _part_word_end() -> re.Pattern:
    """Return the regex of a heading ending with what its part holds (…工作回顾, …主要任务, …工作安排)."""
    data = load_data("headings.yaml")
    return re.compile(f"(?:{'|'.join(data['plan_part_words'] + data['review_part_words'])})$")


def _reviews(title: str) -> bool:
    """Return True for a heading naming work done (2023年工作回顾, 重点工作完成情况)."""
    return any(w in title for w in load_data("headings.yaml")["review_part_words"])


def is_plan_title(title: str) -> bool:
    """Return True for the heading of a forward-looking part (2024年工作安排, 今后五年的主要任务, 展望)."""
    if _reviews(title):
        return False
    if any(_plans(clause) for clause in re.split("[，,；;]", _unnumbered(title))):
        return True
    return bool(_part_regexes()[1].search(_unnumbered(title).rstrip("：:")))


def _plans(clause: str) -> bool:
    """Return True for a heading clause naming planned work (2024年重点工作, 展望), not one a verb opens that names
    work done (突出四项重点工作: an item of a review)."""
    word = next((w for w in load_data("modality.yaml")["plan_headings"] if w in clause), None)
    if word is None:
        return False
    opening = word_tags(clause)[0]
    return clause.startswith(word) or not (opening.flag == "v" and len(opening.word) > 1)


def _part_kind(text: str) -> Optional[str]:
    """Return "plan" or "review" for a part heading opening with its period (2024年工作安排), else None."""
    title = _unnumbered(text).rstrip("：:")
    if not _part_regexes()[0].match(title):
        return None
    if _reviews(title):
        return "review"
    return "plan" if is_plan_title(title) else None


def _join_split_headings(texts: list[str]) -> tuple[list[str], set[int]]:
    """Return the lines with a part heading or a title broken over two lines made whole (二、2024年 / 工作安排,
    2024年工作安 / 排, 今后一个时期的 / 目标任务, 镇2010年工作总结及 / 2011年工作计划), and the indices of the
    second lines."""
    joined, tails = list(texts), set()
    for i in range(len(texts) - 1):
        head, tail = texts[i], texts[i + 1]
        if i in tails or len(tail) > _TAIL_MAX or len(head) > _TITLE_MAX or _heading_level(tail) \
                or not is_title_like(tail) or not is_title_like(_unnumbered(head)):
            continue
        if _part_kind(head + tail) and not _part_word_end().search(head) \
                or head.endswith(tuple(load_data("headings.yaml")["title_conjunctions"])):
            joined[i] = head + tail
            tails.add(i + 1)
    return joined, tails


def _levels(texts: list[str], tails: set[int]) -> list[Optional[int]]:
    """Return the heading level of every line, None for body lines.

    Part headings found by their words are level 1; when the text does not number its parts (2004年工作回顾
    above 一、…), its numbered headings or title lines sit one level below them."""
    numbered = [None if i in tails else _numbered_level(t) for i, t in enumerate(texts)]
    first_body = next((i for i, t in enumerate(texts) if not _title_like(t)), len(texts))
    titles = {i for i, t in enumerate(texts) if i > first_body and i not in tails and numbered[i] is None
              and _title_like(t)}
    parts = {i for i in titles if _part_kind(texts[i]) and _opens_body(texts, i + 1 + (i + 1 in tails))}
    numbered_parts = [_heading_title(texts[i]) for i, level in enumerate(numbered) if level == 1
                      and _part_kind(_heading_title(texts[i]))]
    first_numbered = next((i for i, level in enumerate(numbered) if level is not None), len(texts))
    shift = 1 if parts and not numbered_parts and min(parts) < first_numbered else 0
    if parts and not shift:  # the parts are numbered, or a part heading stands among numbered ones
        numbered_plan = any(level and is_plan_title(_heading_title(texts[i])) for i, level in enumerate(numbered))
        parts = set() if numbered_plan else {i for i in parts if _part_kind(texts[i]) == "plan"}
    has_numbers = any(level is not None for level in numbered)
    levels: list[Optional[int]] = []
    for i, level in enumerate(numbered):
        if level is not None:
            levels.append(level + shift)
        elif i in parts:
            levels.append(1)
        else:
            levels.append(1 + shift if i in titles and not has_numbers else None)
    return levels


def _opens_body(texts: list[str], i: int) -> bool:
    """Return True when body text or a numbered heading comes at line ``i`` or the one after (a title may
    stand between a part heading and its text; cells of a flattened table follow each other)."""
    return any(not _title_like(t) or _heading_level(t) is not None for t in texts[i:i + 2])


def _title_like(text: str) -> bool:
    """Return normalize.is_title_like, first ruling out a long paragraph by its length alone."""
    return len(text) <= _TITLE_MAX and is_title_like(text)


def build_sections(clean: CleanText) -> tuple[list[Section], list[Paragraph]]:
    """Return the section tree and the anchored paragraphs of a report."""
    texts, tails = _join_split_headings([p.text for p in clean.paragraphs])
    levels = _levels(texts, tails)
    whole_plan = _plans_throughout(texts, levels)
    sections: list[Section] = []
    stack: list[Section] = []
    paragraphs: list[Paragraph] = []
    used_ids: set[str] = set()
    lead = _LeadIn()
    for index, (line, text) in enumerate(zip(clean.paragraphs, texts)):
        anchor = f"p-{index + 1}"
        level = levels[index]
        bare = _heading_level(text) is None or (len(_heading_title(text)) == len(text.rstrip("。：:"))
                                                and not _is_item(text))  # （一）新增就业1200人: its facts are read
        if level is not None:
            title = _heading_title(text)
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            is_plan = whole_plan or is_plan_title(title) or (parent.is_plan if parent else False) \
                or lead.covers(level, title)
            section = Section(id=_unique(title, used_ids), title=title, level=level, paragraph=anchor,
                              line=line.line, parent=parent.id if parent else None, is_plan=is_plan)
            sections.append(section)
            stack.append(section)
        elif index not in tails and lead.opens(text, stack[-1] if stack else None):
            sections[-1] = stack[-1] = replace(stack[-1], is_plan=True)
        paragraphs.append(Paragraph(anchor=anchor, text=line.text, line=line.line,
                                    section=stack[-1].id if stack else None,
                                    is_heading=index in tails or (level is not None and bare)))
    return sections, paragraphs


class _LeadIn:
    """The scope of planned work a body paragraph opens (主要预期目标是：, 重点抓好以下几个方面工作): the headings after
    it under the part it stands in, or the next part when it is the last paragraph of one."""

    def __init__(self) -> None:
        self.level: Optional[int] = None  # headings deeper than this are a plan; 0 for a lead-in under no heading
        self.last = False  # the lead-in is the last paragraph read
        self.body = 0  # body paragraphs read since the last heading

    def covers(self, level: int, title: str) -> bool:
        """Return True when the heading read next is a plan by the lead-in before it, and move the scope on."""
        last, self.last, self.body = self.last, False, 0
        if self.level is None:
            return False
        if level > self.level and not (self.level == 0 and _reviews(title)):
            return True
        self.level = None
        return last and not _reviews(title)

    def opens(self, text: str, section: Optional[Section]) -> bool:
        """Return True when ``text`` opens planned work at the start of ``section`` (not a review), which is then a
        plan itself; note the scope of any lead-in."""
        self.body += 1
        self.last = bool(_plan_lead_in().search(text))
        if not self.last or (section and section.is_plan):
            return False
        self.level = section.level if section else 0
        return section is not None and self.body <= _LEAD_IN_START and not _reviews(section.title)


@functools.cache
def _plan_lead_in() -> re.Pattern:
    """Return the regex of a body paragraph opening planned work (主要预期目标是：, 重点抓好以下几个方面工作,
    2023年，罗星街道将坚持…)."""
    data = load_data("headings.yaml")
    return re.compile("|".join((*data["plan_lead_ins"], data["planned_work_opening"])))


def opens_planned_work(text: str) -> bool:
    """Return True for a paragraph opening with the year whose work the place will do (2023年，安宜镇将确保…)."""
    return re.match(load_data("headings.yaml")["planned_work_opening"], text) is not None


def _plans_throughout(texts: list[str], levels: list[Optional[int]]) -> bool:
    """Return True for a document that is a plan from its title on (镇2024年度工作计划): its opening title lines name
    a plan, and no heading of it reviews work done."""
    first_body = next((i for i, t in enumerate(texts) if not _title_like(t)), len(texts))
    opening = texts[:min(first_body, _OPENING_TITLES)]
    if not any(is_plan_title(t) for t in opening):
        return False
    return not any(_reviews(t) for t, level in zip(texts, levels) if level is not None or _title_like(t))


def _unique(title: str, used: set[str]) -> str:
    """Return ``title`` as a section id, suffixed when it was used already."""
    candidate, n = title, 2
    while candidate in used:
        candidate, n = f"{title}~{n}", n + 1
    used.add(candidate)
    return candidate
