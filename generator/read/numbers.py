"""Numbers in a sentence: Chinese numerals, units, hedges and ranges, each read into a Num."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import (chinese_digits, chinese_powers, longest_unit_len, magnitudes, numeral_chars,
                                    unit_table, word_list)
from generator.read.not_facts import not_fact_reason



@functools.cache
def number_regex() -> re.Pattern:
    """Return the regex of a number: 百分之 + numeral, an Arabic number, or a Chinese numeral."""
    numerals = load_data("numerals.yaml")
    percent = rf"{numerals['percent_prefix']}(?:\d+(?:\.\d+)?|[{numerals['percent_numerals']}]+)"
    return re.compile(rf"{percent}|\d+(?:,\d{{3}})*(?:\.\d+)?|[{numeral_chars()}]+")


def parse_chinese_number(text: str) -> Optional[float]:
    """Return the value of a Chinese numeral (三 → 3, 十二 → 12, 八百 → 800), None if malformed."""
    digits, powers = chinese_digits(), chinese_powers()
    total, digit, last_power = 0, None, 10 ** 9
    for ch in text:
        if ch in digits:
            if digit is not None and not (digit == 0):
                return None  # two digits in a row (三五, 二〇三五) is a code, not a number
            digit = digits[ch]
        elif ch in powers:
            power = powers[ch]
            if power >= last_power:
                return None
            total += (1 if digit is None else digit) * power
            digit, last_power = None, power
        else:
            return None
    return float(total + (digit or 0))


@dataclass(frozen=True)
class Growth:
    """The growth phrase a rate is written after (同比增长5%)."""

    word: str  # the growth word as written (增长, 下降, 增幅)
    sign: int  # 1 for an increase, -1 for a decrease
    basis: Optional[str]  # what the rate compares with (yoy …), None when unstated
    phrase_start: int  # where the growth phrase starts in the sentence: the subject ends there


@dataclass
class Num:
    """A number read in a sentence, with its unit and the words hedging it."""

    start: int  # first character of the number (qualifier before it not included)
    num_end: int  # end of the number itself
    end: int  # end of number + unit + trailing qualifier
    value: float
    unit: Optional[str]
    chinese: bool
    qualifier: Optional[str] = None
    unit_end: int = 0  # end of number + unit, before a trailing qualifier
    growth: Optional[Growth] = None  # set when the number is a growth rate
    skip: Optional[str] = None  # why this is not a fact


# No figure of a report comes near this (it is over China's GDP in yuan); beyond it a number is a typo or an
# attack (a 309-digit number is Infinity as a float), left to the quality panel, never made a fact
LARGEST = 1e15


def scan_numbers(text: str) -> list[Num]:
    """Return every number of a sentence with its unit and hedges; non-facts carry a ``skip`` reason."""
    nums: list[Num] = []
    for match in number_regex().finditer(text):
        if nums and match.start() < nums[-1].end:
            continue  # the upper end of a range read with the number before it
        num = _read_number(text, match)
        if num is not None and abs(num.value) <= LARGEST:  # also False for NaN
            nums.append(num)
    for first, second in reversed(list(zip(nums, nums[1:]))):  # from the last: a run's unit travels back
        joiner = text[first.num_end:second.start]
        if first.unit is None and second.unit and joiner in load_data("lists.yaml")["item_joiners"] and (
                joiner != "、" or _each_run(text, nums, first)):
            first.unit = second.unit  # 分别是2005年的2.7和2.4倍, 分别由45、38、35个工作日: one unit for all
            first.skip = not_fact_reason(text, first)
    return nums


def _each_run(text: str, nums: list[Num], num: Num) -> bool:
    """Return True when ``num`` is in a 、 run of bare numbers that 分别 opens (分别由45、38、35个工作日): one unit,
    written once at the end; a 、 run without 分别 is left bare (1、2、3)."""
    at = nums.index(num)
    while at > 0 and nums[at - 1].unit is None and text[nums[at - 1].num_end:nums[at].start] == "、":
        at -= 1
    lists, before = load_data("lists.yaml"), text[max(0, nums[at].start - 6):nums[at].start]
    opening = rf"{lists['respectively']}(?:{'|'.join(lists['respectively_verbs'])})?$"
    to_list = before.endswith(tuple(load_data("not_facts.yaml")["from_value_after"])) and lists["respectively"] in \
        text[:nums[at].start]  # 分别由45、38、35个工作日压缩至39、33、31个工作日: the list of new values
    return to_list or re.search(opening, before) is not None


def _read_number(text: str, match: re.Match) -> Optional[Num]:
    """Return the Num for one regex match, or None for things that are not numbers at all."""
    token, start = match.group(), match.start()
    prefix, point = load_data("numerals.yaml")["percent_prefix"], load_data("numerals.yaml")["decimal_point"]
    if token.startswith(prefix):
        body = token[len(prefix):].replace(point, ".")
        value = float(body) if re.fullmatch(r"[\d.]+", body) else parse_chinese_number(body)
        if value is None:
            return None
        num = Num(start, match.end(), match.end(), value, "%", True, unit_end=match.end())
        num.skip = not_fact_reason(text, num)  # “六个百分之百”: a slogan, as any number in it
        return num
    chinese = not token[0].isdigit()
    if chinese:
        core = token.rstrip("".join(magnitudes()))
        alone = load_data("numerals.yaml")["never_alone"]
        if not core or core in alone or (core in chinese_powers() and not _hedged(text, start)):
            return None
        value = parse_chinese_number(core)
        if value is None:
            return None
        num_end = start + len(core)
    else:
        value, num_end = float(token.replace(",", "")), match.end()
    unit, unit_end, hedge = _read_unit(text, num_end)
    unit = _implied_unit(text, start, unit_end, unit)
    qualifier = hedge
    upper = _range_upper(text, num_end, unit_end, unit)
    end = unit_end
    if upper:
        unit, end, range_text = upper
        qualifier = range_text
    else:
        for word in word_list("qualifiers_after"):
            if text.startswith(word, end) and word not in _unit_hedges():
                qualifier, end = word, end + len(word)
                break
            if text.startswith(word, end) and word in _unit_hedges() and not unit:
                break
    before = qualifier_before(text, start)
    if before:
        qualifier = before if not qualifier else f"{before}{qualifier}"
    num = Num(start, num_end, end, value, unit, chinese, qualifier, unit_end=unit_end if not upper else end)
    num.skip = not_fact_reason(text, num)
    return num


def _unit_at(text: str, pos: int) -> Optional[str]:
    """Return the longest known unit starting at ``pos`` that does not run into a word (人民, 周年)."""
    table = unit_table()
    data = load_data("not_facts.yaml")
    breakers, keepers = data["unit_word_breakers"], data["unit_word_keepers"]
    for size in range(min(longest_unit_len(), len(text) - pos), 0, -1):
        unit, end = text[pos:pos + size], pos + size
        if unit in table and (text[end:end + 1] not in breakers.get(unit[-1], ())
                              or text.startswith(tuple(keepers.get(unit[-1], ())), end)):
            return unit
    return None


def _read_unit(text: str, pos: int) -> tuple[Optional[str], int, Optional[str]]:
    """Return (unit, end, qualifier) for the unit written at ``pos`` (万余平方米 → 万平方米, 余)."""
    unit = _unit_at(text, pos)
    ch = text[pos:pos + 1]
    if ch in magnitudes():
        after = pos + 1
        hedge = None
        if text[after:after + 1] in _unit_hedges():
            hedge, after = _unit_hedges()[text[after]], after + 1
        inner = _unit_at(text, after)
        if inner and (not unit or after + len(inner) > pos + len(unit)):
            return ch + inner, after + len(inner), hedge
        if unit:
            return unit, pos + len(unit), None
        return ch, pos + 1, hedge
    if ch in _unit_hedges():
        inner = _unit_at(text, pos + 1)
        if inner:
            return inner, pos + 1 + len(inner), _unit_hedges()[ch]
    if unit:
        return unit, pos + len(unit), None
    return None, pos, None


def _implied_unit(text: str, start: int, unit_end: int, unit: Optional[str]) -> Optional[str]:
    """Return the unit a bare 万 stands for when the words say what it counts (45万人民群众, 10.81万贫困人口,
    旅游人次突破百万 → 万人, 万人次); ``unit`` unchanged otherwise."""
    if unit not in magnitudes() or unit in unit_table() and unit_table()[unit][0]:
        return unit  # 亿 alone is money (units.yaml)
    data = load_data("not_facts.yaml")
    after = re.match(r"[\u4e00-\u9fff]{0,6}", text[unit_end:]).group()
    if any(after.find(noun) in range(0, 5) for noun in data["magnitude_people_after"]):
        return unit + data["magnitude_people_unit"]
    clause = re.split(r"[，；。,;]", text[max(0, start - 6):start])[-1]  # 旅游人次突破百万: the count's noun, its verb
    word = next((w for w in data["magnitude_unit_before"] if w in clause), None)
    return unit + data["magnitude_unit_before"][word] if word else unit


def _unit_hedges() -> dict[str, str]:
    """Return the hedges written between a number and its unit (5万余人, 300多名) → the hedge they record (余)."""
    return load_data("modality.yaml")["hedges_before_unit"]


def _hedged(text: str, start: int) -> bool:
    """Return True when a hedge word (近, 超 …) stands right before ``start`` (近千名, 超百万)."""
    return qualifier_before(text, start) is not None


def qualifier_before(text: str, start: int) -> Optional[str]:
    """Return the hedge written right before a number (约, 近, 超过 …), if any."""
    not_after = load_data("modality.yaml")["qualifier_not_after"]
    for word in word_list("qualifiers_before"):
        if text.endswith(word, 0, start):
            if text[start - len(word) - 1:start - len(word)] in not_after.get(word, ()):
                return None
            return word
    return None


def _range_upper(text: str, num_end: int, unit_end: int, unit: Optional[str]):
    """Return (unit, end, range text) when the number opens a range (4.5%-5%, 4.5-5%), else None."""
    for pos in (unit_end, num_end):
        if pos < len(text) and text[pos] in load_data("numerals.yaml")["range_marks"]:
            marks = len(text[pos:]) - len(text[pos:].lstrip(text[pos]))  # 1--2家: a doubled dash is one mark
            match = re.match(r"\d+(?:\.\d+)?", text[pos + marks:])
            if not match:
                continue
            upper_end = pos + marks + match.end()
            upper_unit, end, _ = _read_unit(text, upper_end)
            if upper_unit and (unit is None or upper_unit.startswith(unit) or pos == num_end):  # 10亿-50亿元: 亿 then 亿元
                return upper_unit, end, load_data("numerals.yaml")["range_word"] + match.group() + upper_unit
    return None


def base_of(value: float, unit: Optional[str]) -> tuple[Optional[float], Optional[str]]:
    """Return (base value, base unit) from units.yaml (亿元 → CNY ×1e8), (None, None) when unscaled."""
    if unit is None:
        return None, None
    table = unit_table()
    if unit in table:
        base, factor, _ = table[unit]
        if base and factor is not None:
            return plain(value * factor), base
        return None, None
    if unit[0] in magnitudes() and unit[1:] in table:
        base, factor, _ = table[unit[1:]]
        return plain(value * magnitudes()[unit[0]] * (factor or 1)), base or unit[1:]
    if unit in magnitudes():  # 亿 alone is in units.yaml (money with 元 dropped); 万 alone has no base
        return plain(value * magnitudes()[unit]), None
    return None, None


def plain(value: float):
    """Return an int for whole numbers (181.0 → 181) so JSON reads as written."""
    return int(value) if float(value).is_integer() else round(value, 6)
