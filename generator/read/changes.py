"""A change from one value to another (由29.1亿元增长到50.1亿元): the value it started from is a fact of its own."""
from __future__ import annotations

import re

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.lexicon import period_matchers, possessive
from generator.read.not_facts import FROM_VALUE
from generator.read.numbers import Num
from generator.read.sentences import end_of_clause, start_of_clause


def add_starting_levels(sentence: str, nums: list[Num], drafts: list[Draft]) -> None:
    """Add the starting level of each change from one value to another (由2015年的29.1亿元增长到50.1亿元 →
    29.1亿元), named like the level it grew to, to ``drafts`` in reading order."""
    for num in nums:
        if num.skip != FROM_VALUE:
            continue
        result = next((d for d in drafts if d.num.start >= num.end), None)
        if result is None:
            continue
        num.skip = None
        clause_start = start_of_clause(sentence, num.start)
        drafts.append(Draft(num, result.indicator, clause_start, end_of_clause(sentence, num.end),
                            extra={"left": result.extra.get("left", ""), "starting": True}))
    drafts.sort(key=lambda d: d.num.start)


def before_from_value(left: str) -> str:
    """Return the words before 由/从, or before the first value, when they open a change from one value to another
    (地区生产总值由29.1亿元增长到, 比重68.7%提高到 → 地区生产总值, 比重)."""
    data = load_data("not_facts.yaml")
    words, markers = "|".join(data["from_value_after"]), "|".join(data["from_value_before"])
    period = period_matchers()[0].pattern  # 从2022年的92万元增加到2023年1.85亿元
    match = re.search(rf"(?:{markers})[^，；。]*?\d[^，；。]*?(?:{words})(?:{period})?{possessive()}?$", left) \
        or left.endswith(tuple(data["from_value_after"])) \
        and re.search(rf"(?<![\d.])\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff]{{1,3}})(?:{words})$", left)  # 比重68.7%提高到
    return left[:match.start()] if match else left  # 由2020年的14646元提高到: nothing before 由 names the change
