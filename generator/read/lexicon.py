"""The reader's word lists and cue regexes, built once from generator/data/*.yaml."""
from __future__ import annotations

import functools
import re
from typing import Optional

from generator import datafiles
from generator.datafiles import load as load_data

# a footnote marker after a figure or a name ([3], 〔24〕): part of no name and no list's joint
NOTE_MARK = re.compile(r"[〔\[【［]\d+[〕\]】］]")


def chinese_digits() -> dict[str, int]:
    """Return Chinese digit → value (三 → 3, 两 → 2, 〇 → 0)."""
    return load_data("numerals.yaml")["digits"]


def chinese_powers() -> dict[str, int]:
    """Return Chinese power of ten → value (十 → 10, 百 → 100, 千 → 1000)."""
    return load_data("numerals.yaml")["powers"]


def magnitudes() -> dict[str, int]:
    """Return magnitude word → value (万 → 10000, 亿 → 100000000)."""
    return load_data("numerals.yaml")["magnitudes"]


def numeral_chars() -> str:
    """Return every character a Chinese numeral is written with (digits, powers, magnitudes)."""
    return "".join([*chinese_digits(), *chinese_powers(), *magnitudes()])


@functools.cache
def unit_table() -> dict[str, tuple[Optional[str], Optional[float], str]]:
    """Return unit → (base unit, factor, group) for every unit the extractor knows."""
    return {name: (unit.base, unit.factor, unit.group) for name, unit in datafiles.unit_table().items()}


def unit_group(unit: Optional[str]) -> str:
    """Return the units.yaml group of a unit (money, rate, count …); count for a bare number or an unknown unit."""
    return unit_table().get(unit or "", (None, None, "count"))[2]


@functools.cache
def rate_bases() -> dict[str, str]:
    """Return each rate unit (the units.yaml group rate: %, 个百分点, 倍) → its base (%, pp, times)."""
    return {name: base for name, (base, _, group) in unit_table().items() if group == "rate"}


@functools.cache
def longest_unit_len() -> int:
    """Return the length of the longest known unit."""
    return max(len(u) for u in unit_table())


@functools.cache
def period_matchers() -> tuple[re.Pattern, dict[str, str]]:
    """Return (one regex for every period phrase, phrase → normalised form)."""
    data = load_data("periods.yaml")
    normal: dict[str, str] = {}
    for item in data["phrases"]:
        text, norm = (item, item) if isinstance(item, str) else (item["text"], item["as"])
        normal[text] = norm
    return re.compile(f"(?=[{period_first_characters()}])(?:{period_alternation()})"), normal


def period_alternation() -> str:
    """Return the regex of every period phrase (periods.yaml), unscreened: its patterns, then its phrases
    longest first."""
    data = load_data("periods.yaml")
    literal = sorted((item if isinstance(item, str) else item["text"] for item in data["phrases"]), key=len, reverse=True)
    return "|".join(data["patterns"] + [re.escape(p) for p in literal])


@functools.cache
def period_first_characters() -> str:
    """Return, escaped for a character class, every character a period phrase can start with: the digits and
    each non-ASCII character written in periods.yaml (a superset). A regex screened by them rejects most
    positions of a text at once, which makes a scan several times faster."""
    data = load_data("periods.yaml")
    texts = data["patterns"] + [item if isinstance(item, str) else item["text"] for item in data["phrases"]]
    return "".join(re.escape(c) for c in sorted({c for t in texts for c in t if not c.isascii()} | set("0123456789")))


@functools.cache
def cue_regex(key: str, name: str = "modality.yaml") -> re.Pattern:
    """Return one regex matching any cue listed under ``key`` of a data file."""
    return re.compile("|".join(load_data(name)[key]))


@functools.cache
def word_list(key: str, name: str = "modality.yaml") -> tuple[str, ...]:
    """Return a word list from a data file, longest first."""
    return tuple(sorted(load_data(name)[key], key=len, reverse=True))


class Prefixes:
    """Words looked up by the text they open, in the order given (longest first, if so sorted)."""

    def __init__(self, words: tuple[str, ...]):
        self.words = words
        self._by_first: dict[str, tuple[str, ...]] = {}
        for first in {w[:1] for w in words}:  # each group keeps the given order, so the first found is the same
            self._by_first[first] = tuple(w for w in words if w[:1] == first)

    def opening(self, text: str, pos: int = 0):
        """Yield the words that ``text`` opens with at ``pos``, in order."""
        return (w for w in self._by_first.get(text[pos:pos + 1], ()) if text.startswith(w, pos))

    def first(self, text: str, pos: int = 0) -> str:
        """Return the first word that ``text`` opens with at ``pos`` ('' if none): any(startswith) in one look-up."""
        return next(self.opening(text, pos), "")


@functools.cache
def prefixes(key: str, name: str = "indicators.yaml") -> Prefixes:
    """Return the words of a data list, longest first, ready to be looked up by the text they open."""
    return Prefixes(word_list(key, name))


@functools.cache
def growth_words() -> tuple[str, ...]:
    """Return the growth words, longest first."""
    return tuple(sorted(load_data("modality.yaml")["growth_words"], key=len, reverse=True))


@functools.cache
def growth_bases() -> tuple[str, ...]:
    """Return the words a growth is compared with (同比, 比上年同期, 较去年相比), longest first."""
    return tuple(sorted(load_data("modality.yaml")["growth_basis"], key=len, reverse=True))


def list_joiners(key: str) -> tuple[str, ...]:
    """Return one set of list joiners from lists.yaml (item_joiners, shared_head_joiners, rate_joiners)."""
    return tuple(load_data("lists.yaml")[key])


def list_marker(key: str) -> str:
    """Return the list marker word named ``key`` in lists.yaml (respectively → 分别, each → 各)."""
    return load_data("lists.yaml")[key]


def cue_alternation(key: str, name: str = "modality.yaml") -> str:
    """Return the entries under ``key`` of a data file as one regex alternation, in their written order."""
    return "|".join(load_data(name)[key])


@functools.cache
def list_joiner_regex(key: str) -> str:
    """Return a regex matching any one joiner of a lists.yaml set, for splitting a list into its items."""
    return "|".join(re.escape(j) for j in list_joiners(key))


def ordinal_class() -> str:
    """Return the regex character class of the numerals that number headings and ranks ([一二…十])."""
    return f"[{load_data('numerals.yaml')['ordinals']}]"


@functools.cache
def data_pattern(key: str, name: str = "headings.yaml") -> str:
    """Return the regex ``key`` of a data file, its {ordinal} replaced by the ordinal numeral class."""
    value = load_data(name)[key]
    patterns = value if isinstance(value, list) else [value]
    return "|".join(p.replace("{ordinal}", ordinal_class()) for p in patterns)


@functools.cache
def count_regex() -> re.Pattern:
    """Return the regex of a count: a number then a counting unit (3条, 44个, 两座), not the start of a longer
    unit (12.2万亩 is an area, though 万 alone counts)."""
    table = unit_table()
    counts = sorted((u for u, (_, _, group) in table.items() if group == "count"), key=len, reverse=True)
    longer = sorted((u for u, (_, _, group) in table.items() if group != "count" and any(
        u.startswith(c) and u != c for c in counts)), key=len, reverse=True)
    numerals = "".join(load_data("numerals.yaml")["digits"]) + "十百千"
    not_longer = f"(?!{'|'.join(map(re.escape, longer))})" if longer else ""
    return re.compile(rf"(?:(?<![\d.])\d+(?:\.\d+)?|[{numerals}]+){not_longer}(?:{'|'.join(map(re.escape, counts))})")


@functools.cache
def size_alternation() -> str:
    """Return the regex alternation of the units that size a work (公里, 亩, 平方米), longest first; a capacity
    (350兆瓦, 10万吨) is part of a project's name and stays in it."""
    sizes = (u for u, (base, _, _) in unit_table().items() if base in load_data("indicators.yaml")["work_size_bases"])
    return "|".join(map(re.escape, sorted(sizes, key=len, reverse=True)))


@functools.cache
def unit_alternation() -> str:
    """Return the regex alternation of every unit, longest first."""
    return "|".join(map(re.escape, sorted(unit_table(), key=len, reverse=True)))


def possessive() -> str:
    """Return the possessive between an owner and what it owns (2015年的29.1亿元, 任务740万元的56.6%)."""
    return load_data("indicators.yaml")["possessive"]


def opens_with_excess(text: str) -> bool:
    """Return True for text opening with a verb of passing a target (超额完成, 高于, 超): by how much it was passed."""
    return re.match(cue_alternation("excess_openers"), text) is not None


def owns_a_target(text: str, match: re.Match) -> bool:
    """Return True for a period naming whose target a figure is measured against (完成全年目标的50%) or that was
    met (完成了全年各项目标任务，…): no period of the figures after it."""
    data = load_data("periods.yaml")
    return re.search(data["progress_verbs"] + r"了?$", text[max(0, match.start() - 3):match.start()]) is not None \
        and re.match(data["progress_targets"], text[match.end():]) is not None


@functools.cache
def name_ending_digit() -> str:
    """Return the pattern of a digit that ends a name: any but the number of a ranked list's name (世界500强)."""
    return rf"(?<!\d)(?!{load_data('indicators.yaml')['ranked_list_number']})\d"


@functools.cache
def manner_lists() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Return the bare names, and the manner words opening and closing a name (indicators.yaml), longest first."""
    return (frozenset(load_data("indicators.yaml")["bare_names"]), word_list("manner_words", "indicators.yaml"),
            word_list("manner_endings", "indicators.yaml"))


ALTERNATIVES_IN_A_WORD = re.compile(r"(?<=[\u4e00-\u9fff])（([\u4e00-\u9fff](?:、[\u4e00-\u9fff])+)）(?=[\u4e00-\u9fff])")
"""A bracket of alternatives inside a word (新（改、扩）建, 县（市、区）委): its 、 joins alternatives, not items."""


def bare_but_ending(text: str, bare: set[str]) -> bool:
    """Return True for a bare name, alone or before a word the trailing strip takes (投资达到): 累计 of 累计投资达到
    stays, as it says the figure is a sum."""
    return text in bare or any(text.endswith(w) and text[:-len(w)] in bare for w in word_list("strip_trailing", "indicators.yaml"))


def spans_a_sum(text: str, match: re.Match) -> bool:
    """Return True when a period phrase is the span of a sum after it (五年累计, 三年共): indicators.yaml span_before_sum."""
    span = re.match(load_data("indicators.yaml")["span_before_sum"], text[match.start():])
    return span is not None and span.end() == match.end() - match.start()


def examples_end_at(text: str) -> int:
    """Return where the last 等 closing a list of examples stands in ``text`` (A、B等), -1 if none: a word of grade
    holding 等 (上等烟, 一等奖) closes none."""
    grades = "|".join(load_data("lists.yaml")["grade_words"])
    ends = [m.start() for m in re.finditer(list_marker("examples_end"), text) if not re.search(f"(?:{grades})$", text[:m.end()])]
    return ends[-1] if ends else -1


def after_examples_end(text: str) -> str:
    """Return what a list of examples in ``text`` is of, the words after its closing 等 (引进A、B等优质产业项目 →
    优质产业项目), or ``text`` when no 等 closes one."""
    end = examples_end_at(text)
    return text[end + len(list_marker("examples_end")):] if end >= 0 else text


@functools.cache
def verb_of_reach() -> str:
    """Return the pattern of a verb of reach before the measure closing a name, that measure's kind said in up to four
    characters (实现税收, 开发区完成主营业务收入, 规上企业实现工业总产值)."""
    reach = load_data("indicators.yaml")["reach_before_measure"]
    return rf"(?:{'|'.join(reach['verbs'])})(?=[\u4e00-\u9fff]{{0,4}}(?:{'|'.join(reach['measures'])})$)"


def without_growth_tail(name: str) -> str:
    """Return a name without the growth phrase closing it (公共财政预算收入五年年均增长 → 公共财政预算收入)."""
    words, bases = "|".join(growth_words()), "|".join(growth_bases())
    return re.sub(rf"(?<=[\u4e00-\u9fff]{{2}})(?:[一二两三四五六七八九十\d]{{1,2}}年(?:来)?)?(?:{bases})*(?:{words})$", "", name)
