"""The fact being assembled from one sentence, before it becomes a Fact."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from generator.datafiles import load as load_data
from generator.read.lexicon import cue_alternation, growth_words
from generator.read.numbers import Num


@dataclass
class Draft:
    """A fact being assembled from one sentence."""

    num: Num
    indicator: str
    quote_start: int
    quote_end: int
    kind: str = "actual"
    period: Optional[str] = None
    growth_pct: Optional[float] = None
    growth_basis: Optional[str] = None
    value: Optional[float] = None
    unit: Optional[str] = None
    parent: Optional["Draft"] = None
    extra: dict = field(default_factory=dict)


def change_of_previous(indicator: str, earlier: list["Draft"]) -> str:
    """Return the indicator of a change written without its subject (比2015年增加98天, 同比增加15天 → 优良天数增加),
    named after the last fact before it in the sentence that is not itself a change; ``indicator`` unchanged
    otherwise."""
    words = "|".join(growth_words())
    comparers, kept = cue_alternation("change_comparers"), cue_alternation("change_kept")
    kept_words = load_data("modality.yaml")["change_kept"]
    bases = "|".join(sorted((w for w in load_data("modality.yaml")["growth_basis"] if w not in kept_words), key=len, reverse=True))
    fillers = cue_alternation("growth_fillers")
    match = re.fullmatch(rf"(?:{bases}|{comparers})*(?:{fillers})*((?:{kept})?(?:{words}))", indicator)
    levels = [d for d in earlier if not d.indicator.endswith(tuple(growth_words()))]
    if not match or not levels:
        return indicator
    return levels[-1].indicator + match.group(1)
