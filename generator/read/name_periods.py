"""Periods and comparison bases inside a name: they say when or against what, not what is measured."""
from __future__ import annotations

import functools
import re

from generator.datafiles import load as load_data
from generator.read.lexicon import bare_but_ending, owns_a_target, period_matchers, spans_a_sum


@functools.cache
def _comparison_words() -> tuple[str, ...]:
    """Return the words one of which every comparison base that names no figure holds (同期, 相比)."""
    return tuple(load_data("periods.yaml")["comparison_fillers"] + load_data("periods.yaml")["comparison_words"])


@functools.cache
def _comparison_base() -> re.Pattern:
    """Return the regex of a comparison base with its period (比去年同期, 较上年相比, 与2015年相比, 去年同期)."""
    data = load_data("periods.yaml")
    markers = "".join(data["base_markers"] + data["comparison_openers"])
    fillers, words = "|".join(data["comparison_fillers"]), "|".join(data["comparison_words"])
    period = period_matchers()[0].pattern
    return re.compile(rf"[{markers}]?(?:{period})(?:{fillers})(?:{words})?|[{markers}](?:{period})(?:{words})")


@functools.cache
def _base_of_multiple() -> re.Pattern:
    """Return the regex of the year before named as the base of a multiple at a name's end (收入是上年的)."""
    data = load_data("periods.yaml")
    verbs, years = "|".join(data["multiple_verbs"]), "|".join(data["base_years"])
    return re.compile(rf"(?:{verbs})(?:{years})的?$")


def without_periods(text: str) -> str:
    """Return text without its periods and comparison bases (是去年同期1.34倍, 较去年相比增收, 是上年的: they name
    nothing); a period whose target is measured against stays (占全年任务)."""
    if any(word in text for word in _comparison_words()):  # the base regex is long: most names hold none
        text = _comparison_base().sub("", text)
    text = _base_of_multiple().sub("", text)
    return period_matchers()[0].sub(lambda m: m.group() if owns_a_target(text, m) or _spans_a_bare_sum(text, m) else "", text)


def _spans_a_bare_sum(text: str, match: re.Match) -> bool:
    """Return True for a span of years before the sum of a bare name (五年累计投资: the span is all that says whose)."""
    rest = text[match.end():]
    rest = next((rest[len(w):] for w in load_data("not_facts.yaml")["sum_verbs"] if rest.startswith(w)), rest)
    return spans_a_sum(text, match) and bare_but_ending(rest, set(load_data("indicators.yaml")["bare_names"]))
