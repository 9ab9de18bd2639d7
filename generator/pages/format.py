"""How numbers, values and growth read on the pages: one set of functions per language.

Chinese (``format_value_zh`` / ``growth_zh``):
- values keep the unit as written and no thousands separators: ``135亿元``, ``超4000万元``,
  ``95%以上``, ``约572亩``, ``11360余处``, ``1万余平方米`` (余/多 go between the 万/亿 and the measure word);
- growth reads as a report writes it, basis first: ``同比增长1.5%``, ``下降80%``, ``年均增长11.5%``,
  and ``持平`` for zero.
English (``format_value_en`` / ``growth_en``): amounts are converted to base units with
thousand/million/billion words (``CNY 13.5 billion``, ``450,000 people``, ``572 mu (38.1 ha)``); growth is
signed with + or a real minus (U+2212). The words (units, qualifiers, growth bases) come from the glossary.
"""
from __future__ import annotations

import functools

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Optional

from generator.datafiles import load
from generator.english.counted import counted_en
from generator.english.glossary import classifier, growth_basis_en, norm, qualifier_spec, unit_spec
from generator.read.normalize import to_simplified

MINUS = "\u2212"


def _growth_word(growth: Decimal, lang: str) -> str:
    """Return what marks a growth's direction in ``lang`` (ui.<lang>.yaml): 增长/下降/持平, +/−/nothing."""
    key = "growth_up" if growth > 0 else "growth_down" if growth < 0 else "growth_flat"
    return load(f"ui.{lang}.yaml")[key]


def _scale_characters() -> str:
    """Return the numerals a unit can start with that scale it (十, 百, 千, 万, 亿: 1万余平方米)."""
    numerals = load("numerals.yaml")
    return "".join(numerals["powers"]) + "".join(numerals["magnitudes"])


def _dec(value: float | int | Decimal | str) -> Decimal:
    """Return ``value`` as a Decimal rounded to 12 significant digits (kills 0.1+0.2 noise)."""
    d = Decimal(value) if isinstance(value, (int, Decimal)) else Decimal(repr(float(value)))
    if d == 0:
        return Decimal(0)
    exp = d.adjusted() - 11
    return d.quantize(Decimal(1).scaleb(exp), rounding=ROUND_HALF_UP) if exp < 0 else d


def _plain(d: Decimal, places: int = 6, sep: bool = True) -> str:
    """Return ``d`` with at most ``places`` decimals, trailing zeros dropped, optional separators."""
    d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if d.as_tuple().exponent < -places else d
    text = format(d, ",f" if sep else "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number_en(value: float | int | Decimal) -> str:
    """Return a number in English style: 450000 → "450,000", 13500000000 → "13.5 billion"."""
    d = _dec(value)
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
                       (Decimal(10) ** 6, "million")):
        if abs(d) >= size:
            return f"{_plain(d / size, 4)} {word}".replace("-", MINUS)
    return _plain(d).replace("-", MINUS)


def number_zh(value: float | int | Decimal) -> str:
    """Return a number as Chinese reports write it: no separators, no float noise."""
    return _plain(_dec(value), 6, sep=False)


def _singular(word: str) -> str:
    """Return the singular of a plural English unit word (people → person, batches → batch)."""
    special = {"people": "person", "times": "time",
               "percentage points": "percentage point"}
    if word in special:
        return special[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _hectares(mu: Decimal) -> str:
    """Return a mu area in hectares (1 mu = 1/15 ha), rounded to what the figure can carry."""
    ha = mu / 15
    if abs(ha) >= 1000:
        return _plain(ha.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if abs(ha) >= 1:
        return _plain(ha.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return _plain(ha.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _counted_en(value: float | int, unit: Optional[str], counted: Optional[str]) -> Optional[str]:
    """Return a count by a measure word with the noun of what is counted (8所高校 → "8 universities"), the
    measure word's own English when the name says nothing countable, None when ``unit`` is no measure word."""
    found = classifier(unit)
    if found is None:
        return None
    scale, default = found
    word = (counted_en(norm(counted)) if counted else None) or default
    text = number_en(_dec(value) * scale)
    if word and text == "1":
        word = _singular(word.split(" ", 1)[0]) + word[len(word.split(" ", 1)[0]):]
    return f"{text} {word}".strip()


def _amount_en(value: float | int, unit: Optional[str], counted: Optional[str] = None) -> str:
    """Return value and unit in English without any qualifier; ``counted`` names what a measure word counts."""
    if unit is None:
        return number_en(value)
    count = _counted_en(value, unit, counted)
    if count is not None:
        return count
    spec = unit_spec(unit)
    if spec is None:
        return f"{number_en(value)} {unit}"  # unknown unit: keep it rather than lose the meaning
    amount = _dec(value) * spec.factor
    text = number_en(amount)
    if spec.group == "money":
        return f"{spec.base} {text}"
    word = spec.en or ""
    if word == "%":
        return f"{text}%"
    if word and text == "1":
        word = _singular(word)
    out = f"{text} {word}".strip()
    if spec.base == "mu":
        out += f" ({_hectares(amount)} ha)"
    return out


@functools.lru_cache(maxsize=1024)
def _simplified(word: Optional[str]) -> Optional[str]:
    """Return a unit or qualifier in Simplified, the script of the glossary (萬元 → 万元); None stays None."""
    return to_simplified(word) if word else word


def format_value_en(value: float | int, unit: Optional[str], qualifier: Optional[str] = None,
                    counted: Optional[str] = None) -> str:
    """Return "over CNY 40 million"-style English for a value, its unit and qualifier; ``counted`` is the
    Chinese name of what a measure word counts (高校 for 8所: "8 universities")."""
    unit, qualifier = _simplified(unit), _simplified(qualifier)  # a report in Traditional writes 萬元, 餘
    text = _amount_en(value, unit, counted)
    spec = qualifier_spec(qualifier)
    word = spec.get("en")
    if not word:
        return text
    return f"{text} {word}" if spec.get("en_after") else f"{word} {text}"


def format_value_zh(value: float | int, unit: Optional[str], qualifier: Optional[str] = None,
                    counted: Optional[str] = None) -> str:
    """Return the Chinese display of a value: "135亿元", "超4000万元", "95%以上", "1万余平方米"."""
    num, unit = number_zh(value), unit or ""
    if not qualifier:
        return num + unit
    q = norm(qualifier)
    place = qualifier_spec(q).get("zh", "before")
    if place == "inside":  # 余/多 sit after the magnitude character: 1万余平方米, 11360余处
        head = unit[:1] if unit[:1] in _scale_characters() and len(unit) > 1 else ""
        return f"{num}{head}{q}{unit[len(head):]}"
    return f"{num}{unit}{q}" if place == "after" else f"{q}{num}{unit}"


def growth_en(growth_pct: Optional[float], basis: Optional[str] = None) -> Optional[str]:
    """Return a signed growth in English: "+1.5% year on year", "−80%" (U+2212 minus)."""
    if growth_pct is None:
        return None
    d = _dec(growth_pct)
    text = f"{_growth_word(d, 'en')}{_plain(abs(d))}%"
    words = growth_basis_en(basis)
    if not words:
        return text
    return f"{words} {text}" if words == "average annual" else f"{text} {words}"


def growth_zh(growth_pct: Optional[float], basis: Optional[str] = None) -> Optional[str]:
    """Return a growth as a report writes it: "同比增长1.5%", "下降80%", "持平"."""
    if growth_pct is None:
        return None
    d = _dec(growth_pct)
    prefix = norm(basis) if basis else ""
    if d == 0:
        return f"{prefix}{_growth_word(d, 'zh')}"
    return f"{prefix}{_growth_word(d, 'zh')}{_plain(abs(d), sep=False)}%"


@dataclass(frozen=True)
class Formatter:
    """One language's way of writing a value (value, unit, qualifier) and a growth (percent, basis)."""

    value: Callable[[float, Optional[str], Optional[str], Optional[str]], str]
    growth: Callable[[Optional[float], Optional[str]], Optional[str]]


FORMATTERS = {"zh": Formatter(format_value_zh, growth_zh), "en": Formatter(format_value_en, growth_en)}


def formatter(lang: str) -> Formatter:
    """Return the formatter of a page language ("zh" or "en")."""
    return FORMATTERS[lang]
