"""English indicator names: an exact glossary entry, else a safe composition of glossary parts, else the
same read with CC-CEDICT for the words the glossary lacks (see compose.py), else None."""
from __future__ import annotations

import re
from functools import cache
from typing import Optional

from generator.english.compose import PARTY_OF, compose_en, is_name
from generator.english.counted import counted_plural
from generator.english.glossary import group, norm
from generator.read.lexicon import ALTERNATIVES_IN_A_WORD


def _lower_first(text: str) -> str:
    """Return ``text`` with its first word lower-cased unless it is an acronym or proper noun."""
    first = text.split(" ", 1)[0]
    keep = {"Party", "China", "Chinese", "Communist", "Internet", "COVID-19", "Five-Year", "Belt"}
    if first in keep or is_name(first) or first.strip("()").isupper() or not first[:1].isupper() or any(
            c.isupper() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]


def _split_modifiers(prefix: str) -> Optional[list[str]]:
    """Return the English of ``prefix`` read as a run of known leading words, None if any part is unknown."""
    if not prefix:
        return []
    mods = group("modifiers")
    for size in range(len(prefix), 0, -1):
        head = prefix[:size]
        if head in mods:
            tail = _split_modifiers(prefix[size:])
            if tail is not None:
                return [mods[head], *tail]
    return None


def _compose(text: str) -> Optional[str]:
    """Return modifiers + the longest glossary indicator ``text`` ends with, None unless all parts are known."""
    terms = group("indicators")
    for start in range(1, len(text)):
        core = text[start:]
        if core not in terms:
            continue
        words = _split_modifiers(text[:start])
        if words is not None:
            return " ".join([words[0], *(_lower_first(w) for w in words[1:]), _lower_first(terms[core])])
    return None


_PARTICIPLES = {"built", "rebuilt", "done", "held", "made", "run", "set", "up", "out", "down", "off", "paid",
                "won", "grown", "sent", "cut", "met", "brought", "kept", "laid", "given", "taken", "chosen",
                "shown", "spent", "sold", "put", "shut"}


def _ends_with_participle(text: str) -> bool:
    """Return True if ``text`` already ends in a verb ("… renovated", "… set up")."""
    last = text.rstrip(")").rsplit(" ", 1)[-1].lower()
    return last in _PARTICIPLES or (len(last) > 3 and last.endswith("ed"))


def _wrap(template: str, inner: str) -> str:
    """Return ``template`` with {x} (inner, first word lower-cased) and {X} (inner capitalised) filled.

    A template that only adds a verb after the inner name ("{X} built") leaves an inner name that
    already ends in one as it is, so 培养 + 农村技能人才 does not read "… trained trained".
    """
    capital = inner[:1].upper() + inner[1:]
    if template.startswith("{X} ") and template[4:5].isalpha() and _ends_with_participle(inner):
        return capital
    head = re.fullmatch(r"([A-Z][\w -]*) (?:in|of) \{x\}", template)
    if head and " " not in inner and _ends_with_participle(inner):  # 落地投资: "Investment launched", not "… in launched"
        return f"{head[1]} {inner.lower()}"
    if re.search(r"[Nn]umber of \{x\}", template):
        inner = counted_plural(inner)  # 家庭农场总数: "Total number of family farms"
    return template.format(x=_lower_first(inner), X=capital)


@cache
def _affixes(name: str) -> tuple[tuple[str, str], ...]:
    """Return (word, English template) pairs of an affix group, longest word first."""
    return tuple(sorted(((k, v["en"]) for k, v in group(name).items()), key=lambda kv: -len(kv[0])))


@cache
def _indicator_en(text: str, words: bool = False) -> Optional[str]:
    """Return the English of a normalised indicator: exact, composed, or wrapped by a known affix.

    With ``words``, a part no glossary entry covers is composed word by word with the dictionary.
    """
    terms = group("indicators")
    if text in terms:
        return terms[text][:1].upper() + terms[text][1:]  # names kept as "the … project" for endings
    composed = _compose(text) or _pair(text) or _share(text, words)
    if composed:
        return composed
    # A known ending wrapping a known indicator (…占比 → "Share of …").
    for suffix, template in _affixes("indicator_suffixes"):
        if text.endswith(suffix) and len(text) > len(suffix) and not _cuts_a_term_end(text, suffix):
            inner = _indicator_en(text[: -len(suffix)], words)
            if inner:
                return _wrap(template, inner)
    # A known leading verb before a known indicator (建成… → "… built").
    for prefix, template in _affixes("indicator_prefixes"):
        if text.startswith(prefix) and len(text) > len(prefix) + 1 and not _cuts_a_term(text, prefix):
            inner = _indicator_en(text[len(prefix):], words)
            if inner:
                return _wrap(template, inner)
    return _described(text, words) or (compose_en(text) if words else None)


def _cuts_a_term(text: str, prefix: str) -> bool:
    """Return True if a longer glossary sense starts ``text`` than ``prefix`` (建成区绿地率: 建成区 is built-up
    area, not 建成 "built" + 区绿地率)."""
    return any(text.startswith(term) and len(term) > len(prefix) for term in _words_at(prefix[0], True))


def _cuts_a_term_end(text: str, suffix: str) -> bool:
    """Return True if a longer glossary sense ends ``text`` than ``suffix`` (拆除违法建设: 违法建设, not 建设)."""
    return any(text.endswith(term) and len(term) > len(suffix) for term in _words_at(suffix[-1], False))


@cache
def _words_at(char: str, first: bool) -> tuple[str, ...]:
    """Return the glossary's sense words (whole words of the genre) that begin (first) or end with ``char``."""
    return tuple(w for w in group("senses") if (w.startswith(char) if first else w.endswith(char)))


def _share(text: str, words: bool = False) -> Optional[str]:
    """Return "Share of A in B" for "A占B比重" (民生支出占一般公共预算支出比重), None unless both parts are known."""
    m = re.fullmatch(r"(.+?)占(.+?)(?:的)?(?:比重|比例)", text)
    if not m:
        return None
    part, whole = _indicator_en(m[1], words), _indicator_en(m[2], words)
    return f"Share of {_lower_first(part)} in {_lower_first(whole)}" if part and whole else None


def _pair(text: str) -> Optional[str]:
    """Return one English for "A和B C" when "A C" and "B C" are both glossary names that differ in one place
    (城镇居民和农村居民人均可支配收入 → "Per-capita disposable income of urban and rural residents"), or
    "A and B" when both are whole glossary names; None otherwise."""
    left, mark, right = text.partition("和")
    if not mark:
        left, mark, right = text.partition("及")
    if not mark or not left or not right:
        return None
    whole = _indicator_en(left), _indicator_en(right)
    if all(whole):
        return f"{whole[0]} and {_lower_first(whole[1])}"  # two whole names: a list of two
    for cut in range(1, len(right)):
        first, second = _indicator_en(left + right[cut:]), _indicator_en(right)
        if first and second:
            return _merge(first.split(), second.split())
    return None


def _merge(first: list[str], second: list[str]) -> Optional[str]:
    """Return two English names as one with "A and B" where they differ ("of urban residents", "of rural residents"
    → "of urban and rural residents"), None when they differ in more than one place or not at all."""
    start = next((i for i, (a, b) in enumerate(zip(first, second)) if a != b), None)
    if start is None:
        return None
    end = next(i for i in range(1, min(len(first), len(second)) + 1) if first[-i] != second[-i]) - 1
    a, b = first[start:len(first) - end], second[start:len(second) - end]
    if not a or not b:
        return None
    return " ".join(first[:start] + a + ["and", _lower_first(" ".join(b))] + first[len(first) - end:])


def _described(text: str, words: bool = False) -> Optional[str]:
    """Return "B (A)" for a name "A的B" whose two parts are both known (通过国家审核的项目 → "Projects (…)")."""
    what, mark, whose = PARTY_OF.sub("", text).rpartition("的")
    if not mark or not what or not whose:
        return None
    head, detail = _indicator_en(whose, words), _indicator_en(what, words)
    return f"{head} ({_lower_first(detail)})" if head and detail else None


def _key(indicator: str) -> str:
    """Return a name as the glossary looks it up, a bracket of alternatives inside a word read as one word
    (新（改、扩）建 → 新改扩建)."""
    return norm(ALTERNATIVES_IN_A_WORD.sub(lambda m: m.group(1).replace("、", ""), indicator))


def indicator_en(indicator: Optional[str]) -> Optional[str]:
    """Return the English of an indicator name: from the glossary, else composed with the dictionary, else None."""
    if not indicator:
        return None
    text = _key(indicator)
    return _indicator_en(text) or _indicator_en(text, True) or None


def indicator_origin(indicator: Optional[str]) -> Optional[str]:
    """Return where an indicator's English comes from: "glossary", "dictionary" (CC-CEDICT words), or None."""
    if not indicator:
        return None
    text = _key(indicator)
    if _indicator_en(text):
        return "glossary"
    return "dictionary" if _indicator_en(text, True) else None
