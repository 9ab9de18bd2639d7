"""English period phrases: 全年 → "Full year", 1-6月 → "January–June", 截至2020年底 → "By the end of 2020"."""
from __future__ import annotations

import re
from typing import Optional

from generator.datafiles import load
from generator.english.glossary import five_year_plan_words, group, norm
from generator.read.numbers import parse_chinese_number


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


class _Groups(dict):
    """The named groups of a period match, for str.format_map: a month… group gives its month's name, a plan
    group its five-year plan."""

    def __init__(self, match: re.Match):
        super().__init__()
        self.match = match

    def __missing__(self, name: str) -> str:
        """Return the text of group ``name``, as an English month name if the group is a month, in words if a
        count."""
        if name.startswith("plan"):
            return five_year_plan_words(self.match["plan"])[name]
        text = self.match[name]
        if name.startswith("count"):
            return _count(text)
        return _month(text) if name.startswith("month") else text


def _count(number: str) -> str:
    """Return a count of years in English as the glossary writes them: words up to ten (三 → three), else digits."""
    value = int(number) if number.isdigit() else int(parse_chinese_number(number))
    return _COUNTS[value - 1] if 1 <= value <= len(_COUNTS) else str(value)


def _month(number: str) -> str:
    """Return the English month name of "1".."12" (raises on anything else)."""
    return _MONTHS[int(number) - 1]


def period_en(period: Optional[str]) -> Optional[str]:
    """Return the English of a period phrase (全年 → "Full year", 1-6月 → "January–June"), None if unknown."""
    if not period:
        return None
    text = re.sub(r"(\d)[~–至到](\d)", r"\1-\2", norm(period))
    periods = group("periods")
    if text in periods:
        return periods[text]
    for shape in load("patterns_en.yaml")["periods"]:
        m = re.fullmatch(shape["pattern"], text)
        if m:
            try:
                return shape["en"].format_map(_Groups(m))
            except (IndexError, ValueError):
                return None
    return None


def ordinal_en(number: str) -> Optional[str]:
    """Return a Chinese numeral as an English ordinal (九 → 9th, 十七 → 17th: terms, sessions), None if none."""
    value = parse_chinese_number(number) if re.fullmatch(r"[一二三四五六七八九十百]+", number) else None
    if not value or value != int(value):
        return None
    n = int(value)
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
