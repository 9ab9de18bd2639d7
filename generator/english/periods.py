"""English period phrases: 全年 → "Full year", 1-6月 → "January–June", 截至2020年底 → "By the end of 2020"."""
from __future__ import annotations

import re
from typing import Optional

from generator.english.glossary import group, norm


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

# Period shapes not worth listing one by one; {m}/{n} are months, {y}/{z} years.
_PERIOD_PATTERNS = (
    (r"(\d{4})年", lambda m: m[1]),
    (r"(\d{4})年上半年", lambda m: f"First half of {m[1]}"),
    (r"(\d{4})年下半年", lambda m: f"Second half of {m[1]}"),
    (r"(\d{4})年全年", lambda m: f"Full year {m[1]}"),
    (r"(\d{4})年(\d{1,2})月", lambda m: f"{_month(m[2])} {m[1]}"),
    (r"(\d{4})年(\d{1,2})-(\d{1,2})月", lambda m: f"{_month(m[2])}–{_month(m[3])} {m[1]}"),
    (r"(\d{1,2})-(\d{1,2})月", lambda m: f"{_month(m[1])}–{_month(m[2])}"),
    (r"(\d{1,2})月份?", lambda m: _month(m[1])),
    (r"(?:到|至|截至)(\d{4})年底?", lambda m: f"By {'the end of ' if m[0].endswith('底') else ''}{m[1]}"),
    (r"截至(\d{4})年(\d{1,2})月底?", lambda m: f"As of {_month(m[2])} {m[1]}"),
    (r"(\d{1,2})月底前?", lambda m: f"{'By the' if m[0].endswith('前') else 'The'} end of {_month(m[1])}"),
    (r"(\d{4})-(\d{4})年", lambda m: f"{m[1]}–{m[2]}"),
    (r"(\d{4})年以来", lambda m: f"Since {m[1]}"),
    (r"(\d{1,2})月以来", lambda m: f"Since {_month(m[1])}"),
    (r"去年(\d{1,2})月以来", lambda m: f"Since {_month(m[1])} last year"),
    (r"今年(\d{1,2})月以来", lambda m: f"Since {_month(m[1])} this year"),
    (r"(\d{4})年(\d{1,2})月以来", lambda m: f"Since {_month(m[2])} {m[1]}"),
)


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
    for pattern, render in _PERIOD_PATTERNS:
        m = re.fullmatch(pattern, text)
        if m:
            try:
                return render(m)
            except (IndexError, ValueError):
                return None
    return None
