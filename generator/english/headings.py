"""English section headings: numbering (一、 → "I. ") plus the glossary's section words, years templated."""
from __future__ import annotations

import re
from typing import Optional

from generator.datafiles import load
from generator.english.compose import compose_en
from generator.english.glossary import group, norm

# the numerals that number headings (一、, （十二）), in order from one to ten
_NUMERALS = load("numerals.yaml")["ordinals"]
_TEN = next(numeral for numeral, value in load("numerals.yaml")["powers"].items() if value == 10)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
          "XVI", "XVII", "XVIII", "XIX", "XX")


def _cn_number(text: str) -> int:
    """Return the value of a small Chinese numeral (一 … 九十九)."""
    if _TEN not in text:
        return _NUMERALS.index(text) + 1
    tens, _, ones = text.partition(_TEN)
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def _split_numbering(title: str) -> tuple[str, str]:
    """Return (English numbering prefix, heading text) for 一、 / （一） / 1. headings."""
    m = re.match(rf"^([{_NUMERALS}]+)、", title)
    if m:
        n = _cn_number(m[1])
        return (f"{_ROMAN[n - 1]}. " if n <= len(_ROMAN) else f"{n}. "), title[m.end():]
    m = re.match(rf"^\(([{_NUMERALS}]+)\)", title)
    if m:
        return f"({_cn_number(m[1])}) ", title[m.end():]
    m = re.match(r"^(\d{1,2})[.、．]", title)
    if m:
        return f"{m[1]}. ", title[m.end():]
    return "", title


def _heading_en(body: str) -> Optional[str]:
    """Return the English of a heading body, with years templated as {year}/{year2}."""
    words = group("section_words")
    if body in words:
        return words[body]
    years = re.findall(r"\d{4}(?=年)", body)
    if not years:
        return None
    template = body
    names = ("{year}", "{year2}", "{year3}")
    for name, year in zip(names, years):
        template = template.replace(year, name, 1)
    if template not in words:
        return None
    return words[template].format(**{n.strip("{}"): y for n, y in zip(names, years)})


def section_title_en(title: Optional[str]) -> Optional[str]:
    """Return the English heading ("I. Review of work in the first half"), None when unknown."""
    if not title:
        return None
    prefix, body = _split_numbering(norm(title))
    english = _heading_en(body)
    if english is None and "。" in body:
        english = _heading_en(body.split("。", 1)[0])  # a run-in heading: 标题。正文…
    return prefix + english if english else None


def composed_title_en(title: Optional[str]) -> Optional[str]:
    """Return a heading composed with the dictionary clause by clause ("I. …; …"), None when a word is unknown."""
    if not title:
        return None
    prefix, body = _split_numbering(norm(title))
    clauses = [c for c in re.split(r"[，,；;：:]", body.split("。", 1)[0]) if c]
    english = [compose_en(c, heading=True) for c in clauses]
    return prefix + "; ".join(english) if clauses and all(english) else None
