"""Rates stated together: one figure for several rates or things, and the qualifier bare rate words share."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.indicators import clean_indicator
from generator.read.lexicon import list_joiner_regex, list_marker
from generator.read.lists import share_tail
from generator.read.segment import word_tags


def one_rate_each(draft: Draft, left_raw: str, named_before: Callable[[str], str]) -> list[Draft]:
    """Return one draft per rate when one percentage is stated for several (热线解决率、群众满意率达到100%);
    ``named_before`` names a bare rate after the clause before it."""
    if draft.num.unit != "%" or list_marker("respectively") in left_raw:
        return [draft]  # A率、B率分别达到X、Y: one value each, named by distribute_lists
    rates = tuple(load_data("indicators.yaml")["rate_endings"])
    items = _rate_word_shared([clean for clean in map(clean_indicator, re.split(list_joiner_regex("item_joiners"), left_raw))
                               if clean])
    crossed = _things_then_rates(items, rates)
    if crossed:
        return [replace(draft, indicator=name, extra={**draft.extra, "left": name}) for name in crossed]
    if len(items) < 2 or not all(i.endswith(rates) for i in items):
        return [draft]
    topic = draft.indicator[:-len(items[-1])] if draft.indicator.endswith(items[-1]) else ""
    if re.search(list_joiner_regex("item_joiners") + "|" + "|".join(rates), topic):
        topic = ""  # 政协委员提案 came from the clause before (办结率、满意率100%); a list item is no topic
    if not topic and len(items[0]) <= 3:  # 46件…提案全部办复，办复率和满意率均达100%: the list opens bare
        named = named_before(items[0])
        topic = named[:-len(items[0])] if named.endswith(items[0]) else ""
    names = _shared_qualifiers([topic + item if len(item) <= 3 else item for item in items])
    return [replace(draft, indicator=name, extra={**draft.extra, "left": name}) for name in names]


def _things_then_rates(items: list[str], rates: tuple[str, ...]) -> list[str]:
    """Return one name per thing and rate when things listed first share the rates listed after the last of them
    (人大代表建议、政协提案办结率、满意率 → 人大代表建议办结率, 政协提案办结率, 人大代表建议满意率, …), else []."""
    first = next((at for at, item in enumerate(items) if item.endswith(rates)), None)
    if not first or len(items[first]) <= 3 or any(len(i) > 3 or not i.endswith(rates) for i in items[first + 1:]):
        return []
    if len(items) == first + 1 or any(re.search(r"\d", i) or i.endswith(rates) for i in items[:first]):
        return []
    things = items[:first] + [items[first][:-3]]
    return [thing + rate for rate in [items[first][-3:], *items[first + 1:]] for thing in things]


def _rate_word_shared(items: list[str]) -> list[str]:
    """Return list items with the rate that closes only the last one given to the things listed before it, read
    after the head word they share (城乡居民基本养老保险、医疗保险参保率 → …养老保险参保率, 医疗保险参保率)."""
    rates = tuple(load_data("indicators.yaml")["rate_endings"])
    if len(items) < 2 or not items[-1].endswith(rates) or any(i.endswith(rates) or re.search(r"\d", i) for i in items[:-1]):
        return items
    return share_tail(items)


def _shared_qualifiers(names: list[str]) -> list[str]:
    """Return rate names where a bare rate word takes the qualifier of the named rate before it
    (义务教育阶段入学率和巩固率 → 义务教育阶段巩固率; 按时办结率、满意率: an adverb qualifies nothing)."""
    shared, qualifier = [], ""
    for name in names:
        if len(name) <= 3 and qualifier:
            name = qualifier + name
        elif len(name) > 3:
            qualifier = _rate_qualifier(name)
        shared.append(name)
    return shared


def _rate_qualifier(name: str) -> str:
    """Return the words before the rate word (verb + 率) of a rate name, '' when they only say how (按时)."""
    words = word_tags(name[:-3])
    flags = load_data("indicators.yaml")["qualifier_not_flags"]
    return name[:-3] if len(name) >= 5 and words and words[-1].flag not in flags else ""
